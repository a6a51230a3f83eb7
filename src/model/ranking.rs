//! The ranking of the children by a selectable measure (`metric=`), as a chart spec,
//! coloured against the target where there is one.

use crate::i18n::{name, tr};
use crate::model::spec::{Axis, Bar, ChartSpec};
use crate::theme;
use anju_data::disclosure::{Shown, MARK};
use anju_data::domain::{Group, Risk};
use anju_data::format::{self, Lang};
use anju_data::view::measure::{self, rank_children, Measure};
use anju_data::view::query::ViewState;
use anju_data::{Metric, NodeIx};

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

/// The children of `ix` ranked by `m` at period `t`, `top` bars and then one for the
/// others ([`TOP_N`] on the dashboard; a slide shows fewer, larger), as `s` lets them be
/// shown: hidden values rank last, as a fixed hatched mark, and the others' bar is hidden
/// when any of them is (its sum would give the hidden one back).
pub fn ranking_spec(
    s: Shown,
    ix: NodeIx,
    m: Measure,
    t: usize,
    lang: Lang,
    href: impl Fn(&str) -> String,
    top: usize,
) -> ChartSpec {
    let ds = s.ds;
    let ranked = rank_children(s, ix, m, t);
    if ranked.is_empty() {
        return ChartSpec::Empty(tr(lang, "没有下级可排名", "Nothing below to rank").into());
    }
    let target = measure::target(ds, ix, m);
    let mut bars: Vec<Bar> = ranked
        .iter()
        .take(top)
        .map(|&(c, v)| {
            let n = ds.node(c);
            let color = match (v, target) {
                (Some(v), Some(g)) if m.meets(v, g) => theme::GOOD,
                (Some(_), Some(_)) => theme::BAD,
                _ => theme::ACCENT,
            };
            Bar {
                label: name(n, lang),
                value: v,
                hidden: s.hides(c, m, t),
                text: s.text(c, m, t, lang),
                color,
                href: Some(href(&n.id)),
            }
        })
        .collect();
    if ranked.len() > top {
        let rest: Vec<NodeIx> = ranked[top..].iter().map(|r| r.0).collect();
        let v = measure::pooled(s, &rest, m, t);
        let hidden = rest.iter().any(|&c| s.hides(c, m, t));
        let label = match lang {
            Lang::Zh => format!("其余 {} 个（合计）", format::group_digits(rest.len() as u64)),
            Lang::En => format!("{} others (together)", format::group_digits(rest.len() as u64)),
        };
        let text = if hidden { MARK.to_string() } else { m.format(v, lang) };
        bars.push(Bar { label, value: v, hidden, text, color: theme::OTHERS, href: None });
    }
    // The others' pooled bar is on the axis too (a sum of many may be the longest).
    let axis = Axis::of(m, bars.iter().filter_map(|b| b.value).chain(target), lang);
    ChartSpec::Bars {
        bars,
        // The target in the measure's own unit: a rate in per cent, income in yuan.
        target: target.map(|g| (g, format!("{}{}", tr(lang, "目标 ", "Target "), m.format(Some(g), lang)))),
        axis,
        value_header: m.label(lang),
    }
}

/// The measures the ranking offers: the usual ones, and each selected group and colour
/// (count and share).
pub fn offered(state: &ViewState) -> Vec<Measure> {
    let mut v: Vec<Measure> = RANKABLE.to_vec();
    let filtered = state.groups.iter().map(|g| g.metric()).chain(state.risks.iter().map(|r| r.metric()));
    v.extend(filtered.flat_map(|m| [Measure::Count(m), Measure::Share(m)]));
    v.dedup();
    v
}

/// For a filtered group's or risk colour's measure, its metric: the ranking then offers
/// count or share (of people for a group, of households for a colour).
pub fn switchable_metric(m: Measure) -> Option<Metric> {
    let filterable =
        |x: Metric| Group::ALL.iter().any(|g| g.metric() == x) || Risk::ALL.iter().any(|r| r.metric() == x);
    match m {
        Measure::Count(x) | Measure::Share(x) if filterable(x) => Some(x),
        _ => None,
    }
}

/// The chart's height in CSS px for `children` places: a bar each up to [`TOP_N`] and the
/// others' bar.
pub fn height(children: usize) -> f64 {
    (children.min(TOP_N + 1) as f64 * 26.0 + 40.0).clamp(160.0, 820.0)
}
