//! Where a county's resettlement sites go on its map: locations given (surveyed, from a
//! table) are checked against the county's boundary; for a demo, locations are made up
//! inside it, near its seat as most sites are, and marked synthesised.

use crate::source::Ring;
use crate::GeoError;
use anju_data::geometry::contains;

/// Where the sites' locations come from.
#[derive(Clone, Debug, Default)]
pub enum Sites {
    /// No county map: sites are not drawn.
    #[default]
    None,
    /// Made up inside each county (the demo's), marked synthesised in the files.
    Synthesise,
    /// Given per site.
    Given(Vec<Given>),
}

/// A site's location as given.
#[derive(Clone, Debug, PartialEq)]
pub struct Given {
    /// The site's node id.
    pub id: String,
    /// Longitude, latitude in degrees.
    pub at: [f64; 2],
    /// Where it was given, for messages: `sites.csv row 4`.
    pub from: String,
}

/// A site placed on its county's map.
#[derive(Clone, Debug, PartialEq)]
pub struct SitePoint {
    pub id: String,
    /// Longitude, latitude in degrees.
    pub at: [f64; 2],
    pub synthesised: bool,
}

/// West, south, east, north of `rings`.
fn bounds(rings: &[Ring]) -> [f64; 4] {
    rings.iter().flatten().fold([f64::MAX, f64::MAX, f64::MIN, f64::MIN], |[w, s, e, n], p| {
        [w.min(p[0]), s.min(p[1]), e.max(p[0]), n.max(p[1])]
    })
}

/// The distance from `p` to the nearest edge of `rings`, in degrees of latitude
/// (longitude scaled by `kx`, the cosine of the latitude).
fn edge_distance(rings: &[Ring], p: [f64; 2], kx: f64) -> f64 {
    let mut best = f64::MAX;
    for r in rings {
        for w in r.windows(2) {
            let (a, b) = ([w[0][0] * kx, w[0][1]], [w[1][0] * kx, w[1][1]]);
            let q = [p[0] * kx, p[1]];
            let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
            let len2 = dx * dx + dy * dy;
            let t = if len2 > 0.0 { (((q[0] - a[0]) * dx + (q[1] - a[1]) * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
            best = best.min((q[0] - a[0] - t * dx).hypot(q[1] - a[1] - t * dy));
        }
    }
    best
}

/// A generator of numbers in [0, 1) seeded by a site's id (FNV-1a, then xorshift): the
/// same id lands in the same place on every run and every machine.
struct Draw(u64);

impl Draw {
    fn new(id: &str) -> Draw {
        let h = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
        Draw(h | 1)
    }
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Made-up locations for `ids` inside the county `rings` (degrees): near `seat` (the
/// source's label point, else the middle of the bounds) and spreading out, each at least
/// 3 % of the county's extent from its border (simplification moves a border far less)
/// and, while room allows, a tenth of it apart from the sites already placed (so that their
/// circles and names can be told apart). Deterministic by id.
pub fn synthesise(rings: &[Ring], seat: Option<[f64; 2]>, ids: &[String]) -> Vec<SitePoint> {
    let [w, s, e, n] = bounds(rings);
    let kx = ((s + n) / 2.0).to_radians().cos().max(1e-6);
    let extent = ((e - w) * kx).max(n - s);
    let centre = seat.filter(|&p| contains(rings, p)).unwrap_or([(w + e) / 2.0, (s + n) / 2.0]);
    let clear = |p: [f64; 2]| contains(rings, p) && edge_distance(rings, p, kx) >= extent * 0.03;
    let mut placed: Vec<SitePoint> = Vec::with_capacity(ids.len());
    for id in ids {
        let mut draw = Draw::new(id);
        let mut spot = None;
        for k in 0..600 {
            // The circle tried grows with the tries, so that a small county still fits its
            // sites; spacing shrinks, then goes for the last 200 tries.
            let reach = extent * (0.2 + 0.4 * f64::from(k) / 600.0);
            let (r, a) = (reach * draw.next().sqrt(), std::f64::consts::TAU * draw.next());
            let p = [centre[0] + r * a.cos() / kx, centre[1] + r * a.sin()];
            let gap = extent * [0.1, 0.05, 0.0][(k / 200).min(2) as usize];
            let apart = placed.iter().all(|q| ((q.at[0] - p[0]) * kx).hypot(q.at[1] - p[1]) >= gap);
            if apart && clear(p) {
                spot = Some(p);
                break;
            }
        }
        // A county too thin for the margin: its seat, or the middle, which are inside.
        let at = spot.unwrap_or(centre);
        placed.push(SitePoint { id: id.clone(), at, synthesised: true });
    }
    placed
}

/// A given location checked against its county's `rings`: inside, or off its border by at
/// most 1 % of the county's extent (a site on the border of a coarse boundary). Farther is
/// refused: a swapped longitude and latitude, or a site filed under the wrong county, would
/// otherwise be drawn where it is not.
pub fn check_given(rings: &[Ring], g: &Given, site: &str, county: &str) -> Result<SitePoint, GeoError> {
    let [w, s, e, n] = bounds(rings);
    let kx = ((s + n) / 2.0).to_radians().cos().max(1e-6);
    let extent = ((e - w) * kx).max(n - s);
    let ok = g.at.iter().all(|v| v.is_finite())
        && (contains(rings, g.at) || edge_distance(rings, g.at, kx) <= extent * 0.01);
    if !ok {
        return Err(GeoError::SiteOutside {
            at: g.from.clone(),
            site: site.into(),
            county: county.into(),
            lon: g.at[0],
            lat: g.at[1],
        });
    }
    Ok(SitePoint { id: g.id.clone(), at: g.at, synthesised: false })
}
