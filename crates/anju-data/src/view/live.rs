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

/// A moment on the wall's clock (its local time).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WallTime {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

/// When the data on screen is from, as the stale badge says it beside the clock: the
/// time alone when it is from today ("01:01:01"), else its date and time ("6月28日
/// 01:01") and how old it is ("26小时前"), so a wall that failed overnight does not pass
/// yesterday's figures off as this morning's. `age_ms` is now minus then.
pub fn stale_since(then: WallTime, now: WallTime, age_ms: f64, lang: crate::format::Lang) -> (String, Option<String>) {
    use crate::format::Lang;
    let time = format!("{:02}:{:02}:{:02}", then.hour, then.minute, then.second);
    if (then.year, then.month, then.day) == (now.year, now.month, now.day) {
        return (time, None);
    }
    let minutes = (age_ms.max(0.0) / 60_000.0).floor() as u64;
    let (hours, days) = (minutes / 60, minutes / 1440);
    let age = match lang {
        Lang::Zh if hours < 1 => format!("{minutes}分钟前"),
        Lang::Zh if hours < 48 => format!("{hours}小时前"),
        Lang::Zh => format!("{days}天前"),
        Lang::En if hours < 1 => format!("{minutes} min ago"),
        Lang::En if hours < 48 => format!("{hours} h ago"),
        Lang::En => format!("{days} days ago"),
    };
    let hm = format!("{:02}:{:02}", then.hour, then.minute);
    let date = if then.year == now.year {
        match lang {
            Lang::Zh => format!("{}月{}日", then.month, then.day),
            Lang::En => format!("{}-{:02}-{:02}", then.year, then.month, then.day),
        }
    } else {
        match lang {
            Lang::Zh => format!("{}年{}月{}日", then.year, then.month, then.day),
            Lang::En => format!("{}-{:02}-{:02}", then.year, then.month, then.day),
        }
    };
    (format!("{date} {hm}"), Some(age))
}

/// The design width of the big screen for a `w`×`h` wall: 1920 at 16:9 and anything
/// narrower (fitted by the smaller ratio), wider up to 48:9 (5760 at 1080 high) so that a
/// wide LED wall is filled rather than letterboxed.
pub fn design_width(w: f64, h: f64) -> f64 {
    if !(w > 0.0 && h > 0.0 && w.is_finite() && h.is_finite()) {
        return 1920.0;
    }
    (1080.0 * w / h).clamp(1920.0, 5760.0)
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
    fn stale_data_from_another_day_says_its_date_and_age() {
        use crate::format::Lang;
        let at = |day, hour, minute, second| WallTime { year: 2026, month: 6, day, hour, minute, second };
        let (then, now) = (at(28, 1, 1, 1), at(29, 3, 5, 0));
        let age = ((26 * 60 + 3) * 60 + 59) as f64 * 1000.0;
        let said = |then, now, age, lang| {
            let (when, age) = stale_since(then, now, age, lang);
            format!("{when}|{}", age.unwrap_or_default())
        };
        assert_eq!(said(then, now, age, Lang::Zh), "6月28日 01:01|26小时前");
        assert_eq!(said(then, now, age, Lang::En), "2026-06-28 01:01|26 h ago");
        assert_eq!(said(then, at(28, 9, 0, 0), 8.0 * 3.6e6, Lang::Zh), "01:01:01|");
        assert_eq!(said(at(28, 23, 50, 0), at(29, 0, 10, 0), 20.0 * 60_000.0, Lang::Zh), "6月28日 23:50|20分钟前");
        assert_eq!(said(then, at(30, 12, 0, 0), 59.0 * 3.6e6, Lang::Zh), "6月28日 01:01|2天前");
        let last_year = WallTime { year: 2025, ..then };
        assert!(said(last_year, now, 3.2e10, Lang::Zh).starts_with("2025年6月28日"));
    }

    #[test]
    fn wide_walls_get_a_wider_design() {
        assert_eq!(design_width(1920.0, 1080.0), 1920.0);
        assert_eq!(design_width(1280.0, 1024.0), 1920.0, "narrower walls are fitted, not squeezed");
        assert_eq!(design_width(3840.0, 1080.0), 3840.0);
        assert_eq!(design_width(5760.0, 1080.0), 5760.0);
        assert_eq!(design_width(11520.0, 2160.0), 5760.0);
        assert_eq!(design_width(9000.0, 1080.0), 5760.0, "past 48:9 it is letterboxed");
        assert_eq!(design_width(0.0, 0.0), 1920.0);
    }

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
