//! The KPI tiles laid out ([`crate::model::tiles`] computes them).

use super::provenance::ProvenanceMark;
use crate::data::Place;
use crate::i18n::tr;
use crate::model::tiles::{risk_tiles, tiles};
use crate::url::use_url;
use anju_data::disclosure::Shown;
use leptos::prelude::*;

#[component]
pub fn Kpis(#[prop(into)] place: Signal<Place>, #[prop(into)] period: Signal<usize>) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let list = move || {
        let (groups, risks) = url.state.with(|s| (s.groups.clone(), s.risks.clone()));
        let (t, l) = (period.get(), lang.get());
        place.with(|p| {
            let s = Shown::new(&p.ds, url.suppress.get());
            let mut all = tiles(s, p.ix, t, l, &groups);
            all.extend(risk_tiles(s, p.ix, t, l, &risks));
            (p.ds.meta.basis, all)
        })
    };
    view! {
        <section class="kpis" aria-label=move || tr(lang.get(), "主要指标", "Key figures")>
            {move || { let (basis, all) = list(); all.into_iter().map(move |k| view! {
                <div class=format!("kpi {}", k.status) data-testid=format!("kpi-{}", k.key) data-value=k.raw>
                    <span class="kpi-label">{k.label} <ProvenanceMark published=k.source basis=basis lang=lang.get() /></span>
                    <span class="kpi-value">{k.text}</span>
                    {k.sub.map(|s| view! { <span class="kpi-sub">{s}</span> })}
                </div>
            }).collect_view() }}
        </section>
    }
}
