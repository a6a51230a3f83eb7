//! Employment by channel: away, near home, workshops, public-welfare posts, self-employed.

use super::canvas::CanvasChart;
use super::spec::{Bar, ChartSpec};
use crate::ctx::use_url;
use crate::i18n::tr;
use anju_data::format::{self, Lang};
use anju_data::metric::CHANNELS;
use anju_data::view::measure::Measure;
use anju_data::{Dataset, Metric, NodeIx};
use leptos::prelude::*;
use std::sync::Arc;

const COLOURS: [&str; 5] = ["#1f6feb", "#0f9d8a", "#8e44ad", "#e67e22", "#7f8c8d"];

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
        .zip(COLOURS)
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

#[component]
pub fn ChannelsChart(ds: Arc<Dataset>, ix: NodeIx, #[prop(into)] period: Signal<usize>) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let spec = Signal::derive(move || channels_spec(&ds, ix, period.get(), lang.get(), url.suppress.get()));
    view! {
        <div class="chart-card">
            <CanvasChart name="channels" title=Signal::derive(move || tr(lang.get(), "就业渠道", "Employment by channel").to_string())
                spec=spec first_header=Signal::derive(move || tr(lang.get(), "渠道", "Channel").to_string()) height=200.0 />
        </div>
    }
}
