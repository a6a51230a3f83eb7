//! The map as plain data: a place's children filled by the measure in view, in a frame of
//! unit coordinates that [`MapSpec::frame`] fits into any box, and the arithmetic the
//! drawing and hit-testing share: the projection and rings' shapes (`shapes.rs`), the
//! colour classes and what the legend says of them (`classes.rs`). No web imports.

use crate::i18n::{name, tr};
use crate::theme;
use anju_data::disclosure::Shown;
use anju_data::format::Lang;
use anju_data::geometry::{contains, Geometry, Ring};
use anju_data::view::measure::{self, Measure};
use anju_data::NodeIx;
use std::sync::Arc;

mod classes;
mod dots;
mod names;
mod shapes;

pub use anju_data::geometry::cos_lat;
pub use classes::{legend, Classes, DIVERGING, SEQUENTIAL};
pub use dots::{circle, radius, sizes, MadeUp, DOT_MAX, DOT_MIN};
pub use names::NAME;
pub use shapes::{hatch, holes, net_area, project};

/// A ring in the map's unit frame: x east from the west edge, y south from the north edge,
/// both in the same unit (the map is 1 wide).
pub type Path = Vec<[f64; 2]>;

/// One child of the place in view, as the map draws it.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub id: String,
    pub label: String,
    /// The value as people read it ("94.7%", "2.3万"), or the hidden mark.
    pub text: String,
    /// Its class's colour; `None` when the value is hidden: hatched, never coloured.
    pub fill: Option<&'static str>,
    /// Rings by the even-odd rule; empty for a child the geometry file does not draw (it
    /// is still in the text alternative).
    pub rings: Vec<Path>,
    /// Which rings are holes ([`holes`]): a drawing that fills ring by ring needs it.
    pub holes: Vec<bool>,
    /// A point inside it (where its name goes, and where a test clicks); a site's location.
    pub at: [f64; 2],
    /// A site drawn as a circle at `at`: its radius in CSS px ([`radius`]: area by
    /// people). `None` for a shape.
    pub dot: Option<f64>,
    /// Its width in the unit frame: wider places are named first.
    pub width: f64,
    pub href: String,
}

/// A choropleth of one place's children. Shared parts are behind `Arc`: a hover or the
/// big screen's carousel outlines another place by a cheap copy ([`MapSpec::focused`]).
#[derive(Clone, Debug, PartialEq)]
pub struct MapSpec {
    /// Places with holes first: an enclave drawn later shows over its neighbour's hole.
    pub places: Arc<Vec<Place>>,
    /// The place in view as one outline (its parts no child covers drawn as no data).
    pub outline: Arc<Vec<Path>>,
    /// The place outlined (an index of `places`): the one under the pointer, or the one
    /// the big screen has on show.
    pub focus: Option<usize>,
    /// Height over width of the unit frame.
    pub aspect: f64,
    /// The classes, lowest first, and what each means.
    pub legend: Vec<(Swatch, String)>,
    pub value_header: String,
    /// Which sites' locations are made up (the demo's): said in the legend and under the map.
    pub made_up: MadeUp,
}

/// A legend entry's mark.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Swatch {
    Fill(&'static str),
    /// A hidden value's hatching.
    Hatch,
    /// Words only (the target).
    None,
    /// A circle's outline: what the sites' circles mean.
    Dot,
}

/// Where the unit frame lands in a box: screen = `(x + s·u, y + s·v)` in CSS px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub x: f64,
    pub y: f64,
    pub s: f64,
}

impl Frame {
    pub fn to_screen(self, p: [f64; 2]) -> (f64, f64) {
        (self.x + self.s * p[0], self.y + self.s * p[1])
    }
    pub fn to_unit(self, x: f64, y: f64) -> [f64; 2] {
        [(x - self.x) / self.s, (y - self.y) / self.s]
    }
}

