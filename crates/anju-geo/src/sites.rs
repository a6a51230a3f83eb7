//! Where a county's resettlement sites go on its map: locations given (surveyed, from a
//! table) are checked against the county's boundary; for a demo, locations are made up
//! inside it, near its seat as most sites are, and marked synthesised.

use crate::source::Ring;
use crate::GeoError;
use anju_data::geometry::{contains, edge_distance, extent, holds_site, ring_bounds};

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
    let size = extent(rings);
    let Some([w, s, e, n]) = ring_bounds(rings) else { return Vec::new() };
    let kx = anju_data::geometry::cos_lat((s + n) / 2.0).max(1e-6);
    let centre = seat.filter(|&p| contains(rings, p)).unwrap_or([(w + e) / 2.0, (s + n) / 2.0]);
    let mut placed: Vec<SitePoint> = Vec::with_capacity(ids.len());
    for id in ids {
        let apart = |p: [f64; 2], gap: f64| placed.iter().all(|q| ((q.at[0] - p[0]) * kx).hypot(q.at[1] - p[1]) >= gap);
        let mut draw = Draw::new(id);
        let mut spot = None;
        for k in 0..600 {
            // The circle tried grows with the tries, so that a small county still fits its
            // sites; spacing shrinks, then goes for the last 200 tries.
            let reach = size * (0.2 + 0.4 * f64::from(k) / 600.0);
            let (r, a) = (reach * draw.next().sqrt(), std::f64::consts::TAU * draw.next());
            let p = [centre[0] + r * a.cos() / kx, centre[1] + r * a.sin()];
            let gap = size * [0.1, 0.05, 0.0][(k / 200).min(2) as usize];
            if apart(p, gap) && contains(rings, p) && edge_distance(rings, p) >= size * 0.03 {
                spot = Some(p);
                break;
            }
        }
        // A county too thin for the margin: of a grid of points across it, the one inside
        // farthest from its border (and from the sites placed, to break ties).
        let spot = spot.or_else(|| {
            let grid = (0..=40).flat_map(|i| (0..=40).map(move |j| (f64::from(i) / 40.0, f64::from(j) / 40.0)));
            let inside = grid.map(|(u, v)| [w + (e - w) * u, s + (n - s) * v]).filter(|&p| contains(rings, p));
            let score = |p: [f64; 2]| (edge_distance(rings, p), apart(p, size * 0.02));
            inside.max_by(|&a, &b| {
                let (sa, sb) = (score(a), score(b));
                sa.1.cmp(&sb.1).then(sa.0.total_cmp(&sb.0))
            })
        });
        // None inside at all (a ring thinner than the grid): not drawn, reported.
        if let Some(at) = spot {
            placed.push(SitePoint { id: id.clone(), at, synthesised: true });
        }
    }
    placed
}

/// A given location checked against its county's `rings` by the rule the reader of map
/// files applies ([`anju_data::geometry::holds_site`]): inside, or off the border by at most
/// 1 % of the county's extent. Farther is refused: a swapped longitude and latitude, or a
/// site filed under the wrong county, would otherwise be drawn where it is not.
pub fn check_given(rings: &[Ring], g: &Given, site: &str, county: &str) -> Result<SitePoint, GeoError> {
    if !holds_site(rings, g.at) {
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
