//! Exports that add up, and staff's lists that count a household once: the table, the
//! where-to-go lists and the alerts as sheets of plain numbers; risk-colour tiles and
//! rankings. On the demo data and the shared case `ui/csv-plain-numbers`.

mod common;

use anju::model::sheet::{measure_cell, Cell};
use anju::model::staff::{alert_list, alert_sheet, counts_households, where_sheet, Pick};
use anju::model::table::{table_model, table_sheet};
use anju::model::tiles::risk_tiles;
use anju_data::disclosure::Shown;
use anju_data::domain::{Group, Lang, Risk};
use anju_data::view::measure::{rank_children, Measure};
use anju_data::view::query::ViewState;
use anju_data::view::staff::{descendants, top_buildings, Threshold};
use anju_data::Metric;
use common::{demo, load};

/// The shared case: a site of 123,456 people exports 123456 (the table shows 12.3万).
#[test]
fn csv_cells_are_plain_numbers() {
    let ds = load("tests/fixtures/cases/ui/csv-plain-numbers");
    let (t, view) = (ds.latest(), ViewState::default());
    assert_eq!(table_model(&ds, ds.root, t, &view).rows[0].1[1], "12.3万");
    let sheet = table_sheet(&ds, ds.root, t, &view);
    let csv: Vec<Vec<String>> = sheet.records();
    assert_eq!(
        csv[0],
        [
            "安置点",
            "搬迁人口（人）",
            "户数（户）",
            "就业率（%）",
            "人均纯收入（元）",
            "监测户（户）",
            "零就业家庭（户）",
            "说明"
        ]
    );
    assert_eq!(csv[1], ["幸福安置点", "123456", "30", "91.67", "11000.00", "0", "0", ""]);
    assert_eq!(csv[2][1], "1234");
    let people: u64 = csv[1..].iter().map(|r| r[1].parse::<u64>().unwrap()).sum();
    assert_eq!(people, ds.node(ds.root).m.get(Metric::People, t));
    // English headers carry units too.
    let en = table_sheet(&ds, ds.root, t, &ViewState { lang: Lang::En, ..Default::default() });
    assert_eq!(en.header[1], "People (people)");
    assert_eq!(en.header[4], "Per-capita net income (yuan)");
}

/// Every cell of the demo's table export equals the stored figures: counts whole, rates
/// in per cent with two decimals, a group's count and share apart, a published figure's
/// wording in the note beside its stored count.
#[test]
fn the_table_sheet_is_the_data() {
    let ds = demo();
    let t = ds.latest();
    let view = ViewState { groups: vec![Group::Disabled], risks: vec![Risk::Red], ..Default::default() };
    let sheet = table_sheet(&ds, ds.root, t, &view);
    assert_eq!(
        &sheet.header[..5],
        ["市(州)", "残疾人（人）", "残疾人占比（%）", "红色风险户（户）", "红色风险户占比（%）"]
    );
    let model = table_model(&ds, ds.root, t, &view);
    assert_eq!(sheet.rows.len(), model.rows.len());
    for ((id, cells), row) in model.rows.iter().zip(&sheet.rows) {
        let ix = ds.find(id).unwrap();
        let n = ds.node(ix);
        assert_eq!(row[0], Cell::Text(cells[0].clone()));
        assert_eq!(row[1], Cell::Int(n.m.get(Metric::Disabled, t)));
        let share = n.m.get(Metric::Disabled, t) as f64 / n.m.get(Metric::People, t) as f64 * 100.0;
        assert_eq!(row[2], Cell::Fixed(share, 2));
        assert_eq!(row[3], Cell::Int(n.m.get(Metric::RiskRed, t)));
        let red = n.m.get(Metric::RiskRed, t) as f64 / n.m.get(Metric::Households, t) as f64 * 100.0;
        assert_eq!(row[4], Cell::Fixed(red, 2));
    }
    let records = sheet.records();
    let tongren = records.iter().find(|r| r[0] == "铜仁市").unwrap();
    let col = |h: &str| records[0].iter().position(|x| x == h).unwrap();
    assert_eq!(tongren[col("搬迁人口（人）")], "293000");
    assert!(tongren[col("说明")].contains("搬迁人口：公布为约29.3万"), "{}", tongren[col("说明")]);
}

/// On a public display a hidden figure is the mark, never a number.
#[test]
fn hidden_cells_are_the_mark() {
    let ds = load("tests/fixtures/cases/hostile/suppress-differencing");
    let t = ds.latest();
    let s = Shown::new(&ds, true);
    let hidden: Vec<_> =
        descendants(&ds, ds.root).into_iter().filter(|&i| s.hides(i, Measure::Count(Metric::People), t)).collect();
    assert!(!hidden.is_empty());
    for i in hidden {
        assert_eq!(measure_cell(s, i, Measure::Count(Metric::People), t), Cell::Hidden);
        assert_eq!(measure_cell(s, i, Measure::Count(Metric::People), t).csv(), "*");
    }
}

