//! Employment by channel ([`crate::model::channels`] builds it).

use super::canvas::CanvasChart;
use crate::i18n::tr;
use crate::model::channels::channels_spec;
use crate::url::use_url;
use anju_data::disclosure::Shown;
use anju_data::{Dataset, NodeIx};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ChannelsChart(ds: Arc<Dataset>, ix: NodeIx, #[prop(into)] period: Signal<usize>) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let spec = Signal::derive(move || channels_spec(Shown::new(&ds, url.suppress.get()), ix, period.get(), lang.get()));
    view! {
        <div class="chart-card">
            <CanvasChart name="channels" title=Signal::derive(move || tr(lang.get(), "就业渠道", "Employment by channel").to_string())
                spec=spec first_header=Signal::derive(move || tr(lang.get(), "渠道", "Channel").to_string()) height=200.0 />
        </div>
    }
}
