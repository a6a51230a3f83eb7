//! Non-fatal notices: bad URL parameters, and what the view adds ([`crate::model::notices`]).

use crate::url::use_url;
use anju_data::model::Text;
use leptos::prelude::*;

#[component]
pub fn Notices(#[prop(into)] extra: Signal<Vec<Text>>) -> impl IntoView {
    let url = use_url();
    let all = move || {
        let lang = url.lang.get();
        let mut out: Vec<String> = url.notices.with(|ns| ns.iter().map(|n| lang.pick(&n.zh, &n.en).clone()).collect());
        out.extend(extra.with(|ts| ts.iter().map(|t| t.get(lang).to_string()).collect::<Vec<_>>()));
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
