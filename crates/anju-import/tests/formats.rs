//! Workbook formats nothing on this machine writes from Rust: small fixtures made with
//! well-kept writers (`tests/formats/make.py`: xlwt for .xls, odfpy for .ods), each a
//! title row, a two-row header with a merged group, two households and a 合计 row.

use anju_data::Metric;
use anju_import::table::RowKind;
use anju_import::{read, Item, Options, Skip};

fn totals(name: &str) -> ([u64; anju_data::metric::N_METRICS], anju_import::Report) {
    let bytes = std::fs::read(format!("{}/tests/formats/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let mut sum = [0u64; anju_data::metric::N_METRICS];
    let report = read(name, &bytes, &Options::default(), &mut |item| match item {
        Item::Household(h) => {
            assert_eq!(h.period.to_string(), "2025-06");
            assert_eq!(h.path[2], "幸福安置点");
            for (s, v) in sum.iter_mut().zip(h.metrics()) {
                *s += v;
            }
        }
        Item::Rejected(ps) => panic!("{name}: {ps:?}"),
    })
    .unwrap();
    (sum, report)
}

fn check(name: &str, format: &str) -> anju_import::Report {
    let (m, report) = totals(name);
    assert_eq!(report.format, format);
    let get = |k: Metric| m[k.index()];
    assert_eq!(
        (get(Metric::Households), get(Metric::People), get(Metric::Labour), get(Metric::Away), get(Metric::RiskRed)),
        (2, 7, 3, 1, 1),
        "{name}"
    );
    let sheet = &report.sheets[0];
    assert_eq!(sheet.header, Some((2, 3)), "{name}: the title row passed over, two header rows");
    assert_eq!(sheet.kinds.get(&RowKind::Total), Some(&1));
    assert_eq!(sheet.total_checks, vec![], "{name}: its 合计 adds up");
    report
}

#[test]
fn legacy_xls_with_a_hidden_sheet() {
    let report = check("two_row_header.xls", "xls");
    assert_eq!(report.sheets[1].sheet, "数据字典");
    assert_eq!(report.sheets[1].skipped, Some(Skip::Hidden));
}

#[test]
fn opendocument_ods() {
    check("two_row_header.ods", "ods");
}
