//! `view=screen`: the big screen for command centres and meeting rooms. Designed at
//! 1920×1080, scaled to fit any wall by the smaller ratio and centred, on a dark theme.
//! Across the top, the node's own figures; then the ranking board of the places below,
//! one place at a time in detail (the carousel), and an alerts ticker along the foot.
//! The data refreshes itself; failures keep the last good data and say so.

mod board;
mod carousel;
mod clock;
mod countup;
mod refresh;
mod ticker;

pub use refresh::Live;

use crate::api::LoadError;
use crate::charts::canvas::CanvasChart;
use crate::charts::channels::channels_spec;
use crate::charts::spec::ChartSpec;
use crate::charts::trend::trend_spec;
use crate::components::dashboard::Ready;
use crate::components::kpis::tiles;
use crate::components::notices::{target_notices, Notices};
use crate::components::present::risk;
use crate::ctx::use_url;
use crate::data::Target;
use crate::i18n::{level, name, other_lang, text, tr};
use anju_data::view::live::fit_scale;
use anju_data::view::measure::{self, Measure};
use anju_data::{Dataset, Metric, NodeIx};
use board::Board;
use carousel::Carousel;
use clock::Clock;
use countup::{count_up, Kind, Shown};
use leptos::html;
use leptos::prelude::*;
use leptos_use_element_size::use_element_size;
use refresh::{stale_badge, use_live_refresh};
use ticker::Ticker;

pub const DESIGN_W: f64 = 1920.0;
pub const DESIGN_H: f64 = 1080.0;
/// Width of the detail panel's charts at the design size.
const CHART_W: f64 = 560.0;
/// Chart type and lines drawn larger than on the dashboard.
const ZOOM: f64 = 1.35;

const DEFAULT_INTERVAL_MS: u32 = 20_000;
const DEFAULT_REFRESH_MS: u32 = 300_000;

/// The node's tiles on the screen (the rest are on the dashboard).
const TILES: [&str; 8] = [
    "people",
    "households",
    "labour",
    "employed",
    "employment_rate",
    "income_per_capita",
    "monitored_households",
    "zero_employment_households",
];

fn kind_of(key: &str) -> Kind {
    match key {
        "employment_rate" => Kind::Rate,
        "income_per_capita" => Kind::Yuan,
        "households" | "monitored_households" | "zero_employment_households" => Kind::Count("户"),
        _ => Kind::Count("人"),
    }
}

