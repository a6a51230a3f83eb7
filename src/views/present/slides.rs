//! The slides' bodies, each drawn whole from plain values for one place and period.

use crate::i18n::tr;
use crate::model::slides::{change, Change, COMPARED};
use crate::model::tiles::{status, tiles};
use anju_data::disclosure::Shown;
use anju_data::domain::Group;
use anju_data::format::{self, Lang};
use anju_data::view::measure::{self, Measure};
use anju_data::NodeIx;
use leptos::prelude::*;

pub fn big_rate(s: Shown, ix: NodeIx, t: usize, l: Lang) -> impl IntoView {
    let m = Measure::EmploymentRate;
    let target = measure::target(s.ds, ix, m);
    let r = s.value(ix, m, t);
    let status = status(m, r, target);
    let target_text =
        target.map(|g| format!("，{}{}", tr(l, "目标 ", "target "), format::percent_of(g))).unwrap_or_default();
    view! {
        <p class="big-figure">
            <span class=format!("big-value {status}")>{s.text(ix, m, t, l)}</span>
            <span class="big-label">{Measure::EmploymentRate.label(l)}{target_text}</span>
        </p>
    }
}

pub fn big_income(s: Shown, ix: NodeIx, t: usize, l: Lang) -> impl IntoView {
    let m = Measure::IncomePerCapita;
    let growth = s
        .growth(ix, m, t)
        .map(|g| {
            format!(" {}{}{}", tr(l, "同比 ", "year on year "), if g >= 0.0 { "+" } else { "" }, format::percent_of(g))
        })
        .unwrap_or_default();
    view! {
        <p class="big-figure">
            <span class="big-value">{s.figure_text(ix, m, t, l)}</span>
            <span class="big-label">{Measure::IncomePerCapita.label(l)}{growth}</span>
        </p>
    }
}

pub fn overview(s: Shown, ix: NodeIx, t: usize, l: Lang) -> impl IntoView {
    view! {
        <div class="slide-tiles">
            {tiles(s, ix, t, l, &[]).into_iter().map(|k| view! {
                <div class=format!("slide-tile {}", k.status) data-testid=format!("kpi-{}", k.key) data-value=k.raw>
                    <span class="kpi-label">{k.label} {k.source.map(|p| view! { <span class="prov prov-pub" title=p.hover>{p.mark}</span> })}</span>
                    <span class="kpi-value">{k.text}</span>
                    {k.sub.map(|s| view! { <span class="kpi-sub">{s}</span> })}
                </div>
            }).collect_view()}
        </div>
    }
}

pub fn groups(s: Shown, ix: NodeIx, t: usize, l: Lang) -> impl IntoView {
    view! {
        <table class="slide-table">
            <thead><tr><th>{tr(l, "群体", "Group")}</th><th>{tr(l, "人数", "People")}</th><th>{tr(l, "占人口", "Share of people")}</th></tr></thead>
            <tbody>
                {Group::ALL.iter().map(|&g| view! {
                    <tr><th>{g.label(l)}</th>
                        <td class="num">{s.count_text(ix, g.metric(), t, l)}</td>
                        <td class="num">{s.text(ix, Measure::Share(g.metric()), t, l)}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
        <p class="slide-note">{tr(l, "各群体分别统计，可能重叠，不可相加。", "Groups are counted separately and may overlap; they are not added.")}</p>
    }
}

pub fn comparison(s: Shown, ix: NodeIx, t: usize, c: Option<usize>, l: Lang) -> AnyView {
    let Some(c) = c else {
        return view! { <p class="big-note">{tr(l, "数据中没有可对比的统计期（默认对比上年同期）。", "The data has no period to compare with (by default the same month a year earlier).")}</p> }.into_any();
    };
    let rows = COMPARED.iter().map(|&m| {
        let (a, b) = (s.value(ix, m, c), s.value(ix, m, t));
        let Change { arrow, class, delta } = change(m, a, b, l);
        view! {
            <tr data-testid="compare-row" data-metric=m.key()
                data-from=a.map(|v| v.to_string()).unwrap_or_default() data-to=b.map(|v| v.to_string()).unwrap_or_default()>
                <th>{m.label(l)}</th>
                <td class="num">{s.text(ix, m, c, l)}</td>
                <td class="num">{s.text(ix, m, t, l)}</td>
                <td class=format!("num delta {class}")>{arrow} " " {delta}</td>
            </tr>
        }
    }).collect_view();
    let ds = s.ds;
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
