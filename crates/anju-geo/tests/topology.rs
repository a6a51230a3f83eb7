//! Shared arcs and dissolving on shapes whose answers are known: squares side by side, an
//! enclave, and (property) random maps of grid cells, where every cell centre must fall
//! inside its own group's dissolved outline and no other.

use anju_data::geometry::contains;
use anju_geo::topology::{build, dissolve, points, unref};
use proptest::prelude::*;

fn square(x: f64, y: f64, s: f64) -> Vec<[f64; 2]> {
    vec![[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]
}

#[test]
fn a_shared_side_is_one_arc_walked_both_ways() {
    let t = build(&[square(0.0, 0.0, 1.0), square(1.0, 0.0, 1.0)]);
    assert_eq!(t.arcs.len(), 3);
    let shared: Vec<usize> =
        t.rings[0].iter().map(|&r| unref(r).0).filter(|i| t.rings[1].iter().any(|&r| unref(r).0 == *i)).collect();
    assert_eq!(shared.len(), 1);
    let dir = |ring: &[i64]| ring.iter().find(|&&r| unref(r).0 == shared[0]).map(|&r| unref(r).1).unwrap();
    assert_ne!(dir(&t.rings[0]), dir(&t.rings[1]), "once forwards, once backwards");
    let refs: Vec<&[i64]> = t.rings.iter().map(Vec::as_slice).collect();
    let outline = dissolve(&t.arcs, &refs).unwrap();
    assert_eq!(outline.len(), 1);
    let ring = points(&t.arcs, &outline[0]);
    assert_eq!(ring.len(), 7, "the outer six corners, closed: {ring:?}");
    assert!(!ring.contains(&[1.0, 0.5]));
}

#[test]
fn an_enclave_shares_its_whole_ring_with_the_hole_around_it() {
    let outer = square(0.0, 0.0, 4.0);
    let hole = square(1.0, 1.0, 1.0);
    let mut inner = hole.clone();
    inner.reverse();
    // The enclave's ring starts elsewhere: it is still the same loop.
    let inner: Vec<[f64; 2]> = (0..5).map(|k| inner[(k + 2) % 4]).collect();
    let t = build(&[outer, hole, inner]);
    assert_eq!(t.rings[1].len(), 1);
    assert_eq!(unref(t.rings[1][0]).0, unref(t.rings[2][0]).0);
    assert_ne!(unref(t.rings[1][0]).1, unref(t.rings[2][0]).1);
    // The country with its hole and the enclave dissolve to the outer square alone.
    let refs: Vec<&[i64]> = t.rings.iter().map(Vec::as_slice).collect();
    let outline = dissolve(&t.arcs, &refs).unwrap();
    assert_eq!(outline.len(), 1);
    assert_eq!(points(&t.arcs, &outline[0]).len(), 5);
}

proptest! {
    #[test]
    fn dissolved_groups_hold_exactly_their_cells(groups in proptest::collection::vec(0usize..3, 16), turned in proptest::collection::vec(any::<bool>(), 16)) {
        // A 4 × 4 map of unit cells, each in one of three groups, wound either way (GeoJSON
        // allows both): read as a source file reads them, one winding for all.
        let cells: Vec<(usize, Vec<[f64; 2]>)> = groups
            .iter()
            .zip(&turned)
            .enumerate()
            .map(|(i, (&g, &turn))| {
                let mut r = square((i % 4) as f64, (i / 4) as f64, 1.0);
                if turn {
                    r.reverse();
                }
                (g, r)
            })
            .collect();
        let features: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let coords: Vec<String> = c.1.iter().map(|p| format!("[{},{}]", p[0], p[1])).collect();
                format!(r#"{{"type":"Feature","properties":{{"name":"c{i}"}},"geometry":{{"type":"Polygon","coordinates":[[{}]]}}}}"#, coords.join(","))
            })
            .collect();
        let text = format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, features.join(","));
        let read = anju_geo::source::parse("grid.geojson", &text).unwrap();
        let cells: Vec<(usize, Vec<[f64; 2]>)> = cells.iter().zip(&read.features).map(|(c, f)| (c.0, f.rings[0].clone())).collect();
        let rings: Vec<Vec<[f64; 2]>> = cells.iter().map(|c| c.1.clone()).collect();
        let t = build(&rings);
        // Every cell reads back as its own square.
        for (k, c) in cells.iter().enumerate() {
            let back = points(&t.arcs, &t.rings[k]);
            prop_assert!(contains(std::slice::from_ref(&back), [c.1[0][0] + 0.5, c.1[0][1] + 0.5]));
            prop_assert_eq!(back.len(), back.iter().map(|p| p.map(f64::to_bits)).collect::<std::collections::HashSet<_>>().len() + 1);
        }
        for g in 0..3 {
            let refs: Vec<&[i64]> = cells.iter().enumerate().filter(|(_, c)| c.0 == g).map(|(k, _)| t.rings[k].as_slice()).collect();
            let outline = dissolve(&t.arcs, &refs).unwrap();
            let drawn: Vec<Vec<[f64; 2]>> = outline.iter().map(|r| points(&t.arcs, r)).collect();
            for (i, c) in cells.iter().enumerate() {
                let centre = [(i % 4) as f64 + 0.5, (i / 4) as f64 + 0.5];
                prop_assert_eq!(contains(&drawn, centre), c.0 == g, "cell {} of group {} against group {}", i, c.0, g);
            }
        }
    }
}
