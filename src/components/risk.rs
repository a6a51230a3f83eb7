//! Risk and monitoring of one place: households by risk colour with their shares, and the
//! monitored households' rows ([`crate::model::slides::risk_rows`]). On a slide and on the
//! big screen.

use crate::model::slides::risk_rows;
use crate::theme;
use anju_data::domain::{Lang, Risk};
use anju_data::format;
use anju_data::{Dataset, Metric, NodeIx};
use leptos::prelude::*;

/// Drawn from plain values (no reactive parts): the caller redraws it whole.
pub fn risk_panel(ds: &Dataset, ix: NodeIx, t: usize, l: Lang, sup: bool) -> impl IntoView {
    let n = ds.node(ix);
    let hh = n.m.get(Metric::Households, t);
    view! {
        <ul class="legend big-legend">
            {Risk::ALL.iter().map(|&r| view! {
                <li><span class="swatch" style:background=theme::risk(r)></span>
                    {r.label(l)}
                    <b>{format::count_s(n.m.get(r.metric(), t), l, sup)}</b>
                    <span class="muted">{format!("（{}）", format::percent(n.m.get(r.metric(), t), hh))}</span></li>
            }).collect_view()}
        </ul>
        <table class="slide-table">
            <tbody>{risk_rows(ds, ix, t, l, sup).into_iter().map(|(k, v)| view! { <tr><th>{k}</th><td class="num">{v}</td></tr> }).collect_view()}</tbody>
        </table>
    }
}
