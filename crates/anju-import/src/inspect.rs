//! How a register was read, as facts in both languages (`anju_data::import::FilePreview`):
//! the header rows, each column's meaning (identity columns by header only), the rows by
//! kind, the 小计/合计 checks, period and place and where they came from, and the first
//! problems. `anju inspect` prints them; the browser's import view shows them.

use crate::columns::Field;
use crate::table::RowKind;
use crate::{FileError, Item, Options, Report, SheetReport, Skip};
use anju_data::import::{ColumnRead, ColumnUse, FilePreview, Said, SheetPreview};

/// Problems kept per sheet.
pub const PROBLEMS_PER_SHEET: usize = 10;

/// A column's letters as a spreadsheet shows them (0 → A, 27 → AB).
pub fn letters(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Why a sheet was not read, in both languages.
pub fn skip_words(why: &Skip) -> Said {
    match why {
        Skip::Hidden => Said::new("隐藏，未读取", "hidden, not read"),
        Skip::Empty => Said::new("空工作表", "empty"),
        Skip::NoHeader => Said::new("前 30 行中没有表头，未读取", "no header among the first 30 rows, not read"),
        Skip::Encoding => Said::new("文字编码不符", "not in the chosen encoding"),
        Skip::Unreadable(m) => Said::new(format!("无法读取：{m}"), format!("cannot be read: {m}")),
        Skip::MissingColumns(cols) => {
            let c: Vec<&str> = cols.iter().map(|f: &Field| f.header()).collect();
            Said::new(
                format!("缺少必需的列：{}，未读取", c.join("、")),
                format!("required columns missing: {}; not read", c.join(", ")),
            )
        }
    }
}

/// Reads one file through and says how: every household counted, the first problems of
/// each sheet kept (`PROBLEMS_PER_SHEET`). `rows` is told the rows read so far, every
/// 1,000 (for progress).
pub fn inspect<R: std::io::Read>(name: &str, reader: R, opts: &Options, rows: &mut dyn FnMut(u64)) -> FilePreview {
    let mut problems: Vec<(String, Said)> = Vec::new();
    let (mut households, mut seen) = (0u64, 0u64);
    let result = crate::read_stream(name, reader, opts, &mut |item| {
        seen += 1;
        if seen % 1000 == 0 {
            rows(seen);
        }
        match item {
            Item::Household(_) => households += 1,
            Item::Rejected(ps) => {
                for p in ps {
                    if problems.len() < 50 {
                        problems.push((p.file.clone(), p.said()));
                    }
                }
            }
        }
    });
    preview(name, result, households, &problems)
}

/// The facts of one file's reading: its report (or why it could not be read), the
/// households counted, and problems as (where: `file [sheet]`, the located message).
pub fn preview(
    name: &str,
    result: Result<Report, FileError>,
    households: u64,
    problems: &[(String, Said)],
) -> FilePreview {
    let mut p = FilePreview { name: name.to_string(), ..Default::default() };
    match result {
        Err(e) => p.refused = Some(Said::both(e.to_string())),
        Ok(r) => {
            p.format = r.format.to_string();
            p.households = households;
            for s in &r.sheets {
                let at = if s.sheet.is_empty() { name.to_string() } else { format!("{name} [{}]", s.sheet) };
                let mine: Vec<Said> = problems
                    .iter()
                    .filter(|(f, _)| *f == at)
                    .map(|(_, m)| m.clone())
                    .take(PROBLEMS_PER_SHEET)
                    .collect();
                p.sheets.push(sheet(s, mine));
            }
            if !r.sheets.is_empty() && r.sheets.iter().all(|s| s.skipped.is_some()) {
                if let Some(Skip::MissingColumns(cols)) = r.sheets.iter().find_map(|s| s.skipped.as_ref()) {
                    let (zh, en) = crate::aggregate::missing_columns(cols);
                    p.refused = Some(Said::new(zh, en));
                } else {
                    p.refused = Some(Said::new("没有可读取的工作表", "no sheet could be read"));
                }
            }
        }
    }
    p
}

fn sheet(s: &SheetReport, problems: Vec<Said>) -> SheetPreview {
    let mut out = SheetPreview {
        sheet: s.sheet.clone(),
        skipped: s.skipped.as_ref().map(skip_words),
        header: s.header,
        problems,
        ..Default::default()
    };
    if matches!(&s.skipped, Some(w) if !matches!(w, Skip::MissingColumns(_))) {
        return out;
    }
    out.given = s
        .given
        .iter()
        .map(|(f, v, o)| {
            Said::new(format!("{}：{v}（取自{}）", f.header(), o.zh()), format!("{}: {v} (from {})", f.en(), o.en()))
        })
        .collect();
    out.norms = crate::values::Norm::ALL
        .iter()
        .filter(|n| s.norms.get(**n) > 0)
        .map(|n| (Said::new(n.zh(), n.en()), s.norms.get(*n), n.changes_meaning()))
        .collect();
    let h = &s.columns;
    out.columns = h
        .labels
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
        .map(|(i, label)| ColumnRead {
            letter: letters(i),
            header: label.clone(),
            read_as: match h.fields.iter().find(|(_, j)| *j == i) {
                Some((f, _)) => ColumnUse::Field(Said::new(f.header(), f.en())),
                None if h.identity.contains(label) => ColumnUse::Identity,
                None => ColumnUse::Unused,
            },
        })
        .collect();
    out.rows = s.kinds.iter().map(|(k, n)| (Said::new(k.zh(), k.en()), *n)).collect();
    out.checks = s
        .total_checks
        .iter()
        .map(|c| {
            Said::new(
                format!("第{}行{}的“{}”为 {}，其上各户之和为 {}", c.row, c.kind.zh(), c.column, c.stated, c.summed),
                format!(
                    "row {} ({}) says {} = {}, the households above add up to {}",
                    c.row,
                    c.kind.en(),
                    c.column,
                    c.stated,
                    c.summed
                ),
            )
        })
        .collect();
    let totalled = s.kinds.contains_key(&RowKind::Subtotal) || s.kinds.contains_key(&RowKind::Total);
    out.totals_agree = totalled && s.total_checks.is_empty();
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn column_letters() {
        assert_eq!(super::letters(0), "A");
        assert_eq!(super::letters(25), "Z");
        assert_eq!(super::letters(26), "AA");
        assert_eq!(super::letters(28), "AC");
        assert_eq!(super::letters(701), "ZZ");
        assert_eq!(super::letters(702), "AAA");
    }
}
