//! Every model builder, natively, on the committed demo data. Expected values come from
//! the stored counts by arithmetic written here (an oracle apart from the builders), or
//! are literal figures of the demo data.

mod common;

use anju::model::spec::ChartSpec;
use anju::model::{alerts, channels, notices, period, ranking, screen, slides, stamp, table, trend};
use anju::theme;
use anju_data::disclosure::Shown;
use anju_data::domain::{Group, Lang, Risk};
use anju_data::view::measure::Measure;
use anju_data::view::query::{Sort, ViewState};
use anju_data::view::staff::Threshold;
use anju_data::{Dataset, Metric, NodeIx, Period};
use common::demo;

/// Employed over labour, from the stored counts.
fn rate(ds: &Dataset, i: NodeIx, t: usize) -> f64 {
    let n = ds.node(i);
    n.m.get(Metric::Employed, t) as f64 / n.m.get(Metric::Labour, t) as f64
}

fn names(ds: &Dataset, ixs: &[NodeIx]) -> Vec<String> {
    ixs.iter().map(|&i| ds.node(i).name.clone()).collect()
}

#[test]
fn the_table_lists_children_largest_first_with_a_column_per_filter() {
    let ds = demo();
    let t = ds.latest();
    let st = ViewState::default();
    let m = table::table_model(&ds, ds.root, t, &st);
    assert_eq!(m.columns.len(), 7, "name and six measures");
    assert_eq!(m.columns[0].1, "名称");
    let firsts: Vec<&str> = m.rows.iter().map(|r| r.1[0].as_str()).collect();
    assert_eq!(firsts, ["铜仁市", "昭通市", "六盘水市", "毕节市"], "by people, 293,000 first");
    assert_eq!(m.rows[0].0, "5206");

    // A group adds its column right after the name (a phone shows it without
    // scrolling): count and share of people, the share by hand.
    let st = ViewState { groups: vec![Group::Disabled], lang: Lang::En, ..Default::default() };
    let m = table::table_model(&ds, ds.root, t, &st);
    assert_eq!(m.columns[1].1, "Disabled people");
    let tongren = ds.find("5206").unwrap();
    let n = ds.node(tongren);
    let (d, p) = (n.m.get(Metric::Disabled, t), n.m.get(Metric::People, t));
    let cell = m.rows.iter().find(|r| r.0 == "5206").unwrap().1[1].clone();
    assert!(cell.ends_with(&format!(" ({:.1}%)", d as f64 * 100.0 / p as f64)), "English brackets: {cell}");

    // A colour keeps only children with such households, and sorts as asked.
    let county = ds.find("530628").unwrap();
    let st = ViewState { risks: vec![Risk::Red], sort: Some(Sort { by: None, desc: false }), ..Default::default() };
    let m = table::table_model(&ds, county, t, &st);
    let with_red = ds.kids[county].iter().filter(|&&c| ds.node(c).m.get(Metric::RiskRed, t) > 0).count();
    assert!(with_red > 0 && with_red < ds.kids[county].len(), "the demo has both kinds");
    assert_eq!(m.rows.len(), with_red);
    assert_eq!(m.columns[1].1, "红色风险户");
    let shown: Vec<&str> = m.rows.iter().map(|r| r.1[0].as_str()).collect();
    let mut sorted = shown.clone();
    sorted.sort();
    assert_eq!(shown, sorted, "by name, ascending");
}

