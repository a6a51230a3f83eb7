//! Integer apportionment: split a total into parts proportional to weights, within
//! per-part bounds, summing exactly. Everything the generator splits goes through here,
//! which is what makes every parent equal the sum of its children by construction.

/// Splits `total` into `weights.len()` parts with `lo[i] ≤ part[i] ≤ hi[i]`, as close to
/// proportional to `weights` as the bounds allow: the parts are `clamp(λ·w, lo, hi)` for
/// the λ that makes them add up, rounded by largest remainder. Zero weights count as
/// tiny ones, so such parts fill last. Returns `None` when the bounds make it impossible
/// (`Σlo > total` or `Σhi < total`).
pub fn apportion(total: u64, weights: &[f64], lo: &[u64], hi: &[u64]) -> Option<Vec<u64>> {
    let n = weights.len();
    debug_assert!(lo.len() == n && hi.len() == n);
    if lo.iter().zip(hi).any(|(l, h)| l > h) {
        return None;
    }
    let lo_sum: u128 = lo.iter().map(|&v| v as u128).sum();
    let hi_sum: u128 = hi.iter().map(|&v| v as u128).sum();
    if lo_sum > total as u128 || hi_sum < total as u128 {
        return None;
    }
    let w: Vec<f64> = weights.iter().map(|&x| if x.is_finite() && x > 1e-12 { x } else { 1e-12 }).collect();
    let fill =
        |lambda: f64| -> Vec<f64> { (0..n).map(|i| (lambda * w[i]).clamp(lo[i] as f64, hi[i] as f64)).collect() };
    let sum = |y: &[f64]| y.iter().sum::<f64>();
    let target = total as f64;
    let wsum: f64 = w.iter().sum();
    // Fast path: plain proportion already within every bound.
    let mut y = fill(target / wsum);
    if (sum(&y) - target).abs() > 1e-6 * target.max(1.0) {
        let (mut a, mut b) = (0.0f64, 1.0f64);
        while sum(&fill(b)) < target && b < 1e300 {
            b *= 2.0;
        }
        for _ in 0..200 {
            let mid = 0.5 * (a + b);
            if sum(&fill(mid)) < target {
                a = mid;
            } else {
                b = mid;
            }
            if b - a <= b * 1e-15 {
                break;
            }
        }
        y = fill(b);
    }
    let mut x: Vec<u64> = (0..n).map(|i| (y[i].floor() as u64).clamp(lo[i], hi[i])).collect();
    let mut have: u128 = x.iter().map(|&v| v as u128).sum();
    // Largest remainders first; repeat in case float error left more than one pass.
    let mut by_frac: Vec<usize> = (0..n).collect();
    by_frac.sort_by(|&p, &q| (y[q] - y[q].floor()).total_cmp(&(y[p] - y[p].floor())).then(p.cmp(&q)));
    while have < total as u128 {
        let before = have;
        for &i in &by_frac {
            if have == total as u128 {
                break;
            }
            if x[i] < hi[i] {
                x[i] += 1;
                have += 1;
            }
        }
        if have == before {
            return None;
        }
    }
    while have > total as u128 {
        let before = have;
        for &i in by_frac.iter().rev() {
            if have == total as u128 {
                break;
            }
            if x[i] > lo[i] {
                x[i] -= 1;
                have -= 1;
            }
        }
        if have == before {
            return None;
        }
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn proportional_and_exact() {
        assert_eq!(apportion(10, &[1.0, 1.0], &[0, 0], &[10, 10]), Some(vec![5, 5]));
        // 2.5 and 7.5: the tie on the remainder goes to the first part.
        assert_eq!(apportion(10, &[1.0, 3.0], &[0, 0], &[10, 10]), Some(vec![3, 7]));
        assert_eq!(apportion(7, &[1.0, 1.0, 1.0], &[0, 0, 0], &[9, 9, 9]).unwrap().iter().sum::<u64>(), 7);
    }

    #[test]
    fn respects_bounds_and_fixed_parts() {
        // The middle part is fixed at 4.
        let v = apportion(20, &[1.0, 100.0, 1.0], &[0, 4, 0], &[20, 4, 20]).unwrap();
        assert_eq!(v, vec![8, 4, 8]);
        // A floor below the proportional share does not inflate the part.
        let v = apportion(100, &[50.0, 50.0], &[30, 0], &[100, 100]).unwrap();
        assert_eq!(v, vec![50, 50]);
        // A binding floor takes its minimum; the rest is proportional among the others.
        let v = apportion(100, &[10.0, 45.0, 45.0], &[40, 0, 0], &[100, 100, 100]).unwrap();
        assert_eq!(v, vec![40, 30, 30]);
        // A cap forces the overflow elsewhere.
        let v = apportion(10, &[9.0, 1.0], &[0, 0], &[2, 10]).unwrap();
        assert_eq!(v, vec![2, 8]);
    }

    #[test]
    fn infeasible_is_none() {
        assert_eq!(apportion(5, &[1.0], &[6], &[9]), None);
        assert_eq!(apportion(5, &[1.0, 1.0], &[0, 0], &[2, 2]), None);
        assert_eq!(apportion(5, &[1.0], &[3], &[2]), None);
    }

    #[test]
    fn zero_weights_fill_last() {
        let v = apportion(4, &[0.0, 0.0], &[0, 0], &[1, 3]).unwrap();
        assert_eq!(v.iter().sum::<u64>(), 4);
        let v = apportion(5, &[0.0, 1.0], &[0, 0], &[9, 3]).unwrap();
        assert_eq!(v, vec![2, 3]);
    }

    proptest! {
        #[test]
        fn always_exact_within_bounds(
            parts in proptest::collection::vec((0.0f64..100.0, 0u64..50, 0u64..50), 1..20),
            pick in 0.0f64..=1.0,
        ) {
            let weights: Vec<f64> = parts.iter().map(|p| p.0).collect();
            let lo: Vec<u64> = parts.iter().map(|p| p.1.min(p.2)).collect();
            let hi: Vec<u64> = parts.iter().map(|p| p.1.max(p.2)).collect();
            let (a, b): (u64, u64) = (lo.iter().sum(), hi.iter().sum());
            let total = a + ((b - a) as f64 * pick) as u64;
            let v = apportion(total, &weights, &lo, &hi).expect("feasible");
            prop_assert_eq!(v.iter().sum::<u64>(), total);
            for i in 0..v.len() {
                prop_assert!(lo[i] <= v[i] && v[i] <= hi[i]);
            }
        }
    }
}
