//! Top-down splitting of the latest period's values.

use super::apportion::apportion;
use super::{GTree, GenError};
use crate::metric::Metric;
use crate::model::Level;
use crate::relations::{at_most_pairs, partitions, MetricSet, Rel, RATES, RELATIONS};
use crate::rollup::round_fen;
use rand::Rng;

/// How one metric is synthesised where nothing is published. Its bounds at each node come
/// from the relations table ([`crate::relations::RELATIONS`]) over the metrics generated
/// before it, so the generated data satisfies them by construction.
pub(super) struct Spec {
    pub m: Metric,
    /// The natural value at a node, before noise (e.g. 0.46 × people for labour).
    pub nat: fn(&[u64]) -> f64,
    /// Relative noise: the natural value is scaled by 1 ± spread.
    pub spread: f64,
    /// A plausibility floor at the same node beyond the relations (e.g. a household holds
    /// at most ten people, so households ≥ people / 10).
    pub floor: fn(&[u64]) -> u64,
    /// A plausibility cap likewise (people out of risk live in households out of risk, at
    /// most ten to one).
    pub cap: fn(&[u64]) -> u64,
    /// Internal nodes without published descendants take the sum of their children's
    /// natural values instead of their own (used for planned layouts).
    pub sum_up: bool,
}

pub(super) fn no_floor(_: &[u64]) -> u64 {
    0
}

pub(super) fn no_cap(_: &[u64]) -> u64 {
    u64::MAX / 4
}

/// Bounds on `m` at a node with values `v`, from every `≤` relation in which `m` is the
/// only metric not generated yet (`done` holds the generated ones).
pub(super) fn relation_bounds(done: MetricSet, m: Metric, v: &[u64]) -> (u64, u64) {
    let (mut lo, mut hi) = (0u64, u64::MAX / 4);
    for r in RELATIONS.iter().filter(|r| r.rel == Rel::AtMost) {
        // Σ c·x ≤ 0 with the right side moved over; `m`'s coefficient apart.
        let (mut coef, mut rest, mut known) = (0i128, 0i128, true);
        let terms = r.lhs.iter().map(|t| (t, 1i128)).chain(r.rhs.iter().map(|t| (t, -1i128)));
        for (t, side) in terms {
            let c = if t.minus { -side } else { side };
            if t.m == m {
                coef += c;
            } else if done.contains(t.m) {
                rest += c * v[t.m.index()] as i128;
            } else {
                known = false;
            }
        }
        match (known, coef) {
            (true, 1) => hi = hi.min((-rest).clamp(0, u64::MAX as i128 / 4) as u64),
            (true, -1) => lo = lo.max(rest.clamp(0, u64::MAX as i128 / 4) as u64),
            _ => {}
        }
    }
    (lo, hi)
}

/// The most a synthesised county, site or community may have of a rate's numerator: no
/// such place sits at exactly 100 % (or shows "100.0%") unless a source says so.
pub(super) fn rate_cap(done: MetricSet, m: Metric, level: Level, v: &[u64]) -> u64 {
    if !matches!(level, Level::County | Level::Site | Level::Community) {
        return u64::MAX / 4;
    }
    RATES
        .iter()
        .filter(|r| r.num == m && done.contains(r.den))
        .map(|r| {
            let den = v[r.den.index()];
            // 1 % to 2.5 % short of the whole, varied with the size so that capped places do
            // not all read exactly 99.0 %.
            let short = 0.01 + 0.015 * (den as f64 * 0.618_034).fract();
            den.saturating_sub(((den as f64 * short).ceil() as u64).max(1)).max(u64::from(den < 2) * den)
        })
        .min()
        .unwrap_or(u64::MAX / 4)
}

/// The least a synthesised county, site or community may have of a rate's denominator
/// once its numerator is known: enough that the rate reads at most 99 % (dwellings beyond
/// the occupied ones). Nothing for buildings, or where the numerator is 0.
pub(super) fn rate_floor(done: MetricSet, m: Metric, level: Level, v: &[u64]) -> u64 {
    if !matches!(level, Level::County | Level::Site | Level::Community) {
        return 0;
    }
    RATES
        .iter()
        .filter(|r| r.den == m && done.contains(r.num))
        .map(|r| {
            let num = v[r.num.index()];
            if num == 0 {
                0
            } else {
                num + num.div_ceil(100)
            }
        })
        .max()
        .unwrap_or(0)
}

