//! How an XLSX sheet displays a number: calamine gives a cell's value but neither its
//! format code nor every built-in date format (Excel's Chinese 年月 formats, ids 27–36 and
//! 50–58, carry no code in the file). A period typed as 2025.10 is stored as 2025.1 and
//! shown as 2025.10 only through its format (`0.00`), so the period column's formats are
//! read here, from the workbook's styles and the sheet's cells (the zip and XML crates
//! calamine itself uses).

use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// What a number format does to a number, as far as a period needs to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// Excel's General: the shortest decimal form (2025.1).
    General,
    /// A fixed number of decimals (0.00 shows 2025.1 as 2025.10).
    Decimals(u8),
    /// A date or time: the number is a day count.
    Date,
    /// Text (`@`) or anything else.
    Other,
}

/// The built-in number formats by id (ECMA-376 18.8.30, and the Chinese-locale dates that
/// have no code in the file).
pub fn builtin(id: u32) -> Shown {
    match id {
        0 => Shown::General,
        1 | 3 | 37 | 38 => Shown::Decimals(0),
        2 | 4 | 39 | 40 => Shown::Decimals(2),
        14..=22 | 27..=36 | 45..=47 | 50..=58 => Shown::Date,
        _ => Shown::Other,
    }
}

/// A custom format code: dates have y, m or d outside quotes, brackets and escapes;
/// numbers count the digits after the point of the first section.
pub fn custom(code: &str) -> Shown {
    let section = code.split(';').next().unwrap_or("");
    let (mut quoted, mut bracket, mut escaped) = (false, false, false);
    let mut plain = String::new();
    for c in section.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            c if !quoted && !bracket => plain.push(c),
            _ => {}
        }
    }
    let lower = plain.to_lowercase();
    if lower.contains("general") {
        return Shown::General;
    }
    if lower.chars().any(|c| matches!(c, 'y' | 'm' | 'd' | 'h' | 's')) {
        return Shown::Date;
    }
    if !lower.chars().any(|c| matches!(c, '0' | '#' | '?')) {
        return Shown::Other;
    }
    let decimals = lower.split_once('.').map(|(_, d)| d.chars().filter(|c| matches!(c, '0' | '#' | '?')).count());
    Shown::Decimals(decimals.unwrap_or(0).min(15) as u8)
}

fn read_part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<Vec<u8>> {
    let mut f = zip.by_name(name).ok()?;
    // Parts over 256 MB are not a register's styles or sheet.
    let mut out = Vec::new();
    f.by_ref().take(256 << 20).read_to_end(&mut out).ok()?;
    Some(out)
}

fn attr(e: &quick_xml::events::BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name || a.key.local_name().as_ref() == name)
        .map(|a| a.value.to_string())
}

/// Column letters (A, AB) to a 0-based index, and the row number, of a reference (AB12).
fn cell_ref(r: &str) -> Option<(u32, usize)> {
    let split = r.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = r.split_at(split);
    let col = letters
        .bytes()
        .try_fold(0usize, |acc, b| b.is_ascii_uppercase().then(|| acc * 26 + (b - b'A') as usize + 1))?;
    Some((digits.parse().ok()?, col.checked_sub(1)?))
}

