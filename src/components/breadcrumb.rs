//! The path from the root, each step a link.

use crate::data::Place;
use crate::i18n::{name, tr};
use crate::url::use_url;
use leptos::prelude::*;

#[component]
pub fn Breadcrumb(#[prop(into)] place: Signal<Place>) -> impl IntoView {
    let url = use_url();
    view! {
        <nav class="breadcrumb" data-testid="breadcrumb" aria-label=move || tr(url.lang.get(), "层级路径", "Path")>
            <ol>
                {move || place.with(|Place { ds, ix }| {
                let (ix, root) = (*ix, ds.root);
                ds.path(ix).into_iter().map(|i| {
                    let ds = ds.clone();
                    let n = ds.node(i);
                    let id = n.id.clone();
                    let is_current = i == ix;
                    let target = if i == root { None } else { Some(id.clone()) };
                    // Followed: a crumb keeps the filters as they change.
                    let href = move || url.link_to(target.as_deref());
                    let label = move || name(ds.node(i), url.lang.get());
                    view! {
                        <li>
                            <a data-testid="crumb" data-node-id=id href=href
                               aria-current=if is_current { Some("page") } else { None }
                               on:click=|_| crate::perf::drill_start()>{label}</a>
                        </li>
                    }
                }).collect_view()
                })}
            </ol>
        </nav>
    }
}
