//! The map as plain data: a place's children filled by the measure in view, in a frame of
//! unit coordinates that [`MapSpec::frame`] fits into any box, and the arithmetic the
//! drawing and hit-testing share: the projection and rings' shapes (`shapes.rs`), the
//! colour classes and what the legend says of them (`classes.rs`). No web imports.

use crate::i18n::{name, tr};
use crate::theme;
use anju_data::disclosure::Shown;
use anju_data::format::Lang;
use anju_data::geometry::{contains, Geometry, Ring};
use anju_data::text::em_width;
use anju_data::view::measure::{self, Measure};
use anju_data::NodeIx;
use std::sync::Arc;

mod classes;
mod shapes;

use classes::legend;
pub use classes::{Classes, DIVERGING, SEQUENTIAL};
pub use shapes::{cos_lat, hatch, holes, net_area, project};

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
    /// A point inside it (where its name goes, and where a test clicks).
    pub at: [f64; 2],
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
}

/// A legend entry's mark.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Swatch {
    Fill(&'static str),
    /// A hidden value's hatching.
    Hatch,
    /// Words only (the target).
    None,
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

/// The names' size on the map, in CSS px.
pub const NAME: f64 = 12.0;

/// Where a name is tried, in half its width along and its height across, in order.
const NUDGES: [(f64, f64); 9] =
    [(0.0, 0.0), (0.5, 0.0), (-0.5, 0.0), (0.0, 1.0), (0.0, -1.0), (1.0, 0.0), (-1.0, 0.0), (0.5, 1.0), (-0.5, -1.0)];

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

    /// The place at `p` (unit frame), by the even-odd rule.
    pub fn place_at(&self, p: [f64; 2]) -> Option<usize> {
        // Last drawn first: an enclave is on top of its neighbour.
        (0..self.places.len()).rev().find(|&i| contains(&self.places[i].rings, p))
    }

    /// Each place's node id and label point in CSS px in a `w`×`h` box, in the order of
    /// [`MapSpec::rows`]; `None` for one not drawn.
    pub fn marks(&self, w: f64, h: f64) -> Vec<Option<(String, f64, f64)>> {
        let f = self.frame(w, h);
        self.rows_order()
            .map(|p| {
                (!p.rings.is_empty()).then(|| {
                    let (x, y) = f.to_screen(p.at);
                    (p.id.clone(), (x * 10.0).round() / 10.0, (y * 10.0).round() / 10.0)
                })
            })
            .collect()
    }

    /// The text alternative's rows, by name: every child and its value.
    pub fn rows(&self) -> Vec<Vec<String>> {
        self.rows_order().map(|p| vec![p.label.clone(), p.text.clone()]).collect()
    }

    /// The names written in a `w`×`h` box, as (place index, centre in CSS px): each only
    /// where its box lies inside its place, clear of every name already placed and of the
    /// legend and the box's edges, widest places first (they carry the map).
    pub fn names(&self, w: f64, h: f64) -> Vec<(usize, (f64, f64))> {
        let (m, f) = (self, self.frame(w, h));
        let mut by_width: Vec<usize> = (0..m.places.len()).filter(|&i| !m.places[i].rings.is_empty()).collect();
        anju_data::order::sort_by(&mut by_width, |&a, &b| m.places[b].width.total_cmp(&m.places[a].width));
        let mut placed: Vec<([f64; 2], [f64; 2])> = Vec::new();
        let mut out = Vec::new();
        for i in by_width {
            let p = &m.places[i];
            let (half, tall) = (em_width(&p.label) * NAME / 2.0, NAME * 0.45);
            let (x0, y0) = f.to_screen(p.at);
            // At the label point, else nudged along and across it: a county's label point is
            // often near a bend where the name would run out of it.
            let spot = NUDGES.iter().map(|&(dx, dy)| (x0 + dx * half, y0 + dy * NAME)).find(|&(x, y)| {
                let b = ([x - half, y - tall], [x + half, y + tall]);
                // All four corners of its box inside its own place: light text on a dark fill
                // must not run out onto the background, where it would vanish.
                let corners = [(b.0[0], b.0[1]), (b.1[0], b.0[1]), (b.0[0], b.1[1]), (b.1[0], b.1[1])];
                let within = corners.iter().all(|&(cx, cy)| contains(&p.rings, f.to_unit(cx, cy)));
                let clear = placed
                    .iter()
                    .all(|o| b.1[0] + 2.0 < o.0[0] || o.1[0] + 2.0 < b.0[0] || b.1[1] < o.0[1] || o.1[1] < b.0[1]);
                within && clear && b.0[0] >= m.legend_w(w) && b.1[0] <= w
            });
            if let Some((x, y)) = spot {
                placed.push(([x - half, y - tall], [x + half, y + tall]));
                out.push((i, (x, y)));
            }
        }
        out
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
    let mut places: Vec<Place> = kids
        .iter()
        .zip(&values)
        .map(|(&c, v)| {
            let n = ds.node(c);
            let shape = geo.shape(&n.id);
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
                at: shape.map(|sh| proj(sh.label)).unwrap_or([0.0, 0.0]),
                width: (hi - lo).max(0.0),
                rings,
                href: href(&n.id),
            }
        })
        .collect();
    let has_hole = |p: &Place| p.holes.contains(&true);
    anju_data::order::sort_by(&mut places, |a, b| has_hole(b).cmp(&has_hole(a)));
    let aspect = {
        let [_, sth, _, nth] = bounds;
        proj([bounds[0], sth])[1] - proj([bounds[0], nth])[1]
    };
    let outline: Vec<Path> = geo.outline.iter().map(unit).collect();
    MapSpec {
        legend: legend(
            m,
            &classes,
            &shown,
            target,
            lang,
            places.iter().any(|p| p.fill.is_none()),
            places.iter().any(|p| p.fill == Some(theme::MAP_NO_DATA)) || uncovered(&outline, &places),
        ),
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
