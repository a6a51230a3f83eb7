//! Employment by channel (away, near home, workshops, public-welfare posts,
//! self-employed) as a chart spec, each with its share of the employed.

use crate::i18n::tr;
use crate::model::spec::{Bar, ChartSpec};
use crate::theme;
use anju_data::format::{self, Lang};
use anju_data::metric::CHANNELS;
use anju_data::view::measure::Measure;
use anju_data::{Dataset, Metric, NodeIx};

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

pub fn channels_spec(ds: &Dataset, ix: NodeIx, t: usize, lang: Lang, sup: bool) -> ChartSpec {
    let n = ds.node(ix);
    let employed = n.m.get(Metric::Employed, t);
    if employed == 0 {
        return ChartSpec::Empty(tr(lang, "没有就业人员", "No one employed").into());
    }
    let bars = CHANNELS
        .iter()
        .zip(theme::CHANNELS)
        .map(|(&m, color)| {
            let v = n.m.get(m, t);
            let label = tr(lang, m.zh(), short_en(m)).to_string();
            let share = format::percent_s(v, employed, sup);
            Bar {
                label,
                value: Some(v as f64),
                text: format!("{}（{share}）", Measure::Count(m).shown(n, t, &ds.period_keys[t], lang, sup)),
                color,
                href: None,
            }
        })
        .collect();
    ChartSpec::Bars {
        bars,
        target: None,
        max: None,
        value_header: tr(lang, "人数（占就业）", "People (share of employed)").into(),
    }
}
