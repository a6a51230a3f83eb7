//! The months. Buildings get a history derived from their generated values, which are
//! those of the latest month unless a published figure dates them otherwise (employment
//! and income grow, red-risk and low-income households shrink, away-work dips around the
//! Spring Festival); every other node is the roll-up of its buildings, so sums hold at
//! every period by construction.

use super::apportion::apportion;
use super::{Anchor, GNode, GTree};
use crate::metric::{Metric, CHANNELS, N_METRICS};
use crate::model::{BuildingInfo, Level, Metrics, Node};
use crate::rollup::{round_fen, INCOME_TOLERANCE};
use crate::series::{Income, Series};
use rand::Rng;

/// Per-period values of one building, metric-major. The generated values `v` are those
/// of the anchor period (the latest, unless a published figure dates them; see
/// [`Anchor`]); earlier months have less work and income, later ones more.
fn leaf_history(t: &mut GTree, i: usize, np: usize) -> (Vec<Vec<u64>>, Vec<Option<f64>>) {
    use Metric::*;
    let v = t.nodes[i].v;
    let mut out: Vec<Vec<u64>> = (0..N_METRICS).map(|k| vec![v[k]; np]).collect();
    let last = np.saturating_sub(1);
    let (at, flat) = match inherited(t, i, |n| n.anchor) {
        Some(Anchor::At(k)) => (k.min(last), false),
        Some(Anchor::Flat) => (last, true),
        None => (last, false),
    };
    // Employment in the months before the anchor: the county's decline, give or take.
    let g_emp: f64 = match (flat, inherited(t, i, |n| n.decline)) {
        (true, _) => 0.0,
        (false, Some(g)) => (g + t.rng.random_range(-0.004..0.004)).max(0.0),
        (false, None) => t.rng.random_range(0.02..0.06),
    };
    let drift = inherited(t, i, |n| n.drift).unwrap_or(0.0);
    let yoy = inherited(t, i, |n| n.income_yoy).unwrap_or_else(|| t.rng.random_range(1.06..1.11));
    let mut income = vec![t.nodes[i].income; np];
    let labour = v[Labour.index()];
    // After the anchor employment grows, but never past 97 % of the labour force.
    let ceiling = ((labour as f64 * 0.97).floor() as u64).max(v[Employed.index()]);
    let leaf = Leaf { v, at, flat, last, g_emp, drift, ceiling };
    for (p, x) in income.iter_mut().enumerate() {
        leaf.month(t, p, &mut out);
        let d = at as f64 - p as f64;
        *x = x.map(|x| round_fen(x / yoy.powf(d / 12.0)));
    }
    (out, income)
}

/// What one building's months are derived from: its anchor values `v`, the anchor month
/// `at` (of `last + 1`), whether it is carried flat, its decline into the past, its drift
/// after the anchor, and the most it may employ.
struct Leaf {
    v: [u64; N_METRICS],
    at: usize,
    flat: bool,
    last: usize,
    g_emp: f64,
    drift: f64,
    ceiling: u64,
}

