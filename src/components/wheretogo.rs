//! Where to go: the buildings under this place with the most people of each selected
//! group, side by side (groups overlap, so they are never merged), each with its path and
//! a link. Exports as CSV.

use crate::export::{csv_bytes, download};
use crate::i18n::tr;
use crate::model::alerts::path_below;
use crate::url::use_url;
use anju_data::disclosure::Shown;
use anju_data::format;
use anju_data::view::query::Group;
use anju_data::view::staff::top_buildings;
use anju_data::{Dataset, NodeIx};
use leptos::prelude::*;
use std::sync::Arc;

pub const TOP: usize = 20;

#[component]
pub fn WhereToGo(ds: Arc<Dataset>, ix: NodeIx, #[prop(into)] period: Signal<usize>) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let groups = Memo::new(move |_| url.state.with(|s| s.groups.clone()));
    let lists = {
        let ds = ds.clone();
        Memo::new(move |_| {
            let (t, s) = (period.get(), Shown::new(&ds, url.suppress.get()));
            crate::perf::timed("anju-where-to-go", || {
                groups.get().into_iter().map(|g| (g, top_buildings(s, ix, g.metric(), t, TOP))).collect::<Vec<_>>()
            })
        })
    };
    view! {
        <section class="where-to-go" data-testid="where-to-go">
            <h3>{move || tr(lang.get(), "走访去哪里：各群体人数最多的楼栋（前20）", "Where to go: the buildings with the most people in each group (top 20)")}</h3>
            <div class="wtg-lists">
                {move || {
                    let (l, sup) = (lang.get(), url.suppress.get());
                    lists.get().into_iter().map(|(g, list): (Group, Vec<(NodeIx, u64)>)| {
                        let ds = ds.clone();
                        let rows: Vec<(String, String, String)> = list.iter().map(|&(b, v)| (ds.node(b).id.clone(), path_below(&ds, ix, b, l), format::count(v, l))).collect();
                        let export_rows: Vec<Vec<String>> = rows.iter().enumerate().map(|(k, (_, p, v))| vec![(k + 1).to_string(), p.clone(), v.clone()]).collect();
                        let header = vec![tr(l, "序号", "Rank").to_string(), tr(l, "楼栋", "Building").to_string(), g.label(l).to_string()];
                        let file = format!("{}-{}.csv", tr(l, "走访清单", "where-to-go"), g.key());
                        view! {
                            <div class="wtg" data-group=g.key()>
                                <h4>{g.label(l)}</h4>
                                {if rows.is_empty() {
                                    view! { <p class="empty">{if sup {
                                        tr(l, "小数已隐藏：没有可公开显示的楼栋", "Small counts are hidden: no building to show")
                                    } else {
                                        tr(l, "此范围内没有该群体的人员", "No one of this group here")
                                    }}</p> }.into_any()
                                } else {
                                    view! {
                                        <ol>
                                            {rows.into_iter().map(|(id, p, v)| {
                                                let href = url.node_href(Some(&id));
                                                let shown = v.clone();
                                                view! { <li data-testid="where-row" data-node-id=id data-value=v><a href=href>{p}</a><b>{shown}</b></li> }
                                            }).collect_view()}
                                        </ol>
                                    }.into_any()
                                }}
                                <button type="button" class="export" data-testid="export-where-to-go"
                                    on:click=move |_| download(&file, &csv_bytes(&header, &export_rows))>
                                    {tr(l, "导出 CSV", "Export CSV")}
                                </button>
                            </div>
                        }
                    }).collect_view()
                }}
            </div>
        </section>
    }
}
