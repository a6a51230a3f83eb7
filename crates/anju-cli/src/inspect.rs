//! `anju inspect FILES…`: how each sheet of each register is understood, before anything
//! is aggregated — the header rows, each column's meaning (identity columns by header
//! only), the rows by kind, the 小计/合计 checks and the first problems. The view an office
//! uses to trust the tool; nothing is written.

use anju_import::columns::Field;
use anju_import::table::RowKind;
use anju_import::{read, Item, Options, SheetReport, Skip};
use std::path::PathBuf;

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

fn sheet(s: &SheetReport, problems: &[String], say: &dyn Fn(String, String)) {
    let name = if s.sheet.is_empty() { String::new() } else { format!("[{}] ", s.sheet) };
    match &s.skipped {
        Some(Skip::Hidden) => return say(format!("  {name}隐藏，未读取"), format!("  {name}hidden, not read")),
        Some(Skip::Empty) => return say(format!("  {name}空工作表"), format!("  {name}empty")),
        Some(Skip::NoHeader) => {
            return say(
                format!("  {name}前 30 行中没有表头，未读取"),
                format!("  {name}no header among the first 30 rows, not read"),
            )
        }
        Some(Skip::Encoding) => {
            return say(format!("  {name}文字编码不符"), format!("  {name}not in the chosen encoding"))
        }
        Some(Skip::Unreadable(m)) => {
            return say(format!("  {name}无法读取：{m}"), format!("  {name}cannot be read: {m}"))
        }
        Some(Skip::MissingColumns(cols)) => {
            let c: Vec<&str> = cols.iter().map(|f: &Field| f.header()).collect();
            say(
                format!("  {name}缺少必需的列：{}，未读取", c.join("、")),
                format!("  {name}required columns missing: {}; not read", c.join(", ")),
            );
        }
        None => {}
    }
    if let Some((a, b)) = s.header {
        if a == b {
            say(format!("  {name}表头：第 {a} 行"), format!("  {name}header: row {a}"));
        } else {
            say(format!("  {name}表头：第 {a}–{b} 行"), format!("  {name}header: rows {a}–{b}"));
        }
    }
    for (f, v, origin) in &s.given {
        say(
            format!("    {}：{v}（取自{}）", f.header(), origin.zh()),
            format!("    {}: {v} (from {})", f.en(), origin.en()),
        );
    }
    for n in anju_import::values::Norm::ALL.iter().filter(|n| s.norms.get(**n) > 0) {
        let k = s.norms.get(*n);
        let mark = if n.changes_meaning() { "！" } else { "" };
        say(format!("  {mark}{}：{k} 处", n.zh()), format!("  {mark}{}: {k} cells", n.en()));
    }
    columns(s, say);
    let kinds: Vec<(String, String)> =
        s.kinds.iter().map(|(k, n)| (format!("{} {n}", k.zh()), format!("{} {n}", k.en()))).collect();
    if !kinds.is_empty() {
        say(
            format!("  行：{}", kinds.iter().map(|k| k.0.clone()).collect::<Vec<_>>().join("，")),
            format!("  rows: {}", kinds.iter().map(|k| k.1.clone()).collect::<Vec<_>>().join(", ")),
        );
    }
    for c in &s.total_checks {
        say(
            format!("  核对：第{}行{}的“{}”为 {}，其上各户之和为 {}", c.row, c.kind.zh(), c.column, c.stated, c.summed),
            format!(
                "  check: row {} ({}) says {} = {}, the households above add up to {}",
                c.row,
                c.kind.en(),
                c.column,
                c.stated,
                c.summed
            ),
        );
    }
    let totalled = s.kinds.contains_key(&RowKind::Subtotal) || s.kinds.contains_key(&RowKind::Total);
    if totalled && s.total_checks.is_empty() {
        say("  小计/合计与各户之和一致".into(), "  subtotals and totals agree with the households".into());
    }
    for p in problems {
        println!("    {p}");
    }
}

/// Each column with a header: the field it is read as, identity (never read), or unused.
fn columns(s: &SheetReport, say: &dyn Fn(String, String)) {
    let h = &s.columns;
    for (i, label) in h.labels.iter().enumerate().filter(|(_, l)| !l.is_empty()) {
        let col = letters(i);
        match h.fields.iter().find(|(_, j)| *j == i) {
            Some((f, _)) => {
                say(format!("    {col} {label} → {}", f.header()), format!("    {col} {label} → {}", f.en()))
            }
            None if h.identity.contains(label) => say(
                format!("    {col} {label} → 身份信息，不读取"),
                format!("    {col} {label} → identity, never read"),
            ),
            None => say(format!("    {col} {label} → 未使用"), format!("    {col} {label} → not used")),
        }
    }
}

/// Prints how each file is read; exit 0 when every file could be read.
pub fn run(files: &[PathBuf], opts: &Options, say: &dyn Fn(String, String)) -> bool {
    let mut ok = true;
    for f in files {
        let name = f.display().to_string();
        let bytes = match std::fs::read(f) {
            Ok(b) => b,
            Err(e) => {
                say(format!("== {name}：无法读取：{e}"), format!("== {name}: cannot be read: {e}"));
                ok = false;
                continue;
            }
        };
        // The first problems of each sheet (file names carry the sheet).
        let mut problems: Vec<(String, String)> = Vec::new();
        let mut households = 0u64;
        let result = read(&name, &bytes, opts, &mut |item| match item {
            Item::Household(_) => households += 1,
            Item::Rejected(ps) => {
                for p in ps {
                    if problems.len() < 50 {
                        problems.push((p.file.clone(), p.to_string()));
                    }
                }
            }
        });
        match result {
            Ok(r) => {
                say(
                    format!("== {name}（{}）：{households} 户", r.format),
                    format!("== {name} ({}): {households} households", r.format),
                );
                for s in &r.sheets {
                    let at = if s.sheet.is_empty() { name.clone() } else { format!("{name} [{}]", s.sheet) };
                    let mine: Vec<String> =
                        problems.iter().filter(|(f, _)| *f == at).map(|(_, p)| p.clone()).take(10).collect();
                    sheet(s, &mine, say);
                }
            }
            Err(e) => {
                println!("== {e}");
                ok = false;
            }
        }
    }
    ok
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
