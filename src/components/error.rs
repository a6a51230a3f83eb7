//! A data or network problem in plain words: which file, what is wrong (the validator's
//! words, located), and a retry button.

use crate::data::LoadError;
use crate::i18n::tr;
use crate::url::use_url;
use anju_data::format::Lang;
use leptos::prelude::*;

#[component]
pub fn ErrorPanel(err: LoadError, #[prop(into)] retry: Callback<()>) -> impl IntoView {
    let lang = use_url().lang;
    let file = err.url().to_string();
    let err2 = err.clone();
    let headline = move || match (&err2, lang.get()) {
        (LoadError::Network { .. }, l) => {
            tr(l, "网络错误：无法获取数据文件", "Network error: the data file could not be fetched").to_string()
        }
        (LoadError::Http { status, .. }, Lang::Zh) => format!("服务器返回错误 {status}：无法获取数据文件"),
        (LoadError::Http { status, .. }, Lang::En) => {
            format!("The server answered {status}: the data file could not be fetched")
        }
        (LoadError::Invalid { total, .. }, Lang::Zh) => format!("数据文件有 {total} 处问题，未予显示"),
        (LoadError::Invalid { total, .. }, Lang::En) => {
            format!("The data file has {total} problem(s) and was not shown")
        }
        (LoadError::Timeout { secs, .. }, Lang::Zh) => format!("服务器 {secs} 秒内没有回应：无法获取数据文件"),
        (LoadError::Timeout { secs, .. }, Lang::En) => format!("No answer from the server within {secs} s"),
        (LoadError::NotImported { name, .. }, Lang::Zh) => {
            format!("此浏览器中没有名为“{name}”的导入数据：可能已被删除，请在“导入台账”中重新导入")
        }
        (LoadError::NotImported { name, .. }, Lang::En) => {
            format!("No dataset “{name}” was imported in this browser: it may have been removed; import the registers again")
        }
    };
    let details = move || -> Vec<String> {
        let l = lang.get();
        match &err {
            LoadError::Invalid { problems, .. } => problems
                .iter()
                .take(12)
                .map(|p| format!("{} — {}", p.at, p.message(if l == Lang::En { "en" } else { "zh" })))
                .collect(),
            LoadError::Network { message, .. } => vec![message.clone()],
            LoadError::Http { .. } | LoadError::Timeout { .. } | LoadError::NotImported { .. } => vec![],
        }
    };
    view! {
        <section class="error" data-testid="error" role="alert">
            <h2>{headline}</h2>
            <p class="error-file">{move || tr(lang.get(), "文件：", "File: ")} <code>{file.clone()}</code></p>
            <ul class="error-details">{move || details().into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
            <button type="button" class="retry" on:click=move |_| retry.run(())>{move || tr(lang.get(), "重试", "Retry")}</button>
        </section>
    }
}
