//! The leaf: one building's dwellings, households, special groups and risk colours, with
//! the seven-colour marking (七彩标记) the seeds describe.

use crate::data::Place;
use crate::i18n::tr;
use crate::theme::{self, SEVEN_COLOURS};
use crate::url::use_url;
use anju_data::disclosure::Shown;
use anju_data::domain::Risk;
use anju_data::Metric;
use leptos::prelude::*;

#[component]
pub fn BuildingPanel(#[prop(into)] place: Signal<Place>, #[prop(into)] period: Signal<usize>) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let sup = url.suppress;
    let facts = move || {
        let (t, l) = (period.get(), lang.get());
        let Place { ds, ix } = place.get();
        let floors = ds.node(ix).building.as_ref().map(|b| b.floors);
        let s = Shown::new(&ds, sup.get());
        let mut v = vec![
            (tr(l, "单元", "Stairwell units"), s.count_text(ix, Metric::Units, t, l)),
            (tr(l, "住房套数", "Dwellings"), s.count_text(ix, Metric::Dwellings, t, l)),
            (tr(l, "户数", "Households"), s.count_text(ix, Metric::Households, t, l)),
            (tr(l, "人口", "People"), s.count_text(ix, Metric::People, t, l)),
        ];
        if let Some(f) = floors {
            v.insert(0, (tr(l, "楼层", "Floors"), f.to_string()));
        }
        v
    };
    let groups = move || {
        let (t, l) = (period.get(), lang.get());
        let Place { ds: ds2, ix } = place.get();
        SEVEN_COLOURS
            .iter()
            .map(|&(m, c, zh, en)| {
                (c, tr(l, zh, en), tr(l, m.zh(), m.en()), Shown::new(&ds2, sup.get()).count_text(ix, m, t, l))
            })
            .collect::<Vec<_>>()
    };
    let risks = move || {
        let (t, l) = (period.get(), lang.get());
        let Place { ds: ds3, ix } = place.get();
        let s = Shown::new(&ds3, sup.get());
        Risk::ALL
            .iter()
            .map(|&r| (theme::risk(r), r.label(l), s.count_text(ix, r.metric(), t, l), r.key()))
            .collect::<Vec<_>>()
    };
    view! {
        <section class="building" aria-label=move || tr(lang.get(), "楼栋信息", "Building")>
            <dl class="facts">
                {move || facts().into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
            </dl>
            <h3>{move || tr(lang.get(), "特殊群体（七彩标记）", "Special groups (seven-colour marking)")}</h3>
            <ul class="seven-colours legend">
                {move || groups().into_iter().map(|(c, cname, g, v)| view! {
                    <li><span class="swatch" style:background=c title=cname></span>{g}<b>{v}</b></li>
                }).collect_view()}
            </ul>
            <h3>{move || tr(lang.get(), "户风险等级", "Households by risk colour")}</h3>
            <ul class="risk-legend legend" data-testid="risk-legend">
                {move || risks().into_iter().map(|(c, label, v, key)| view! {
                    <li data-risk=key><span class="swatch" style:background=c></span>{label}<b>{v}</b></li>
                }).collect_view()}
            </ul>
        </section>
    }
}
