//! Risk and monitoring of one place: households by risk colour with their shares, and the
//! monitored households' rows ([`crate::model::slides::risk_rows`]). On a slide and on the
//! big screen.

use crate::i18n::paren;
use crate::model::slides::risk_rows;
use crate::theme;
use anju_data::disclosure::Shown;
use anju_data::domain::{Lang, Risk};
use anju_data::{Metric, NodeIx};
use leptos::prelude::*;

/// Drawn from plain values (no reactive parts): the caller redraws it whole.
pub fn risk_panel(s: Shown, ix: NodeIx, t: usize, l: Lang) -> impl IntoView {
    let hh = Metric::Households;
    view! {
        <ul class="legend big-legend">
            {Risk::ALL.iter().map(|&r| view! {
                <li><span class="swatch" style:background=theme::risk(r)></span>
                    {r.label(l)}
                    <b>{s.count_text(ix, r.metric(), t, l)}</b>
                    <span class="muted">{paren(l, &s.percent_text(ix, r.metric(), hh, t))}</span></li>
            }).collect_view()}
        </ul>
        <table class="slide-table">
            <tbody>{risk_rows(s, ix, t, l).into_iter().map(|(k, v)| view! { <tr><th>{k}</th><td class="num">{v}</td></tr> }).collect_view()}</tbody>
        </table>
    }
}
