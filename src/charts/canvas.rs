//! One chart on a canvas: HiDPI sizing, redraw on resize, hover tooltips, click
//! hit-testing and a table with the same numbers for screen readers.

use super::draw::{draw, text_sizes, Drawn};
use crate::i18n::tr;
use crate::model::spec::ChartSpec;
use crate::url::use_url;
use anju_data::format::Lang;
use anju_data::text::em_width;
use anju_data::view::geom::tip_position;
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_use_device_pixel_ratio::use_device_pixel_ratio;
use leptos_use_element_size::use_element_size;

#[derive(Clone, Debug, PartialEq)]
struct Tip {
    x: f64,
    y: f64,
    text: String,
}

/// The item under the pointer, with the place on show when it was pointed at (the
/// [`crate::perf::PlaceKey`]; 0 in a view without one). A chart that stays from place to
/// place (the dashboard's) shows nothing of it once its place has changed, whatever changed
/// it (a click, a crumb reached by the keyboard, the back button), with no painting to
/// clear it. The map outlines it.
pub struct Pointed<T: Send + Sync + 'static> {
    place: Option<Memo<u64>>,
    at: RwSignal<Option<(u64, T)>>,
}

// By hand: a derive would ask `T: Copy`, and the signal is `Copy` whatever it holds.
impl<T: Send + Sync + 'static> Clone for Pointed<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Pointed<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Default for Pointed<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Clone + PartialEq + Send + Sync + 'static> Pointed<T> {
    pub fn new() -> Self {
        Pointed { place: use_context::<crate::perf::PlaceKey>().map(|k| k.0), at: RwSignal::new(None) }
    }
    /// What is pointed at on the place on show (tracked).
    pub fn get(&self) -> Option<T> {
        let now = self.place.map_or(0, |k| k.get());
        self.at.with(|a| a.as_ref().filter(|(k, _)| *k == now).map(|(_, t)| t.clone()))
    }
    fn get_untracked(&self) -> Option<T> {
        untrack(|| self.get())
    }
    /// Points at `t` on the place on show; only a change is set (a map redraws on it, and
    /// the pointer moves every few pixels).
    fn set(&self, t: Option<T>) {
        if self.get_untracked() != t {
            let now = self.place.map_or(0, |k| k.get_untracked());
            self.at.set(t.map(|t| (now, t)));
        }
    }
}

/// How a chart is sized and drawn.
#[derive(Clone, Copy)]
struct Geometry {
    height: Signal<f64>,
    fixed_width: Option<f64>,
    scale: Option<Signal<f64>>,
    zoom: f64,
    dark: bool,
}

