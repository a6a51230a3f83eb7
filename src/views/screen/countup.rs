//! A number that counts up to its value when it appears or changes. The view rebuilds it
//! with the value shown before (`from`), so a refresh counts from the old figure to the
//! new one; the final figure is in the tile's `data-value` at once.

use anju_data::disclosure::MARK;
use anju_data::format::{self, Lang};
use anju_data::view::live::tween;
use anju_data::view::measure::Measure;
use leptos::prelude::*;
use std::collections::HashMap;

const DURATION_MS: f64 = 1200.0;

/// How a counted number is written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// A count with its Chinese unit ("人", "户"; English has none).
    Count(&'static str),
    Rate,
    /// Whole yuan: the tile is read from across the room (the exact figure is in
    /// `data-value` and on the dashboard).
    Yuan,
}

pub fn write(kind: Kind, v: Option<f64>, lang: Lang) -> String {
    let Some(v) = v else { return "—".into() };
    match kind {
        Kind::Count(unit) => {
            let unit = if lang == Lang::Zh { unit } else { "" };
            format!("{}{unit}", format::count(v.round().max(0.0) as u64, lang))
        }
        Kind::Rate => Measure::EmploymentRate.format(Some(v), lang),
        Kind::Yuan => format::yuan_whole(v, lang),
    }
}

/// The figures last shown, by name: where the next count starts.
pub type Shown = StoredValue<HashMap<&'static str, f64>>;

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Steps `shown` each animation frame until done or the component is gone (the signal
/// is disposed). Progress comes from the clock, so a tab whose frames were paused lands
/// on the value as soon as it is visible again.
fn animate(shown: RwSignal<f64>, from: f64, to: f64, start: f64) {
    request_animation_frame(move || {
        let p = (now_ms() - start) / DURATION_MS;
        if shown.try_set(tween(from, to, p)).is_none() && p < 1.0 {
            animate(shown, from, to, start);
        }
    });
}

/// The figure `name` counting up to `to` from what `memory` last showed for it. A hidden
/// figure (public displays) shows the mark, is not counted through, and is forgotten, so
/// that no later count starts from it and flashes its digits.
pub fn count_up(
    memory: Shown,
    name: &'static str,
    to: Option<f64>,
    kind: Kind,
    lang: Lang,
    hidden: bool,
) -> impl IntoView {
    if hidden {
        memory.update_value(|m| {
            m.remove(name);
        });
        return MARK.into_any();
    }
    let Some(to) = to else { return write(kind, None, lang).into_any() };
    let from = memory.try_update_value(|m| m.insert(name, to)).flatten().unwrap_or(0.0);
    let still = from == to || reduced_motion();
    let shown = RwSignal::new(if still { to } else { from });
    if !still {
        animate(shown, from, to, now_ms());
    }
    view! { <span class="count-up">{move || write(kind, Some(shown.get()), lang)}</span> }.into_any()
}
