//! The registers of `tests/cases` (small files shaped the way offices keep them, each with
//! the totals a correct reader gives in `expected.json`, computed from the households):
//! every accepted file gives exactly its totals, its sites and its buildings.

use anju_data::Metric;
use anju_import::{read, Item, Options, Report};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases");

/// Totals per period in the data format's metric keys, with per-capita income (to the fen).
struct Read {
    totals: BTreeMap<String, BTreeMap<String, f64>>,
    buildings: BTreeSet<String>,
    sites: BTreeSet<String>,
    problems: Vec<anju_import::row::RowProblem>,
    report: Result<Report, anju_import::FileError>,
}

fn read_case(name: &str) -> Read {
    let bytes = std::fs::read(format!("{DIR}/{name}")).unwrap();
    let mut sums: BTreeMap<String, ([u64; anju_data::metric::N_METRICS], f64)> = BTreeMap::new();
    let (mut buildings, mut sites, mut problems) = (BTreeSet::new(), BTreeSet::new(), Vec::new());
    let report = read(name, &bytes, &Options::default(), &mut |item| match item {
        Item::Household(h) => {
            let e = sums.entry(h.period.to_string()).or_insert(([0; anju_data::metric::N_METRICS], 0.0));
            for (s, v) in e.0.iter_mut().zip(h.metrics()) {
                *s += v;
            }
            if let Some(x) = h.income {
                e.1 += x * h.size as f64;
            }
            buildings.insert(h.path.iter().filter(|p| !p.is_empty()).cloned().collect::<Vec<_>>().join("/"));
            sites.insert(h.path[2].clone());
        }
        Item::Rejected(ps) => problems.extend(ps),
    });
    let totals = sums
        .into_iter()
        .map(|(p, (m, inc))| {
            let mut t: BTreeMap<String, f64> =
                Metric::ALL.iter().map(|k| (k.key().to_string(), m[k.index()] as f64)).collect();
            let w = m[Metric::IncomePeople.index()];
            if w > 0 {
                t.insert("income_per_capita".into(), (inc / w as f64 * 100.0).round() / 100.0);
            }
            (p, t)
        })
        .collect();
    Read { totals, buildings, sites, problems, report }
}

fn expected() -> Value {
    serde_json::from_str(&std::fs::read_to_string(format!("{DIR}/expected.json")).unwrap()).unwrap()
}

fn check(name: &str) -> Read {
    let exp = &expected()["files"][name];
    let got = read_case(name);
    assert!(got.problems.is_empty(), "{name}: {:#?}", got.problems);
    let want: BTreeMap<String, BTreeMap<String, f64>> = serde_json::from_value(exp["totals"].clone()).unwrap();
    assert_eq!(got.totals.keys().collect::<Vec<_>>(), want.keys().collect::<Vec<_>>(), "{name}: periods");
    for (period, metrics) in &want {
        for (k, v) in metrics {
            assert_eq!(got.totals[period].get(k), Some(v), "{name} {period} {k}");
        }
    }
    let sites: BTreeSet<String> = serde_json::from_value(exp["sites"].clone()).unwrap();
    assert_eq!(got.sites, sites, "{name}: sites");
    let buildings: BTreeSet<String> = serde_json::from_value(exp["buildings"].clone()).unwrap();
    assert_eq!(got.buildings, buildings, "{name}: buildings");
    got
}

#[test]
fn a_two_row_header_with_merged_group_cells() {
    let got = check("03_two_row_header.xlsx");
    let report = got.report.unwrap();
    assert_eq!(report.sheets[0].header, Some((1, 2)), "both header rows found");
    assert!(report.sheets[0].columns.labels.contains(&"劳动力情况 / 外出务工".to_string()));
}

#[test]
fn every_sheet_of_a_workbook() {
    let got = check("05_multi_sheet.xlsx");
    let report = got.report.unwrap();
    let names: Vec<&str> = report.sheets.iter().map(|s| s.sheet.as_str()).collect();
    assert_eq!(names, ["8栋", "9栋", "10栋"]);
    assert!(report.sheets.iter().all(|s| s.skipped.is_none()));
}

#[test]
fn a_period_typed_as_the_number_2025_10_is_october() {
    check("13_period_number_2025.10.xlsx");
}

#[test]
fn headers_with_units_and_line_breaks() {
    check("15_header_units.xlsx");
}

#[test]
fn subtotal_and_total_rows_are_not_households_and_are_checked() {
    use anju_import::table::RowKind;
    let got = check("19_subtotal_rows.csv");
    let report = got.report.unwrap();
    let kinds = &report.sheets[0].kinds;
    assert_eq!((kinds[&RowKind::Household], kinds[&RowKind::Subtotal], kinds[&RowKind::Total]), (7, 2, 1));
    // The office's own sums agree with the households above them.
    assert_eq!(report.sheets[0].total_checks, vec![]);
}

#[test]
fn a_date_in_the_chinese_year_month_format_id_57() {
    let got = read_case("date-fmt57.xlsx");
    assert!(got.problems.is_empty(), "{:#?}", got.problems);
    assert_eq!(got.totals.keys().collect::<Vec<_>>(), ["2025-06"]);
}

#[test]
fn every_bad_row_is_listed_when_none_is_good() {
    let got = read_case("all-bad.csv");
    assert!(got.totals.is_empty());
    assert_eq!(got.problems.len(), 1, "{:#?}", got.problems);
    let p = &got.problems[0];
    assert_eq!((p.row, p.column.as_str(), p.value.as_str()), (2, "统计期", "2025-13"));
    assert_eq!(p.kind, anju_import::row::Kind::BadPeriod);
}

/// The dataset built from each case alone (`aggregate::Run`, as `anju aggregate` and the
/// browser's import build it) gives its expected totals at the top, after the roll-up.
#[test]
fn each_case_aggregated_gives_its_totals_at_the_top() {
    use anju_import::aggregate::{Options as RunOptions, Run};
    let exp = expected();
    let mut checked = 0;
    for (name, want) in exp["files"].as_object().unwrap() {
        let Some(totals) = want.get("totals").and_then(Value::as_object) else { continue };
        checked += 1;
        let opts = RunOptions::default();
        let mut run = Run::new(&opts);
        let bytes = std::fs::read(format!("{DIR}/{name}")).unwrap();
        run.file(name, bytes.as_slice(), &mut |_| {}).unwrap();
        let (_, summary) = run.finish(&mut |_| {}).unwrap();
        let periods: Vec<&str> = summary.totals.iter().map(|t| t.period.as_str()).collect();
        assert_eq!(periods, totals.keys().map(String::as_str).collect::<Vec<_>>(), "{name}: periods");
        for t in &summary.totals {
            for (key, v) in totals[&t.period].as_object().unwrap() {
                let got = match key.as_str() {
                    "income_per_capita" => t.income_per_capita,
                    k => Some(t.counts.iter().find(|(c, _)| c == k).map(|(_, n)| *n as f64).unwrap_or(0.0)),
                };
                assert_eq!(got, v.as_f64(), "{name} {} {key}", t.period);
            }
        }
    }
    assert_eq!(checked, 5, "the cases with totals");
}
