//! Checks between a node and its children: every count the sum of theirs, income their
//! people-weighted mean.

use super::Ctx;
use crate::metric::Metric;
use crate::model::Node;
use crate::problem::Check;
use crate::rollup::{own_count, weighted_income, INCOME_CHECK_TOLERANCE};
use crate::series::Series;

/// Checks that `parent` equals the sum of `children` for every metric and period, and that
/// its income is their weighted mean.
pub(crate) fn check_sums(c: &mut Ctx, parent: &Node, parent_path: &str, children: &[&Node], periods: &[String]) {
    let np = periods.len();
    let id = Some(parent.id.as_str());
    // One pass over the children per metric: constant series add once, arrays per period.
    let mut acc = vec![0u128; np];
    for &m in Metric::ALL {
        let mut base = own_count(parent.level, m);
        let mut any_per = false;
        for ch in children {
            match ch.m.series(m) {
                Series::Const(v) => base += *v as u128,
                Series::Per(a) => {
                    if !any_per {
                        acc.iter_mut().for_each(|x| *x = 0);
                        any_per = true;
                    }
                    for (x, v) in acc.iter_mut().zip(a.iter()) {
                        *x += v as u128;
                    }
                }
                Series::Bad(..) => {}
            }
        }
        let periods_to_check = if any_per || !matches!(parent.m.series(m), Series::Const(_)) { np } else { np.min(1) };
        for t in 0..periods_to_check {
            let sum = base + if any_per { acc[t] } else { 0 };
            let have = parent.m.get(m, t) as u128;
            if sum != have {
                c.push(
                    Check::Sum,
                    format!("{parent_path}.m.{}", m.key()),
                    id,
                    format!("{}：本级为 {have}，下级合计为 {sum}（统计期 {}）", m.zh(), periods[t]),
                    format!(
                        "{}: this node has {have} but its children add up to {sum} (period {})",
                        m.key(),
                        periods[t]
                    ),
                );
                break;
            }
        }
    }
    for (t, period) in periods.iter().enumerate() {
        let want = weighted_income(children.iter().copied(), t);
        let have = parent.income.get(t);
        let ok = match (have, want) {
            (Some(h), Some(w)) => (h - w).abs() <= INCOME_CHECK_TOLERANCE,
            (None, None) => true,
            _ => false,
        };
        if !ok {
            let show = |v: Option<f64>| v.map(|v| format!("{v:.2}")).unwrap_or_else(|| "—".into());
            c.push(
                Check::IncomeRollup,
                format!("{parent_path}.income"),
                id,
                format!("人均纯收入为 {}，但下级按人口加权平均为 {}（统计期 {}）", show(have), show(want), period),
                format!(
                    "per-capita income is {} but the children's weighted mean is {} (period {})",
                    show(have),
                    show(want),
                    period
                ),
            );
            break;
        }
    }
}
