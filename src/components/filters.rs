//! The staff's filter bar: special groups, risk colours, threshold alerts. Every toggle
//! is a link that changes the URL, so a filtered view can be shared as it is.

use crate::i18n::tr;
use crate::url::use_url;
use anju_data::view::query::{Group, Risk, ViewState};
use anju_data::view::staff::Threshold;
use leptos::prelude::*;

fn toggle<T: PartialEq + Copy>(list: &mut Vec<T>, x: T) {
    match list.iter().position(|y| *y == x) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(x),
    }
}

/// One toggle: a link to the view with `x` switched, `aria-pressed` saying its state.
fn chip(testid: String, pressed: bool, href: String, label: String, class: &'static str) -> impl IntoView {
    view! {
        <a role="button" class=format!("chip {class}") data-testid=testid aria-pressed=if pressed { "true" } else { "false" }
           href=href on:click=|_| crate::perf::filter_start()>{label}</a>
    }
}

#[component]
pub fn FilterBar() -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let st = move || url.state.get();
    let with = move |f: &dyn Fn(&mut ViewState)| {
        url.href_with(|s| {
            f(s);
            // A new filter starts the ranking from its default.
            s.metric = None;
        })
    };
    view! {
        <section class="filters" aria-label=move || tr(lang.get(), "筛选", "Filters")>
            <div class="filter-row">
                <span class="filter-label">{move || tr(lang.get(), "特殊群体", "Special groups")}</span>
                {move || Group::ALL.iter().map(|&g| {
                    let pressed = st().groups.contains(&g);
                    chip(format!("filter-group-{}", g.key()), pressed, with(&|s| toggle(&mut s.groups, g)), g.label(lang.get()).into(), "group")
                }).collect_view()}
            </div>
            <div class="filter-row">
                <span class="filter-label">{move || tr(lang.get(), "风险等级", "Risk colour")}</span>
                {move || Risk::ALL.iter().map(|&r| {
                    let pressed = st().risks.contains(&r);
                    chip(format!("filter-risk-{}", r.key()), pressed, with(&|s| toggle(&mut s.risks, r)), r.name(lang.get()).into(), r.key())
                }).collect_view()}
            </div>
            <div class="filter-row">
                <span class="filter-label">{move || tr(lang.get(), "预警", "Alerts")}</span>
                {move || Threshold::ALL.iter().map(|&a| {
                    let pressed = st().alerts.contains(&a);
                    chip(format!("filter-alert-{}", a.key()), pressed, url.href_with(|s| toggle(&mut s.alerts, a)), a.label(lang.get()).into(), "alert")
                }).collect_view()}
                <Show when=move || { let s = st(); !s.groups.is_empty() || !s.risks.is_empty() || !s.alerts.is_empty() }>
                    <a class="clear-filters" href=move || url.link_with(|s| { s.groups.clear(); s.risks.clear(); s.alerts.clear(); s.metric = None; })>
                        {move || tr(lang.get(), "清除筛选", "Clear filters")}
                    </a>
                </Show>
            </div>
            <Show when=move || { st().groups.len() > 1 }>
                <p class="overlap-note" data-testid="overlap-note">{move || tr(lang.get(),
                    "各群体分别统计、并列显示：同一人可能同时属于多个群体（如残疾的空巢老人），汇总数据无法求交集，故不相加。",
                    "Each group is counted on its own and shown side by side: one person may belong to several (a disabled, empty-nest elder), and aggregated counts cannot be intersected, so they are never added.")}</p>
            </Show>
        </section>
    }
}
