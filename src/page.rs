//! The page around a view: a class on the root element while a view is up (the big
//! screen's and the deck's own ground), and full screen. Both are the outside world, so
//! they live here, once, for every view that needs them.

use leptos::prelude::*;

/// Puts `class` on the root element while the calling view is up.
pub fn root_class(class: &'static str) {
    if let Some(root) = document().document_element() {
        let _ = root.class_list().add_1(class);
    }
    on_cleanup(move || {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().remove_1(class);
        }
    });
}

/// Loads the page again (another build of the app draws the view its address names:
/// `crate::app::Views`), unless this address was loaded again for that reason just before,
/// which would be a loop: then `false`. Remembered for the tab's session.
pub fn reload_once() -> bool {
    let location = window().location();
    let href = location.href().unwrap_or_default();
    let storage = window().session_storage().ok().flatten();
    if storage.as_ref().and_then(|s| s.get_item(RELOADED_FOR).ok().flatten()).is_some_and(|h| h == href) {
        return false;
    }
    // Without storage to remember it by, no reload: it could not be told from a loop.
    match storage.map(|s| s.set_item(RELOADED_FOR, &href)) {
        Some(Ok(())) => location.reload().is_ok(),
        _ => false,
    }
}

/// The address `reload_once` loaded again, until a build draws a view.
const RELOADED_FOR: &str = "anju.reloaded-for";

/// A build draws the view its address names: a later reload of the same address (a link
/// followed again later in the same tab) is no loop.
pub fn view_drawn() {
    if let Some(s) = window().session_storage().ok().flatten() {
        let _ = s.remove_item(RELOADED_FOR);
    }
}

/// Enters full screen, or leaves it.
pub fn toggle_fullscreen() {
    let doc = document();
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
    } else if let Some(root) = doc.document_element() {
        let _ = root.request_fullscreen();
    }
}

/// Lets go of the keyboard focus before the view holding it is replaced. Focus is lost
/// with the view either way (the clicked row goes with it), but removing the focused
/// element makes the browser lay out the page at once, old view and new together: 11 of
/// the 12 ms that removing the old view took in a province drill.
pub fn release_focus() {
    use wasm_bindgen::JsCast;
    if let Some(el) = document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.blur();
    }
}

/// Starts fetching a place's missing shard when a link to it is pressed (a mouse or pen
/// button down; not a touch, which may be the start of a scroll):
/// the link itself, or a children-table row around it. The file is then on its way while
/// the click, the URL change and the old view's leaving are handled (a press comes about
/// a tenth of a second before its click). Not on click: the router has taken it by then,
/// and the view's own request is already made.
pub fn fetch_ahead_on_press(live: crate::data::Live) {
    use wasm_bindgen::JsCast;
    let pressed = move |ev: web_sys::PointerEvent| {
        // A touch that starts a scroll is a press too: on a phone's data, not worth a file.
        if ev.pointer_type() == "touch" {
            return;
        }
        let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let link = el.closest("a[href]").ok().flatten().or_else(|| {
            let row = el.closest("[data-testid=child-row]").ok().flatten()?;
            row.query_selector("a[href]").ok().flatten()
        });
        if let Some(a) = link.and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
            if a.origin() == window().location().origin().unwrap_or_default() {
                crate::data::fetch_ahead_for(live, &a.search());
            }
        }
    };
    let down = window_event_listener(leptos::ev::pointerdown, pressed);
    on_cleanup(move || down.remove());
}

/// The root element's `lang` follows the interface's language (screen readers, fonts),
/// and with `title` given, the document's title too.
pub fn follow_lang(lang: Memo<anju_data::format::Lang>, title: Option<(&'static str, &'static str)>) {
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("lang", crate::i18n::lang_tag(l));
        }
        if let Some((zh, en)) = title {
            document().set_title(crate::i18n::tr(l, zh, en));
        }
    });
}

/// While `busy` holds, leaving the page (a link, the language switch, a reload, closing
/// the tab) asks first: the work in hand would be lost.
pub fn ask_before_leaving(busy: Signal<bool>) {
    use wasm_bindgen::prelude::*;
    let ask = Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(|e: web_sys::BeforeUnloadEvent| {
        e.prevent_default();
        // Older browsers ask only when a return value is set.
        e.set_return_value("");
    });
    let ask = StoredValue::new_local(ask);
    Effect::new(move |_| {
        let handler = busy.get().then(|| ask.with_value(|a| a.as_ref().unchecked_ref::<js_sys::Function>().clone()));
        window().set_onbeforeunload(handler.as_ref());
    });
    on_cleanup(|| window().set_onbeforeunload(None));
}
