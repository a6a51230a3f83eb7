//! Drawing with plotters on a canvas sized in device pixels. Positions come from
//! `anju_data::view::geom`, the same numbers hit-testing uses.

use crate::model::spec::{Bar, ChartSpec, Line};
use crate::theme;
use anju_data::text::{em_width, fit};
use anju_data::view::geom::{HBars, Rect, TimeAxis};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

/// The font stack of the page, so canvas text matches it and Chinese renders.
pub const FONT: &str = "PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif";

/// What was drawn, for hit-testing.
#[derive(Clone, Debug, PartialEq)]
pub enum Drawn {
    Bars(HBars),
    Trend(TimeAxis),
    Map(crate::model::map::Frame),
    Nothing,
}

pub fn color(hex: &str) -> RGBColor {
    let h = hex.trim_start_matches('#');
    let p = |i: usize| u8::from_str_radix(h.get(i..i + 2).unwrap_or("80"), 16).unwrap_or(128);
    RGBColor(p(0), p(2), p(4))
}

/// Width in CSS pixels reserved for labels: long names are cut rather than overlap.
fn label_width(width: f64) -> f64 {
    (width * 0.32).clamp(72.0, 190.0)
}

/// Room on the right of the bars for the longest value text ("9223372.04万亿（100.0%）"
/// must not run off the canvas): CJK about one em, ASCII about half, at the largest size.
/// Not generic, so the canvas and SVG backends share one copy.
fn value_room(bars: &[Bar], w: f64) -> f64 {
    // Never a clamp with its bounds crossed: a box not yet laid out is 0 px wide.
    (bars.iter().map(|b| em_width(&b.text)).fold(0.0, f64::max) * 14.0 + 8.0).clamp(64.0, (w * 0.4).max(64.0))
}

/// Draws `spec` on `canvas` (already sized to `w`×`h` CSS px times `dpr`).
pub fn draw(canvas: HtmlCanvasElement, spec: &ChartSpec, w: f64, h: f64, dpr: f64, dark: bool) -> Drawn {
    let Some(backend) = CanvasBackend::with_canvas_object(canvas) else { return Drawn::Nothing };
    let root = backend.into_drawing_area();
    let drawn = draw_on(&root, spec, w, h, dpr, dark);
    let _ = root.present();
    drawn
}

