//! Household registers (台账) as offices really keep them, read into households: bytes
//! in, households and located problems out. No command line, progress bar or file system
//! here, so that the same code runs in the `anju` command and, later, in the browser.
//!
//! A file's sheets are each searched for their header among the first rows (title and
//! unit rows above, one to three header rows with group cells); rows that are not
//! households (blank, 小计, 合计, notes, the header repeated) are recognised and counted;
//! 小计 and 合计 rows are checked against the households above them; the period column is
//! read as the sheet displays it. Identity columns (names, ID numbers, phones) are known by
//! their header alone and never read.

pub mod aggregate;
mod book;
pub mod bundle;
pub mod columns;
pub mod files;
pub mod flags;
pub mod household;
pub mod inspect;
pub mod limits;
pub mod names;
pub mod period;
pub mod place;
pub mod problem;
pub mod refuse;
pub mod report;
pub mod row;
pub mod sheet;
pub mod source;
pub mod styles;
pub mod table;
pub mod values;

pub use sheet::{Item, Options, Origin, Report, SheetReport, Skip};
pub use source::{read, read_stream, EncodingChoice, FileError};
