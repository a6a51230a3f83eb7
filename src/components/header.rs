//! Title, as-of date, period, language, and where the numbers come from.

use crate::i18n::{other_lang, text, tr};
use crate::model::stamp::all_synthesised;
use crate::url::use_url;
use anju_data::format::Lang;
use anju_data::model::Meta;
use anju_data::view::query::{ViewMode, ViewState};
use anju_data::{Dataset, Period};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// What the header shows of a dataset. All of it is in the index, so the first view can
/// draw the header before any shard has arrived, without holding the dataset.
#[derive(Clone, PartialEq)]
pub struct HeaderFacts {
    pub meta: Meta,
    /// No figure cites a source (of the nodes loaded when taken).
    pub synthetic_only: bool,
    pub periods: Vec<Period>,
    pub period_keys: Vec<String>,
}

impl HeaderFacts {
    pub fn of(ds: &Dataset) -> HeaderFacts {
        HeaderFacts {
            meta: ds.meta.clone(),
            synthetic_only: all_synthesised(ds),
            periods: ds.periods.clone(),
            period_keys: ds.period_keys.clone(),
        }
    }
    /// The period in view (as [`crate::model::period::in_view`]).
    pub fn in_view(&self, st: &ViewState) -> usize {
        anju_data::dataset::period_or_latest(&self.periods, st.period)
    }
}

#[component]
pub fn Header(facts: HeaderFacts, #[prop(into)] period: Signal<usize>) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let HeaderFacts { meta, synthetic_only, period_keys, .. } = facts;
    let title = {
        let t = meta.title.clone();
        move || text(&t, lang.get()).to_string()
    };
    let as_of = meta.as_of.clone();
    let provenance = {
        let p = meta.provenance.clone();
        move || text(&p, lang.get()).to_string()
    };
    let periods = period_keys.clone();
    let latest = periods.len().saturating_sub(1);
    let navigate = use_navigate();
    let on_period = move |ev: leptos::ev::Event| {
        let i: usize = event_target_value(&ev).parse().unwrap_or(latest);
        let p = if i == latest { None } else { anju_data::Period::parse(&periods[i.min(latest)]) };
        navigate(&url.href_with(|s| s.period = p), Default::default());
    };
    // The links follow the URL: the header stays from place to place.
    let other_lang = move || {
        let (other, label) = other_lang(lang.get());
        (url.link_with(|s| s.lang = other), label)
    };
    // The place in view, with its filters and period, on the big screen or as slides
    // (each links back the same way).
    let to_screen = move || {
        url.link_with(|s| {
            s.view = ViewMode::Screen;
            s.page = None;
        })
    };
    let to_present = move || {
        url.link_with(|s| {
            s.view = ViewMode::Present;
            s.slide = None;
            s.page = None;
        })
    };
    // Registers read in this browser (its own page; the place and filters come back with
    // its link to the dashboard).
    let to_import = move || url.link_with(|s| s.view = ViewMode::Import);
    view! {
        <header class="top">
            <div class="top-title">
                <h1 class="title">{title}</h1>
                <span class="as-of" data-testid="as-of" data-value=as_of.clone()>
                    {move || tr(lang.get(), "数据截至 ", "Data as of ")} {as_of.clone()}
                </span>
            </div>
            <div class="top-controls">
                <label class="period">
                    <span>{move || tr(lang.get(), "统计期", "Period")}</span>
                    <select on:change=on_period aria-label=move || tr(lang.get(), "统计期", "Period")>
                        {period_keys.iter().enumerate().rev().map(|(i, p)| {
                            view! { <option value=i.to_string() selected=move || period.get() == i>{p.clone()}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <nav class="view-links" aria-label=move || tr(lang.get(), "其他视图", "Other views")>
                    <a data-testid="link-screen" href=to_screen>{move || tr(lang.get(), "大屏", "Big screen")}</a>
                    <a data-testid="link-present" href=to_present>{move || tr(lang.get(), "汇报", "Slides")}</a>
                    <a data-testid="link-import" href=to_import>{move || tr(lang.get(), "导入台账", "Import registers")}</a>
                </nav>
                <a class="lang-switch" href=move || other_lang().0 hreflang=move || if lang.get() == Lang::En { "zh-CN" } else { "en" }>
                    {move || other_lang().1}
                </a>
            </div>
        </header>
        {synthetic_only.then(|| view! {
            <p class="banner-synthetic" role="note">{move || tr(lang.get(), "本数据集全部为合成数据，不代表任何真实地区。", "Every figure in this dataset is synthesised; it describes no real place.")}</p>
        })}
        <details class="provenance-note">
            <summary>{move || tr(lang.get(), "数据来源说明", "About these figures")}</summary>
            <p>{provenance}</p>
        </details>
    }
}
