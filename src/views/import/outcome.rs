//! The import's end: the totals (every figure of the whole dataset, per period), or why
//! no dataset was made; then what the run found.

use crate::i18n::tr;
use crate::model::import::{headline, total_rows};
use anju_data::format::Lang;
use anju_data::import::{latest, Outcome, Said};
use anju_data::metric::Metric;
use leptos::prelude::*;

/// `left_out`: files the worker stopped inside, left out of the run (the worker itself
/// never saw them end, so its count of refused files does not hold them).
pub fn outcome(lang: Lang, o: Outcome, left_out: usize) -> impl IntoView {
    let refused_files = o.refused_files + left_out;
    let said = |s: &Said| if lang == Lang::En { s.en.clone() } else { s.zh.clone() };
    let head = match &o.refused {
        Some(why) => view! { <p class="import-warn" role="alert">{said(why)}</p> }.into_any(),
        None => view! { <p class="import-totals">{headline(lang, &o, refused_files)}</p> }.into_any(),
    };
    let notes: Vec<String> = o.notes.iter().map(said).collect();
    // The figures the dashboard opens on: the last period's.
    let last = |m: Metric| latest(&o.totals).map_or(0, |t| t.count(m)).to_string();
    view! {
        <section class="import-result" data-testid="import-result" data-households=last(Metric::Households)
            data-people=last(Metric::People) data-rows=o.rows.to_string() data-refused=o.refused.is_some().to_string()>
            {head}
            {(!o.totals.is_empty()).then(|| totals(lang, &o))}
            {(!notes.is_empty()).then(|| view! {
                <ul class="import-notes">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            })}
        </section>
    }
}

/// Every figure of the whole dataset, a column per period, to check against the
/// register's own 合计 before opening the dashboard.
fn totals(lang: Lang, o: &Outcome) -> impl IntoView {
    let periods: Vec<String> = o.totals.iter().map(|t| t.period.clone()).collect();
    let rows = total_rows(&o.totals, lang);
    view! {
        <details class="import-all-totals">
            <summary>{tr(lang, "全部指标合计（未列出的指标为 0）", "Every figure, in total (a figure not listed is 0)")}</summary>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{tr(lang, "指标", "Figure")}</th>
                        {periods.iter().map(|p| view! { <th scope="col">{p.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let key = r.key.clone();
                        view! {
                            <tr>
                                <th scope="row">{r.name}</th>
                                {r.cells.into_iter().zip(periods.clone()).map(|((value, shown), p)| view! {
                                    <td data-testid="import-total" data-metric=key.clone() data-period=p data-value=value>{shown}</td>
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </details>
    }
}
