//! The big screen's arithmetic, kept here so it is tested natively: where the carousel
//! is, how long to wait before retrying a failed refresh, and how a number counts up.

/// The carousel's position among `len` items after `step` steps (negative = backwards).
pub fn position(step: i64, len: usize) -> usize {
    if len == 0 {
        0
    } else {
        step.rem_euclid(len as i64) as usize
    }
}

/// First retry after a failed refresh, in milliseconds.
pub const FIRST_RETRY_MS: u32 = 5_000;

/// How long to wait after `failures` failed refreshes in a row: doubling from
/// [`FIRST_RETRY_MS`], never longer than the normal refresh interval, so a wall whose
/// server is down keeps asking at the usual pace but a brief outage heals quickly.
/// `jitter` in [0, 1) spreads many screens over ±10%.
pub fn retry_delay_ms(refresh_ms: u32, failures: u32, jitter: f64) -> u32 {
    if failures == 0 {
        return refresh_ms;
    }
    let doubled = u64::from(FIRST_RETRY_MS) << failures.saturating_sub(1).min(20);
    let base = doubled.min(u64::from(refresh_ms)) as f64;
    let spread = 0.9 + 0.2 * jitter.clamp(0.0, 0.999_999);
    ((base * spread).round() as u32).max(1)
}

/// Ease-out cubic: fast at first, settling on the value.
pub fn ease_out(p: f64) -> f64 {
    let p = if p.is_nan() { 1.0 } else { p.clamp(0.0, 1.0) };
    1.0 - (1.0 - p).powi(3)
}

/// The number shown `p` of the way (0..=1, eased) from `from` to `to`.
pub fn tween(from: f64, to: f64, p: f64) -> f64 {
    let e = ease_out(p);
    if e >= 1.0 {
        to // exactly the value, not a rounding away from it
    } else {
        from + (to - from) * e
    }
}

/// The screen's scale: the 1920×1080 design fitted inside a `w`×`h` viewport.
pub fn fit_scale(w: f64, h: f64, design_w: f64, design_h: f64) -> f64 {
    if !(w > 0.0 && h > 0.0 && w.is_finite() && h.is_finite()) {
        return 1.0;
    }
    (w / design_w).min(h / design_h)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn position_wraps_both_ways() {
        assert_eq!(position(0, 4), 0);
        assert_eq!(position(5, 4), 1);
        assert_eq!(position(-1, 4), 3);
        assert_eq!(position(-9, 4), 3);
        assert_eq!(position(7, 0), 0);
        assert_eq!(position(i64::MIN, 3), i64::MIN.rem_euclid(3) as usize);
    }

    #[test]
    fn retries_double_up_to_the_interval() {
        let mid = 0.5; // no spread
        assert_eq!(retry_delay_ms(300_000, 0, mid), 300_000);
        assert_eq!(retry_delay_ms(300_000, 1, mid), 5_000);
        assert_eq!(retry_delay_ms(300_000, 2, mid), 10_000);
        assert_eq!(retry_delay_ms(300_000, 7, mid), 300_000);
        assert_eq!(retry_delay_ms(300_000, u32::MAX, mid), 300_000);
        assert_eq!(retry_delay_ms(1_000, 1, mid), 1_000);
        assert_eq!(retry_delay_ms(1_000, 1, 0.0), 900);
        assert_eq!(retry_delay_ms(1_000, 1, 1.0), 1_100);
    }

    #[test]
    fn scale_fits_the_smaller_ratio() {
        assert_eq!(fit_scale(1920.0, 1080.0, 1920.0, 1080.0), 1.0);
        assert_eq!(fit_scale(3840.0, 2160.0, 1920.0, 1080.0), 2.0);
        assert!((fit_scale(1280.0, 720.0, 1920.0, 1080.0) - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(fit_scale(1920.0, 540.0, 1920.0, 1080.0), 0.5);
        assert_eq!(fit_scale(0.0, 0.0, 1920.0, 1080.0), 1.0);
        assert_eq!(fit_scale(f64::NAN, 10.0, 1920.0, 1080.0), 1.0);
    }

    proptest! {
        #[test]
        fn tween_stays_between_and_lands(from in -1e12f64..1e12, to in -1e12f64..1e12, p in -1.0f64..2.0) {
            let v = tween(from, to, p);
            let (lo, hi) = if from < to { (from, to) } else { (to, from) };
            prop_assert!(v >= lo - 1e-3 && v <= hi + 1e-3);
            prop_assert_eq!(tween(from, to, 1.0), to);
            prop_assert_eq!(tween(from, to, 0.0), from);
        }

        /// A counter only ever moves towards its target: later is never further away.
        #[test]
        fn tween_moves_towards_the_target(from in -1e9f64..1e9, to in -1e9f64..1e9, a in 0.0f64..1.0, b in 0.0f64..1.0) {
            let (p, q) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!((to - tween(from, to, q)).abs() <= (to - tween(from, to, p)).abs() + 1e-6);
        }

        #[test]
        fn retry_never_exceeds_interval_by_more_than_spread(r in 1_000u32..86_400_000, f in 0u32..100, j in 0.0f64..1.0) {
            let d = retry_delay_ms(r, f, j);
            prop_assert!(d >= 1 && f64::from(d) <= f64::from(r) * 1.1 + 1.0);
        }
    }
}
