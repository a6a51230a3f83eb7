//! Messages that say what to change name what the person sees: `anju`'s flags in the
//! command, the import view's fields in the browser's worker (`flags::name_fields`).

use anju_import::aggregate::{missing_columns, AggError, Options as RunOptions, Run};
use anju_import::columns::Field;
use anju_import::{flags, EncodingChoice, FileError, Origin};

/// Every message that names a choice, as this thread words it.
fn messages() -> Vec<String> {
    let (mz, me) = missing_columns(&[Field::Period, Field::Site]);
    let encoding = FileError::Encoding { path: "a.csv".into(), choice: EncodingChoice::Utf8, utf16: false }.to_string();
    let period = flags::period("2025-13").unwrap_err();
    let place = flags::place("a//b").unwrap_err();
    // One building and period in two files.
    let csv = "统计期,市,县,安置点,楼栋,户人数\n2025-06,毕节市,织金县,平远新城安置点,1栋,3\n";
    let opts = RunOptions::default();
    let mut run = Run::new(&opts);
    run.file("a.csv", csv.as_bytes(), &mut |_| {}).unwrap();
    run.file("b.csv", csv.as_bytes(), &mut |_| {}).unwrap();
    let overlap = match run.finish(&mut |_| {}) {
        Err(e @ AggError::Overlap(_)) => e.to_string(),
        other => panic!("expected an overlap, got {:?}", other.map(|_| ())),
    };
    vec![mz, me, encoding, period, place, overlap, Origin::Given.zh(), Origin::Given.en()]
}

#[test]
fn the_command_names_its_flags() {
    let m = messages();
    assert!(m[0].contains("用 --period 2025-06 给出"), "{}", m[0]);
    assert!(m[1].contains("give --period 2025-06"), "{}", m[1]);
    assert!(
        // UTF-8 was chosen: the other encoding or auto may read it (not "gbk or utf-8").
        m[2].contains("请改用 --encoding gbk 或 auto") && m[2].contains("try --encoding gbk or auto"),
        "{}",
        m[2]
    );
    assert!(m[3].starts_with("--period 2025-13"), "{}", m[3]);
    assert!(m[4].starts_with("--place "), "{}", m[4]);
    assert!(m[5].contains("加 --allow-split") && m[5].contains("add --allow-split"), "{}", m[5]);
    assert_eq!(m[6], "给定的选项（--period、--place）");
}

#[test]
fn the_browser_names_the_fields_and_never_a_flag() {
    // A thread of its own, as the worker has: the wording is per thread.
    let m = std::thread::spawn(|| {
        flags::name_fields();
        messages()
    })
    .join()
    .unwrap();
    for line in &m {
        assert!(!line.contains("--"), "a flag named on the page: {line}");
    }
    assert!(m[0].contains("在“统计期”一栏填写 2025-06") && m[0].contains("在“地点”一栏填写 市/县/安置点"), "{}", m[0]);
    assert!(m[1].contains("enter 2025-06 in the “Period” field"), "{}", m[1]);
    assert!(
        m[2].contains("在“CSV 编码”一栏改选 gbk 或 auto")
            && m[2].contains("choose gbk or auto in the “CSV encoding” field"),
        "{}",
        m[2]
    );
    assert!(m[3].starts_with("“统计期” 2025-13") && m[3].contains("“Period” 2025-13"), "{}", m[3]);
    assert!(
        m[5].contains("勾选“同一楼栋分在几个文件中登记时相加”")
            && m[5].contains("tick “Add up a building registered across files”"),
        "{}",
        m[5]
    );
    assert_eq!(m[6], "给定的选项（“统计期”、“地点”）");
    assert_eq!(m[7], "the choice made (“Period”, “Place”)");
}

/// A period given in the command or the view says what is wrong with it, as a period
/// cell's problem does: out of range names the range, a missing day says so.
#[test]
fn a_period_given_says_what_is_wrong() {
    let out = flags::period("1999-12").unwrap_err();
    assert!(
        out.contains("应在 2000-01 至 2100-12 之间") && out.contains("must be between 2000-01 and 2100-12"),
        "{out}"
    );
    let day = flags::period("2025-06-31").unwrap_err();
    assert!(day.contains("这个月没有这一天") && day.contains("the month has no such day"), "{day}");
    for bad in ["2025-13", "June", "2025.1"] {
        let m = flags::period(bad).unwrap_err();
        assert!(m.contains("请写作 2025-06") && m.contains("write the month as 2025-06"), "{bad}: {m}");
    }
    assert_eq!(flags::period(" 2100-12 ").map(|p| p.to_string()), Ok("2100-12".to_string()));
}
