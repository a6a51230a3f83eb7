//! The big screen's ranking board as plain data: the places below by employment rate,
//! best first, coloured against the target, the carousel's place always among them.

use crate::i18n::{name, tr};
use crate::model::tiles::status;
use anju_data::disclosure::Shown;
use anju_data::format::{self, Lang};
use anju_data::view::measure::{self, rank_children, Measure};
use anju_data::NodeIx;

/// Rows that fit the board at the design size.
pub const ROWS: usize = 14;

#[derive(Clone, Debug, PartialEq)]
pub struct BoardRow {
    /// 1 for the best.
    pub rank: usize,
    pub ix: NodeIx,
    pub name: String,
    /// "good", "bad" or "" against the target.
    pub status: &'static str,
    /// The bar's width, a CSS percentage.
    pub width: String,
    pub value: String,
    /// Hidden on a public display: a fixed hatched mark instead of a bar to scale.
    pub hidden: bool,
    pub focus: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Board {
    pub head: String,
    /// "目标 90.0%" where the place has a target.
    pub goal: Option<String>,
    pub rows: Vec<BoardRow>,
    /// How many places are ranked (more than the rows when they do not all fit).
    pub total: usize,
}

/// The board of `ix`'s children at period `t`, with `focus` (the carousel's place) in
/// place of the last row when it ranks lower.
pub fn board(s: Shown, ix: NodeIx, t: usize, focus: Option<NodeIx>, l: Lang) -> Board {
    let ds = s.ds;
    let m = Measure::EmploymentRate;
    let ranked = rank_children(s, ix, m, t);
    let goal = measure::target(ds, ix, m);
    let total = ranked.len();
    let mut shown: Vec<usize> = (0..total.min(ROWS)).collect();
    if let Some(pos) = ranked.iter().position(|&(c, _)| Some(c) == focus) {
        if pos >= ROWS {
            shown.pop();
            shown.push(pos);
        }
    }
    let rows = shown
        .into_iter()
        .map(|r| {
            let (c, v) = ranked[r];
            let n = ds.node(c);
            BoardRow {
                rank: r + 1,
                ix: c,
                name: name(n, l),
                status: status(m, v, goal),
                // A hidden figure's bar is a fixed mark, not to scale.
                width: if s.hides(c, m, t) {
                    "22px".to_string()
                } else {
                    format!("{:.1}%", v.unwrap_or(0.0).clamp(0.0, 1.0) * 100.0)
                },
                value: s.text(c, m, t, l),
                hidden: s.hides(c, m, t),
                focus: Some(c) == focus,
            }
        })
        .collect();
    let head = format!(
        "{}{}",
        tr(l, "下级地区就业率排名", "Employment rate of the places below"),
        if total > ROWS { format!(" · {}{total}", tr(l, "共 ", "of ")) } else { String::new() }
    );
    Board { head, goal: goal.map(|g| format!("{}{}", tr(l, "目标 ", "Target "), format::percent_of(g))), rows, total }
}
