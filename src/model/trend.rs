//! The monthly trend of the employment rate and per-capita income across all periods,
//! as a chart spec.

use crate::i18n::tr;
use crate::model::spec::{ChartSpec, Line};
use crate::theme;
use anju_data::format::{self, Lang};
use anju_data::view::measure::Measure;
use anju_data::{Dataset, NodeIx};

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

pub fn trend_spec(ds: &Dataset, ix: NodeIx, lang: Lang) -> ChartSpec {
    let n = ds.node(ix);
    let np = ds.periods.len();
    if np < 2 {
        return ChartSpec::Empty(tr(lang, "只有一个统计期，无法显示趋势", "Only one period: no trend to show").into());
    }
    let rate: Vec<Option<f64>> = (0..np).map(|t| Measure::EmploymentRate.value(n, t)).collect();
    let income: Vec<Option<f64>> = (0..np).map(|t| n.income.get(t)).collect();
    let (rlo, rhi) = padded(&rate, 0.0, 1.0);
    let (ilo, ihi) = padded(&income, 0.0, f64::MAX);
    let mut lines = vec![Line {
        name: Measure::EmploymentRate.label(lang),
        color: theme::ACCENT,
        texts: rate.iter().map(|v| Measure::EmploymentRate.format(*v, lang)).collect(),
        values: rate,
        range: (rlo, rhi),
        range_text: (format::percent_of(rlo), format::percent_of(rhi)),
        right_axis: false,
    }];
    if income.iter().any(Option::is_some) {
        lines.push(Line {
            name: Measure::IncomePerCapita.label(lang),
            color: theme::SECOND,
            texts: income.iter().map(|v| Measure::IncomePerCapita.format(*v, lang)).collect(),
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
