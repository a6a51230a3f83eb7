//! Non-fatal notices: bad URL parameters, an unknown node, a period the data lacks.

use crate::ctx::use_url;
use anju_data::format::Lang;
use anju_data::{Dataset, Period};
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

/// What a view says about its target: the URL named a place the data lacks, or a period
/// it lacks (each view then shows the root, or the latest period).
pub fn target_notices(ds: &Dataset, unknown_node: Option<&str>, asked: Option<Period>) -> Vec<(String, String)> {
    let mut v = Vec::new();
    if let Some(id) = unknown_node {
        let id = anju_data::text::clip(id, 60);
        v.push((
            format!("找不到编号为 {id} 的地区，已显示全部"),
            format!("No place with id {id}; showing the whole dataset"),
        ));
    }
    if let Some(p) = asked.filter(|&p| ds.period_ix(p).is_none()) {
        v.push((
            format!("数据中没有 {p} 期，已显示最新一期"),
            format!("The data has no period {p}; showing the latest"),
        ));
    }
    v
}
