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
use std::sync::Arc;

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
    let latest = ds.latest();
    let periods = ds.periods.clone();
    let period = Memo::new(move |_| {
        url.state.with(|s| s.period).and_then(|p| periods.iter().position(|q| *q == p)).unwrap_or(latest)
    });
    let periods2 = ds.periods.clone();
    let ds_c = ds.clone();
    let compare = Memo::new(move |_| {
        url.state
            .with(|s| s.compare)
            .and_then(|p| periods2.iter().position(|q| *q == p))
            .or_else(|| measure::year_before(&ds_c, period.get()))
    });
    let current = Memo::new(move |_| url.state.with(|s| s.slide).unwrap_or(1).clamp(1, SLIDES));
    let navigate = use_navigate();
    let go = move |k: u32| navigate(&url.href_with(|s| s.slide = Some(k.clamp(1, SLIDES))), Default::default());
    let go2 = go.clone();
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
        go2(next);
    });
    on_cleanup(move || keys.remove());
    let is_leaf = ds.kids[ix].is_empty();
    let ready = expect_context::<Ready>().0;
    crate::perf::begin_view(if is_leaf { 3 } else { 4 }, move || ready.set(true));
    let node_name = {
        let ds = ds.clone();
        move || name(ds.node(ix), lang.get())
    };
    let slide = move |k: u32, body: AnyView| {
        let nn = node_name.clone();
        view! {
            // The contract's `slide` hook is the current slide; the others are there for print.
            <section class="slide" class:current=move || current.get() == k
                data-testid=move || if current.get() == k { "slide" } else { "slide-other" } data-index=k>
                <header class="slide-head">
                    <h2>{move || slide_titles(lang.get())[k as usize - 1]}</h2>
                    <span class="slide-place">{nn}</span>
                    <span class="slide-no">{format!("{k} / {SLIDES}")}</span>
                </header>
                <div class="slide-body">{body}</div>
            </section>
        }
    };
    let (d1, d2, d3, d4, d5, d6, d7) =
        (ds.clone(), ds.clone(), ds.clone(), ds.clone(), ds.clone(), ds.clone(), ds.clone());
    let prev_href = move || url.href_with(|s| s.slide = Some(current.get().saturating_sub(1).max(1)));
    let next_href = move || url.href_with(|s| s.slide = Some((current.get() + 1).min(SLIDES)));
    let back = move || {
        url.href_with(|s| {
            s.view = Default::default();
            s.slide = None;
        })
    };
    view! {
        <div class="deck">
            <nav class="deck-bar">
                <a href=back>{move || tr(lang.get(), "← 返回看板", "← Dashboard")}</a>
                <a href=prev_href aria-label=move || tr(lang.get(), "上一页", "Previous slide")>"‹"</a>
                <span>{move || format!("{} / {SLIDES}", current.get())}</span>
                <a href=next_href aria-label=move || tr(lang.get(), "下一页", "Next slide")>"›"</a>
                <span class="deck-hint">{move || tr(lang.get(), "方向键、PageUp/PageDown 翻页", "Arrow keys or PageUp/PageDown to move")}</span>
            </nav>
            {slide(1, overview(d1, ix, period.into()).into_any())}
            {slide(2, view! {
                <BigRate ds=d2.clone() ix=ix period=period />
                <div class="slide-row">
                <CanvasChart name="slide-channels" title=Signal::derive(move || tr(lang.get(), "就业渠道", "Employment by channel").to_string())
                    spec=Signal::derive({ let d = d2.clone(); move || channels_spec(&d, ix, period.get(), lang.get(), url.suppress.get()) })
                    first_header=Signal::derive(move || tr(lang.get(), "渠道", "Channel").to_string()) height=300.0 fixed_width=W / 2.0 />
                <CanvasChart name="slide-trend-rate" title=Signal::derive(move || Measure::EmploymentRate.label(lang.get()))
                    spec=Signal::derive({ let d = d2.clone(); move || only_line(trend_spec(&d, ix, lang.get()), 0) })
                    first_header=Signal::derive(move || tr(lang.get(), "月份", "Month").to_string()) height=300.0 fixed_width=W / 2.0 />
                </div>
            }.into_any())}
            {slide(3, view! {
                <BigIncome ds=d3.clone() ix=ix period=period />
                <CanvasChart name="slide-trend-income" title=Signal::derive(move || Measure::IncomePerCapita.label(lang.get()))
                    spec=Signal::derive({ let d = d3.clone(); move || only_line(trend_spec(&d, ix, lang.get()), 1) })
                    first_header=Signal::derive(move || tr(lang.get(), "月份", "Month").to_string()) height=300.0 fixed_width=W />
            }.into_any())}
            {slide(4, groups(d4, ix, period.into()).into_any())}
            {slide(5, risk(d5, ix, period.into()).into_any())}
            {slide(6, if is_leaf {
                view! { <p class="big-note">{move || tr(lang.get(), "楼栋没有下级地区。", "A building has no places below it.")}</p> }.into_any()
            } else {
                view! {
                    <CanvasChart name="slide-ranking" title=Signal::derive(move || format!("{}{}", tr(lang.get(), "按就业率排名，", "By employment rate, "), tr(lang.get(), "红线为目标", "the red line is the target")))
                        spec=Signal::derive({ let d = d6.clone(); move || { let st = url.state.get(); ranking_spec(&d, ix, Measure::EmploymentRate, period.get(), lang.get(), url.suppress.get(), |id| url.href(&st.at_node(Some(id)))) } })
                        first_header=Signal::derive(move || tr(lang.get(), "地区", "Place").to_string()) height=((d6.kids[ix].len().min(crate::charts::ranking::TOP_N) as f64) * 20.0 + 40.0).clamp(160.0, 560.0) fixed_width=W />
                }.into_any()
            })}
            {slide(7, comparison(d7, ix, period.into(), compare.into()).into_any())}
        </div>
    }
}

