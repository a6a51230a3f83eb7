//! `view=present`: one place as a deck for review meetings: a cover (`slide=0`, where a
//! deck opens) and seven slides. Every slide is rendered (so printing gives one per page)
//! and the URL's `slide=` picks the one shown; arrow keys, PageUp/PageDown (what clickers
//! send), Home and End move between them, F goes full screen. A slide fills the window
//! at 16:9 as the printed page does, scaled, so what fits in print fits on any screen.

mod slides;

use crate::charts::canvas::CanvasChart;
use crate::charts::map::{geo_path, MapChart};
use crate::components::notices::Notices;
use crate::components::risk::risk_panel;
use crate::data::Target;
use crate::i18n::{name, tr};
use crate::model::channels::channels_spec;
use crate::model::notices::deck_notices;
use crate::model::period;
use crate::model::ranking::ranking_spec;
use crate::model::slides::{cover, footer, ranking_title, titles, SLIDES};
use crate::model::spec::ChartSpec;
use crate::model::trend::{only_line, trend_spec};
use crate::url::{use_url, UrlState};
use anju_data::disclosure::Shown;
use anju_data::view::measure::Measure;
use anju_data::view::query::ViewState;
use anju_data::{Dataset, NodeIx};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use slides::{big_income, big_rate, comparison, groups, overview};
use std::sync::Arc;

/// Slides are drawn at this logical width and scaled by CSS.
const W: f64 = 1100.0;
/// Places the ranking slide shows before the others' bar.
const SLIDE_TOP: usize = 20;

fn chart(name: &'static str, title: String, spec: ChartSpec, first: &'static str, height: f64, width: f64) -> AnyView {
    view! { <CanvasChart name=name title=title spec=spec first_header=first.to_string() height=height fixed_width=width /> }
        .into_any()
}

#[component]
pub fn Present(target: Target) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    // What could not be shown as asked, said off the slides (never printed on them).
    let extra = {
        let target = target.clone();
        Signal::derive(move || {
            url.state.with(|s| {
                let mut v = target.notices(s.period);
                v.extend(deck_notices(&target.ds, s.compare, s.slide, SLIDES));
                v
            })
        })
    };
    let Target { ds, ix, .. } = target;
    let period = {
        let ds = ds.clone();
        Memo::new(move |_| url.state.with(|s| period::in_view(&ds, s)))
    };
    let compare = {
        let ds = ds.clone();
        Memo::new(move |_| url.state.with(|s| period::compared(&ds, s, period.get())))
    };
    let current = Memo::new(move |_| url.state.with(|s| s.slide).unwrap_or(0).min(SLIDES));
    let navigate = use_navigate();
    let go = move |k: u32| navigate(&url.href_with(|s| s.slide = Some(k.min(SLIDES))), Default::default());
    let keys = window_event_listener(leptos::ev::keydown, move |e| {
        let now = current.get_untracked();
        let next = match e.key().as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" | " " => now + 1,
            "ArrowLeft" | "ArrowUp" | "PageUp" => now.saturating_sub(1),
            "Home" => 0,
            "End" => SLIDES,
            // F alone: Ctrl/Cmd+F is the browser's find.
            "f" | "F" if !(e.ctrl_key() || e.meta_key() || e.alt_key()) => {
                crate::page::toggle_fullscreen();
                return;
            }
            _ => return,
        };
        e.prevent_default();
        go(next);
    });
    crate::page::root_class("present-mode");
    on_cleanup(move || keys.remove());
    crate::perf::begin_view();
    let prev_href = move || url.href_with(|s| s.slide = Some(current.get().saturating_sub(1)));
    let next_href = move || url.href_with(|s| s.slide = Some((current.get() + 1).min(SLIDES)));
    let back = move || {
        url.href_with(|s| {
            s.view = Default::default();
            s.slide = None;
        })
    };
    // One reactive closure renders the whole deck from plain values: far less code than
    // a closure per text (each is its own render effect in the wasm).
    let deck = move || url.state.with(|st| deck(url, &ds, ix, st, period.get(), compare.get(), current));
    let position = move || match current.get() {
        0 => tr(lang.get(), "封面", "Cover").to_string(),
        k => format!("{k} / {SLIDES}"),
    };
    view! {
        <div class="deck">
            <Notices extra=extra />
            {deck}
            // Outside the slide: moving, full screen, and the current slide's charts as
            // images (the charts' own buttons stay off the slide).
            <nav class="deck-bar" aria-label=move || tr(lang.get(), "幻灯片控制", "Slide controls")>
                <a data-testid="link-dashboard" href=back>{move || tr(lang.get(), "← 返回看板", "← Dashboard")}</a>
                <a href=prev_href aria-label=move || tr(lang.get(), "上一页", "Previous slide")>"‹"</a>
                <span data-testid="slide-position">{position}</span>
                <a href=next_href aria-label=move || tr(lang.get(), "下一页", "Next slide")>"›"</a>
                <button type="button" data-testid="fullscreen" on:click=|_| crate::page::toggle_fullscreen()>
                    {move || tr(lang.get(), "全屏（F）", "Full screen (F)")}
                </button>
                <button type="button" data-testid="slide-export-png" on:click=|_| export_current("png")>"PNG"</button>
                <button type="button" data-testid="slide-export-svg" on:click=|_| export_current("svg")>"SVG"</button>
                <span class="deck-hint">{move || tr(lang.get(), "方向键、PageUp/PageDown 翻页", "Arrow keys or PageUp/PageDown to move")}</span>
            </nav>
        </div>
    }
}