/// Draws `spec` on any plotters backend (canvas on screen, SVG for export). The caller
/// presents the area when it has drawn everything (for SVG that closes the document).
pub fn draw_on<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    w: f64,
    h: f64,
    dpr: f64,
    dark: bool,
) -> Drawn {
    let pick = |pair: (&str, &str)| color(if dark { pair.1 } else { pair.0 });
    let (fg, muted, grid) = (pick(theme::CHART_FG), pick(theme::CHART_MUTED), pick(theme::CHART_GRID));
    let _ = root.fill(&TRANSPARENT);
    let px = |v: f64| (v * dpr).round() as i32;
    let font = |size: f64| (FONT, size * dpr).into_font();
    match spec {
        ChartSpec::Map(m) => {
            let (inks, frame) = super::map_draw::inks(m, w, h, dpr, dark);
            super::map_draw::replay(root, inks);
            Drawn::Map(frame)
        }
        ChartSpec::Empty(why) => {
            let style = font(14.0).color(&muted).pos(Pos::new(HPos::Center, VPos::Center));
            let _ = root.draw(&Text::new(why.clone(), (px(w / 2.0), px(h / 2.0)), style));
            Drawn::Nothing
        }
        ChartSpec::Bars { bars, target, axis, .. } => {
            let lw = label_width(w);
            let Some(layout) = bar_layout(spec, w, h) else { return Drawn::Nothing };
            let size = bar_text_size(&layout);
            // The label's room in ems: it ends 6 px left of the bars and keeps 8 px clear
            // of the left edge (the em estimate is not a measurement).
            let room = ((lw - 14.0) / size).max(2.0);
            let plot = layout.plot;
            // Ticks: a light line up the plot and the value beneath, where it fits.
            let mut last_right = f64::MIN;
            for (v, text) in &axis.ticks {
                let x = layout.x_of(*v);
                let _ = root.draw(&PathElement::new(
                    vec![(px(x), px(plot.y)), (px(x), px(plot.bottom()))],
                    grid.stroke_width(px(1.0).max(1) as u32),
                ));
                let half = em_width(text) * SMALL / 2.0;
                if x - half > last_right + 4.0 && x + half <= w {
                    let style = font(SMALL).color(&muted).pos(Pos::new(HPos::Center, VPos::Top));
                    let _ = root.draw(&Text::new(text.clone(), (px(x), px(plot.bottom() + 4.0)), style));
                    last_right = x + half;
                }
            }
            let _ = root.draw(&PathElement::new(
                vec![(px(plot.x), px(plot.y)), (px(plot.x), px(plot.bottom()))],
                muted.stroke_width(px(1.0).max(1) as u32),
            ));
            if let Some(note) = &axis.note {
                // The axis does not start at zero: words saying where, above the names.
                let style = font(SMALL).color(&muted).pos(Pos::new(HPos::Left, VPos::Top));
                let _ = root.draw(&Text::new(note.clone(), (px(4.0), px(2.0)), style));
            }
            if let Some((t, label)) = target {
                let x = layout.x_of(*t);
                let red = RGBColor(198, 40, 40);
                let _ = root.draw(&PathElement::new(
                    vec![(px(x), px(plot.y - 2.0)), (px(x), px(plot.bottom()))],
                    red.stroke_width(px(2.0) as u32),
                ));
                // Above the bars, clear of every value (those are in their own column).
                let half = em_width(label) * SMALL / 2.0;
                let anchor = if x + half > plot.right() { HPos::Right } else { HPos::Center };
                let style = font(SMALL).color(&red).pos(Pos::new(anchor, VPos::Bottom));
                let _ = root.draw(&Text::new(label.clone(), (px(x), px(plot.y - 3.0)), style));
            }
            for (bar, r) in bars.iter().zip(&layout.bars) {
                draw_bar(root, bar, r, (size, room, w), dpr, fg, muted);
            }
            Drawn::Bars(layout)
        }
        ChartSpec::Trend { periods, lines } => {
            let plot = Rect { x: 64.0, y: 30.0, w: (w - 128.0).max(20.0), h: (h - 60.0).max(20.0) };
            let axis = TimeAxis { plot, n: periods.len() };
            legend(root, lines, plot.x, dpr);
            // Grid lines at the first line's ticks.
            if let Some(first) = lines.first() {
                let s = first.axis.scale;
                for (v, _) in &first.axis.ticks {
                    let y = px(axis.y_of(*v, s.lo, s.hi));
                    let _ = root
                        .draw(&PathElement::new(vec![(px(plot.x), y), (px(plot.right()), y)], grid.stroke_width(1)));
                }
            }
            // Period labels: first, last, and every so often between.
            let step = ((periods.len() as f64) / ((plot.w / 70.0).max(1.0))).ceil().max(1.0) as usize;
            for (i, p) in periods.iter().enumerate() {
                if i % step == 0 || i + 1 == periods.len() {
                    let style = font(SMALL).color(&muted).pos(Pos::new(HPos::Center, VPos::Top));
                    let _ = root.draw(&Text::new(p.clone(), (px(axis.x_of(i)), px(plot.bottom() + 6.0)), style));
                }
            }
            for line in lines {
                draw_line(root, line, &axis, dpr, font(SMALL));
            }
            Drawn::Trend(axis)
        }
    }
}

/// The smallest text a chart draws (ticks, periods, notes), in CSS px before zoom: at the
/// big screen's zoom of 1.35 it is 14.85 px at 1080p.
pub const SMALL: f64 = 11.0;

/// The size of a bar chart's names and values: from the rows' height, 11 to 14 px.
fn bar_text_size(layout: &HBars) -> f64 {
    (layout.rows.first().map(|r| r.h).unwrap_or(20.0) * 0.55).clamp(SMALL, 14.0)
}

/// The smallest text and the names' size `spec` is drawn with in a `w`×`h` box (CSS px,
/// before zoom): for the test hooks `data-font-min` and `data-font-label`.
pub fn text_sizes(spec: &ChartSpec, w: f64, h: f64) -> (f64, f64) {
    match spec {
        ChartSpec::Bars { .. } => {
            let label = bar_layout(spec, w, h).map_or(SMALL, |l| bar_text_size(&l));
            (label.min(SMALL), label)
        }
        ChartSpec::Trend { .. } => (SMALL, LEGEND),
        ChartSpec::Map(_) => (SMALL, super::map_draw::NAME),
        ChartSpec::Empty(_) => (14.0, 14.0),
    }
}

/// Where a bar chart's bars go in a `w`×`h` box, as [`draw_on`] lays them out: the values
/// are in their own column right of `plot`, so no target line crosses them.
pub fn bar_layout(spec: &ChartSpec, w: f64, h: f64) -> Option<HBars> {
    let ChartSpec::Bars { bars, axis, .. } = spec else { return None };
    let values: Vec<Option<f64>> = bars.iter().map(|b| b.value).collect();
    Some(HBars::layout(w, h, &values, label_width(w), value_room(bars, w), axis.scale))
}

/// The legend's text size.
const LEGEND: f64 = 12.0;

