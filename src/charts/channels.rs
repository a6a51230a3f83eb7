//! Employment by channel ([`crate::model::channels`] builds it).

use super::canvas::CanvasChart;
use crate::data::Place;
use crate::i18n::tr;
use crate::model::channels::channels_spec;
use crate::url::use_url;
use anju_data::disclosure::Shown;
use leptos::prelude::*;

#[component]
pub fn ChannelsChart(#[prop(into)] place: Signal<Place>, #[prop(into)] period: Signal<usize>) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let spec = Signal::derive(move || {
        place.with(|p| channels_spec(Shown::new(&p.ds, url.suppress.get()), p.ix, period.get(), lang.get()))
    });
    view! {
        <div class="chart-card">
            <CanvasChart name="channels" title=Signal::derive(move || tr(lang.get(), "就业渠道", "Employment by channel").to_string())
                spec=spec first_header=Signal::derive(move || tr(lang.get(), "渠道", "Channel").to_string()) height=200.0 />
        </div>
    }
}
