//! Published, synthesised or counted from registers: every figure says which, with the
//! source on hover.

use crate::i18n::tr;
use crate::model::tiles::Published;
use anju_data::format::Lang;
use anju_data::model::Basis;
use leptos::prelude::*;

/// A small mark: "公布" (or "2022年3月公布" where the source dates the figure otherwise)
/// with source, date and the source's words on hover; else "合成", or "台账" for a dataset
/// counted from household registers (`anju_data::model::Basis`).
#[component]
pub fn ProvenanceMark(published: Option<Published>, basis: Basis, lang: Lang) -> impl IntoView {
    match published {
        Some(p) => view! {
            <span class="prov prov-pub" data-provenance="published" title=p.hover tabindex="0">
                {p.mark}
            </span>
        }
        .into_any(),
        None if basis == Basis::Registers => view! {
            <span class="prov prov-reg" data-provenance="registers" title=tr(lang, "由户级台账汇总", "Counted from household registers")>
                {tr(lang, "台账", "registers")}
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
