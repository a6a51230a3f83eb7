//! Lines that cross or touch (`geo`'s sweep, `Intersections`). [`crossings`]: two
//! segments meeting at a point inside both; touching at a vertex, running along each
//! other and zero-width spikes are not crossings, since published boundaries have plenty
//! of them and they draw right (a bow-tie in a source ring is one). [`contacts`]: for
//! arcs after simplification on the grid, anything but arcs meeting at their ends and a
//! segment meeting the next one: a simplified border through a neighbour's corner is as
//! wrong as one across its side.

use geo::sweep::Cross;
use geo::{Coord, Line, LineIntersection};

/// A segment, the ring or arc it belongs to, and its place in it.
#[derive(Clone, Copy, Debug)]
pub struct Seg {
    pub line: Line<f64>,
    pub owner: usize,
    /// Its position in its ring or arc.
    pub k: usize,
}

impl Cross for Seg {
    type Scalar = f64;
    fn line(&self) -> Line<f64> {
        self.line
    }
}

/// The segments of `points` (a ring or an arc) as owned by `owner`.
pub fn segments(points: &[[f64; 2]], owner: usize) -> impl Iterator<Item = Seg> + '_ {
    points.windows(2).enumerate().filter(|(_, w)| w[0] != w[1]).map(move |(k, w)| Seg {
        line: Line::new(Coord { x: w[0][0], y: w[0][1] }, Coord { x: w[1][0], y: w[1][1] }),
        owner,
        k,
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

/// Every pair of arcs (owners) that touch where they should not: anywhere but at a point
/// that ends both (a junction), or, within one arc, anywhere but where a segment meets the
/// next. `ends[i]` are arc i's first and last points; `len[i]` its segment count.
pub fn contacts(segs: Vec<Seg>, ends: &[[[f64; 2]; 2]], len: &[usize]) -> Vec<(usize, usize)> {
    let at_end = |i: usize, p: Coord<f64>| ends[i].iter().any(|e| e[0] == p.x && e[1] == p.y);
    let mut out: Vec<(usize, usize)> = geo::sweep::Intersections::from_iter(segs)
        .filter(|(a, b, x)| match x {
            LineIntersection::SinglePoint { intersection: p, .. } if a.owner != b.owner => {
                !(at_end(a.owner, *p) && at_end(b.owner, *p))
            }
            LineIntersection::SinglePoint { .. } => {
                let (lo, hi) = (a.k.min(b.k), a.k.max(b.k));
                // Neighbouring segments, or a closed arc's last and first.
                !(hi == lo + 1 || (lo == 0 && hi + 1 == len[a.owner]))
            }
            LineIntersection::Collinear { .. } => true,
        })
        .map(|(a, b, _)| (a.owner.min(b.owner), a.owner.max(b.owner)))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}
