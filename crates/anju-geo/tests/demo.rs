//! `anju geo` on the demo and its committed boundaries (docs/sources/boundaries): every
//! county matched (the renamed ones through the alias table), the rest reported, shared
//! borders still shared after simplification, the same bytes on every run, and what
//! `public/data/geo` holds.

use anju_data::geometry::{parse_geo, GeoFile};
use anju_data::Dataset;
use anju_geo::names::Aliases;
use anju_geo::output::Settings;
mod common;

use anju_geo::sites::Sites;
use anju_geo::source;
use anju_geo::{plan, GeoError, Plan};
use common::{root, sources};
use geo::{Coord, LineString, Simplify};
use std::collections::HashSet;
use std::sync::OnceLock;

fn demo() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(common::demo_full)
}

fn demo_plan() -> &'static Plan {
    static P: OnceLock<Plan> = OnceLock::new();
    P.get_or_init(|| plan(demo(), &sources(), &Aliases::new(&[]), &Settings::default(), &Sites::Synthesise).unwrap())
}

fn file_of<'a>(p: &'a Plan, node: &str) -> &'a [u8] {
    &p.files.iter().find(|f| f.node == node).unwrap_or_else(|| panic!("no file for {node}")).bytes
}

#[test]
fn every_demo_county_is_matched_and_the_renamed_ones_through_the_alias_table() {
    let counties = demo().nodes.iter().filter(|n| n.level == anju_data::Level::County).count();
    let s = &demo_plan().summary;
    assert_eq!((s.matched, counties), (20, 20));
    assert!(s.missing.is_empty(), "{:?}", s.missing);
    assert!(s.unmatched_files.is_empty());
    let renamed: HashSet<(&str, &str)> = s.renamed.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(renamed, HashSet::from([("盘县", "盘州市"), ("水城县", "水城区")]));
    // Without the table, the two renamed counties would have no boundary.
    let mut bare = sources();
    for f in &mut bare {
        f.features.retain(|x| x.name != "盘县" && x.name != "水城县");
    }
    let p = plan(demo(), &bare, &Aliases::new(&[]), &Settings::default(), &Sites::None).unwrap();
    assert_eq!(p.summary.missing, ["水城区 (520204)", "盘州市 (520281)"]);
}

#[test]
fn unmatched_names_are_reported_on_both_sides() {
    let s = &demo_plan().summary;
    // 毕节 and 昭通 have counties the demo leaves out: kept as their city's background.
    assert_eq!(s.extra.len(), 13);
    assert!(s.extra.contains(&("gui4_zhou1_bi4_jie2.geojson".into(), "金沙县".into())));
    assert!(s.extra.contains(&("yun2_nan2_zhao1_tong1.geojson".into(), "水富县".into())));
    // A county without a boundary, and a file of somewhere else.
    let mut files = sources();
    files[0].features.retain(|f| f.name != "碧江区");
    let foreign = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"某某县"},
        "geometry":{"type":"Polygon","coordinates":[[[100,30],[101,30],[101,31],[100,30]]]}}]}"#;
    files.push(source::parse("elsewhere.geojson", foreign).unwrap());
    let p = plan(demo(), &files, &Aliases::new(&[]), &Settings::default(), &Sites::None).unwrap();
    assert_eq!(p.summary.missing, ["碧江区 (520602)"]);
    assert_eq!(p.summary.unmatched_files, ["elsewhere.geojson"]);
    assert!(parse_geo("5206", file_of(&p, "5206")).unwrap().shape("520602").is_none());
}

#[test]
fn a_caller_alias_matches_a_name_the_table_does_not_know() {
    let mut files = sources();
    files[0].features.iter_mut().filter(|f| f.name == "碧江区").for_each(|f| f.name = "铜仁县".into());
    let p = plan(demo(), &files, &Aliases::new(&[]), &Settings::default(), &Sites::None).unwrap();
    assert_eq!(p.summary.missing, ["碧江区 (520602)"]);
    let p =
        plan(demo(), &files, &Aliases::new(&[("铜仁县".into(), "碧江区".into())]), &Settings::default(), &Sites::None)
            .unwrap();
    assert!(p.summary.missing.is_empty());
    assert!(p.summary.renamed.contains(&("铜仁县".into(), "碧江区".into())));
}

