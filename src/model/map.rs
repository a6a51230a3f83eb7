//! The map as plain data: a place's children filled by the measure in view, in a frame of
//! unit coordinates that [`MapSpec::frame`] fits into any box, and the arithmetic the
//! drawing and hit-testing share (projection, classes, hatching). No web imports.

use crate::i18n::{name, tr};
use crate::theme;
use anju_data::disclosure::Shown;
use anju_data::format::Lang;
use anju_data::geometry::{contains, Geometry, Ring};
use anju_data::text::em_width;
use anju_data::view::measure::{self, Measure};
use anju_data::NodeIx;
use std::sync::Arc;

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

/// The projection: equirectangular with longitude scaled by the cosine of the middle
/// latitude (true shape at a province's scale), onto a frame 1 wide. `bounds` is west,
/// south, east, north in degrees ([`Geometry::bounds`]).
pub fn project(bounds: [f64; 4]) -> impl Fn([f64; 2]) -> [f64; 2] {
    let [w, s, e, n] = bounds;
    let k = cos_lat((s + n) / 2.0);
    let span = ((e - w) * k).max((n - s) * 1e-3).max(1e-12);
    move |p| [(p[0] - w) * k / span, (n - p[1]) / span]
}

/// The cosine of a latitude in degrees (−90..=90), by its Taylor series to the x¹⁴ term
/// (error under 1e-9 at the poles, far below a pixel). Why not `f64::cos`: in wasm it is
/// libm's, whose argument reduction for any angle adds 7 KB to the download, for angles
/// that are never past a right angle here.
pub fn cos_lat(deg: f64) -> f64 {
    let x = deg.clamp(-90.0, 90.0).to_radians();
    let x2 = x * x;
    // 1 − x²/2! + x⁴/4! − …, by Horner's rule from the x¹⁴ term down.
    (1..=7).rev().fold(1.0, |acc, k| 1.0 - x2 / f64::from((2 * k - 1) * (2 * k)) * acc)
}

/// The sequential palette (ColorBrewer Blues, 5 classes: colour-blind safe), light to dark.
pub const SEQUENTIAL: [&str; 5] = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];
/// The diverging palette around a target (ColorBrewer PuOr, 4 classes: colour-blind safe):
/// far short, short, met, well past. Orange is short of the target, purple past it.
pub const DIVERGING: [&str; 4] = ["#e66101", "#fdb863", "#b2abd2", "#5e3c99"];

/// How values are coloured: upper bounds of every class but the last, lowest first, and
/// each class's colour. Diverging around a target where there is one (which side by
/// [`Measure::meets`], the rule of every tile and bar), else five quantile classes.
#[derive(Clone, Debug, PartialEq)]
pub struct Classes {
    pub breaks: Vec<f64>,
    pub colours: Vec<&'static str>,
    target: Option<(Measure, f64)>,
}

impl Classes {
    /// The classes of `values` (a place's children's shown values) for `m`.
    pub fn of(m: Measure, values: &[f64], target: Option<f64>) -> Classes {
        let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
        anju_data::order::sort_by(&mut v, f64::total_cmp);
        if let Some(t) = target {
            // Half the widest distance from the target: "far" is past it. Targets are set
            // only where more is better (employment rate, income).
            // Never zero (every value at the target): a value at it would read "well past".
            let far = (v.iter().map(|x| (x - t).abs()).fold(0.0, f64::max) / 2.0).max(t.abs() * 1e-6).max(1e-12);
            // Bounds within the values and the target: never a "≥ 135.0%" no place reaches.
            let (lo, hi) = (v.first().map_or(t, |&x| x.min(t)), v.last().map_or(t, |&x| x.max(t)));
            let breaks = vec![(t - far).max(lo), t, (t + far).min(hi).max(t + 1e-12 * t.abs().max(1.0))];
            return Classes { breaks, colours: DIVERGING.to_vec(), target: Some((m, t)) };
        }
        // A bound at the lowest value would leave its class empty.
        let lowest = v.first().copied().unwrap_or(0.0);
        let mut breaks: Vec<f64> =
            (1..5).filter_map(|q| v.get(q * v.len() / 5).copied()).filter(|&b| b > lowest).collect();
        breaks.dedup();
        let n = breaks.len() + 1;
        // Fewer distinct values than classes: colours spread over the palette.
        let colours = (0..n).map(|i| SEQUENTIAL[(i * 4).checked_div(n - 1).unwrap_or(2)]).collect();
        Classes { breaks, colours, target: None }
    }

    /// The class of `v`: the first bound it is below; around a target, its side by
    /// [`Measure::meets`] first, so a value at the target is never drawn as short of it.
    pub fn class(&self, v: f64) -> usize {
        let below = |b: f64| v < b;
        match self.target {
            Some((m, t)) if m.meets(v, t) => 2 + usize::from(!below(self.breaks[2])),
            Some(_) => usize::from(!below(self.breaks[0])),
            None => self.breaks.iter().position(|&b| below(b)).unwrap_or(self.breaks.len()),
        }
    }

