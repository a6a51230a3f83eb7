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

/// Says why a CSV's text could not be read, and what to do, following the encoding
/// chosen: under auto, UTF-8 and GBK were both tried, so the file must be saved again as
/// UTF-8; under a forced choice, the other encoding or auto may read it. A UTF-16 file
/// (Excel's "Unicode text", known by its byte-order mark) is named as such.
fn encoding_words(choice: EncodingChoice, utf16: bool) -> (String, String) {
    let save = (
        "请在 Excel 或 WPS 中打开，另存为“CSV UTF-8（逗号分隔）(*.csv)”后再导入",
        "open it in Excel or WPS, save it as “CSV UTF-8 (Comma delimited) (*.csv)” and import that",
    );
    let other = |zh: &str, en: &str| crate::flags::give(anju_data::import::Choice::Encoding, (zh, en));
    match (choice, utf16) {
        (_, true) => (
            format!("文件是 UTF-16 编码（Excel 的“Unicode 文本”），不能读取：{}", save.0),
            format!("the file is in UTF-16 (Excel's “Unicode text”), which is not read: {}", save.1),
        ),
        (EncodingChoice::Auto, false) => (
            format!("文字既不是 UTF-8 也不是 GBK 编码：{}", save.0),
            format!("the text is neither UTF-8 nor GBK: {}", save.1),
        ),
        (EncodingChoice::Utf8, false) => {
            let (zh, en) = other("gbk 或 auto", "gbk or auto");
            (
                format!("文字不是所选的 UTF-8 编码：请{zh}"),
                format!("the text is not in the chosen encoding, UTF-8: {en}"),
            )
        }
        (EncodingChoice::Gbk, false) => {
            let (zh, en) = other("utf-8 或 auto", "utf-8 or auto");
            (format!("文字不是所选的 GBK 编码：请{zh}"), format!("the text is not in the chosen encoding, GBK: {en}"))
        }
    }
}

/// A UTF-16 byte-order mark (little or big endian).
fn utf16(head: &[u8]) -> bool {
    head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF")
}

/// Why a file could not be read at all (bad rows are reported separately).
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{path}: 不是可读的表格 / not a readable spreadsheet: {message}")]
    Format { path: String, message: String },
    #[error("{path}: 前 30 行中没有表头（统计期、市、县、安置点、楼栋、户人数等列）/ no header among the first 30 rows (columns such as 统计期, 市, 县, 安置点, 楼栋, 户人数)")]
    Empty { path: String },
    #[error("{path}: {} / {}", encoding_words(*.choice, *.utf16).0, encoding_words(*.choice, *.utf16).1)]
    Encoding { path: String, choice: EncodingChoice, utf16: bool },
    /// A file with no content at all (0 bytes, or only a byte-order mark).
    #[error("{path}: 文件是空的（{bytes} 字节，没有任何内容）：请确认文件已完整保存、选的是台账文件，再导入 / the file is empty ({bytes} bytes, no content at all): check that it was saved completely and is the register, and import it again")]
    Blank { path: String, bytes: usize },
    /// A sheet whose reading would be a guess (two columns read as one field, a count
    /// merged over several rows): what to change, naming the sheet, rows and columns.
    #[error("{path}{}: {zh} / {en}", .sheet.as_ref().map(|s| format!(" [{s}]")).unwrap_or_default())]
    Refused { path: String, sheet: Option<String>, zh: String, en: String },
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
    // Nothing at all: said plainly, not "no header" (a CSV of only a byte-order mark or
    // line breaks is found by `read_csv`).
    if head.is_empty() {
        return Err(FileError::Blank { path: name.into(), bytes: 0 });
    }
    if utf16(head) {
        return Err(FileError::Encoding { path: name.into(), choice: opts.encoding, utf16: true });
    }
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
                Err(FileError::Empty { .. } | FileError::Encoding { .. } | FileError::Blank { .. }) if book_name => Err(FileError::Format {
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
    if row == 0 {
        let bytes = usize::try_from(rdr.position().byte()).unwrap_or(usize::MAX);
        return Err(FileError::Blank { path: name.into(), bytes });
    }
    let format = if enc == encoding_rs::UTF_8 { "utf-8" } else { "gbk" };
    let sheet = sheet.finish(sink);
    if let Some((zh, en)) = sheet.refused.clone() {
        return Err(FileError::Refused { path: name.into(), sheet: None, zh, en });
    }
    match sheet.skipped {
        Some(crate::sheet::Skip::Encoding) => {
            Err(FileError::Encoding { path: name.into(), choice: opts.encoding, utf16: false })
        }
        Some(crate::sheet::Skip::NoHeader) => Err(FileError::Empty { path: name.into() }),
        _ => Ok(Report { format, sheets: vec![sheet] }),
    }
}