#[test]
fn the_ranking_orders_by_rate_and_colours_against_the_target() {
    let ds = demo();
    let t = ds.latest();
    let spec = ranking::ranking_spec(
        Shown::new(&ds, false),
        ds.root,
        Measure::EmploymentRate,
        t,
        Lang::Zh,
        |id| format!("#{id}"),
        ranking::TOP_N,
    );
    let ChartSpec::Bars { bars, target, axis, .. } = spec else { panic!("bars") };
    let mut by_hand: Vec<(f64, String)> =
        ds.kids[ds.root].iter().map(|&c| (rate(&ds, c, t), ds.node(c).name.clone())).collect();
    by_hand.sort_by(|a, b| b.0.total_cmp(&a.0));
    assert_eq!(
        bars.iter().map(|b| b.label.clone()).collect::<Vec<_>>(),
        by_hand.iter().map(|x| x.1.clone()).collect::<Vec<_>>()
    );
    assert_eq!(target, Some((0.95, "目标 95.0%".to_string())));
    // Rates start at a round baseline below the lowest (and the target), end at a round
    // step within 100 %, and the chart says where the axis starts.
    let lowest = bars.iter().filter_map(|b| b.value).fold(0.95, f64::min);
    let highest = bars.iter().filter_map(|b| b.value).fold(0.95, f64::max);
    assert!(axis.scale.lo > 0.0 && axis.scale.lo < lowest, "{axis:?}");
    assert!(axis.scale.hi >= highest && axis.scale.hi <= 1.0, "{axis:?}");
    assert_eq!(axis.note.as_deref(), Some(format!("坐标自{}起", axis.ticks[0].1).as_str()));
    assert!(axis.ticks.iter().all(|(v, t)| t == &format!("{:.0}%", v * 100.0)), "{:?}", axis.ticks);
    for (b, (r, _)) in bars.iter().zip(&by_hand) {
        assert!((b.value.unwrap() - r).abs() < 1e-12);
        assert_eq!(b.color, if *r >= 0.95 { theme::GOOD } else { theme::BAD }, "{}", b.label);
        // As computed, to one decimal, unless the source published its own words (95.87%).
        let n = ds.node(ds.find(&b.href.as_deref().unwrap()[1..]).unwrap());
        let published = anju_data::view::published::claim_for(n, "employment_rate", &ds.period_keys[t]).is_some();
        assert!(published || b.text == format!("{:.1}%", r * 100.0), "{}", b.text);
    }
    assert!(bars.iter().any(|b| b.color == theme::GOOD) && bars.iter().any(|b| b.color == theme::BAD));
    assert_eq!(bars[0].href.as_deref(), Some("#5206"));

    // Past thirty, one bar holds the others, pooled (not averaged), without a link.
    let county = ds.find("530628").unwrap();
    let kids = ds.kids[county].len();
    let spec = ranking::ranking_spec(
        Shown::new(&ds, false),
        county,
        Measure::Count(Metric::People),
        t,
        Lang::Zh,
        |id| id.into(),
        ranking::TOP_N,
    );
    let ChartSpec::Bars { bars, target, .. } = spec else { panic!("bars") };
    assert_eq!(bars.len(), ranking::TOP_N + 1);
    assert_eq!(target, None);
    let others = bars.last().unwrap();
    assert_eq!(others.label, format!("其余 {} 个（合计）", kids - ranking::TOP_N));
    assert_eq!(others.color, theme::OTHERS);
    assert_eq!(others.href, None);
    let all: u64 = ds.kids[county].iter().map(|&c| ds.node(c).m.get(Metric::People, t)).sum();
    let top: f64 = bars[..ranking::TOP_N].iter().map(|b| b.value.unwrap()).sum();
    assert_eq!(others.value.unwrap() + top, all as f64);

    // The default measure follows the filters; a group offers count and share.
    let st = ViewState { groups: vec![Group::Elderly75Plus], ..Default::default() };
    assert_eq!(ranking::default_measure(&st), Measure::Count(Metric::Elderly75Plus));
    assert!(ranking::offered(&st).contains(&Measure::Share(Metric::Elderly75Plus)));
    assert_eq!(ranking::switchable_metric(Measure::Share(Metric::Elderly75Plus)), Some(Metric::Elderly75Plus));
    assert_eq!(ranking::switchable_metric(Measure::EmploymentRate), None);
    // A risk colour too, its share of households.
    let st = ViewState { risks: vec![Risk::Red], ..Default::default() };
    assert_eq!(ranking::default_measure(&st), Measure::Count(Metric::RiskRed));
    assert!(ranking::offered(&st).contains(&Measure::Share(Metric::RiskRed)));
    assert_eq!(ranking::switchable_metric(Measure::Count(Metric::RiskRed)), Some(Metric::RiskRed));
    assert_eq!(Metric::RiskRed.share_base(), Metric::Households);
    assert_eq!(ranking::default_measure(&ViewState::default()), Measure::EmploymentRate);
}

