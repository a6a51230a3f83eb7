//! Alerts: every place under this one that breaks a selected threshold, most severe
//! first, each a link.

use crate::i18n::{level, tr};
use crate::model::alerts::{describe, path_below};
use crate::url::use_url;
use anju_data::disclosure::Shown;
use anju_data::view::staff::{alerts, Threshold};
use anju_data::{Dataset, NodeIx};
use leptos::prelude::*;
use std::sync::Arc;

/// Rows shown before "show all".
const FIRST: usize = 50;

#[component]
pub fn AlertsPanel(ds: Arc<Dataset>, ix: NodeIx, #[prop(into)] period: Signal<usize>) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let active = Memo::new(move |_| url.state.with(|s| s.alerts.clone()));
    let show_all = RwSignal::new(Vec::<Threshold>::new());
    view! {
        <section class="alerts" data-testid="alerts">
            <h3>{move || tr(lang.get(), "预警：突破阈值的下级地区（最严重的在前）", "Alerts: places below this one that break a threshold (most severe first)")}</h3>
            {move || {
                let (t, l, sup) = (period.get(), lang.get(), url.suppress.get());
                active.get().into_iter().map(|th| {
                    let list = alerts(Shown::new(&ds, sup), ix, th, t);
                    let total = list.len();
                    let all = show_all.get().contains(&th);
                    let shown = if all { total } else { total.min(FIRST) };
                    let ds = ds.clone();
                    view! {
                        <div class="alert-list" data-threshold=th.key()>
                            <h4>{th.label(l)} <span class="count" data-testid=format!("alert-count-{}", th.key())>{total}</span></h4>
                            <ol>
                                {list[..shown].iter().map(|&(i, sev)| {
                                    let n = ds.node(i);
                                    let href = url.node_href(Some(&n.id));
                                    view! {
                                        <li data-testid="alert-row" data-node-id=n.id.clone() data-threshold=th.key()>
                                            <a href=href>{path_below(&ds, ix, i, l)}</a>
                                            <span class="level">{level(n.level, l)}</span>
                                            <span class="why">{describe(&ds, i, th, sev, t, l)}</span>
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                            {(total > shown).then(|| view! {
                                <button type="button" class="show-all" on:click=move |_| show_all.update(|v| v.push(th))>
                                    {format!("{} {total}", tr(l, "显示全部", "Show all"))}
                                </button>
                            })}
                        </div>
                    }
                }).collect_view()
            }}
            {move || active.get().is_empty().then(|| view! { <p>{tr(lang.get(), "未选择预警。", "No alert selected.")}</p> })}
        </section>
    }
}
