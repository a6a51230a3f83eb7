//! Published or synthesised: every figure says which, with the source on hover.

use crate::i18n::tr;
use anju_data::format::Lang;
use anju_data::model::Claim;
use anju_data::{Dataset, Node};
use leptos::prelude::*;

/// The claim that `field` at this node and period is as published, if any.
pub fn claim<'a>(n: &'a Node, field: &str, period: &str) -> Option<&'a Claim> {
    n.published.iter().find(|c| c.period == period && c.fields.iter().any(|f| f == field))
}

/// The source as one line: title, publisher, date, and the claim's note.
pub fn source_line(ds: &Dataset, c: &Claim) -> String {
    let mut parts = Vec::new();
    if let Some(s) = ds.meta.sources.get(&c.source) {
        parts.push(s.title.clone());
        if !s.publisher.is_empty() {
            parts.push(s.publisher.clone());
        }
        if !s.date.is_empty() {
            parts.push(s.date.clone());
        }
    } else {
        parts.push(c.source.clone());
    }
    if !c.note.is_empty() {
        parts.push(c.note.clone());
    }
    parts.join(" · ")
}

/// A small mark: "公布" with its source on hover, or "合成".
#[component]
pub fn ProvenanceMark(published: Option<String>, lang: Lang) -> impl IntoView {
    match published {
        Some(source) => view! {
            <span class="prov prov-pub" data-provenance="published" title=format!("{}{}", tr(lang, "来源：", "Source: "), source) tabindex="0">
                {tr(lang, "公布", "published")}
            </span>
        }
        .into_any(),
        None => view! {
            <span class="prov prov-syn" data-provenance="synthesised" title=tr(lang, "合成的演示数字", "A synthesised demo figure")>
                {tr(lang, "合成", "synthesised")}
            </span>
        }
        .into_any(),
    }
}

/// True when no node of the loaded data cites a source.
pub fn all_synthesised(ds: &Dataset) -> bool {
    ds.meta.sources.is_empty() && ds.nodes.iter().all(|n| n.published.is_empty())
}
