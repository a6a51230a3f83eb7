//! The URL is the state: parsed once (by `anju_data::view::query`, where each parameter
//! is defined) into memos every component reads from context, and the links built back
//! from it.

use anju_data::format::Lang;
use anju_data::view::query::{self, Notice, ViewState};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[derive(Clone, Copy)]
pub struct UrlState {
    pub state: Memo<ViewState>,
    pub notices: Memo<Vec<Notice>>,
    pub lang: Memo<Lang>,
    /// `suppress=1`: counts of 1 and 2, and what would give them away, hidden everywhere
    /// (`anju_data::disclosure` decides; `docs/disclosure.md`).
    pub suppress: Memo<bool>,
    pathname: Memo<String>,
}

impl UrlState {
    /// Parses the current location; call once, under the router.
    pub fn provide() -> UrlState {
        let loc = use_location();
        let parsed = Memo::new(move |_| query::parse(&loc.search.get()));
        let state = Memo::new(move |_| parsed.with(|p| p.0.clone()));
        let notices = Memo::new(move |_| parsed.with(|p| p.1.clone()));
        Self::provide_parts(state, notices, loc.pathname)
    }

    fn provide_parts(state: Memo<ViewState>, notices: Memo<Vec<Notice>>, pathname: Memo<String>) -> UrlState {
        let lang = Memo::new(move |_| state.with(|s| s.lang));
        let suppress = Memo::new(move |_| state.with(|s| s.suppress));
        let url = UrlState { state, notices, lang, suppress, pathname };
        provide_context(url);
        url
    }

    /// The URL as one view mode sees it, for the components below. While the page
    /// switches to another mode its state holds still, so the old view does not redraw
    /// itself for a state it will never show: its values are about to be disposed, and an
    /// effect that ran after them would read what is gone.
    pub fn provide_for(self, mine: impl Fn(&ViewState) -> bool + Clone + Send + Sync + 'static) -> UrlState {
        let outer = self;
        let mine_too = mine.clone();
        let state = Memo::new(move |prev: Option<&ViewState>| {
            let s = outer.state.get();
            match prev {
                Some(p) if !mine(&s) => p.clone(),
                _ => s,
            }
        });
        let notices = Memo::new(move |prev: Option<&Vec<Notice>>| {
            let n = outer.notices.get();
            match prev {
                Some(p) if !outer.state.with(|s| mine_too(s)) => p.clone(),
                _ => n,
            }
        });
        Self::provide_parts(state, notices, outer.pathname)
    }

    /// The URL as a view that stays from place to place sees it (the dashboard): it holds
    /// still while the URL names another place than `shown` (the `node=` of the place on
    /// show, `Some` once there is one), and follows again once that place is on show, so
    /// that the view's links and charts change with its place, not before it.
    pub fn provide_for_shown(self, shown: Memo<Option<Option<String>>>) -> UrlState {
        self.provide_for(move |s| shown.with(|n| n.as_ref().is_none_or(|n| *n == s.node)))
    }

    /// The URL as a view of one place sees it: it holds still once the URL names another
    /// place, while the next view loads (the old one is about to be replaced; redrawing
    /// its links, stamps and charts for a place it will never show held every drill up
    /// by about 50 ms before the next place's data was even asked for).
    pub fn provide_for_node(self) -> UrlState {
        let built_for = self.state.with_untracked(|s| s.node.clone());
        self.provide_for(move |s| s.node == built_for)
    }

    /// A link to `next`, on this same page (the app lives in one file of any folder).
    pub fn href(&self, next: &ViewState) -> String {
        let q = next.to_query();
        let path = self.pathname.get_untracked();
        if q.is_empty() {
            if path.is_empty() {
                "./".into()
            } else {
                path
            }
        } else {
            format!("{path}{q}")
        }
    }

    /// A link to the place `id` (the root for `None`) with everything else as it is: the
    /// one way every row, bar, crumb and ticker item links to a place. Reads the state
    /// untracked; a caller that must follow it tracks it itself.
    pub fn node_href(&self, id: Option<&str>) -> String {
        self.href(&self.state.with_untracked(|s| s.at_node(id)))
    }

    /// A link to this view with a change applied.
    pub fn href_with(&self, change: impl FnOnce(&mut ViewState)) -> String {
        let mut next = self.state.get_untracked();
        change(&mut next);
        self.href(&next)
    }

    /// [`UrlState::href_with`], following the URL: a reactive closure that builds it runs
    /// again when the URL changes. For the links of a view that stays from place to place
    /// (the dashboard), which must name the place and filters on show.
    pub fn link_with(&self, change: impl FnOnce(&mut ViewState)) -> String {
        self.state.track();
        self.href_with(change)
    }

    /// [`UrlState::node_href`], following the URL (as [`UrlState::link_with`]).
    pub fn link_to(&self, id: Option<&str>) -> String {
        self.state.track();
        self.node_href(id)
    }
}

pub fn use_url() -> UrlState {
    expect_context::<UrlState>()
}
