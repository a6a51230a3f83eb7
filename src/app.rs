//! The root: the router (the URL is the state), the data resource, and the view with its
//! loading and error states. While a view loads the previous one stays on screen; when
//! loading fails the error is shown above the last good view, which is kept.

use crate::api::LoadError;
use crate::components::dashboard::{Dashboard, Ready};
use crate::components::error::ErrorPanel;
use crate::components::present::Present;
use crate::components::screen::{Live, Screen};
use crate::ctx::UrlState;
use crate::data::{self, Cache, Target, DEFAULT_INDEX};
use crate::i18n::{lang_tag, tr};
use anju_data::format::Lang;
use anju_data::view::query::ViewMode;
use leptos::prelude::*;
use leptos_router::components::Router;

#[component]
pub fn App() -> impl IntoView {
    view! { <Router><Shell /></Router> }
}

#[component]
fn Shell() -> impl IntoView {
    let url = UrlState::provide();
    let lang = url.lang;
    let ready = RwSignal::new(false);
    provide_context(Ready(ready));
    let cache: Cache = StoredValue::new_local(None);
    let index_url = Memo::new(move |_| url.state.with(|s| s.data.clone()).unwrap_or_else(|| DEFAULT_INDEX.to_string()));
    let node = Memo::new(move |_| url.state.with(|s| s.node.clone()));
    let subtree = Memo::new(move |_| url.state.with(|s| s.needs_subtree()));
    let screen = Memo::new(move |_| url.state.with(|s| s.view == ViewMode::Screen));
    // The big screen's tour names places to load as well as the node.
    let tour =
        Memo::new(move |_| url.state.with(|s| if s.view == ViewMode::Screen { s.tour.clone() } else { Vec::new() }));
    // A refresh that brought new data bumps this: the view resolves again, from the cache.
    let revision = RwSignal::new(0u64);
    provide_context(Live { cache, revision, index_url });
    let target = LocalResource::new(move || {
        revision.track();
        data::resolve(cache, index_url.get(), node.get(), subtree.get(), tour.get())
    });
    let last_good = Memo::new(move |prev: Option<&Option<Target>>| match target.get() {
        Some(Ok(t)) => Some(t),
        _ => prev.cloned().flatten(),
    });
    let (pending, set_pending) = signal(false);
    // The page's language follows the view (screen readers, fonts).
    Effect::new(move |_| {
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("lang", lang_tag(lang.get()));
        }
    });
    let failed = Signal::derive(move || match target.get() {
        Some(Err(e)) => Some(e),
        _ => None,
    });
    let loaded = Loaded { target, last_good, failed, lang };
    view! {
        <main class="app">
            {move || if screen.get() { screen_mode(url, loaded) } else { page_mode(url, loaded, pending, set_pending) }}
            <Show when=move || ready.get()><span data-testid="app-ready" hidden=true></span></Show>
        </main>
    }
}

/// What the views are built from: the data resource, the last good view, the error.
#[derive(Clone, Copy)]
struct Loaded {
    target: LocalResource<Result<Target, LoadError>>,
    last_good: Memo<Option<Target>>,
    failed: Signal<Option<LoadError>>,
    lang: Memo<Lang>,
}

fn loading(lang: Memo<Lang>) -> impl IntoView {
    view! { <div class="loading" data-testid="loading" role="status">{move || tr(lang.get(), "正在加载数据…", "Loading data…")}</div> }
}

/// The big screen: built once, it follows the data, so the carousel, timers and counters
/// carry on through refreshes and drills. Before the first good view it shows loading,
/// or the error when there is nothing to keep.
fn screen_mode(url: UrlState, l: Loaded) -> AnyView {
    url.provide_for(|s| s.view == ViewMode::Screen);
    let has_good = Memo::new(move |_| l.last_good.with(Option::is_some));
    let before = move || match l.failed.get() {
        Some(e) => view! { <ErrorPanel err=e retry=move |_| l.target.refetch() /> }.into_any(),
        None => loading(l.lang).into_any(),
    };
    view! {
        {move || if has_good.get() {
            view! { <Screen target=l.last_good failed=l.failed /> }.into_any()
        } else {
            before.into_any()
        }}
    }
    .into_any()
}

/// The dashboard and the slides: the previous view stays while the next loads, and an
/// error shows above the last good view. They see the URL through their own scope, which
/// holds still while the page switches to the screen (see `provide_for`).
fn page_mode(url: UrlState, l: Loaded, pending: ReadSignal<bool>, set_pending: WriteSignal<bool>) -> AnyView {
    let page = url.provide_for(|s| s.view != ViewMode::Screen);
    // A memo, so that only a change of view mode rebuilds the view (not every filter).
    let present = Memo::new(move |_| page.state.with(|s| s.view == ViewMode::Present));
    let body = move || {
        // Read on every change, so the memo has seen each good view by the time an error
        // arrives (a memo nobody reads is never computed).
        let previous = l.last_good.get();
        // Every arm provides its own scope: a context from an earlier run of this closure
        // is already disposed.
        l.target.get().map(|r| match r {
            Ok(t) if present.get() => {
                page.provide_for(|s| s.view == ViewMode::Present);
                view! { <Present target=t /> }.into_any()
            }
            Ok(t) => {
                page.provide_for(|s| s.view == ViewMode::Dashboard);
                view! { <Dashboard target=t /> }.into_any()
            }
            Err(e) => {
                page.provide_for(|s| s.view != ViewMode::Screen);
                view! {
                    <ErrorPanel err=e retry=move |_| l.target.refetch() />
                    {previous.map(|t| view! { <Dashboard target=t /> })}
                }
                .into_any()
            }
        })
    };
    view! {
        <Show when=move || pending.get()>{move || loading(l.lang)}</Show>
        <Transition fallback=move || loading(l.lang) set_pending=set_pending>{body}</Transition>
    }
    .into_any()
}
