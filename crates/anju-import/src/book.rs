//! Workbooks (XLSX, XLS, XLSB, ODS; a WPS .et is tried as XLS) from their bytes: opened
//! after the limits that must hold first, every visible sheet read row by row (merged
//! place cells filled down, the period column as the sheet shows it), and the reader's
//! panics and messages contained so that no cell text reaches a message.

use crate::limits::{self, Over};
use crate::row::{Cells, Number};
use crate::sheet::{Options, Report, SheetProc, Sink};
use crate::source::{sniff, FileError};
use crate::styles::{column_formats, Shown};
use calamine::{Data, Dimensions, Reader, SheetVisible};
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Cursor;

/// One workbook row, with merged cells filled from their region's top-left cell and the
/// period column's display known where the file says it.
struct BookCells<'a> {
    range: &'a calamine::Range<Data>,
    /// 0-based row within the sheet.
    row: usize,
    width: usize,
    merged: &'a Merged,
    shown: &'a HashMap<u32, Shown>,
    shown_col: Option<usize>,
}

impl BookCells<'_> {
    fn data(&self, i: usize) -> Option<&Data> {
        let (r, c) = self.merged.get(&(self.row, i)).copied().unwrap_or((self.row, i));
        let (r0, c0) = self.range.start().unwrap_or((0, 0));
        let (r, c) = (r.checked_sub(r0 as usize)?, c.checked_sub(c0 as usize)?);
        self.range.get((r, c))
    }
}

impl Cells for BookCells<'_> {
    fn width(&self) -> usize {
        self.width
    }
    fn cell(&self, i: usize) -> Option<Cow<'_, str>> {
        Some(match self.data(i) {
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
            // As Excel shows it (#REF!, #DIV/0!): the message names the formula's failure.
            Some(Data::Error(e)) => Cow::Owned(e.to_string()),
        })
    }
    fn number(&self, i: usize) -> Option<Number> {
        use chrono::Datelike;
        match self.data(i)? {
            Data::Float(f) => {
                let shown = match self.shown_col {
                    Some(c) if c == i => self.shown.get(&(self.row as u32 + 1)).copied().unwrap_or(Shown::General),
                    _ => Shown::General,
                };
                Some(Number::Value(*f, shown))
            }
            Data::Int(v) => Some(Number::Value(*v as f64, Shown::General)),
            Data::DateTime(d) => d.as_datetime().map(|dt| Number::Date(dt.year(), dt.month())),
            _ => None,
        }
    }
}

/// Each merged cell's (row, column), 0-based, to its region's top-left cell.
type Merged = HashMap<(usize, usize), (usize, usize)>;

/// Every cell of a merged region mapped to the region's top-left cell, within the used
/// range `(0, 0)..=end` (regions reaching beyond it are cut: nothing is read there).
/// Regions of a real sheet never overlap and cover a small part of it: more merged cells
/// than the range holds, or than [`limits::MAX_MERGED`], is refused.
fn merges(list: &[Dimensions], end: (u32, u32), sheet: &str) -> Result<Merged, Over> {
    let mut out = HashMap::new();
    let room = (end.0 as u64 + 1).saturating_mul(end.1 as u64 + 1).min(limits::MAX_MERGED);
    let mut filled = 0u64;
    for d in list {
        let ((r0, c0), (r1, c1)) = (d.start, (d.end.0.min(end.0), d.end.1.min(end.1)));
        if r0 > r1 || c0 > c1 {
            continue;
        }
        filled = filled.saturating_add(((r1 - r0) as u64 + 1).saturating_mul((c1 - c0) as u64 + 1));
        if filled > room {
            return Err(Over {
                sheet: Some(sheet.to_string()),
                zh: format!("合并单元格合计超过 {room} 格（或相互重叠）：请取消表格以外的合并后重新保存"),
                en: format!("its merged cells cover more than {room} cells (or overlap): unmerge those outside the table and save again"),
            });
        }
        for r in r0..=r1 {
            for c in c0..=c1 {
                if (r, c) != (r0, c0) {
                    out.insert((r as usize, c as usize), (r0 as usize, c0 as usize));
                }
            }
        }
    }
    Ok(out)
}

/// The reader's message without what it quotes (a cell's text may stand between quotes),
/// clipped: a message never carries a cell's value.
fn scrub(msg: &str) -> String {
    let mut out = String::new();
    let mut quote: Option<char> = None;
    for c in msg.chars() {
        match (quote, c) {
            (None, '\'' | '"' | '‘' | '“' | '`') => {
                quote = Some(match c {
                    '‘' => '’',
                    '“' => '”',
                    c => c,
                });
                out.push('…');
            }
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, c) => out.push(c),
        }
    }
    out.chars().take(160).collect()
}

