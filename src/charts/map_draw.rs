//! The map as a list of marks in device pixels ([`inks`]), replayed on any plotters
//! backend by [`replay`]: the map's drawing is compiled once, not once per backend
//! (canvas on screen, SVG for export).

use super::draw::color;
use crate::model::map::{circle, hatch, Frame, MapSpec, Swatch, LEGEND_INDENT, LEGEND_TEXT};
use crate::theme;
use anju_data::text::fit;
use plotters::prelude::*;

/// One mark, in device pixels.
pub enum Ink {
    Fill(Vec<(i32, i32)>, RGBColor),
    Stroke(Vec<(i32, i32)>, RGBColor, u32),
    /// Text centred vertically at the point; `true`: centred across it too, else from it.
    Text(String, (i32, i32), f64, RGBColor, bool),
}

pub use crate::model::map::NAME;

/// Whether text on `hex` should be light: a dark fill (by relative luminance).
fn dark_fill(hex: &str) -> bool {
    let RGBColor(r, g, b) = color(hex);
    0.2126 * f64::from(r) + 0.7152 * f64::from(g) + 0.0722 * f64::from(b) < 140.0
}

/// The map's marks for a `w`×`h` box (CSS px) at `dpr` device pixels each, and the frame
/// hit-testing reads.
pub fn inks(m: &MapSpec, w: f64, h: f64, dpr: f64, dark: bool) -> (Vec<Ink>, Frame) {
    let pick = |pair: (&str, &str)| color(if dark { pair.1 } else { pair.0 });
    let (fg, edge, outline) = (pick(theme::CHART_FG), pick(theme::MAP_EDGE), pick(theme::MAP_OUTLINE));
    let muted = pick(theme::CHART_MUTED);
    let f = m.frame(w, h);
    let px = |v: f64| (v * dpr).round() as i32;
    let screen = |r: &Vec<[f64; 2]>| -> Vec<(f64, f64)> { r.iter().map(|&p| f.to_screen(p)).collect() };
    let dev = |r: &[(f64, f64)]| -> Vec<(i32, i32)> { r.iter().map(|&(x, y)| (px(x), px(y))).collect() };
    let mut out = Vec::new();
    // Under circles the outline is ground, not a part without data.
    let circles = m.places.iter().any(|p| p.dot.is_some());
    let ground = if circles { pick(theme::MAP_GROUND) } else { color(theme::MAP_NO_DATA) };
    for r in m.outline.iter() {
        out.push(Ink::Fill(dev(&screen(r)), ground));
    }
    for p in m.places.iter().filter(|p| p.dot.is_none()) {
        let rings: Vec<Vec<(f64, f64)>> = p.rings.iter().map(screen).collect();
        // A hole shows what is under it, no data (an enclave drawn later covers it; the
        // spec orders places with holes first).
        let fill = p.fill.map(color).unwrap_or(RGBColor(0xf2, 0xf4, 0xf7));
        // Outer rings first, then holes, whatever their order in the file.
        for want_hole in [false, true] {
            for (r, _) in rings.iter().zip(&p.holes).filter(|(_, &h)| h == want_hole) {
                out.push(Ink::Fill(dev(r), if want_hole { color(theme::MAP_NO_DATA) } else { fill }));
            }
        }
        if p.fill.is_none() {
            for [a, b] in hatch(&rings, 6.0) {
                out.push(Ink::Stroke(dev(&[a, b]), muted, 1));
            }
        }
    }
    for p in m.places.iter() {
        for r in &p.rings {
            out.push(Ink::Stroke(dev(&screen(r)), edge, px(1.0).max(1) as u32));
        }
    }
    for r in m.outline.iter() {
        out.push(Ink::Stroke(dev(&screen(r)), outline, px(1.5).max(1) as u32));
    }
    // Circles over the ground, largest first (the spec's order), each edged so that
    // overlapping ones stay apart; a hidden value hatched on grey, never coloured.
    for p in m.places.iter() {
        let Some(r) = p.dot else { continue };
        let ring = circle(f.to_screen(p.at), r);
        out.push(Ink::Fill(dev(&ring), p.fill.map_or(color(theme::MAP_NO_DATA), color)));
        if p.fill.is_none() {
            for [a, b] in hatch(std::slice::from_ref(&ring), 4.0) {
                out.push(Ink::Stroke(dev(&[a, b]), muted, 1));
            }
        }
        // Edged in the outline's colour, not the background's: a pale class on the pale
        // ground (or a dark one on the dark screen) stays a visible circle.
        out.push(Ink::Stroke(dev(&ring), outline, px(1.0).max(1) as u32));
    }
    if let Some(p) = m.focus.and_then(|i| m.places.get(i)) {
        let focus = pick(theme::MAP_FOCUS);
        match p.dot {
            Some(r) => out.push(Ink::Stroke(dev(&circle(f.to_screen(p.at), r + 2.5)), focus, px(2.5).max(2) as u32)),
            None => {
                for r in &p.rings {
                    out.push(Ink::Stroke(dev(&screen(r)), focus, px(3.0).max(2) as u32));
                }
            }
        }
    }
    for (i, (x, y)) in m.names(w, h) {
        let p = &m.places[i];
        // A site's name stands on the ground beside its circle, in the chart's text colour.
        let ink = match p.dot {
            Some(_) => fg,
            None if p.fill.is_some_and(dark_fill) => RGBColor(255, 255, 255),
            None => color(theme::CHART_FG.0),
        };
        // Right of its circle, from the box's left edge: text wider than its estimate then
        // runs on into the open rather than back over the circle.
        let half = anju_data::text::em_width(&p.label) * NAME / 2.0;
        let right_of = p.dot.is_some() && x - half > f.to_screen(p.at).0;
        let at = if right_of { (px(x - half), px(y)) } else { (px(x), px(y)) };
        out.push(Ink::Text(p.label.clone(), at, NAME * dpr, ink, !right_of));
    }
    legend(m, &mut out, w, dpr, fg);
    (out, f)
}

