//! From matched features to geometry files, bottom up: a file per place whose counties
//! have boundaries (the counties as shapes, the place's whole area as outline), then a
//! file per place above (its children's outlines, dissolved anew so that their shared
//! borders are shared arcs again). Pure: the caller writes the files.

use crate::names::{match_files, Aliases, Matching};
use crate::output::{encode, Draft, DraftShape, Settings, Stats};
use crate::sites::{check_given, synthesise, SitePoint, Sites};
use crate::source::{Ring, SourceFile};
use crate::topology::{build, dissolve, points};
use crate::GeoError;
use anju_data::{Dataset, Level, NodeIx};
use std::collections::HashMap;

/// One geometry file to write.
#[derive(Clone, Debug)]
pub struct PlannedFile {
    /// The node whose children it draws.
    pub node: String,
    /// Relative to the index: `geo/<node id>.json`.
    pub path: String,
    pub bytes: Vec<u8>,
    pub stats: Stats,
}

/// The files, and what matched and what did not.
pub struct Plan {
    pub files: Vec<PlannedFile>,
    pub matching: Matching,
    pub summary: Summary,
}

/// What matched and what did not, by name, for the report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Counties matched.
    pub matched: usize,
    /// (name in the boundaries, county's name today) for matches through an alias.
    pub renamed: Vec<(String, String)>,
    /// (file, feature name): features that are no county of the dataset, kept as their
    /// place's background.
    pub extra: Vec<(String, String)>,
    /// Files no name of which matched, not used.
    pub unmatched_files: Vec<String>,
    /// Counties without a boundary, as `name (id)`: absent from the map.
    pub missing: Vec<String>,
    /// Sites drawn on their county's map, and how many of them at made-up locations.
    pub sites_drawn: usize,
    pub sites_synthesised: usize,
    /// Sites of counties with a map but no location given, as `name (id)`: listed, not drawn.
    pub sites_without: Vec<String>,
}

fn summary(ds: &Dataset, files: &[SourceFile], m: &Matching) -> Summary {
    Summary {
        matched: m.matched.len(),
        renamed: m
            .matched
            .iter()
            .filter_map(|r| Some((r.renamed_from.clone()?, ds.nodes[r.node].name.clone())))
            .collect(),
        extra: m
            .extra_features
            .iter()
            .map(|&(f, i)| (files[f].name.clone(), files[f].features[i].name.clone()))
            .collect(),
        unmatched_files: m
            .parent_of_file
            .iter()
            .zip(files)
            .filter(|(p, _)| p.is_none())
            .map(|(_, f)| f.name.clone())
            .collect(),
        missing: m.missing_counties.iter().map(|&c| format!("{} ({})", ds.nodes[c].name, ds.nodes[c].id)).collect(),
        ..Summary::default()
    }
}

/// `geo/<id>.json`, the id made safe as a file name as shards' are (`write::safe`).
fn path_for(id: &str) -> String {
    format!("geo/{}.json", anju_data::write::safe(id))
}

/// A child to draw: its id, its rings and, where the source gives one, its label point.
type Member = (String, Vec<Ring>, Option<[f64; 2]>);

/// A file's shapes and outline from `members` (child, its rings, its label) plus
/// `context` rings (inside the place, drawn as its outline only).
fn draft(node: &str, members: &[Member], context: &[Ring]) -> Result<(Draft, Vec<Ring>), GeoError> {
    let all: Vec<Ring> = members.iter().flat_map(|m| m.1.iter().cloned()).chain(context.iter().cloned()).collect();
    let topo = build(&all);
    let mut next = 0;
    let mut shapes = Vec::with_capacity(members.len());
    for (id, rings, label) in members {
        shapes.push(DraftShape { id: id.clone(), rings: topo.rings[next..next + rings.len()].to_vec(), label: *label });
        next += rings.len();
    }
    let refs: Vec<&[i64]> = topo.rings.iter().map(Vec::as_slice).collect();
    let outline = dissolve(&topo.arcs, &refs).ok_or_else(|| GeoError::Dissolve { node: node.into() })?;
    let area = outline.iter().map(|r| points(&topo.arcs, r)).collect();
    Ok((Draft { node: node.into(), arcs: topo.arcs, outline, shapes, points: Vec::new() }, area))
}

