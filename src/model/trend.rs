//! The monthly trend of the employment rate and per-capita income across all periods,
//! as a chart spec.

use crate::i18n::tr;
use crate::model::spec::{ChartSpec, Line};
use crate::theme;
use anju_data::disclosure::Shown;
use anju_data::format::{self, Lang};
use anju_data::view::measure::Measure;
use anju_data::NodeIx;

/// The value axis for `values`, padded by 15 % of their spread and kept within
/// `floor`..`ceil`.
pub fn padded(values: &[Option<f64>], floor: f64, ceil: f64) -> (f64, f64) {
    let (lo, hi) = values.iter().flatten().fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
    if lo > hi {
        return (floor, ceil);
    }
    let pad = ((hi - lo) * 0.15).max(hi.abs() * 0.01).max(1e-9);
    ((lo - pad).max(floor), (hi + pad).min(ceil))
}

/// The trend of node `ix`, as `s` lets it be shown: each period's figure is hidden as
/// that period's decision says (a gap in the line, the mark in the table), and the axes
/// are set by the shown figures only.
pub fn trend_spec(s: Shown, ix: NodeIx, lang: Lang) -> ChartSpec {
    let ds = s.ds;
    let np = ds.periods.len();
    if np < 2 {
        return ChartSpec::Empty(tr(lang, "只有一个统计期，无法显示趋势", "Only one period: no trend to show").into());
    }
    let (rm, im) = (Measure::EmploymentRate, Measure::IncomePerCapita);
    let rate: Vec<Option<f64>> = (0..np).map(|t| s.value(ix, rm, t)).collect();
    let income: Vec<Option<f64>> = (0..np).map(|t| s.value(ix, im, t)).collect();
    let (rlo, rhi) = padded(&rate, 0.0, 1.0);
    let (ilo, ihi) = padded(&income, 0.0, f64::MAX);
    let mut lines = vec![Line {
        name: Measure::EmploymentRate.label(lang),
        color: theme::ACCENT,
        texts: (0..np).map(|t| s.figure_text(ix, rm, t, lang)).collect(),
        values: rate,
        range: (rlo, rhi),
        range_text: (format::percent_of(rlo), format::percent_of(rhi)),
        right_axis: false,
    }];
    // The line is drawn when any period has an income or hides one (whether a hidden
    // period has a figure is not for the reader to learn).
    if (0..np).any(|t| ds.node(ix).income.get(t).is_some() || s.hides(ix, im, t)) {
        lines.push(Line {
            name: Measure::IncomePerCapita.label(lang),
            color: theme::SECOND,
            texts: (0..np).map(|t| s.figure_text(ix, im, t, lang)).collect(),
            values: income,
            range: (ilo, ihi),
            range_text: (format::group_digits(ilo.round() as u64), format::group_digits(ihi.round() as u64)),
            right_axis: true,
        });
    }
    ChartSpec::Trend { periods: ds.period_keys.clone(), lines }
}

/// The trend with only its `keep`-th line (a slide shows one measure).
pub fn only_line(spec: ChartSpec, keep: usize) -> ChartSpec {
    match spec {
        ChartSpec::Trend { periods, lines } => {
            ChartSpec::Trend { periods, lines: lines.into_iter().skip(keep).take(1).collect() }
        }
        other => other,
    }
}
