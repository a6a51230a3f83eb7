//! Sheets whose reading would be a guess, refused whole with what to change: two columns
//! read as one field (which holds the figure?), and a household's count merged down over
//! several rows (one row per family member: filled into every row, it would count the
//! household once per member). A refused sheet refuses its file, as a damaged sheet does:
//! a file is counted whole or not at all.

use crate::columns::{Field, Header};

/// A column as messages name it: its letters and its header ("C 列（户人数）" / "column C (户人数)").
fn column(header: &Header, col: usize) -> (String, String) {
    let label = header.labels.get(col).map(|l| l.replace('\n', "")).unwrap_or_default();
    let letter = crate::inspect::letters(col);
    (format!("{letter} 列（{label}）"), format!("column {letter} ({label})"))
}

/// Two columns read as the same field (户人数 twice, or 户人数 and its synonym 家庭人口):
/// the sheet is refused, naming both, since which one holds the figure cannot be known.
pub fn twice(header: &Header) -> Option<(String, String)> {
    let &(f, a, b) = header.twice.first()?;
    let ((az, ae), (bz, be)) = (column(header, a), column(header, b));
    Some((
        format!("{az}和 {bz}都读作“{}”，不知道该用哪一列：请删去其中一列，或把不是“{}”的那列改名后再导入", f.header(), f.header()),
        format!(
            "{ae} and {be} are both read as {}; which one to use cannot be known: delete one of them, or rename the one that is not {}, and import again",
            f.en(),
            f.en()
        ),
    ))
}

/// The fields a sheet may merge down over its rows: the period and the place, one value
/// for many households. Every other field is one household's own value.
fn shared(f: Field) -> bool {
    matches!(
        f,
        Field::Period | Field::City | Field::County | Field::Site | Field::Community | Field::Grid | Field::Building
    )
}

/// A merged region, 0-based and inclusive: (first row, first column), (last row, last column).
pub type Region = ((usize, usize), (usize, usize));

/// A region merged down over two or more rows below the header (0-based `header_last`)
/// in a column of a household's own values (户人数, 劳动力, 风险等级 …): read as it shows,
/// its value would fill every row and count one household as several. The sheet is
/// refused, naming the rows and the column, and saying how to make it one row per
/// household. Place and period columns merged down the table are read as they are.
///
/// `text((row, column))` is a cell's text (0-based). Only a region whose value reads as
/// the field's (a count, an amount, a colour, yes/no) is refused, and one that covers no
/// place or period column: a note merged over the table's width and rows under it is a
/// note, as before.
pub fn merged_down(
    header: &Header,
    header_last: usize,
    regions: &[Region],
    text: &dyn Fn((usize, usize)) -> String,
) -> Option<(String, String)> {
    for &((r0, c0), (r1, c1)) in regions {
        let first = r0.max(header_last + 1);
        if r1 < first + 1 || header.fields.iter().any(|&(f, i)| (c0..=c1).contains(&i) && shared(f)) {
            continue;
        }
        let Some(&(f, col)) = header.fields.iter().find(|&&(f, i)| (c0..=c1).contains(&i) && !shared(f)) else {
            continue;
        };
        if !reads_as(f, &text((r0, c0))) {
            continue;
        }
        let (cz, ce) = column(header, col);
        let (a, b) = (first + 1, r1 + 1);
        return Some((
            format!(
                "第{a}–{b}行的{cz}合并成了一格：看起来是一人一行（每位家庭成员一行），合并的“{}”会在每一行重复计入，一户被算成多户。请改为一户一行：每户只留一行（其余成员的行删去，或移到另一张表），取消合并后再导入",
                f.header()
            ),
            format!(
                "rows {a}–{b} of {ce} are merged into one cell: this looks like one row per family member, and the merged {} would be counted on every row, one household as several. Make it one row per household: keep one row for each household (delete the other members' rows, or move them to another sheet), unmerge, and import again",
                f.en()
            ),
        ));
    }
    None
}

/// Whether `t` is a value of field `f` (not a note's text, not empty).
fn reads_as(f: Field, t: &str) -> bool {
    use crate::values;
    let t = t.trim();
    let mut n = values::Norms::default();
    !t.is_empty()
        && match f {
            Field::Income => values::money(t, &mut n).is_ok(),
            Field::RiskColour => values::colour(t).is_some(),
            Field::Monitored | Field::RiskEliminated => values::yes_no(t).is_some(),
            _ => values::count(t, &mut n).is_ok(),
        }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns::map_header;

    fn header(v: &[&str]) -> Header {
        map_header(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn two_columns_of_one_field_are_named() {
        let (zh, en) = twice(&header(&["楼栋", "户人数", "家庭人口"])).unwrap();
        assert!(zh.contains("B 列（户人数）和 C 列（家庭人口）"), "{zh}");
        assert!(en.contains("column B (户人数) and column C (家庭人口)") && en.contains("delete one"), "{en}");
        assert!(twice(&header(&["楼栋", "户人数", "劳动力"])).is_none());
    }

    #[test]
    fn counts_merged_down_are_refused_and_places_are_not() {
        let h = header(&["市", "楼栋", "姓名", "户人数", "劳动力"]);
        let text = |(_, c): (usize, usize)| if c == 4 { "以上数据已核实".to_string() } else { "3".to_string() };
        // Header in row 1 (0-based 0); data from row 2.
        assert!(merged_down(&h, 0, &[((1, 0), (9, 0)), ((1, 1), (4, 1)), ((1, 2), (3, 2))], &text).is_none());
        assert!(merged_down(&h, 0, &[((0, 3), (1, 3))], &text).is_none(), "a header cell over one data row");
        assert!(merged_down(&h, 0, &[((8, 0), (9, 4))], &text).is_none(), "a note over the table's width");
        assert!(merged_down(&h, 0, &[((8, 4), (9, 4))], &text).is_none(), "a note's text in a count column");
        let (zh, en) = merged_down(&h, 0, &[((1, 1), (4, 1)), ((2, 3), (4, 3))], &text).unwrap();
        assert!(zh.contains("第3–5行的D 列（户人数）") && zh.contains("一户一行"), "{zh}");
        assert!(en.contains("rows 3–5 of column D (户人数)") && en.contains("one row per household"), "{en}");
    }
}
