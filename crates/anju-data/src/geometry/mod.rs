//! The map's boundaries: geometry files (format `anju-geo`, version 1) and the index's
//! `geo` field that names them (`docs/data-format.md`, "Map geometry").
//!
//! A geometry file holds the shapes of one node's children (a city's counties; the
//! root's cities) or their points (a county's sites) and the node's own outline, as TopoJSON does: every border is an arc
//! stored once, and each ring a list of arcs, so two neighbours draw the very same line
//! and simplification cannot open a gap or an overlap between them. Coordinates are
//! whole numbers on a grid (`transform`); every list of whole numbers (an arc's first
//! point and steps, a ring's arc references, a label point) is a series string
//! (`crate::columns::code`), which reads with the code the data files already need.
//!
//! Written by `anju geo` (crates/anju-geo), read by the app, checked here: the app and
//! the validator draw and test only what [`parse_geo`] accepts.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod decode;
#[cfg(test)]
mod tests;

pub use decode::{parse_geo, MAX_POINTS};

/// Two numbers of a series string as a grid point (a label, a site).
pub fn grid_point(v: &[i64]) -> Option<[i64; 2]> {
    match v {
        [x, y] => Some([*x, *y]),
        _ => None,
    }
}

/// `format` of every geometry file.
pub const GEO_FORMAT: &str = "anju-geo";
/// The version of the geometry format this build writes and reads.
pub const GEO_VERSION: u32 = 1;

/// The index's `geo`: where the map's boundaries are and where they come from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeoRefs {
    /// An id of `dataset.sources`: the boundaries' origin and licence, shown with the map.
    pub source: String,
    /// Node id → its geometry file (a path relative to the index, as a shard's), for each
    /// node whose children the map draws.
    pub files: BTreeMap<String, String>,
}

/// A geometry file as written (`docs/data-format.md`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeoFile {
    pub format: String,
    pub version: u32,
    /// The node whose children this file draws.
    pub node: String,
    /// Grid to degrees: longitude = x × scale[0] + translate[0], latitude likewise with [1].
    pub transform: Transform,
    /// Each arc as one series string: x, y of its first point, then each step (dx, dy).
    pub arcs: Vec<String>,
    /// The node's own boundary: rings, each its arc references as a series string.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outline: Vec<String>,
    /// One per child drawn, in the order written.
    pub shapes: Vec<ShapeRef>,
    /// Children drawn as points (a county's resettlement sites), in the order written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<PointRef>,
}

/// A child drawn as a point: where a resettlement site is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PointRef {
    /// The child's node id.
    pub id: String,
    /// x, y in grid units, as a series string.
    pub at: String,
    /// The location is made up (the demo's), not surveyed: the map says so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub synthesised: bool,
}

/// Grid units to degrees.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transform {
    pub scale: [f64; 2],
    pub translate: [f64; 2],
}

impl Transform {
    /// Longitude and latitude, in degrees, of grid point `p`.
    pub fn degrees(&self, p: [i64; 2]) -> [f64; 2] {
        [p[0] as f64 * self.scale[0] + self.translate[0], p[1] as f64 * self.scale[1] + self.translate[1]]
    }
}

/// One child's shape as written: rings of arc references and a label point (grid units).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShapeRef {
    /// The child's node id.
    pub id: String,
    /// Each ring its arc references as a series string: `i` is arc i as written, `-1 - i`
    /// (TopoJSON's `~i`) is arc i walked backwards. Rings fill by the even-odd rule, so a
    /// hole is a ring inside another and orientation does not matter.
    pub rings: Vec<String>,
    /// A point inside the shape (x, y in grid units, as a series string), where its name
    /// goes.
    pub label: String,
}

/// A ring as read: longitude, latitude in degrees; closed (the last point is the first).
pub type Ring = Vec<[f64; 2]>;

/// A child's shape as read.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    pub id: String,
    pub rings: Vec<Ring>,
    /// Inside the shape by the even-odd rule ([`contains`]).
    pub label: [f64; 2],
}

/// A child drawn as a point, as read.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub id: String,
    /// Longitude, latitude in degrees.
    pub at: [f64; 2],
    /// Made up (the demo's), not surveyed.
    pub synthesised: bool,
}

/// A geometry file as read and checked: every ring closed, with at least three corners;
/// every label inside its shape; every id once, as a shape or as a point.
#[derive(Clone, Debug, PartialEq)]
pub struct Geometry {
    pub node: String,
    pub outline: Vec<Ring>,
    pub shapes: Vec<Shape>,
    pub points: Vec<Point>,
}

impl Geometry {
    /// The shape of `id`, if this file draws it.
    pub fn shape(&self, id: &str) -> Option<&Shape> {
        self.shapes.iter().find(|s| s.id == id)
    }

    /// The point of `id`, if this file draws it as one.
    pub fn point(&self, id: &str) -> Option<&Point> {
        self.points.iter().find(|p| p.id == id)
    }

    /// West, south, east, north in degrees over the outline, every shape and every point;
    /// `None` for a file with nothing drawn.
    pub fn bounds(&self) -> Option<[f64; 4]> {
        let rings = self.outline.iter().chain(self.shapes.iter().flat_map(|s| &s.rings)).flatten();
        bounds_of(rings.chain(self.points.iter().map(|p| &p.at)))
    }
}