#[test]
fn two_features_claiming_one_county_are_refused() {
    let mut files = sources();
    let copy = files[0].features.iter().find(|f| f.name == "碧江区").unwrap().clone();
    let index = files[0].features.len();
    files[0].features.push(anju_geo::source::Feature { index, ..copy });
    match plan(demo(), &files, &Aliases::new(&[]), &Settings::default(), &Sites::None) {
        Err(GeoError::Claimed { county, first, second }) => {
            assert_eq!(county, "碧江区");
            assert_eq!(
                (first.as_str(), second.as_str()),
                ("gui4_zhou1_tong2_ren2.geojson features[0]", "gui4_zhou1_tong2_ren2.geojson features[10]")
            );
        }
        other => panic!("{:?}", other.err()),
    }
}

#[test]
fn nothing_matched_is_refused() {
    let foreign = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"某某县"},
        "geometry":{"type":"Polygon","coordinates":[[[100,30],[101,30],[101,31],[100,30]]]}}]}"#;
    let files = vec![source::parse("elsewhere.geojson", foreign).unwrap()];
    assert!(matches!(
        plan(demo(), &files, &Aliases::new(&[]), &Settings::default(), &Sites::None),
        Err(GeoError::NothingMatched)
    ));
}

#[test]
fn every_file_reads_back_with_each_child_and_a_label_inside() {
    let p = demo_plan();
    let nodes: Vec<&str> = p.files.iter().map(|f| f.node.as_str()).filter(|n| n.len() != 6).collect();
    assert_eq!(nodes, ["5202", "5205", "5206", "5306", "demo"]);
    assert_eq!(p.files.len(), 5 + 20, "and a file per county, of its sites");
    for f in p.files.iter().filter(|f| f.node.len() != 6) {
        let g = parse_geo(&f.path, &f.bytes).unwrap_or_else(|e| panic!("{}: {:?}", f.path, e.list.first()));
        let ix = demo().ids[f.node.as_str()];
        let kids: Vec<&str> = demo().kids[ix].iter().map(|&k| demo().nodes[k].id.as_str()).collect();
        let drawn: Vec<&str> = g.shapes.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(drawn, kids, "{}: every child, in the dataset's order", f.path);
        assert!(!g.outline.is_empty());
    }
}

type G = [i64; 2];

fn grid(t: &anju_data::geometry::Transform, p: [f64; 2]) -> G {
    [((p[0] - t.translate[0]) / t.scale[0]).round() as i64, ((p[1] - t.translate[1]) / t.scale[1]).round() as i64]
}

/// Segments (either direction) of `rings` whose two ends lie on `border`.
fn on_border(rings: &[Vec<G>], border: &HashSet<G>) -> HashSet<(G, G)> {
    let mut out = HashSet::new();
    for r in rings {
        for w in r.windows(2) {
            if border.contains(&w[0]) && border.contains(&w[1]) {
                out.insert(if w[0] < w[1] { (w[0], w[1]) } else { (w[1], w[0]) });
            }
        }
    }
    out
}

/// Whether two neighbours drawn as `a` and `b` (grid rings) meet along their whole shared
/// border (`border`: the source's shared vertices on the grid): the same segments on both
/// sides, so neither a gap nor an overlap opens between them.
fn meet(a: &[Vec<G>], b: &[Vec<G>], border: &HashSet<G>) -> Result<usize, String> {
    let (sa, sb) = (on_border(a, border), on_border(b, border));
    if sa != sb {
        return Err(format!("{} segments on one side only", sa.symmetric_difference(&sb).count()));
    }
    Ok(sa.len())
}

