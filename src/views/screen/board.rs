//! A ranking board ([`crate::model::board`] builds it): the places below by a measure,
//! the carousel's place highlighted. HTML rather than canvas: crisp text at any
//! scale, and every row a link.

use crate::data::Target;
use crate::i18n::tr;
use crate::model::board::board;
use crate::url::use_url;
use anju_data::disclosure::Shown;
use anju_data::view::measure::Measure;
use anju_data::NodeIx;
use leptos::prelude::*;

#[component]
pub fn Board(
    #[prop(into)] target: Signal<Option<Target>>,
    #[prop(into)] period: Signal<usize>,
    #[prop(into)] focus: Signal<Option<NodeIx>>,
    /// What the board ranks by: the employment rate (the contract's `board`), or another
    /// measure on a wide wall (`board-<measure>`).
    measure: Measure,
) -> impl IntoView {
    let main = measure == Measure::EmploymentRate;
    let url = use_url();
    // A few rows, redrawn whole when the data, the view or the carousel moves.
    let rows = move || {
        let Target { ds, ix, .. } = target.get()?;
        let (l, sup) = url.state.with(|s| (s.lang, s.suppress));
        let b = board(Shown::new(&ds, sup), ix, measure, period.get(), focus.get(), l);
        let list = b
            .rows
            .into_iter()
            .map(|r| {
                let id = ds.node(r.ix).id.clone();
                let gap = r.gap_before.then(|| view! { <li class="board-gap" aria-hidden="true">"⋯"</li> });
                view! {
                    {gap}
                    <li class=format!("board-row {}{}", r.status, if r.focus { " focus" } else { "" })
                        data-testid=main.then_some("board-row") data-node-id=id.clone()>
                        // A hidden figure sorts last but is not ranked: it is not the worst.
                        <span class="board-rank">{if r.hidden { "—".to_string() } else { r.rank.to_string() }}</span>
                        <a class="board-name" href=url.node_href(Some(&id))>{r.name}</a>
                        <span class="board-bar" class:hidden-bar=r.hidden><span style:width=r.width></span></span>
                        <span class="board-value">{r.value}</span>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <h2 class="panel-title">{b.head}</h2>
            {(b.goal.is_some() || b.axis_note.is_some()).then(|| view! {
                <p class="board-goal">{[b.goal, b.axis_note].into_iter().flatten().collect::<Vec<_>>().join(" · ")}</p>
            })}
            {if b.total == 0 {
                view! { <p class="muted">{tr(l, "没有下级地区。", "No places below this one.")}</p> }.into_any()
            } else {
                view! { <ol class="board-list">{list}</ol> }.into_any()
            }}
        })
    };
    let hook = if main { "board".to_string() } else { format!("board-{}", measure.key()) };
    view! { <section class="panel board" data-testid=hook>{rows}</section> }
}
