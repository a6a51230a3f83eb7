//! Where to go: the buildings under this place with the most people of each selected
//! group, or the most households of each selected risk colour, side by side (groups
//! overlap, so they are never merged), each with its path and a link. Exports as CSV.

use crate::data::Place;
use crate::export::{csv_bytes, download};
use crate::i18n::tr;
use crate::model::alerts::path_below;
use crate::model::staff::{where_sheet, Pick};
use crate::url::use_url;
use anju_data::disclosure::Shown;
use anju_data::format;
use anju_data::view::staff::top_buildings;
use anju_data::NodeIx;
use leptos::prelude::*;

pub const TOP: usize = 20;

#[component]
pub fn WhereToGo(#[prop(into)] place: Signal<Place>, #[prop(into)] period: Signal<usize>) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let picks = Memo::new(move |_| url.state.with(Pick::selected));
    let lists = Memo::new(move |_| {
        place.with(|pl| {
            let (t, s) = (period.get(), Shown::new(&pl.ds, url.suppress.get()));
            let _timed = crate::perf::Timed::start("anju-where-to-go");
            picks.get().into_iter().map(|p| (p, top_buildings(s, pl.ix, p.metric(), t, TOP))).collect::<Vec<_>>()
        })
    });
    let title = move || {
        let l = lang.get();
        match picks.with(|p| p.iter().any(|p| matches!(p, Pick::Risk(_)))) {
            true => tr(
                l,
                "走访去哪里：所选群体人数、风险户数最多的楼栋（前20）",
                "Where to go: the buildings with the most people of each group or households of each colour (top 20)",
            ),
            false => tr(
                l,
                "走访去哪里：各群体人数最多的楼栋（前20）",
                "Where to go: the buildings with the most people in each group (top 20)",
            ),
        }
    };
    view! {
        <section class="where-to-go" data-testid="where-to-go">
            <h3>{title}</h3>
            <div class="wtg-lists">
                {move || {
                    let (l, sup) = (lang.get(), url.suppress.get());
                    let Place { ds, ix } = place.get();
                    lists.get().into_iter().map(|(p, list): (Pick, Vec<(NodeIx, u64)>)| {
                        let ds = ds.clone();
                        // The sheet is built when asked for, not with every redraw.
                        let export = {
                            let (ds, list, file) = (ds.clone(), list.clone(), p.file(l));
                            move |_| download(&file, &csv_bytes(&where_sheet(&ds, ix, p, &list, l)))
                        };
                        let (group, risk) = match p {
                            Pick::Group(g) => (Some(g.key()), None),
                            Pick::Risk(r) => (None, Some(r.key())),
                        };
                        let rows = list.iter().map(|&(b, v)| {
                            let id = ds.node(b).id.clone();
                            let href = url.link_to(Some(&id));
                            view! { <li data-testid="where-row" data-node-id=id data-value=v.to_string()><a href=href>{path_below(&ds, ix, b, l)}</a><b>{format::count(v, l)}</b></li> }
                        }).collect_view();
                        let empty = list.is_empty().then(|| view! { <p class="empty">{if sup {
                            tr(l, "小数已隐藏：没有可公开显示的楼栋", "Small counts are hidden: no building to show")
                        } else {
                            tr(l, "此范围内没有", "None here")
                        }}</p> });
                        view! {
                            <div class="wtg" data-group=group data-risk=risk>
                                <h4>{p.label(l)}</h4>
                                {empty}
                                <ol>{rows}</ol>
                                <button type="button" class="export" data-testid="export-where-to-go"
                                    on:click=export>
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
