//! Whole-folder runs as offices hand them over: a copy beside its original, a 修改版 of a
//! file, a lock file, an unreadable file, one place spelled two ways. Each is read to the
//! right totals, or refused with the files named; nothing is ignored silently.

use std::path::Path;
use std::process::Command;

fn anju(args: &[&str], input: &Path, out: &Path) -> (i32, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_anju"))
        .arg("aggregate")
        .args(args)
        .arg("--input")
        .arg(input)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    (o.status.code().unwrap_or(-1), text)
}

const HEADER: &str = "统计期,市,县,安置点,楼栋,户人数\n";

fn register(rows: &[(&str, &str, u32)]) -> String {
    let mut s = HEADER.to_string();
    for (site, building, size) in rows {
        s.push_str(&format!("2025-06,毕节市,织金县,{site},{building},{size}\n"));
    }
    s
}

fn load(out: &Path) -> anju_data::Dataset {
    let (ds, ps) = anju_data::load_all("index.json", |p| std::fs::read(out.join(p)).map_err(|e| e.to_string()));
    assert!(ps.is_empty(), "{:?}", ps.list.first());
    ds.unwrap()
}

/// The people in the written dataset (its root, first period).
fn people(out: &Path) -> u64 {
    let d = load(out);
    d.node(d.root).m.get(anju_data::Metric::People, 0)
}

/// Sites in the written dataset (every shard loaded).
fn sites(out: &Path) -> usize {
    load(out).nodes.iter().filter(|n| n.level == anju_data::Level::Site).count()
}

#[test]
fn an_identical_copy_is_read_once_and_named() {
    let d = tempfile::tempdir().unwrap();
    let body = register(&[("平远新城安置点", "1栋", 4), ("平远新城安置点", "2栋", 3)]);
    std::fs::write(d.path().join("惠泽社区.csv"), &body).unwrap();
    std::fs::write(d.path().join("惠泽社区 - 副本.csv"), &body).unwrap();
    std::fs::write(d.path().join("~$惠泽社区.xlsx"), "lock").unwrap();
    std::fs::write(d.path().join("说明.docx"), "…").unwrap();
    let (code, out) = anju(&[], d.path(), &d.path().join("out"));
    assert_eq!(code, 2, "a refused copy makes the run partial: {out}");
    assert_eq!(people(&d.path().join("out")), 7, "not 14");
    assert!(out.contains("惠泽社区 - 副本.csv") && out.contains("完全相同"), "{out}");
    assert!(out.contains("~$惠泽社区.xlsx") && out.contains("说明.docx"), "nothing ignored silently: {out}");
}

#[test]
fn a_revised_copy_is_a_conflict_naming_both_files() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("惠泽社区.csv"), register(&[("平远新城安置点", "1栋", 4)])).unwrap();
    std::fs::write(d.path().join("惠泽社区（修改版）.csv"), register(&[("平远新城安置点", "1栋", 5)])).unwrap();
    let (code, out) = anju(&[], d.path(), &d.path().join("out"));
    assert_eq!(code, 1, "{out}");
    assert!(!d.path().join("out").exists());
    assert!(out.contains("冲突") && out.contains("惠泽社区.csv") && out.contains("惠泽社区（修改版）.csv"), "{out}");
    assert!(out.contains("1栋") && out.contains("2025-06") && out.contains("--allow-split"), "{out}");
    let (code, out) = anju(&["--allow-split"], d.path(), &d.path().join("out"));
    assert_eq!((code, people(&d.path().join("out"))), (0, 9), "{out}");
}

#[test]
fn an_unreadable_file_is_listed_and_the_run_goes_on() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("a.csv"), register(&[("平远新城安置点", "1栋", 4)])).unwrap();
    std::fs::write(d.path().join("b.xlsx"), "not a workbook").unwrap();
    std::fs::write(d.path().join("c.csv"), "楼栋,户人数\n2栋,3\n").unwrap();
    let (code, out) = anju(&[], d.path(), &d.path().join("out"));
    assert_eq!(code, 2, "{out}");
    assert_eq!(people(&d.path().join("out")), 4);
    assert!(out.contains("b.xlsx") && out.contains("c.csv") && out.contains("--place"), "{out}");
    let (code, _) = anju(&["--strict"], d.path(), &d.path().join("strict"));
    assert_eq!(code, 1, "--strict stops at the first file it cannot read");
}