/// Runs one call into the workbook reader, turning a panic inside it into a refusal of
/// the file: calamine has panicked on damaged files (its issue 666; an XLSB record shorter
/// than it expects, found here by the fuzz target). Only the reader's own calls are
/// wrapped, never the row handling, so a fault of Anju's still shows as one.
fn contained<T>(name: &str, f: impl FnOnce() -> T) -> Result<T, FileError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|_| FileError::Format {
        path: name.into(),
        message: "文件已损坏，读取程序无法解析：请在 Excel 或 WPS 中打开后另存为 .xlsx，再导入 / the file is damaged and the reader cannot parse it: open it in Excel or WPS, save it as .xlsx, and import that".into(),
    })
}

pub(crate) fn read_book(name: &str, bytes: &[u8], opts: &Options, sink: &mut Sink) -> Result<Report, FileError> {
    let too_large = |over| FileError::TooLarge { path: name.into(), over };
    let mut wb = open_book(name, bytes)?;
    let format = match &wb {
        calamine::Sheets::Xlsx(_) => "xlsx",
        calamine::Sheets::Xls(_) => "xls",
        calamine::Sheets::Xlsb(_) => "xlsb",
        calamine::Sheets::Ods(_) => "ods",
    };
    let sheets = contained(name, || wb.sheets_metadata().to_vec())?;
    if sheets.len() > limits::MAX_SHEETS {
        let n = sheets.len();
        let over = Over {
            sheet: None,
            zh: format!("有 {n} 张工作表，超过上限 {}", limits::MAX_SHEETS),
            en: format!("{n} sheets, over the limit of {}", limits::MAX_SHEETS),
        };
        return Err(too_large(over));
    }
    let mut report = Report { format, sheets: Vec::new() };
    for meta in sheets {
        let sheet = read_sheet(name, bytes, format, &mut wb, &meta, opts, sink)?;
        report.sheets.push(sheet);
    }
    if report.sheets.iter().all(|s| s.header.is_none()) {
        return Err(FileError::Empty { path: name.into() });
    }
    Ok(report)
}

/// Opens a workbook after the limits that must hold before the reader expands it; says
/// what is wrong (a password, a damaged XLS) rather than "cannot detect the format".
fn open_book<'a>(name: &str, bytes: &'a [u8]) -> Result<calamine::Sheets<Cursor<&'a [u8]>>, FileError> {
    let bad = |e: &dyn std::fmt::Display| FileError::Format { path: name.into(), message: scrub(&e.to_string()) };
    let too_large = |over| FileError::TooLarge { path: name.into(), over };
    // Before the reader opens it: XLS and ODS sheets are expanded as the workbook opens.
    limits::check_zip(bytes).and_then(|()| limits::check_ods(bytes)).map_err(too_large)?;
    let ole = sniff(bytes) == "ole";
    if ole {
        limits::check_ole(bytes).map_err(|f| match f {
            limits::OleFault::Damaged(e) => bad(&e),
            limits::OleFault::Over(o) => too_large(o),
        })?;
    }
    contained(name, || calamine::open_workbook_auto_from_rs(Cursor::new(bytes)))?.map_err(|e| {
        // Say what is wrong (a password, a damaged XLS) rather than "cannot detect the
        // format".
        let locked = FileError::Format {
            path: name.into(),
            message: "文件设置了打开密码：请在 Excel 中取消密码后另存，再导入 / the file is password-protected: remove the password in Excel, save it, and import it again".into(),
        };
        if limits::encrypted(bytes) {
            return locked;
        }
        match contained(name, || calamine::open_workbook_from_rs::<calamine::Xls<_>, _>(Cursor::new(bytes))) {
            Ok(Err(calamine::XlsError::Password)) if ole => locked,
            Ok(Err(x)) if ole => bad(&x),
            Err(damaged) if ole => damaged,
            _ => bad(&e),
        }
    })
}