#[test]
fn the_trend_has_a_point_per_period_inside_its_axis() {
    let ds = demo();
    let tongren = ds.find("5206").unwrap();
    let ChartSpec::Trend { periods, lines } = trend::trend_spec(Shown::new(&ds, false), tongren, Lang::Zh) else {
        panic!("trend")
    };
    assert_eq!(periods.len(), 24);
    assert_eq!(lines.len(), 2, "rate and income");
    for (t, v) in lines[0].values.iter().enumerate() {
        assert!((v.unwrap() - rate(&ds, tongren, t)).abs() < 1e-12);
        let a = lines[0].axis.scale;
        assert!(a.lo <= v.unwrap() && v.unwrap() <= a.hi);
    }
    assert!(lines[1].right_axis && !lines[0].right_axis);
    let one = trend::only_line(ChartSpec::Trend { periods, lines: lines.clone() }, 1);
    let ChartSpec::Trend { lines: kept, .. } = one else { panic!("trend") };
    assert_eq!(kept, vec![lines[1].clone()]);
    // Each line has ticks at round steps on its own side: per cent and yuan.
    assert!(lines[0].axis.ticks.iter().all(|(_, t)| t.ends_with('%')));
    assert!(
        lines[1].axis.ticks.len() >= 3 && lines[1].axis.ticks.iter().all(|(v, _)| v % lines[1].axis.scale.step == 0.0)
    );
}

#[test]
fn channels_add_up_to_the_employed_with_their_shares() {
    let ds = demo();
    let t = ds.latest();
    let ix = ds.find("5202").unwrap();
    let ChartSpec::Bars { bars, .. } = channels::channels_spec(Shown::new(&ds, false), ix, t, Lang::En) else {
        panic!("bars")
    };
    let employed = ds.node(ix).m.get(Metric::Employed, t);
    assert_eq!(bars.len(), 5);
    assert_eq!(bars.iter().map(|b| b.value.unwrap()).sum::<f64>(), employed as f64);
    let away = ds.node(ix).m.get(Metric::Away, t);
    assert_eq!(bars[0].label, "Away");
    assert!(bars[0].text.ends_with(&format!(" ({:.1}%)", away as f64 * 100.0 / employed as f64)), "{}", bars[0].text);
    assert_eq!(bars.iter().map(|b| b.color).collect::<Vec<_>>(), theme::CHANNELS);
}

#[test]
fn alert_rows_say_where_and_why() {
    let ds = demo();
    let t = ds.latest();
    let list = anju_data::view::staff::alerts(&ds, ds.root, Threshold::BelowTarget, t);
    let &(i, sev) = list.first().expect("the demo has places below their target");
    // The nearest target up the path, by hand.
    let target = ds.path(i).iter().rev().find_map(|&a| ds.node(a).targets.employment_rate).unwrap();
    let r = rate(&ds, i, t);
    assert!(r < target && (sev - (target - r) * 100.0).abs() < 1e-9);
    let zh = alerts::describe(&ds, i, Threshold::BelowTarget, sev, t, Lang::Zh);
    assert_eq!(zh, format!("就业率 {:.1}%，低于目标 {sev:.1} 个百分点", r * 100.0));
    assert_eq!(alerts::describe(&ds, i, Threshold::ZeroEmployment, 2.0, t, Lang::En), "2 zero-employment households");
    assert_eq!(alerts::describe(&ds, i, Threshold::StillAtRisk, 12.0, t, Lang::Zh), "12 户尚未消除风险");

    let building = ds.nodes.iter().position(|n| n.level == anju_data::Level::Building).unwrap();
    let path = ds.path(building);
    let below_city = alerts::path_below(&ds, path[1], building, Lang::Zh);
    assert_eq!(below_city, names(&ds, &path[2..]).join(" › "));
    assert_eq!(alerts::path_below(&ds, building, building, Lang::Zh), "");
}

