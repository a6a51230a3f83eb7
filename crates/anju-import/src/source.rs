//! Register files from their bytes: CSV (UTF-8 or GBK, detected or forced) here, and
//! workbooks (XLSX, XLS, XLSB, ODS; a WPS .et is tried as XLS) in `book.rs`. Every visible sheet is read; hidden
//! and empty ones are named in the report. Cells are decoded one at a time and only for
//! the columns the register uses, so identity columns are never decoded, copied or kept.

use crate::book::read_book;
use crate::limits::{self, Over};
use crate::row::Cells;
use crate::sheet::{Options, Report, SheetProc, Sink};
use std::borrow::Cow;
use std::io::{BufRead, BufReader, Read};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EncodingChoice {
    /// UTF-8 when the file is valid UTF-8 (with or without BOM), else GBK.
    #[default]
    Auto,
    Utf8,
    Gbk,
}

/// What to do when the text is not in the chosen encoding.
fn other_encoding() -> (String, String) {
    crate::flags::give(anju_data::import::Choice::Encoding, ("gbk 或 utf-8", "gbk or utf-8"))
}

/// Why a file could not be read at all (bad rows are reported separately).
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{path}: 不是可读的表格 / not a readable spreadsheet: {message}")]
    Format { path: String, message: String },
    #[error("{path}: 前 30 行中没有表头（统计期、市、县、安置点、楼栋、户人数等列）/ no header among the first 30 rows (columns such as 统计期, 市, 县, 安置点, 楼栋, 户人数)")]
    Empty { path: String },
    #[error("{path}: 文字不是所选编码（{encoding}），请{} / the text is not in the chosen encoding ({encoding}): {}", other_encoding().0, other_encoding().1)]
    Encoding { path: String, encoding: &'static str },
    #[error("{path}{}: {} / {}", .over.sheet.as_ref().map(|s| format!(" [{s}]")).unwrap_or_default(), .over.zh, .over.en)]
    TooLarge { path: String, over: Over },
}

/// Chooses the encoding: a UTF-8 BOM or valid UTF-8 in the first megabyte means UTF-8.
pub fn detect(sample: &[u8]) -> &'static encoding_rs::Encoding {
    let s = sample.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(sample);
    match std::str::from_utf8(s) {
        Ok(_) => encoding_rs::UTF_8,
        // A character cut by the sample's end is still UTF-8.
        Err(e) if e.error_len().is_none() => encoding_rs::UTF_8,
        Err(_) => encoding_rs::GBK,
    }
}

struct CsvCells<'a> {
    rec: &'a csv::ByteRecord,
    enc: &'static encoding_rs::Encoding,
}

impl Cells for CsvCells<'_> {
    fn width(&self) -> usize {
        self.rec.len()
    }
    fn cell(&self, i: usize) -> Option<Cow<'_, str>> {
        let b = self.rec.get(i).unwrap_or(b"");
        let b = if i == 0 { b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b) } else { b };
        self.enc.decode_without_bom_handling_and_without_replacement(b)
    }
}

/// The kind of file, from its first bytes (a name can lie; a WPS .et is an XLS).
pub(crate) fn sniff(bytes: &[u8]) -> &'static str {
    match bytes {
        [b'P', b'K', 3, 4, ..] => "zip",
        [0xD0, 0xCF, 0x11, 0xE0, ..] => "ole",
        _ => "csv",
    }
}

/// Reads a register's bytes, feeding every household and problem to `sink`.
pub fn read(name: &str, bytes: &[u8], opts: &Options, sink: &mut Sink) -> Result<Report, FileError> {
    read_stream(name, bytes, opts, sink)
}

/// As [`read`], from a stream: a CSV is read as it streams (a national register of 2.6
/// million rows is never held whole); a workbook is read into memory first (its sheets
/// are loaded whole anyway).
pub fn read_stream(name: &str, r: impl Read, opts: &Options, sink: &mut Sink) -> Result<Report, FileError> {
    let mut r = BufReader::with_capacity(1 << 20, r);
    let head = r.fill_buf().map_err(|e| FileError::Format { path: name.into(), message: e.to_string() })?;
    match sniff(head) {
        "csv" => {
            let enc = match opts.encoding {
                EncodingChoice::Utf8 => encoding_rs::UTF_8,
                EncodingChoice::Gbk => encoding_rs::GBK,
                EncodingChoice::Auto => detect(head),
            };
            // Some systems export text named .xls; that is read. A workbook's name on
            // content that is neither says so, rather than "no header".
            let lower = name.to_ascii_lowercase();
            let book_name = [".xlsx", ".xls", ".xlsb", ".ods", ".et"].iter().any(|e| lower.ends_with(e));
            match read_csv(name, r, enc, opts, sink) {
                Err(FileError::Empty { .. } | FileError::Encoding { .. }) if book_name => Err(FileError::Format {
                    path: name.into(),
                    message: "文件名是工作簿，内容却不是工作簿（可能已损坏或只是改了扩展名）/ named as a workbook, but the content is not one (damaged, or only renamed)".into(),
                }),
                other => other,
            }
        }
        _ => {
            let mut bytes = Vec::new();
            r.read_to_end(&mut bytes).map_err(|e| FileError::Format { path: name.into(), message: e.to_string() })?;
            read_book(name, &bytes, opts, sink)
        }
    }
}

fn read_csv(
    name: &str,
    r: impl Read,
    enc: &'static encoding_rs::Encoding,
    opts: &Options,
    sink: &mut Sink,
) -> Result<Report, FileError> {
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(r);
    let mut rec = csv::ByteRecord::new();
    let mut sheet = SheetProc::new(name, "", true, opts);
    // The spreadsheet's own row numbers: the first record is row 1, whatever line breaks
    // its cells hold.
    let mut row: u64 = 0;
    loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(FileError::Format { path: name.into(), message: e.to_string() }),
        }
        row += 1;
        if rec.as_slice().len() > limits::MAX_RECORD_BYTES || rec.len() > limits::MAX_COLUMNS {
            let over = Over {
                sheet: None,
                zh: format!("第{row}行有 {} 字节、{} 列，超过上限（{} 字节、{} 列）：这不像一行台账", rec.as_slice().len(), rec.len(), limits::MAX_RECORD_BYTES, limits::MAX_COLUMNS),
                en: format!("row {row} holds {} bytes in {} columns, over the limits ({} bytes, {} columns): not a register's row", rec.as_slice().len(), rec.len(), limits::MAX_RECORD_BYTES, limits::MAX_COLUMNS),
            };
            return Err(FileError::TooLarge { path: name.into(), over });
        }
        sheet.push(row, &CsvCells { rec: &rec, enc }, sink);
    }
    let format = if enc == encoding_rs::UTF_8 { "utf-8" } else { "gbk" };
    let sheet = sheet.finish(sink);
    match sheet.skipped {
        Some(crate::sheet::Skip::Encoding) => Err(FileError::Encoding { path: name.into(), encoding: format }),
        Some(crate::sheet::Skip::NoHeader) => Err(FileError::Empty { path: name.into() }),
        _ => Ok(Report { format, sheets: vec![sheet] }),
    }
}
