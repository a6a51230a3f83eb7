//! The aggregator end to end: round trips through UTF-8 CSV, GBK CSV and XLSX; every kind
//! of bad row at its row and column; no identity data anywhere in the output or messages;
//! failed and interrupted writes leave the previous dataset whole; determinism.

mod common;

use anju_cli::aggregate::AggError;
use anju_cli::registers::{generate, write_xlsx, CsvOut, Expected, Spec};
use anju_import::row::Kind;
use anju_import::EncodingChoice;
use common::{aggregate, all_bytes, check_round_trip, load};
use std::path::Path;

fn spec(with_identity: bool) -> Spec {
    Spec {
        cities: 2,
        counties_per_city: 2,
        sites_per_county: 3,
        buildings_per_site: 4,
        households_per_building: 12,
        periods: 3,
        seed: 9,
        with_identity,
    }
}

fn write_csv(path: &Path, spec: &Spec, gbk: bool) -> Expected {
    let mut w = CsvOut::new(std::fs::File::create(path).unwrap(), gbk).unwrap();
    let exp = generate(spec, &mut |r| w.row(r).unwrap());
    w.finish().unwrap();
    exp
}

#[test]
fn round_trip_utf8_csv() {
    let dir = tempfile::tempdir().unwrap();
    let exp = write_csv(&dir.path().join("r.csv"), &spec(true), false);
    let s = aggregate(vec![dir.path().join("r.csv")], &dir.path().join("out"), EncodingChoice::Auto, false).unwrap();
    assert_eq!((s.households, s.people, s.bad_rows), (exp.households, exp.people, 0));
    assert_eq!(s.files[0].1, "utf-8");
    check_round_trip(&load(&dir.path().join("out")), &exp);
}

#[test]
fn round_trip_gbk_csv_detected_and_forced() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("gbk.csv");
    let exp = write_csv(&f, &spec(false), true);
    assert!(std::str::from_utf8(&std::fs::read(&f).unwrap()).is_err(), "really GBK");
    let s = aggregate(vec![f.clone()], &dir.path().join("a"), EncodingChoice::Auto, false).unwrap();
    assert_eq!(s.files[0].1, "gbk");
    check_round_trip(&load(&dir.path().join("a")), &exp);
    aggregate(vec![f.clone()], &dir.path().join("b"), EncodingChoice::Gbk, false).unwrap();
    check_round_trip(&load(&dir.path().join("b")), &exp);
    // Read as UTF-8 by force, the Chinese cells are reported, not garbled into the data.
    let s = aggregate(vec![f], &dir.path().join("c"), EncodingChoice::Utf8, false);
    match s {
        Err(AggError::NoRows(s)) if s.refused.len() == 1 && s.refused[0].1.contains("--encoding gbk") => {}
        other => panic!("GBK headers read as UTF-8 are named as an encoding problem: {other:?}"),
    }
}

#[test]
fn round_trip_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let mut rows = Vec::new();
    let exp = generate(&spec(true), &mut |r| rows.push(r.to_vec()));
    let f = dir.path().join("r.xlsx");
    write_xlsx(&f, &rows).unwrap();
    let s = aggregate(vec![f], &dir.path().join("out"), EncodingChoice::Auto, false).unwrap();
    assert_eq!((s.households, s.bad_rows), (exp.households, 0));
    check_round_trip(&load(&dir.path().join("out")), &exp);
}

const HEADER: &str = "统计期,市,县,安置点,社区,网格,楼栋,户主姓名,户人数,劳动力,外出务工,就近就业,人均纯收入,残疾人,重度残疾人,风险等级,监测户,风险已消除";

