//! One geometry file from a topology: its arcs snapped to a square grid, each simplified
//! once (Ramer–Douglas–Peucker through `geo`, in a plane corrected for latitude), every
//! ring checked, a label point inside each shape, and the whole written in
//! `anju_data::geometry`'s format.

use crate::topology::unref;
use crate::GeoError;
use anju_data::columns::code;
use anju_data::geometry::{
    contains, encode_arc, to_arc_ref, GeoFile, PointRef, ShapeRef, Transform, GEO_FORMAT, GEO_VERSION,
};
use geo::{Coord, LineString, SimplifyIdx};
use std::collections::HashMap;

/// A file to write: arcs (degrees), the node's outline and its children's shapes as rings
/// of references into `arcs`.
#[derive(Clone, Debug)]
pub struct Draft {
    pub node: String,
    pub arcs: Vec<Vec<[f64; 2]>>,
    pub outline: Vec<Vec<i64>>,
    pub shapes: Vec<DraftShape>,
    /// Children drawn as points (a county's sites).
    pub points: Vec<crate::sites::SitePoint>,
}

#[derive(Clone, Debug)]
pub struct DraftShape {
    pub id: String,
    pub rings: Vec<Vec<i64>>,
    /// Where the source suggests the name goes (degrees); kept if inside the drawn shape.
    pub label: Option<[f64; 2]>,
}

/// How fine a file is drawn.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    /// Grid points across the file's longer side.
    pub grid: i64,
    /// Simplification tolerance in grid units (a point closer than this to the line
    /// through its neighbours' kept points goes).
    pub tolerance: f64,
}

impl Default for Settings {
    /// 10,000 points across (about 60 m at a province's width, 20 m at a city's) and a
    /// tolerance of 4 of them: under half a pixel on a map 1,000 pixels wide.
    fn default() -> Self {
        Settings { grid: 10_000, tolerance: 4.0 }
    }
}

/// Points in and out, for the report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub points_in: usize,
    pub points_out: usize,
    /// Rings smaller than a grid cell, left out (said in the report).
    pub rings_dropped: usize,
}

type G = [i64; 2];

/// The kept indices of `line` (grid points) simplified with `tol`, distances measured
/// with longitude scaled by `kx`. A closed arc is split at its farthest point first, so
/// that it keeps a shape rather than collapsing onto its start.
fn simplify(line: &[G], tol: f64, kx: f64) -> Vec<usize> {
    let plane =
        |s: &[G]| -> LineString<f64> { s.iter().map(|p| Coord { x: p[0] as f64 * kx, y: p[1] as f64 }).collect() };
    let n = line.len();
    if n <= 2 {
        return (0..n).collect();
    }
    if line[0] == line[n - 1] {
        let d = |p: &G| ((p[0] - line[0][0]) as f64 * kx).hypot((p[1] - line[0][1]) as f64);
        let far = (1..n - 1).max_by(|&a, &b| d(&line[a]).total_cmp(&d(&line[b]))).unwrap_or(1);
        let mut head = plane(&line[..=far]).simplify_idx(tol);
        let tail = plane(&line[far..]).simplify_idx(tol);
        head.extend(tail.into_iter().skip(1).map(|i| i + far));
        return head;
    }
    plane(line).simplify_idx(tol)
}

/// The widest stretch inside `rings` along a few horizontal lines, its middle on the grid;
/// `None` if no grid point found is inside (a shape thinner than a grid cell).
fn interior(rings: &[Vec<[f64; 2]>]) -> Option<G> {
    // Scan lines across each ring's own height (a shape's parts may lie far apart, each a
    // sliver of the whole's height), half a unit off the grid so that none passes through
    // a vertex.
    let mut ys: Vec<f64> = Vec::new();
    for r in rings {
        let (lo, hi) = r.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p[1]), b.max(p[1])));
        ys.extend((1..8).map(|k| (lo + (hi - lo) * k as f64 / 8.0).floor() + 0.5));
    }
    let mut spans = Vec::new();
    for y in ys {
        let mut xs: Vec<f64> = Vec::new();
        for r in rings {
            for (a, b) in r.iter().zip(r.iter().skip(1)) {
                if (a[1] > y) != (b[1] > y) {
                    xs.push(a[0] + (y - a[1]) / (b[1] - a[1]) * (b[0] - a[0]));
                }
            }
        }
        xs.sort_by(f64::total_cmp);
        spans.extend(xs.chunks_exact(2).map(|c| (c[1] - c[0], (c[0] + c[1]) / 2.0, y)));
    }
    spans.sort_by(|a, b| b.0.total_cmp(&a.0));
    spans
        .into_iter()
        .flat_map(|(_, x, y)| [[x.round(), y - 0.5], [x.round(), y + 0.5]])
        .find(|&p| inside_clear(rings, p))
        .map(|p| [p[0] as i64, p[1] as i64])
}