/// Exports each chart of the slide on show as `kind` ("png", "svg"), through the chart's
/// own export (stamped like every chart's).
fn export_current(kind: &str) {
    use wasm_bindgen::JsCast;
    let selector = format!(".slide.current [data-testid^=\"export-{kind}-\"]");
    let Some(list) = document().query_selector_all(&selector).ok() else { return };
    for i in 0..list.length() {
        if let Some(b) = list.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
            b.click();
        }
    }
}

/// The whole deck for one place, periods `t` and `c` (compared), from plain values; the
/// slide `current` is the one shown.
fn deck(
    url: UrlState,
    ds: &Arc<Dataset>,
    ix: NodeIx,
    st: &ViewState,
    t: usize,
    c: Option<usize>,
    current: Memo<u32>,
) -> impl IntoView {
    let is_leaf = ds.kids[ix].is_empty();
    let l = st.lang;
    let s = Shown::new(ds, st.suppress);
    let place = name(ds.node(ix), l);
    let titles = titles(l);
    let foot = footer(ds, t, l);
    let slide = |k: u32, body: AnyView| {
        view! {
            // The contract's `slide` hook is the current slide; the others are there for print.
            <section class="slide" class:current=move || current.get() == k
                data-testid=move || if current.get() == k { "slide" } else { "slide-other" } data-index=k>
                <header class="slide-head">
                    <h1>{titles[k as usize - 1]}</h1>
                    <span class="slide-place">{place.clone()}</span>
                    <span class="slide-no">{format!("{k} / {SLIDES}")}</span>
                </header>
                <div class="slide-body">{body}</div>
                <footer class="slide-foot">{foot.clone()}</footer>
            </section>
        }
    };
    let c0 = cover(ds, ix, t, l);
    let cover_slide = view! {
        <section class="slide cover" class:current=move || current.get() == 0
            data-testid=move || if current.get() == 0 { "slide" } else { "slide-other" } data-index=0>
            <div class="cover-body">
                <p class="cover-path">{c0.path}</p>
                <h1>{c0.place}</h1>
                <p class="cover-kind">{tr(l, "易地扶贫搬迁后续扶持工作汇报", "Relocation follow-up support: progress report")}</p>
                <p class="cover-when">{c0.period}" · "{c0.as_of}</p>
                <p class="cover-source">{c0.source}</p>
            </div>
        </section>
    };
    let trend = trend_spec(s, ix, l);
    let ranking = if is_leaf {
        view! { <p class="big-note">{tr(l, "楼栋没有下级地区。", "A building has no places below it.")}</p> }.into_any()
    } else {
        // Twenty rows and the others, 22 px each as drawn: names of 18 px and more when the
        // slide fills a 1080p screen, and the whole chart on a printed 16:9 page.
        let rows = ds.kids[ix].len().min(SLIDE_TOP + 1);
        let h = (rows as f64 * 22.0 + 42.0).clamp(160.0, 504.0);
        // Ranked by the measure the dashboard ranked by (`metric=`), employment by default.
        let m = st.metric.unwrap_or(Measure::EmploymentRate);
        let spec = ranking_spec(s, ix, m, t, l, |id| url.node_href(Some(id)), SLIDE_TOP);
        // The red line is there only where the place has a target.
        let has_target = matches!(&spec, ChartSpec::Bars { target: Some(_), .. });
        let top = (ds.kids[ix].len() > SLIDE_TOP).then_some(SLIDE_TOP);
        let title = ranking_title(m, l, top, has_target);
        match geo_path(ds, ix) {
            // The map beside the ranking: where the places are, and how they stand.
            Some(_) => view! {
                <div class="slide-row">
                    <MapChart place=Signal::stored(Some((ds.clone(), ix))) period=Signal::stored(t) measure=Signal::stored(m) height=440.0 fixed_width=W / 2.0 />
                    {chart("slide-ranking", title, spec, tr(l, "地区", "Place"), h, W / 2.0)}
                </div>
            }
            .into_any(),
            None => chart("slide-ranking", title, spec, tr(l, "地区", "Place"), h, W),
        }
    };
    view! {
        {cover_slide}
        {slide(1, overview(s, ix, t, l).into_any())}
        {slide(2, view! {
            {big_rate(s, ix, t, l)}
            <div class="slide-row">
                {chart("slide-channels", tr(l, "就业渠道", "Employment by channel").into(), channels_spec(s, ix, t, l), tr(l, "渠道", "Channel"), 300.0, W / 2.0)}
                {chart("slide-trend-rate", Measure::EmploymentRate.label(l), only_line(trend.clone(), 0), tr(l, "月份", "Month"), 300.0, W / 2.0)}
            </div>
        }.into_any())}
        {slide(3, view! {
            {big_income(s, ix, t, l)}
            {chart("slide-trend-income", Measure::IncomePerCapita.label(l), only_line(trend, 1), tr(l, "月份", "Month"), 300.0, W)}
        }.into_any())}
        {slide(4, groups(s, ix, t, l).into_any())}
        {slide(5, risk_panel(s, ix, t, l).into_any())}
        {slide(6, ranking)}
        {slide(7, comparison(s, ix, t, c, l))}
    }
}