/// Refuses features that overlap by more than a millionth of the smaller one's area:
/// neighbours from one source share their border exactly, so an overlap is a place given
/// twice, an exclave drawn over a neighbour without a hole for it, or boundaries of two
/// sources side by side (which would also leave slivers between them).
fn check_overlaps(files: &[SourceFile], used: &[(usize, usize)]) -> Result<(), GeoError> {
    use geo::{Area, BooleanOps, BoundingRect};
    let polys: Vec<(geo::MultiPolygon<f64>, Option<geo::Rect<f64>>, f64)> = used
        .iter()
        .map(|&(f, i)| {
            let p = files[f].features[i].polygons();
            let (b, a) = (p.bounding_rect(), p.unsigned_area());
            (p, b, a)
        })
        .collect();
    let name = |k: usize| {
        let (f, i) = used[k];
        let feat = &files[f].features[i];
        format!("{} features[{}] ({})", files[f].name, feat.index, feat.name)
    };
    for a in 0..polys.len() {
        for b in a + 1..polys.len() {
            let (Some(ra), Some(rb)) = (polys[a].1, polys[b].1) else { continue };
            let apart = ra.max().x < rb.min().x
                || rb.max().x < ra.min().x
                || ra.max().y < rb.min().y
                || rb.max().y < ra.min().y;
            if apart {
                continue;
            }
            let shared = polys[a].0.intersection(&polys[b].0).unsigned_area();
            let smaller = polys[a].2.min(polys[b].2);
            if shared > smaller * 1e-6 {
                let share = format!("{:.2}%", shared / smaller * 100.0);
                return Err(GeoError::Overlap { first: name(a), second: name(b), share });
            }
        }
    }
    Ok(())
}

/// Refuses two sites of a county at one spot, or closer than its map file's grid tells
/// apart (a ten-thousandth of the county's extent): one circle would hide the other, and a
/// click meant for one would open the other.
fn same_spot(
    points: &[SitePoint],
    rings: &[crate::source::Ring],
    given: &HashMap<&str, &crate::sites::Given>,
) -> Result<(), GeoError> {
    let near = anju_data::geometry::extent(rings) * 2e-4;
    for (i, a) in points.iter().enumerate() {
        if let Some(b) = points[i + 1..].iter().find(|b| (a.at[0] - b.at[0]).hypot(a.at[1] - b.at[1]) <= near) {
            let from = |p: &SitePoint| given.get(p.id.as_str()).map_or_else(|| p.id.clone(), |g| g.from.clone());
            return Err(GeoError::SiteSameSpot { first: from(a), second: from(b) });
        }
    }
    Ok(())
}