#[test]
fn shared_borders_stay_shared_after_simplification() {
    let files = sources();
    let feature = |name: &str| files[0].features.iter().find(|f| f.name == name).unwrap();
    let (a, b) = (feature("碧江区"), feature("万山区"));
    let bytes = file_of(demo_plan(), "5206");
    let t = serde_json::from_slice::<GeoFile>(bytes).unwrap().transform;
    let va: HashSet<[u64; 2]> = a.rings.iter().flatten().map(|p| p.map(f64::to_bits)).collect();
    let shared: Vec<[f64; 2]> =
        b.rings.iter().flatten().copied().filter(|p| va.contains(&p.map(f64::to_bits))).collect();
    let border: HashSet<G> = shared.iter().map(|&p| grid(&t, p)).collect();
    assert!(border.len() > 50, "the two are neighbours in the source: {} shared points", border.len());
    let g = parse_geo("5206", bytes).unwrap();
    let drawn = |id: &str| -> Vec<Vec<G>> {
        g.shape(id).unwrap().rings.iter().map(|r| r.iter().map(|&p| grid(&t, p)).collect()).collect()
    };
    let n = meet(&drawn("520602"), &drawn("520603"), &border).unwrap();
    assert!(n > 10, "the border is drawn: {n} segments");
    let points: usize = drawn("520602").iter().map(Vec::len).sum();
    let source_points: usize = a.rings.iter().map(Vec::len).sum();
    assert!(points * 2 < source_points, "and simplified: {points} of {source_points} points");
    // The check can fail: each shape simplified on its own, at the same tolerance on the same
    // grid, keeps different points of the border on each side.
    let tol = Settings::default().tolerance;
    let alone = |rings: &[Vec<[f64; 2]>]| -> Vec<Vec<G>> {
        rings
            .iter()
            .map(|r| {
                let line: LineString<f64> =
                    r.iter().map(|&p| grid(&t, p)).map(|q| Coord { x: q[0] as f64, y: q[1] as f64 }).collect();
                line.simplify(tol).0.iter().map(|c| [c.x as i64, c.y as i64]).collect()
            })
            .collect()
    };
    assert!(meet(&alone(&a.rings), &alone(&b.rings), &border).is_err(), "simplified apart, the neighbours part");
}

#[test]
fn the_same_files_give_the_same_bytes() {
    let again = plan(demo(), &sources(), &Aliases::new(&[]), &Settings::default(), &Sites::Synthesise).unwrap();
    let bytes = |p: &Plan| p.files.iter().map(|f| (f.path.clone(), f.bytes.clone())).collect::<Vec<_>>();
    assert!(bytes(&again) == bytes(demo_plan()));
}

/// `public/data/geo` and the index's `geo` are what `anju geo` makes of the committed
/// boundaries (regenerate with scripts/gen-demo.sh).
#[test]
fn committed_demo_geometry_is_current() {
    let p = demo_plan();
    let refs = demo().geo.as_ref().expect("the demo names its map files");
    let planned: Vec<(&str, &str)> = p.files.iter().map(|f| (f.node.as_str(), f.path.as_str())).collect();
    let named: Vec<(&str, &str)> = refs.files.iter().map(|(n, f)| (n.as_str(), f.as_str())).collect();
    assert_eq!(named, planned);
    assert!(demo().meta.sources.contains_key(&refs.source));
    for f in &p.files {
        let on_disk = std::fs::read(root().join("public/data").join(&f.path)).unwrap();
        assert!(on_disk == f.bytes, "public/data/{} is stale; run scripts/gen-demo.sh", f.path);
    }
}

/// Every demo site is drawn on its county's map, at a made-up location marked so, inside
/// the county's outline as drawn and clear of its border; no two sites of a county share
/// a spot.
#[test]
fn every_demo_site_is_placed_inside_its_county_and_marked_synthesised() {
    let (ds, p) = (demo(), demo_plan());
    let counties: Vec<_> = (0..ds.nodes.len()).filter(|&i| ds.nodes[i].level == anju_data::Level::County).collect();
    let mut sites = 0;
    for c in counties {
        let g = parse_geo("g", file_of(p, &ds.nodes[c].id)).unwrap();
        let [w, s, e, n] = g.bounds().unwrap();
        let extent = (e - w).max(n - s);
        assert!(g.shapes.is_empty(), "a county's file draws its sites as points");
        for &k in ds.kids[c].iter() {
            let at = g.point(&ds.nodes[k].id).unwrap_or_else(|| panic!("{} not drawn", ds.nodes[k].id)).at;
            assert!(anju_data::geometry::contains(&g.outline, at), "{} outside {}", ds.nodes[k].id, ds.nodes[c].name);
            // Clear of the border: a step of 1 % of the county's extent stays inside.
            for d in [[0.01, 0.0], [-0.01, 0.0], [0.0, 0.01], [0.0, -0.01]] {
                let q = [at[0] + d[0] * extent, at[1] + d[1] * extent];
                assert!(anju_data::geometry::contains(&g.outline, q), "{} on the border", ds.nodes[k].id);
            }
            sites += 1;
        }
        assert!(g.points.iter().all(|p| p.synthesised));
        let spots: HashSet<[u64; 2]> = g.points.iter().map(|p| p.at.map(f64::to_bits)).collect();
        assert_eq!(spots.len(), g.points.len());
    }
    assert_eq!((p.summary.sites_drawn, p.summary.sites_synthesised), (sites, sites));
    assert!(sites > 20, "{sites}");
}

