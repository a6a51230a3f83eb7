//! The children ranked by a selectable measure, with the target line where there is
//! one ([`crate::model::ranking`] builds it). A click on a bar drills into that child.

use super::canvas::CanvasChart;
use crate::data::Place;
use crate::i18n::tr;
use crate::model::ranking::{self, default_measure, ranking_spec, TOP_N};
use crate::url::use_url;
use anju_data::disclosure::Shown;
use anju_data::metric::Unit;
use anju_data::view::measure::Measure;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn RankingChart(#[prop(into)] place: Signal<Place>, #[prop(into)] period: Signal<usize>) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let metric = Memo::new(move |_| url.state.with(default_measure));
    let n_kids = Memo::new(move |_| place.with(|p| p.ds.kids[p.ix].len()));
    let height = Signal::derive(move || ranking::height(n_kids.get()));
    let spec = Signal::derive(move || {
        // The bars link to the children with the filters as they are.
        url.state.track();
        place.with(|p| {
            ranking_spec(
                Shown::new(&p.ds, url.suppress.get()),
                p.ix,
                metric.get(),
                period.get(),
                lang.get(),
                |id| url.node_href(Some(id)),
                TOP_N,
            )
        })
    });
    let title = Signal::derive(move || {
        let l = lang.get();
        let more = if n_kids.get() > TOP_N {
            format!(" {}{TOP_N}{}", tr(l, "（前", "(top "), tr(l, " 名及其余）", " and the others)"))
        } else {
            String::new()
        };
        format!("{}{}{more}", tr(l, "下级排名：", "Ranking: "), metric.get().label(l))
    });
    let navigate = use_navigate();
    let on_metric = move |ev: leptos::ev::Event| {
        let m = Measure::parse(&event_target_value(&ev));
        navigate(&url.href_with(|s| s.metric = m), Default::default());
    };
    let offered = move || url.state.with(ranking::offered);
    let count_or_share = move || ranking::switchable_metric(metric.get());
    view! {
        <div class="chart-card">
            <div class="chart-controls">
                <label class="chart-control">
                    <span>{move || tr(lang.get(), "排名指标", "Rank by")}</span>
                    <select on:change=on_metric>
                        {move || offered().into_iter().map(|m| {
                            view! { <option value=m.key() selected=move || metric.get() == m>{move || m.label(lang.get())}</option> }
                        }).collect_view()}
                    </select>
                </label>
                {move || count_or_share().map(|m| {
                    let l = lang.get();
                    let is_share = matches!(metric.get(), Measure::Share(_));
                    // Links to two views: the one on screen is `aria-current` (a link
                    // cannot be `aria-pressed`).
                    let current = |on: bool| on.then_some("true");
                    let by_count = match m.unit() {
                        Unit::Households => tr(l, "按户数", "Count"),
                        _ => tr(l, "按人数", "Count"),
                    };
                    view! {
                        <span class="switch" role="group" aria-label=tr(l, "按数量或占比", "By count or share")>
                            <a data-testid="rank-by-count" aria-current=current(!is_share) href=url.link_with(|s| s.metric = Some(Measure::Count(m)))>{by_count}</a>
                            <a data-testid="rank-by-share" aria-current=current(is_share) href=url.link_with(|s| s.metric = Some(Measure::Share(m)))>{tr(l, "按占比", "Share")}</a>
                        </span>
                    }
                })}
            </div>
            <CanvasChart name="ranking" title=title spec=spec first_header=Signal::derive(move || tr(lang.get(), "地区", "Place").to_string()) height=height />
        </div>
    }
}
