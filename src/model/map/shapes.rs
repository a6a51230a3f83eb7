//! The map's plane geometry: the projection, which rings are holes, areas, hatching.

use super::Path;
use anju_data::geometry::{contains, cos_lat};

/// The projection: equirectangular with longitude scaled by the cosine of the middle
/// latitude (true shape at a province's scale), onto a frame 1 wide. `bounds` is west,
/// south, east, north in degrees ([`anju_data::geometry::Geometry::bounds`]).
pub fn project(bounds: [f64; 4]) -> impl Fn([f64; 2]) -> [f64; 2] {
    let [w, s, e, n] = bounds;
    let k = cos_lat((s + n) / 2.0);
    let span = ((e - w) * k).max((n - s) * 1e-3).max(1e-12);
    move |p| [(p[0] - w) * k / span, (n - p[1]) / span]
}

/// Which of a place's rings are holes by the even-odd rule: those inside an odd number of
/// the others. Parts of one place may touch (share a border or a corner), so each ring is
/// tested at a point strictly inside it, never at a vertex, which may lie on another ring.
pub fn holes(rings: &[Path]) -> Vec<bool> {
    (0..rings.len())
        .map(|i| {
            let Some(q) = inner_point(&rings[i]) else { return false };
            let depth =
                rings.iter().enumerate().filter(|&(j, r)| j != i && contains(std::slice::from_ref(r), q)).count();
            depth % 2 == 1
        })
        .collect()
}

/// A point just inside `ring`, beside the middle of its longest edge (so the step inward
/// is small against the ring and larger than rounding).
fn inner_point(ring: &Path) -> Option<[f64; 2]> {
    let (a, b) = ring.windows(2).map(|w| (w[0], w[1])).max_by(|x, y| {
        let len = |(a, b): &([f64; 2], [f64; 2])| (b[0] - a[0]).hypot(b[1] - a[1]);
        len(x).total_cmp(&len(y))
    })?;
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len = dx.hypot(dy);
    if len == 0.0 {
        return None;
    }
    let mid = [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0];
    let step = len * 1e-3;
    [1.0, -1.0]
        .into_iter()
        .map(|side| [mid[0] - side * dy / len * step, mid[1] + side * dx / len * step])
        .find(|&q| contains(std::slice::from_ref(ring), q))
}

/// The net area of `rings` (unit frame, square units): their signed sum, holes wound
/// against their outer ring as `anju geo` writes them.
pub fn net_area(rings: &[Path]) -> f64 {
    rings.iter().map(|r| r.windows(2).map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1]).sum::<f64>()).sum::<f64>().abs()
        / 2.0
}

/// Diagonal hatching (lines running up to the right, `step` apart along x) inside `rings`
/// by the even-odd rule: the segments, in the rings' own coordinates.
pub fn hatch(rings: &[Vec<(f64, f64)>], step: f64) -> Vec<[(f64, f64); 2]> {
    let pts = rings.iter().flatten();
    let (lo, hi) = pts.fold((f64::MAX, f64::MIN), |(lo, hi), &(x, y)| (lo.min(x + y), hi.max(x + y)));
    let mut out = Vec::new();
    let mut c = lo + step / 2.0;
    while c < hi && step > 0.0 {
        // The line x + y = c: where each edge crosses it, by x.
        let mut xs: Vec<f64> = Vec::new();
        for r in rings {
            for (a, b) in r.iter().zip(r.iter().skip(1)) {
                let (da, db) = (a.0 + a.1 - c, b.0 + b.1 - c);
                if (da > 0.0) != (db > 0.0) {
                    xs.push(a.0 + (b.0 - a.0) * da / (da - db));
                }
            }
        }
        anju_data::order::sort_by(&mut xs, f64::total_cmp);
        out.extend(xs.chunks_exact(2).map(|p| [(p[0], c - p[0]), (p[1], c - p[1])]));
        c += step;
    }
    out
}
