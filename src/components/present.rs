//! `view=present`: one place as a deck of seven slides for review meetings. Every slide is
//! rendered (so printing gives one per page) and the URL's `slide=` picks the one shown;
//! arrow keys, PageUp/PageDown (what clickers send), Home and End move between them.

use super::kpis::tiles;
use crate::charts::canvas::CanvasChart;
use crate::charts::channels::channels_spec;
use crate::charts::ranking::ranking_spec;
use crate::charts::spec::ChartSpec;
use crate::charts::trend::trend_spec;
use crate::components::dashboard::Ready;
use crate::components::filters::group_label;
use crate::ctx::use_url;
use crate::data::Target;
use crate::i18n::{name, tr};
use anju_data::format::{self, Lang};
use anju_data::view::measure::{self, Measure};
use anju_data::view::query::{Group, Risk};
use anju_data::{Dataset, Metric, NodeIx};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

pub const SLIDES: u32 = 7;
/// Slides are drawn at this logical width and scaled by CSS.
const W: f64 = 1100.0;

/// The comparison slide's rows: what, and whether more is better.
pub const COMPARED: [Measure; 10] = [
    Measure::Count(Metric::People),
    Measure::Count(Metric::Households),
    Measure::Count(Metric::Labour),
    Measure::Count(Metric::Employed),
    Measure::EmploymentRate,
    Measure::Count(Metric::WelfarePosts),
    Measure::IncomePerCapita,
    Measure::Count(Metric::MonitoredHouseholds),
    Measure::Count(Metric::ZeroEmploymentHouseholds),
    Measure::Count(Metric::Trained),
];

fn slide_titles(lang: Lang) -> [&'static str; SLIDES as usize] {
    [
        tr(lang, "总体情况与目标", "Overview against targets"),
        tr(lang, "就业", "Employment"),
        tr(lang, "收入", "Income"),
        tr(lang, "特殊群体", "Special groups"),
        tr(lang, "风险与监测", "Risk and monitoring"),
        tr(lang, "下级排名", "Ranking of the places below"),
        tr(lang, "同期对比", "Period comparison"),
    ]
}

fn only_line(spec: ChartSpec, keep: usize) -> ChartSpec {
    match spec {
        ChartSpec::Trend { periods, lines } => {
            ChartSpec::Trend { periods, lines: lines.into_iter().skip(keep).take(1).collect() }
        }
        other => other,
    }
}