#[test]
fn notices_name_what_the_data_lacks() {
    let ds = demo();
    let v = notices::target_notices(&ds, Some("X9"), Period::parse("2030-01"));
    assert_eq!(v.len(), 2);
    assert_eq!(v[0].zh, "找不到编号为 X9 的地区，已显示全部");
    assert_eq!(v[1].get(Lang::En), "The data has no period 2030-01; showing the latest");
    assert!(notices::target_notices(&ds, None, Period::parse("2025-06")).is_empty());
    let long = "x".repeat(500);
    assert!(notices::target_notices(&ds, Some(&long), None)[0].zh.chars().count() < 100, "ids are clipped");
    // A right-to-left override in the URL's id does not scramble the sentence around it.
    let v = notices::target_notices(&ds, Some("\u{202E}未找到"), None);
    assert_eq!(v[0].zh, "找不到编号为 未找到 的地区，已显示全部");
    assert_eq!(notices::tour_missing(&[]), None);
    assert!(notices::tour_missing(&["A".into(), "B".into()]).unwrap().zh.ends_with("A, B"));
    assert!(notices::view_failed("data/shards/5206.json").en.contains("data/shards/5206.json"));
}

#[test]
fn the_period_is_resolved_by_one_rule() {
    let ds = demo();
    let latest = ds.latest();
    assert_eq!(ds.period_keys[latest], "2025-06");
    let at = |p: &str| ViewState { period: Period::parse(p), ..Default::default() };
    assert_eq!(period::in_view(&ds, &ViewState::default()), latest);
    assert_eq!(ds.period_keys[period::in_view(&ds, &at("2024-01"))], "2024-01");
    assert_eq!(period::in_view(&ds, &at("2030-01")), latest, "a period the data lacks shows the latest");
    let c = period::compared(&ds, &ViewState::default(), latest).unwrap();
    assert_eq!(ds.period_keys[c], "2024-06", "a year before by default");
    let st = ViewState { compare: Period::parse("2023-09"), ..Default::default() };
    assert_eq!(ds.period_keys[period::compared(&ds, &st, latest).unwrap()], "2023-09");
    assert_eq!(period::compared(&ds, &ViewState::default(), 0), None, "nothing a year before the first");
}

#[test]
fn a_change_is_good_when_it_goes_the_better_way() {
    let up = slides::change(Measure::EmploymentRate, Some(0.90), Some(0.95), Lang::Zh);
    assert_eq!((up.arrow, up.class, up.delta.as_str()), ("▲", "good", "+5.0 个百分点"));
    let zero = Measure::Count(Metric::ZeroEmploymentHouseholds);
    let down = slides::change(zero, Some(12.0), Some(3.0), Lang::En);
    assert_eq!((down.arrow, down.class, down.delta.as_str()), ("▼", "good", "−9"));
    let worse = slides::change(zero, Some(3.0), Some(12.0), Lang::En);
    assert_eq!(worse.class, "bad");
    let income = slides::change(Measure::IncomePerCapita, Some(10_000.0), Some(10_500.0), Lang::En);
    assert_eq!(income.delta, "+5.0%");
    assert_eq!(slides::change(zero, Some(3.0), Some(3.0), Lang::Zh).arrow, "＝");
    assert_eq!(slides::change(zero, None, Some(3.0), Lang::Zh).delta, "—");
    assert_eq!(slides::titles(Lang::En).len(), slides::SLIDES as usize);
    // Slide 6 ranks by the dashboard's measure and says so.
    assert_eq!(
        slides::ranking_title(Measure::EmploymentRate, Lang::Zh, Some(20), true),
        "按就业率排名，前20名及其余，红线为目标"
    );
    assert_eq!(
        slides::ranking_title(Measure::IncomePerCapita, Lang::En, None, false),
        format!("By {}", Measure::IncomePerCapita.label(Lang::En).to_lowercase())
    );

    let ds = demo();
    let t = ds.latest();
    let rows = slides::risk_rows(Shown::new(&ds, false), ds.root, t, Lang::Zh);
    let n = ds.node(ds.root);
    let (mh, el) = (n.m.get(Metric::MonitoredHouseholds, t), n.m.get(Metric::RiskEliminatedHouseholds, t));
    assert_eq!(rows[2].1, anju_data::format::count(mh - el, Lang::Zh));
}