/// Matches `files` to `ds`'s counties and lays out every geometry file.
/// With `sites` other than [`Sites::None`], `ds` must hold the counties' sites (its
/// shards read): each county with sites located gets a file of its outline and its sites.
pub fn plan(
    ds: &Dataset,
    files: &[SourceFile],
    aliases: &Aliases,
    settings: &Settings,
    sites: &Sites,
) -> Result<Plan, GeoError> {
    let matching = match_files(ds, files, aliases)?;
    if matching.matched.is_empty() {
        return Err(GeoError::NothingMatched);
    }
    let feature = |f: usize, i: usize| &files[f].features[i];
    let used: Vec<(usize, usize)> =
        matching.matched.iter().map(|m| (m.file, m.feature)).chain(matching.extra_features.iter().copied()).collect();
    check_overlaps(files, &used)?;
    let mut area: HashMap<NodeIx, Vec<Ring>> = HashMap::new();
    let mut drafts: Vec<Draft> = Vec::new();
    // Places whose counties have boundaries, in the dataset's order.
    let mut county_parents: Vec<NodeIx> = matching.parent_of_file.iter().flatten().copied().collect();
    county_parents.sort_unstable();
    county_parents.dedup();
    for &p in &county_parents {
        let of: HashMap<NodeIx, (usize, usize)> = matching
            .matched
            .iter()
            .filter(|m| matching.parent_of_file[m.file] == Some(p))
            .map(|m| (m.node, (m.file, m.feature)))
            .collect();
        let members: Vec<_> = ds.kids[p]
            .iter()
            .filter_map(|k| {
                of.get(k).map(|&(f, i)| (ds.nodes[*k].id.clone(), feature(f, i).rings.clone(), feature(f, i).label))
            })
            .collect();
        let context: Vec<Ring> = matching
            .extra_features
            .iter()
            .filter(|(f, _)| matching.parent_of_file[*f] == Some(p))
            .flat_map(|&(f, i)| feature(f, i).rings.clone())
            .collect();
        let (d, a) = draft(&ds.nodes[p].id, &members, &context)?;
        drafts.push(d);
        area.insert(p, a);
    }
    let mut summary = summary(ds, files, &matching);
    // Each county with sites located: its outline and the sites as points.
    let mut given: HashMap<&str, &crate::sites::Given> = HashMap::new();
    if let Sites::Given(list) = sites {
        for g in list {
            if let Some(first) = given.insert(g.id.as_str(), g) {
                let id = anju_data::text::clip(&g.id, 60);
                return Err(GeoError::SiteTwice { first: first.from.clone(), second: g.from.clone(), id });
            }
        }
    }
    let mut used_given = 0;
    for m in matching.matched.iter().filter(|_| !matches!(sites, Sites::None)) {
        let (county, f) = (&ds.nodes[m.node], feature(m.file, m.feature));
        let ids: Vec<String> = ds.kids[m.node].iter().map(|&k| ds.nodes[k].id.clone()).collect();
        let points: Vec<SitePoint> = match sites {
            Sites::Given(_) => {
                let mut out = Vec::new();
                for (k, id) in ds.kids[m.node].iter().zip(&ids) {
                    match given.get(id.as_str()) {
                        Some(g) => out.push(check_given(&f.rings, g, &ds.nodes[*k].name, &county.name)?),
                        None => summary.sites_without.push(format!("{} ({id})", ds.nodes[*k].name)),
                    }
                }
                used_given += out.len();
                same_spot(&out, &f.rings, &given)?;
                out
            }
            _ => {
                let out = synthesise(&f.rings, f.label, &ids);
                let placed: std::collections::HashSet<&str> = out.iter().map(|p| p.id.as_str()).collect();
                for (k, id) in ds.kids[m.node].iter().zip(&ids).filter(|(_, id)| !placed.contains(id.as_str())) {
                    summary.sites_without.push(format!("{} ({id})", ds.nodes[*k].name));
                }
                out
            }
        };
        if points.is_empty() {
            continue;
        }
        summary.sites_drawn += points.len();
        summary.sites_synthesised += points.iter().filter(|p| p.synthesised).count();
        let (mut d, _) = draft(&county.id, &[], &f.rings)?;
        d.points = points;
        drafts.push(d);
    }
    // A location given for no site of a county with a map: a wrong id, never dropped quietly.
    if let Sites::Given(list) = sites {
        if used_given < list.len() {
            let placed: std::collections::HashSet<&str> =
                drafts.iter().flat_map(|d| d.points.iter().map(|p| p.id.as_str())).collect();
            if let Some(g) = list.iter().find(|g| !placed.contains(g.id.as_str())) {
                return Err(GeoError::SiteUnknown { at: g.from.clone(), id: anju_data::text::clip(&g.id, 60) });
            }
        }
    }
    // The levels above, children before parents.
    let mut order = Vec::new();
    let mut stack = vec![ds.root];
    while let Some(n) = stack.pop() {
        if ds.nodes[n].level < Level::County {
            order.push(n);
            stack.extend(ds.kids[n].iter().copied());
        }
    }
    for &n in order.iter().rev() {
        let upper = ds.kids[n].iter().any(|k| ds.nodes[*k].level < Level::County && area.contains_key(k));
        if area.contains_key(&n) {
            // Counties drawn in this node's file and cities below it besides: one file
            // cannot yet draw both, and leaving either out would be a wrong map.
            if upper {
                return Err(GeoError::Mixed { node: ds.nodes[n].id.clone() });
            }
            continue;
        }
        let members: Vec<_> =
            ds.kids[n].iter().filter_map(|k| area.get(k).map(|a| (ds.nodes[*k].id.clone(), a.clone(), None))).collect();
        if members.is_empty() {
            continue;
        }
        let (d, a) = draft(&ds.nodes[n].id, &members, &[])?;
        drafts.push(d);
        area.insert(n, a);
    }
    let mut out = Vec::with_capacity(drafts.len());
    for d in drafts {
        let (bytes, stats) = encode(&d, settings)?;
        out.push(PlannedFile { path: path_for(&d.node), node: d.node, bytes, stats });
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    // Two ids made the same file name (`a.b`, `a_b`): one file cannot be both.
    if let Some(w) = out.windows(2).find(|w| w[0].path == w[1].path) {
        return Err(GeoError::Dataset(format!(
            "节点 {} 和 {} 的地图文件名相同（{}）；请让编号可区分 / nodes {} and {} give the same map file name ({}); make the ids distinguishable",
            w[0].node, w[1].node, w[0].path, w[0].node, w[1].node, w[0].path
        )));
    }
    Ok(Plan { files: out, matching, summary })
}