    pub fn colour(&self, v: f64) -> &'static str {
        self.colours[self.class(v)]
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

/// Which of a place's rings are holes by the even-odd rule: those inside an odd number of
/// the others. Parts of one place may touch (share a border or a corner), so each ring is
/// tested at a point strictly inside it, never at a vertex, which may lie on another ring.
pub fn holes(rings: &[Path]) -> Vec<bool> {
    (0..rings.len())
        .map(|i| {
            let Some(q) = inner_point(&rings[i]) else { return false };
            let depth =
                rings.iter().enumerate().filter(|&(j, r)| j != i && contains(std::slice::from_ref(r), q)).count();
            depth % 2 == 1
        })
        .collect()
}

/// A point just inside `ring`, beside the middle of its longest edge (so the step inward
/// is small against the ring and larger than rounding).
fn inner_point(ring: &Path) -> Option<[f64; 2]> {
    let (a, b) = ring.windows(2).map(|w| (w[0], w[1])).max_by(|x, y| {
        let len = |(a, b): &([f64; 2], [f64; 2])| (b[0] - a[0]).hypot(b[1] - a[1]);
        len(x).total_cmp(&len(y))
    })?;
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len = dx.hypot(dy);
    if len == 0.0 {
        return None;
    }
    let mid = [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0];
    let step = len * 1e-3;
    [1.0, -1.0]
        .into_iter()
        .map(|side| [mid[0] - side * dy / len * step, mid[1] + side * dx / len * step])
        .find(|&q| contains(std::slice::from_ref(ring), q))
}

/// Whether part of the outline is no child's (a city of which the dataset holds only some
/// counties): drawn as no data, so the legend must say what that grey is. By area, the
/// rings' signed sum (holes wound against their outer ring, as `anju geo` writes them);
/// rounding aside, a hundredth of the outline.
fn uncovered(outline: &[Path], places: &[Place]) -> bool {
    let net = |rings: &[Path]| {
        rings
            .iter()
            .map(|r| r.windows(2).map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1]).sum::<f64>())
            .sum::<f64>()
            .abs()
    };
    let whole = net(outline);
    let covered: f64 = places.iter().map(|p| net(&p.rings)).sum();
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

/// What each class with a place in it means, lowest first, then the target, the hidden
/// mark's swatch and the no-data swatch where they are drawn.
fn legend(
    m: Measure,
    c: &Classes,
    shown: &[f64],
    target: Option<f64>,
    lang: Lang,
    hidden: bool,
    no_data: bool,
) -> Vec<(Swatch, String)> {
    let f = |v: f64| m.format(Some(v), lang);
    let breaks = &c.breaks;
    let mut out: Vec<(Swatch, String)> = c
        .colours
        .iter()
        .enumerate()
        .map(|(i, &colour)| {
            let text = match (i, breaks.get(i)) {
                (0, Some(&b)) => format!("< {}", f(b)),
                (_, Some(&b)) => format!("{}–{}", f(breaks[i - 1]), f(b)),
                (_, None) if i > 0 => format!("≥ {}", f(breaks[i - 1])),
                _ => tr(lang, "全部", "all").to_string(),
            };
            (i, Swatch::Fill(colour), text)
        })
        // A class no place is in says nothing about these places.
        .filter(|(i, _, _)| shown.iter().any(|&v| c.class(v) == *i))
        .map(|(_, sw, text)| (sw, text))
        .collect();
    if let Some(t) = target {
        out.push((Swatch::None, format!("{}{}", tr(lang, "目标 ", "target "), f(t))));
    }
    if hidden {
        out.push((Swatch::Hatch, tr(lang, "已隐藏（小数）", "hidden (small count)").to_string()));
    }
    if no_data {
        out.push((Swatch::Fill(theme::MAP_NO_DATA), tr(lang, "无数据", "no data").to_string()));
    }
    out
}

/// Diagonal hatching (lines running up to the right, `step` apart along x) inside `rings`
/// by the even-odd rule: the segments, in the rings' own coordinates.
pub fn hatch(rings: &[Vec<(f64, f64)>], step: f64) -> Vec<[(f64, f64); 2]> {
    let pts = rings.iter().flatten();
    let (lo, hi) = pts.fold((f64::MAX, f64::MIN), |(lo, hi), &(x, y)| (lo.min(x + y), hi.max(x + y)));
    let mut out = Vec::new();
    let mut c = lo + step / 2.0;
    while c < hi && step > 0.0 {
        // The line x + y = c: where each edge crosses it, by x.
        let mut xs: Vec<f64> = Vec::new();
        for r in rings {
            for (a, b) in r.iter().zip(r.iter().skip(1)) {
                let (da, db) = (a.0 + a.1 - c, b.0 + b.1 - c);
                if (da > 0.0) != (db > 0.0) {
                    xs.push(a.0 + (b.0 - a.0) * da / (da - db));
                }
            }
        }
        anju_data::order::sort_by(&mut xs, f64::total_cmp);
        out.extend(xs.chunks_exact(2).map(|p| [(p[0], c - p[0]), (p[1], c - p[1])]));
        c += step;
    }
    out
}
