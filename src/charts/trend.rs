//! The monthly trend chart ([`crate::model::trend`] builds it).

use super::canvas::CanvasChart;
use crate::data::Place;
use crate::i18n::tr;
use crate::model::trend::trend_spec;
use crate::url::use_url;
use anju_data::disclosure::Shown;
use leptos::prelude::*;

#[component]
pub fn TrendChart(#[prop(into)] place: Signal<Place>) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let spec =
        Signal::derive(move || place.with(|p| trend_spec(Shown::new(&p.ds, url.suppress.get()), p.ix, lang.get())));
    let title = Signal::derive(move || {
        let l = lang.get();
        format!(
            "{}（{}）",
            tr(l, "月度趋势", "Monthly trend"),
            tr(
                l,
                "蓝：就业率，左轴；橙：人均纯收入（元），右轴",
                "blue: employment rate, left axis; orange: per-capita income (yuan), right axis"
            )
        )
    });
    view! {
        <div class="chart-card wide">
            <CanvasChart name="trend" title=title spec=spec first_header=Signal::derive(move || tr(lang.get(), "月份", "Month").to_string()) height=240.0 />
        </div>
    }
}
