//! The root: the router (the URL is the state), the data resource, and one switch on the
//! view mode. While a view loads the previous one stays on screen (the first view shows
//! the dataset's header from the index while its shards load); when loading fails the
//! error is shown above the last good view, which is kept.

use crate::components::error::ErrorPanel;
use crate::components::header::{Header, HeaderFacts};
use crate::data::{self, Cache, Live, LoadError, Target};
use crate::i18n::tr;
use crate::perf::Ready;
use crate::url::{use_url, UrlState};
use anju_data::format::Lang;
use anju_data::view::query::ViewMode;
use anju_data::{Dataset, Node};
use leptos::prelude::*;
use leptos_router::components::Router;
use std::sync::Arc;

/// The views one build of the app draws. The dashboard is one build (`main.rs`), the big
/// screen and the slides another (`show.rs`), so that the dashboard's visitors never
/// download the other two's code (41 KB brotli, an eighth of the wasm). When the URL turns
/// to a view this build does not hold, the page loads again and its loader (`Trunk.toml`,
/// `pattern_script`) picks the build that does. The builds are `crate::views::DASHBOARD` and
/// `crate::views::SHOW`; a view left out is left out of the wasm too.
#[derive(Clone, Copy)]
pub struct Views {
    pub dashboard: Option<PlaceView>,
    pub present: Option<PageView>,
    pub screen: Option<ScreenView>,
}

/// A view built for one place (the slides): built again for the next.
pub type PageView = fn(Target) -> AnyView;
/// A view that stays from place to place (the dashboard): built once, it follows the place
/// on show, so a drill changes its figures, rows and charts in place instead of building
/// the page again.
pub type PlaceView = fn(Signal<Target>) -> AnyView;
/// The big screen, from the last good view and the failure of the latest load.
pub type ScreenView = fn(Signal<Option<Target>>, Signal<Option<LoadError>>) -> AnyView;

#[component]
pub fn App(views: Views) -> impl IntoView {
    view! { <Router><Shell views=views /></Router> }
}

