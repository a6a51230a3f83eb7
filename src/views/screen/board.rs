//! The ranking board ([`crate::model::board`] builds it): the places below by employment
//! rate, the carousel's place highlighted. HTML rather than canvas: crisp text at any
//! scale, and every row a link.

use crate::data::Target;
use crate::i18n::tr;
use crate::model::board::board;
use crate::url::use_url;
use anju_data::disclosure::Shown;
use anju_data::NodeIx;
use leptos::prelude::*;

#[component]
pub fn Board(
    #[prop(into)] target: Signal<Option<Target>>,
    #[prop(into)] period: Signal<usize>,
    #[prop(into)] focus: Signal<Option<NodeIx>>,
) -> impl IntoView {
    let url = use_url();
    // A few rows, redrawn whole when the data, the view or the carousel moves.
    let rows = move || {
        let Target { ds, ix, .. } = target.get()?;
        let (l, sup) = url.state.with(|s| (s.lang, s.suppress));
        let b = board(Shown::new(&ds, sup), ix, period.get(), focus.get(), l);
        let list = b
            .rows
            .into_iter()
            .map(|r| {
                let id = ds.node(r.ix).id.clone();
                view! {
                    <li class=format!("board-row {}{}", r.status, if r.focus { " focus" } else { "" })
                        data-testid="board-row" data-node-id=id.clone()>
                        <span class="board-rank">{r.rank}</span>
                        <a class="board-name" href=url.node_href(Some(&id))>{r.name}</a>
                        <span class="board-bar" class:hidden-bar=r.hidden><span style:width=r.width></span></span>
                        <span class="board-value">{r.value}</span>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <h2 class="panel-title">{b.head}</h2>
            {b.goal.map(|g| view! { <p class="board-goal">{g}</p> })}
            {if b.total == 0 {
                view! { <p class="muted">{tr(l, "没有下级地区。", "No places below this one.")}</p> }.into_any()
            } else {
                view! { <ol class="board-list">{list}</ol> }.into_any()
            }}
        })
    };
    view! { <section class="panel board" data-testid="board">{rows}</section> }
}
