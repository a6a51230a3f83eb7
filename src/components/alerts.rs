//! Alerts: the places under this one that break a selected threshold, by level, most
//! severe first, each a link (households are listed where they live, so the badge and the
//! rows count each once: [`crate::model::staff::alert_list`]); each list exports as CSV
//! and says what it leaves out.

use crate::data::Place;
use crate::export::{csv_bytes, download};
use crate::i18n::tr;
use crate::model::alerts::{describe, path_below};
use crate::model::staff::{alert_list, alert_sheet, cut_text, level_heading};
use crate::url::use_url;
use anju_data::disclosure::{Shown, MARK};
use anju_data::view::staff::Threshold;
use leptos::prelude::*;

/// Rows of a level shown before "show all".
const FIRST: usize = 50;

#[component]
pub fn AlertsPanel(#[prop(into)] place: Signal<Place>, #[prop(into)] period: Signal<usize>) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let active = Memo::new(move |_| url.state.with(|s| s.alerts.clone()));
    // The lists shown whole, by place: the panel stays from place to place, and the next
    // place starts cut again.
    let show_all = RwSignal::new(Vec::<(String, Threshold)>::new());
    view! {
        <section class="alerts" data-testid="alerts">
            <h3>{move || tr(lang.get(), "预警：突破阈值的下级地区（按层级，最严重的在前）", "Alerts: places below this one that break a threshold (by level, most severe first)")}</h3>
            // On a public display a place whose figure is hidden is not listed (listing it
            // would say it is not zero): the list may be shorter than the badge says.
            {move || url.suppress.get().then(|| view! { <p class="muted" data-testid="alerts-suppressed-note">{tr(lang.get(),
                "公开显示：数字小于3的地区，以及可推算出它们的地区，不列出。",
                "Public display: places whose figures are under 3, or would give such figures away, are not listed.")}</p> })}
            {move || {
                let (t, l, sup) = (period.get(), lang.get(), url.suppress.get());
                let Place { ds, ix } = place.get();
                active.get().into_iter().map(|th| {
                    let list = alert_list(Shown::new(&ds, sup), ix, th, t, l);
                    // The sheet is built when asked for, not with every redraw.
                    let export = {
                        let (ds, list) = (ds.clone(), list.clone());
                        let file = format!("{}-{}.csv", tr(l, "预警", "alerts"), th.key());
                        move |_| download(&file, &csv_bytes(&alert_sheet(&ds, ix, th, &list, l)))
                    };
                    let here = ds.node(ix).id.clone();
                    let all = show_all.with(|v| v.iter().any(|(id, t)| *id == here && *t == th));
                    let ds = ds.clone();
                    let cut = list.by_level.iter().any(|g| g.1.len() > FIRST) && !all;
                    let levels = list.by_level.into_iter().map(|(lv, rows)| {
                        let shown = if all { rows.len() } else { rows.len().min(FIRST) };
                        let items = rows[..shown].iter().map(|&(i, sev)| {
                            let n = ds.node(i);
                            let href = url.link_to(Some(&n.id));
                            view! {
                                <li data-testid="alert-row" data-node-id=n.id.clone() data-threshold=th.key()>
                                    <a href=href>{path_below(&ds, ix, i, l)}</a>
                                    <span class="why">{describe(&ds, i, th, sev, t, l)}</span>
                                </li>
                            }
                        }).collect_view();
                        view! {
                            <h5 class="alert-level" data-level=lv.key()>{level_heading(lv, &rows, th, l)}</h5>
                            <ol>{items}</ol>
                            {cut_text(shown, rows.len(), l).map(|c| view! { <p class="cut" data-testid="alert-cut">{c}</p> })}
                        }
                    }).collect_view();
                    view! {
                        <div class="alert-list" data-threshold=th.key()>
                            <h4>{th.label(l)} <span class="count" data-testid=format!("alert-count-{}", th.key()) data-value=list.badge.map_or_else(|| MARK.to_string(), |b| b.to_string())>{list.badge_text}</span></h4>
                            {levels}
                            <div class="alert-actions">
                                {cut.then(|| view! {
                                    <button type="button" class="show-all" on:click=move |_| show_all.update(|v| v.push((here.clone(), th)))>
                                        {tr(l, "显示全部", "Show all")}
                                    </button>
                                })}
                                <button type="button" class="export" data-testid="export-alerts"
                                    on:click=export>
                                    {tr(l, "导出 CSV", "Export CSV")}
                                </button>
                            </div>
                        </div>
                    }
                }).collect_view()
            }}
            {move || active.get().is_empty().then(|| view! { <p>{tr(lang.get(), "未选择预警。", "No alert selected.")}</p> })}
        </section>
    }
}