#[component]
pub fn Present(target: Target) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let Target { ds, ix, .. } = target;
    let ds_p = ds.clone();
    let period = Memo::new(move |_| ds_p.period_or_latest(url.state.with(|s| s.period)));
    let ds_c = ds.clone();
    let compare = Memo::new(move |_| {
        url.state
            .with(|s| s.compare)
            .and_then(|p| ds_c.period_ix(p))
            .or_else(|| measure::year_before(&ds_c, period.get()))
    });
    let current = Memo::new(move |_| url.state.with(|s| s.slide).unwrap_or(1).clamp(1, SLIDES));
    let navigate = use_navigate();
    let go = move |k: u32| navigate(&url.href_with(|s| s.slide = Some(k.clamp(1, SLIDES))), Default::default());
    let keys = window_event_listener(leptos::ev::keydown, move |e| {
        let now = current.get_untracked();
        let next = match e.key().as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" | " " => now + 1,
            "ArrowLeft" | "ArrowUp" | "PageUp" => now.saturating_sub(1),
            "Home" => 1,
            "End" => SLIDES,
            _ => return,
        };
        e.prevent_default();
        go(next);
    });
    on_cleanup(move || keys.remove());
    let is_leaf = ds.kids[ix].is_empty();
    let ready = expect_context::<Ready>().0;
    crate::perf::begin_view(if is_leaf { 3 } else { 4 }, move || ready.set(true));
    let prev_href = move || url.href_with(|s| s.slide = Some(current.get().saturating_sub(1).max(1)));
    let next_href = move || url.href_with(|s| s.slide = Some((current.get() + 1).min(SLIDES)));
    let back = move || {
        url.href_with(|s| {
            s.view = Default::default();
            s.slide = None;
        })
    };
    // One reactive closure renders the whole deck from plain values: far less code than
    // a closure per text (each is its own render effect in the wasm).
    let deck = move || {
        let st = url.state.get();
        let (l, sup, t, c) = (st.lang, st.suppress, period.get(), compare.get());
        let place = name(ds.node(ix), l);
        let titles = slide_titles(l);
        let slide = |k: u32, body: AnyView| {
            view! {
                // The contract's `slide` hook is the current slide; the others are there for print.
                <section class="slide" class:current=move || current.get() == k
                    data-testid=move || if current.get() == k { "slide" } else { "slide-other" } data-index=k>
                    <header class="slide-head">
                        <h2>{titles[k as usize - 1]}</h2>
                        <span class="slide-place">{place.clone()}</span>
                        <span class="slide-no">{format!("{k} / {SLIDES}")}</span>
                    </header>
                    <div class="slide-body">{body}</div>
                </section>
            }
        };
        let chart = |name: &'static str,
                     title: String,
                     spec: ChartSpec,
                     first: &'static str,
                     height: f64,
                     width: f64| {
            view! { <CanvasChart name=name title=title spec=spec first_header=first.to_string() height=height fixed_width=width /> }
        };
        let trend = trend_spec(&ds, ix, l);
        let ranking = if is_leaf {
            view! { <p class="big-note">{tr(l, "楼栋没有下级地区。", "A building has no places below it.")}</p> }
                .into_any()
        } else {
            let href = |id: &str| url.href(&st.at_node(Some(id)));
            // Small enough that thirty rows still fit a printed 16:9 page with the heading.
            let h = ((ds.kids[ix].len().min(crate::charts::ranking::TOP_N) as f64) * 15.0 + 40.0).clamp(160.0, 460.0);
            chart(
                "slide-ranking",
                format!(
                    "{}{}",
                    tr(l, "按就业率排名，", "By employment rate, "),
                    tr(l, "红线为目标", "the red line is the target")
                ),
                ranking_spec(&ds, ix, Measure::EmploymentRate, t, l, sup, href),
                tr(l, "地区", "Place"),
                h,
                W,
            )
            .into_any()
        };
        view! {
            {slide(1, overview(&ds, ix, t, l, sup).into_any())}
            {slide(2, view! {
                {big_rate(&ds, ix, t, l)}
                <div class="slide-row">
                    {chart("slide-channels", tr(l, "就业渠道", "Employment by channel").into(), channels_spec(&ds, ix, t, l, sup), tr(l, "渠道", "Channel"), 300.0, W / 2.0)}
                    {chart("slide-trend-rate", Measure::EmploymentRate.label(l), only_line(trend.clone(), 0), tr(l, "月份", "Month"), 300.0, W / 2.0)}
                </div>
            }.into_any())}
            {slide(3, view! {
                {big_income(&ds, ix, t, l)}
                {chart("slide-trend-income", Measure::IncomePerCapita.label(l), only_line(trend, 1), tr(l, "月份", "Month"), 300.0, W)}
            }.into_any())}
            {slide(4, groups(&ds, ix, t, l, sup).into_any())}
            {slide(5, risk(&ds, ix, t, l, sup).into_any())}
            {slide(6, ranking)}
            {slide(7, comparison(&ds, ix, t, c, l, sup).into_any())}
        }
    };
    view! {
        <div class="deck">
            <nav class="deck-bar">
                <a href=back>{move || tr(lang.get(), "← 返回看板", "← Dashboard")}</a>
                <a href=prev_href aria-label="‹">"‹"</a>
                <span>{move || format!("{} / {SLIDES}", current.get())}</span>
                <a href=next_href aria-label="›">"›"</a>
                <span class="deck-hint">{move || tr(lang.get(), "方向键、PageUp/PageDown 翻页", "Arrow keys or PageUp/PageDown to move")}</span>
            </nav>
            {deck}
        </div>
    }
}

fn big_rate(ds: &Dataset, ix: NodeIx, t: usize, l: Lang) -> impl IntoView {
    let target = measure::target(ds, ix, Measure::EmploymentRate);
    let r = Measure::EmploymentRate.value(ds.node(ix), t);
    let status = match (r, target) {
        (Some(r), Some(g)) if r + 1e-12 >= g => "good",
        (Some(_), Some(_)) => "bad",
        _ => "",
    };
    let target_text =
        target.map(|g| format!("，{}{}", tr(l, "目标 ", "target "), format::percent_of(g))).unwrap_or_default();
    view! {
        <p class="big-figure">
            <span class=format!("big-value {status}")>{Measure::EmploymentRate.format(r, l)}</span>
            <span class="big-label">{Measure::EmploymentRate.label(l)}{target_text}</span>
        </p>
    }
}

fn big_income(ds: &Dataset, ix: NodeIx, t: usize, l: Lang) -> impl IntoView {
    let v = ds.node(ix).income.get(t);
    let growth = measure::yoy_growth(ds, ix, Measure::IncomePerCapita, t)
        .map(|g| {
            format!(" {}{}{}", tr(l, "同比 ", "year on year "), if g >= 0.0 { "+" } else { "" }, format::percent_of(g))
        })
        .unwrap_or_default();
    view! {
        <p class="big-figure">
            <span class="big-value">{Measure::IncomePerCapita.format(v, l)}</span>
            <span class="big-label">{Measure::IncomePerCapita.label(l)}{growth}</span>
        </p>
    }
}

fn overview(ds: &Dataset, ix: NodeIx, t: usize, l: Lang, sup: bool) -> impl IntoView {
    view! {
        <div class="slide-tiles">
            {tiles(ds, ix, t, l, sup, &[]).into_iter().map(|k| view! {
                <div class=format!("slide-tile {}", k.status)>
                    <span class="kpi-label">{k.label} {k.source.map(|p| view! { <span class="prov prov-pub" title=p.hover>{p.mark}</span> })}</span>
                    <span class="kpi-value">{k.text}</span>
                    {k.sub.map(|s| view! { <span class="kpi-sub">{s}</span> })}
                </div>
            }).collect_view()}
        </div>
    }
}