/// Nodes below one pinned at 100 % of a rate whose numerator is `m` (平远新城's published
/// family-doctor coverage): every part of a whole at 100 % is at 100 % too.
fn full_below(t: &GTree, ord: &[usize], m: Metric) -> Vec<bool> {
    let mut out = vec![false; t.nodes.len()];
    for &i in ord {
        let node = &t.nodes[i];
        let full = RATES
            .iter()
            .any(|r| r.num == m && t.done.contains(r.den) && node.fixed(m).is_some_and(|v| v == node.v[r.den.index()]));
        out[i] = full || node.parent.is_some_and(|p| out[p]);
    }
    out
}

/// Sets `m` at every node from the one equality of the table in which every other metric
/// is generated (zero-employment households = labour households − employed households).
pub(super) fn derive(t: &mut GTree, m: Metric) {
    let r = RELATIONS
        .iter()
        .find(|r| {
            r.rel == Rel::Equals && r.metrics().any(|x| x == m) && r.metrics().all(|x| x == m || t.done.contains(x))
        })
        .expect("an equality that determines the metric");
    for node in &mut t.nodes {
        // Σ c·x = 0 with the right side moved over; m's coefficient is ±1.
        let (mut coef, mut rest) = (0i128, 0i128);
        for (x, side) in r.lhs.iter().map(|x| (x, 1i128)).chain(r.rhs.iter().map(|x| (x, -1i128))) {
            let c = if x.minus { -side } else { side };
            if x.m == m {
                coef += c;
            } else {
                rest += c * node.v[x.m.index()] as i128;
            }
        }
        node.v[m.index()] = (-rest * coef).clamp(0, u64::MAX as i128) as u64;
    }
    t.done.insert(m);
}

/// Nodes from the root in pre-order, not descending below `limit`.
pub(super) fn order(t: &GTree, limit: Level) -> Vec<usize> {
    let mut out = Vec::with_capacity(t.nodes.len());
    let mut stack = vec![0usize];
    while let Some(i) = stack.pop() {
        out.push(i);
        if t.nodes[i].level < limit {
            stack.extend(t.nodes[i].kids.iter().rev());
        }
    }
    out
}

fn kids_within(t: &GTree, i: usize, limit: Level) -> &[usize] {
    if t.nodes[i].level < limit {
        &t.nodes[i].kids
    } else {
        &[]
    }
}

fn noise(t: &mut GTree, spread: f64) -> f64 {
    if spread == 0.0 {
        1.0
    } else {
        1.0 + spread * t.rng.random_range(-1.0..1.0)
    }
}

/// Metrics that may not exceed `x`, directly or through others (`a ≤ b ≤ x`), including
/// the parts of a partition whose whole is `x`.
fn bounded_by(x: Metric) -> Vec<Metric> {
    let mut out: Vec<Metric> = Vec::new();
    let mut frontier = vec![x];
    while let Some(b) = frontier.pop() {
        let direct = at_most_pairs().filter(|(_, w)| *w == b).map(|(a, _)| a);
        let parts = partitions().filter(|(w, _)| *w == b).flat_map(|(_, ps)| ps);
        for a in direct.chain(parts) {
            if !out.contains(&a) {
                out.push(a);
                frontier.push(a);
            }
        }
    }
    out
}

/// For each node, the least value `m` can take given the published values below it.
pub(super) fn published_floor(t: &GTree, ord: &[usize], limit: Level, m: Metric) -> Vec<u64> {
    let mut lb = vec![0u64; t.nodes.len()];
    for &i in ord.iter().rev() {
        lb[i] = t.nodes[i].fixed(m).unwrap_or_else(|| kids_within(t, i, limit).iter().map(|&c| lb[c]).sum());
    }
    lb
}

