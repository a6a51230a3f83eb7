//! How a map's values are coloured, and what its legend says of each colour.

use super::Swatch;
use crate::i18n::tr;
use crate::theme;
use anju_data::format::Lang;
use anju_data::view::measure::Measure;

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

/// What each class means, lowest first, from the lowest to the highest class a place is
/// in (an empty class between them stays, so that the scale reads without a gap), then
/// the target, the hidden mark's swatch and the no-data swatch where they are drawn.
pub fn legend(
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
    let used = shown.iter().map(|&v| c.class(v));
    let (first, last) = (used.clone().min().unwrap_or(usize::MAX), used.max().unwrap_or(0));
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
        // A class beyond every place says nothing about these places.
        .filter(|(i, _, _)| (first..=last).contains(i))
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
