//! The KPI tiles computed natively from the committed demo data: raw values for the
//! test hooks and the official number forms people read.

use anju::components::kpis::tiles;
use anju_data::format::Lang;
use anju_data::{load_all, Dataset};

fn demo() -> Dataset {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data");
    let (ds, ps) = load_all("index.json", |p| std::fs::read(dir.join(p)).map_err(|e| e.to_string()));
    assert!(ps.is_empty());
    ds.unwrap()
}

#[test]
fn wanshan_tiles_carry_published_figures_in_official_forms() {
    let ds = demo();
    let ix = ds.find("520603").unwrap();
    let t = ds.latest();
    let zh = tiles(&ds, ix, t, Lang::Zh);
    let get = |k: &str| zh.iter().find(|x| x.key == k).unwrap_or_else(|| panic!("tile {k}"));
    assert_eq!(zh.len(), 11);
    assert_eq!(get("labour").raw, "26799");
    assert_eq!(get("labour").text, "26,799人");
    assert!(get("labour").source.as_deref().unwrap().contains("万山搬迁群众"));
    assert_eq!(get("employment_rate").raw, (25_378f64 / 26_799f64).to_string());
    assert_eq!(get("employment_rate").text, "94.7%");
    assert_eq!(get("employment_rate").status, "bad", "below the 95% target");
    assert_eq!(get("income_per_capita").raw, "12450.99");
    assert_eq!(get("income_per_capita").text, "12,450.99元");
    assert_eq!(get("income_per_capita").sub.as_deref(), Some("同比 +12.6%"));
    assert_eq!(get("monitored_households").sub.as_deref(), Some("已消除风险 100 户（45.7%）"));
    assert!(get("people").source.is_none(), "synthesised");
    let en = tiles(&ds, ix, t, Lang::En);
    assert_eq!(en.iter().find(|x| x.key == "income_per_capita").unwrap().text, "¥12,450.99");
}

#[test]
fn the_root_reads_in_wan() {
    let ds = demo();
    let tiles = tiles(&ds, ds.root, ds.latest(), Lang::Zh);
    assert!(tiles[0].text.ends_with("万人"), "{}", tiles[0].text);
}
