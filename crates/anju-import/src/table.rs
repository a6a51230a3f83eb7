//! Finding the table in a sheet as offices lay it out: title and unit rows above, a header
//! of one to three rows (group cells such as 劳动力情况 over the columns they span), then
//! household rows mixed with rows that are not households: blank rows, 小计 and 合计 rows
//! (often with the place columns copied down), notes (填表人：… 联系电话：…), and the header
//! repeated after a page break.

use crate::columns::{map_columns, recognise, Field, Header, Named};
use std::borrow::Cow;

/// How many rows from the top are searched for the header.
pub const SEARCH_ROWS: usize = 30;
/// The most rows a header spans.
const MAX_HEADER_ROWS: usize = 3;
/// The fewest recognised columns a header row has.
const MIN_RECOGNISED: usize = 3;
/// Fewer will do when every named cell of the row is a known column (a two-column
/// register such as 楼栋, 户人数): then it is surely a header, and its missing columns can
/// be named rather than the sheet called empty.
const MIN_RECOGNISED_WHOLE: usize = 2;

/// The header found: its rows (0-based, within the sheet) and the mapping.
#[derive(Debug)]
pub struct Found {
    pub first: usize,
    pub last: usize,
    pub header: Header,
}

fn recognised(row: &[String]) -> usize {
    row.iter().filter(|c| recognise(c).is_some()).count()
}

/// How strongly a row reads as a header: its known columns, or 0 when too few.
fn header_score(row: &[String]) -> usize {
    let known = recognised(row);
    let named = row.iter().filter(|c| !c.trim().is_empty()).count();
    if known >= MIN_RECOGNISED || (known >= MIN_RECOGNISED_WHOLE && known == named) {
        known
    } else {
        0
    }
}

/// A number as a cell holds it (digits, a point, a sign, thousands separators).
fn is_number(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty()
        && t.bytes().any(|b| b.is_ascii_digit())
        && t.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'-' | b'+'))
}

/// A row that can be part of a header: text only, not a title (one text across the row),
/// not a "label：value" line (填报单位：… 统计时间：…).
fn header_like(row: &[String]) -> bool {
    let cells: Vec<&str> = row.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
    let mut distinct = cells.clone();
    distinct.sort();
    distinct.dedup();
    distinct.len() >= 2 && !cells.iter().any(|c| is_number(c) || c.contains('：') || c.contains(':'))
}

/// Finds the header among the first rows of a sheet (cells as text, merged cells filled).
/// `None` when no row names at least three known columns (or two, and nothing else).
pub fn find_header(rows: &[Vec<String>]) -> Option<Found> {
    let window = &rows[..rows.len().min(SEARCH_ROWS)];
    let (best, score) =
        window.iter().enumerate().map(|(i, r)| (i, header_score(r))).max_by_key(|&(i, s)| (s, usize::MAX - i))?;
    if score == 0 {
        return None;
    }
    let (mut first, mut last) = (best, best);
    while first > 0 && last - first + 1 < MAX_HEADER_ROWS && header_like(&window[first - 1]) {
        first -= 1;
    }
    while last + 1 < window.len()
        && last - first + 1 < MAX_HEADER_ROWS
        && header_like(&window[last + 1])
        && recognised(&window[last + 1]) > 0
    {
        last += 1;
    }
    let width = window[first..=last].iter().map(Vec::len).max().unwrap_or(0);
    // Per column, its header cells from the bottom row up.
    let columns: Vec<Vec<String>> = (0..width)
        .map(|c| (first..=last).rev().map(|r| window[r].get(c).cloned().unwrap_or_default()).collect())
        .collect();
    Some(Found { first, last, header: map_columns(&columns) })
}

/// What a row below the header is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RowKind {
    Household,
    Blank,
    /// 小计
    Subtotal,
    /// 合计, 总计
    Total,
    /// Notes under the table (填表人, 审核人, 联系电话, 说明 …) or other text that is not a
    /// household: none of the register's columns has a value.
    Note,
    /// The header again (after a page break).
    RepeatedHeader,
}

impl RowKind {
    pub fn zh(self) -> &'static str {
        match self {
            RowKind::Household => "户",
            RowKind::Blank => "空行",
            RowKind::Subtotal => "小计行",
            RowKind::Total => "合计行",
            RowKind::Note => "说明行",
            RowKind::RepeatedHeader => "重复的表头",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            RowKind::Household => "household",
            RowKind::Blank => "blank",
            RowKind::Subtotal => "subtotal",
            RowKind::Total => "total",
            RowKind::Note => "note",
            RowKind::RepeatedHeader => "repeated header",
        }
    }
}

/// Words that start a note under the table.
const NOTE_WORDS: &[&str] =
    &["填表人", "填报人", "审核人", "制表人", "负责人", "联系电话", "备注", "说明", "注：", "注:"];

/// The columns a row may be looked at in: every column of the header but the identity
/// ones, whose cells are never decoded.
pub fn readable(found: &Found, width: usize) -> Vec<usize> {
    let w = width.max(found.header.labels.len());
    (0..w).filter(|&i| !found.header.labels.get(i).is_some_and(|l| identity(l))).collect()
}