/// A swatch and a name per line, along the top from `x`.
fn legend<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, lines: &[Line], x: f64, dpr: f64) {
    let px = |v: f64| (v * dpr).round() as i32;
    let mut at = x;
    for line in lines {
        let c = color(line.color);
        let y = 12.0;
        let _ =
            root.draw(&PathElement::new(vec![(px(at), px(y)), (px(at + 18.0), px(y))], c.stroke_width(px(3.0) as u32)));
        let _ = root.draw(&Circle::new((px(at + 9.0), px(y)), px(3.0), c.filled()));
        let style = (FONT, LEGEND * dpr).into_font().color(&c).pos(Pos::new(HPos::Left, VPos::Center));
        let _ = root.draw(&Text::new(line.name.clone(), (px(at + 24.0), px(y)), style));
        at += 24.0 + em_width(&line.name) * LEGEND + 18.0;
    }
}

/// One bar: its name right-aligned before it, the bar (or a hidden figure's mark), and
/// its value right-aligned at the chart's right edge, so no line crosses it.
fn draw_bar<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    bar: &Bar,
    r: &Rect,
    (size, room, w): (f64, f64, f64),
    dpr: f64,
    fg: RGBColor,
    muted: RGBColor,
) {
    let px = |v: f64| (v * dpr).round() as i32;
    let mid = r.y + r.h / 2.0;
    let label = (FONT, size * dpr).into_font().color(&fg).pos(Pos::new(HPos::Right, VPos::Center));
    let _ = root.draw(&Text::new(fit(&bar.label, room), (px(r.x - 6.0), px(mid)), label));
    if bar.hidden {
        hatch(root, r, dpr, muted);
    } else if r.w > 0.0 {
        let _ =
            root.draw(&Rectangle::new([(px(r.x), px(r.y)), (px(r.x + r.w), px(r.y + r.h))], color(bar.color).filled()));
    }
    let value = (FONT, size * dpr).into_font().color(&fg).pos(Pos::new(HPos::Right, VPos::Center));
    let _ = root.draw(&Text::new(bar.text.clone(), (px(w - 4.0), px(mid)), value));
}

/// The width of a hidden figure's mark, in CSS px: the same for every hidden value, so
/// that its length says nothing about it.
const HIDDEN_W: f64 = 22.0;

/// A hidden figure's mark: an outlined box of [`HIDDEN_W`] with diagonal hatching.
fn hatch<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, r: &Rect, dpr: f64, ink: RGBColor) {
    let px = |v: f64| (v * dpr).round() as i32;
    let (x0, y0, x1, y1) = (r.x, r.y, r.x + HIDDEN_W, r.y + r.h);
    let _ = root.draw(&Rectangle::new([(px(x0), px(y0)), (px(x1), px(y1))], ink.stroke_width(1)));
    let mut k = x0 - r.h;
    while k < x1 {
        // A line of slope −1 from (k, y1) to (k + h, y0), clipped to the box.
        let (a, b) = ((k.max(x0), y1 - (k.max(x0) - k)), ((k + r.h).min(x1), y1 - ((k + r.h).min(x1) - k)));
        let _ = root.draw(&PathElement::new(vec![(px(a.0), px(a.1)), (px(b.0), px(b.1))], ink.stroke_width(1)));
        k += 5.0;
    }
}

fn draw_line<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    line: &Line,
    axis: &TimeAxis,
    dpr: f64,
    font: FontDesc,
) {
    let px = |v: f64| (v * dpr).round() as i32;
    let c = color(line.color);
    let (lo, hi) = (line.axis.scale.lo, line.axis.scale.hi);
    let mut run: Vec<(i32, i32)> = Vec::new();
    let flush = |run: &mut Vec<(i32, i32)>| {
        if run.len() > 1 {
            let _ = root.draw(&PathElement::new(run.clone(), c.stroke_width(px(2.0).max(1) as u32)));
        }
        for &p in run.iter() {
            let _ = root.draw(&Circle::new(p, px(2.5), c.filled()));
        }
        run.clear();
    };
    for (i, v) in line.values.iter().enumerate() {
        match v {
            Some(v) => run.push((px(axis.x_of(i)), px(axis.y_of(*v, lo, hi)))),
            None => flush(&mut run),
        }
    }
    flush(&mut run);
    // Its ticks at round steps, on its own side, in its colour.
    let (x, anchor) =
        if line.right_axis { (axis.plot.right() + 6.0, HPos::Left) } else { (axis.plot.x - 6.0, HPos::Right) };
    for (v, text) in &line.axis.ticks {
        let style = font.clone().color(&c).pos(Pos::new(anchor, VPos::Center));
        let _ = root.draw(&Text::new(text.clone(), (px(x), px(axis.y_of(*v, lo, hi))), style));
    }
}
