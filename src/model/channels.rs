//! Employment by channel (away, near home, workshops, public-welfare posts,
//! self-employed) as a chart spec, each with its share of the employed.

use crate::i18n::{paren, tr};
use crate::model::spec::{Axis, Bar, ChartSpec};
use crate::theme;
use anju_data::disclosure::Shown;
use anju_data::format::Lang;
use anju_data::metric::CHANNELS;
use anju_data::view::measure::Measure;
use anju_data::{Metric, NodeIx};

/// English channel names short enough for a phone's label column.
fn short_en(m: Metric) -> &'static str {
    match m {
        Metric::Away => "Away",
        Metric::NearHome => "Near home",
        Metric::Workshop => "Workshops",
        Metric::WelfarePosts => "Welfare posts",
        Metric::SelfEmployed => "Self-employed",
        other => other.en(),
    }
}

/// The channels of node `ix` at period `t`, as `s` lets them be shown: a hidden channel
/// is a hidden bar (a fixed mark, not to scale) and its share is hidden with it.
pub fn channels_spec(s: Shown, ix: NodeIx, t: usize, lang: Lang) -> ChartSpec {
    // "No one employed" would say a hidden count is zero: only a shown zero says it.
    if s.count(ix, Metric::Employed, t) == Some(0) {
        return ChartSpec::Empty(tr(lang, "没有就业人员", "No one employed").into());
    }
    let bars: Vec<Bar> = CHANNELS
        .iter()
        .zip(theme::CHANNELS)
        .map(|(&m, color)| {
            let v = s.count(ix, m, t);
            let label = tr(lang, m.zh(), short_en(m)).to_string();
            let share = s.percent_text(ix, m, Metric::Employed, t);
            Bar {
                label,
                value: v.map(|v| v as f64),
                hidden: v.is_none(),
                text: format!("{}{}", s.text(ix, Measure::Count(m), t, lang), paren(lang, &share)),
                color,
                href: None,
            }
        })
        .collect();
    let axis = Axis::of(Measure::Count(Metric::Employed), bars.iter().filter_map(|b: &Bar| b.value), lang);
    ChartSpec::Bars {
        bars,
        target: None,
        axis,
        value_header: tr(lang, "人数（占就业）", "People (share of employed)").into(),
    }
}
