//! The import view's plain data: the order files are sent in, and progress in words.

use anju::model::import::{bytes, entries, fraction, progress, total_rows, Picked, INCOME_PER_CAPITA};
use anju_data::format::Lang;
use anju_data::import::PeriodTotals;

fn picked(rel: &str, name: &str, size: u64) -> Picked {
    Picked { relative_path: rel.into(), name: name.into(), size }
}

#[test]
fn files_alone_first_as_given_then_folders_by_path() {
    let p = [
        picked("台账/社区B/2栋.xlsx", "2栋.xlsx", 10),
        picked("", "z.csv", 1),
        picked("台账/社区A/1栋.csv", "1栋.csv", 5),
        picked("", "a.csv", 2),
    ];
    let (e, order) = entries(&p);
    assert_eq!(order, [1, 3, 2, 0]);
    let names: Vec<(&str, bool)> = e.iter().map(|f| (f.name.as_str(), f.in_folder)).collect();
    assert_eq!(
        names,
        [("z.csv", false), ("a.csv", false), ("台账/社区A/1栋.csv", true), ("台账/社区B/2栋.xlsx", true)]
    );
    assert_eq!(e[3].size, 10);
}

#[test]
fn progress_in_words() {
    assert_eq!(bytes(512), "512 B");
    assert_eq!(bytes(3 * 1024 + 512), "3.5 KB");
    assert_eq!(bytes(12 << 20), "12.0 MB");
    assert_eq!(progress(Lang::Zh, 1 << 20, 4 << 20, 0), "已读 1.0 MB / 4.0 MB");
    assert_eq!(progress(Lang::En, 1 << 20, 4 << 20, 12_000), "read 1.0 MB of 4.0 MB, 12,000 rows");
    // Never past the whole.
    assert_eq!(progress(Lang::En, 9 << 20, 4 << 20, 0), "read 4.0 MB of 4.0 MB");
    assert_eq!(fraction(1, 4), 0.25);
    assert_eq!(fraction(0, 0), 1.0);
    assert_eq!(fraction(9, 4), 1.0);
}

#[test]
fn totals_one_row_per_metric_in_registry_order_absent_as_zero_income_last() {
    let t = |period: &str, counts: &[(&str, u64)], income: Option<f64>| PeriodTotals {
        period: period.into(),
        counts: counts.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
        income_per_capita: income,
    };
    let totals = [
        t("2025-05", &[("people", 12345), ("households", 3)], None),
        t("2025-06", &[("people", 30), ("households", 8), ("labour", 8)], Some(8807.73)),
    ];
    let rows = total_rows(&totals, Lang::Zh);
    let keys: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["people", "households", "labour", INCOME_PER_CAPITA]);
    assert_eq!(rows[0].cells, [("12345".to_string(), "12,345".to_string()), ("30".into(), "30".into())]);
    assert_eq!(rows[2].name, "劳动力");
    assert_eq!(rows[2].cells[0], ("0".to_string(), "0".to_string()), "absent in a period: 0");
    assert_eq!(rows[3].cells[0], (String::new(), "—".to_string()), "no income figure that month");
    assert_eq!(rows[3].cells[1].1, "8,807.73元");
    assert_eq!(total_rows(&totals, Lang::En)[3].name, "Per-capita net income");
    assert!(total_rows(&[t("2025-06", &[], None)], Lang::Zh).is_empty());
}

#[test]
fn the_headline_is_the_last_period_not_a_sum_over_months() {
    use anju::model::import::headline;
    use anju_data::import::Outcome;
    let t = |period: &str, h: u64, p: u64| PeriodTotals {
        period: period.into(),
        counts: vec![("people".into(), p), ("households".into(), h), ("sites".into(), 1), ("buildings".into(), 1)],
        income_per_capita: None,
    };
    // The same two households in June's and July's registers.
    let o = Outcome {
        rows: 4,
        periods: 2,
        as_of: "2025-07-31".into(),
        totals: vec![t("2025-07", 2, 7), t("2025-06", 2, 7)],
        ..Default::default()
    };
    assert_eq!(
        headline(Lang::Zh, &o, 0),
        "截至 2025-07-31：2 户 7 人，1 个安置点、1 栋楼；共读取 4 行（2 个统计期），0 行有问题未计入，0 个文件被拒绝"
    );
    assert!(headline(Lang::En, &o, 1).starts_with("As of 2025-07-31: 2 households and 7 people in 1 site and 1 building; 4 rows read (2 periods), 0 bad rows left out, 1 file refused"));
}
