//! The node view: header, breadcrumb, KPIs, charts and the children table (or, at a
//! building, the building panel).

use super::alerts::AlertsPanel;
use super::breadcrumb::Breadcrumb;
use super::building::BuildingPanel;
use super::filters::FilterBar;
use super::header::Header;
use super::kpis::Kpis;
use super::notices::Notices;
use super::table::ChildrenTable;
use super::wheretogo::WhereToGo;
use crate::charts::{channels::ChannelsChart, ranking::RankingChart, trend::TrendChart};
use crate::ctx::use_url;
use crate::data::Target;
use crate::i18n::{level, name};
use leptos::prelude::*;

/// Set once the first view is fully drawn (`app-ready`).
#[derive(Clone, Copy)]
pub struct Ready(pub RwSignal<bool>);

#[component]
pub fn Dashboard(target: Target) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let Target { ds, ix, unknown_node } = target;
    let latest = ds.latest();
    let periods = ds.periods.clone();
    let asked = Memo::new(move |_| url.state.with(|s| s.period));
    let found = Memo::new(move |_| asked.get().map(|p| periods.iter().position(|q| *q == p)));
    let period = Memo::new(move |_| found.get().flatten().unwrap_or(latest));
    let extra = Signal::derive(move || {
        let mut v = Vec::new();
        if let Some(id) = &unknown_node {
            let id = anju_data::text::clip(id, 60);
            v.push((
                format!("找不到编号为 {id} 的地区，已显示全部"),
                format!("No place with id {id}; showing the whole dataset"),
            ));
        }
        if let (Some(p), Some(None)) = (asked.get(), found.get()) {
            v.push((
                format!("数据中没有 {p} 期，已显示最新一期"),
                format!("The data has no period {p}; showing the latest"),
            ));
        }
        v
    });
    let node = ds.node(ix).clone();
    let is_leaf = ds.kids[ix].is_empty();
    let ready = expect_context::<Ready>().0;
    crate::perf::begin_view(if is_leaf { 2 } else { 3 }, move || ready.set(true));
    let (ds1, ds2, ds3, ds4, ds5, ds6, ds7) =
        (ds.clone(), ds.clone(), ds.clone(), ds.clone(), ds.clone(), ds.clone(), ds.clone());
    let title_node = node.clone();
    let (ds8, ds9) = (ds.clone(), ds.clone());
    let has_groups = Memo::new(move |_| url.state.with(|s| !s.groups.is_empty()));
    let has_alerts = Memo::new(move |_| url.state.with(|s| !s.alerts.is_empty()));
    view! {
        <Header ds=ds1 period=period />
        <Notices extra=extra />
        <Breadcrumb ds=ds2 ix=ix />
        <div class="node-heading">
            <h2 class="node-title" data-testid="node-title" data-node-id=node.id.clone() data-level=node.level.key()>
                {move || name(&title_node, lang.get())}
            </h2>
            <span class="node-level">{move || level(node.level, lang.get())}</span>
        </div>
        <FilterBar />
        <Kpis ds=ds3 ix=ix period=period />
        {move || has_groups.get().then(|| view! { <WhereToGo ds=ds8.clone() ix=ix period=period /> })}
        {move || has_alerts.get().then(|| view! { <AlertsPanel ds=ds9.clone() ix=ix period=period /> })}
        {is_leaf.then(|| view! { <BuildingPanel ds=ds4.clone() ix=ix period=period /> })}
        <div class="charts">
            {(!is_leaf).then(|| view! { <RankingChart ds=ds5.clone() ix=ix period=period /> })}
            <ChannelsChart ds=ds6 ix=ix period=period />
            <TrendChart ds=ds7.clone() ix=ix />
        </div>
        {(!is_leaf).then(|| view! { <ChildrenTable ds=ds7.clone() ix=ix period=period /> })}
    }
}