/// How far beside a circle's edge a tap still reaches it, in CSS px.
pub const TAP: f64 = 10.0;

/// The legend's text size, in CSS px; its column is as wide as its longest line needs
/// ([`MapSpec::legend_w`]), from a swatch's width to a third of the box.
pub const LEGEND_TEXT: f64 = 11.0;
/// Where the legend's words start: after the swatch and a gap (CSS px).
pub const LEGEND_INDENT: f64 = 24.0;
const MARGIN: f64 = 8.0;

impl MapSpec {
    /// The same map with the place `id` outlined (none when it is not on the map).
    pub fn focused(&self, id: Option<&str>) -> MapSpec {
        let focus = id.and_then(|id| self.places.iter().position(|p| p.id == id));
        MapSpec { focus, ..self.clone() }
    }

    /// The legend column's width in a box `w` wide (CSS px): its longest line whole
    /// ("12,345.67元–15,678.90元" must not lose digits), at most a third of the box.
    pub fn legend_w(&self, w: f64) -> f64 {
        let longest = self.legend.iter().map(|(_, t)| anju_data::text::em_width(t)).fold(0.0, f64::max);
        (LEGEND_INDENT + longest * LEGEND_TEXT + 6.0).min(w / 3.0).max(LEGEND_INDENT)
    }

    /// The frame that fits the map, centred, into a `w`×`h` box right of the legend.
    pub fn frame(&self, w: f64, h: f64) -> Frame {
        let left = self.legend_w(w);
        let (aw, ah) = ((w - left - 2.0 * MARGIN).max(1.0), (h - 2.0 * MARGIN).max(1.0));
        let s = aw.min(ah / self.aspect.max(1e-9));
        Frame { x: left + MARGIN + (aw - s) / 2.0, y: MARGIN + (ah - s * self.aspect) / 2.0, s }
    }

    /// The place at (`x`, `y`) CSS px in the frame `f`: a circle within 2 px of its edge,
    /// else a shape by the even-odd rule, else the circle whose edge is nearest within
    /// [`TAP`] (a finger on a phone lands beside a 7 px circle as often as on it).
    pub fn place_at(&self, f: Frame, x: f64, y: f64) -> Option<usize> {
        self.place_under(f, x, y).or_else(|| {
            let gap = |i: usize| {
                let q = &self.places[i];
                let (cx, cy) = f.to_screen(q.at);
                q.dot.map(|r| (x - cx).hypot(y - cy) - r)
            };
            let near = (0..self.places.len()).filter_map(|i| Some((i, gap(i)?))).filter(|&(_, d)| d <= TAP);
            near.min_by(|a, b| a.1.total_cmp(&b.1)).map(|(i, _)| i)
        })
    }

    /// The place drawn under (`x`, `y`): last drawn first, so that a small circle is on top
    /// of a large one and an enclave on top of its neighbour.
    fn place_under(&self, f: Frame, x: f64, y: f64) -> Option<usize> {
        let p = f.to_unit(x, y);
        (0..self.places.len()).rev().find(|&i| {
            let q = &self.places[i];
            match q.dot {
                Some(r) => {
                    let (cx, cy) = f.to_screen(q.at);
                    (x - cx).hypot(y - cy) <= r + 2.0
                }
                None => contains(&q.rings, p),
            }
        })
    }

    /// Whether `p` is drawn (a shape or a circle).
    fn drawn(p: &Place) -> bool {
        !p.rings.is_empty() || p.dot.is_some()
    }

    /// Each place's node id and label point in CSS px in a `w`×`h` box, in the order of
    /// [`MapSpec::rows`]; `None` for one not drawn.
    pub fn marks(&self, w: f64, h: f64) -> Vec<Option<(String, f64, f64)>> {
        let f = self.frame(w, h);
        let round = |v: f64| (v * 10.0).round() / 10.0;
        self.rows_order()
            .map(|p| {
                let (x, y) = self.visible_point(f, p)?;
                Some((p.id.clone(), round(x), round(y)))
            })
            .collect()
    }

