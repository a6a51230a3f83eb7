//! Sites as circles on their county's map: the area of each by its people, the circle as
//! a polygon (so that hatching and both backends draw it as any ring), and what the legend
//! says of the circles.

use super::Swatch;
use crate::i18n::tr;
use anju_data::format::Lang;

/// The radius of the circle of the site with the most people, in CSS px.
pub const DOT_MAX: f64 = 16.0;
/// The least radius, in CSS px: a small site (or one whose people are hidden) stays a
/// target a finger can hit, at the cost of area truth below it.
pub const DOT_MIN: f64 = 4.0;

/// A circle's radius in CSS px from its size (0..=1, [`sizes`]) on a map of `n` circles:
/// the largest [`DOT_MAX`] among ten or fewer, smaller as they crowd (its area shared out,
/// down to 7 px), so that many sites stay apart and leave room for names.
pub fn radius(size: f64, n: usize) -> f64 {
    let most = (DOT_MAX * (10.0 / n.max(1) as f64).sqrt()).clamp(7.0, DOT_MAX);
    (most * size).max(DOT_MIN)
}

/// Each site's size: the square root of its people over the most of any site, so that a
/// circle's area is its people. `None` (people hidden or unknown) gets 0, the least circle,
/// which tells nothing of a hidden count.
pub fn sizes(people: &[Option<f64>]) -> Vec<f64> {
    let most = people.iter().flatten().fold(0.0_f64, |a, &b| a.max(b));
    people.iter().map(|p| p.filter(|_| most > 0.0).map_or(0.0, |p| (p.max(0.0) / most).sqrt())).collect()
}

/// cos and sin of 2π/32: the circle's polygon turns by this step (literals rather than
/// `f64::cos`, which in wasm brings libm's argument reduction, 7 KB, for one angle).
const STEP: (f64, f64) = (0.980_785_280_403_230_4, 0.195_090_322_016_128_25);

/// A closed 32-sided polygon round `c` with radius `r`.
pub fn circle(c: (f64, f64), r: f64) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(33);
    let (mut x, mut y) = (1.0_f64, 0.0_f64);
    for _ in 0..32 {
        out.push((c.0 + r * x, c.1 + r * y));
        (x, y) = (x * STEP.0 - y * STEP.1, x * STEP.1 + y * STEP.0);
    }
    out.push(out[0]);
    out
}

/// Which of the sites' locations are made up (the demo's).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MadeUp {
    None,
    Some,
    All,
}

/// The legend's lines about circles: what their size means (and the most people any site
/// has, as written, where shown), how many sites are not drawn (no location), and which
/// locations are made up.
pub fn legend(most: Option<String>, unlocated: usize, made_up: MadeUp, lang: Lang) -> Vec<(Swatch, String)> {
    let mut out = vec![(Swatch::Dot, tr(lang, "圆面积示人口", "area = people").to_string())];
    if let Some(most) = most {
        let text = match lang {
            Lang::Zh => format!("最多 {most}人"),
            Lang::En => format!("most {most} people"),
        };
        out.push((Swatch::None, text));
    }
    if unlocated > 0 {
        let text = match (lang, unlocated) {
            (Lang::Zh, n) => format!("{n} 个安置点无位置，未画出"),
            (Lang::En, 1) => "1 site without a location, not drawn".to_string(),
            (Lang::En, n) => format!("{n} sites without a location, not drawn"),
        };
        out.push((Swatch::None, text));
    }
    let words = match made_up {
        MadeUp::None => None,
        MadeUp::Some => Some(tr(lang, "部分位置为合成示意", "some made-up spots")),
        MadeUp::All => Some(tr(lang, "位置为合成示意", "made-up spots")),
    };
    out.extend(words.map(|w| (Swatch::None, w.to_string())));
    out
}