/// A household in a building is in its grid, community and site too: a count alert
/// lists the deepest places, and its badge and its rows both equal the place's own
/// count (the KPI). A rate alert lists every place that breaks it, level by level.
#[test]
fn alerts_count_a_household_once() {
    let ds = demo();
    let t = ds.latest();
    let county = ds.find("520524").unwrap();
    for th in Threshold::ALL {
        let list = alert_list(Shown::from(&ds), county, th, t, Lang::Zh);
        let rows: Vec<_> = list.by_level.iter().flat_map(|g| g.1.iter().copied()).collect();
        assert_eq!(rows.len(), list.rows());
        let sheet = alert_sheet(&ds, county, th, &list, Lang::Zh);
        assert_eq!(sheet.rows.len(), rows.len());
        if counts_households(th) {
            let own = th.severity(Shown::from(&ds), county, t).unwrap_or(0.0) as u64;
            assert_eq!(list.badge, Some(own), "{th:?}");
            assert_eq!(rows.iter().map(|r| r.1 as u64).sum::<u64>(), own, "{th:?}");
            assert!(rows.iter().all(|r| ds.kids[r.0].is_empty()));
            let total: u64 = sheet.rows.iter().map(|r| if let Some(Cell::Int(v)) = r.last() { *v } else { 0 }).sum();
            assert_eq!(total, own);
        } else {
            assert_eq!(list.badge, Some(rows.len() as u64));
        }
        // Levels top down.
        assert!(list.by_level.windows(2).all(|w| w[0].0 < w[1].0));
    }
    assert_eq!(alert_list(Shown::from(&ds), county, Threshold::ZeroEmployment, t, Lang::Zh).badge_text, "13户");
}

/// A risk colour: its tile, its ranking most first, its share of households, and its
/// where-to-go list with the path one column per level.
#[test]
fn a_risk_colour_is_counted_where_it_is_most() {
    let ds = demo();
    let t = ds.latest();
    let county = ds.find("520524").unwrap();
    let n = ds.node(county);
    let tiles = risk_tiles(Shown::from(&ds), county, t, Lang::Zh, &[Risk::Red, Risk::Yellow]);
    assert_eq!(tiles.iter().map(|k| k.key).collect::<Vec<_>>(), ["risk_red", "risk_yellow"]);
    assert_eq!(tiles[0].raw, n.m.get(Metric::RiskRed, t).to_string());
    assert_eq!(tiles[0].status, "bad");
    let ranked = rank_children(&ds, county, Measure::Count(Metric::RiskRed), t);
    assert!(ranked.windows(2).all(|w| w[0].1 >= w[1].1), "most red households first");
    let shares = rank_children(&ds, county, Measure::Share(Metric::RiskRed), t);
    for (c, v) in &shares {
        let c = ds.node(*c);
        assert_eq!(*v, Some(c.m.get(Metric::RiskRed, t) as f64 / c.m.get(Metric::Households, t) as f64));
    }
    let list = top_buildings(&ds, county, Metric::RiskRed, t, 20);
    let sheet = where_sheet(&ds, county, Pick::Risk(Risk::Red), &list, Lang::Zh);
    assert_eq!(sheet.header, ["序号", "安置点", "社区", "网格", "楼栋", "红色风险户（户）"]);
    for (k, (row, (b, v))) in sheet.rows.iter().zip(&list).enumerate() {
        assert_eq!(row[0], Cell::Int(k as u64 + 1));
        assert_eq!(row.last(), Some(&Cell::Int(*v)));
        assert_eq!(row[4], Cell::Text(ds.node(*b).name.clone()));
    }
}

/// On a public display the badge of a place whose own count is hidden is the mark, as on
/// its tile, never "0户" (which would also say something untrue).
#[test]
fn a_hidden_count_hides_its_badge() {
    let ds = demo();
    let t = ds.latest();
    let s = Shown::new(&ds, true);
    let county = ds.find("520524").unwrap();
    let hidden = descendants(&ds, county)
        .into_iter()
        .find(|&i| !ds.kids[i].is_empty() && s.count(i, Metric::ZeroEmploymentHouseholds, t).is_none())
        .expect("the demo has a place whose zero-employment count is hidden");
    let list = alert_list(s, hidden, Threshold::ZeroEmployment, t, Lang::Zh);
    assert_eq!((list.badge, list.badge_text.as_str()), (None, "*"));
    // Where the count is shown, the badge is it.
    let shown = alert_list(s, county, Threshold::ZeroEmployment, t, Lang::Zh);
    assert_eq!(shown.badge, s.count(county, Metric::ZeroEmploymentHouseholds, t));
}

/// Households still at risk of 1 or 2 are hidden on a public display though both counts
/// they come from are shown: the badge is the mark then too, never "0户" (it was).
#[test]
fn a_small_still_at_risk_badge_is_the_mark() {
    let ds = demo();
    let t = ds.latest();
    let s = Shown::new(&ds, true);
    let (mh, el) = (Metric::MonitoredHouseholds, Metric::RiskEliminatedHouseholds);
    let small = (0..ds.nodes.len())
        .find(|&i| {
            let open = s.count(i, mh, t).zip(s.count(i, el, t)).map(|(a, b)| a.saturating_sub(b));
            !ds.kids[i].is_empty() && matches!(open, Some(1 | 2))
        })
        .expect("the demo has a place with 1 or 2 households still at risk, both counts shown");
    let list = alert_list(s, small, Threshold::StillAtRisk, t, Lang::Zh);
    assert_eq!((list.badge, list.badge_text.as_str()), (None, "*"));
    assert_eq!(Threshold::StillAtRisk.households(s, small, t), None);
    assert_eq!(Threshold::StillAtRisk.households(&ds, small, t).map(|n| (1..=2).contains(&n)), Some(true));
}