/// Splits one metric over the tree down to `limit`.
pub(super) fn split(t: &mut GTree, s: &Spec, limit: Level) -> Result<(), GenError> {
    let m = s.m;
    let ord = order(t, limit);
    let n = t.nodes.len();
    // Published values of metrics bounded by this one raise its floor: 10,819 labour
    // households need at least 10,819 households.
    let dep_floors: Vec<Vec<u64>> = bounded_by(m)
        .into_iter()
        .filter(|&a| t.nodes.iter().any(|nd| nd.fixed(a).is_some()))
        .map(|a| published_floor(t, &ord, limit, a))
        .collect();
    let forced_full = full_below(t, &ord, m);
    let (mut lb, mut ub, mut nat, mut has_fixed) = (vec![0u64; n], vec![0u64; n], vec![0u64; n], vec![false; n]);
    for &i in ord.iter().rev() {
        let node = &t.nodes[i];
        if let Some(f) = node.fixed(m) {
            lb[i] = f;
            ub[i] = f;
            nat[i] = f;
            has_fixed[i] = true;
            continue;
        }
        let kids = kids_within(t, i, limit);
        let (rel_lo, rel_hi) = relation_bounds(t.done, m, &node.v);
        let floor = dep_floors.iter().map(|f| f[i]).fold((s.floor)(&node.v).max(rel_lo), u64::max);
        let floor = if forced_full[i] { floor } else { floor.max(rate_floor(t.done, m, node.level, &node.v)) };
        let own_cap = if forced_full[i] { rel_hi } else { rel_hi.min(rate_cap(t.done, m, node.level, &node.v)) };
        let own_cap = own_cap.min((s.cap)(&node.v));
        // A node can never hold more than its children can (all pinned children included),
        // and a floor its children cannot reach gives way to them.
        let (cap, floor) = if kids.is_empty() {
            (own_cap, floor)
        } else {
            let room = kids.iter().map(|&c| ub[c]).fold(0u64, u64::saturating_add);
            (own_cap.min(room), floor.min(room))
        };
        ub[i] = cap;
        let sum_lb: u64 = kids.iter().map(|&c| lb[c]).sum();
        let hf = kids.iter().any(|&c| has_fixed[c]);
        let sum_nat: u64 = kids.iter().map(|&c| nat[c]).sum();
        let own = (s.nat)(&node.v);
        lb[i] = floor.max(sum_lb);
        has_fixed[i] = hf;
        let raw = if hf || (s.sum_up && !kids.is_empty()) { sum_nat as f64 } else { own * noise(t, s.spread) };
        nat[i] = (raw.round().max(0.0) as u64).clamp(lb[i], cap.max(lb[i]));
    }
    t.nodes[0].v[m.index()] = nat[0];
    for &i in &ord {
        let kids = kids_within(t, i, limit).to_vec();
        if kids.is_empty() {
            continue;
        }
        let total = t.nodes[i].v[m.index()];
        let weights: Vec<f64> = kids.iter().map(|&c| nat[c] as f64 + 1e-9).collect();
        let lo: Vec<u64> = kids.iter().map(|&c| lb[c]).collect();
        let hi: Vec<u64> = kids.iter().map(|&c| ub[c].max(lb[c])).collect();
        let parts = apportion(total, &weights, &lo, &hi).ok_or_else(|| GenError::Infeasible {
            node: t.nodes[i].id.clone(),
            metric: m.key(),
            why: format!(
                "total {total}, children need at least {} and allow at most {}",
                lo.iter().sum::<u64>(),
                hi.iter().map(|&h| h as u128).sum::<u128>()
            ),
        })?;
        for (&c, p) in kids.iter().zip(parts) {
            t.nodes[c].v[m.index()] = p;
        }
    }
    if limit == Level::Building {
        t.done.insert(m);
    }
    Ok(())
}

