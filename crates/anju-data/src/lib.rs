//! Anju's data: the format (v1), loading, validation and roll-up, with no web
//! dependencies so that it is tested natively and shared with the WebAssembly app.
//! With the `tools` feature it also holds the demo generator and the command-line tools.

pub mod columns;
pub mod dataset;
pub mod dates;
pub mod disclosure;
pub mod domain;
pub mod format;
#[cfg(feature = "tools")]
pub mod gen;
pub mod geometry;
pub mod import;
pub mod load;
pub mod metric;
pub mod model;
pub mod order;
pub mod paths;
pub mod problem;
pub mod published;
pub mod relations;
pub mod rollup;
pub mod series;
pub mod text;
pub mod validate;
pub mod view;
pub mod write;

pub use dataset::{load_all, validate_streaming, Dataset, NodeIx};
pub use metric::Metric;
pub use model::{DataFile, Level, Node, Period};
pub use problem::{Check, Location, Problem, Problems};
pub use series::{Income, Series};