    /// A pixel of `p` a click reaches it at: its label point, or for a circle partly under
    /// a smaller one, the first of a few points across it that is its own; `None` for a
    /// place not drawn, or a circle wholly under others (no click can reach it).
    fn visible_point(&self, f: Frame, p: &Place) -> Option<(f64, f64)> {
        let (cx, cy) = f.to_screen(p.at);
        let Some(r) = p.dot else { return MapSpec::drawn(p).then_some((cx, cy)) };
        let me = self.places.iter().position(|q| std::ptr::eq(q, p));
        let ring = |k: f64| circle((cx, cy), r * k).into_iter().step_by(4);
        let tries = std::iter::once((cx, cy)).chain(ring(0.5)).chain(ring(0.85));
        // Rounded as the marks are, so that the pixel a test reads is the one checked.
        let round = |v: f64| (v * 10.0).round() / 10.0;
        tries.map(|(x, y)| (round(x), round(y))).find(|&(x, y)| self.place_at(f, x, y) == me)
    }

    /// The text alternative's rows, by name: every child and its value.
    pub fn rows(&self) -> Vec<Vec<String>> {
        self.rows_order().map(|p| vec![p.label.clone(), p.text.clone()]).collect()
    }

    fn rows_order(&self) -> impl Iterator<Item = &Place> {
        let mut v: Vec<&Place> = self.places.iter().collect();
        anju_data::order::sort_by(&mut v, |a, b| a.id.cmp(&b.id));
        v.into_iter()
    }
}

