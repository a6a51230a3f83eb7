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

/// Draws the chart in the top part of a `w`×`h` area and the stamp below it.
fn compose<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    spec: &ChartSpec,
    w: f64,
    h: f64,
    scale: f64,
    stamp: &[String],
) {
    let _ = root.fill(&WHITE);
    let chart_h = (h - stamp_height(stamp.len())).max(40.0);
    draw_on(root, spec, w, chart_h, scale, false);
    let grey = RGBColor(90, 100, 112);
    // A Chinese character at 10 px is about 10 px wide: cut lines to the image's width.
    let fits = ((w - 12.0) / 10.0).max(10.0) as usize;
    for (k, line) in stamp.iter().enumerate() {
        let style = (FONT, 10.0 * scale).into_font().color(&grey).pos(Pos::new(HPos::Left, VPos::Top));
        let y = chart_h + 4.0 + k as f64 * LINE;
        let _ =
            root.draw(&Text::new(anju_data::text::clip(line, fits), ((6.0 * scale) as i32, (y * scale) as i32), style));
    }
    let _ = root.present();
}

/// The chart as PNG at twice `w`×`h` CSS pixels, as a data URL.
pub fn png_data_url(spec: &ChartSpec, w: f64, h: f64, stamp: &[String]) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let canvas: web_sys::HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width((w * 2.0).round() as u32);
    canvas.set_height((h * 2.0).round() as u32);
    let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
    compose(&backend.into_drawing_area(), spec, w, h, 2.0, stamp);
    canvas.to_data_url_with_type("image/png").ok()
}

/// The chart as an SVG document of `w`×`h`.
pub fn svg(spec: &ChartSpec, w: f64, h: f64, stamp: &[String]) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (w.round() as u32, h.round() as u32)).into_drawing_area();
        compose(&root, spec, w, h, 1.0, stamp);
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