#[component]
fn BigRate(ds: Arc<Dataset>, ix: NodeIx, #[prop(into)] period: Signal<usize>) -> impl IntoView {
    let lang = use_url().lang;
    let target = measure::target(&ds, ix, Measure::EmploymentRate);
    let text = Memo::new(move |_| {
        let r = Measure::EmploymentRate.value(ds.node(ix), period.get());
        let status = match (r, target) {
            (Some(r), Some(g)) if r + 1e-12 >= g => "good",
            (Some(_), Some(_)) => "bad",
            _ => "",
        };
        (Measure::EmploymentRate.format(r, lang.get()), status)
    });
    view! {
        <p class="big-figure">
            <span class=move || format!("big-value {}", text.get().1)>{move || text.get().0}</span>
            <span class="big-label">{move || Measure::EmploymentRate.label(lang.get())}
                {move || target.map(|g| format!("，{}{}", tr(lang.get(), "目标 ", "target "), format::percent_of(g)))}</span>
        </p>
    }
}

#[component]
fn BigIncome(ds: Arc<Dataset>, ix: NodeIx, #[prop(into)] period: Signal<usize>) -> impl IntoView {
    let lang = use_url().lang;
    let text = Memo::new(move |_| {
        let t = period.get();
        let v = ds.node(ix).income.get(t);
        let g = measure::yoy_growth(&ds, ix, Measure::IncomePerCapita, t);
        (
            Measure::IncomePerCapita.format(v, lang.get()),
            g.map(|g| {
                format!(
                    "{}{}{}",
                    tr(lang.get(), "同比 ", "year on year "),
                    if g >= 0.0 { "+" } else { "" },
                    format::percent_of(g)
                )
            }),
        )
    });
    view! {
        <p class="big-figure">
            <span class="big-value">{move || text.get().0}</span>
            <span class="big-label">{move || Measure::IncomePerCapita.label(lang.get())} " " {move || text.get().1}</span>
        </p>
    }
}

fn overview(ds: Arc<Dataset>, ix: NodeIx, period: Signal<usize>) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    view! {
        <div class="slide-tiles">
            {move || tiles(&ds, ix, period.get(), lang.get(), url.suppress.get(), &[]).into_iter().map(|k| view! {
                <div class=format!("slide-tile {}", k.status)>
                    <span class="kpi-label">{k.label}</span>
                    <span class="kpi-value">{k.text}</span>
                    {k.sub.map(|s| view! { <span class="kpi-sub">{s}</span> })}
                </div>
            }).collect_view()}
        </div>
    }
}

