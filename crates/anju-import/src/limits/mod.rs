//! Limits that turn an oversized or hostile file into a located refusal instead of
//! exhausted memory or a hang. Workbook readers have allocated a whole sheet's rectangle
//! for two far-apart cells, and expanded "repeat this row a million times" (calamine's own
//! issues); the checks here run before such an allocation can happen.
//!
//! The limits are far above any real register (a national register of 2.6 million
//! households is one CSV; an office's workbook holds thousands of rows) and well under the
//! memory of an office computer.

use anju_data::text::clip;
use calamine::{Cell, Data, DataRef, Range};
use quick_xml::events::Event;

mod ole;
pub use ole::{check_ole, OleFault};
use std::io::{Read, Seek};

/// Cells in one sheet's rectangle (from A1 to its farthest used cell): 30 million cells
/// take about 1 GB once read.
pub const MAX_CELLS: u64 = 30_000_000;
/// Sheets in one workbook.
pub const MAX_SHEETS: usize = 1_000;
/// Characters in one cell: Excel's own limit.
pub const MAX_TEXT: usize = 32_767;
/// Bytes in one CSV record (a row, all its cells).
pub const MAX_RECORD_BYTES: usize = 1 << 20;
/// Columns in one row: Excel's own limit.
pub const MAX_COLUMNS: usize = 16_384;
/// Cells covered by merged regions in one sheet (each is mapped to its region's first).
pub const MAX_MERGED: u64 = 2_000_000;
/// Uncompressed bytes of one part of a workbook (a sheet's XML, the shared strings), as
/// its zip directory declares them.
pub const MAX_PART_BYTES: u64 = 1 << 30;

/// What went over a limit, and where: shown to the user with what to change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Over {
    /// The sheet, when the limit is one sheet's.
    pub sheet: Option<String>,
    /// What was found against which limit, in Chinese and English.
    pub zh: String,
    pub en: String,
}

impl Over {
    fn new(sheet: Option<&str>, zh: String, en: String) -> Over {
        Over { sheet: sheet.map(str::to_string), zh, en }
    }
}

/// A1-style name of a 0-based cell position, for messages.
pub fn a1((row, col): (u32, u32)) -> String {
    let mut name = String::new();
    let mut c = col as u64 + 1;
    while c > 0 {
        name.insert(0, (b'A' + ((c - 1) % 26) as u8) as char);
        c = (c - 1) / 26;
    }
    format!("{name}{}", row as u64 + 1)
}

/// Checks the declared sizes of a zip's parts (a compressed "bomb" declares what it
/// expands to).
pub fn check_zip(bytes: &[u8]) -> Result<(), Over> {
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Ok(()); // the workbook reader names the damage
    };
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index_raw(i) else { continue };
        if part.size() > MAX_PART_BYTES {
            return Err(Over::new(
                None,
                format!(
                    "压缩包中的 {} 解压后有 {} 字节，超过上限 {MAX_PART_BYTES}",
                    clip(&part.name().unwrap_or_default(), 60),
                    part.size()
                ),
                format!(
                    "the part {} expands to {} bytes, over the limit of {MAX_PART_BYTES}",
                    clip(&part.name().unwrap_or_default(), 60),
                    part.size()
                ),
            ));
        }
    }
    Ok(())
}

/// Whether a workbook is encrypted (a password to open): an XLSX or XLSB is then an OLE
/// file holding an `EncryptedPackage`; an ODS's manifest lists its encryption.
pub fn encrypted(bytes: &[u8]) -> bool {
    if let Ok(f) = cfb::CompoundFile::open(std::io::Cursor::new(bytes)) {
        return f.exists("/EncryptedPackage");
    }
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else { return false };
    let Ok(part) = zip.by_name("META-INF/manifest.xml") else { return false };
    let mut text = String::new();
    part.take(1 << 20).read_to_string(&mut text).is_ok() && text.contains("encryption-data")
}

/// The farthest cell seen so far. A sheet is read from A1 to its last row and column
/// (the header search holds the first rows at their full width), so the rectangle that
/// counts starts at A1, not at the first used cell.
#[derive(Default)]
struct Extent {
    far: Option<(u32, u32)>,
}

impl Extent {
    fn grow(&mut self, pos: (u32, u32)) {
        self.far = Some(match self.far {
            None => pos,
            Some(f) => (f.0.max(pos.0), f.1.max(pos.1)),
        });
    }

    /// Cells from A1 to the farthest cell.
    fn area(&self) -> u64 {
        self.far.map_or(0, |f| (f.0 as u64 + 1).saturating_mul(f.1 as u64 + 1))
    }

    fn add(&mut self, sheet: &str, pos: (u32, u32), text: Option<&str>) -> Result<(), Over> {
        if let Some(t) = text {
            // Bytes bound characters from above: count only when it could matter.
            if t.len() > MAX_TEXT && t.chars().count() > MAX_TEXT {
                return Err(Over::new(
                    Some(sheet),
                    format!("单元格 {} 的文字超过 {MAX_TEXT} 个字符（Excel 的上限）", a1(pos)),
                    format!("cell {} holds more than {MAX_TEXT} characters (Excel's own limit)", a1(pos)),
                ));
            }
        }
        self.grow(pos);
        let area = self.area();
        if let (true, Some(far)) = (area > MAX_CELLS, self.far) {
            return Err(Over::new(
                Some(sheet),
                format!(
                    "用到的区域 A1:{} 有 {area} 格，超过上限 {MAX_CELLS}：请删去表格以外远处的内容或格式，或把表分成几个文件",
                    a1(far)
                ),
                format!(
                    "the used range A1:{} holds {area} cells, over the limit of {MAX_CELLS}: delete content or formatting far outside the table, or split it into several files",
                    a1(far)
                ),
            ));
        }
        Ok(())
    }
}

