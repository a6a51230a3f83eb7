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
use crate::charts::map::{geo_path, MapChart};
use crate::components::notices::Notices;
use crate::data::{LoadError, Target};
use crate::i18n::tr;
use crate::model::board::boards_for;
use crate::model::notices::{future_as_of, tour_missing, view_failed};
use crate::model::period;
use crate::model::screen::{carousel_items, centre_layout, CHART_W, GAP};
use crate::url::use_url;
use anju_data::view::live::{design_width, fit_scale};
use board::Board;
use carousel::Carousel;
use leptos::html;
use leptos::prelude::*;
use leptos_use_element_size::use_element_size;
use panels::{Focus, Stage};
use refresh::use_live_refresh;
use ticker::Ticker;

pub const DESIGN_H: f64 = 1080.0;
/// The layout's columns, as the stylesheet spaces them: boards, the side panel, the gap
/// between columns and the stage's padding either side (CSS px at the design size).
const BOARD_W: f64 = 600.0;
const SIDE_W: f64 = 600.0;
const PAD_X: f64 = 28.0;
/// Chart type and lines drawn larger than on the dashboard.
const ZOOM: f64 = 1.35;

const DEFAULT_INTERVAL_MS: u32 = 20_000;
const DEFAULT_REFRESH_MS: u32 = 300_000;

/// Fits the design to the viewport `viewport` by the smaller ratio, centred: 1920×1080,
/// or wider on a wide wall ([`design_width`], up to 48:9). The design width, the scale,
/// and the stage's transform.
fn fit(viewport: NodeRef<html::Div>) -> (Memo<f64>, Memo<f64>, Signal<String>) {
    let size = use_element_size(viewport);
    let design_w = Memo::new(move |_| design_width(size.width.get(), size.height.get()));
    let scale = Memo::new(move |_| fit_scale(size.width.get(), size.height.get(), design_w.get(), DESIGN_H));
    let style = Signal::derive(move || {
        let s = scale.get();
        let (w, h) = (size.width.get(), size.height.get());
        format!(
            "translate({:.2}px,{:.2}px) scale({s:.5})",
            ((w - design_w.get() * s) / 2.0).max(0.0),
            ((h - DESIGN_H * s) / 2.0).max(0.0)
        )
    });
    (design_w, scale, style)
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
    let carousel = Carousel::new(key, len, interval_ms, kiosk);
    let focus = Memo::new(move |_| items.with(|i| i.0.get(carousel.at.get()).copied()));
    let stale = use_live_refresh(refresh_ms);

    let viewport = NodeRef::<html::Div>::new();
    let (design_w, scale, stage_style) = fit(viewport);
    // A wide wall has room for more boards, and the detail's chart takes the rest.
    let boards = Memo::new(move |_| boards_for(design_w.get()));
    let columns =
        Memo::new(move |_| format!("repeat({}, {BOARD_W}px) minmax(0, 1fr) {SIDE_W}px", boards.with(Vec::len)));
    let trend_w = Memo::new(move |_| {
        let k = boards.with(Vec::len) as f64;
        (design_w.get() - 2.0 * PAD_X - (k + 1.0) * GAP - k * BOARD_W - SIDE_W - 40.0).max(CHART_W)
    });
    // The map of the places on show, at the centre, where the index has one: stacked above
    // the trend on a 16:9 wall, beside it taking the extra width on a wider one.
    let place = Signal::derive(move || target.with(|t| t.as_ref().map(|t| (t.ds.clone(), t.ix))));
    let has_map = Memo::new(move |_| target.with(|t| t.as_ref().is_some_and(|t| geo_path(&t.ds, t.ix).is_some())));
    let centre = NodeRef::<html::Section>::new();
    let centre_h = use_element_size(centre).height;
    // Rounded to whole pixels, so that a sub-pixel change does not redraw the charts.
    let layout = Memo::new(move |_| centre_layout(trend_w.get(), centre_h.get().round(), has_map.get()));
    // No scrollbars, the dark ground.
    crate::page::root_class("screen-mode");
    crate::perf::begin_view();

    let extra = Signal::derive(move || {
        let asked = url.state.with(|s| s.period);
        let mut v = target.with(|t| t.as_ref().map(|t| t.notices(asked)).unwrap_or_default());
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
            <div class="screen" style:transform=stage_style style:width=move || format!("{}px", design_w.get())>
                <header class="screen-header">{move || panels::header(stage)}</header>
                <Notices extra=extra />
                <section class="screen-kpis kpis">{move || panels::kpis(stage)}</section>
                <div class="screen-body" style:grid-template-columns=columns
                    on:pointerenter=move |e| carousel.pointer_enter(&e)
                    on:pointerleave=move |e| carousel.pointer_leave(&e)
                    on:pointermove=move |e| carousel.pointer_move(&e)
                    on:pointerdown=move |e| carousel.touch_start(&e)
                    on:pointerup=move |e| carousel.touch_end(&e)
                    on:pointercancel=move |e| carousel.touch_end(&e)>
                    {move || boards.get().into_iter().map(|m| view! { <Board target=target period=period focus=focus measure=m /> }).collect_view()}
                    <section class="panel focus" node_ref=centre data-testid="carousel" data-paused=move || carousel.paused.get().to_string() aria-live="polite">
                        {move || panels::focus_head(stage)}
                        {move || {
                            let c = layout.get();
                            view! {
                                <div class="focus-charts" class:side-by-side=c.side_by_side>
                                    {c.map.map(|(w, h)| view! {
                                        <MapChart place=place period=period focus=focus height=h dark=true fixed_width=w scale=scale zoom=ZOOM />
                                    })}
                                    <CanvasChart name="screen-trend" title=chart_text("就业率与人均纯收入走势", "Employment rate and income per head")
                                        spec=spec(Focus::Trend) first_header=chart_text("月份", "Month")
                                        height=c.trend.1 dark=true fixed_width=c.trend.0 scale=scale zoom=ZOOM />
                                </div>
                            }
                        }}
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
