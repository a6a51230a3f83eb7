//! Roll-up: a parent's figures from its children. Counts add up; per-capita income is the
//! mean weighted by `income_people`, rounded to the fen (0.01 yuan) as it is stored.

use crate::metric::Metric;
use crate::model::Node;
use crate::series::{Income, Series};

/// The tolerance when rolling a per-capita income up from children (`rollup_into`): half a
/// fen for the stored rounding, plus float noise.
pub const INCOME_TOLERANCE: f64 = 0.005 + 1e-6;

/// The tolerance when checking a stored per-capita income against its children's weighted
/// mean: one fen. Half is the children's stored rounding, half the parent's: a parent
/// computed exactly from every household (`anju aggregate`, where each node's figure is
/// the people-weighted mean of its households, rounded once) differs from the mean of its
/// children's rounded figures by up to that much.
pub const INCOME_CHECK_TOLERANCE: f64 = 0.01 + 1e-6;

/// Σ (income in fen × weight) / Σ weight, rounded half up to the fen, in yuan; `None` for
/// no weight. Exact in integers: the same figure however the sum was grouped.
pub fn fen_mean(fen_sum: u128, weight: u128) -> Option<f64> {
    (weight > 0).then(|| ((2 * fen_sum + weight) / (2 * weight)) as f64 / 100.0)
}

/// 1 when `m` is the structural count of `level` itself (a site has `sites` = 1 plus
/// nothing below), else 0: structural counts include the node itself.
#[inline]
pub fn own_count(level: crate::model::Level, m: Metric) -> u128 {
    u128::from(level.own_count_metric() == Some(m))
}

/// The weighted mean of the children's per-capita income at period `t`, unrounded;
/// `None` when no child has both a figure and a weight.
pub fn weighted_income<'a>(children: impl Iterator<Item = &'a Node>, t: usize) -> Option<f64> {
    let (mut num, mut den) = (0.0f64, 0u128);
    for c in children {
        let w = c.m.get(Metric::IncomePeople, t);
        if let (Some(v), true) = (c.income.get(t), w > 0) {
            num += v * w as f64;
            den += w as u128;
        }
    }
    (den > 0).then(|| num / den as f64)
}

pub fn round_fen(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// A parent's count of `m` at each of `periods` from its children's series: its own
/// structural count plus theirs, in u128 so that no sum overflows (a bad series adds 0;
/// the validator reports it). The one roll-up of counts: the aggregator's tree and the
/// reader of version 2's implied sums both add up through it.
pub fn sums<'a>(
    level: crate::model::Level,
    m: Metric,
    children: impl Iterator<Item = &'a Series>,
    periods: usize,
) -> Vec<u128> {
    let mut acc = vec![own_count(level, m); periods];
    for s in children {
        match s {
            Series::Const(v) => acc.iter_mut().for_each(|x| *x += *v as u128),
            Series::Per(a) => acc.iter_mut().enumerate().for_each(|(t, x)| *x += a.get(t).unwrap_or(0) as u128),
            Series::Bad(..) => {}
        }
    }
    acc
}

/// Sets every metric and the income of `parent` from `children` (compact series).
pub fn rollup_into(parent: &mut Node, children: &[&Node], periods: usize) {
    for &m in Metric::ALL {
        let values: Vec<u64> = sums(parent.level, m, children.iter().map(|c| c.m.series(m)), periods)
            .into_iter()
            .map(|v| v.min(u64::MAX as u128) as u64)
            .collect();
        parent.m.set(m, Series::from_values(values));
    }
    let inc: Vec<Option<f64>> =
        (0..periods).map(|t| weighted_income(children.iter().copied(), t).map(round_fen)).collect();
    parent.income = Income::from_values(inc);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Level;

    fn leaf(people: u64, inc: Option<f64>) -> Node {
        let mut n = Node::new("x", "x", Level::Building);
        n.m.set(Metric::People, Series::Const(people));
        n.m.set(Metric::IncomePeople, Series::Const(people));
        n.income = inc.map(Income::Const).unwrap_or_default();
        n
    }

    #[test]
    fn counts_add_and_income_is_weighted() {
        let a = leaf(100, Some(10_000.0));
        let b = leaf(300, Some(14_000.0));
        let mut p = Node::new("p", "p", Level::Grid);
        rollup_into(&mut p, &[&a, &b], 3);
        assert_eq!(p.m.get(Metric::People, 2), 400);
        assert_eq!(p.income.get(0), Some(13_000.0));
    }

    #[test]
    fn income_without_weight_is_ignored() {
        let a = leaf(0, Some(99_999.0));
        let b = leaf(10, Some(8_000.0));
        assert_eq!(weighted_income([&a, &b].into_iter(), 0), Some(8_000.0));
        assert_eq!(weighted_income([&a].into_iter(), 0), None);
    }

    #[test]
    fn sums_do_not_overflow() {
        let mut a = leaf(0, None);
        a.m.set(Metric::People, Series::Const(u64::MAX));
        let b = a.clone();
        let kids = [a.m.series(Metric::People), b.m.series(Metric::People)];
        assert_eq!(sums(Level::Building, Metric::People, kids.into_iter(), 2), vec![2 * u64::MAX as u128; 2]);
    }
}
