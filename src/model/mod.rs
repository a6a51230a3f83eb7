//! Models compute: plain-data builders for this app's widgets (tiles, the children table,
//! chart specs, alert and notice text, the slides' rows, the big screen's board), each a
//! function of the dataset, the node, the period and the URL state. No Leptos and no
//! browser binding here (a test holds the line), so everything is tested natively.
//! What a non-web client would also need (rankings, staff lists, alerts, measures)
//! lives in `anju_data::view` instead.

pub mod alerts;
pub mod board;
pub mod channels;
pub mod import;
pub mod map;
pub mod notices;
pub mod period;
pub mod ranking;
pub mod screen;
pub mod sheet;
pub mod slides;
pub mod spec;
pub mod staff;
pub mod stamp;
pub mod table;
pub mod tiles;
pub mod trend;