#[test]
fn every_kind_of_bad_row_is_reported_at_its_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let rows = [
        "2025-06,甲市,乙县,丙点,,,1栋,赵甲,4,2,1,1,9000,0,0,绿,否,否", // row 2: good
        "2025-06,甲市,乙县,丙点,,,,赵乙,4,2,1,1,9000,0,0,绿,否,否",    // 3: 楼栋 missing
        "2025-06,甲市,乙县,丙点,,,1栋,赵丙,abc,2,1,1,9000,0,0,绿,否,否", // 4: 户人数 not a number
        "2025-06,甲市,乙县,丙点,,,1栋,赵丁,4,-1,0,0,9000,0,0,绿,否,否", // 5: 劳动力 negative
        "2025-06,甲市,乙县,丙点,,,1栋,赵戊,2.5,1,0,0,9000,0,0,绿,否,否", // 6: 户人数 not whole
        "2025-06,甲市,乙县,丙点,,,1栋,赵己,99999999,1,0,0,9000,0,0,绿,否,否", // 7: too large
        "2025-13,甲市,乙县,丙点,,,1栋,赵庚,4,2,1,1,9000,0,0,绿,否,否", // 8: bad period
        "2025-06,甲市,乙县,丙点,,,1栋,赵辛,4,2,1,1,9000,0,0,紫,否,否", // 9: bad colour
        "2025-06,甲市,乙县,丙点,,,1栋,赵壬,4,2,1,1,9000,0,0,绿,也许,否", // 10: bad yes/no
        "2025-06,甲市,乙县,丙点,,,1栋,赵癸,2,3,1,1,9000,0,0,绿,否,否", // 11: labour > size
        "2025-06,甲市,乙县,丙点,,,1栋,钱甲,4,2",                       // 12: too few cells
        "2025-06,甲市,乙县,丙点,,,1栋,钱乙,4,2,1,1,-5,0,0,绿,否,否",   // 13: negative income
        "2025-06,甲市,乙县,丙点,,,1栋,钱丙,4,2,1,1,9000,1,2,绿,否,否", // 14: severely > disabled
        "2025-06,甲市,乙县,丙点,,,1栋,钱丁,4,2,1,1,9000,0,0,绿,否,是", // 15: eliminated, not monitored
    ];
    let mut bytes = format!("{HEADER}\n{}\n,,,,,,,,,,,,,,,,,\n", rows.join("\n")).into_bytes();
    // Row 16 is blank (counted, not a household); row 17 has invalid UTF-8 in a used column.
    bytes.extend_from_slice(b"2025-06,\xff\xfe,\xe4\xb9\x99\xe5\x8e\xbf,\xe4\xb8\x99\xe7\x82\xb9,,,1,x,4,2,1,1,9000,0,0,\xe7\xbb\xbf,\xe5\x90\xa6,\xe5\x90\xa6\n");
    let f = dir.path().join("bad.csv");
    std::fs::write(&f, &bytes).unwrap();
    let s = aggregate(vec![f.clone()], &dir.path().join("out"), EncodingChoice::Utf8, false).unwrap();
    let at = |row: u64, col: &str, kind: Kind| {
        assert!(
            s.problems.iter().any(|p| p.row == row && p.column == col && p.kind == kind),
            "no {kind:?} at row {row} [{col}] in {:#?}",
            s.problems
        );
    };
    at(3, "楼栋", Kind::Missing);
    at(4, "户人数", Kind::NotANumber);
    at(5, "劳动力", Kind::Negative);
    at(6, "户人数", Kind::NotWhole);
    at(7, "户人数", Kind::TooLarge);
    at(8, "统计期", Kind::BadPeriod);
    at(9, "风险等级", Kind::BadRisk);
    at(10, "监测户", Kind::BadYesNo);
    at(11, "劳动力", Kind::Inconsistent);
    at(12, "", Kind::FieldCount);
    at(13, "人均纯收入", Kind::Negative);
    at(14, "重度残疾人", Kind::Inconsistent);
    at(15, "风险已消除", Kind::Inconsistent);
    at(17, "市", Kind::Encoding);
    assert_eq!((s.rows, s.households, s.bad_rows, s.blank_rows), (15, 1, 14, 1));
    assert_eq!(s.by_kind.values().sum::<u64>(), s.problems.len() as u64);
    // Values are quoted back, the identity column never is.
    assert!(s.problems.iter().any(|p| p.value == "abc"));
    for p in &s.problems {
        for name in [
            "赵甲", "赵乙", "赵丙", "赵丁", "赵戊", "赵己", "赵庚", "赵辛", "赵壬", "赵癸", "钱甲", "钱乙", "钱丙",
            "钱丁",
        ] {
            assert!(!p.to_string().contains(name), "{p}");
        }
    }
    // --strict stops at the first problem and writes nothing.
    let strict_out = dir.path().join("strict");
    match aggregate(vec![f], &strict_out, EncodingChoice::Utf8, true) {
        Err(AggError::Strict(p)) => assert_eq!((p.row, p.kind), (3, Kind::Missing)),
        other => panic!("{other:?}"),
    }
    assert!(!strict_out.exists());
}