/// Splits `whole` into `parts` at every node (a two-way table per parent: rows are the
/// children, columns the parts). The part at `absorb` takes each row's remainder, so it
/// must have no published values below the root's children.
pub(super) fn split_partition(
    t: &mut GTree,
    whole: Metric,
    parts: &[(Metric, f64)],
    absorb: usize,
    spread: f64,
) -> Result<(), GenError> {
    let ord = order(t, Level::Building);
    let n = t.nodes.len();
    let k = parts.len();
    complete_pinned_rows(t, whole, parts)?;
    let mut lb = vec![vec![0u64; k]; n];
    let mut nat = vec![vec![0f64; k]; n];
    for &i in ord.iter().rev() {
        for (j, &(pm, _)) in parts.iter().enumerate() {
            lb[i][j] = match t.nodes[i].fixed(pm) {
                Some(f) => f,
                None => t.nodes[i].kids.iter().map(|&c| lb[c][j]).sum(),
            };
        }
        // What published parts below already take is theirs; the rest of the whole is
        // shared in the usual ratios (彝良县's published 2.33万 working away must not leave
        // its neighbours with nobody away).
        let w = t.nodes[i].v[whole.index()] as f64;
        let free = (w - lb[i].iter().sum::<u64>() as f64).max(0.0);
        for (j, &(_, ratio)) in parts.iter().enumerate() {
            nat[i][j] = lb[i][j] as f64 + ratio * free * noise(t, spread);
        }
    }
    let single_row = |t: &GTree, i: usize| -> Result<Vec<u64>, GenError> {
        let node = &t.nodes[i];
        let total = node.v[whole.index()];
        let hi: Vec<u64> = parts.iter().map(|(pm, _)| node.fixed(*pm).unwrap_or(total)).collect();
        apportion(total, &nat[i], &lb[i], &hi).ok_or_else(|| GenError::Infeasible {
            node: node.id.clone(),
            metric: whole.key(),
            why: format!("{total} cannot hold the published parts {:?}", lb[i]),
        })
    };
    // The root's parts are free: each child of the root gets its own row, the root their sum.
    let root_rows: Vec<usize> = if t.nodes[0].kids.is_empty() { vec![0] } else { t.nodes[0].kids.clone() };
    for &r in &root_rows {
        let row = single_row(t, r)?;
        for (j, &(pm, _)) in parts.iter().enumerate() {
            t.nodes[r].v[pm.index()] = row[j];
        }
    }
    if !t.nodes[0].kids.is_empty() {
        for &(pm, _) in parts {
            t.nodes[0].v[pm.index()] = t.nodes[0].kids.iter().map(|&c| t.nodes[c].v[pm.index()]).sum();
        }
    }
    for &i in &ord {
        if i == 0 || t.nodes[i].kids.is_empty() {
            continue;
        }
        let kids = t.nodes[i].kids.clone();
        let mut cell: Vec<Vec<u64>> = kids.iter().map(|&c| lb[c].clone()).collect();
        let fixed: Vec<Vec<bool>> =
            kids.iter().map(|&c| parts.iter().map(|(pm, _)| t.nodes[c].fixed(*pm).is_some()).collect()).collect();
        let mut slack: Vec<u64> = Vec::with_capacity(kids.len());
        for (r, &c) in kids.iter().enumerate() {
            let used: u64 = cell[r].iter().sum();
            let rowsum = t.nodes[c].v[whole.index()];
            slack.push(rowsum.checked_sub(used).ok_or_else(|| GenError::Infeasible {
                node: t.nodes[c].id.clone(),
                metric: whole.key(),
                why: format!("{rowsum} is below its published parts ({used})"),
            })?);
        }
        let cols: Vec<usize> = (0..k).filter(|&j| j != absorb).collect();
        let mut need = vec![0u64; k];
        for &j in &cols {
            let col: u64 = t.nodes[i].v[parts[j].0.index()];
            let have: u64 = cell.iter().map(|row| row[j]).sum();
            need[j] = col.checked_sub(have).ok_or_else(|| GenError::Infeasible {
                node: t.nodes[i].id.clone(),
                metric: parts[j].0.key(),
                why: format!("{col} is below its children's published values ({have})"),
            })?;
        }
        // Each row's own mix (jitter), so rows differ but fill evenly.
        let mix: Vec<Vec<f64>> = kids
            .iter()
            .map(|&c| {
                let whole_c = t.nodes[c].v[whole.index()].max(1) as f64;
                (0..k).map(|j| nat[c][j] / (parts[j].1 * whole_c).max(1e-9)).collect()
            })
            .collect();
        let add = fill_columns(&cols, &need, &mut slack, &fixed, &mix).ok_or_else(|| GenError::Infeasible {
            node: t.nodes[i].id.clone(),
            metric: whole.key(),
            why: "the parts do not fit in the children's rows".into(),
        })?;
        for (r, row) in add.iter().enumerate() {
            for &j in &cols {
                cell[r][j] += row[j];
            }
        }
        for (r, &c) in kids.iter().enumerate() {
            if fixed[r][absorb] && slack[r] > 0 {
                return Err(GenError::Infeasible {
                    node: t.nodes[c].id.clone(),
                    metric: parts[absorb].0.key(),
                    why: "published value in the absorbing part".into(),
                });
            }
            cell[r][absorb] += slack[r];
            for (j, &(pm, _)) in parts.iter().enumerate() {
                t.nodes[c].v[pm.index()] = cell[r][j];
            }
        }
    }
    for &(pm, _) in parts {
        t.done.insert(pm);
    }
    Ok(())
}

