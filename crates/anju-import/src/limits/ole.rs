//! Legacy OLE workbooks (.xls, .et): the file's structure checked with the `cfb` crate, and
//! the sheets' rectangles scanned from the workbook stream's records, before calamine
//! opens the file (it follows looping sector chains until memory runs out, and allocates
//! every sheet's whole rectangle as the workbook opens).

use super::{Extent, Over, MAX_CELLS, MAX_SHEETS};
use std::io::Read;

/// Why an OLE file is refused.
#[derive(Debug)]
pub enum OleFault {
    /// Its structure is broken, as `cfb` words it (no cell text in it).
    Damaged(String),
    /// A sheet's rectangle, or all of them, over the limits.
    Over(Over),
}

/// Checks an OLE file once: `cfb` refuses sector chains that loop back or are pointed into
/// twice, every stream is opened (so each chain is walked once) and the workbook stream
/// is read on the way; then its sheets are scanned ([`scan`]).
pub fn check_ole(bytes: &[u8]) -> Result<(), OleFault> {
    let damaged = |e: std::io::Error| OleFault::Damaged(e.to_string());
    let mut file = cfb::CompoundFile::open(std::io::Cursor::new(bytes)).map_err(damaged)?;
    let streams: Vec<_> = file.walk().filter(|e| e.is_stream()).map(|e| e.path().to_path_buf()).collect();
    let mut workbook = None;
    for path in streams {
        let mut s = file.open_stream(&path).map_err(damaged)?;
        if workbook.is_none() && (path.as_os_str() == "/Workbook" || path.as_os_str() == "/Book") {
            let mut stream = Vec::new();
            // A stream that cannot be read whole is left to the reader to name.
            workbook = s.read_to_end(&mut stream).ok().map(|_| stream);
        }
    }
    workbook.map_or(Ok(()), |stream| scan(&stream).map_err(OleFault::Over))
}

/// The rectangles an XLS's sheets span, from the cell records of its workbook stream:
/// calamine 0.38 allocates each sheet's whole rectangle as the workbook opens, and
/// reserves what a sheet's DIMENSIONS record claims (a cell record may claim column
/// 65,535, or a DIMENSIONS record four billion rows). Every sheet is held at once, so
/// their sum is checked.
fn scan(stream: &[u8]) -> Result<(), Over> {
    let over = |area: u64| {
        Over::new(
            None,
            format!("各工作表用到的区域合计 {area} 格，超过上限 {MAX_CELLS}：请删去表格以外远处的内容，或另存为 .xlsx 后再导入"),
            format!("its sheets' used ranges hold {area} cells in all, over the limit of {MAX_CELLS}: delete content far outside the tables, or save it as .xlsx and import that"),
        )
    };
    // FILEPASS: the records after it are encrypted, and the reader refuses the file as
    // password-protected before it reads a sheet.
    if records(stream, 0).take_while(|&(typ, _)| typ != 0x000A).any(|(typ, _)| typ == 0x002F) {
        return Ok(());
    }
    // The workbook's sheets, as the reader finds them: each BOUNDSHEET record's position
    // (one sheet may be named twice; the reader loads it twice).
    let sheets: Vec<usize> = records(stream, 0)
        .take_while(|&(typ, _)| typ != 0x000A)
        .filter(|&(typ, _)| typ == 0x0085)
        .filter_map(|(_, d)| u32_at(d, 0).map(|p| p as usize))
        .collect();
    if sheets.len() > MAX_SHEETS {
        let n = sheets.len();
        return Err(Over::new(
            None,
            format!("有 {n} 张工作表，超过上限 {MAX_SHEETS}"),
            format!("{n} sheets, over the limit of {MAX_SHEETS}"),
        ));
    }
    let mut done = 0u64;
    for pos in sheets {
        let mut extent = Extent::default();
        // Nested streams (a chart inside the sheet) are skipped, as the reader skips them.
        let (mut depth, mut seen_bof) = (0usize, false);
        for (typ, data) in records(stream, pos) {
            let col = match typ {
                0x0809 if seen_bof => {
                    depth += 1;
                    None
                }
                0x0809 => {
                    seen_bof = true;
                    None
                }
                0x000A if depth == 0 => break,
                0x000A => {
                    depth -= 1;
                    None
                }
                _ if depth > 0 => None,
                // DIMENSIONS: what the reader reserves room for.
                0x0200 => {
                    let (rows, cols) = match data.len() {
                        10 => (u16_at(data, 2).unwrap_or(0) as u64, u16_at(data, 6).unwrap_or(0) as u64),
                        _ => (u32_at(data, 4).unwrap_or(0) as u64, u16_at(data, 10).unwrap_or(0) as u64),
                    };
                    let claimed = done.saturating_add(rows.saturating_mul(cols));
                    if claimed > MAX_CELLS {
                        return Err(over(claimed));
                    }
                    None
                }
                0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => u16_at(data, 2),
                // MULRK: a run of cells; its last column is its last field.
                0x00BD => u16_at(data, data.len().saturating_sub(2)),
                _ => None,
            };
            if let Some((row, col)) = u16_at(data, 0).zip(col) {
                extent.grow((row, col));
                if done.saturating_add(extent.area()) > MAX_CELLS {
                    return Err(over(done.saturating_add(extent.area())));
                }
            }
        }
        done = done.saturating_add(extent.area());
    }
    Ok(())
}

fn u16_at(d: &[u8], i: usize) -> Option<u32> {
    d.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]) as u32)
}

fn u32_at(d: &[u8], i: usize) -> Option<u32> {
    d.get(i..i + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// A BIFF stream's records from byte `at`: (type, data).
fn records(stream: &[u8], mut at: usize) -> impl Iterator<Item = (u32, &[u8])> {
    std::iter::from_fn(move || {
        let (typ, len) = (u16_at(stream, at)?, u16_at(stream, at + 2)? as usize);
        let data = stream.get(at + 4..at + 4 + len).unwrap_or(&[]);
        at += 4 + len;
        Some((typ, data))
    })
}
