//! The node view: header, breadcrumb, KPIs, charts and the children table (or, at a
//! building, the building panel).

use super::alerts::AlertsPanel;
use super::breadcrumb::Breadcrumb;
use super::building::BuildingPanel;
use super::filters::FilterBar;
use super::filters::{group_label, risk_name};
use super::header::Header;
use super::kpis::Kpis;
use super::notices::{target_notices, Notices};
use super::provenance::{all_synthesised, source_line};
use super::table::ChildrenTable;
use super::wheretogo::WhereToGo;
use crate::charts::export::Stamp;
use crate::charts::{channels::ChannelsChart, ranking::RankingChart, trend::TrendChart};
use crate::ctx::use_url;
use crate::data::Target;
use crate::i18n::tr;
use crate::i18n::{level, name};
use anju_data::{Dataset, NodeIx};
use leptos::prelude::*;
use std::sync::Arc;

/// Set once the first view is fully drawn (`app-ready`).
#[derive(Clone, Copy)]
pub struct Ready(pub RwSignal<bool>);

#[component]
pub fn Dashboard(target: Target) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let Target { ds, ix, unknown_node } = target;
    let asked = Memo::new(move |_| url.state.with(|s| s.period));
    let ds_p = ds.clone();
    let period = Memo::new(move |_| ds_p.period_or_latest(asked.get()));
    let ds_n = ds.clone();
    let extra = Signal::derive(move || target_notices(&ds_n, unknown_node.as_deref(), asked.get()));
    provide_context(Stamp(stamp_lines(ds.clone(), ix, period.into())));
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
        {match (is_leaf, node.level == anju_data::Level::Building) {
            (true, true) => Some(view! { <BuildingPanel ds=ds4.clone() ix=ix period=period /> }.into_any()),
            // A place with nothing below it yet (a new site): say so, not a building's page.
            (true, false) => Some(view! {
                <p class="empty-note" data-testid="no-children">{move || tr(lang.get(), "此地没有下级数据。", "There is nothing below this place in the data.")}</p>
            }.into_any()),
            _ => None,
        }}
        <div class="charts">
            {(!is_leaf).then(|| view! { <RankingChart ds=ds5.clone() ix=ix period=period /> })}
            <ChannelsChart ds=ds6 ix=ix period=period />
            <TrendChart ds=ds7.clone() ix=ix />
        </div>
        {(!is_leaf).then(|| view! { <ChildrenTable ds=ds7.clone() ix=ix period=period /> })}
    }
}

/// What every exported chart of this view is stamped with: where, which filters, which
/// period, as of when, and where the figures come from.
fn stamp_lines(ds: Arc<Dataset>, ix: NodeIx, period: Signal<usize>) -> Signal<Vec<String>> {
    let url = use_url();
    Signal::derive(move || {
        let l = url.lang.get();
        let st = url.state.get();
        let path = ds.path(ix).iter().map(|&i| name(ds.node(i), l)).collect::<Vec<_>>().join(" › ");
        let mut filters: Vec<String> = st.groups.iter().map(|g| group_label(*g, l).to_string()).collect();
        filters.extend(st.risks.iter().map(|r| risk_name(*r, l).to_string()));
        filters.extend(st.alerts.iter().map(|a| a.label(l).to_string()));
        if st.suppress {
            filters.push(tr(l, "小数隐藏（<3）", "small counts hidden (<3)").to_string());
        }
        let filters = if filters.is_empty() { tr(l, "无", "none").to_string() } else { filters.join("、") };
        let n = ds.node(ix);
        let source = if all_synthesised(&ds) {
            tr(l, "全部为合成数据", "every figure synthesised").to_string()
        } else if n.published.is_empty() {
            tr(l, "本地区数字为合成的演示数据", "this place's figures are synthesised demo data").to_string()
        } else {
            let titles: Vec<String> = n.published.iter().map(|c| source_line(&ds, c, l)).collect();
            format!("{}{}", tr(l, "部分数字为公布值，来源：", "some figures as published: "), titles.join("；"))
        };
        vec![
            format!("{}{path}", tr(l, "地区：", "Place: ")),
            format!("{}{filters}", tr(l, "筛选：", "Filters: ")),
            format!("{}{}", tr(l, "统计期：", "Period: "), ds.period_keys[period.get()]),
            format!("{}{}", tr(l, "数据截至：", "Data as of: "), ds.meta.as_of),
            format!("{}{source}", tr(l, "来源：", "Source: ")),
        ]
    })
}