/// The map of `ix`'s children in `geo` (the file the index names for `ix`), filled by
/// `m` at period `t` as `s` lets each be shown. Children without a shape are listed, not
/// drawn; shapes of no child are ignored (the validator refuses them).
pub fn map_spec(
    s: Shown,
    ix: NodeIx,
    geo: &Geometry,
    m: Measure,
    t: usize,
    lang: Lang,
    href: impl Fn(&str) -> String,
) -> MapSpec {
    let ds = s.ds;
    let bounds = geo.bounds().unwrap_or([0.0, 0.0, 1.0, 1.0]);
    let proj = project(bounds);
    let unit = |r: &Ring| -> Path { r.iter().map(|&p| proj(p)).collect() };
    let kids = &ds.kids[ix];
    // A value that is not a number is no data, never a class.
    let values: Vec<Option<f64>> = kids
        .iter()
        .map(|&c| (!s.hides(c, m, t)).then(|| s.value(c, m, t)).flatten().filter(|v| v.is_finite()))
        .collect();
    let target = measure::target(ds, ix, m);
    let shown: Vec<f64> = values.iter().flatten().copied().collect();
    let classes = Classes::of(m, &shown, target);
    // Sites drawn as circles, their area by people (a hidden count is the least circle).
    let people = Measure::Count(anju_data::Metric::People);
    let located: Vec<Option<&anju_data::geometry::Point>> = kids.iter().map(|&c| geo.point(&ds.node(c).id)).collect();
    let counts: Vec<Option<f64>> =
        kids.iter().zip(&located).map(|(&c, p)| p.and_then(|_| s.value(c, people, t))).collect();
    let size = sizes(&counts);
    let mut places: Vec<Place> = kids
        .iter()
        .zip(&values)
        .enumerate()
        .map(|(k, (&c, v))| {
            let n = ds.node(c);
            let shape = geo.shape(&n.id);
            let point = located[k];
            let rings: Vec<Path> = shape.map(|sh| sh.rings.iter().map(unit).collect()).unwrap_or_default();
            let (lo, hi) =
                rings.iter().flatten().fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p[0]), hi.max(p[0])));
            let fill = match v {
                _ if s.hides(c, m, t) => None,
                Some(v) => Some(classes.colour(*v)),
                None => Some(theme::MAP_NO_DATA),
            };
            Place {
                holes: holes(&rings),
                id: n.id.clone(),
                label: name(n, lang),
                text: s.text(c, m, t, lang),
                fill,
                at: shape.map(|sh| proj(sh.label)).or(point.map(|p| proj(p.at))).unwrap_or([0.0, 0.0]),
                dot: point.map(|_| radius(size[k], located.iter().flatten().count())),
                // Circles are named largest first, as shapes widest first.
                width: if point.is_some() { size[k] } else { (hi - lo).max(0.0) },
                rings,
                href: href(&n.id),
            }
        })
        .collect();
    // Shapes with holes, then the other shapes, then circles largest first (a small one
    // drawn later stays on top).
    let rank = |p: &Place| (p.dot.is_some(), !p.holes.contains(&true), -p.dot.unwrap_or(0.0));
    anju_data::order::sort_by(&mut places, |a, b| rank(a).partial_cmp(&rank(b)).unwrap_or(std::cmp::Ordering::Equal));
    let aspect = {
        let [_, sth, _, nth] = bounds;
        proj([bounds[0], sth])[1] - proj([bounds[0], nth])[1]
    };
    let outline: Vec<Path> = geo.outline.iter().map(unit).collect();
    // A map of circles: the outline is the ground they stand on, not a part without data.
    let circles = places.iter().any(|p| p.dot.is_some());
    // A grey that is drawn: a place with a shape or a circle and no value, or (shapes only)
    // part of the outline no child covers.
    let grey = places.iter().any(|p| p.fill == Some(theme::MAP_NO_DATA) && MapSpec::drawn(p));
    let no_data = grey || (!circles && uncovered(&outline, &places));
    let mut legend = legend(m, &classes, &shown, target, lang, places.iter().any(|p| p.fill.is_none()), no_data);
    let made_up =
        match (located.iter().flatten().any(|p| p.synthesised), located.iter().flatten().all(|p| p.synthesised)) {
            (false, _) => MadeUp::None,
            (true, true) => MadeUp::All,
            (true, false) => MadeUp::Some,
        };
    if circles {
        let most = (0..kids.len())
            .filter(|&k| counts[k].is_some())
            .max_by(|&a, &b| counts[a].unwrap_or(0.0).total_cmp(&counts[b].unwrap_or(0.0)));
        let most = most.map(|k| s.text(kids[k], people, t, lang));
        let unlocated = located.iter().filter(|p| p.is_none()).count();
        legend.extend(dots::legend(most, unlocated, made_up, lang));
    }
    MapSpec {
        legend,
        made_up,
        places: Arc::new(places),
        outline: Arc::new(outline),
        focus: None,
        aspect: aspect.max(1e-3),
        value_header: m.label(lang),
    }
}

/// Whether part of the outline is no child's (a city of which the dataset holds only some
/// counties): drawn as no data, so the legend must say what that grey is. By area, the
/// rings' signed sum (holes wound against their outer ring, as `anju geo` writes them);
/// rounding aside, a hundredth of the outline.
fn uncovered(outline: &[Path], places: &[Place]) -> bool {
    let whole = net_area(outline);
    let covered: f64 = places.iter().map(|p| net_area(&p.rings)).sum();
    whole - covered > whole * 0.01
}

/// Where the boundaries come from, as the map credits them ("边界：<title> · <note>"):
/// the dataset source the index's `geo.source` names (its licence is in its note, as
/// `anju geo` records it). `None` when the dataset has no maps or the id is unknown.
pub fn boundary_credit(ds: &anju_data::Dataset, lang: Lang) -> Option<String> {
    let src = ds.meta.sources.get(&ds.geo.as_ref()?.source)?;
    let note = if src.note.is_empty() { String::new() } else { format!(" · {}", src.note) };
    Some(format!("{}{}{note}", tr(lang, "边界：", "Boundaries: "), src.title))
}