#[test]
fn identity_data_never_comes_out() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("r.csv");
    let exp = write_csv(&f, &spec(true), false);
    assert!(exp.identity_values.len() > 50);
    // A bad row carrying identity data too.
    let mut text = std::fs::read_to_string(&f).unwrap();
    text.push_str("2025-06,市001,县01,安置点01,社区1,网格1,1栋,孙悟空,110105194912310029,-3,1,0,0,0,0,0,9000,0,0,0,0,0,0,0,0,绿,否,否,13812345678\n");
    std::fs::write(&f, text).unwrap();
    let s = aggregate(vec![f], &dir.path().join("out"), EncodingChoice::Auto, false).unwrap();
    assert_eq!(s.bad_rows, 1);
    assert_eq!(s.identity_columns.iter().map(|c| c.1.as_str()).collect::<Vec<_>>(), ["户主姓名", "身份证号", "手机号"]);
    let mut out = Vec::new();
    all_bytes(&dir.path().join("out"), &mut out);
    let out = String::from_utf8(out).unwrap();
    let messages: String = s.problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n");
    for v in exp.identity_values.iter().map(String::as_str).chain(["孙悟空", "110105194912310029", "13812345678"]) {
        assert!(!out.contains(v), "{v} in the output");
        assert!(!messages.contains(v), "{v} in a message");
    }
}

#[test]
fn a_failed_or_interrupted_write_leaves_the_previous_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("data");
    let f = dir.path().join("r.csv");
    write_csv(&f, &spec(false), false);
    aggregate(vec![f.clone()], &out, EncodingChoice::Auto, false).unwrap();
    let mut before = Vec::new();
    all_bytes(&out, &mut before);
    // A failed run (strict, bad row) changes nothing.
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, format!("{HEADER}\n2025-06,甲市,乙县,丙点,,,1栋,x,abc,2,1,1,9000,0,0,绿,否,否\n")).unwrap();
    assert!(aggregate(vec![bad], &out, EncodingChoice::Auto, true).is_err());
    // A write that fails part way (the temporary folder cannot be made) changes nothing.
    let tmp = dir.path().join(".data.tmp");
    std::fs::write(&tmp, b"in the way").unwrap();
    let g = dir.path().join("other.csv");
    write_csv(&g, &Spec { seed: 10, ..spec(false) }, false);
    assert!(matches!(aggregate(vec![g.clone()], &out, EncodingChoice::Auto, false), Err(AggError::Write { .. })));
    std::fs::remove_file(&tmp).unwrap();
    let mut after = Vec::new();
    all_bytes(&out, &mut after);
    assert!(before == after, "the previous dataset is intact");
    // A run killed between moving the old dataset aside and moving the new one in: the
    // next run restores the old one first, then replaces it whole.
    std::fs::rename(&out, dir.path().join(".data.old")).unwrap();
    std::fs::create_dir_all(dir.path().join(".data.tmp/shards")).unwrap();
    aggregate(vec![g], &out, EncodingChoice::Auto, false).unwrap();
    load(&out);
    assert!(!dir.path().join(".data.old").exists() && !dir.path().join(".data.tmp").exists());
}

#[test]
fn the_same_input_gives_byte_identical_output() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("r.csv");
    write_csv(&f, &spec(true), false);
    aggregate(vec![f.clone()], &dir.path().join("a"), EncodingChoice::Auto, false).unwrap();
    aggregate(vec![f], &dir.path().join("b"), EncodingChoice::Auto, false).unwrap();
    let (mut a, mut b) = (Vec::new(), Vec::new());
    all_bytes(&dir.path().join("a"), &mut a);
    all_bytes(&dir.path().join("b"), &mut b);
    assert!(a == b);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 12, ..Default::default() })]

    /// Registers of any shape and seed aggregate to data that satisfies every relation,
    /// and to exactly the households the generator wrote.
    #[test]
    fn aggregated_registers_satisfy_every_relation(
        seed in proptest::prelude::any::<u64>(),
        counties in 1usize..3,
        sites in 1usize..3,
        buildings in 1usize..4,
        households in 1usize..15,
        periods in 1usize..3,
    ) {
        let spec = Spec {
            cities: 1,
            counties_per_city: counties,
            sites_per_county: sites,
            buildings_per_site: buildings,
            households_per_building: households,
            periods,
            seed,
            with_identity: false,
        };
        let dir = tempfile::tempdir().unwrap();
        let exp = write_csv(&dir.path().join("r.csv"), &spec, false);
        let s = aggregate(vec![dir.path().join("r.csv")], &dir.path().join("out"), EncodingChoice::Auto, false).unwrap();
        proptest::prop_assert_eq!((s.households, s.bad_rows), (exp.households, 0));
        check_round_trip(&load(&dir.path().join("out")), &exp);
    }
}
