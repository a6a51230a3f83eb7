//! One chart on a canvas: HiDPI sizing, redraw on resize, hover tooltips, click
//! hit-testing and a table with the same numbers for screen readers.

use super::draw::{draw, Drawn};
use crate::i18n::tr;
use crate::model::spec::ChartSpec;
use crate::url::use_url;
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

#[component]
pub fn CanvasChart(
    /// `chart-<name>` is its test hook.
    name: &'static str,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] spec: Signal<ChartSpec>,
    /// The header of the table's first column ("地区", "月份" …).
    #[prop(into)]
    first_header: Signal<String>,
    #[prop(default = 260.0)] height: f64,
    #[prop(optional)] dark: bool,
    /// Draw at this width (CSS px) whatever the box: for slides, which are drawn while
    /// hidden so that printing the deck has every chart.
    #[prop(optional)]
    fixed_width: Option<f64>,
    /// A CSS scale the chart is shown at (the big screen's fit): the canvas gets that many
    /// more pixels, so it stays sharp on a 4K wall.
    #[prop(optional, into)]
    scale: Option<Signal<f64>>,
    /// Draws everything (type, lines, gaps) this many times larger in the same box: the
    /// big screen is read from across a room.
    #[prop(default = 1.0)]
    zoom: f64,
) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let box_ref = NodeRef::<html::Div>::new();
    let canvas_ref = NodeRef::<html::Canvas>::new();
    let size = use_element_size(box_ref);
    let dpr = use_device_pixel_ratio();
    let drawn = StoredValue::new(Drawn::Nothing);
    // Counted towards the view being built until its first painting.
    let counted = StoredValue::new(crate::perf::expect_chart());
    let tip = RwSignal::new(None::<Tip>);
    let hover = RwSignal::new(None::<usize>);

    // Drawing is the outside world: it follows the spec, the box width and the pixel ratio.
    Effect::new(move |_| {
        let spec = spec.get();
        let w = fixed_width.unwrap_or_else(|| size.width.get().floor());
        let ratio = dpr.get().max(1.0) * scale.map(|s| s.get()).unwrap_or(1.0).clamp(0.25, 8.0);
        let Some(canvas) = canvas_ref.get() else { return };
        if w < 10.0 {
            return;
        }
        canvas.set_width((w * ratio).round() as u32);
        canvas.set_height((height * ratio).round() as u32);
        // A slide's chart is stretched to its box by CSS; a scaled screen's keeps its width.
        if fixed_width.is_none() || scale.is_some() {
            let _ = canvas.style(("width", format!("{w}px")));
        }
        let d = draw(canvas.clone(), &spec, w / zoom, height / zoom, ratio * zoom, dark);
        drawn.set_value(d);
        if let Some(generation) = counted.get_value() {
            counted.set_value(None);
            crate::perf::chart_drawn(generation);
        }
    });

    let pick = move |ev: &web_sys::MouseEvent| -> Option<usize> {
        let canvas = canvas_ref.get_untracked()?;
        let r = canvas.get_bounding_client_rect();
        // A fixed-width chart is scaled by CSS: map the pointer back to drawing units.
        let (sx, sy) = match fixed_width {
            Some(fw) if r.width() > 0.0 && r.height() > 0.0 => (fw / r.width() / zoom, height / r.height() / zoom),
            _ => (1.0 / zoom, 1.0 / zoom),
        };
        let (x, y) = ((ev.client_x() as f64 - r.left()) * sx, (ev.client_y() as f64 - r.top()) * sy);
        drawn.with_value(|d| match d {
            Drawn::Bars(l) => l.hit(x, y),
            Drawn::Trend(a) => a.nearest(x, y),
            Drawn::Nothing => None,
        })
    };
    let on_move = move |ev: web_sys::MouseEvent| {
        let hit = pick(&ev);
        hover.set(hit);
        let canvas = canvas_ref.get_untracked();
        let text = hit.and_then(|i| {
            spec.with_untracked(|s| match s {
                ChartSpec::Bars { bars, .. } => bars.get(i).map(|b| format!("{}：{}", b.label, b.text)),
                ChartSpec::Trend { periods, lines } => periods.get(i).map(|p| {
                    let parts: Vec<String> = lines
                        .iter()
                        .map(|l| format!("{} {}", l.name, l.texts.get(i).cloned().unwrap_or_default()))
                        .collect();
                    format!("{p}  {}", parts.join(" · "))
                }),
                ChartSpec::Empty(_) => None,
            })
        });
        if let (Some(text), Some(c)) = (text, canvas) {
            let r = c.get_bounding_client_rect();
            tip.set(Some(Tip {
                x: ev.client_x() as f64 - r.left() + 12.0,
                y: ev.client_y() as f64 - r.top() + 12.0,
                text,
            }));
        } else {
            tip.set(None);
        }
    };
    let navigate = use_navigate();
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(i) = pick(&ev) else { return };
        let href = spec.with_untracked(|s| match s {
            ChartSpec::Bars { bars, .. } => bars.get(i).and_then(|b| b.href.clone()),
            _ => None,
        });
        if let Some(href) = href {
            crate::perf::drill_start();
            navigate(&href, Default::default());
        }
    };
    // Export: the same spec, twice the size as PNG, or as SVG, stamped.
    let stamp = use_context::<super::export::Stamp>();
    // The chart's own title first, then the view's stamp.
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
    let clickable =
        move || spec.with(|s| matches!(s, ChartSpec::Bars { bars, .. } if bars.iter().any(|b| b.href.is_some())));
    let table = move || spec.with(|s| s.table(&first_header.get()));

    view! {
        <figure class="chart" data-testid=format!("chart-{name}") aria-labelledby=format!("chart-{name}-title")>
            <figcaption id=format!("chart-{name}-title") class="chart-title">
                <span>{move || title.get()}</span>
                <span class="chart-export">
                    <button type="button" data-testid=format!("export-png-{name}") on:click=export_png title=move || tr(lang.get(), "导出图片（PNG，2倍分辨率）", "Export as PNG (2×)")>"PNG"</button>
                    <button type="button" data-testid=format!("export-svg-{name}") on:click=export_svg title=move || tr(lang.get(), "导出矢量图（SVG）", "Export as SVG")>"SVG"</button>
                </span>
            </figcaption>
            <div class="chart-box" node_ref=box_ref>
                <canvas
                    node_ref=canvas_ref
                    height=height
                    class:clickable=clickable
                    style:height=format!("{height}px")
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
            <details class="chart-data">
                <summary>{move || tr(lang.get(), "查看数据表", "Show the data as a table")}</summary>
                <table>
                    <thead><tr>{move || table().0.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {move || table().1.into_iter().map(|row| view! {
                            <tr>{row.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
