//! Earlier periods. Buildings get a history derived from their latest values (employment
//! and income grow, red-risk and low-income households shrink, away-work dips around the
//! Spring Festival); every other node is the roll-up of its buildings, so sums hold at
//! every period by construction.

use super::GTree;
use crate::metric::{Metric, N_METRICS};
use crate::model::{BuildingInfo, Level, Metrics, Node};
use crate::rollup::{round_fen, INCOME_TOLERANCE};
use crate::series::{Income, Series};
use rand::Rng;

/// Per-period values of one building, metric-major.
fn leaf_history(t: &mut GTree, i: usize, np: usize) -> (Vec<Vec<u64>>, Vec<Option<f64>>) {
    use Metric::*;
    let v = t.nodes[i].v;
    let mut out: Vec<Vec<u64>> = (0..N_METRICS).map(|k| vec![v[k]; np]).collect();
    let g_emp: f64 = t.rng.random_range(0.03..0.12);
    let yoy = inherited_yoy(t, i).unwrap_or_else(|| t.rng.random_range(1.06..1.11));
    let last = np.saturating_sub(1);
    let mut income = vec![t.nodes[i].income; np];
    for p in 0..np {
        let d = (last - p) as f64;
        let frac = if last == 0 { 0.0 } else { d / last as f64 };
        let month = t.periods[p].month;
        let season = match month {
            1 => 0.95,
            2 => 0.91,
            _ => 1.0,
        };
        let scale = |x: u64, f: f64| ((x as f64) * f.min(1.0)).round() as u64;
        let base = 1.0 - g_emp * frac;
        out[Away.index()][p] = scale(v[Away.index()], base * season);
        for m in [NearHome, Workshop, SelfEmployed] {
            out[m.index()][p] = scale(v[m.index()], base);
        }
        // Public-welfare posts are the fallback: they move least.
        out[WelfarePosts.index()][p] = scale(v[WelfarePosts.index()], 1.0 - 0.3 * g_emp * frac);
        let employed: u64 =
            [Away, NearHome, Workshop, WelfarePosts, SelfEmployed].iter().map(|m| out[m.index()][p]).sum();
        out[Employed.index()][p] = employed;
        // Households lose work a third as fast as people do (many hold several workers);
        // the relations table bounds the rest: a labour household without work holds a
        // labourer out of work, and the others are zero-employment households.
        let (eh_latest, lh, labour) = (v[EmployedHouseholds.index()], v[LabourHouseholds.index()], v[Labour.index()]);
        let lost = if v[Employed.index()] == 0 {
            0
        } else {
            ((eh_latest as f64) * (1.0 - employed as f64 / v[Employed.index()] as f64) / 3.0).round() as u64
        };
        let eh = eh_latest.saturating_sub(lost).max((lh + employed).saturating_sub(labour)).min(employed).min(lh);
        out[EmployedHouseholds.index()][p] = eh;
        out[ZeroEmploymentHouseholds.index()][p] = lh - eh;
        out[Trained.index()][p] = scale(v[Trained.index()], 1.0 - 0.45 * frac);
        out[Certified.index()][p] = scale(v[Certified.index()], 1.0 - 0.5 * frac).min(out[Trained.index()][p]);
        out[TrainingSessions.index()][p] = scale(v[TrainingSessions.index()], 1.0 - 0.45 * frac);
        out[RiskEliminatedHouseholds.index()][p] = scale(v[RiskEliminatedHouseholds.index()], 1.0 - 0.5 * frac);
        out[RiskEliminatedPeople.index()][p] = scale(v[RiskEliminatedPeople.index()], 1.0 - 0.5 * frac);
        let hh = v[Households.index()];
        let green = v[RiskGreen.index()];
        let extra_red = (((hh as f64) * 0.015 * frac).round() as u64).min(green);
        out[RiskRed.index()][p] = v[RiskRed.index()] + extra_red;
        out[RiskGreen.index()][p] = green - extra_red;
        out[LowIncomeHouseholds.index()][p] =
            (v[LowIncomeHouseholds.index()] + ((hh as f64) * 0.08 * frac).round() as u64).min(hh);
        income[p] = income[p].map(|x| round_fen(x / yoy.powf(d / 12.0)));
    }
    (out, income)
}

fn inherited_yoy(t: &GTree, mut i: usize) -> Option<f64> {
    loop {
        if let Some(g) = t.nodes[i].income_yoy {
            return Some(g);
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
