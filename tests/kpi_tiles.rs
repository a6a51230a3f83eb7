//! The KPI tiles computed natively from the committed demo data: raw values for the
//! test hooks and the official number forms people read.

mod common;

use anju::model::tiles::tiles;
use anju_data::disclosure::Shown;
use anju_data::format::Lang;
use anju_data::view::query::Group;
use anju_data::Metric;
use common::demo;

#[test]
fn wanshan_tiles_carry_published_figures_in_official_forms() {
    let ds = demo();
    let ix = ds.find("520603").unwrap();
    let t = ds.latest();
    let zh = tiles(Shown::new(&ds, false), ix, t, Lang::Zh, &[]);
    let get = |k: &str| zh.iter().find(|x| x.key == k).unwrap_or_else(|| panic!("tile {k}"));
    assert_eq!(zh.len(), 11);
    assert_eq!(get("labour").raw, "26799");
    assert_eq!(get("labour").text, "26,799人");
    let labour = get("labour").source.as_ref().expect("published");
    assert!(
        labour.hover.contains("万山搬迁群众") && labour.hover.contains("数字所指日期：未注明日期"),
        "{}",
        labour.hover
    );
    assert_eq!(labour.mark, "公布（未注明日期）");
    assert_eq!(get("employment_rate").raw, (25_378f64 / 26_799f64).to_string());
    assert_eq!(get("employment_rate").text, "94.7%");
    assert_eq!(get("employment_rate").status, "bad", "below the 95% target");
    assert_eq!(get("income_per_capita").raw, "12450.99");
    assert_eq!(get("income_per_capita").text, "12,450.99元");
    assert_eq!(get("income_per_capita").sub.as_deref(), Some("同比 +12.6%"));
    assert_eq!(get("monitored_households").sub.as_deref(), Some("已消除风险 100 户（45.7%）"));
    assert!(get("people").source.is_none(), "synthesised");
    assert_eq!(get("zero_employment_households").raw, "0", "every labour household employed");
    let en = tiles(Shown::new(&ds, false), ix, t, Lang::En, &[]);
    assert_eq!(en.iter().find(|x| x.key == "income_per_capita").unwrap().text, "¥12,450.99");
}

#[test]
fn the_root_reads_in_wan() {
    let ds = demo();
    let tiles = tiles(Shown::new(&ds, false), ds.root, ds.latest(), Lang::Zh, &[]);
    assert!(tiles[0].text.ends_with("万人"), "{}", tiles[0].text);
}

#[test]
fn group_tiles_show_count_and_share_and_monitored_reuses_its_tile() {
    let ds = demo();
    let ix = ds.find("520524-S1").unwrap();
    let t = ds.latest();
    let all = tiles(Shown::new(&ds, false), ix, t, Lang::Zh, &[Group::Disabled, Group::Monitored]);
    let d = all.iter().find(|x| x.key == "disabled").expect("a tile for the group");
    assert_eq!(d.raw, "1045");
    assert_eq!(d.sub.as_deref(), Some("占人口 4.7%"));
    assert!(d.source.is_some(), "平远新城's 1,045 disabled people are published");
    assert_eq!(all.iter().filter(|x| x.key == "monitored_people").count(), 1);
    assert!(all.iter().find(|x| x.key == "monitored_people").unwrap().sub.as_deref().unwrap().starts_with("占人口"));
}

#[test]
fn suppression_hides_small_counts_in_values_and_text() {
    let ds = demo();
    let t = ds.latest();
    let b = (0..ds.nodes.len())
        .find(|&i| ds.nodes[i].m.get(Metric::Disabled, t) == 2)
        .expect("a building with 2 disabled people");
    let shown = tiles(Shown::new(&ds, true), b, t, Lang::Zh, &[Group::Disabled]);
    let d = shown.iter().find(|x| x.key == "disabled").unwrap();
    assert_eq!((d.raw.as_str(), d.text.as_str(), d.sub.as_deref()), ("*", "*", Some("占人口 *")));
    for tile in &shown {
        assert!(tile.raw != "1" && tile.raw != "2", "{tile:?}");
    }
}

#[test]
fn published_figures_read_as_their_sources_wrote_them() {
    let ds = demo();
    let t = ds.latest();
    let tr = tiles(Shown::new(&ds, false), ds.find("5206").unwrap(), t, Lang::Zh, &[]);
    let people = tr.iter().find(|x| x.key == "people").unwrap();
    assert_eq!(people.text, "约29.3万人");
    assert_eq!(people.raw, "293000", "the stored count stays the hook's value");
    let yl = tiles(Shown::new(&ds, false), ds.find("530628").unwrap(), t, Lang::Zh, &[]);
    let rate = yl.iter().find(|x| x.key == "employment_rate").unwrap();
    assert_eq!(rate.text, "92.09%");
    assert_eq!(rate.raw, (27_248f64 / 29_586f64).to_string());
    let p = rate.source.as_ref().unwrap();
    assert_eq!(p.mark, "公布（未注明日期）");
    assert!(p.hover.contains("原文：“92.09%”") && p.hover.contains("数字所指日期：未注明日期"), "{}", p.hover);
    assert!(p.hover.ends_with("按人数计算：92.10%"), "both the published and the computed rate: {}", p.hover);
    let en = tiles(Shown::new(&ds, false), ds.find("5206").unwrap(), t, Lang::En, &[]);
    assert_eq!(en.iter().find(|x| x.key == "people").unwrap().text, "about 293,000");
}

/// A rate a hair short of its target is marked short and never reads as the target: the
/// demo's 530628 in 2025-05 employs 27,219 of 29,586 (91.9996 %) against 92 %.
#[test]
fn a_rate_just_short_of_its_target_does_not_read_as_the_target() {
    let ds = demo();
    let ix = ds.find("530628").unwrap();
    let t = ds.period_keys.iter().position(|p| p == "2025-05").unwrap();
    let zh = tiles(Shown::new(&ds, false), ix, t, Lang::Zh, &[]);
    let rate = zh.iter().find(|x| x.key == "employment_rate").unwrap();
    assert_eq!(
        (rate.raw.as_str(), rate.sub.as_deref()),
        ((27_219f64 / 29_586f64).to_string().as_str(), Some("目标 92.0%"))
    );
    assert_eq!((rate.text.as_str(), rate.status), ("91.99%", "bad"));
    // The same figure wherever it is shown against the target: the parent's table and ranking.
    let s = Shown::new(&ds, false);
    let m = anju_data::view::measure::Measure::EmploymentRate;
    assert_eq!(s.text(ix, m, t, Lang::Zh), "91.99%");
    assert_eq!(s.figure_text(ix, m, t, Lang::En), "91.99%");
}
