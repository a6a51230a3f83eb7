//! Published or synthesised: every figure says which, with the source on hover.

use crate::i18n::tr;
use crate::model::tiles::Published;
use anju_data::format::Lang;
use leptos::prelude::*;

/// A small mark: "公布" (or "2022年3月公布" where the source dates the figure otherwise)
/// with source, date and the source's words on hover; or "合成".
#[component]
pub fn ProvenanceMark(published: Option<Published>, lang: Lang) -> impl IntoView {
    match published {
        Some(p) => view! {
            <span class="prov prov-pub" data-provenance="published" title=p.hover tabindex="0">
                {p.mark}
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