/// The arc a reference names and whether it is walked backwards: `i` is arc i as written,
/// `-1 - i` (TopoJSON's `~i`) arc i backwards. The one place the convention is read.
pub fn arc_ref(r: i64) -> (u64, bool) {
    if r < 0 {
        ((-1 - r) as u64, true)
    } else {
        (r as u64, false)
    }
}

/// The reference to arc `i`, backwards if `back`: the inverse of [`arc_ref`].
pub fn to_arc_ref(i: usize, back: bool) -> i64 {
    if back {
        -1 - i as i64
    } else {
        i as i64
    }
}

/// An arc's grid points as written: x, y of the first, then each step, as a series string.
pub fn encode_arc(points: &[[i64; 2]]) -> String {
    let mut prev = [0i64; 2];
    let steps = points.iter().flat_map(|p| {
        let step = [p[0] - prev[0], p[1] - prev[1]];
        prev = *p;
        step.map(i128::from)
    });
    let mut out = String::new();
    crate::columns::code::write(steps.collect::<Vec<_>>(), &mut out);
    out
}

/// Whether `p` is inside `rings` by the even-odd rule (the rule the map fills by): a
/// point inside an odd number of rings. Points exactly on an edge may go either way.
pub fn contains<P: AsRef<[[f64; 2]]>>(rings: &[P], p: [f64; 2]) -> bool {
    let mut inside = false;
    for ring in rings {
        let r = ring.as_ref();
        for (a, b) in r.iter().zip(r.iter().skip(1)) {
            if (a[1] > p[1]) != (b[1] > p[1]) {
                let x = a[0] + (p[1] - a[1]) / (b[1] - a[1]) * (b[0] - a[0]);
                if p[0] < x {
                    inside = !inside;
                }
            }
        }
    }
    inside
}

/// West, south, east, north of `rings` in degrees, and the cosine of their middle latitude
/// (what a degree of longitude is worth against one of latitude); `None` when empty.
fn frame_of(rings: &[Ring]) -> Option<([f64; 4], f64)> {
    let b = ring_bounds(rings)?;
    Some((b, cos_lat((b[1] + b[3]) / 2.0).max(1e-6)))
}

/// West, south, east, north of `rings` in degrees; `None` when empty.
pub fn ring_bounds(rings: &[Ring]) -> Option<[f64; 4]> {
    bounds_of(rings.iter().flatten())
}

/// West, south, east, north of `points`; `None` when there are none.
fn bounds_of<'a>(points: impl Iterator<Item = &'a [f64; 2]>) -> Option<[f64; 4]> {
    points.fold(None, |b, p| {
        let [w, s, e, n] = b.unwrap_or([p[0], p[1], p[0], p[1]]);
        Some([w.min(p[0]), s.min(p[1]), e.max(p[0]), n.max(p[1])])
    })
}

/// The extent of `rings`: the longer of their width (corrected for latitude) and height,
/// in degrees of latitude; 0 when empty.
pub fn extent(rings: &[Ring]) -> f64 {
    frame_of(rings).map_or(0.0, |([w, s, e, n], kx)| ((e - w) * kx).max(n - s))
}

/// The distance from `p` to the nearest edge of `rings`, in degrees of latitude
/// (longitude corrected for latitude); infinite when there is no edge.
pub fn edge_distance(rings: &[Ring], p: [f64; 2]) -> f64 {
    let Some((_, kx)) = frame_of(rings) else { return f64::INFINITY };
    let q = [p[0] * kx, p[1]];
    let mut best = f64::INFINITY;
    for w in rings.iter().flat_map(|r| r.windows(2)) {
        let (a, b) = ([w[0][0] * kx, w[0][1]], [w[1][0] * kx, w[1][1]]);
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let len2 = dx * dx + dy * dy;
        let t = if len2 > 0.0 { (((q[0] - a[0]) * dx + (q[1] - a[1]) * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
        best = best.min((q[0] - a[0] - t * dx).hypot(q[1] - a[1] - t * dy));
    }
    best
}

/// How far outside its county's outline a site may lie, as a share of the county's
/// [`extent`]: a site on the border of a coarse or simplified boundary. Farther is a wrong
/// place (longitude and latitude swapped, a site filed under another county), refused by
/// `anju geo` and by [`parse_geo`].
pub const SITE_SLACK: f64 = 0.01;

/// Whether a site at `p` belongs on the map whose outline is `rings`: inside it, or off it
/// by at most [`SITE_SLACK`]. An empty outline holds any point.
pub fn holds_site(rings: &[Ring], p: [f64; 2]) -> bool {
    p.iter().all(|v| v.is_finite())
        && (rings.is_empty() || contains(rings, p) || edge_distance(rings, p) <= extent(rings) * SITE_SLACK)
}

/// The cosine of a latitude in degrees (−90..=90), by its Taylor series to the x¹⁴ term
/// (error under 1e-9 at the poles, far below a pixel). Why not `f64::cos`: in wasm it is
/// libm's, whose argument reduction for any angle adds 7 KB to the download, for angles
/// that are never past a right angle here.
pub fn cos_lat(deg: f64) -> f64 {
    let x = deg.clamp(-90.0, 90.0).to_radians();
    let x2 = x * x;
    // 1 − x²/2! + x⁴/4! − …, by Horner's rule from the x¹⁴ term down.
    (1..=7).rev().fold(1.0, |acc, k| 1.0 - x2 / f64::from((2 * k - 1) * (2 * k)) * acc)
}
