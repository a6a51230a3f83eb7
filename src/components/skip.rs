//! Skip links, the first stops of the Tab key: to the place's figures, and to the first
//! row of the children table, so that a drill from the top of the page takes a few key
//! presses rather than forty. Hidden until focused.

use crate::i18n::tr;
use crate::url::use_url;
use leptos::prelude::*;

/// Focuses the first element matching `selector` (the link follows its `href`, an
/// in-page anchor, only where that fails).
fn focus_first(ev: leptos::ev::MouseEvent, selector: &'static str) {
    use wasm_bindgen::JsCast;
    let found = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(e) = found {
        ev.prevent_default();
        let _ = e.focus();
        e.scroll_into_view();
    }
}

#[component]
pub fn SkipLinks(has_children: bool) -> impl IntoView {
    let lang = use_url().lang;
    view! {
        <nav class="skip-links" aria-label=move || tr(lang.get(), "跳转", "Skip links")>
            <a href="#main" data-testid="skip-main" on:click=|ev| focus_first(ev, "#main")>
                {move || tr(lang.get(), "跳到主要内容", "Skip to the figures")}
            </a>
            {has_children.then(|| view! {
                <a href="#children" data-testid="skip-children" on:click=|ev| focus_first(ev, "[data-testid=child-row] th a")>
                    {move || tr(lang.get(), "跳到下级列表", "Skip to the places below")}
                </a>
            })}
        </nav>
    }
}