/// Classifies a row from the text of its readable cells (`text(i)`, merged cells filled),
/// given the header's own rows. Households are only rows with a size or a building; no
/// text of any other row is kept or shown.
pub fn classify<'c>(
    text: &dyn Fn(usize) -> Option<Cow<'c, str>>,
    readable: &[usize],
    found: &Found,
    header_rows: &[Vec<String>],
) -> RowKind {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}').collect::<String>();
    // Cells are looked at in order and only as far as needed: most rows are households,
    // known after a few cells (a number, and their first texts naming no 小计 or 合计).
    let (mut first, mut texts, mut number) = (None, 0, false);
    for &i in readable {
        let Some(t) = text(i) else { continue };
        let t = t.trim();
        if t.is_empty() {
            continue;
        }
        if first.is_none() {
            let s = squeeze(t);
            if NOTE_WORDS.iter().any(|w| s.starts_with(w)) {
                return RowKind::Note;
            }
            first = Some(s);
        }
        if is_number(t) {
            number = true;
        } else if texts < 4 {
            // The first few texts of the row say 小计 / 合计 (place columns may be copied).
            texts += 1;
            let s = squeeze(t);
            if s.contains("小计") {
                return RowKind::Subtotal;
            }
            if s.contains("合计") || s.contains("总计") {
                return RowKind::Total;
            }
        }
        if number && texts >= 4 {
            break;
        }
    }
    if first.is_none() {
        return RowKind::Blank;
    }
    // The header again: no number, and most of a header row's cells in their columns.
    if !number {
        let cells: Vec<(usize, String)> = readable
            .iter()
            .filter_map(|&i| text(i).map(|t| (i, t.trim().to_string())))
            .filter(|(_, t)| !t.is_empty())
            .collect();
        let same = header_rows.iter().any(|h| {
            let named = h.iter().filter(|x| !x.trim().is_empty()).count();
            let equal =
                cells.iter().filter(|(i, c)| h.get(*i).is_some_and(|x| !x.trim().is_empty() && x.trim() == c)).count();
            named > 0 && equal * 2 > named
        });
        let texts: Vec<String> = cells.into_iter().map(|(_, c)| c).collect();
        if same || recognised(&texts) >= MIN_RECOGNISED {
            return RowKind::RepeatedHeader;
        }
    }
    // A household has its size or its building; a row with neither is text under or
    // beside the table (a note in the 统计期 column must not be read, or quoted, as a
    // period: notes carry names and phones).
    let has =
        |f: Field| found.header.fields.iter().any(|&(g, i)| g == f && text(i).is_some_and(|t| !t.trim().is_empty()));
    if !has(Field::Size) && !has(Field::Building) {
        return RowKind::Note;
    }
    RowKind::Household
}

/// Whether a header cell is an identity column (never read).
pub fn identity(label: &str) -> bool {
    recognise(label) == Some(Named::Identity)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(v: &[&[&str]]) -> Vec<Vec<String>> {
        v.iter().map(|r| r.iter().map(|s| s.to_string()).collect()).collect()
    }

    #[test]
    fn title_and_unit_rows_above_a_two_row_header() {
        let r = rows(&[
            &[
                "平远新城安置点搬迁群众基本信息台账",
                "平远新城安置点搬迁群众基本信息台账",
                "平远新城安置点搬迁群众基本信息台账",
                "平远新城安置点搬迁群众基本信息台账",
                "平远新城安置点搬迁群众基本信息台账",
                "平远新城安置点搬迁群众基本信息台账",
            ],
            &["填报单位：惠泽社区", "", "", "统计时间：2025年6月30日", "", ""],
            &["统计期", "楼栋", "户人数", "劳动力情况", "劳动力情况", "备注"],
            &["统计期", "楼栋", "户人数", "劳动力", "外出务工", "备注"],
            &["2025-06", "1栋", "4", "2", "1", ""],
        ]);
        let f = find_header(&r).unwrap();
        assert_eq!((f.first, f.last), (2, 3));
        assert_eq!(
            f.header.fields,
            [(Field::Period, 0), (Field::Building, 1), (Field::Size, 2), (Field::Labour, 3), (Field::Away, 4)]
        );
        assert_eq!(f.header.labels[4], "劳动力情况 / 外出务工");
    }

    #[test]
    fn no_header_in_a_data_dictionary() {
        assert!(find_header(&rows(&[&["代码", "名称"], &["1", "红"], &["2", "黄"]])).is_none());
        assert!(find_header(&rows(&[&["楼栋", "户人数", "说明"], &["1栋", "4", ""]])).is_none(), "two of three");
        let f = find_header(&rows(&[&["楼栋", "户人数"], &["1栋", "4"]])).unwrap();
        assert_eq!(f.header.fields, [(Field::Building, 0), (Field::Size, 1)], "two, and nothing else");
    }

    #[test]
    fn rows_that_are_not_households() {
        let r = rows(&[&["序号", "统计期", "楼栋", "户人数", "备注"]]);
        let f = find_header(&r).unwrap();
        let kind = |cells: &[&str]| {
            let cells: Vec<String> = cells.iter().map(|s| s.to_string()).collect();
            classify(&|i| cells.get(i).map(|c| Cow::Borrowed(c.as_str())), &readable(&f, cells.len()), &f, &r)
        };
        assert_eq!(kind(&["1", "2025-06", "1栋", "4", ""]), RowKind::Household);
        assert_eq!(kind(&["", "", "", "", ""]), RowKind::Blank);
        assert_eq!(kind(&["小 计", "2025-06", "1栋", "18", ""]), RowKind::Subtotal);
        assert_eq!(kind(&["合计", "", "", "31", ""]), RowKind::Total);
        assert_eq!(kind(&["填表人：张三 联系电话：13800000000", "", "", "", ""]), RowKind::Note);
        assert_eq!(kind(&["", "", "", "", "以上数据由社区核实"]), RowKind::Note);
        assert_eq!(kind(&["", "审核：张三 13800000000", "", "", ""]), RowKind::Note, "a note in the period column");
        assert_eq!(kind(&["9", "2025-06", "", "abc", ""]), RowKind::Household, "a bad household, reported");
        assert_eq!(kind(&["序号", "统计期", "楼栋", "户人数", "备注"]), RowKind::RepeatedHeader);
    }
}