fn groups(ds: &Dataset, ix: NodeIx, t: usize, l: Lang, sup: bool) -> impl IntoView {
    let n = ds.node(ix);
    view! {
        <table class="slide-table">
            <thead><tr><th>{tr(l, "群体", "Group")}</th><th>{tr(l, "人数", "People")}</th><th>{tr(l, "占人口", "Share of people")}</th></tr></thead>
            <tbody>
                {Group::ALL.iter().map(|&g| view! {
                    <tr><th>{group_label(g, l)}</th>
                        <td class="num">{format::count_s(n.m.get(g.metric(), t), l, sup)}</td>
                        <td class="num">{Measure::Share(g.metric()).format_at(n, t, l, sup)}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
        <p class="slide-note">{tr(l, "各群体分别统计，可能重叠，不可相加。", "Groups are counted separately and may overlap; they are not added.")}</p>
    }
}

pub fn risk(ds: &Dataset, ix: NodeIx, t: usize, l: Lang, sup: bool) -> impl IntoView {
    let n = ds.node(ix);
    let hh = n.m.get(Metric::Households, t);
    let mh = n.m.get(Metric::MonitoredHouseholds, t);
    let el = n.m.get(Metric::RiskEliminatedHouseholds, t);
    let rows = [
        (tr(l, "监测户", "Monitored households"), format::count_s(mh, l, sup)),
        (
            tr(l, "已消除风险", "Risk eliminated"),
            format!("{}（{}）", format::count_s(el, l, sup), format::percent(el, mh)),
        ),
        (tr(l, "仍需帮扶", "Still receiving help"), format::count_s(mh.saturating_sub(el), l, sup)),
        (tr(l, "监测人口", "Monitored people"), format::count_s(n.m.get(Metric::MonitoredPeople, t), l, sup)),
    ];
    view! {
        <ul class="legend big-legend">
            {Risk::ALL.iter().map(|&r| view! {
                <li><span class="swatch" style:background=crate::components::building::risk_colour(r)></span>
                    {crate::components::building::risk_label(r, l)}
                    <b>{format::count_s(n.m.get(r.metric(), t), l, sup)}</b>
                    <span class="muted">{format!("（{}）", format::percent(n.m.get(r.metric(), t), hh))}</span></li>
            }).collect_view()}
        </ul>
        <table class="slide-table">
            <tbody>{rows.into_iter().map(|(k, v)| view! { <tr><th>{k}</th><td class="num">{v}</td></tr> }).collect_view()}</tbody>
        </table>
    }
}

fn comparison(ds: &Dataset, ix: NodeIx, t: usize, c: Option<usize>, l: Lang, sup: bool) -> AnyView {
    let n = ds.node(ix);
    let Some(c) = c else {
        return view! { <p class="big-note">{tr(l, "数据中没有可对比的统计期（默认对比上年同期）。", "The data has no period to compare with (by default the same month a year earlier).")}</p> }.into_any();
    };
    let rows = COMPARED.iter().map(|&m| {
        let (a, b) = (m.value(n, c), m.value(n, t));
        let (arrow, class, delta) = match (a, b) {
            (Some(a), Some(b)) if (b - a).abs() < 1e-9 => ("＝", "", "0".to_string()),
            (Some(a), Some(b)) => {
                let up = b > a;
                let good = up == m.higher_is_better();
                let d = match m {
                    Measure::EmploymentRate => format!("{:+.1} {}", (b - a) * 100.0, tr(l, "个百分点", "points")),
                    Measure::IncomePerCapita => format!("{:+.1}%", (b / a - 1.0) * 100.0),
                    _ => format!("{}{}", if up { "+" } else { "−" }, format::group_digits((b - a).abs() as u64)),
                };
                (if up { "▲" } else { "▼" }, if good { "good" } else { "bad" }, d)
            }
            _ => ("", "", "—".to_string()),
        };
        view! {
            <tr data-testid="compare-row" data-metric=m.key()
                data-from=a.map(|v| v.to_string()).unwrap_or_default() data-to=b.map(|v| v.to_string()).unwrap_or_default()>
                <th>{m.label(l)}</th>
                <td class="num">{m.shown(n, c, &ds.period_keys[c], l, sup)}</td>
                <td class="num">{m.shown(n, t, &ds.period_keys[t], l, sup)}</td>
                <td class=format!("num delta {class}")>{arrow} " " {delta}</td>
            </tr>
        }
    }).collect_view();
    view! {
        <p class="slide-note">{format!("{}{} → {}  ", tr(l, "对比：", "Comparing "), ds.period_keys[c], ds.period_keys[t])}
            {tr(l, "▲ 上升，▼ 下降；绿色表示向好，红色表示变差（零就业家庭、监测户以减少为好）。", "▲ up, ▼ down; green is better, red is worse (fewer zero-employment and monitored households is better).")}</p>
        <table class="slide-table compare">
            <thead><tr><th>{tr(l, "指标", "Measure")}</th><th>{ds.period_keys[c].clone()}</th><th>{ds.period_keys[t].clone()}</th><th>{tr(l, "变化", "Change")}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