impl Leaf {
    /// Month `p`'s values (all but income), metric-major into `out`.
    fn month(&self, t: &mut GTree, p: usize, out: &mut [Vec<u64>]) {
        use Metric::*;
        let Leaf { v, at, flat, last, g_emp, drift, ceiling } = *self;
        let (labour, hh) = (v[Labour.index()], v[Households.index()]);
        // Months before the anchor are positive, after it negative.
        let d = at as f64 - p as f64;
        let frac = if last == 0 { 0.0 } else { d / last as f64 };
        // The Spring Festival dip, relative to the anchor month (whose values are given).
        let dip = |month: u8| match (flat, month) {
            (false, 1) => 0.985,
            (false, 2) => 0.97,
            _ => 1.0,
        };
        let season = dip(t.periods[p].month) / dip(t.periods[at].month);
        let scaled = |x: u64, f: f64| (x as f64) * f.max(0.0);
        // Before the anchor, the decline into the past; after it, the county's drift.
        let base = if p <= at { 1.0 - g_emp * frac } else { 1.0 + drift * (p - at) as f64 };
        let mut want = [
            scaled(v[Away.index()], base * season),
            scaled(v[NearHome.index()], base),
            scaled(v[Workshop.index()], base),
            // Public-welfare posts are the fallback: they move least.
            scaled(v[WelfarePosts.index()], 1.0 - 0.3 * g_emp * frac),
            scaled(v[SelfEmployed.index()], base),
        ];
        // Rounded at random (up with the chance of the fraction): a small building's 0.3
        // of a person lost must still count, on average, for its county.
        let dither: f64 = t.rng.random_range(0.0..1.0);
        let total = ((want.iter().sum::<f64>() + dither).floor() as u64).min(ceiling.max(1));
        want.iter_mut().for_each(|w| *w += 1e-9);
        let parts = apportion(total, &want, &[0; 5], &[u64::MAX / 4; 5]).unwrap_or([0; 5].to_vec());
        for (m, x) in CHANNELS.iter().zip(&parts) {
            out[m.index()][p] = *x;
        }
        let employed: u64 = parts.iter().sum();
        out[Employed.index()][p] = employed;
        // Households lose or find work a third as fast as people do (many hold several
        // workers); the relations table bounds the rest: a labour household without work
        // holds a labourer out of work, and the others are zero-employment households.
        let (eh_at, lh) = (v[EmployedHouseholds.index()], v[LabourHouseholds.index()]);
        let change = if v[Employed.index()] == 0 { 0.0 } else { 1.0 - employed as f64 / v[Employed.index()] as f64 };
        let eh = ((eh_at as f64) * (1.0 - change / 3.0)).round().max(0.0) as u64;
        let eh = eh.max((lh + employed).saturating_sub(labour)).min(employed).min(lh);
        out[EmployedHouseholds.index()][p] = eh;
        out[ZeroEmploymentHouseholds.index()][p] = lh - eh;
        let grow = |x: u64, rate: f64| (scaled(x, 1.0 - rate * frac) + dither - 0.5).round().max(0.0) as u64;
        let trained = grow(v[Trained.index()], if flat { 0.0 } else { 0.45 }).min(labour);
        out[Trained.index()][p] = trained;
        out[Certified.index()][p] = grow(v[Certified.index()], if flat { 0.0 } else { 0.5 }).min(trained);
        out[TrainingSessions.index()][p] = grow(v[TrainingSessions.index()], if flat { 0.0 } else { 0.45 });
        // Households come out of risk over time, and their members with them.
        let out_of_risk = if flat { 0.0 } else { 0.5 };
        let (mh, mp) = (v[MonitoredHouseholds.index()], v[MonitoredPeople.index()]);
        let (reh_a, rep_a) = (v[RiskEliminatedHouseholds.index()], v[RiskEliminatedPeople.index()]);
        let reh = grow(reh_a, out_of_risk).min(mh);
        let rep = if reh_a == 0 { 0 } else { (rep_a as f64 * reh as f64 / reh_a as f64).round() as u64 };
        out[RiskEliminatedHouseholds.index()][p] = reh;
        out[RiskEliminatedPeople.index()][p] = rep.max(reh).min((mp + reh).saturating_sub(mh)).min(mp);
        // Red households shrink and low-income ones with them as time goes on.
        let k = if flat { 0.0 } else { 1.0 };
        let red_shift = ((hh as f64) * 0.015 * frac * k + dither - 0.5).round() as i64;
        let (red, green) = (v[RiskRed.index()] as i64, v[RiskGreen.index()] as i64);
        let moved = red_shift.clamp(-red, green);
        out[RiskRed.index()][p] = (red + moved) as u64;
        out[RiskGreen.index()][p] = (green - moved) as u64;
        let low = v[LowIncomeHouseholds.index()] as i64 + ((hh as f64) * 0.08 * frac * k + dither - 0.5).round() as i64;
        out[LowIncomeHouseholds.index()][p] = low.clamp(0, hh as i64) as u64;
    }
}

