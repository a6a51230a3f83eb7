//! The monthly trend of the employment rate and per-capita income across all periods,
//! as a chart spec.

use crate::i18n::tr;
use crate::model::spec::{Axis, ChartSpec, Line};
use crate::theme;
use anju_data::disclosure::Shown;
use anju_data::format::Lang;
use anju_data::view::measure::Measure;
use anju_data::NodeIx;

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
    let rate_axis = Axis::of(rm, rate.iter().flatten().copied(), lang);
    let income_axis = Axis::of(im, income.iter().flatten().copied(), lang);
    let mut lines = vec![Line {
        name: Measure::EmploymentRate.label(lang),
        color: theme::ACCENT,
        texts: (0..np).map(|t| s.figure_text(ix, rm, t, lang)).collect(),
        values: rate,
        axis: rate_axis,
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
            axis: income_axis,
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
