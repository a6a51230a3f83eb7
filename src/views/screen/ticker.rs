//! The alerts ticker: places below this one that break a threshold, most severe first,
//! scrolling along the foot of the screen.

use crate::data::Target;
use crate::i18n::{colon, tr};
use crate::model::alerts::{describe, path_below};
use crate::url::use_url;
use anju_data::disclosure::Shown;
use anju_data::view::staff::{alerts, Threshold};
use leptos::prelude::*;

/// Per threshold, the most severe few: the ticker is read in passing.
const PER_THRESHOLD: usize = 5;

#[component]
pub fn Ticker(#[prop(into)] target: Signal<Option<Target>>, #[prop(into)] period: Signal<usize>) -> impl IntoView {
    let url = use_url();
    let items = move || {
        let Target { ds, ix, .. } = target.get()?;
        let t = period.get();
        let (l, sup) = url.state.with(|s| (s.lang, s.suppress));
        let mut out = Vec::new();
        for th in Threshold::ALL {
            for (i, sev) in alerts(Shown::new(&ds, sup), ix, th, t).into_iter().take(PER_THRESHOLD) {
                let n = ds.node(i);
                out.push((
                    n.id.clone(),
                    url.node_href(Some(&n.id)),
                    format!("{}{}{}", path_below(&ds, ix, i, l), colon(l), describe(&ds, i, th, sev, t, l)),
                ));
            }
        }
        Some((out, l))
    };
    view! {
        <footer class="ticker" data-testid="ticker" aria-live="off">
            {move || items().map(|(list, l)| {
                let label = view! { <span class="ticker-label">{tr(l, "预警", "Alerts")}</span> };
                if list.is_empty() {
                    return view! { {label} <span class="ticker-calm">{tr(l, "下级地区均未触发预警", "No place below this one breaks a threshold")}</span> }.into_any();
                }
                // Twice over, so the loop scrolls on without a gap; the copy is hidden from
                // screen readers. The speed stays the same however long the list.
                let secs = 6 * list.len() + 10;
                let row = |copy: bool| {
                    list.iter().map(|(id, href, text)| view! {
                        <a class="ticker-item" href=href.clone() data-node-id=id.clone() data-testid=if copy { "ticker-copy" } else { "ticker-item" } tabindex=if copy { "-1" } else { "0" }>{"⚠ "}{text.clone()}</a>
                    }).collect_view()
                };
                view! {
                    {label}
                    <div class="ticker-window">
                        <div class="ticker-track" style:animation-duration=format!("{secs}s")>
                            <span>{row(false)}</span>
                            <span aria-hidden="true">{row(true)}</span>
                        </div>
                    </div>
                }.into_any()
            })}
        </footer>
    }
}
