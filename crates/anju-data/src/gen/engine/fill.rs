//! Filling a partition's columns row by row: pinned rows completed, the rest routed
//! within each row's bounds.

use super::*;

/// Where a node's whole and some of its parts are pinned, the rest of the whole can only
/// go to its other parts: pin those too (in the usual ratios), so that every part then has
/// an exact floor for the tables above.
pub(super) fn complete_pinned_rows(t: &mut GTree, whole: Metric, parts: &[(Metric, f64)]) -> Result<(), GenError> {
    for i in 0..t.nodes.len() {
        let Some(total) = t.nodes[i].fixed(whole) else { continue };
        let pinned: Vec<Option<u64>> = parts.iter().map(|(pm, _)| t.nodes[i].fixed(*pm)).collect();
        if pinned.iter().all(Option::is_none) || pinned.iter().all(Option::is_some) {
            continue;
        }
        let used: u64 = pinned.iter().flatten().sum();
        let rest = total.checked_sub(used).ok_or_else(|| GenError::Infeasible {
            node: t.nodes[i].id.clone(),
            metric: whole.key(),
            why: format!("{total} is below its published parts ({used})"),
        })?;
        let free: Vec<usize> = (0..parts.len()).filter(|&j| pinned[j].is_none()).collect();
        let weights: Vec<f64> = free.iter().map(|&j| parts[j].1).collect();
        let split = apportion(rest, &weights, &vec![0; free.len()], &vec![rest; free.len()]).unwrap_or_default();
        for (&j, v) in free.iter().zip(split) {
            t.fix(i, parts[j].0, v);
        }
    }
    Ok(())
}

/// Hands out `need[j]` for each column in `cols` among rows with room `slack` (reduced in
/// place), skipping `fixed` cells: greedily in proportion to the room left, most
/// constrained column first; where that leaves a column without room, again with a
/// margin and a max-flow for the rest, which finds a table whenever one exists.
pub(super) fn fill_columns(
    cols: &[usize],
    need: &[u64],
    slack: &mut [u64],
    fixed: &[Vec<bool>],
    mix: &[Vec<f64>],
) -> Option<Vec<Vec<u64>>> {
    let start = slack.to_vec();
    if let Some(add) = fill_greedy(cols, need, slack, fixed, mix, 1.0) {
        return Some(add);
    }
    // A margin first (keeps the table close to proportional); then from nothing.
    for margin in [0.8, 0.0] {
        slack.copy_from_slice(&start);
        if let Some(add) =
            fill_greedy(cols, need, slack, fixed, mix, margin).and_then(|add| route_rest(cols, need, slack, fixed, add))
        {
            return Some(add);
        }
    }
    slack.copy_from_slice(&start);
    None
}

/// Routes what `add` has not handed out yet with a max-flow over the rows' room.
pub(super) fn route_rest(
    cols: &[usize],
    need: &[u64],
    slack: &mut [u64],
    fixed: &[Vec<bool>],
    mut add: Vec<Vec<u64>>,
) -> Option<Vec<Vec<u64>>> {
    let rows = slack.len();
    let rest: Vec<i64> = cols.iter().map(|&j| (need[j] - (0..rows).map(|r| add[r][j]).sum::<u64>()) as i64).collect();
    // Vertices: 0 source, 1 sink, then columns, then rows.
    let col_v = |c: usize| 2 + c;
    let row_v = |r: usize| 2 + cols.len() + r;
    let vertices: Vec<usize> = (0..2 + cols.len() + rows).collect();
    let mut caps: Vec<((usize, usize), i64)> = Vec::new();
    for (c, &j) in cols.iter().enumerate() {
        caps.push(((0, col_v(c)), rest[c]));
        for r in 0..rows {
            if !fixed[r][j] && slack[r] > 0 && rest[c] > 0 {
                caps.push(((col_v(c), row_v(r)), rest[c].min(slack[r] as i64)));
            }
        }
    }
    for (r, &room) in slack.iter().enumerate() {
        caps.push(((row_v(r), 1), room as i64));
    }
    let (flows, total, _) = pathfinding::directed::edmonds_karp::edmonds_karp_sparse(&vertices, &0, &1, caps);
    if total != rest.iter().sum::<i64>() {
        return None;
    }
    for ((from, to), f) in flows {
        if (2..2 + cols.len()).contains(&from) && to >= 2 + cols.len() {
            let (j, r) = (cols[from - 2], to - 2 - cols.len());
            add[r][j] += f as u64;
            slack[r] -= f as u64;
        }
    }
    Some(add)
}

/// Column by column, most constrained first, in proportion to each row's room; `share`
/// below 1 leaves a margin (the rest is not handed out).
pub(super) fn fill_greedy(
    cols: &[usize],
    need: &[u64],
    slack: &mut [u64],
    fixed: &[Vec<bool>],
    mix: &[Vec<f64>],
    share: f64,
) -> Option<Vec<Vec<u64>>> {
    let rows = slack.len();
    let k = need.len();
    let mut add = vec![vec![0u64; k]; rows];
    let mut todo = cols.to_vec();
    while !todo.is_empty() {
        let pressure = |j: usize, slack: &[u64]| -> f64 {
            let room: u64 = (0..rows).filter(|&r| !fixed[r][j]).map(|r| slack[r]).sum();
            need[j] as f64 / (room as f64 + 1.0)
        };
        let pos = (0..todo.len())
            .max_by(|&a, &b| pressure(todo[a], slack).total_cmp(&pressure(todo[b], slack)).then(b.cmp(&a)))
            .unwrap_or(0);
        let j = todo.remove(pos);
        let weights: Vec<f64> =
            (0..rows).map(|r| if fixed[r][j] { 0.0 } else { slack[r] as f64 * mix[r][j] + 1e-9 }).collect();
        let hi: Vec<u64> = (0..rows).map(|r| if fixed[r][j] { 0 } else { slack[r] }).collect();
        let room: u64 = hi.iter().sum();
        let want = if share >= 1.0 { need[j] } else { ((need[j] as f64 * share) as u64).min(room) };
        if want == 0 {
            continue;
        }
        let got = apportion(want, &weights, &vec![0; rows], &hi)?;
        for r in 0..rows {
            add[r][j] += got[r];
            slack[r] -= got[r];
        }
    }
    Some(add)
}