/// How each number in column `col` (0-based) of sheet `sheet` is displayed, by row number
/// (1-based). Rows whose cell has the default style are left out (General). `None` when
/// the workbook's parts cannot be read (then nothing is known of the display).
pub fn column_formats(bytes: &[u8], sheet: &str, col: usize) -> Option<HashMap<u32, Shown>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let path = sheet_part(&mut zip, sheet)?;
    let (codes, xfs) = read_part(&mut zip, "xl/styles.xml").map(|x| styles(&x)).unwrap_or(Some(Default::default()))?;
    let shown = |xf: usize| -> Shown {
        let id = xfs.get(xf).copied().unwrap_or(0);
        match codes.get(&id) {
            Some(code) => custom(code),
            None => builtin(id),
        }
    };
    let sheet_xml = read_part(&mut zip, &path)?;
    let mut out = HashMap::new();
    let mut r = Reader::from_reader(sheet_xml.as_slice());
    let mut buf = Vec::new();
    loop {
        match r.read_event_into(&mut buf).ok()? {
            Event::Empty(e) | Event::Start(e) if e.local_name().as_ref() == "c" => {
                let at = attr(&e, "r").and_then(|v| cell_ref(&v));
                let style = attr(&e, "s").and_then(|v| v.parse::<usize>().ok());
                if let (Some((row, c)), Some(s)) = (at, style) {
                    if c == col {
                        out.insert(row, shown(s));
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Some(out)
}

/// The first value of attribute `want` on an element named `tag` whose attribute
/// `key` is `value`, in an XML part.
fn find_attr(xml: &[u8], tag: &str, key: &str, value: &str, want: &str) -> Option<Option<String>> {
    let mut r = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut found = None;
    loop {
        match r.read_event_into(&mut buf).ok()? {
            Event::Empty(e) | Event::Start(e)
                if e.local_name().as_ref() == tag && attr(&e, key).as_deref() == Some(value) =>
            {
                found = attr(&e, want);
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Some(found)
}

/// Which part holds sheet `sheet`: workbook.xml names → r:id → workbook.xml.rels target.
fn sheet_part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, sheet: &str) -> Option<String> {
    let wb = read_part(zip, "xl/workbook.xml")?;
    let rid = find_attr(&wb, "sheet", "name", sheet, "id")??;
    let rels = read_part(zip, "xl/_rels/workbook.xml.rels")?;
    let target = find_attr(&rels, "Relationship", "Id", &rid, "Target")??;
    Some(match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("xl/{target}"),
    })
}

/// Styles: the custom number formats by id, and each cellXfs entry's numFmtId.
fn styles(xml: &[u8]) -> Option<(HashMap<u32, String>, Vec<u32>)> {
    let mut codes: HashMap<u32, String> = HashMap::new();
    let mut xfs: Vec<u32> = Vec::new();
    let mut r = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut in_xfs = false;
    loop {
        match r.read_event_into(&mut buf).ok()? {
            Event::Empty(e) | Event::Start(e) => match e.local_name().as_ref() {
                "numFmt" => {
                    if let (Some(id), Some(code)) = (attr(&e, "numFmtId"), attr(&e, "formatCode")) {
                        if let Ok(id) = id.parse() {
                            codes.insert(id, code);
                        }
                    }
                }
                "cellXfs" => in_xfs = true,
                "xf" if in_xfs => xfs.push(attr(&e, "numFmtId").and_then(|v| v.parse().ok()).unwrap_or(0)),
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "cellXfs" => in_xfs = false,
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Some((codes, xfs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_codes() {
        assert_eq!(custom("0.00"), Shown::Decimals(2));
        assert_eq!(custom("#,##0.0_);(#,##0.0)"), Shown::Decimals(1));
        assert_eq!(custom("0"), Shown::Decimals(0));
        assert_eq!(custom("yyyy\"年\"m\"月\""), Shown::Date);
        assert_eq!(custom("[$-804]yyyy\"年\"m\"月\";@"), Shown::Date);
        assert_eq!(custom("\"第\"0\"期\""), Shown::Decimals(0));
        assert_eq!(custom("@"), Shown::Other);
        assert_eq!(custom("General"), Shown::General);
        assert_eq!(builtin(57), Shown::Date, "年月, Chinese locale");
        assert_eq!(builtin(2), Shown::Decimals(2));
        assert_eq!(builtin(0), Shown::General);
    }

    #[test]
    fn cell_references() {
        assert_eq!(cell_ref("A2"), Some((2, 0)));
        assert_eq!(cell_ref("AB12"), Some((12, 27)));
        assert_eq!(cell_ref("12"), None);
        assert_eq!(cell_ref("a1"), None);
    }
}
