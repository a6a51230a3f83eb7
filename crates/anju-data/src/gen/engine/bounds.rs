//! Bounds on a synthesised metric at a node: from the relations over the metrics generated
//! before it, and the caps that keep a synthesised place off exactly 100 %.

use super::*;

pub(in crate::gen) fn no_floor(_: &[u64]) -> u64 {
    0
}

pub(in crate::gen) fn no_cap(_: &[u64]) -> u64 {
    u64::MAX / 4
}

/// Bounds on `m` at a node with values `v`, from every `≤` relation in which `m` is the
/// only metric not generated yet (`done` holds the generated ones).
pub(in crate::gen) fn relation_bounds(done: MetricSet, m: Metric, v: &[u64]) -> (u64, u64) {
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
pub(in crate::gen) fn rate_cap(done: MetricSet, m: Metric, level: Level, v: &[u64]) -> u64 {
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
pub(in crate::gen) fn rate_floor(done: MetricSet, m: Metric, level: Level, v: &[u64]) -> u64 {
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
