//! The site locations table of `anju geo --site-locations`: read by header name, every
//! fault refused with its row and column.

use anju_cli::sites::parse;

#[test]
fn columns_are_found_by_header_name_in_either_language() {
    let got = parse("s.csv", "名称,纬度,经度,编号\n万山安置点,27.52,109.21,520603-S1\n,,,\n").unwrap();
    assert_eq!(got.len(), 1, "a blank row is skipped");
    assert_eq!(
        (got[0].id.as_str(), got[0].at, got[0].from.as_str()),
        ("520603-S1", [109.21, 27.52], "s.csv 第 2 行 / row 2")
    );
    assert_eq!(parse("s.csv", "ID, Lon ,LAT\na,1,2\n").unwrap()[0].at, [1.0, 2.0]);
}

#[test]
fn each_fault_is_refused_naming_row_and_column() {
    let err = |text: &str| parse("s.csv", text).unwrap_err();
    assert!(err("id,lon\na,1\n").contains("row 1"), "a missing column");
    assert!(err("id,lon,lat\n,1,2\n").contains("row 2, column 1"), "an empty id");
    assert!(err("id,lon,lat\na,109.2°,27\n").contains("row 2, column 2"), "not a number");
    assert!(err("id,lon,lat\na,109,127\n").contains("row 2, column 3"), "a latitude past 90");
    assert!(err("id,lon,lat\na,109,27\nb,109,27\na,109,27\n").contains("row 4: the same id as row 2"));
}

#[test]
fn rows_are_lines_of_the_file_and_a_role_in_two_columns_is_refused() {
    let err = |text: &str| parse("s.csv", text).unwrap_err();
    assert!(err("id,lon,lat\n\na,1,200\n").contains("row 3, column 3"), "the blank line counted");
    assert!(err("id,lon,lat\n\"a\nb\",1,2\nc,1,200\n").contains("row 4,"), "a cell across two lines");
    assert!(err("编号,安置点编号,经度,纬度\n1,a,1,2\n").contains("columns 1 and 2 are both the 编号 / id"));
    assert!(err("经度,纬度,lng,lat\n1,2,1,2\n").contains("columns 1 and 3"));
}

#[test]
fn a_gbk_table_with_excel_s_byte_order_mark_or_without_reads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let text = "编号,经度,纬度\r\n520603-S1,109.21,27.52\r\n";
    let gbk = dir.path().join("gbk.csv");
    std::fs::write(&gbk, encoding_rs::GBK.encode(text).0).unwrap();
    let bom = dir.path().join("bom.csv");
    std::fs::write(&bom, [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat()).unwrap();
    for p in [gbk, bom] {
        let got = anju_cli::sites::read(&p).unwrap();
        assert_eq!((got.len(), got[0].id.as_str(), got[0].at), (1, "520603-S1", [109.21, 27.52]), "{}", p.display());
    }
}
