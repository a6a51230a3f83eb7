//! The big screen's ranking boards as plain data: the places below by employment rate
//! (and, on wide walls, by more measures), most first, coloured against the target; the
//! top and the bottom of a long ranking (leaders need the laggards as much as the
//! leaders), the carousel's place always among them; bars on the axis every chart uses.

use crate::i18n::{name, tr};
use crate::model::spec::Axis;
use crate::model::tiles::status;
use anju_data::disclosure::Shown;
use anju_data::format::Lang;
use anju_data::view::measure::{self, rank_children, Measure};
use anju_data::NodeIx;

/// Rows that fit the board at the design size (a gap mark takes a row's place).
pub const ROWS: usize = 18;

/// The boards a wall of design width `w` (CSS px at 1080 high) has room for: the
/// employment rate on every wall, income per head from 32:9, and red-risk households
/// (most first) at 48:9, each a 600-px column beside the detail.
pub fn boards_for(w: f64) -> Vec<Measure> {
    let mut v = vec![Measure::EmploymentRate];
    if w >= 3400.0 {
        v.push(Measure::IncomePerCapita);
    }
    if w >= 4800.0 {
        v.push(Measure::Count(anju_data::Metric::RiskRed));
    }
    v
}

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
    /// Places are left out above this row ("⋯"): the ranks between are not shown.
    pub gap_before: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Board {
    pub head: String,
    /// "目标 90.0%" where the place has a target.
    pub goal: Option<String>,
    pub rows: Vec<BoardRow>,
    /// How many places are ranked (more than the rows when they do not all fit).
    pub total: usize,
    /// Where the bars start when not at zero ("坐标自90%起").
    pub axis_note: Option<String>,
}

/// Which ranks (0-based) a board of `slots` rows shows of `total`, with the place in
/// focus at `focus`: all when they fit; else the top and the bottom halves with a gap
/// between (a gap takes a row), and a place in focus from the middle between two gaps.
pub fn shown_ranks(total: usize, slots: usize, focus: Option<usize>) -> Vec<usize> {
    if total <= slots {
        return (0..total).collect();
    }
    let rows = slots.saturating_sub(1).max(2);
    // The top takes the odd row; a place in focus outside both parts comes from the middle.
    let (top, bottom) = (rows / 2 + rows % 2, rows / 2);
    match focus.filter(|&f| f >= top && f < total - bottom) {
        // From the middle: top, gap, the place, gap, bottom (two gaps take two rows).
        Some(f) => {
            let rows = rows.saturating_sub(2).max(2);
            let top = rows / 2;
            let bottom = rows - top;
            (0..top).chain(std::iter::once(f)).chain(total - bottom..total).collect()
        }
        None => (0..top).chain(total - bottom..total).collect(),
    }
}

/// The board of `ix`'s children by `m` at period `t` (the employment rate on every wall;
/// wide walls add more), the top and the bottom where they do not all fit, with `focus`
/// (the carousel's place) always among them.
pub fn board(s: Shown, ix: NodeIx, m: Measure, t: usize, focus: Option<NodeIx>, l: Lang) -> Board {
    let ds = s.ds;
    let ranked = rank_children(s, ix, m, t);
    let goal = measure::target(ds, ix, m);
    let total = ranked.len();
    let axis = Axis::of(m, ranked.iter().filter_map(|r| r.1).chain(goal), l);
    let at = ranked.iter().position(|&(c, _)| Some(c) == focus);
    let ranks = shown_ranks(total, ROWS, at);
    let rows = ranks
        .iter()
        .enumerate()
        .map(|(k, &r)| {
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
                    format!("{:.1}%", v.map_or(0.0, |v| axis.scale.frac(v)) * 100.0)
                },
                value: s.text(c, m, t, l),
                hidden: s.hides(c, m, t),
                focus: Some(c) == focus,
                gap_before: k > 0 && r > ranks[k - 1] + 1,
            }
        })
        .collect();
    let head = format!(
        "{}{}",
        match l {
            Lang::Zh => format!("下级地区{}排名", m.label(l)),
            Lang::En => format!("{} of the places below", m.label(l)),
        },
        if total > ROWS { format!(" · {}{total}", tr(l, "共 ", "of ")) } else { String::new() }
    );
    Board {
        head,
        // In the measure's own unit: a rate in per cent, income in yuan.
        goal: goal.map(|g| format!("{}{}", tr(l, "目标 ", "Target "), m.format(Some(g), l))),
        rows,
        total,
        axis_note: axis.note,
    }
}