#[test]
fn the_stamp_says_where_what_when_and_whence() {
    let ds = demo();
    let t = ds.latest();
    let ix = ds.find("5206").unwrap();
    let st = ViewState { groups: vec![Group::Disabled], risks: vec![Risk::Red], suppress: true, ..Default::default() };
    let lines = stamp::stamp_lines(&ds, ix, t, &st);
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0], format!("地区：{} › 铜仁市", ds.node(ds.root).name));
    assert_eq!(lines[1], "筛选：残疾人、红色、小于3的数及可推算出它们的数已隐藏（*）");
    assert_eq!(lines[2], "统计期：2025-06");
    assert!(lines[4].starts_with("部分数字为公布值 · 来源："), "{}", lines[4]);
    assert_eq!(lines[4].matches("来源").count(), ds.node(ix).published.len(), "once a source: {}", lines[4]);
    assert!(!stamp::all_synthesised(&ds), "the demo cites published figures");
}

#[test]
fn the_carousel_tours_what_the_data_has() {
    let ds = demo();
    let tour = vec!["5205".to_string(), "NOPE".to_string(), "5206".to_string()];
    let (items, missing) = screen::carousel_items(&ds, ds.root, &tour);
    assert_eq!(names(&ds, &items), ["毕节市", "铜仁市"], "in the tour's order");
    assert_eq!(missing, ["NOPE"]);
    let (items, _) = screen::carousel_items(&ds, ds.root, &[]);
    assert_eq!(items, ds.kids[ds.root].to_vec());
    let building = ds.nodes.iter().position(|n| n.level == anju_data::Level::Building).unwrap();
    assert_eq!(screen::carousel_items(&ds, building, &[]).0, vec![building]);
}

#[test]
fn sorting_and_paging_the_table() {
    use anju_data::view::page::page;
    let people = Some(Measure::Count(Metric::People));
    let by_people = Sort { by: people, desc: true };
    // A second click reverses; a new column starts highest first; names start A to Z.
    assert_eq!(table::next_sort(by_people, people), Sort { by: people, desc: false });
    let rate = Some(Measure::EmploymentRate);
    assert_eq!(table::next_sort(by_people, rate), Sort { by: rate, desc: true });
    assert_eq!(table::next_sort(by_people, None), Sort { by: None, desc: false });
    assert_eq!(table::sort_marks(by_people, people), (" ▼", "descending"));
    assert_eq!(table::sort_marks(Sort { by: people, desc: false }, people), (" ▲", "ascending"));
    assert_eq!(table::sort_marks(by_people, rate), ("", "none"));
    let p = page(1_234, Some(2), 100);
    assert_eq!(table::pager_text(&p, 1_234, Lang::Zh), "第 101–200 行，共 1,234 行（第 2/13 页）");
    assert_eq!(table::pager_text(&p, 1_234, Lang::En), "Rows 101–200 of 1,234 (page 2 of 13)");
}

#[test]
fn a_charts_tooltips_and_links_come_from_its_spec() {
    let ds = demo();
    let t = ds.latest();
    let spec = ranking::ranking_spec(
        Shown::new(&ds, false),
        ds.root,
        Measure::EmploymentRate,
        t,
        Lang::Zh,
        |id| format!("?node={id}"),
        ranking::TOP_N,
    );
    assert!(spec.clickable());
    let ChartSpec::Bars { bars, .. } = &spec else { panic!("bars") };
    assert_eq!(spec.tip(0, Lang::Zh), Some(format!("{}：{}", bars[0].label, bars[0].text)));
    assert_eq!(spec.tip(0, Lang::En), Some(format!("{}: {}", bars[0].label, bars[0].text)));
    assert_eq!(bars[0].label, "铜仁市");
    assert_eq!(spec.href(0), Some("?node=5206"));
    assert_eq!(spec.tip(99, Lang::Zh), None);
    let trend = trend::trend_spec(Shown::new(&ds, false), ds.root, Lang::En);
    assert!(!trend.clickable() && trend.href(0).is_none());
    let tip = trend.tip(0, Lang::En).unwrap();
    assert!(tip.starts_with("2023-07  Employment rate ") && tip.contains(" · "), "{tip}");
    assert_eq!(ChartSpec::Empty("none".into()).tip(0, Lang::En), None);
}

