//! What the big screen shows, as plain data: which tiles, and the places its carousel
//! steps through.

use anju_data::{Dataset, NodeIx};

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