/// One sheet: skipped with its reason, or read row by row into the sink. A visible sheet
/// the reader cannot read refuses the whole file.
fn read_sheet(
    name: &str,
    bytes: &[u8],
    format: &'static str,
    wb: &mut calamine::Sheets<Cursor<&[u8]>>,
    meta: &calamine::Sheet,
    opts: &Options,
    sink: &mut Sink,
) -> Result<crate::sheet::SheetReport, FileError> {
    let too_large = |over| FileError::TooLarge { path: name.into(), over };
    let mut proc = SheetProc::new(name, &meta.name, false, opts);
    if meta.visible != SheetVisible::Visible {
        return Ok(proc.skipped(crate::sheet::Skip::Hidden));
    }
    if meta.typ != calamine::SheetType::WorkSheet {
        return Ok(proc.skipped(crate::sheet::Skip::Empty));
    }
    // A visible sheet that cannot be read refuses the whole file: its households would
    // otherwise be missing from a total that looks whole. The reader's own words may
    // quote a cell, so they are not shown.
    let Ok(range) = contained(name, || limits::sheet_range(wb, &meta.name))?.map_err(too_large)? else {
        return Err(FileError::Format {
            path: name.into(),
            message: format!(
                "工作表“{0}”无法读取（文件可能已损坏，或含有读取程序不认识的单元格值，如新版 Excel 的 #SPILL!、#CALC!）：请在 Excel 或 WPS 中把公式转为数值、另存为 .xlsx 后再导入；整个文件未计入 / the sheet “{0}” cannot be read (the file may be damaged, or hold a cell value the reader does not know, such as newer Excel's #SPILL! or #CALC!): in Excel or WPS turn formulas into values, save as .xlsx and import again; none of this file was counted",
                anju_data::text::clip(&meta.name, 60)
            ),
        });
    };
    if range.is_empty() {
        return Ok(proc.skipped(crate::sheet::Skip::Empty));
    }
    let merged_list = contained(name, || match wb {
        calamine::Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(&meta.name).unwrap_or_default(),
        calamine::Sheets::Xls(x) => x.merge_cells_by_sheet_name(&meta.name).unwrap_or_default(),
        _ => Vec::new(),
    })?;
    let (r1, c1) = range.end().unwrap_or((0, 0));
    let merged = merges(&merged_list, (r1, c1), &meta.name).map_err(too_large)?;
    let width = c1 as usize + 1;
    // First pass: find the header and the period column; then the period column's
    // number formats (XLSX); then every row.
    let no_shown = HashMap::new();
    let texts: Vec<Vec<String>> = (0..(r1 as usize + 1).min(crate::table::SEARCH_ROWS))
        .map(|row| {
            let cells = BookCells { range: &range, row, width, merged: &merged, shown: &no_shown, shown_col: None };
            (0..width).map(|i| cells.cell(i).map(Cow::into_owned).unwrap_or_default()).collect()
        })
        .collect();
    let found = crate::table::find_header(&texts);
    let period_col = found
        .as_ref()
        .and_then(|f| f.header.fields.iter().find(|(f, _)| *f == crate::columns::Field::Period).map(|&(_, i)| i));
    // A household's count merged down over several rows would fill every row: refused
    // before any row is read (place columns merged down are filled, as they should be).
    let regions: Vec<crate::refuse::Region> = merged_list
        .iter()
        .map(|d| ((d.start.0 as usize, d.start.1 as usize), (d.end.0.min(r1) as usize, d.end.1.min(c1) as usize)))
        .collect();
    let text = |(row, col): (usize, usize)| {
        let cells = BookCells { range: &range, row, width, merged: &merged, shown: &no_shown, shown_col: None };
        cells.cell(col).map(Cow::into_owned).unwrap_or_default()
    };
    if let Some((zh, en)) = found.as_ref().and_then(|f| crate::refuse::merged_down(&f.header, f.last, &regions, &text))
    {
        return Err(FileError::Refused { path: name.into(), sheet: Some(meta.name.clone()), zh, en });
    }
    proc.start_with(texts, sink);
    let shown = match (format, period_col) {
        ("xlsx", Some(c)) => column_formats(bytes, &meta.name, c).unwrap_or_default(),
        _ => HashMap::new(),
    };
    for row in 0..=r1 as usize {
        let cells = BookCells { range: &range, row, width, merged: &merged, shown: &shown, shown_col: period_col };
        proc.push(row as u64 + 1, &cells, sink);
    }
    let report = proc.finish(sink);
    match report.refused.clone() {
        Some((zh, en)) => Err(FileError::Refused { path: name.into(), sheet: Some(meta.name.clone()), zh, en }),
        None => Ok(report),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::CellErrorType;

    /// A formula's failure reads as Excel shows it, so a message can name it
    /// ("#REF!": a reference to a deleted row or sheet), not as a bare "#ERROR".
    #[test]
    fn an_error_cell_reads_as_excel_shows_it() {
        let mut range = calamine::Range::new((0, 0), (0, 2));
        range.set_value((0, 0), Data::Error(CellErrorType::Ref));
        range.set_value((0, 1), Data::Error(CellErrorType::Div0));
        range.set_value((0, 2), Data::Error(CellErrorType::NA));
        let (merged, shown) = (Merged::new(), HashMap::new());
        let cells = BookCells { range: &range, row: 0, width: 3, merged: &merged, shown: &shown, shown_col: None };
        let texts: Vec<String> = (0..3).map(|i| cells.cell(i).unwrap().into_owned()).collect();
        assert_eq!(texts, ["#REF!", "#DIV/0!", "#N/A"]);
        assert_eq!(cells.number(0), None);
    }
}
