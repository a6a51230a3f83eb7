//! Every chart exports as PNG (twice its on-screen size) and as SVG (plotters' SVG
//! backend), stamped with where, what filters, which period, the as-of date and where the
//! figures come from, so a picture pasted into slides still says what it shows.

use super::draw::{draw_on, FONT};
use crate::model::spec::ChartSpec;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;

/// The stamp for the charts of the view in context: one line each.
#[derive(Clone, Copy)]
pub struct Stamp(pub Signal<Vec<String>>);

const LINE: f64 = 13.0;

fn stamp_height(lines: usize) -> f64 {
    lines as f64 * LINE + 8.0
}

/// The stamp's lines for an image `w` wide, each wrapped to the width (10 px text: an em
/// is 10 px) and kept whole.
fn stamp_lines(stamp: &[String], w: f64) -> Vec<String> {
    let room = ((w - 12.0) / 10.0).max(10.0);
    stamp.iter().flat_map(|l| anju_data::text::wrap(l, room)).collect()
}

/// Draws the chart in a `w`×`chart_h` area and the stamp's `lines` below it.
fn compose<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    spec: &ChartSpec,
    w: f64,
    chart_h: f64,
    scale: f64,
    lines: Vec<String>,
) {
    let _ = root.fill(&WHITE);
    draw_on(root, spec, w, chart_h, scale, false);
    let grey = RGBColor(90, 100, 112);
    for (k, line) in lines.into_iter().enumerate() {
        let style = (FONT, 10.0 * scale).into_font().color(&grey).pos(Pos::new(HPos::Left, VPos::Top));
        let y = chart_h + 4.0 + k as f64 * LINE;
        let _ = root.draw(&Text::new(line, ((6.0 * scale) as i32, (y * scale) as i32), style));
    }
    let _ = root.present();
}

/// The chart height left in an image `h` tall above the stamp's `lines`.
fn chart_height(h: f64, lines: &[String]) -> f64 {
    (h - stamp_height(lines.len())).max(40.0)
}

/// The chart with the stamp below, as PNG at twice `w`×`h` CSS pixels (its size on
/// screen), as a data URL.
pub fn png_data_url(spec: &ChartSpec, w: f64, h: f64, stamp: &[String]) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let canvas: web_sys::HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
    let lines = stamp_lines(stamp, w);
    canvas.set_width((w * 2.0).round() as u32);
    canvas.set_height((h * 2.0).round() as u32);
    let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
    compose(&backend.into_drawing_area(), spec, w, chart_height(h, &lines), 2.0, lines);
    canvas.to_data_url_with_type("image/png").ok()
}

/// The chart with the stamp below, as an SVG document of `w`×`h`.
pub fn svg(spec: &ChartSpec, w: f64, h: f64, stamp: &[String]) -> String {
    let mut out = String::new();
    let lines = stamp_lines(stamp, w);
    {
        let root = SVGBackend::with_string(&mut out, (w.round() as u32, h.round() as u32)).into_drawing_area();
        compose(&root, spec, w, chart_height(h, &lines), 1.0, lines);
    }
    out
}

/// Offers a URL (data: or blob:) as a download.
pub fn download_url(filename: &str, url: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(a) = doc.create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        a.set_href(url);
        a.set_download(&crate::export::safe_filename(filename));
        a.click();
    }
}
