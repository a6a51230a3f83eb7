//! What `anju geo` refuses rather than draw a wrong map: a ring that crosses itself,
//! places that overlap, a county filed under another city, a name two counties of one
//! city share, a source id the dataset already cites; and what it mends: simplified
//! borders that would cross are kept whole.

use anju_data::geometry::parse_geo;
use anju_geo::cross::{crossings, segments};
use anju_geo::names::Aliases;
use anju_geo::output::Settings;
use anju_geo::sites::Sites;
mod common;

use anju_geo::source;
use anju_geo::{plan, GeoError};
use common::{demo, sources};

fn feature(name: &str, coords: &str) -> String {
    format!(
        r#"{{"type":"Feature","properties":{{"name":"{name}"}},"geometry":{{"type":"Polygon","coordinates":[{coords}]}}}}"#
    )
}

#[test]
fn a_ring_that_crosses_itself_is_refused_where_it_is() {
    let bowtie = format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        feature("碧江区", "[[0,0],[2,2],[2,0],[0,2],[0,0]]")
    );
    let e = source::parse("bowtie.geojson", &bowtie).unwrap_err().to_string();
    assert!(e.starts_with("bowtie.geojson features[0] (碧江区): 环 0 自相交"), "{e}");
    // A part inside another part would be punched out of it as a hole.
    let nested = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"碧江区"},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[4,0],[4,4],[0,4],[0,0]]],[[[1,1],[2,1],[2,2],[1,2],[1,1]]]]}}]}"#;
    let e = source::parse("nested.geojson", nested).unwrap_err().to_string();
    assert!(e.contains("features[0] (碧江区): 多边形 1 位于多边形 0 之内"), "{e}");
    // Spikes and a ring touching itself at a vertex, as published boundaries have them,
    // are not crossings.
    let spike = format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        feature("碧江区", "[[0,0],[4,0],[4,4],[2,4],[2,6],[2,4],[0,4],[0,0]]")
    );
    assert!(source::parse("spike.geojson", &spike).is_ok());
}

#[test]
fn places_that_overlap_are_refused_naming_both() {
    let mut files = sources();
    // 碧江区 again, 30 m east, under a name the dataset does not have: it lies over
    // 碧江区 and its neighbours.
    let mut copy = files[0].features[0].clone();
    copy.name = "某某县".into();
    copy.index = files[0].features.len();
    copy.label = None;
    for p in copy.rings.iter_mut().flatten() {
        p[0] += 0.0003;
    }
    files[0].features.push(copy);
    match plan(&demo(), &files, &Aliases::new(&[]), &Settings::default(), &Sites::None) {
        Err(GeoError::Overlap { first, second, .. }) => {
            assert!(first.contains("features[0] (碧江区)"), "{first}");
            assert!(second.contains("(某某县)"), "{second}");
        }
        other => panic!("{:?}", other.err()),
    }
}

#[test]
fn a_county_of_another_city_in_a_citys_file_is_refused() {
    let mut files = sources();
    let zhongshan = files[1].features.iter().find(|f| f.name == "钟山区").unwrap().clone();
    let index = files[0].features.len();
    files[0].features.push(anju_geo::source::Feature { index, ..zhongshan });
    files.remove(1);
    match plan(&demo(), &files, &Aliases::new(&[]), &Settings::default(), &Sites::None) {
        Err(GeoError::OtherPlace { at, county, place, here }) => {
            assert_eq!(at, "gui4_zhou1_tong2_ren2.geojson features[10] (钟山区)");
            assert_eq!((county.as_str(), place.as_str(), here.as_str()), ("钟山区", "六盘水市", "铜仁市"));
        }
        other => panic!("{:?}", other.err()),
    }
}

#[test]
fn a_name_two_counties_of_a_city_share_is_refused() {
    let mut ds = demo();
    let k = ds.find("520603").unwrap();
    ds.node_mut(k).name = "碧江区".into();
    match plan(&ds, &sources(), &Aliases::new(&[]), &Settings::default(), &Sites::None) {
        Err(GeoError::SameName { place, name, file, index }) => {
            assert_eq!((place.as_str(), name.as_str()), ("铜仁市", "碧江区"));
            assert_eq!((file.as_str(), index), ("gui4_zhou1_tong2_ren2.geojson", 0));
        }
        other => panic!("{:?}", other.err()),
    }
}

/// At a coarse tolerance, borders simplified on their own would cut across each other;
/// those that would are kept whole, so no two places' outlines cross.
#[test]
fn simplified_borders_never_cross() {
    let settings = Settings { tolerance: 40.0, ..Settings::default() };
    let p = plan(&demo(), &sources(), &Aliases::new(&[]), &settings, &Sites::None).unwrap();
    for f in &p.files {
        let g = parse_geo(&f.path, &f.bytes).unwrap();
        let segs =
            g.shapes.iter().enumerate().flat_map(|(i, s)| s.rings.iter().flat_map(move |r| segments(r, i))).collect();
        assert_eq!(crossings(segs), [], "{}", f.path);
    }
}

/// A label the source puts on an edge is moved inside: on an edge it could read as
/// outside once converted to degrees, and the run would be refused.
#[test]
fn a_label_on_an_edge_moves_inside() {
    use anju_geo::output::{encode, Draft, DraftShape};
    let square = vec![[100.0, 20.0], [101.0, 20.0], [101.0, 21.0], [100.0, 21.0], [100.0, 20.0]];
    let draft = Draft {
        node: "p".into(),
        arcs: vec![square],
        outline: vec![vec![0]],
        shapes: vec![DraftShape { id: "a".into(), rings: vec![vec![0]], label: Some([100.5, 20.0]) }],
        points: Vec::new(),
    };
    let (bytes, _) = encode(&draft, &Settings::default()).unwrap();
    let g = parse_geo("g", &bytes).unwrap();
    let [x, y] = g.shapes[0].label;
    assert!(x > 100.0 && x < 101.0 && y > 20.0 && y < 21.0, "{x} {y}");
    assert!(y - 20.0 > 1e-4, "off the edge: {y}");
}
