//! Per-capita income split down the tree around the root's figure.

use super::*;

/// Per-capita income, top-down: each parent's figure is its children's weighted mean to
/// the fen, published figures kept exactly.
pub(in crate::gen) fn split_income(t: &mut GTree, root_income: f64, spread: f64) {
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
