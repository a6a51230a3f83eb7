//! The children as a sortable table ([`crate::model::table`] builds it); a click on a
//! row drills down. The CSV export holds the same rows.

use crate::data::Place;
use crate::export::{csv_bytes, download};
use crate::i18n::{level, tr};
use crate::model::table::{filter_note, next_sort, pager_text, sort_marks, table_model, table_sheet, DEFAULT_SORT};
use crate::url::{use_url, UrlState};
use anju_data::view::measure::Measure;
use anju_data::view::page::{page, Page, PAGE_SIZE};
use anju_data::view::query::{Sort, ViewState};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// A column header: a link that sorts by it.
fn sort_header(url: UrlState, current: Sort, col: Option<Measure>, label: String) -> impl IntoView {
    let next = next_sort(current, col);
    let href = url.link_with(|s| {
        s.sort = Some(next);
        s.page = None;
    });
    let (arrow, aria) = sort_marks(current, col);
    view! { <th scope="col" aria-sort=aria><a href=href>{label}{arrow}</a></th> }
}

/// Previous, where we are, next; only when there is more than one page.
fn pager(url: UrlState, p: Page, total: usize) -> Option<impl IntoView> {
    (p.pages > 1).then(|| {
        let l = url.lang.get();
        let to = move |n: usize| url.link_with(|s| s.page = (n > 1).then_some(n as u32));
        let prev = (p.number > 1).then(|| view! { <a data-testid="page-prev" rel="prev" href=to(p.number - 1)>{tr(l, "‹ 上一页", "‹ Previous")}</a> });
        let next = (p.number < p.pages).then(|| view! { <a data-testid="page-next" rel="next" href=to(p.number + 1)>{tr(l, "下一页 ›", "Next ›")}</a> });
        view! { <nav class="pager" aria-label=tr(l, "表格分页", "Table pages") data-testid="table-pager" data-page=p.number data-pages=p.pages>{prev}<span>{pager_text(&p, total, l)}</span>{next}</nav> }
    })
}

/// One child: its name a real link, and a click anywhere else in the row follows it too.
fn row(
    url: UrlState,
    navigate: impl Fn(&str, NavigateOptions) + 'static,
    id: String,
    cells: Vec<String>,
) -> impl IntoView {
    let href = url.link_to(Some(&id));
    let go = href.clone();
    let mut cells = cells.into_iter();
    let first = cells.next().unwrap_or_default();
    view! {
        <tr data-testid="child-row" data-node-id=id class="clickable"
            on:click=move |ev: web_sys::MouseEvent| {
                crate::perf::drill_start();
                let on_link = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()).is_some_and(|e| e.closest("a").ok().flatten().is_some());
                if !on_link { navigate(&go, Default::default()); }
            }>
            <th scope="row"><a href=href>{first}</a></th>
            {cells.map(|c| view! { <td class="num">{c}</td> }).collect_view()}
        </tr>
    }
}

#[component]
pub fn ChildrenTable(#[prop(into)] place: Signal<Place>, #[prop(into)] period: Signal<usize>) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let sort = Memo::new(move |_| url.state.with(|s| s.sort).unwrap_or(DEFAULT_SORT));
    // The rows do not depend on the page: turning one must not sort and format them again.
    let table_state = Memo::new(move |_| url.state.with(|s| ViewState { page: None, ..s.clone() }));
    let model = Memo::new(move |_| {
        let t = period.get();
        place.with(|p| table_state.with(|s| table_model(&p.ds, p.ix, t, s)))
    });
    // A thousand rows would make the page slow and long: a hundred at a time.
    let shown = Memo::new(move |_| page(model.with(|m| m.rows.len()), url.state.with(|s| s.page), PAGE_SIZE));
    let navigate = use_navigate();
    let first_level = Memo::new(move |_| place.with(|p| p.ds.kids[p.ix].first().map(|&c| p.ds.node(c).level)));
    let export = move |_| {
        let (sheet, node_name) = place.with_untracked(|p| {
            let sheet = url.state.with_untracked(|s| table_sheet(&p.ds, p.ix, period.get_untracked(), s));
            (sheet, p.ds.node(p.ix).name.clone())
        });
        download(&format!("{node_name}-{}.csv", tr(lang.get_untracked(), "下级", "children")), &csv_bytes(&sheet));
    };
    view! {
        <section class="children" id="children">
            <div class="section-head">
                <h3>{move || match first_level.get() {
                    Some(l) => format!("{}{}", tr(lang.get(), "下级", "Below: "), level(l, lang.get())),
                    None => tr(lang.get(), "没有下级", "Nothing below").to_string(),
                }}</h3>
                <button type="button" class="export" data-testid="export-table" on:click=export>{move || tr(lang.get(), "导出 CSV", "Export CSV")}</button>
            </div>
            {move || {
                let listed = model.with(|m| m.rows.len());
                place.with(|p| url.state.with(|s| filter_note(&p.ds, p.ix, listed, s))).map(|n| view! { <p class="filter-note" data-testid="table-filter-note">{n}</p> })
            }}
            <div class="table-scroll">
                <table class="data-table">
                    <thead><tr>{move || { let current = sort.get(); model.get().columns.into_iter().map(|(m, l)| sort_header(url, current, m, l)).collect_view() }}</tr></thead>
                    <tbody>
                        {move || { let p = shown.get(); model.with(|m| m.rows[p.start..p.end].to_vec()).into_iter().map(|(id, cells)| row(url, navigate.clone(), id, cells)).collect_view() }}
                    </tbody>
                </table>
            </div>
            {move || pager(url, shown.get(), model.with(|m| m.rows.len()))}
            {move || url.suppress.get().then(|| view! { <p class="muted table-note">{tr(lang.get(),
                "* 已隐藏：小于3的数，以及可推算出它们的数（为保护个人信息）",
                "* hidden: counts under 3, and figures that would give them away (to protect people)")}</p> })}
        </section>
    }
}