/// Drawing is the outside world: an effect that follows the spec, the box width and the
/// pixel ratio, keeping what it drew for hit-testing. Each painting is reported to the
/// view tracking (`crate::perf`).
fn paint(
    spec: Signal<ChartSpec>,
    box_ref: NodeRef<html::Div>,
    canvas_ref: NodeRef<html::Canvas>,
    geo: Geometry,
    drawn: StoredValue<Drawn>,
) -> Memo<f64> {
    let size = use_element_size(box_ref);
    // The width drawn at, in CSS px. A memo: the observer sets the size again whenever the
    // box changes, its height too (a ranking with more bars), and the chart stays from place
    // to place, so a derived width would paint it a second time for nothing.
    let width = Memo::new(move |_| geo.fixed_width.unwrap_or_else(|| size.width.get().floor()));
    let dpr = use_device_pixel_ratio();
    // Known to the view tracking while mounted: a view counts as drawn once every chart on
    // the page has painted for it, and a chart gone no longer holds one back.
    let chart = crate::perf::chart_mounted();
    on_cleanup(move || crate::perf::chart_gone(chart));
    let place = use_context::<crate::perf::PlaceKey>();
    // How many times this canvas was painted, on it as `data-paints`: the tests see that a
    // view holding still (the next place loading) does not paint again.
    let paints = StoredValue::new(0u32);
    Effect::new(move |_| {
        // Once for each place on show, also where the spec comes out equal (a map whose
        // dataset gained a shard), so that each counts as drawn.
        if let Some(k) = place {
            k.0.track();
        }
        let spec = spec.get();
        let w = width.get();
        let ratio = dpr.get().max(1.0) * geo.scale.map(|s| s.get()).unwrap_or(1.0).clamp(0.25, 8.0);
        let Some(canvas) = canvas_ref.get() else { return };
        if w < 10.0 {
            return;
        }
        canvas.set_width((w * ratio).round() as u32);
        let height = geo.height.get();
        canvas.set_height((height * ratio).round() as u32);
        // A slide's chart is stretched to its box by CSS; a scaled screen's keeps its width.
        if geo.fixed_width.is_none() || geo.scale.is_some() {
            let _ = canvas.style(("width", format!("{w}px")));
        }
        // The map's paintings are timed for the UI benchmark (first draw, hover redraws).
        let d = {
            let _timed = matches!(spec, ChartSpec::Map(_)).then(|| crate::perf::Timed::start("anju-map-paint"));
            draw(canvas.clone(), &spec, w / geo.zoom, height / geo.zoom, ratio * geo.zoom, geo.dark)
        };
        drawn.set_value(d);
        paints.update_value(|n| *n += 1);
        let _ = canvas.set_attribute("data-paints", &paints.get_value().to_string());
        crate::perf::chart_painted(chart, place.map(|k| k.0.get_untracked()));
    });
    width
}

/// The tooltip of item `i`, beside the pointer and inside the window
/// ([`anju_data::view::geom::tip_position`]), in the chart box's CSS px.
fn tip_at(
    canvas_ref: NodeRef<html::Canvas>,
    spec: Signal<ChartSpec>,
    i: usize,
    lang: Lang,
    ev: &web_sys::MouseEvent,
) -> Option<Tip> {
    let canvas = canvas_ref.get_untracked()?;
    let r = canvas.get_bounding_client_rect();
    // The big screen scales its stage: client px are that many CSS px.
    let k = if canvas.offset_width() > 0 { r.width() / canvas.offset_width() as f64 } else { 1.0 };
    let text = spec.with_untracked(|s| s.tip(i, lang))?;
    let win = window();
    let bounds =
        (win.inner_width().ok()?.as_f64().unwrap_or(1280.0), win.inner_height().ok()?.as_f64().unwrap_or(800.0));
    // The tooltip's box as the stylesheet makes it: 0.85rem text on one line, at most
    // 320 px, 8 px padding each side (the em estimate with a tenth to spare).
    let size = (((em_width(&text) * TIP_FONT * 1.1).min(320.0) + 18.0) * k, (TIP_FONT * 1.5 + 10.0) * k);
    let (x, y) = tip_position((ev.client_x() as f64, ev.client_y() as f64), size, bounds, 12.0 * k);
    Some(Tip { x: (x - r.left()) / k, y: (y - r.top()) / k, text })
}

/// The tooltip's font size in CSS px (0.85rem of 15 px).
const TIP_FONT: f64 = 12.75;

/// The item under the pointer, from what was drawn.
fn pick(
    canvas_ref: NodeRef<html::Canvas>,
    spec: Signal<ChartSpec>,
    drawn: StoredValue<Drawn>,
    geo: Geometry,
    ev: &web_sys::MouseEvent,
) -> Option<usize> {
    let canvas = canvas_ref.get_untracked()?;
    let r = canvas.get_bounding_client_rect();
    let zoom = geo.zoom;
    // A fixed-width chart is scaled by CSS: map the pointer back to drawing units.
    let (sx, sy) = match geo.fixed_width {
        Some(fw) if r.width() > 0.0 && r.height() > 0.0 => {
            (fw / r.width() / zoom, geo.height.get_untracked() / r.height() / zoom)
        }
        _ => (1.0 / zoom, 1.0 / zoom),
    };
    let (x, y) = ((ev.client_x() as f64 - r.left()) * sx, (ev.client_y() as f64 - r.top()) * sy);
    drawn.with_value(|d| match d {
        Drawn::Bars(l) => l.hit(x, y),
        Drawn::Trend(a) => a.nearest(x, y),
        Drawn::Map(f) => spec.with_untracked(|s| match s {
            ChartSpec::Map(m) => m.place_at(*f, x, y),
            _ => None,
        }),
        Drawn::Nothing => None,
    })
}

