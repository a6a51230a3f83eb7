//! The node view: header, breadcrumb, KPIs, charts and the children table (or, at a
//! building, the building panel).

use crate::charts::export::Stamp;
use crate::charts::map::{geo_path, MapChart};
use crate::charts::{channels::ChannelsChart, ranking::RankingChart, trend::TrendChart};
use crate::components::alerts::AlertsPanel;
use crate::components::breadcrumb::Breadcrumb;
use crate::components::building::BuildingPanel;
use crate::components::filters::FilterBar;
use crate::components::header::{Header, HeaderFacts};
use crate::components::kpis::Kpis;
use crate::components::notices::Notices;
use crate::components::skip::SkipLinks;
use crate::components::table::ChildrenTable;
use crate::components::wheretogo::WhereToGo;
use crate::data::Target;
use crate::i18n::{level, name, tr};
use crate::model::notices::{future_as_of, target_notices};
use crate::model::{period, stamp::stamp_lines};
use crate::url::use_url;
use anju_data::Level;
use leptos::prelude::*;

#[component]
pub fn Dashboard(target: Target) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let Target { ds, ix, unknown_node } = target;
    let period = {
        let ds = ds.clone();
        Memo::new(move |_| url.state.with(|s| period::in_view(&ds, s)))
    };
    let extra = {
        let ds = ds.clone();
        let today = crate::data::today();
        Signal::derive(move || {
            let mut v = target_notices(&ds, unknown_node.as_deref(), url.state.with(|s| s.period));
            v.extend(future_as_of(&ds, &today));
            v
        })
    };
    let stamp = {
        let ds = ds.clone();
        Signal::derive(move || url.state.with(|s| stamp_lines(&ds, ix, period.get(), s)))
    };
    provide_context(Stamp(stamp));
    crate::perf::begin_view();
    let node = ds.node(ix).clone();
    let is_leaf = ds.kids[ix].is_empty();
    let title_node = node.clone();
    let has_groups = Memo::new(move |_| url.state.with(|s| !s.groups.is_empty() || !s.risks.is_empty()));
    let has_alerts = Memo::new(move |_| url.state.with(|s| !s.alerts.is_empty()));
    let (ds_groups, ds_alerts) = (ds.clone(), ds.clone());
    let leaf = match (is_leaf, node.level == Level::Building) {
        (true, true) => Some(view! { <BuildingPanel ds=ds.clone() ix=ix period=period /> }.into_any()),
        // A place with nothing below it yet (a new site): say so, not a building's page.
        (true, false) => Some(view! {
            <p class="empty-note" data-testid="no-children">{move || tr(lang.get(), "此地没有下级数据。", "There is nothing below this place in the data.")}</p>
        }.into_any()),
        _ => None,
    };
    view! {
        <SkipLinks has_children=!is_leaf />
        // Printed, every page repeats this head: the place, the filters, the period, as of
        // when (the stamp every exported chart carries). A real table, because browsers
        // repeat a table's head on every printed page; on screen it lays out as blocks.
        <table class="print-frame" role="presentation">
        <thead class="print-head" aria-hidden="true"><tr><td>
            {move || stamp.get().into_iter().take(4).map(|l| view! { <span>{l}</span> }).collect_view()}
        </td></tr></thead>
        <tbody class="print-body"><tr><td>
        <Header facts=HeaderFacts::of(&ds) period=period />
        <Notices extra=extra />
        <Breadcrumb ds=ds.clone() ix=ix />
        <div class="node-heading">
            <h2 id="main" tabindex="-1" class="node-title" data-testid="node-title" data-node-id=node.id.clone() data-level=node.level.key()>
                {move || name(&title_node, lang.get())}
            </h2>
            <span class="node-level">{move || level(node.level, lang.get())}</span>
        </div>
        <FilterBar />
        <Kpis ds=ds.clone() ix=ix period=period />
        {move || has_groups.get().then(|| view! { <WhereToGo ds=ds_groups.clone() ix=ix period=period /> })}
        {move || has_alerts.get().then(|| view! { <AlertsPanel ds=ds_alerts.clone() ix=ix period=period /> })}
        {leaf}
        <div class="charts">
            {geo_path(&ds, ix).map(|_| view! { <div class="chart-card"><MapChart place=Signal::stored(Some((ds.clone(), ix))) period=period /></div> })}
            {(!is_leaf).then(|| view! { <RankingChart ds=ds.clone() ix=ix period=period /> })}
            <ChannelsChart ds=ds.clone() ix=ix period=period />
            <TrendChart ds=ds.clone() ix=ix />
        </div>
        {(!is_leaf).then(|| view! { <ChildrenTable ds=ds.clone() ix=ix period=period /> })}
        </td></tr></tbody>
        </table>
    }
}
