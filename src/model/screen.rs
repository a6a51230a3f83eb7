//! What the big screen shows, as plain data: which tiles, the places its carousel steps
//! through, and how its centre panel's charts share the room.

use anju_data::{Dataset, NodeIx};

/// Width of the detail panel's charts at the 16:9 design size (CSS px).
pub const CHART_W: f64 = 560.0;
/// The gap between the layout's columns, as the stylesheet spaces them (CSS px).
pub const GAP: f64 = 18.0;

/// The node's tiles on the screen (the rest are on the dashboard).
pub const TILES: [&str; 8] = [
    "people",
    "households",
    "labour",
    "employed",
    "employment_rate",
    "income_per_capita",
    "monitored_households",
    "zero_employment_households",
];

/// The places the carousel steps through: `tour=` ids the data has (in their order),
/// else the node's children, else the node itself; and the tour ids it lacks (clipped to
/// 40 characters, for the notice).
pub fn carousel_items(ds: &Dataset, ix: NodeIx, tour: &[String]) -> (Vec<NodeIx>, Vec<String>) {
    let (found, missing): (Vec<_>, Vec<_>) = tour.iter().map(|id| (id, ds.find(id))).partition(|(_, f)| f.is_some());
    let missing = missing.into_iter().map(|(id, _)| anju_data::text::clip(id, 40)).collect();
    let items: Vec<NodeIx> = found.into_iter().filter_map(|(_, f)| f).collect();
    if !items.is_empty() {
        (items, missing)
    } else if ds.kids[ix].is_empty() {
        (vec![ix], missing)
    } else {
        (ds.kids[ix].to_vec(), missing)
    }
}

/// The centre panel's charts: the map's and the trend's width and height (CSS px at the
/// design size), and whether they stand side by side.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Centre {
    pub map: Option<(f64, f64)>,
    pub trend: (f64, f64),
    pub side_by_side: bool,
}

/// Lays out the centre for a panel `w` wide (the trend's width without a map) and `h`
/// tall inside (0 before it is measured): with room for both side by side (a wall wider
/// than about 3:1), the map takes all but the trend's 16:9 width; else the map above a
/// shorter trend. Both give up height where the panel is shorter than at the root (a
/// place's figures with a publication badge make the tiles above taller).
pub fn centre_layout(w: f64, h: f64, map: bool) -> Centre {
    // What the panel holds at the root of a 16:9 wall: the place's head (162), two chart
    // titles, the boundary credit's two lines, and the map and trend below.
    const ROOM: f64 = 663.0;
    let short = if h > 0.0 { (ROOM - h).clamp(0.0, 200.0) } else { 0.0 };
    // Side by side: the room less the place's head, a chart title and the credit.
    const TALL: f64 = 450.0;
    if !map {
        // The trend alone is far shorter than the room: nothing to give up.
        return Centre { map: None, trend: (w, 300.0), side_by_side: false };
    }
    if w >= CHART_W * 2.0 + GAP {
        Centre { map: Some((w - CHART_W - GAP, TALL - short)), trend: (CHART_W, TALL - short), side_by_side: true }
    } else {
        Centre { map: Some((w, 224.0 - short * 0.55)), trend: (w, 176.0 - short * 0.45), side_by_side: false }
    }
}
