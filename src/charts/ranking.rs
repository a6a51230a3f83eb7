//! The children ranked by a selectable metric (`metric=`), with the target line where
//! there is one. A click on a bar drills into that child.

use super::canvas::CanvasChart;
use super::spec::{Bar, ChartSpec};
use super::{ACCENT, BAD, GOOD, OTHERS};
use crate::ctx::use_url;
use crate::i18n::{name, tr};
use anju_data::format::{self, Lang};
use anju_data::view::measure::{self, rank_children, Measure};
use anju_data::view::query::{Group, ViewState};
use anju_data::{Dataset, Metric, NodeIx};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::sync::Arc;

/// How many children the chart shows; past that, one more bar holds all the others
/// together. The table lists every child, a page at a time.
pub const TOP_N: usize = 30;

/// The metrics a ranking can be by.
pub const RANKABLE: [Measure; 8] = [
    Measure::EmploymentRate,
    Measure::IncomePerCapita,
    Measure::Count(Metric::People),
    Measure::Count(Metric::Employed),
    Measure::Count(Metric::WelfarePosts),
    Measure::Count(Metric::MonitoredHouseholds),
    Measure::Count(Metric::ZeroEmploymentHouseholds),
    Measure::Count(Metric::Trained),
];

/// What the ranking is by when the URL does not say: the first selected group, else the
/// first selected risk colour, else the employment rate.
pub fn default_measure(state: &ViewState) -> Measure {
    state
        .metric
        .or_else(|| state.groups.first().map(|g| Measure::Count(g.metric())))
        .or_else(|| state.risks.first().map(|r| Measure::Count(r.metric())))
        .unwrap_or(Measure::EmploymentRate)
}

pub fn ranking_spec(
    ds: &Dataset,
    ix: NodeIx,
    m: Measure,
    t: usize,
    lang: Lang,
    sup: bool,
    href: impl Fn(&str) -> String,
) -> ChartSpec {
    let ranked = rank_children(ds, ix, m, t);
    if ranked.is_empty() {
        return ChartSpec::Empty(tr(lang, "没有下级可排名", "Nothing below to rank").into());
    }
    let target = measure::target(ds, ix, m);
    let better = m.higher_is_better();
    let mut bars: Vec<Bar> = ranked
        .iter()
        .take(TOP_N)
        .map(|&(c, v)| {
            let n = ds.node(c);
            let color = match (v, target) {
                (Some(v), Some(g)) if (v >= g) == better => GOOD,
                (Some(_), Some(_)) => BAD,
                _ => ACCENT,
            };
            Bar {
                label: name(n, lang),
                value: v,
                text: m.shown(n, t, &ds.period_keys[t], lang, sup),
                color,
                href: Some(href(&n.id)),
            }
        })
        .collect();
    if ranked.len() > TOP_N {
        let rest: Vec<NodeIx> = ranked[TOP_N..].iter().map(|r| r.0).collect();
        let v = measure::pooled(ds, &rest, m, t);
        let label = match lang {
            Lang::Zh => format!("其余 {} 个（合计）", format::group_digits(rest.len() as u64)),
            Lang::En => format!("{} others (together)", format::group_digits(rest.len() as u64)),
        };
        // Together the others are rarely 1 or 2, but a public display must not say so.
        let small = sup && matches!(m, Measure::Count(_)) && matches!(v, Some(x) if x == 1.0 || x == 2.0);
        let text = if small { format::SUPPRESSED.to_string() } else { m.format(v, lang) };
        bars.push(Bar { label, value: v, text, color: OTHERS, href: None });
    }
    ChartSpec::Bars {
        bars,
        target: target.map(|g| (g, format!("{}{}", tr(lang, "目标 ", "Target "), format::percent_of(g)))),
        max: matches!(m, Measure::EmploymentRate).then_some(1.0),
        value_header: m.label(lang),
    }
}

#[component]
pub fn RankingChart(ds: Arc<Dataset>, ix: NodeIx, #[prop(into)] period: Signal<usize>) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let metric = Memo::new(move |_| url.state.with(default_measure));
    let n_kids = ds.kids[ix].len();
    let height = (n_kids.min(TOP_N + 1) as f64 * 26.0 + 40.0).clamp(160.0, 820.0);
    let ds2 = ds.clone();
    let spec = Signal::derive(move || {
        let state = url.state.get();
        ranking_spec(&ds2, ix, metric.get(), period.get(), lang.get(), url.suppress.get(), |id| {
            url.href(&state.at_node(Some(id)))
        })
    });
    let title = Signal::derive(move || {
        let l = lang.get();
        let more = if n_kids > TOP_N {
            format!(" {}{TOP_N}{}", tr(l, "（前", "(top "), tr(l, " 名及其余）", " and the others)"))
        } else {
            String::new()
        };
        format!("{}{}{more}", tr(l, "下级排名：", "Ranking: "), metric.get().label(l))
    });
    let navigate = use_navigate();
    let on_metric = move |ev: leptos::ev::Event| {
        let m = Measure::parse(&event_target_value(&ev));
        navigate(&url.href_with(|s| s.metric = m), Default::default());
    };
    // The metrics offered: the usual ones, and each selected group and colour.
    let offered = move || {
        let mut v: Vec<Measure> = RANKABLE.to_vec();
        url.state.with(|s| {
            v.extend(s.groups.iter().flat_map(|g| [Measure::Count(g.metric()), Measure::Share(g.metric())]));
            v.extend(s.risks.iter().map(|r| Measure::Count(r.metric())));
        });
        v.dedup();
        v
    };
    // For a group: rank by its count or by its share of people.
    let count_or_share = move || match metric.get() {
        Measure::Count(m) | Measure::Share(m) if Group::ALL.iter().any(|g| g.metric() == m) => Some(m),
        _ => None,
    };
    view! {
        <div class="chart-card">
            <div class="chart-controls">
                <label class="chart-control">
                    <span>{move || tr(lang.get(), "排名指标", "Rank by")}</span>
                    <select on:change=on_metric>
                        {move || offered().into_iter().map(|m| {
                            view! { <option value=m.key() selected=move || metric.get() == m>{move || m.label(lang.get())}</option> }
                        }).collect_view()}
                    </select>
                </label>
                {move || count_or_share().map(|m| {
                    let l = lang.get();
                    let is_share = matches!(metric.get(), Measure::Share(_));
                    view! {
                        <span class="switch" role="group" aria-label=tr(l, "按人数或占比", "By count or share")>
                            <a data-testid="rank-by-count" aria-pressed=if is_share { "false" } else { "true" } href=url.href_with(|s| s.metric = Some(Measure::Count(m)))>{tr(l, "按人数", "Count")}</a>
                            <a data-testid="rank-by-share" aria-pressed=if is_share { "true" } else { "false" } href=url.href_with(|s| s.metric = Some(Measure::Share(m)))>{tr(l, "按占比", "Share")}</a>
                        </span>
                    }
                })}
            </div>
            <CanvasChart name="ranking" title=title spec=spec first_header=Signal::derive(move || tr(lang.get(), "地区", "Place").to_string()) height=height />
        </div>
    }
}
