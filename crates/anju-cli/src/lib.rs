//! The `anju` command-line tool: household registers in, Anju's aggregated data out.

pub mod aggregate;
pub mod files;
pub mod geo;
pub mod help;
pub mod inspect;
pub mod place;
pub mod registers;
pub mod sites;