/// Where a node's whole and some of its parts are pinned, the rest of the whole can only
/// go to its other parts: pin those too (in the usual ratios), so that every part then has
/// an exact floor for the tables above.
fn complete_pinned_rows(t: &mut GTree, whole: Metric, parts: &[(Metric, f64)]) -> Result<(), GenError> {
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

/// Per-capita income, top-down: each parent's figure is its children's weighted mean to
/// the fen, published figures kept exactly.
pub(super) fn split_income(t: &mut GTree, root_income: f64, spread: f64) {
    let ord = order(t, Level::Building);
    let w = |t: &GTree, i: usize| t.nodes[i].v[Metric::IncomePeople.index()];
    t.nodes[0].income = if w(t, 0) > 0 { Some(t.nodes[0].income_fixed.unwrap_or(root_income)) } else { None };
    for &i in &ord {
        let kids = t.nodes[i].kids.clone();
        let Some(p) = t.nodes[i].income else { continue };
        if kids.is_empty() {
            continue;
        }
        let mut vals: Vec<Option<f64>> = Vec::with_capacity(kids.len());
        for &c in &kids {
            let v =
                if w(t, c) == 0 { None } else { Some(t.nodes[c].income_fixed.unwrap_or_else(|| p * noise(t, spread))) };
            vals.push(v);
        }
        let wsum: f64 = kids.iter().map(|&c| w(t, c) as f64).sum();
        let free: Vec<usize> =
            (0..kids.len()).filter(|&r| vals[r].is_some() && t.nodes[kids[r]].income_fixed.is_none()).collect();
        let free_w: f64 = free.iter().map(|&r| w(t, kids[r]) as f64).sum();
        if free_w > 0.0 {
            let sum: f64 = (0..kids.len()).filter_map(|r| vals[r].map(|v| v * w(t, kids[r]) as f64)).sum();
            let shift = (p * wsum - sum) / free_w;
            for &r in &free {
                vals[r] = vals[r].map(|v| round_fen((v + shift).max(100.0)));
            }
            // Spread the rounding residue in whole fen, heaviest children first, so the
            // weighted mean lands on the parent's figure well within half a fen.
            let mut order_w = free.clone();
            order_w.sort_by_key(|&r| std::cmp::Reverse(w(t, kids[r])));
            for &r in &order_w {
                let sum: f64 = (0..kids.len()).filter_map(|q| vals[q].map(|v| v * w(t, kids[q]) as f64)).sum();
                let residue = p * wsum - sum;
                let fen = (residue / (0.01 * w(t, kids[r]) as f64)).trunc();
                if fen != 0.0 {
                    vals[r] = vals[r].map(|v| round_fen(v + fen * 0.01));
                }
            }
        }
        for (r, &c) in kids.iter().enumerate() {
            t.nodes[c].income = vals[r];
        }
    }
}

/// Hands out `need[j]` for each column in `cols` among rows with room `slack` (reduced in
/// place), skipping `fixed` cells: greedily in proportion to the room left, most
/// constrained column first; where that leaves a column without room, again with a
/// margin and a max-flow for the rest, which finds a table whenever one exists.
fn fill_columns(
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
fn route_rest(
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
fn fill_greedy(
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
