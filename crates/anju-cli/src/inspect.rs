//! `anju inspect FILES…`: how each sheet of each register is understood, before anything
//! is aggregated — the facts of `anju_import::inspect` (the header rows, each column's
//! meaning, identity columns by header only, the rows by kind, the 小计/合计 checks and the
//! first problems), one line each. The view an office uses to trust the tool; nothing is
//! written.

use anju_data::import::{FilePreview, SheetPreview};
use anju_import::Options;
use std::path::PathBuf;

pub use anju_import::inspect::letters;

fn sheet(s: &SheetPreview, say: &dyn Fn(String, String)) {
    let name = if s.sheet.is_empty() { String::new() } else { format!("[{}] ", s.sheet) };
    if let Some(why) = &s.skipped {
        say(format!("  {name}{}", why.zh), format!("  {name}{}", why.en));
    }
    if let Some(h) = s.header_words() {
        say(format!("  {name}{}", h.zh), format!("  {name}{}", h.en));
    }
    for g in &s.given {
        say(format!("    {}", g.zh), format!("    {}", g.en));
    }
    for (n, k, warn) in &s.norms {
        let mark = if *warn { "！" } else { "" };
        say(format!("  {mark}{}：{k} 处", n.zh), format!("  {mark}{}: {k} cells", n.en));
    }
    for c in &s.columns {
        let w = c.read_as.words();
        say(format!("    {} {} → {}", c.letter, c.header, w.zh), format!("    {} {} → {}", c.letter, c.header, w.en));
    }
    if !s.rows.is_empty() {
        let (zh, en): (Vec<String>, Vec<String>) =
            s.rows.iter().map(|(k, n)| (format!("{} {n}", k.zh), format!("{} {n}", k.en))).unzip();
        say(format!("  行：{}", zh.join("，")), format!("  rows: {}", en.join(", ")));
    }
    for c in &s.checks {
        say(format!("  核对：{}", c.zh), format!("  check: {}", c.en));
    }
    if s.totals_agree {
        say("  小计/合计与各户之和一致".into(), "  subtotals and totals agree with the households".into());
    }
    for p in &s.problems {
        say(format!("    {}", p.zh), format!("    {}", p.en));
    }
}

/// Prints one file's facts.
fn file(p: &FilePreview, say: &dyn Fn(String, String)) {
    if p.format.is_empty() {
        if let Some(e) = &p.refused {
            println!("== {}", e.zh);
        }
        return;
    }
    let name = &p.name;
    say(
        format!("== {name}（{}）：{} 户", p.format, p.households),
        format!("== {name} ({}): {} households", p.format, p.households),
    );
    for s in &p.sheets {
        sheet(s, say);
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
        let p = anju_import::inspect::inspect(&name, bytes.as_slice(), opts, &mut |_| {});
        ok &= !p.format.is_empty();
        file(&p, say);
    }
    ok
}
