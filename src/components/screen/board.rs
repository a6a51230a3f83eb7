//! The ranking board: the places below, by employment rate, best first, with the target
//! marked and the carousel's place highlighted. HTML rather than canvas: crisp text at
//! any scale, and every row a link.

use crate::ctx::use_url;
use crate::data::Target;
use crate::i18n::{name, tr};
use anju_data::format;
use anju_data::view::measure::{self, rank_children, Measure};
use anju_data::NodeIx;
use leptos::prelude::*;

/// Rows that fit the board at the design size.
pub const ROWS: usize = 14;

#[component]
pub fn Board(
    #[prop(into)] target: Signal<Option<Target>>,
    #[prop(into)] period: Signal<usize>,
    #[prop(into)] focus: Signal<Option<NodeIx>>,
) -> impl IntoView {
    let url = use_url();
    // A few rows, redrawn whole when the data or the carousel moves.
    let rows = move || {
        let Target { ds, ix, .. } = target.get()?;
        let (t, st) = (period.get(), url.state.get());
        let (l, sup) = (st.lang, st.suppress);
        let ranked = rank_children(&ds, ix, Measure::EmploymentRate, t);
        let goal = measure::target(&ds, ix, Measure::EmploymentRate);
        let total = ranked.len();
        let mut shown: Vec<(usize, NodeIx, Option<f64>)> =
            ranked.iter().enumerate().take(ROWS).map(|(r, &(c, v))| (r, c, v)).collect();
        // The place on show always has a row: in place of the last one when it ranks lower.
        let f = focus.get();
        if let Some(pos) = ranked.iter().position(|&(c, _)| Some(c) == f) {
            if pos >= ROWS {
                shown.pop();
                shown.push((pos, ranked[pos].0, ranked[pos].1));
            }
        }
        let head = format!(
            "{}{}",
            tr(l, "下级地区就业率排名", "Employment rate of the places below"),
            if total > ROWS { format!(" · {}{total}", tr(l, "共 ", "of ")) } else { String::new() }
        );
        let list = shown
            .into_iter()
            .map(|(r, c, v)| {
                let n = ds.node(c);
                let good = match (v, goal) {
                    (Some(v), Some(g)) => {
                        if v + 1e-12 >= g {
                            "good"
                        } else {
                            "bad"
                        }
                    }
                    _ => "",
                };
                let width = format!("{:.1}%", v.unwrap_or(0.0).clamp(0.0, 1.0) * 100.0);
                let href = url.href(&st.at_node(Some(&n.id)));
                view! {
                    <li class=format!("board-row {good}{}", if Some(c) == f { " focus" } else { "" })
                        data-testid="board-row" data-node-id=n.id.clone()>
                        <span class="board-rank">{r + 1}</span>
                        <a class="board-name" href=href>{name(n, l)}</a>
                        <span class="board-bar"><span style:width=width></span></span>
                        <span class="board-value">{Measure::EmploymentRate.shown(n, t, &ds.period_keys[t], l, sup)}</span>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <h2 class="panel-title">{head}</h2>
            {goal.map(|g| view! {
                <p class="board-goal">{format!("{}{}", tr(l, "目标 ", "Target "), format::percent_of(g))}</p>
            })}
            {if total == 0 {
                view! { <p class="muted">{tr(l, "没有下级地区。", "No places below this one.")}</p> }.into_any()
            } else {
                view! { <ol class="board-list">{list}</ol> }.into_any()
            }}
        })
    };
    view! { <section class="panel board" data-testid="board">{rows}</section> }
}
