//! The children as a sortable table; a click on a row drills down.

use crate::ctx::use_url;
use crate::i18n::{level, name, tr};
use anju_data::view::measure::{sort_children, Measure};
use anju_data::view::query::Sort;
use anju_data::{Dataset, Metric, NodeIx};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::sync::Arc;

/// The table's value columns.
pub const COLUMNS: [Measure; 6] = [
    Measure::Count(Metric::People),
    Measure::Count(Metric::Households),
    Measure::EmploymentRate,
    Measure::IncomePerCapita,
    Measure::Count(Metric::MonitoredHouseholds),
    Measure::Count(Metric::ZeroEmploymentHouseholds),
];

#[component]
pub fn ChildrenTable(ds: Arc<Dataset>, ix: NodeIx, #[prop(into)] period: Signal<usize>) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let sort = Memo::new(move |_| {
        url.state.with(|s| s.sort).unwrap_or(Sort { by: Some(Measure::Count(Metric::People)), desc: true })
    });
    let ds2 = ds.clone();
    let rows = move || sort.with(|s| sort_children(&ds2, ix, s.by, s.desc, period.get()));
    let header = move |col: Option<Measure>| {
        let current = sort.get();
        let active = current.by == col;
        // A second click reverses; counts start highest first, names in order.
        let next = Sort { by: col, desc: if active { !current.desc } else { col.is_some() } };
        let href = url.href_with(|s| s.sort = Some(next));
        let label = match col {
            None => tr(lang.get(), "名称", "Name").to_string(),
            Some(m) => m.label(lang.get()).to_string(),
        };
        let arrow = if active {
            if current.desc {
                " ▼"
            } else {
                " ▲"
            }
        } else {
            ""
        };
        let aria = if active {
            if current.desc {
                "descending"
            } else {
                "ascending"
            }
        } else {
            "none"
        };
        view! { <th scope="col" aria-sort=aria><a href=href>{label}{arrow}</a></th> }
    };
    let navigate = use_navigate();
    let first_level = ds.kids[ix].first().map(|&c| ds.node(c).level);
    view! {
        <section class="children">
            <h3>{move || match first_level {
                Some(l) => format!("{}{}", tr(lang.get(), "下级", "Below: "), level(l, lang.get())),
                None => tr(lang.get(), "没有下级", "Nothing below").to_string(),
            }}</h3>
            <div class="table-scroll">
                <table class="data-table">
                    <thead><tr>
                        {move || header(None)}
                        {move || COLUMNS.iter().map(|&c| header(Some(c))).collect_view()}
                    </tr></thead>
                    <tbody>
                        {move || {
                            let t = period.get();
                            let l = lang.get();
                            rows().into_iter().map(|c| {
                                let n = ds.node(c);
                                let href = url.href(&url.state.get_untracked().at_node(Some(&n.id)));
                                let go = href.clone();
                                let navigate = navigate.clone();
                                view! {
                                    <tr data-testid="child-row" data-node-id=n.id.clone() class="clickable"
                                        on:click=move |ev: web_sys::MouseEvent| {
                                            crate::perf::drill_start();
                                            // The name is a real link; a click anywhere else in the row follows it too.
                                            let on_link = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()).is_some_and(|e| e.closest("a").ok().flatten().is_some());
                                            if !on_link { navigate(&go, Default::default()); }
                                        }>
                                        <th scope="row"><a href=href>{name(n, l)}</a></th>
                                        {COLUMNS.iter().map(|m| view! { <td class="num">{m.format(m.value(n, t), l)}</td> }).collect_view()}
                                    </tr>
                                }
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
