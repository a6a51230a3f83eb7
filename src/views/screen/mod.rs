//! `view=screen`: the big screen for command centres and meeting rooms. Designed at
//! 1920×1080, scaled to fit any wall by the smaller ratio and centred, on a dark theme.
//! Across the top, the node's own figures; then the ranking board of the places below,
//! one place at a time in detail (the carousel), and an alerts ticker along the foot.
//! The data refreshes itself; failures keep the last good data and say so.

mod board;
mod carousel;
mod clock;
mod countup;
mod panels;
mod refresh;
mod ticker;

use crate::charts::canvas::CanvasChart;
use crate::components::notices::Notices;
use crate::data::{LoadError, Target};
use crate::i18n::tr;
use crate::model::notices::{future_as_of, target_notices, tour_missing, view_failed};
use crate::model::period;
use crate::model::screen::carousel_items;
use crate::url::use_url;
use anju_data::view::live::fit_scale;
use board::Board;
use carousel::Carousel;
use leptos::html;
use leptos::prelude::*;
use leptos_use_element_size::use_element_size;
use panels::{Focus, Stage};
use refresh::use_live_refresh;
use ticker::Ticker;

pub const DESIGN_W: f64 = 1920.0;
pub const DESIGN_H: f64 = 1080.0;
/// Width of the detail panel's charts at the design size.
const CHART_W: f64 = 560.0;
/// Chart type and lines drawn larger than on the dashboard.
const ZOOM: f64 = 1.35;

const DEFAULT_INTERVAL_MS: u32 = 20_000;
const DEFAULT_REFRESH_MS: u32 = 300_000;

/// Fits the 1920×1080 design to the viewport `viewport` by the smaller ratio, centred:
/// the scale, and the stage's transform.
fn fit(viewport: NodeRef<html::Div>) -> (Memo<f64>, Signal<String>) {
    let size = use_element_size(viewport);
    let scale = Memo::new(move |_| fit_scale(size.width.get(), size.height.get(), DESIGN_W, DESIGN_H));
    let style = Signal::derive(move || {
        let s = scale.get();
        let (w, h) = (size.width.get(), size.height.get());
        format!(
            "translate({:.2}px,{:.2}px) scale({s:.5})",
            ((w - DESIGN_W * s) / 2.0).max(0.0),
            ((h - DESIGN_H * s) / 2.0).max(0.0)
        )
    });
    (scale, style)
}

/// Marks the page as the big screen (no scrollbars, the dark ground) while it is up.
fn screen_mode_class() {
    if let Some(root) = document().document_element() {
        let _ = root.class_list().add_1("screen-mode");
    }
    on_cleanup(|| {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().remove_1("screen-mode");
        }
    });
}

#[component]
pub fn Screen(
    /// The last good view; `None` only before the first one arrives.
    #[prop(into)]
    target: Signal<Option<Target>>,
    /// Loading the view asked for failed (a drill on the screen): said, not shown instead.
    #[prop(into)]
    failed: Signal<Option<LoadError>>,
) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let kiosk = Memo::new(move |_| url.state.with(|s| s.kiosk));
    let interval_ms = Memo::new(move |_| url.state.with(|s| s.interval_ms).unwrap_or(DEFAULT_INTERVAL_MS));
    let refresh_ms = Memo::new(move |_| url.state.with(|s| s.refresh_ms).unwrap_or(DEFAULT_REFRESH_MS));
    let tour = Memo::new(move |_| url.state.with(|s| s.tour.clone()));
    let period = Memo::new(move |_| {
        target.with(|t| t.as_ref().map(|t| url.state.with(|s| period::in_view(&t.ds, s))).unwrap_or(0))
    });
    let items = Memo::new(move |_| {
        target.with(|t| t.as_ref().map(|t| carousel_items(&t.ds, t.ix, &tour.get())).unwrap_or_default())
    });
    let key = Memo::new(move |_| {
        let node = target.with(|t| t.as_ref().map(|t| t.ds.node(t.ix).id.clone()).unwrap_or_default());
        format!("{node}|{}", tour.get().join(","))
    });
    let len = Memo::new(move |_| items.with(|i| i.0.len()));
    let carousel = Carousel::new(key, len, interval_ms);
    let focus = Memo::new(move |_| items.with(|i| i.0.get(carousel.at.get()).copied()));
    let stale = use_live_refresh(refresh_ms);

    let viewport = NodeRef::<html::Div>::new();
    let (scale, stage_style) = fit(viewport);
    screen_mode_class();
    crate::perf::begin_view();

    let extra = Signal::derive(move || {
        let asked = url.state.with(|s| s.period);
        let mut v = target
            .with(|t| t.as_ref().map(|t| target_notices(&t.ds, t.unknown_node.as_deref(), asked)).unwrap_or_default());
        v.extend(target.with(|t| t.as_ref().and_then(|t| future_as_of(&t.ds, &crate::data::today()))));
        v.extend(items.with(|i| tour_missing(&i.1)));
        v.extend(failed.get().map(|e| view_failed(e.url())));
        v
    });
    let stage =
        Stage { url, target, period, focus, carousel, kiosk, stale, memory: StoredValue::new(Default::default()) };
    let spec = move |which: Focus| panels::focus_spec(stage, which);
    let chart_text =
        move |zh: &'static str, en: &'static str| Signal::derive(move || tr(lang.get(), zh, en).to_string());

    view! {
        <div class="screen-viewport" class:kiosk=move || kiosk.get() node_ref=viewport>
            <div class="screen" style:transform=stage_style>
                <header class="screen-header">{move || panels::header(stage)}</header>
                <Notices extra=extra />
                <section class="screen-kpis kpis">{move || panels::kpis(stage)}</section>
                <div class="screen-body"
                    on:pointerenter=move |e| carousel.pointer_enter(&e)
                    on:pointerleave=move |e| carousel.pointer_leave(&e)
                    on:pointerdown=move |e| carousel.touch_start(&e)
                    on:pointerup=move |e| carousel.touch_end(&e)
                    on:pointercancel=move |e| carousel.touch_end(&e)>
                    <Board target=target period=period focus=focus />
                    <section class="panel focus" data-testid="carousel" data-paused=move || carousel.paused.get().to_string() aria-live="polite">
                        {move || panels::focus_head(stage)}
                        <CanvasChart name="screen-trend" title=chart_text("就业率与人均纯收入走势", "Employment rate and income per head")
                            spec=spec(Focus::Trend) first_header=chart_text("月份", "Month")
                            height=300.0 dark=true fixed_width=CHART_W scale=scale zoom=ZOOM />
                    </section>
                    <section class="panel side">
                        <CanvasChart name="screen-channels" title=chart_text("就业渠道", "Employment by channel")
                            spec=spec(Focus::Channels) first_header=chart_text("渠道", "Channel")
                            height=300.0 dark=true fixed_width=CHART_W - 40.0 scale=scale zoom=ZOOM />
                        <div class="screen-risk">{move || panels::risk(stage)}</div>
                    </section>
                </div>
                <Ticker target=target period=period />
            </div>
        </div>
    }
}