#[component]
pub fn CanvasChart(
    /// `chart-<name>` is its test hook.
    name: &'static str,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] spec: Signal<ChartSpec>,
    /// The header of the table's first column ("地区", "月份" …).
    #[prop(into)]
    first_header: Signal<String>,
    /// In CSS px; a ranking's follows its number of bars.
    #[prop(into, default = Signal::stored(260.0))]
    height: Signal<f64>,
    #[prop(optional)] dark: bool,
    /// Draw at this width (CSS px) whatever the box: for slides, which are drawn while
    /// hidden so that printing the deck has every chart.
    #[prop(default = None, into)]
    fixed_width: Option<f64>,
    /// A CSS scale the chart is shown at (the big screen's fit): the canvas gets that many
    /// more pixels, so it stays sharp on a 4K wall.
    #[prop(optional, into)]
    scale: Option<Signal<f64>>,
    /// Draws everything (type, lines, gaps) this many times larger in the same box: the
    /// big screen is read from across a room.
    #[prop(default = 1.0)]
    zoom: f64,
    /// The item under the pointer, when the caller draws it differently (the map
    /// outlines the place hovered).
    #[prop(optional)]
    hover: Option<Pointed<usize>>,
) -> impl IntoView {
    let box_ref = NodeRef::<html::Div>::new();
    let canvas_ref = NodeRef::<html::Canvas>::new();
    let lang = use_url().lang;
    let geo = Geometry { height, fixed_width, scale, zoom, dark };
    let drawn = StoredValue::new(Drawn::Nothing);
    let tip = Pointed::<Tip>::new();
    let hover = hover.unwrap_or_default();
    let width = paint(spec, box_ref, canvas_ref, geo, drawn);
    // The text sizes drawn, in the canvas's CSS px (a test multiplies by how much the
    // page scales the canvas): the big screen's smallest must read at 14 px.
    let sizes = Memo::new(move |_| {
        let w = width.get();
        let (small, label) = spec.with(|s| text_sizes(s, w / geo.zoom, geo.height.get() / geo.zoom));
        (format!("{:.2}", small * geo.zoom), format!("{:.2}", label * geo.zoom), format!("{w}"))
    });
    let pick = move |ev: &web_sys::MouseEvent| pick(canvas_ref, spec, drawn, geo, ev);
    let on_move = move |ev: web_sys::MouseEvent| {
        let hit = pick(&ev);
        hover.set(hit);
        tip.set(hit.and_then(|i| tip_at(canvas_ref, spec, i, lang.get_untracked(), &ev)));
    };
    let navigate = use_navigate();
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(i) = pick(&ev) else { return };
        let href = spec.with_untracked(|s| s.href(i).map(str::to_string));
        if let Some(href) = href {
            crate::perf::drill_start();
            navigate(&href, Default::default());
        }
    };
    let clickable = move || spec.with(ChartSpec::clickable);

    view! {
        <figure class="chart" data-testid=format!("chart-{name}") aria-labelledby=format!("chart-{name}-title")
            data-axis-start=move || spec.with(|s| match s { ChartSpec::Bars { axis, .. } => Some(axis.scale.lo.to_string()), _ => None })>
            <figcaption id=format!("chart-{name}-title") class="chart-title">
                <span>{move || title.get()}</span>
                {export_buttons(name, title, spec, canvas_ref)}
            </figcaption>
            <div class="chart-box" node_ref=box_ref>
                <canvas
                    node_ref=canvas_ref
                    class:clickable=clickable
                    // The canvas's own size is the painting's to set (an attribute set after
                    // it would clear the drawing).
                    style:height=move || format!("{}px", height.get())
                    data-font-min=move || sizes.get().0
                    data-font-label=move || sizes.get().1
                    data-width=move || sizes.get().2
                    role="img"
                    aria-label=move || title.get()
                    on:mousemove=on_move
                    on:mouseleave=move |_| { tip.set(None); hover.set(None); }
                    on:click=on_click
                ></canvas>
                {move || tip.get().map(|t| view! {
                    <div class="tooltip" role="status" style:left=format!("{}px", t.x) style:top=format!("{}px", t.y)>{t.text}</div>
                })}
            </div>
            {data_table(spec, first_header, width, geo)}
        </figure>
    }
}

