//! The `anju` command-line tool: household registers in, Anju's aggregated data out.

pub mod aggregate;
pub mod inspect;
pub mod registers;