/// Inside `rings` and at least half a grid unit from every edge: a point on an edge may
/// read as inside here and outside after the reader's conversion to degrees.
fn inside_clear(rings: &[Vec<[f64; 2]>], p: [f64; 2]) -> bool {
    let far = |a: [f64; 2], b: [f64; 2]| {
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let len2 = dx * dx + dy * dy;
        let t = if len2 > 0.0 { (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
        (p[0] - a[0] - t * dx).hypot(p[1] - a[1] - t * dy) >= 0.5
    };
    contains(rings, p) && rings.iter().all(|r| r.windows(2).all(|w| far(w[0], w[1])))
}

/// Whole numbers as a series string (`anju_data::columns::code`).
fn series(v: &[i64]) -> String {
    let mut s = String::new();
    code::write(v.iter().map(|&x| i128::from(x)), &mut s);
    s
}

/// The file's bytes, and how many points went in and out.
pub fn encode(d: &Draft, s: &Settings) -> Result<(Vec<u8>, Stats), GeoError> {
    // Arcs in order of first use; arcs no ring walks (borders dissolved away) are not written.
    let mut renumber: HashMap<usize, usize> = HashMap::new();
    let mut order = Vec::new();
    for r in d.shapes.iter().flat_map(|s| &s.rings).chain(&d.outline).flatten() {
        let (i, _) = unref(*r);
        renumber.entry(i).or_insert_with(|| {
            order.push(i);
            order.len() - 1
        });
    }
    let pts = || order.iter().flat_map(|&i| &d.arcs[i]).chain(d.points.iter().map(|p| &p.at));
    let (mut w, mut south, mut e, mut n) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in pts() {
        (w, south, e, n) = (w.min(p[0]), south.min(p[1]), e.max(p[0]), n.max(p[1]));
    }
    if !(2..=1 << 30).contains(&s.grid) || !(0.0..=1e6).contains(&s.tolerance) {
        return Err(GeoError::Dataset(format!("grid {} / tolerance {} out of range", s.grid, s.tolerance)));
    }
    let span = (e - w).max(n - south);
    // NaN (no points) and zero (one point) alike: nothing to draw.
    if span.is_nan() || span <= 0.0 {
        return Err(GeoError::Empty { node: d.node.clone() });
    }
    let scale = span / (s.grid - 1) as f64;
    let t = Transform { scale: [scale, scale], translate: [w, south] };
    let kx = ((south + n) / 2.0).to_radians().cos();
    let snap = |p: &[f64; 2]| -> G { [((p[0] - w) / scale).round() as i64, ((p[1] - south) / scale).round() as i64] };
    let full: Vec<Vec<G>> = order
        .iter()
        .map(|&i| {
            let mut a: Vec<G> = d.arcs[i].iter().map(snap).collect();
            a.dedup();
            a
        })
        .collect();
    let kept: Vec<Vec<G>> =
        full.iter().map(|a| simplify(a, s.tolerance, kx).into_iter().map(|k| a[k]).collect()).collect();
    let mut stats = Stats { points_in: order.iter().map(|&i| d.arcs[i].len()).sum(), ..Stats::default() };
    let remap = |ring: &[i64]| -> Vec<i64> {
        ring.iter()
            .map(|&r| {
                let (i, back) = unref(r);
                to_arc_ref(renumber[&i], back)
            })
            .collect()
    };
    // Rings that simplification would flatten keep their arcs whole (for every ring that
    // shares them, so that neighbours still meet); rings smaller than a grid cell go.
    let mut whole = vec![false; full.len()];
    let arcs_of = |whole: &[bool]| -> Vec<&Vec<G>> {
        (0..full.len()).map(|i| if whole[i] { &full[i] } else { &kept[i] }).collect()
    };
    let ring_pts = |arcs: &[&Vec<G>], refs: &[i64]| -> Vec<G> {
        let mut out = crate::topology::points(arcs, refs);
        out.dedup();
        out
    };
    let distinct = |p: &[G]| p.iter().collect::<std::collections::HashSet<_>>().len();
    let all_rings: Vec<Vec<i64>> = d.shapes.iter().flat_map(|s| &s.rings).chain(&d.outline).map(|r| remap(r)).collect();
    for r in &all_rings {
        if distinct(&ring_pts(&arcs_of(&whole), r)) < 3 {
            for &a in r {
                whole[unref(a).0] = true;
            }
        }
    }
    // Simplified borders that now touch or cross another (or themselves) are kept whole,
    // with what they touch, until none does; arcs both whole are as the source drew them.
    let as_f64 = |a: &Vec<G>| -> Vec<[f64; 2]> { a.iter().map(|p| [p[0] as f64, p[1] as f64]).collect() };
    let segs = |arcs: &[&Vec<G>]| -> Vec<crate::cross::Seg> {
        arcs.iter().enumerate().flat_map(|(i, a)| crate::cross::segments(&as_f64(a), i).collect::<Vec<_>>()).collect()
    };
    loop {
        let arcs = arcs_of(&whole);
        let end = |p: Option<&G>| p.map_or([0.0; 2], |p| [p[0] as f64, p[1] as f64]);
        let ends: Vec<[[f64; 2]; 2]> = arcs.iter().map(|a| [end(a.first()), end(a.last())]).collect();
        let len: Vec<usize> = arcs.iter().map(|a| a.len().saturating_sub(1)).collect();
        let touching = crate::cross::contacts(segs(&arcs), &ends, &len);
        let fresh: Vec<usize> = touching.iter().flat_map(|&(a, b)| [a, b]).filter(|&i| !whole[i]).collect();
        if fresh.is_empty() {
            break;
        }
        // Each round keeps at least one more arc whole: the loop ends.
        for i in fresh {
            whole[i] = true;
        }
    }
    // Whole arcs that cross (snapping to the grid alone made them): refused, never drawn.
    if let Some(&(a, b)) = crate::cross::crossings(segs(&arcs_of(&whole))).first() {
        return Err(GeoError::Crossing { node: d.node.clone(), arcs: format!("{a}, {b}") });
    }
    let arcs = arcs_of(&whole);
    let mut keep_ring = |r: &Vec<i64>| {
        let ok = distinct(&ring_pts(&arcs, r)) >= 3;
        stats.rings_dropped += usize::from(!ok);
        ok
    };
    let outline: Vec<String> = d.outline.iter().map(|r| remap(r)).filter(&mut keep_ring).map(|r| series(&r)).collect();
    let mut shapes = Vec::with_capacity(d.shapes.len());
    for sh in &d.shapes {
        let rings: Vec<Vec<i64>> = sh.rings.iter().map(|r| remap(r)).filter(&mut keep_ring).collect();
        let drawn: Vec<Vec<[f64; 2]>> = rings
            .iter()
            .map(|r| ring_pts(&arcs, r).into_iter().map(|p| [p[0] as f64, p[1] as f64]).collect())
            .collect();
        let given = sh.label.map(|p| snap(&p)).filter(|p| inside_clear(&drawn, [p[0] as f64, p[1] as f64]));
        let Some(label) = given.or_else(|| interior(&drawn)) else {
            return Err(GeoError::TooSmall { node: d.node.clone(), id: sh.id.clone() });
        };
        shapes.push(ShapeRef {
            id: sh.id.clone(),
            rings: rings.iter().map(|r| series(r)).collect(),
            label: series(&label),
        });
    }
    let encoded: Vec<String> = arcs.iter().map(|a| encode_arc(a)).collect();
    stats.points_out = arcs.iter().map(|a| a.len()).sum();
    let file = GeoFile {
        format: GEO_FORMAT.into(),
        version: GEO_VERSION,
        node: d.node.clone(),
        transform: t,
        arcs: encoded,
        outline,
        shapes,
        points: d
            .points
            .iter()
            .map(|p| PointRef { id: p.id.clone(), at: series(&snap(&p.at)), synthesised: p.synthesised })
            .collect(),
    };
    Ok((serde_json::to_vec(&file).expect("geometry serialises"), stats))
}