/// PNG (twice the size) and SVG of the same spec, stamped with the chart's title and then
/// the view's stamp.
fn export_buttons(
    name: &'static str,
    title: Signal<String>,
    spec: Signal<ChartSpec>,
    canvas_ref: NodeRef<html::Canvas>,
) -> impl IntoView {
    let lang = use_url().lang;
    let stamp = use_context::<super::export::Stamp>();
    let stamp_lines = move || {
        let mut lines = vec![title.get_untracked()];
        lines.extend(stamp.map(|s| s.0.get_untracked()).unwrap_or_default());
        lines
    };
    let css_size = move || {
        canvas_ref.get_untracked().map(|c| {
            let r = c.get_bounding_client_rect();
            (r.width(), r.height())
        })
    };
    let export_png = move |_| {
        if let Some((w, h)) = css_size() {
            if let Some(url) = spec.with_untracked(|s| super::export::png_data_url(s, w, h, &stamp_lines())) {
                super::export::download_url(&format!("{name}.png"), &url);
            }
        }
    };
    let export_svg = move |_| {
        if let Some((w, h)) = css_size() {
            let doc = spec.with_untracked(|s| super::export::svg(s, w, h, &stamp_lines()));
            crate::export::download_as(&format!("{name}.svg"), doc.as_bytes(), "image/svg+xml");
        }
    };
    view! {
        <span class="chart-export">
            <button type="button" data-testid=format!("export-png-{name}") on:click=export_png title=move || tr(lang.get(), "导出图片（PNG，2倍分辨率）", "Export as PNG (2×)")>"PNG"</button>
            <button type="button" data-testid=format!("export-svg-{name}") on:click=export_svg title=move || tr(lang.get(), "导出矢量图（SVG）", "Export as SVG")>"SVG"</button>
        </span>
    }
}

/// The same numbers as a table, for screen readers and for reading off exact values.
fn data_table(spec: Signal<ChartSpec>, first_header: Signal<String>, width: Memo<f64>, geo: Geometry) -> impl IntoView {
    let lang = use_url().lang;
    // Memos: the table is rebuilt only when its cells change, not when a hover outlines
    // another place on the map.
    let table = Memo::new(move |_| spec.with(|s| s.table(&first_header.get())));
    let table = move || table.get();
    // The map's rows carry their place's id and a point inside it on the canvas.
    let z = geo.zoom;
    let marks = Memo::new(move |_| spec.with(|s| s.marks(width.get() / z, geo.height.get() / z)));
    let marks = move || marks.get();
    view! {
        <details class="chart-data">
            <summary>{move || tr(lang.get(), "查看数据表", "Show the data as a table")}</summary>
            <table>
                <thead><tr>{move || table().0.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {move || {
                        let mut marks = marks().into_iter();
                        table().1.into_iter().map(|row| {
                            let m = marks.next().flatten();
                            let (id, x, y) = m.map_or((None, None, None), |(id, x, y)| (Some(id), Some(x * z), Some(y * z)));
                            view! {
                                <tr data-node-id=id data-x=x data-y=y>{row.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                            }
                        }).collect_view()
                    }}
                </tbody>
            </table>
        </details>
    }
}
