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

/// Enters full screen, or leaves it.
pub fn toggle_fullscreen() {
    let doc = document();
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
    } else if let Some(root) = doc.document_element() {
        let _ = root.request_fullscreen();
    }
}
