//! Charts: plotters draws on canvas; `canvas` adds what plotters lacks.

pub mod canvas;
pub mod channels;
pub mod draw;
pub mod export;
pub mod ranking;
pub mod spec;
pub mod trend;

pub const ACCENT: &str = "#1f6feb";
pub const GOOD: &str = "#2e7d32";
pub const BAD: &str = "#c62828";
/// The "others together" bar of a long ranking.
pub const OTHERS: &str = "#8c959f";
