//! The node view: header, breadcrumb, KPIs, charts and the children table (or, at a
//! building, the building panel). Built once, it follows the place on show: a drill
//! changes figures, rows and chart paintings in place, and only what the place's kind
//! decides (a leaf or not, a building, a map) is built again when that changes.

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
use crate::data::{Place, Target};
use crate::i18n::{level, name, tr};
use crate::model::notices::future_as_of;
use crate::model::{period, stamp::stamp_lines};
use crate::perf::PlaceKey;
use crate::url::use_url;
use anju_data::Level;
use leptos::prelude::*;

#[component]
pub fn Dashboard(#[prop(into)] target: Signal<Target>) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let place = Memo::new(move |_| target.with(Place::of));
    // Each place on show is a view, drawn when every chart has painted it.
    let key = Memo::new(move |_| place.with(|p| PlaceKey::of(&p.ds, p.ix)));
    provide_context(PlaceKey(key));
    Effect::new(move |_| crate::perf::begin_place(key.get()));
    let period = Memo::new(move |_| place.with(|p| url.state.with(|s| period::in_view(&p.ds, s))));
    let extra = Signal::derive(move || {
        target.with(|t| {
            let mut v = t.notices(url.state.with(|s| s.period));
            // Today as of this place's drawing: the page may stay open past midnight.
            v.extend(future_as_of(&t.ds, &crate::data::today()));
            v
        })
    });
    let stamp = Signal::derive(move || place.with(|p| url.state.with(|s| stamp_lines(&p.ds, p.ix, period.get(), s))));
    provide_context(Stamp(stamp));
    // What decides the page's shape at a place, each part built again only when its own
    // changes: nothing below (no ranking, no table), a building, a geometry file.
    let is_leaf = Memo::new(move |_| place.with(|p| p.ds.kids[p.ix].is_empty()));
    let is_building = Memo::new(move |_| place.with(|p| p.ds.node(p.ix).level == Level::Building));
    let has_map = Memo::new(move |_| place.with(|p| geo_path(&p.ds, p.ix).is_some()));
    let facts = Memo::new(move |_| place.with(|p| HeaderFacts::of(&p.ds)));
    let has_groups = Memo::new(move |_| url.state.with(|s| !s.groups.is_empty() || !s.risks.is_empty()));
    let has_alerts = Memo::new(move |_| url.state.with(|s| !s.alerts.is_empty()));
    let title = Memo::new(move |_| {
        place.with(|p| {
            let n = p.ds.node(p.ix);
            (n.id.clone(), n.level)
        })
    });
    let node_name = move || place.with(|p| name(p.ds.node(p.ix), lang.get()));
    let place = Signal::from(place);
    let leaf = move || {
        match (is_leaf.get(), is_building.get()) {
        (true, true) => Some(view! { <BuildingPanel place=place period=period /> }.into_any()),
        // A place with nothing below it yet (a new site): say so, not a building's page.
        (true, false) => Some(view! {
            <p class="empty-note" data-testid="no-children">{move || tr(lang.get(), "此地没有下级数据。", "There is nothing below this place in the data.")}</p>
        }.into_any()),
        _ => None,
    }
    };
    let map_place = Signal::derive(move || place.with(|p| Some((p.ds.clone(), p.ix))));
    view! {
        {move || view! { <SkipLinks has_children=!is_leaf.get() /> }}
        // Printed, every page repeats this head: the place, the filters, the period, as of
        // when (the stamp every exported chart carries). A real table, because browsers
        // repeat a table's head on every printed page; on screen it lays out as blocks.
        <table class="print-frame" role="presentation">
        <thead class="print-head" aria-hidden="true"><tr><td>
            {move || stamp.get().into_iter().take(4).map(|l| view! { <span>{l}</span> }).collect_view()}
        </td></tr></thead>
        <tbody class="print-body"><tr><td>
        {move || view! { <Header facts=facts.get() period=period /> }}
        <Notices extra=extra />
        <Breadcrumb place=place />
        <div class="node-heading">
            <h2 id="main" tabindex="-1" class="node-title" data-testid="node-title" data-node-id=move || title.get().0 data-level=move || title.get().1.key()>
                {node_name}
            </h2>
            <span class="node-level">{move || level(title.get().1, lang.get())}</span>
        </div>
        <FilterBar />
        <Kpis place=place period=period />
        {move || has_groups.get().then(|| view! { <WhereToGo place=place period=period /> })}
        {move || has_alerts.get().then(|| view! { <AlertsPanel place=place period=period /> })}
        {leaf}
        <div class="charts">
            {move || has_map.get().then(|| view! { <div class="chart-card"><MapChart place=map_place period=period /></div> })}
            {move || (!is_leaf.get()).then(|| view! { <RankingChart place=place period=period /> })}
            <ChannelsChart place=place period=period />
            <TrendChart place=place />
        </div>
        {move || (!is_leaf.get()).then(|| view! { <ChildrenTable place=place period=period /> })}
        </td></tr></tbody>
        </table>
    }
}
