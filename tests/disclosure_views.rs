//! The views on a public display (`suppress=1`) show what `anju_data::disclosure` decides
//! and nothing more: hidden values are marked, fixed-size and last in rankings, rates go
//! with their counts, and sums of several places are hidden with any of them. The rule
//! itself is proved in `crates/anju-data/tests/disclosure.rs`.

use anju::model::spec::ChartSpec;
use anju::model::{board, channels, ranking, table, tiles};
use anju_data::disclosure::{Shown, MARK};
use anju_data::domain::{Group, Lang};
use anju_data::view::measure::Measure;
use anju_data::view::query::ViewState;
use anju_data::{Dataset, Metric};

fn case(name: &str) -> Dataset {
    let bytes = std::fs::read(format!("tests/fixtures/cases/hostile/{name}/index.json")).unwrap();
    Dataset::from_index("index.json", &bytes).unwrap()
}

#[test]
fn the_table_never_leaves_one_hidden_cell_under_a_shown_parent() {
    let ds = case("suppress-differencing");
    let s = ds.find("S").unwrap();
    let view = ViewState { suppress: true, groups: vec![Group::Disabled], ..Default::default() };
    let t = ds.latest();
    let m = table::table_model(&ds, s, t, &view);
    assert_eq!(m.rows.len(), 2);
    for col in 1..m.columns.len() {
        let hidden = m.rows.iter().filter(|r| r.1[col].starts_with(MARK)).count();
        assert!(hidden != 1, "column {}: {:?}", m.columns[col].1, m.rows);
    }
    // The site's own people stay: 52, and neither 50 nor 2 below it.
    let tiles = tiles::tiles(Shown::new(&ds, true), s, t, Lang::Zh, &[]);
    assert_eq!(tiles.iter().find(|k| k.key == "people").unwrap().raw, "52");
    let people = m.columns.iter().position(|c| c.0 == Some(Measure::Count(Metric::People))).unwrap();
    assert!(m.rows.iter().all(|r| r.1[people] == MARK), "{:?}", m.rows);
}

#[test]
fn hidden_bars_are_marked_not_to_scale_and_rank_last() {
    let ds = case("suppress-differencing");
    let s = ds.find("S").unwrap();
    let t = ds.latest();
    let spec = ranking::ranking_spec(
        Shown::new(&ds, true),
        s,
        Measure::Count(Metric::People),
        t,
        Lang::Zh,
        |id| id.into(),
        ranking::TOP_N,
    );
    // The tooltip says the value is hidden, in words as well as the mark.
    assert_eq!(spec.tip(0, Lang::Zh).map(|t| t.ends_with("：已隐藏 *")), Some(true), "{:?}", spec.tip(0, Lang::Zh));
    assert_eq!(spec.tip(0, Lang::En).map(|t| t.ends_with(": hidden *")), Some(true), "{:?}", spec.tip(0, Lang::En));
    let ChartSpec::Bars { bars, .. } = spec else { panic!("bars") };
    assert!(bars.iter().all(|b| b.hidden && b.value.is_none() && b.text == MARK), "{bars:?}");
    // Without suppression the same chart is to scale.
    let ChartSpec::Bars { bars, .. } = ranking::ranking_spec(
        Shown::new(&ds, false),
        s,
        Measure::Count(Metric::People),
        t,
        Lang::Zh,
        |id| id.into(),
        ranking::TOP_N,
    ) else {
        panic!("bars")
    };
    assert_eq!(bars.iter().map(|b| b.value).collect::<Vec<_>>(), vec![Some(50.0), Some(2.0)]);
}

#[test]
fn rates_and_channels_go_with_their_counts() {
    let ds = case("suppress-rate-leak");
    let t = ds.latest();
    let shown = Shown::new(&ds, true);
    for id in ["S-B1", "S-B2"] {
        let b = ds.find(id).unwrap();
        let k = tiles::tiles(shown, b, t, Lang::Zh, &[]);
        let rate = k.iter().find(|k| k.key == "employment_rate").unwrap();
        assert_eq!((rate.raw.as_str(), rate.text.as_str(), rate.status), (MARK, MARK, ""), "{id}");
        let ChartSpec::Bars { bars, .. } = channels::channels_spec(shown, b, t, Lang::Zh) else { panic!("bars") };
        let away = &bars[0];
        assert!(away.hidden && away.text.starts_with(MARK) && away.text.contains(MARK), "{id}: {away:?}");
    }
    // The site's ranking by employment rate: beside the two small ones (1 and 1 employed)
    // the big building's employed is hidden too (else a reader who knows the rules would
    // know both hidden ones are small, and their sum, 2, would pin them), so every rate
    // is hidden, every bar the same fixed mark, and the site's own figure stays.
    let site = ds.find("S").unwrap();
    let b = board::board(shown, site, Measure::EmploymentRate, t, None, Lang::Zh);
    assert_eq!(b.rows.len(), 3);
    assert!(b.rows.iter().all(|r| r.hidden && r.width == b.rows[0].width && r.value == MARK), "{:?}", b.rows);
    assert_eq!(shown.count(site, Metric::Employed, t), Some(26));
}