#[component]
fn Shell(views: Views) -> impl IntoView {
    let url = UrlState::provide();
    let lang = url.lang;
    let ready = RwSignal::new(false);
    provide_context(Ready(ready));
    let cache: Cache = StoredValue::new_local(None);
    let index_url = Memo::new(move |_| url.state.with(|s| crate::data::index_url(s.data.as_deref())));
    let node = Memo::new(move |_| url.state.with(|s| s.node.clone()));
    let subtree = Memo::new(move |_| url.state.with(|s| s.needs_subtree()));
    let mode = Memo::new(move |_| url.state.with(|s| s.view));
    // The big screen's tour names places to load as well as the node.
    let tour =
        Memo::new(move |_| url.state.with(|s| if s.view == ViewMode::Screen { s.tour.clone() } else { Vec::new() }));
    // A refresh that brought new data bumps this: the view resolves again, from the cache.
    let revision = RwSignal::new(0u64);
    let live = Live { cache, revision, index_url };
    provide_context(live);
    crate::page::fetch_ahead_on_press(live);
    // What the header shows, from the index as soon as it is read (the first view's
    // header while its shards load), and the place asked for where the index has it.
    let first_index = RwSignal::new(None::<(HeaderFacts, Option<Node>)>);
    let target = LocalResource::new(move || {
        revision.track();
        let asked = node.get();
        let on_index = {
            let asked = asked.clone();
            move |ds: &Arc<Dataset>| {
                let place = asked.as_deref().and_then(|id| ds.find(id)).map(|ix| ds.node(ix).clone());
                first_index.set(Some((HeaderFacts::of(ds), place)));
            }
        };
        data::resolve(cache, index_url.get(), asked, subtree.get(), tour.get(), on_index)
    });
    let last_good = Memo::new(move |prev: Option<&Option<Target>>| match target.get() {
        Some(Ok(t)) => Some(t),
        _ => prev.cloned().flatten(),
    });
    let (pending, set_pending) = signal(false);
    // The page's language follows the view (screen readers, fonts); the palette is set
    // once, from the one place it is defined.
    set_palette();
    crate::page::follow_lang(lang, None);
    let failed = Signal::derive(move || match target.get() {
        Some(Err(e)) => Some(e),
        _ => None,
    });
    let loaded = Loaded { target, last_good, failed, lang, first_index };
    view! {
        <main class="app">
            {move || {
                // One switch on the view mode. Each mode's view is built when it is entered,
                // under its own scope of the URL (provided here, disposed with it), and
                // left whole when only the place or a filter changes.
                let m = mode.get();
                url.provide_for(move |s| s.view == m);
                // Each mode by name: a new one must say which build draws it.
                let drawn = match m {
                    ViewMode::Screen => views.screen.map(|screen| screen_mode(loaded, screen)),
                    ViewMode::Dashboard => views.dashboard.map(|page| place_mode(page, loaded, pending, set_pending)),
                    ViewMode::Present => views.present.map(|page| page_mode(m, page, loaded, pending, set_pending)),
                    // A page of its own (`import.rs`), with no dataset to load.
                    ViewMode::Import => None,
                };
                match drawn {
                    Some(view) => {
                        crate::page::view_drawn();
                        view
                    }
                    None => other_build(lang),
                }
            }}
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
    first_index: RwSignal<Option<(HeaderFacts, Option<Node>)>>,
}

fn loading(lang: Memo<Lang>) -> impl IntoView {
    view! { <div class="loading" data-testid="loading" role="status">{move || tr(lang.get(), "正在加载数据…", "Loading data…")}</div> }
}

/// The view the URL names is drawn by the other build of the app (`Views`): the page loads
/// again, and its loader picks that build. Said instead where this address was loaded
/// again already (the loader and this build read `view=` differently: never a loop).
pub fn other_build(lang: Memo<Lang>) -> AnyView {
    if crate::page::reload_once() {
        loading(lang).into_any()
    } else {
        let text = move || {
            tr(
                lang.get(),
                "此视图未能加载：请检查地址中的 view= 参数后重新打开。",
                "This view could not be loaded: check view= in the address and open it again.",
            )
        };
        view! { <div class="loading" data-testid="error" role="alert">{text}</div> }.into_any()
    }
}

/// The first view while its shards load: the dataset's header, drawn from the index as
/// soon as it is read, above a status naming the place. On a slow network (a phone in the field)
/// the page names its data at once instead of after the place's shard; the view then
/// draws the same header again, in the same place.
fn first_loading(l: Loaded) -> impl IntoView {
    let url = use_url();
    let lang = l.lang;
    move || match l.first_index.get() {
        None => loading(lang).into_any(),
        // The place is named where the index has it (a county does; a site is in its
        // county's shard).
        Some((facts, place)) => {
            let period = {
                let facts = facts.clone();
                Memo::new(move |_| url.state.with(|s| facts.in_view(s)))
            };
            let status = move || match (&place, lang.get()) {
                (Some(n), Lang::Zh) => format!("正在加载{}的数据…", crate::i18n::name(n, Lang::Zh)),
                (Some(n), Lang::En) => format!("Loading the data of {}…", crate::i18n::name(n, Lang::En)),
                (None, l) => tr(l, "正在加载数据…", "Loading data…").to_string(),
            };
            view! {
                <table class="print-frame" role="presentation">
                    <tbody class="print-body"><tr><td>
                        <Header facts=facts period=period />
                        <div class="loading first" data-testid="loading" role="status">{status}</div>
                    </td></tr></tbody>
                </table>
            }
            .into_any()
        }
    }
}

/// The colours of `crate::theme`, as the stylesheet's custom properties on the root. Set
/// through the CSS object model, which the page's content security policy allows.
pub fn set_palette() {
    use wasm_bindgen::JsCast;
    let Some(root) = document().document_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    for (prop, colour) in crate::theme::CSS_PROPERTIES {
        let _ = root.style().set_property(prop, colour);
    }
}

/// The big screen: built once, it follows the data, so the carousel, timers and counters
/// carry on through refreshes and drills. Before the first good view it shows loading,
/// or the error when there is nothing to keep.
fn screen_mode(l: Loaded, screen: ScreenView) -> AnyView {
    let has_good = Memo::new(move |_| l.last_good.with(Option::is_some));
    let before = move || match l.failed.get() {
        Some(e) => view! { <ErrorPanel err=e retry=move |_| l.target.refetch() /> }.into_any(),
        None => loading(l.lang).into_any(),
    };
    view! {
        {move || if has_good.get() {
            screen(l.last_good.into(), l.failed)
        } else {
            before.into_any()
        }}
    }
    .into_any()
}

/// The dashboard or the slides (`mode`, drawn by `page`): the previous view stays while
/// the next loads, and an error shows above the last good view.
fn page_mode(
    mode: ViewMode,
    page: PageView,
    l: Loaded,
    pending: ReadSignal<bool>,
    set_pending: WriteSignal<bool>,
) -> AnyView {
    let url = use_url();
    let body = move || {
        // Read on every change, so the memo has seen each good view by the time an error
        // arrives (a memo nobody reads is never computed).
        let previous = l.last_good.get();
        // The view below sees the URL held at its place while the next place loads. Made
        // here, in this closure's scope (renewed each run), not in the view's: a context a
        // component provides lands in the scope it is built in, which outlives it.
        url.provide_for_node();
        if l.target.with(Option::is_some) {
            crate::page::release_focus();
        }
        l.target.get().map(|r| match r {
            Ok(t) => page(t),
            Err(e) => view! {
                <ErrorPanel err=e retry=move |_| l.target.refetch() />
                {previous.map(page)}
            }
            .into_any(),
        })
    };
    view! {
        // The bar over the page while the next view loads; the first view's own status
        // says so until there is a view.
        <Show when=move || pending.get() && l.last_good.with(Option::is_some)>{move || loading(l.lang)}</Show>
        <Transition
            fallback=move || if mode == ViewMode::Present { loading(l.lang).into_any() } else { first_loading(l).into_any() }
            set_pending=set_pending
        >{body}</Transition>
    }
    .into_any()
}

/// The dashboard (`page`): built once there is a good view, it follows the last good one,
/// so the view on show holds still while the next place loads and changes in place when
/// it comes. The URL it sees holds at its place meanwhile (`UrlState::provide_for_shown`).
/// An error shows above it; the first view's status shows until there is one.
fn place_mode(page: PlaceView, l: Loaded, pending: ReadSignal<bool>, set_pending: WriteSignal<bool>) -> AnyView {
    // Focus does not stay on a link that will name another place (the page changes in
    // place): let go as soon as the URL names a new place, while the page is as it was.
    // Let go once the new place was on the page, the browser laid that page out at once,
    // inside the click's task, and again for the frame.
    let url = use_url();
    let asked = Memo::new(move |_| url.state.with(|s| s.node.clone()));
    Effect::new(move |seen: Option<()>| {
        // Read, not only tracked: a memo nobody reads is never computed.
        asked.with(|_| ());
        if seen.is_some() {
            crate::page::release_focus();
        }
    });
    let shown = Memo::new(move |_| l.last_good.with(|t| t.as_ref().map(|t| t.asked.clone())));
    url.provide_for_shown(shown);
    let has_good = Memo::new(move |_| l.last_good.with(Option::is_some));
    // Tracked by the transition: pending while a place loads, and its error if it fails.
    let status = move || {
        // Read on every change, so the memo has seen each good view by the time an error
        // arrives (a memo nobody reads is never computed).
        l.last_good.track();
        l.target.get().map(|r| r.err().map(|e| view! { <ErrorPanel err=e retry=move |_| l.target.refetch() /> }))
    };
    let view = move || {
        // Once: `last_good` keeps the last good view for ever after.
        let first = has_good.get().then(|| l.last_good.get_untracked()).flatten()?;
        let target = Memo::new(move |prev: Option<&Target>| {
            l.last_good.get().or_else(|| prev.cloned()).unwrap_or_else(|| first.clone())
        });
        Some(page(target.into()))
    };
    view! {
        <Show when=move || pending.get() && has_good.get()>{move || loading(l.lang)}</Show>
        <Transition fallback=move || first_loading(l).into_any() set_pending=set_pending>{status}</Transition>
        {view}
    }
    .into_any()
}
