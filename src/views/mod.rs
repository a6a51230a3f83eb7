//! The three views, one per `view=` mode, and the two builds that hold them. Each composes components, charts and models and
//! never imports a sibling (a test holds the line): what two views share is a component
//! or a model.

pub mod dashboard;
pub mod import;
pub mod present;
pub mod screen;

use crate::app::Views;
use crate::data::{LoadError, Target};
use leptos::prelude::*;

/// The dashboard's build (`main.rs`).
pub const DASHBOARD: Views = Views { dashboard: Some(dashboard), present: None, screen: None };

/// The big screen's and the slides' build (`show.rs`): a leader's wall and a presenter's
/// deck, opened from the dashboard's links.
pub const SHOW: Views = Views { dashboard: None, present: Some(present), screen: Some(screen) };

fn dashboard(target: Signal<Target>) -> AnyView {
    view! { <dashboard::Dashboard target=target /> }.into_any()
}

fn present(target: Target) -> AnyView {
    view! { <present::Present target=target /> }.into_any()
}

fn screen(target: Signal<Option<Target>>, failed: Signal<Option<LoadError>>) -> AnyView {
    view! { <screen::Screen target=target failed=failed /> }.into_any()
}

/// The import view's page (`import.rs`): a page of its own, with no dataset to load. A
/// URL naming another view loads the page again for that view's build.
pub fn import_page() -> impl IntoView {
    use anju_data::view::query::ViewMode;
    #[component]
    fn ImportShell() -> impl IntoView {
        let url = crate::url::UrlState::provide();
        // Redrawn only when the view changes: the language switch keeps the files picked,
        // the run and its choices.
        let here = Memo::new(move |_| url.state.with(|s| s.view) == ViewMode::Import);
        move || {
            if here.get() {
                crate::page::view_drawn();
                view! { <import::Import /> }.into_any()
            } else {
                crate::app::other_build(url.lang).into_any()
            }
        }
    }
    crate::app::set_palette();
    view! { <leptos_router::components::Router><ImportShell /></leptos_router::components::Router> }
}
