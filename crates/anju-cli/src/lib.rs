//! The `anju` command-line tool: household registers in, Anju's aggregated data out.

pub mod aggregate;
pub mod columns;
pub mod registers;
pub mod row;
pub mod source;