/// Odd values: growth from nothing is "—" (never "+—"), an income target is in yuan, and
/// data dated after today says so.
#[test]
fn odd_values_read_as_people_would_say_them() {
    let mut ds = demo();
    let t = ds.latest();
    let ix = ds.find("5206").unwrap();
    let before = anju_data::view::growth::year_before(&ds, t).unwrap();
    let mut per: Vec<Option<f64>> = (0..ds.periods.len()).map(|p| ds.node(ix).income.get(p)).collect();
    for base in [0.0, 5e-324, 0.004] {
        per[before] = Some(base);
        ds.node_mut(ix).income = anju_data::Income::Per(per.clone().into());
        let growth = anju::model::tiles::tiles(Shown::new(&ds, false), ix, t, Lang::Zh, &[])
            .into_iter()
            .find(|k| k.key == "income_per_capita")
            .unwrap()
            .sub
            .unwrap();
        assert_eq!(growth, "同比 —", "from a base of {base}");
    }
    per[before] = None;
    ds.node_mut(ix).income = anju_data::Income::Per(per.into());
    let tile = anju::model::tiles::tiles(Shown::new(&ds, false), ix, t, Lang::En, &[]);
    assert_eq!(
        tile.iter().find(|k| k.key == "income_per_capita").unwrap().sub.as_deref(),
        Some("No figure a year earlier")
    );

    ds.node_mut(ds.root).targets.income_per_capita = Some(12_000.0);
    let spec = ranking::ranking_spec(
        Shown::new(&ds, false),
        ds.root,
        Measure::IncomePerCapita,
        t,
        Lang::Zh,
        |id| id.into(),
        ranking::TOP_N,
    );
    let ChartSpec::Bars { target, .. } = spec else { panic!("bars") };
    assert_eq!(target, Some((12_000.0, "目标 12,000.00元".to_string())));

    assert_eq!(ds.meta.as_of, "2025-06-30");
    assert!(notices::future_as_of(&ds, "2025-06-30").is_none());
    let n = notices::future_as_of(&ds, "2025-06-29").unwrap();
    assert!(n.zh.contains("2025-06-30") && n.zh.contains("晚于今天"), "{}", n.zh);
}

#[test]
fn a_faulty_shard_is_said_with_its_first_problem() {
    use anju::model::notices::{fault_notices, Fault};
    assert!(fault_notices(&[]).is_empty());
    let first = anju_data::Problem::new(
        anju_data::Check::Sum,
        anju_data::problem::Location::new("data/shards/530627.json", "$.nodes[0].m.people", Some("530627")),
        "人口：本级为 62247，下级合计为 61247",
        "people: 62247 here, 61247 below",
    );
    let v = fault_notices(&[Fault { file: "data/shards/530627.json".into(), first: Some(first) }]);
    assert_eq!(v.len(), 1);
    assert!(v[0].zh.starts_with("数据不一致：data/shards/530627.json 未通过检查（"), "{}", v[0].zh);
    assert!(v[0].zh.contains("下级合计为 61247") && v[0].zh.contains("上级合计可能有误"), "{}", v[0].zh);
    assert!(v[0].en.contains("people: 62247 here, 61247 below") && v[0].en.contains("may be wrong"), "{}", v[0].en);
}

#[test]
fn the_slides_say_what_they_could_not_show_as_asked() {
    let ds = demo();
    let last = anju::model::slides::SLIDES;
    assert!(notices::deck_notices(&ds, Period::parse("2025-05"), Some(last), last).is_empty());
    let v = notices::deck_notices(&ds, Period::parse("2099-01"), Some(999), last);
    assert_eq!(v.len(), 2);
    assert_eq!(v[0].zh, "数据中没有 2099-01 期，改与上年同月对比");
    assert_eq!(v[1].get(Lang::En), "There is no slide 999; showing the last");
}
