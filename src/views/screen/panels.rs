//! The big screen's reactive regions, each drawn whole from plain values when its inputs
//! change: every closure in a view is its own code in the wasm, and the bundle has a budget.

use super::carousel::Carousel;
use super::clock::Clock;
use super::countup::{count_up, Kind, Shown};
use super::refresh::{stale_badge, Stale};
use crate::components::risk::risk_panel;
use crate::data::Target;
use crate::i18n::{level, name, other_lang, text, tr};
use crate::model::channels::channels_spec;
use crate::model::screen::TILES;
use crate::model::spec::ChartSpec;
use crate::model::tiles::tiles;
use crate::model::trend::trend_spec;
use crate::url::UrlState;
use anju_data::disclosure::{Shown as Public, MARK};
use anju_data::domain::Lang;
use anju_data::view::measure::{self, Measure};
use anju_data::{Metric, NodeIx};
use leptos::prelude::*;

/// What the regions read: the view, the place on show, and the screen's own state.
#[derive(Clone, Copy)]
pub struct Stage {
    pub url: UrlState,
    pub target: Signal<Option<Target>>,
    pub period: Memo<usize>,
    pub focus: Memo<Option<NodeIx>>,
    pub carousel: Carousel,
    pub kiosk: Memo<bool>,
    pub stale: ReadSignal<Option<Stale>>,
    /// The counters' last shown values, so a change counts from there.
    pub memory: Shown,
}

/// The charts beside the place on show.
#[derive(Clone, Copy)]
pub enum Focus {
    Trend,
    Channels,
}

/// The spec of a chart of the place on show.
pub fn focus_spec(st: Stage, which: Focus) -> Signal<ChartSpec> {
    Signal::derive(move || {
        let Some(Target { ds, .. }) = st.target.get() else { return ChartSpec::Empty(String::new()) };
        let Some(f) = st.focus.get() else { return ChartSpec::Empty(String::new()) };
        let (l, s) = (st.url.lang.get(), Public::new(&ds, st.url.suppress.get()));
        match which {
            Focus::Trend => trend_spec(s, f, l),
            Focus::Channels => channels_spec(s, f, st.period.get(), l),
        }
    })
}

fn kind_of(key: &str) -> Kind {
    match key {
        "employment_rate" => Kind::Rate,
        "income_per_capita" => Kind::Yuan,
        "households" | "monitored_households" | "zero_employment_households" => Kind::Count("户"),
        _ => Kind::Count("人"),
    }
}

fn controls(st: Stage, l: Lang) -> impl IntoView {
    let url = st.url;
    let dashboard = url.href_with(|s| {
        s.view = Default::default();
        s.kiosk = false;
    });
    let (other_l, other_label) = other_lang(l);
    let other = url.href_with(|s| s.lang = other_l);
    view! {
        <nav class="screen-controls" aria-label=tr(l, "大屏控制", "Screen controls")>
            <button type="button" data-testid="carousel-prev" on:click=move |_| st.carousel.step(-1) title=tr(l, "上一个地区", "Previous place")>"◀"</button>
            <button type="button" data-testid="carousel-next" on:click=move |_| st.carousel.step(1) title=tr(l, "下一个地区", "Next place")>"▶"</button>
            <button type="button" data-testid="fullscreen" on:click=move |_| crate::page::toggle_fullscreen()>{tr(l, "全屏", "Full screen")}</button>
            <a href=other>{other_label}</a>
            <a data-testid="link-dashboard" href=dashboard>{tr(l, "返回仪表盘", "Dashboard")}</a>
        </nav>
    }
}

/// Dataset, place and path; as-of date and period; clock, stale badge and controls.
pub fn header(st: Stage) -> Option<impl IntoView> {
    let Target { ds, ix, .. } = st.target.get()?;
    let (l, t) = (st.url.lang.get(), st.period.get());
    let n = ds.node(ix);
    let path = ds.path(ix).iter().map(|&i| name(ds.node(i), l)).collect::<Vec<_>>().join(" › ");
    // At the root the node is the dataset: its name once is enough.
    let at_root = ix == ds.root;
    let as_of = ds.meta.as_of.clone();
    Some(view! {
        <div class="screen-titles">
            <p class="screen-dataset">{(!at_root).then(|| text(&ds.meta.title, l).to_string())}</p>
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
            {stale_badge(st.stale.get(), l)}
            {(!st.kiosk.get()).then(|| controls(st, l))}
        </div>
    })
}

/// The node's own figures, counting up when they appear or change.
pub fn kpis(st: Stage) -> Option<impl IntoView> {
    let Target { ds, ix, .. } = st.target.get()?;
    let (l, sup) = (st.url.lang.get(), st.url.suppress.get());
    let list = tiles(Public::new(&ds, sup), ix, st.period.get(), l, &[]);
    Some(
        list.into_iter()
            .filter(|k| TILES.contains(&k.key))
            .map(|k| {
                // Not a number (hidden, or no figure), or a published figure in its
                // source's words (约29.3万): written as is.
                let hidden = k.raw == MARK;
                let value = match (k.raw.parse::<f64>(), &k.source) {
                    (Ok(v), None) => count_up(st.memory, k.key, Some(v), kind_of(k.key), l, false).into_any(),
                    _ if hidden => count_up(st.memory, k.key, None, kind_of(k.key), l, true).into_any(),
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
}

/// The place on show: its name and figures (the charts beside follow it).
pub fn focus_head(st: Stage) -> Option<impl IntoView> {
    let Target { ds, .. } = st.target.get()?;
    let f = st.focus.get()?;
    let (l, t) = (st.url.lang.get(), st.period.get());
    let s = Public::new(&ds, st.url.suppress.get());
    let n = ds.node(f);
    let goal = measure::target(&ds, f, Measure::EmploymentRate);
    let figure = |key: &'static str, label: String, m: Measure, kind: Kind| {
        view! {
            <div><span class="kpi-label">{label}</span>
                <span class="focus-big">{count_up(st.memory, key, s.value(f, m, t), kind, l, s.hides(f, m, t))}</span></div>
        }
    };
    let carousel = st.carousel;
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
}

/// Risk and monitoring of the place on show.
pub fn risk(st: Stage) -> Option<impl IntoView> {
    let Target { ds, .. } = st.target.get()?;
    let f = st.focus.get()?;
    let l = st.url.lang.get();
    Some(view! {
        <h2 class="panel-title">{tr(l, "风险与监测", "Risk and monitoring")}</h2>
        {risk_panel(Public::new(&ds, st.url.suppress.get()), f, st.period.get(), l)}
    })
}
