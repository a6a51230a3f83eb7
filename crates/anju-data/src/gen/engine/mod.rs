//! Top-down splitting of the latest period's values.

use super::apportion::apportion;
use super::{GTree, GenError};
use crate::metric::Metric;
use crate::model::Level;
use crate::relations::{at_most_pairs, partitions, MetricSet, Rel, RATES, RELATIONS};
use crate::rollup::round_fen;
use rand::Rng;

mod fill;
mod income;
use fill::*;
pub(super) use income::split_income;
mod bounds;
pub(super) use bounds::{no_cap, no_floor, rate_cap, rate_floor, relation_bounds};

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
        if i != 0 && !t.nodes[i].kids.is_empty() {
            split_children(t, i, whole, parts, absorb, &lb, &nat)?;
        }
    }
    for &(pm, _) in parts {
        t.done.insert(pm);
    }
    Ok(())
}

/// One parent's table: its children's rows filled so that each row sums to the child's
/// whole and each column to the parent's part, from the lower bounds `lb` (published
/// values below) and the natural shares `nat`; the part at `absorb` takes each row's rest.
fn split_children(
    t: &mut GTree,
    i: usize,
    whole: Metric,
    parts: &[(Metric, f64)],
    absorb: usize,
    lb: &[Vec<u64>],
    nat: &[Vec<f64>],
) -> Result<(), GenError> {
    let k = parts.len();
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
    Ok(())
}
