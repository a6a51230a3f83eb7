//! Chart widgets: plotters draws a [`crate::model::spec::ChartSpec`] on a canvas, with
//! what plotters lacks (hit-testing, tooltips, the text alternative, export) in `canvas`.

pub mod canvas;
pub mod channels;
pub mod draw;
pub mod export;
pub mod map;
pub mod map_draw;
pub mod ranking;
pub mod trend;