/// A county planned to decline by g into the past, but part of it is carried flat (a
/// site published before the data begins): the rest declines by g / (share not flat), so
/// that the county as a whole still declines by g and stays in line with its neighbours.
fn spread_declines_over_flat_parts(t: &mut GTree) {
    let order = t.preorder();
    let n = t.nodes.len();
    // Labour carried flat under each node.
    let mut flat = vec![0u64; n];
    for &i in order.iter().rev() {
        flat[i] = if t.nodes[i].anchor == Some(Anchor::Flat) {
            t.nodes[i].v[Metric::Labour.index()]
        } else {
            t.nodes[i].kids.iter().map(|&k| flat[k]).sum()
        };
    }
    for (node, &flat) in t.nodes.iter_mut().zip(&flat) {
        let (Some(g), false) = (node.decline, node.anchor == Some(Anchor::Flat)) else { continue };
        let labour = node.v[Metric::Labour.index()].max(1) as f64;
        let moving = (1.0 - flat as f64 / labour).max(0.25);
        node.decline = Some((g / moving).min(0.15));
    }
}

/// A planned value of a node or its nearest ancestor.
fn inherited<T>(t: &GTree, mut i: usize, get: impl Fn(&GNode) -> Option<T>) -> Option<T> {
    loop {
        if let Some(v) = get(&t.nodes[i]) {
            return Some(v);
        }
        i = t.nodes[i].parent?;
    }
}

/// Builds the final nodes with their series, children before parents. Values are kept in
/// compact form (a constant row is one number), which bounds memory at national scale.
pub(super) fn finish(t: &mut GTree) -> Vec<Node> {
    let np = t.periods.len();
    let order = t.preorder();
    let n = t.nodes.len();
    let mut metrics: Vec<Metrics> = vec![Metrics::default(); n];
    let mut incomes: Vec<Income> = vec![Income::Absent; n];
    let w = Metric::IncomePeople;
    spread_declines_over_flat_parts(t);
    for &i in order.iter().rev() {
        let kids = t.nodes[i].kids.clone();
        if kids.is_empty() {
            let (rows, x) = leaf_history(t, i, np);
            for (m, row) in Metric::ALL.iter().zip(rows) {
                metrics[i].set(*m, Series::from_values(row));
            }
            incomes[i] = Income::from_values(x);
            continue;
        }
        let mut mine = Metrics::default();
        // A node counts itself in its own level's structural count (a site has sites = 1).
        let own = t.nodes[i].level.own_count_metric();
        for &m in Metric::ALL {
            let me = u64::from(own == Some(m));
            let row: Vec<u64> = (0..np).map(|p| me + kids.iter().map(|&c| metrics[c].get(m, p)).sum::<u64>()).collect();
            mine.set(m, Series::from_values(row));
        }
        let x: Vec<Option<f64>> = (0..np)
            .map(|p| {
                let (mut num, mut den) = (0.0, 0u64);
                for &c in &kids {
                    let wc = metrics[c].get(w, p);
                    if let (Some(v), true) = (incomes[c].get(p), wc > 0) {
                        num += v * wc as f64;
                        den += wc;
                    }
                }
                (den > 0).then(|| {
                    let mean = num / den as f64;
                    // The latest period keeps the top-down figure (published ones exactly).
                    match t.nodes[i].income {
                        Some(top) if p + 1 == np && (top - mean).abs() <= INCOME_TOLERANCE => top,
                        _ => round_fen(mean),
                    }
                })
            })
            .collect();
        metrics[i] = mine;
        incomes[i] = Income::from_values(x);
    }
    t.nodes
        .iter()
        .zip(metrics.into_iter().zip(incomes))
        .map(|(g, (m, income))| {
            let mut node = Node::new(g.id.clone(), g.name.clone(), g.level);
            node.name_en = g.name_en.clone();
            node.children = g.kids.iter().map(|&c| t.nodes[c].id.clone()).collect();
            node.m = m;
            node.income = income;
            node.targets = g.targets.clone();
            if g.level == Level::Building {
                node.building = Some(BuildingInfo { floors: g.floors });
            }
            node.published = g.claims.clone();
            node
        })
        .collect()
}