/// The legend down the left edge: a swatch and its words per class.
fn legend(m: &MapSpec, out: &mut Vec<Ink>, w: f64, dpr: f64, fg: RGBColor) {
    let px = |v: f64| (v * dpr).round() as i32;
    let room = (m.legend_w(w) - LEGEND_INDENT - 2.0) / LEGEND_TEXT;
    for (i, (swatch, text)) in m.legend.iter().enumerate() {
        let y = 10.0 + 18.0 * i as f64;
        let (x0, y0, x1, y1) = (4.0, y, 18.0, y + 12.0);
        let corners = vec![(px(x0), px(y0)), (px(x1), px(y0)), (px(x1), px(y1)), (px(x0), px(y1))];
        match swatch {
            Swatch::Fill(c) => out.push(Ink::Fill(corners, color(c))),
            Swatch::Hatch => {
                let box_ = vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)];
                for [a, b] in hatch(std::slice::from_ref(&box_), 4.0) {
                    out.push(Ink::Stroke(vec![(px(a.0), px(a.1)), (px(b.0), px(b.1))], fg, 1));
                }
                let mut ring = corners;
                ring.push(ring[0]);
                out.push(Ink::Stroke(ring, fg, 1));
            }
            Swatch::Dot => {
                let ring: Vec<(i32, i32)> =
                    circle(((x0 + x1) / 2.0, (y0 + y1) / 2.0), 6.0).into_iter().map(|(x, y)| (px(x), px(y))).collect();
                out.push(Ink::Stroke(ring, fg, px(1.0).max(1) as u32));
            }
            Swatch::None => {}
        }
        out.push(Ink::Text(fit(text, room), (px(LEGEND_INDENT), px(y + 6.0)), LEGEND_TEXT * dpr, fg, false));
    }
}

/// Draws `inks` on `root`.
pub fn replay<DB: DrawingBackend>(root: &DrawingArea<DB, plotters::coord::Shift>, inks: Vec<Ink>) {
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    for ink in inks {
        let _ = match ink {
            Ink::Fill(p, c) => root.draw(&Polygon::new(p, c.filled())),
            Ink::Stroke(p, c, w) => root.draw(&PathElement::new(p, c.stroke_width(w))),
            Ink::Text(t, at, size, c, centred) => {
                let h = if centred { HPos::Center } else { HPos::Left };
                let style = (super::draw::FONT, size).into_font().color(&c).pos(Pos::new(h, VPos::Center));
                root.draw(&Text::new(t, at, style))
            }
        };
    }
}
