//! Lines that cross: two segments meeting at a point inside both (`geo`'s sweep,
//! `Intersections`). Touching at a vertex, running along each other and zero-width spikes
//! are not crossings: published boundaries have plenty of them and they draw right. A
//! crossing is a bow-tie in a source ring, or a simplified border cutting another.

use geo::sweep::Cross;
use geo::{Coord, Line, LineIntersection};

/// A segment and the ring or arc it belongs to.
#[derive(Clone, Copy, Debug)]
pub struct Seg {
    pub line: Line<f64>,
    pub owner: usize,
}

impl Cross for Seg {
    type Scalar = f64;
    fn line(&self) -> Line<f64> {
        self.line
    }
}

/// The segments of `points` (a ring or an arc) as owned by `owner`.
pub fn segments(points: &[[f64; 2]], owner: usize) -> impl Iterator<Item = Seg> + '_ {
    points.windows(2).filter(|w| w[0] != w[1]).map(move |w| Seg {
        line: Line::new(Coord { x: w[0][0], y: w[0][1] }, Coord { x: w[1][0], y: w[1][1] }),
        owner,
    })
}

/// Every pair of owners whose segments cross (each pair once, the lower owner first).
pub fn crossings(segs: Vec<Seg>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = geo::sweep::Intersections::from_iter(segs)
        .filter(|(_, _, x)| matches!(x, LineIntersection::SinglePoint { is_proper: true, .. }))
        .map(|(a, b, _)| (a.owner.min(b.owner), a.owner.max(b.owner)))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}