fn groups(ds: Arc<Dataset>, ix: NodeIx, period: Signal<usize>) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    view! {
        <table class="slide-table">
            <thead><tr>
                <th>{move || tr(lang.get(), "群体", "Group")}</th>
                <th>{move || tr(lang.get(), "人数", "People")}</th>
                <th>{move || tr(lang.get(), "占人口", "Share of people")}</th>
            </tr></thead>
            <tbody>
                {move || {
                    let (t, l, sup) = (period.get(), lang.get(), url.suppress.get());
                    let n = ds.node(ix);
                    Group::ALL.iter().map(|&g| view! {
                        <tr><th>{group_label(g, l)}</th>
                            <td class="num">{format::count_s(n.m.get(g.metric(), t), l, sup)}</td>
                            <td class="num">{Measure::Share(g.metric()).format_at(n, t, l, sup)}</td></tr>
                    }).collect_view()
                }}
            </tbody>
        </table>
        <p class="slide-note">{move || tr(lang.get(), "各群体分别统计，可能重叠，不可相加。", "Groups are counted separately and may overlap; they are not added.")}</p>
    }
}

fn risk(ds: Arc<Dataset>, ix: NodeIx, period: Signal<usize>) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    view! {
        {move || {
            let (t, l, sup) = (period.get(), lang.get(), url.suppress.get());
            let n = ds.node(ix);
            let hh = n.m.get(Metric::Households, t);
            let mh = n.m.get(Metric::MonitoredHouseholds, t);
            let el = n.m.get(Metric::RiskEliminatedHouseholds, t);
            view! {
                <ul class="legend big-legend">
                    {Risk::ALL.iter().map(|&r| view! {
                        <li><span class="swatch" style=format!("background:{}", crate::components::building::risk_colour(r))></span>
                            {crate::components::building::risk_label(r, l)}
                            <b>{format::count_s(n.m.get(r.metric(), t), l, sup)}</b>
                            <span class="muted">{format!("（{}）", format::percent(n.m.get(r.metric(), t), hh))}</span></li>
                    }).collect_view()}
                </ul>
                <table class="slide-table">
                    <tbody>
                        <tr><th>{tr(l, "监测户", "Monitored households")}</th><td class="num">{format::count_s(mh, l, sup)}</td></tr>
                        <tr><th>{tr(l, "已消除风险", "Risk eliminated")}</th><td class="num">{format!("{}（{}）", format::count_s(el, l, sup), format::percent(el, mh))}</td></tr>
                        <tr><th>{tr(l, "仍需帮扶", "Still receiving help")}</th><td class="num">{format::count_s(mh.saturating_sub(el), l, sup)}</td></tr>
                        <tr><th>{tr(l, "监测人口", "Monitored people")}</th><td class="num">{format::count_s(n.m.get(Metric::MonitoredPeople, t), l, sup)}</td></tr>
                    </tbody>
                </table>
            }
        }}
    }
}

fn comparison(ds: Arc<Dataset>, ix: NodeIx, period: Signal<usize>, compare: Signal<Option<usize>>) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    view! {
        {move || {
            let (t, l, sup) = (period.get(), lang.get(), url.suppress.get());
            let n = ds.node(ix);
            match compare.get() {
                None => view! { <p class="big-note">{tr(l, "数据中没有可对比的统计期（默认对比上年同期）。", "The data has no period to compare with (by default the same month a year earlier).")}</p> }.into_any(),
                Some(c) => view! {
                    <p class="slide-note">{format!("{} {} {} {}", tr(l, "对比：", "Comparing"), ds.period_keys[c], tr(l, "→", "with"), ds.period_keys[t])}
                        " " {tr(l, "▲ 上升，▼ 下降；绿色表示向好，红色表示变差（零就业家庭、监测户以减少为好）。", "▲ up, ▼ down; green is better, red is worse (fewer zero-employment and monitored households is better).")}</p>
                    <table class="slide-table compare">
                        <thead><tr><th>{tr(l, "指标", "Measure")}</th><th>{ds.period_keys[c].clone()}</th><th>{ds.period_keys[t].clone()}</th><th>{tr(l, "变化", "Change")}</th></tr></thead>
                        <tbody>
                            {COMPARED.iter().map(|&m| {
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
                                        <td class="num">{m.format_at(n, c, l, sup)}</td>
                                        <td class="num">{m.format_at(n, t, l, sup)}</td>
                                        <td class=format!("num delta {class}")>{arrow} " " {delta}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any(),
            }
        }}
    }
}
