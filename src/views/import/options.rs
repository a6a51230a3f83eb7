//! The choices a person makes where the registers are silent or open, as `anju
//! aggregate`'s flags make them (each field named by `anju_data::import::Choice`, which
//! the worker's messages name too), and reading again with them.

use super::Ctx;
use crate::i18n::tr;
use crate::url::use_url;
use anju_data::format::Lang;
use anju_data::import::Choice;
use leptos::prelude::*;

/// A field's label in the interface's language.
fn label(lang: Lang, c: Choice) -> &'static str {
    let (zh, en) = c.field();
    if lang == Lang::En {
        en
    } else {
        zh
    }
}

pub(super) fn options_view(cx: Ctx) -> impl IntoView {
    let lang = use_url().lang;
    let t = move |zh: &'static str, en: &'static str| tr(lang.get(), zh, en);
    let name = move |c: Choice| label(lang.get(), c);
    view! {
        <fieldset class="import-options">
            <legend>{move || t("表中缺少统计期或地点时，或需合并时", "When a sheet has no period or place, or files combine")}</legend>
            <label>
                <span>{move || name(Choice::Period)}</span>
                <input type="text" placeholder="2025-06" data-testid="import-period" prop:value=move || cx.period.get()
                    on:change=move |ev| cx.period.set(event_target_value(&ev)) />
            </label>
            <label>
                <span>{move || name(Choice::Place)}{move || t("（市/县/安置点，或只写安置点）", " (city/county/site, or the site alone)")}</span>
                <input type="text" placeholder="毕节市/织金县/平远新城安置点" data-testid="import-place" prop:value=move || cx.place.get()
                    on:change=move |ev| cx.place.set(event_target_value(&ev)) />
            </label>
            <label>
                <span>{move || name(Choice::Encoding)}</span>
                <select data-testid="import-encoding" on:change=move |ev| cx.encoding.set(event_target_value(&ev))>
                    <option value="auto" selected=true>{move || t("自动（UTF-8，否则 GBK）", "automatic (UTF-8, else GBK)")}</option>
                    <option value="utf-8">"UTF-8"</option>
                    <option value="gbk">"GBK"</option>
                </select>
            </label>
            <label class="import-aliases">
                <span>{move || name(Choice::Aliases)}{move || t("（每行：别名,标准名）", " (variant,canonical per line)")}</span>
                <textarea rows="2" placeholder="平远新城,平远新城安置点" data-testid="import-aliases" prop:value=move || cx.aliases.get()
                    on:change=move |ev| cx.aliases.set(event_target_value(&ev))></textarea>
            </label>
            <label class="import-check">
                <input type="checkbox" data-testid="import-allow-split" prop:checked=move || cx.allow_split.get()
                    on:change=move |ev| cx.allow_split.set(event_target_checked(&ev)) />
                <span>{move || name(Choice::AllowSplit)}</span>
            </label>
            <button type="button" data-testid="import-run" on:click=move |_| cx.run()
                disabled=move || cx.picked.with(|p| p.is_empty()) || cx.running.get()>
                {move || t("按以上选项重新读取", "Read again with these choices")}
            </button>
            <Show when=move || cx.running.get()>
                <button type="button" data-testid="import-cancel" on:click=move |_| cx.cancel()>{move || t("取消", "Cancel")}</button>
            </Show>
        </fieldset>
    }
}
