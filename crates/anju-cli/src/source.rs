//! Register files: CSV (UTF-8 or GBK, detected or forced) and XLSX. Cells are decoded one
//! at a time and only for the columns the aggregator uses, so identity columns are never
//! decoded, copied or kept: for CSV their bytes pass through the reader's record buffer
//! only; for XLSX calamine loads the sheet and the identity cells are never read from it.

use crate::row::Cells;
use std::borrow::Cow;
use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum EncodingChoice {
    /// UTF-8 when the file is valid UTF-8 (with or without BOM), else GBK.
    Auto,
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    Gbk,
}

/// Why a file could not be read at all (bad rows are reported separately).
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{path}: 无法读取 / cannot be read: {message}")]
    Io { path: String, message: String },
    #[error("{path}: 不是可读的表格 / not a readable spreadsheet: {message}")]
    Format { path: String, message: String },
    #[error("{path}: 没有表头行 / has no header row")]
    Empty { path: String },
}

/// What the reader hands on: the header once, then each row with its number.
pub enum Input<'a> {
    Header(Vec<String>),
    Row(u64, &'a dyn Cells),
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

struct XlsxCells<'a> {
    row: &'a [calamine::Data],
}

impl Cells for XlsxCells<'_> {
    fn width(&self) -> usize {
        self.row.len()
    }
    fn cell(&self, i: usize) -> Option<Cow<'_, str>> {
        use calamine::Data;
        Some(match self.row.get(i) {
            None | Some(Data::Empty) => Cow::Borrowed(""),
            Some(Data::String(s)) => Cow::Borrowed(s.as_str()),
            Some(Data::Float(f)) if f.fract() == 0.0 && f.abs() < 1e15 => Cow::Owned(format!("{}", *f as i64)),
            Some(Data::Float(f)) => Cow::Owned(f.to_string()),
            Some(Data::Int(v)) => Cow::Owned(v.to_string()),
            Some(Data::Bool(b)) => Cow::Borrowed(if *b { "是" } else { "否" }),
            Some(Data::DateTime(d)) => match d.as_datetime() {
                Some(dt) => Cow::Owned(dt.format("%Y-%m-%d").to_string()),
                None => Cow::Owned(d.as_f64().to_string()),
            },
            Some(Data::DateTimeIso(s)) | Some(Data::DurationIso(s)) => Cow::Borrowed(s.as_str()),
            Some(Data::Error(_)) => Cow::Borrowed("#ERROR"),
        })
    }
}

/// Reads `path`, calling `sink` for the header and every row; `progress` gets bytes read.
pub fn read(
    path: &Path,
    choice: EncodingChoice,
    progress: &dyn Fn(u64),
    sink: &mut dyn FnMut(Input<'_>),
) -> Result<&'static str, FileError> {
    let name = path.display().to_string();
    let is_xlsx = path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if is_xlsx {
        use calamine::Reader;
        let mut wb = calamine::open_workbook_auto(path)
            .map_err(|e| FileError::Format { path: name.clone(), message: e.to_string() })?;
        let range = wb
            .worksheet_range_at(0)
            .ok_or(FileError::Empty { path: name.clone() })?
            .map_err(|e| FileError::Format { path: name.clone(), message: e.to_string() })?;
        let mut rows = range.rows();
        let header = rows.next().ok_or(FileError::Empty { path: name.clone() })?;
        let header_cells = XlsxCells { row: header };
        sink(Input::Header(
            (0..header.len()).map(|i| header_cells.cell(i).map(|c| c.into_owned()).unwrap_or_default()).collect(),
        ));
        // calamine's range starts at the first used row; sheets from Excel start at row 1.
        let first = range.start().map(|(r, _)| r as u64 + 1).unwrap_or(1);
        for (k, row) in rows.enumerate() {
            // Trailing empty cells are not a different column count.
            sink(Input::Row(first + 1 + k as u64, &XlsxCells { row }));
        }
        return Ok("xlsx");
    }
    let file = std::fs::File::open(path).map_err(|e| FileError::Io { path: name.clone(), message: e.to_string() })?;
    let enc = match choice {
        EncodingChoice::Utf8 => encoding_rs::UTF_8,
        EncodingChoice::Gbk => encoding_rs::GBK,
        EncodingChoice::Auto => {
            use std::io::Read;
            let mut sample = Vec::with_capacity(1 << 20);
            let _ = std::fs::File::open(path).and_then(|f| f.take(1 << 20).read_to_end(&mut sample));
            detect(&sample)
        }
    };
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(std::io::BufReader::with_capacity(1 << 20, file));
    let mut rec = csv::ByteRecord::new();
    let mut first = true;
    let mut n: u64 = 0;
    loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(FileError::Format { path: name, message: e.to_string() }),
        }
        let cells = CsvCells { rec: &rec, enc };
        if first {
            first = false;
            // Headers are not personal data; undecodable ones are kept as replacement text.
            let header = (0..rec.len())
                .map(|i| {
                    cells
                        .cell(i)
                        .map(|c| c.into_owned())
                        .unwrap_or_else(|| enc.decode_without_bom_handling(rec.get(i).unwrap_or(b"")).0.into_owned())
                })
                .collect();
            sink(Input::Header(header));
            continue;
        }
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        sink(Input::Row(line, &cells));
        n += 1;
        if n % 65_536 == 0 {
            progress(rec.position().map(|p| p.byte()).unwrap_or(0));
        }
    }
    if first {
        return Err(FileError::Empty { path: name });
    }
    Ok(if enc == encoding_rs::UTF_8 { "utf-8" } else { "gbk" })
}
