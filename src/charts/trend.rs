//! The monthly trend chart ([`crate::model::trend`] builds it).

use super::canvas::CanvasChart;
use crate::i18n::tr;
use crate::model::trend::trend_spec;
use crate::url::use_url;
use anju_data::disclosure::Shown;
use anju_data::{Dataset, NodeIx};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn TrendChart(ds: Arc<Dataset>, ix: NodeIx) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let spec = Signal::derive(move || trend_spec(Shown::new(&ds, url.suppress.get()), ix, lang.get()));
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