#[test]
fn one_place_spelled_two_ways_is_reported_and_merged_by_aliases() {
    let d = tempfile::tempdir().unwrap();
    let regs = d.path().join("台账");
    std::fs::create_dir(&regs).unwrap();
    std::fs::write(regs.join("a.csv"), register(&[("平远新城安置点", "1栋", 4), ("平远新城安置点", "11栋", 2)]))
        .unwrap();
    // Trailing full-width space and the short name, in another file.
    std::fs::write(regs.join("b.csv"), register(&[("平远新城\u{3000}", "2栋", 3), ("平远新城安置点 ", "3栋", 5)]))
        .unwrap();
    let (code, out) = anju(&[], &regs, &d.path().join("out"));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("“平远新城”（1 户）与“平远新城安置点”（3 户）可能是同一地点"), "{out}");
    assert!(!out.contains("“1栋”"), "1栋 and 11栋 are two buildings: {out}");
    assert_eq!(sites(&d.path().join("out")), 2, "trimmed, never shortened: 平远新城 and 平远新城安置点");
    let aliases = d.path().join("aliases.csv");
    std::fs::write(&aliases, "别名,标准名\n平远新城,平远新城安置点\n幸福,幸福安置点\n").unwrap();
    let (code, out) = anju(&["--aliases", aliases.to_str().unwrap()], &regs, &d.path().join("out"));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("别名“平远新城”已合并，1 户") && out.contains("别名“幸福”未出现"), "{out}");
    assert_eq!((sites(&d.path().join("out")), people(&d.path().join("out"))), (1, 14));
    std::fs::write(&aliases, "平远新城,平远新城安置点\n平远新城,平远新城安置区\n").unwrap();
    let (code, out) = anju(&["--aliases", aliases.to_str().unwrap()], &regs, &d.path().join("out2"));
    assert_eq!(code, 1);
    assert!(out.contains("aliases.csv: 第2行"), "{out}");
}

/// A sheet without place columns given only its site (`--place 平远新城安置点`) joins the
/// one place of that name the other registers hold; a name held twice, or nowhere, is
/// refused with what to write instead, and nothing is written.
#[test]
fn a_shortened_place_joins_the_one_place_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(
        input.join("县里.csv"),
        "统计期,市,县,安置点,楼栋,户人数\n2025-06,毕节市,织金县,平远新城安置点,1栋,4\n2025-06,铜仁市,万山区,幸福安置点,1栋,2\n2025-06,毕节市,织金县,幸福安置点,1栋,5\n",
    )
    .unwrap();
    std::fs::write(input.join("8栋.csv"), "统计期,楼栋,户人数\n2025-06,8栋,3\n2025-06,8栋,6\n").unwrap();
    let run = |place: &str, out: &str| anju(&["--place", place], &input, &dir.path().join(out));
    let (code, msg) = run("平远新城安置点", "a");
    assert_eq!(code, 0, "{msg}");
    let ds = load(&dir.path().join("a"));
    let names = |k: usize| ds.node(k).name.clone();
    let city = ds.kids[ds.root].iter().copied().find(|&k| names(k) == "毕节市").unwrap();
    let county = ds.kids[city].iter().copied().find(|&k| names(k) == "织金县").unwrap();
    let site = ds.kids[county].iter().copied().find(|&k| names(k) == "平远新城安置点").unwrap();
    assert_eq!(ds.node(site).m.get(anju_data::Metric::People, 0), 13, "4 + 3 + 6 people under the one site");
    assert!(msg.contains("毕节市/织金县/平远新城安置点"), "the summary says where the place came from: {msg}");
    let (code, msg) = run("幸福安置点", "b");
    assert_eq!(code, 1, "{msg}");
    assert!(msg.contains("毕节市/织金县/幸福安置点、铜仁市/万山区/幸福安置点") && msg.contains("请从市写起"), "{msg}");
    assert!(!dir.path().join("b").exists());
    let (code, _) = run("织金县/幸福安置点", "c");
    assert_eq!(code, 0);
    let (code, msg) = run("平远新城", "d");
    assert_eq!(code, 1, "{msg}");
    assert!(msg.contains("在其余台账中找不到"), "{msg}");
}

/// A workbook refused part-way (its second sheet is over the limits) contributes nothing:
/// not the households of its first sheet either. The run says so (exit 2) and the totals
/// are the other files' alone.
#[test]
fn a_file_refused_part_way_contributes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("good.csv"), "统计期,市,县,安置点,楼栋,户人数\n2025-06,毕节市,织金县,幸福安置点,1栋,4\n")
        .unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, (h, v)) in [
        ("统计期", "2025-06"),
        ("市", "毕节市"),
        ("县", "织金县"),
        ("安置点", "幸福安置点"),
        ("楼栋", "2栋"),
        ("户人数", "3"),
    ]
    .iter()
    .enumerate()
    {
        ws.write(0, c as u16, *h).unwrap();
        ws.write(1, c as u16, *v).unwrap();
    }
    let far = wb.add_worksheet();
    far.write(0, 0, "楼栋").unwrap();
    far.write(1_048_575, 16_383, "x").unwrap();
    wb.save(input.join("part.xlsx")).unwrap();
    let out = dir.path().join("out");
    let (code, msg) = anju(&[], &input, &out);
    assert_eq!(code, 2, "{msg}");
    assert!(msg.contains("part.xlsx [Sheet2]") && msg.contains("A1:XFD1048576"), "{msg}");
    assert_eq!(people(&out), 4, "2栋's 3 people from the refused file are not counted");
}
