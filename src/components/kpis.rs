//! The KPI tiles laid out ([`crate::model::tiles`] computes them).

use super::provenance::ProvenanceMark;
use crate::i18n::tr;
use crate::model::tiles::{risk_tiles, tiles};
use crate::url::use_url;
use anju_data::disclosure::Shown;
use anju_data::{Dataset, NodeIx};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Kpis(ds: Arc<Dataset>, ix: NodeIx, #[prop(into)] period: Signal<usize>) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let basis = ds.meta.basis;
    let list = move || {
        let (groups, risks) = url.state.with(|s| (s.groups.clone(), s.risks.clone()));
        let (s, t, l) = (Shown::new(&ds, url.suppress.get()), period.get(), lang.get());
        let mut all = tiles(s, ix, t, l, &groups);
        all.extend(risk_tiles(s, ix, t, l, &risks));
        all
    };
    view! {
        <section class="kpis" aria-label=move || tr(lang.get(), "主要指标", "Key figures")>
            {move || list().into_iter().map(|k| view! {
                <div class=format!("kpi {}", k.status) data-testid=format!("kpi-{}", k.key) data-value=k.raw>
                    <span class="kpi-label">{k.label} <ProvenanceMark published=k.source basis=basis lang=lang.get() /></span>
                    <span class="kpi-value">{k.text}</span>
                    {k.sub.map(|s| view! { <span class="kpi-sub">{s}</span> })}
                </div>
            }).collect_view()}
        </section>
    }
}
