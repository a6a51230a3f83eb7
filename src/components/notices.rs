//! Non-fatal notices: bad URL parameters, an unknown node, a period the data lacks.

use crate::ctx::use_url;
use anju_data::format::Lang;
use leptos::prelude::*;

#[component]
pub fn Notices(#[prop(into)] extra: Signal<Vec<(String, String)>>) -> impl IntoView {
    let url = use_url();
    let all = move || {
        let lang = url.lang.get();
        let mut out: Vec<String> =
            url.notices.get().into_iter().map(|n| if lang == Lang::En { n.en } else { n.zh }).collect();
        out.extend(extra.get().into_iter().map(|(zh, en)| if lang == Lang::En { en } else { zh }));
        out
    };
    view! {
        <Show when=move || !all().is_empty()>
            <div class="notices" role="status">
                {move || all().into_iter().map(|n| view! { <p class="notice" data-testid="notice">{n}</p> }).collect_view()}
            </div>
        </Show>
    }
}
