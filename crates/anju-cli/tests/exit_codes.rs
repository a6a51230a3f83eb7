//! `anju aggregate`'s exit codes, as a script sees them: 0 when every row was read or
//! excluded as a non-household row, 2 when the dataset was written but rows were refused,
//! 1 when nothing was written (and every refused row is still listed).

use std::path::Path;
use std::process::Command;

fn run(input: &Path, out: &Path) -> (i32, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_anju"))
        .args(["aggregate", "--input"])
        .arg(input)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    (o.status.code().unwrap_or(-1), String::from_utf8_lossy(&o.stdout).into_owned())
}

const HEADER: &str = "统计期,市,县,安置点,楼栋,户人数\n";

#[test]
fn whole_partial_and_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.csv");
    std::fs::write(&good, format!("{HEADER}2025-06,示例市,示例县,幸福安置点,1栋,4\n合计,,,,,4\n")).unwrap();
    let (code, _) = run(&good, &dir.path().join("a"));
    assert_eq!(code, 0, "a 合计 row is excluded, not refused");
    let partial = dir.path().join("partial.csv");
    std::fs::write(
        &partial,
        format!("{HEADER}2025-06,示例市,示例县,幸福安置点,1栋,4\n2025-13,示例市,示例县,幸福安置点,1栋,3\n"),
    )
    .unwrap();
    let (code, out) = run(&partial, &dir.path().join("b"));
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("第3行 [统计期] \"2025-13\""), "{out}");
    assert!(dir.path().join("b/index.json").exists());
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        format!("{HEADER}2025-13,示例市,示例县,幸福安置点,1栋,4\n2025-06,示例市,示例县,幸福安置点,2栋,abc\n"),
    )
    .unwrap();
    let (code, out) = run(&bad, &dir.path().join("c"));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("第2行 [统计期]") && out.contains("第3行 [户人数]"), "every bad row listed: {out}");
    assert!(!dir.path().join("c").exists());
}

/// The case registers hold (invented) names, ID numbers and phones: none of them, and no
/// text of a 小计/合计 or note row, reaches the output or a message.
#[test]
fn identity_values_never_come_out_of_the_case_registers() {
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("../anju-import/tests/cases");
    let raw = std::fs::read_to_string(cases.join("19_subtotal_rows.csv")).unwrap();
    let mut rows = raw.lines().map(|l| l.split(',').map(str::to_string).collect::<Vec<_>>());
    let header = rows.next().unwrap();
    let identity: Vec<usize> = header
        .iter()
        .enumerate()
        .filter(|(_, h)| ["户主姓名", "身份证号", "联系电话"].contains(&h.as_str()))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(identity.len(), 3);
    let values: Vec<String> =
        rows.flat_map(|r| identity.iter().map(move |&i| r[i].clone())).filter(|v| v.len() > 2).collect();
    assert!(values.len() >= 21, "{values:?}");
    let dir = tempfile::tempdir().unwrap();
    for case in ["19_subtotal_rows.csv", "03_two_row_header.xlsx", "05_multi_sheet.xlsx", "15_header_units.xlsx"] {
        let out = dir.path().join(case);
        let (code, stdout) = run(&cases.join(case), &out);
        assert_eq!(code, 0, "{case}: {stdout}");
        let mut text = stdout;
        for e in walk(&out) {
            text.push_str(&std::fs::read_to_string(e).unwrap());
        }
        for v in &values {
            assert!(!text.contains(v.as_str()), "{case}: {v} came out");
        }
        // Every case's invented names are a surname, 测 and one more character (防返贫监测
        // is a header, not a name); ID numbers are 18 characters, phones 11 digits.
        let names = text.char_indices().filter(|&(i, c)| c == '测' && !text[..i].ends_with('监')).count();
        assert_eq!(names, 0, "{case}: a name came out");
        let digits: Vec<&str> = text.split(|c: char| !c.is_ascii_digit() && c != 'X').collect();
        assert!(
            !digits.iter().any(|d| d.len() == 18 || (d.len() == 11 && d.starts_with('1'))),
            "{case}: an ID or phone came out"
        );
    }
}

fn walk(d: &Path) -> Vec<std::path::PathBuf> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(d).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            v.extend(walk(&p));
        } else {
            v.push(p);
        }
    }
    v
}

/// `anju inspect` shows how a register is read, writes nothing, and shows no identity value.
#[test]
fn inspect_shows_the_header_columns_and_row_kinds() {
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("../anju-import/tests/cases");
    let o = Command::new(env!("CARGO_BIN_EXE_anju"))
        .args(["inspect", "--en"])
        .arg(cases.join("19_subtotal_rows.csv"))
        .arg(cases.join("03_two_row_header.xlsx"))
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}");
    for want in [
        "19_subtotal_rows.csv (utf-8): 7 households",
        "I 户主姓名 → identity, never read",
        "rows: household 7, subtotal 2, total 1",
        "subtotals and totals agree with the households",
        "[Sheet1] header: rows 1–2",
        "M 劳动力情况 / 外出务工 → away",
    ] {
        assert!(out.contains(want), "{want} in {out}");
    }
    let digits: Vec<&str> = out.split(|c: char| !c.is_ascii_digit() && c != 'X').collect();
    assert!(!digits.iter().any(|d| d.len() == 18 || (d.len() == 11 && d.starts_with('1'))), "no ID or phone: {out}");
    for name in ["吴测辛", "罗测壬", "龙测癸"] {
        assert!(!out.contains(name), "no name: {out}");
    }
}

/// `aggregate --help` is in Chinese, lists every column the reader knows (from its table),
/// the template, an example and the exit codes; with --en, in English.
#[test]
fn help_in_chinese_first_with_the_columns() {
    let help = |args: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_anju")).args(args).output().unwrap();
        assert!(o.status.success());
        String::from_utf8(o.stdout).unwrap()
    };
    let zh = help(&["aggregate", "--help"]);
    for (_, header, _, _) in anju_import::columns::COLUMNS {
        assert!(zh.contains(header), "{header} in {zh}");
    }
    assert!(zh.contains("台账文件") && zh.contains("退出码") && zh.contains("register-template.csv"), "{zh}");
    assert!(zh.contains("anju aggregate --input 台账/ --out public/data"));
    let en = help(&["aggregate", "--help", "--en"]);
    assert!(en.contains("Register files") && en.contains("Exit codes") && !en.contains("台账文件"), "{en}");
}
