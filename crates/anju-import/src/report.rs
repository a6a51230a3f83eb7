//! What a run found, said in Chinese and English: files not read, conflicts, names that may
//! be one place, identity and unused columns, sheets not read, period and place taken from
//! elsewhere, value normalisations, rows that are not households, 小计/合计 that disagree,
//! and every refused row.

use crate::aggregate::Summary;
use crate::flags::give;
use crate::Skip;
use anju_data::import::Choice;

/// Says what a run found, before its last line: `say(zh, en)` is one line in each
/// language; a line already in both (a file's message, a row's problem) comes as the
/// same text twice.
pub fn tell(s: &Summary, say: &dyn Fn(String, String)) {
    tell_files(s, say);
    tell_names(s, say);
    tell_columns(s, say);
    tell_rows(s, say);
}

/// Files not read or refused, and building-months two files both hold.
fn tell_files(s: &Summary, say: &dyn Fn(String, String)) {
    for (file, why) in &s.not_read {
        let lead = if why.refused() { ("警告", "warning") } else { ("提示", "note") };
        say(format!("{}：{file}：{}", lead.0, why.zh()), format!("{}: {file}: {}", lead.1, why.en()));
    }
    // The message is already in both languages.
    for (_, message) in &s.refused {
        let line = format!("警告 / warning: {message}");
        say(line.clone(), line);
    }
    // Per pair of files, the count and the first few (a whole revised copy overlaps in
    // every building).
    let mut pairs: std::collections::BTreeMap<(&str, &str), Vec<String>> = Default::default();
    for o in &s.overlaps {
        pairs.entry((&o.first, &o.second)).or_default().push(format!("{} {}", o.building, o.period));
    }
    for ((a, b), at) in pairs {
        let first: Vec<&str> = at.iter().take(3).map(String::as_str).collect();
        let more = if at.len() > 3 { "…" } else { "" };
        say(
            format!("冲突：{a} 和 {b} 中有 {} 个相同的楼栋和统计期：{}{more}", at.len(), first.join("；")),
            format!("conflict: {a} and {b} both hold {} building-months: {}{more}", at.len(), first.join("; ")),
        );
    }
}

/// Place names: likely variants of one place, and the aliases used and unused.
fn tell_names(s: &Summary, say: &dyn Fn(String, String)) {
    for d in &s.near_duplicates {
        let under = if d.parent.is_empty() { String::new() } else { format!("{} 下", d.parent) };
        let under_en = if d.parent.is_empty() { String::new() } else { format!(" under {}", d.parent) };
        let (gz, ge) = give(Choice::Aliases, ("别名,标准名", "variant,canonical"));
        say(
            format!(
                "警告：{under}“{}”（{} 户）与“{}”（{} 户）可能是同一地点的两种写法；若是，{gz}合并",
                d.a.0, d.a.1, d.b.0, d.b.1
            ),
            format!(
                "warning:{under_en} \"{}\" ({} households) and \"{}\" ({} households) may be one place spelled two ways; if so, {ge} to merge them",
                d.a.0, d.a.1, d.b.0, d.b.1
            ),
        );
    }
    for (v, n) in &s.aliased {
        say(format!("提示：别名“{v}”已合并，{n} 户"), format!("note: alias \"{v}\" merged, {n} households"));
    }
    for v in &s.unused_aliases {
        say(format!("提示：别名“{v}”未出现在任何台账中"), format!("note: alias \"{v}\" matches no register"));
    }
}

/// Columns: identity columns skipped, columns not used, sheets skipped, and values a sheet took from elsewhere.
fn tell_columns(s: &Summary, say: &dyn Fn(String, String)) {
    for (file, col) in &s.identity_columns {
        say(
            format!("警告：{file} 含身份信息列“{col}”，已忽略，未读取其内容"),
            format!("warning: {file} has an identity column \"{col}\"; it was skipped and its contents never read"),
        );
    }
    for (file, col) in &s.ignored_columns {
        say(format!("提示：{file} 的列“{col}”未使用"), format!("note: {file}: column \"{col}\" is not used"));
    }
    for (sheet, why) in &s.skipped_sheets {
        // The sheet's own words, as the import view shows them; what to change when
        // required columns are missing.
        let (zh, en) = match why {
            Skip::MissingColumns(cols) => crate::aggregate::missing_columns(cols),
            other => {
                let w = crate::inspect::skip_words(other);
                (w.zh, w.en)
            }
        };
        say(format!("提示：{sheet}：{zh}"), format!("note: {sheet}: {en}"));
    }
    for (sheet, f, v, origin) in &s.given {
        say(
            format!("提示：{sheet} 没有“{}”列，取{}中的“{v}”", f.header(), origin.zh()),
            format!("note: {sheet} has no {} column; \"{v}\" taken from {}", f.en(), origin.en()),
        );
    }
}

/// Rows: cells normalised, rows not counted, 小计/合计 checks, the first problems and their kinds.
fn tell_rows(s: &Summary, say: &dyn Fn(String, String)) {
    for n in crate::values::Norm::ALL.iter().filter(|n| s.norms.get(**n) > 0) {
        let (k, lead) = (s.norms.get(*n), if n.changes_meaning() { ("警告", "warning") } else { ("提示", "note") });
        say(format!("{}：{}，{k} 处", lead.0, n.zh()), format!("{}: {}, {k} cells", lead.1, n.en()));
    }
    for (kind, n) in &s.not_households {
        say(format!("另有 {n} 个{}未计入", kind.zh()), format!("{n} {} rows were not counted", kind.en()));
    }
    for (at, c) in &s.total_checks {
        say(
            format!(
                "核对：{at} 第{}行{}的“{}”为 {}，其上各户之和为 {}",
                c.row,
                c.kind.zh(),
                c.column,
                c.stated,
                c.summed
            ),
            format!(
                "check: {at} row {} ({}) says {} = {}, the households above add up to {}",
                c.row,
                c.kind.en(),
                c.column,
                c.stated,
                c.summed
            ),
        );
    }
    for p in s.problems.iter().map(|p| p.said()) {
        say(p.zh, p.en);
    }
    if s.bad_rows as usize > s.problems.len() {
        say(
            format!("……其余问题未列出，共 {} 行有问题", s.bad_rows),
            format!("… more problems not listed; {} bad rows in all", s.bad_rows),
        );
    }
    if s.blank_rows > 0 {
        say(format!("另有 {} 个空行未计入", s.blank_rows), format!("{} empty rows were not counted", s.blank_rows));
    }
    let kinds: Vec<String> = s.by_kind.iter().map(|(k, n)| format!("{}/{} {n}", k.zh(), k.en())).collect();
    if !kinds.is_empty() {
        say(format!("问题分类：{}", kinds.join("，")), format!("problems by kind: {}", kinds.join(", ")));
    }
}