/// Surveyed locations: drawn as given (not marked synthesised); one outside its county
/// (longitude and latitude swapped) and an id that is no site are refused, naming the row;
/// sites without a location are reported, not drawn.
#[test]
fn given_site_locations_are_checked_against_their_county() {
    use anju_geo::sites::Given;
    let ds = demo();
    let run = |given: Vec<Given>| plan(ds, &sources(), &Aliases::new(&[]), &Settings::default(), &Sites::Given(given));
    let inside = parse_geo("g", file_of(demo_plan(), "520603")).unwrap().point("520603-S1").unwrap().at;
    let g = |id: &str, at: [f64; 2]| Given { id: id.into(), at, from: format!("sites.csv row {}", 2) };
    let p = run(vec![g("520603-S1", inside)]).unwrap();
    let file = parse_geo("g", file_of(&p, "520603")).unwrap();
    assert_eq!(file.points.len(), 1);
    assert!(!file.points[0].synthesised);
    assert!((file.points[0].at[0] - inside[0]).abs() < 1e-3 && (file.points[0].at[1] - inside[1]).abs() < 1e-3);
    assert_eq!(p.files.iter().filter(|f| f.node.len() == 6).count(), 1, "only counties with a site located");
    assert!(p.summary.sites_without.iter().any(|s| s.contains("520603-S2")));
    match run(vec![g("520603-S1", [inside[1], inside[0]])]) {
        Err(GeoError::SiteOutside { at, county, .. }) => {
            assert_eq!((at.as_str(), county.as_str()), ("sites.csv row 2", "万山区"))
        }
        other => panic!("{:?}", other.map(|p| p.summary)),
    }
    match run(vec![g("520603-S1", inside), g("520603-S99", inside)]) {
        Err(GeoError::SiteUnknown { id, .. }) => assert_eq!(id, "520603-S99"),
        other => panic!("{:?}", other.map(|p| p.summary)),
    }
    let row = |id: &str, r: usize| Given { id: id.into(), at: inside, from: format!("row {r}") };
    match run(vec![row("520603-S1", 2), row("520603-S1", 3)]) {
        Err(GeoError::SiteTwice { first, second, .. }) => {
            assert_eq!((first.as_str(), second.as_str()), ("row 2", "row 3"))
        }
        other => panic!("{:?}", other.map(|p| p.summary)),
    }
    // Two sites at one spot: one circle would hide the other.
    match run(vec![row("520603-S1", 2), row("520603-S2", 3)]) {
        Err(GeoError::SiteSameSpot { first, second }) => {
            assert_eq!((first.as_str(), second.as_str()), ("row 2", "row 3"))
        }
        other => panic!("{:?}", other.map(|p| p.summary)),
    }
}

/// A county too thin for the margin from its border still gets every site inside it, each
/// at its own spot.
#[test]
fn synthesised_sites_stay_inside_a_thin_county() {
    use anju_geo::sites::synthesise;
    // About 120 km by 3 km, bent like a river valley.
    let ring = vec![
        [105.0, 27.0],
        [106.2, 27.0],
        [106.2, 27.3],
        [106.17, 27.3],
        [106.17, 27.027],
        [105.0, 27.027],
        [105.0, 27.0],
    ];
    let rings = vec![ring];
    let ids: Vec<String> = (1..=12).map(|k| format!("c-S{k}")).collect();
    let placed = synthesise(&rings, Some([105.6, 27.5]), &ids);
    assert_eq!(placed.len(), ids.len());
    for p in &placed {
        assert!(anju_data::geometry::contains(&rings, p.at), "{} at {:?}", p.id, p.at);
    }
    let spots: HashSet<[u64; 2]> = placed.iter().map(|p| p.at.map(f64::to_bits)).collect();
    assert_eq!(spots.len(), placed.len());
}