fn text_of<'a>(d: &'a DataRef<'_>) -> Option<&'a str> {
    match d {
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Some(s),
        DataRef::SharedString(s) => Some(s),
        _ => None,
    }
}

/// A sheet's used cells read one at a time, refused at the first cell that takes the
/// rectangle or a text over its limit; then the sheet as calamine's `Range`.
fn collect<'a, E>(
    sheet: &str,
    mut next: impl FnMut() -> Result<Option<Cell<DataRef<'a>>>, E>,
) -> Result<Result<Range<Data>, E>, Over> {
    let mut cells = Vec::new();
    let mut extent = Extent::default();
    loop {
        match next() {
            Ok(None) => break,
            Err(e) => return Ok(Err(e)),
            Ok(Some(c)) if matches!(c.get_value(), DataRef::Empty) => {}
            Ok(Some(c)) => {
                extent.add(sheet, c.get_position(), text_of(c.get_value()))?;
                cells.push(Cell::new(c.get_position(), Data::from(c.get_value().clone())));
            }
        }
    }
    Ok(Ok(Range::from_sparse(cells)))
}

/// One sheet of an XLSX or XLSB, within the limits; other formats are read whole by
/// calamine when the workbook opens (an XLS sheet holds at most 65,536 × 256 cells; an ODS
/// is checked beforehand by [`check_ods`]) and only checked here.
///
/// Errors: the outer `Err` is a limit (located); the inner one the reader's own error.
pub fn sheet_range<RS: Read + Seek>(
    wb: &mut calamine::Sheets<RS>,
    name: &str,
) -> Result<Result<Range<Data>, String>, Over> {
    use calamine::Reader;
    match wb {
        calamine::Sheets::Xlsx(x) => match x.worksheet_cells_reader(name) {
            // A chart sheet or dialog sheet holds no cells.
            Err(calamine::XlsxError::NotAWorksheet(_)) => Ok(Ok(Range::default())),
            Err(e) => Ok(Err(e.to_string())),
            Ok(mut r) => Ok(collect(name, || r.next_cell())?.map_err(|e| e.to_string())),
        },
        calamine::Sheets::Xlsb(x) => match x.worksheet_cells_reader(name) {
            Err(e) => Ok(Err(e.to_string())),
            Ok(mut r) => Ok(collect(name, || r.next_cell())?.map_err(|e| e.to_string())),
        },
        _ => {
            let range = match wb.worksheet_range(name) {
                Ok(r) => r,
                Err(e) => return Ok(Err(e.to_string())),
            };
            let mut extent = Extent::default();
            if let (Some(s), Some(e)) = (range.start(), range.end()) {
                extent.add(name, s, None)?;
                extent.add(name, e, None)?;
            }
            for (r, c, v) in range.used_cells() {
                if let Data::String(t) = v {
                    extent.add(name, (r as u32, c as u32), Some(t))?;
                }
            }
            Ok(Ok(range))
        }
    }
}

/// The rectangle each sheet of an ODS expands to (rows and cells may say "repeat me N
/// times"), checked from its content before the reader expands it.
pub fn check_ods(bytes: &[u8]) -> Result<(), Over> {
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else { return Ok(()) };
    let Ok(part) = zip.by_name("content.xml") else { return Ok(()) };
    let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(part.take(MAX_PART_BYTES)));
    let mut buf = Vec::new();
    let mut sheet = String::new();
    // Rows so far (to this one), the widest row up to its last value; this row's width
    // so far. The rectangle read is rows to the last with a value × the widest; every
    // sheet is held at once, so the earlier sheets' rectangles (`done`) count too.
    let (mut rows, mut width, mut row_w, mut area, mut done) = (0u64, 0u64, 0u64, 0u64, 0u64);
    let repeat = |e: &quick_xml::events::BytesStart, key: &str| {
        e.attributes().flatten().find(|a| a.key.as_ref() == key).and_then(|a| a.value.parse::<u64>().ok()).unwrap_or(1)
    };
    loop {
        buf.clear();
        let (e, empty) = match xml.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => return Ok(()), // damage is the reader's to name
            Ok(Event::Start(e)) => (e, false),
            Ok(Event::Empty(e)) => (e, true),
            _ => continue,
        };
        match e.local_name().as_ref() {
            "table" => {
                sheet = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.local_name().as_ref() == "name")
                    .map(|a| clip(&a.value, 60))
                    .unwrap_or_default();
                done = done.saturating_add(area);
                (rows, width, area) = (0, 0, 0);
            }
            "table-row" => {
                row_w = 0;
                rows = rows.saturating_add(repeat(&e, "table:number-rows-repeated"));
            }
            "table-cell" | "covered-table-cell" => {
                let rep = repeat(&e, "table:number-columns-repeated");
                row_w = row_w.saturating_add(rep);
                let valued = !empty || e.attributes().flatten().any(|a| a.key.local_name().as_ref() == "value-type");
                if valued {
                    width = width.max(row_w);
                    area = rows.saturating_mul(width);
                    if done.saturating_add(area) > MAX_CELLS {
                        let area = done.saturating_add(area);
                        return Err(Over::new(
                            Some(&sheet),
                            format!("重复的行和格展开后有 {area} 格，超过上限 {MAX_CELLS}：请删去表格以外的内容，或把表分成几个文件"),
                            format!("its repeated rows and cells expand to {area} cells, over the limit of {MAX_CELLS}: delete content outside the table, or split it into several files"),
                        ));
                    }
                }
            }
            _ => {}
        }
    }
}