/// The places the carousel steps through: `tour=` ids the data has (in their order),
/// else the node's children, else the node itself; and the tour ids it lacks.
fn carousel_items(ds: &Dataset, ix: NodeIx, tour: &[String]) -> (Vec<NodeIx>, Vec<String>) {
    let (found, missing): (Vec<_>, Vec<_>) = tour.iter().map(|id| (id, ds.find(id))).partition(|(_, f)| f.is_some());
    let missing = missing.into_iter().map(|(id, _)| anju_data::text::clip(id, 40)).collect();
    let items: Vec<NodeIx> = found.into_iter().filter_map(|(_, f)| f).collect();
    if !items.is_empty() {
        (items, missing)
    } else if ds.kids[ix].is_empty() {
        (vec![ix], missing)
    } else {
        (ds.kids[ix].clone(), missing)
    }
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
    let suppress = url.suppress;
    let kiosk = Memo::new(move |_| url.state.with(|s| s.kiosk));
    let interval_ms = Memo::new(move |_| url.state.with(|s| s.interval_ms).unwrap_or(DEFAULT_INTERVAL_MS));
    let refresh_ms = Memo::new(move |_| url.state.with(|s| s.refresh_ms).unwrap_or(DEFAULT_REFRESH_MS));
    let tour = Memo::new(move |_| url.state.with(|s| s.tour.clone()));
    let period = Memo::new(move |_| {
        let asked = url.state.with(|s| s.period);
        target.with(|t| t.as_ref().map(|t| t.ds.period_or_latest(asked)).unwrap_or(0))
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

    // Fit the 1920×1080 design to the viewport; no page scrollbars while the screen is up.
    let viewport = NodeRef::<html::Div>::new();
    let size = use_element_size(viewport);
    let scale = Memo::new(move |_| fit_scale(size.width.get(), size.height.get(), DESIGN_W, DESIGN_H));
    let stage_style = move || {
        let s = scale.get();
        let (w, h) = (size.width.get(), size.height.get());
        format!(
            "translate({:.2}px,{:.2}px) scale({s:.5})",
            ((w - DESIGN_W * s) / 2.0).max(0.0),
            ((h - DESIGN_H * s) / 2.0).max(0.0)
        )
    };
    if let Some(root) = document().document_element() {
        let _ = root.class_list().add_1("screen-mode");
    }
    on_cleanup(|| {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().remove_1("screen-mode");
        }
    });

    let ready = expect_context::<Ready>().0;
    crate::perf::begin_view(2, move || ready.set(true));

    let extra = Signal::derive(move || {
        let mut v = target.with(|t| {
            t.as_ref()
                .map(|t| target_notices(&t.ds, t.unknown_node.as_deref(), url.state.with(|s| s.period)))
                .unwrap_or_default()
        });
        let missing = items.with(|i| i.1.clone());
        if !missing.is_empty() {
            let list = missing.join(", ");
            v.push((
                format!("轮播中找不到这些地区，已跳过：{list}"),
                format!("Tour places not in the data, skipped: {list}"),
            ));
        }
        if let Some(e) = failed.get() {
            let file = anju_data::text::clip(e.url(), 80);
            v.push((
                format!("无法打开所选地区（{file}），仍显示上一画面"),
                format!("Could not open that place ({file}); still showing the previous one"),
            ));
        }
        v
    });

    let memory: Shown = StoredValue::new(Default::default());
    let fullscreen = move |_| toggle_fullscreen();
    // Few reactive regions, each drawn whole from plain values: every closure in a view
    // is its own code in the wasm, and the bundle has a budget.
    let header = move || {
        let Target { ds, ix, .. } = target.get()?;
        let (l, t) = (lang.get(), period.get());
        let n = ds.node(ix);
        let title = text(&ds.meta.title, l);
        let path = ds.path(ix).iter().map(|&i| name(ds.node(i), l)).collect::<Vec<_>>().join(" › ");
        // At the root the node is the dataset: its name once is enough.
        let at_root = ix == ds.root;
        let as_of = ds.meta.as_of.clone();
        let controls = (!kiosk.get()).then(|| {
            let dashboard = url.href_with(|s| {
                s.view = Default::default();
                s.kiosk = false;
            });
            let (other_l, other_label) = other_lang(l);
            let other = url.href_with(|s| s.lang = other_l);
            view! {
                <nav class="screen-controls" aria-label=tr(l, "大屏控制", "Screen controls")>
                    <button type="button" data-testid="carousel-prev" on:click=move |_| carousel.step(-1) title=tr(l, "上一个地区", "Previous place")>"◀"</button>
                    <button type="button" data-testid="carousel-next" on:click=move |_| carousel.step(1) title=tr(l, "下一个地区", "Next place")>"▶"</button>
                    <button type="button" data-testid="fullscreen" on:click=fullscreen>{tr(l, "全屏", "Full screen")}</button>
                    <a href=other>{other_label}</a>
                    <a href=dashboard>{tr(l, "返回仪表盘", "Dashboard")}</a>
                </nav>
            }
        });
        Some(view! {
            <div class="screen-titles">
                <p class="screen-dataset">{(!at_root).then(|| title.to_string())}</p>
                <h1 class="screen-node" data-testid="node-title" data-node-id=n.id.clone() data-level=n.level.key()>
                    {name(n, l)} <span class="node-level">{level(n.level, l)}</span>
                </h1>
                <p class="screen-path" data-testid="breadcrumb">{(!at_root).then_some(path)}</p>
            </div>
            <p class="screen-asof" data-testid="as-of" data-value=as_of.clone()>
                {format!("{}{as_of} · {}", tr(l, "数据截至 ", "Data as of "), ds.period_keys[t])}
            </p>
            <div class="screen-right">
                <Clock lang=l />
                {stale_badge(stale.get(), l)}
                {controls}
            </div>
        })
    };

    // The node's own figures, counting up when they appear or change.
    let kpis = move || {
        let Target { ds, ix, .. } = target.get()?;
        let (l, sup) = (lang.get(), suppress.get());
        let list = tiles(&ds, ix, period.get(), l, sup, &[]);
        Some(
            list.into_iter()
                .filter(|k| TILES.contains(&k.key))
                .map(|k| {
                    // Not a number (a suppressed "<3", or no figure), or a published figure
                    // in its source's words (约29.3万): written as is.
                    let value = match (k.raw.parse::<f64>(), &k.source) {
                        (Ok(v), None) => count_up(memory, k.key, Some(v), kind_of(k.key), l, sup).into_any(),
                        _ => k.text.into_any(),
                    };
                    let mark = k.source.map(|p| view! { <span class="prov prov-pub" title=p.hover>{p.mark}</span> });
                    view! {
                        <div class=format!("kpi {}", k.status) data-testid=format!("kpi-{}", k.key) data-value=k.raw>
                            <span class="kpi-label">{k.label} {mark}</span>
                            <span class="kpi-value">{value}</span>
                            {k.sub.map(|s| view! { <span class="kpi-sub">{s}</span> })}
                        </div>
                    }
                })
                .collect_view(),
        )
    };

    // The place on show: its name and figures (the charts beside follow it).
    let focus_head = move || {
        let Target { ds, .. } = target.get()?;
        let f = focus.get()?;
        let (l, t, sup) = (lang.get(), period.get(), suppress.get());
        let n = ds.node(f);
        let goal = measure::target(&ds, f, Measure::EmploymentRate);
        let figure = |key: &'static str, label: String, m: Measure, kind: Kind| {
            view! {
                <div><span class="kpi-label">{label}</span>
                    <span class="focus-big">{count_up(memory, key, m.value(n, t), kind, l, sup)}</span></div>
            }
        };
        Some(view! {
            <div class="focus-head" data-testid="carousel-place" data-node-id=n.id.clone() data-step=carousel.steps.get_untracked().to_string()>
                <h2 class="focus-name">{name(n, l)} <span class="node-level">{level(n.level, l)}</span></h2>
                <span class="focus-count">{format!("{} / {}", carousel.at.get() + 1, carousel.len().get())}</span>
            </div>
            <p class="focus-goal">{goal.map(|g| format!("{}{} · ", tr(l, "就业率目标 ", "Employment rate target "), anju_data::format::percent_of(g)))}
                {ds.period_keys[t].clone()}</p>
            <div class="focus-figures">
                {figure("focus-rate", Measure::EmploymentRate.label(l), Measure::EmploymentRate, Kind::Rate)}
                {figure("focus-income", Measure::IncomePerCapita.label(l), Measure::IncomePerCapita, Kind::Yuan)}
                {figure("focus-people", tr(l, "搬迁人口", "People").into(), Measure::Count(Metric::People), Kind::Count("人"))}
            </div>
        })
    };
    let spec = move |which: u8| {
        Signal::derive(move || {
            let Some(Target { ds, .. }) = target.get() else { return ChartSpec::Empty(String::new()) };
            let Some(f) = focus.get() else { return ChartSpec::Empty(String::new()) };
            let l = lang.get();
            if which == 0 {
                trend_spec(&ds, f, l)
            } else {
                channels_spec(&ds, f, period.get(), l, suppress.get())
            }
        })
    };
    let chart_text =
        move |zh: &'static str, en: &'static str| Signal::derive(move || tr(lang.get(), zh, en).to_string());
    let risk_view = move || {
        let Target { ds, .. } = target.get()?;
        let f = focus.get()?;
        let l = lang.get();
        Some(view! {
            <h2 class="panel-title">{tr(l, "风险与监测", "Risk and monitoring")}</h2>
            {risk(&ds, f, period.get(), l, suppress.get())}
        })
    };

    view! {
        <div class="screen-viewport" class:kiosk=move || kiosk.get() node_ref=viewport>
            <div class="screen" style:transform=stage_style>
                <header class="screen-header">{header}</header>
                <Notices extra=extra />
                <section class="screen-kpis kpis">{kpis}</section>
                <div class="screen-body"
                    on:pointerenter=move |e| carousel.pointer_enter(&e)
                    on:pointerleave=move |e| carousel.pointer_leave(&e)
                    on:pointerdown=move |e| carousel.touch_start(&e)
                    on:pointerup=move |e| carousel.touch_end(&e)
                    on:pointercancel=move |e| carousel.touch_end(&e)>
                    <Board target=target period=period focus=focus />
                    <section class="panel focus" data-testid="carousel" data-paused=move || carousel.paused.get().to_string() aria-live="polite">
                        {focus_head}
                        <CanvasChart name="screen-trend" title=chart_text("就业率与人均纯收入走势", "Employment rate and income per head")
                            spec=spec(0) first_header=chart_text("月份", "Month")
                            height=300.0 dark=true fixed_width=CHART_W scale=scale zoom=ZOOM />
                    </section>
                    <section class="panel side">
                        <CanvasChart name="screen-channels" title=chart_text("就业渠道", "Employment by channel")
                            spec=spec(1) first_header=chart_text("渠道", "Channel")
                            height=300.0 dark=true fixed_width=CHART_W - 40.0 scale=scale zoom=ZOOM />
                        <div class="screen-risk">{risk_view}</div>
                    </section>
                </div>
                <Ticker target=target period=period />
            </div>
        </div>
    }
}

fn toggle_fullscreen() {
    let doc = document();
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
    } else if let Some(root) = doc.document_element() {
        let _ = root.request_fullscreen();
    }
}
