//! The one rule for every chart's value axis: the ranking and channel bars, the trend's
//! lines, slides, exports and the big screen's board all place values with it, so that
//! a rate of 92 % and one of 99.9 % look as different everywhere as they are.

use super::geom::nice_ceil;

/// A value axis: values from `lo` to `hi` are drawn, with a tick every `step`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ValueAxis {
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
}

/// What the values are, which decides where the axis may start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// An amount whose bar's length stands for it (people, households): from zero.
    Amount,
    /// A level (a rate, an income per head): from a round baseline below the smallest
    /// value shown, so that differences near the top can be seen; the chart says so.
    Level,
}

impl ValueAxis {
    /// The axis for `values` (non-finite ones ignored; a target belongs among them):
    /// - an [`Scale::Amount`] starts at zero;
    /// - a [`Scale::Level`] starts a round step below its smallest value, unless that is
    ///   under half its largest (then the saving is small and zero is clearer);
    /// - it ends at the first round step at or above the largest value, never past `cap`
    ///   (100 % for a rate) when the values are within it;
    /// - ticks are round steps (1, 2, 2.5 or 5 × 10ⁿ), four to six of them; an amount's
    ///   step is whole (people and households come in ones: a step of 0.2 labelled
    ///   "0 0 0 1 1 1" said nothing).
    pub fn fit(values: impl IntoIterator<Item = f64>, scale: Scale, cap: Option<f64>) -> ValueAxis {
        let (mut lo_v, mut hi_v) =
            values.into_iter().filter(|v| v.is_finite()).fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(v), b.max(v)));
        if lo_v > hi_v {
            // Nothing to show: a plain axis to the cap, or to one.
            return ValueAxis::from_zero(cap.unwrap_or(1.0));
        }
        if scale == Scale::Amount || lo_v <= 0.0 {
            lo_v = lo_v.min(0.0);
        }
        if lo_v < 0.0 {
            // Counts and rates are never negative; growth is not drawn on these axes.
            lo_v = 0.0;
            hi_v = hi_v.max(0.0);
        }
        if lo_v == 0.0 {
            let axis = ValueAxis::from_zero(if hi_v > 0.0 { hi_v } else { cap.unwrap_or(1.0) });
            if scale == Scale::Amount && axis.step < 1.0 {
                return ValueAxis { lo: 0.0, hi: top(hi_v.max(1.0), 1.0, None), step: 1.0 };
            }
            return axis;
        }
        // One value, or values a hair apart (a fen of income, a thousandth of a point):
        // a span of 2 % of the value, so that nothing is blown up past reading; kept
        // within the cap (a rate of 100 % stays at the top).
        let min_span = hi_v * 0.02;
        if hi_v - lo_v < min_span {
            let mid = (lo_v + hi_v) / 2.0;
            (lo_v, hi_v) = (mid - min_span / 2.0, mid + min_span / 2.0);
        }
        if let Some(c) = cap.filter(|&c| hi_v > c) {
            (lo_v, hi_v) = (lo_v - (hi_v - c), c);
        }
        let step = nice_ceil((hi_v - lo_v) / 4.0);
        let mut lo = snap((lo_v / step).floor() * step, step);
        if lo >= lo_v {
            // The smallest bar keeps some length.
            lo = snap(lo - step, step);
        }
        if lo < hi_v / 2.0 {
            return ValueAxis::from_zero(hi_v);
        }
        let hi = top(hi_v, step, cap);
        ValueAxis { lo, hi, step }
    }

    /// From zero to a round step at or above `max` (at least one).
    fn from_zero(max: f64) -> ValueAxis {
        let step = nice_ceil(max / 5.0);
        ValueAxis { lo: 0.0, hi: top(max, step, None), step }
    }

    /// Whether the axis starts at zero (else the chart must say where it starts).
    pub fn from_zero_start(&self) -> bool {
        self.lo == 0.0
    }

    /// The ticks, `lo` to `hi` every `step`.
    pub fn ticks(&self) -> Vec<f64> {
        let n = ((self.hi - self.lo) / self.step + 1e-9).floor() as usize;
        (0..=n.min(50)).map(|k| snap(self.lo + self.step * k as f64, self.step)).collect()
    }

    /// Where `v` falls along the axis, 0 at `lo` and 1 at `hi` (clamped).
    pub fn frac(&self, v: f64) -> f64 {
        if self.hi > self.lo {
            ((v - self.lo) / (self.hi - self.lo)).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }
}

/// The first multiple of `step` at or above `v`, no further than `cap` when `v` is
/// within it.
fn top(v: f64, step: f64, cap: Option<f64>) -> f64 {
    let hi = snap((v / step - 1e-9).ceil().max(1.0) * step, step);
    match cap {
        Some(c) if v <= c => hi.min(c),
        _ => hi,
    }
}

/// `v` rounded to the decimals of `step`, so that ticks read 0.92, not 0.9200000000000002.
fn snap(v: f64, step: f64) -> f64 {
    let decimals = (-step.log10().floor()).clamp(0.0, 12.0) as i32 + 2;
    let p = 10f64.powi(decimals);
    (v * p).round() / p
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn an_amount_steps_in_whole_units() {
        for (max, hi) in [(1.0, 1.0), (2.0, 2.0), (3.0, 3.0), (4.0, 4.0), (0.0, 1.0)] {
            let a = ValueAxis::fit([0.0, max], Scale::Amount, None);
            assert_eq!((a.lo, a.hi, a.step), (0.0, hi, 1.0), "max {max}");
        }
        assert_eq!(ValueAxis::fit([0.0, 5.0], Scale::Amount, None).step, 1.0);
        assert_eq!(ValueAxis::fit([0.0, 50.0], Scale::Amount, None).step, 10.0);
        // A rate may step in fractions.
        assert!(ValueAxis::fit([0.0, 1.0], Scale::Level, Some(100.0)).step < 1.0);
    }

    #[test]
    fn rates_near_the_top_start_at_a_round_baseline() {
        let a = ValueAxis::fit([0.92, 0.999, 0.95], Scale::Level, Some(1.0));
        assert_eq!((a.lo, a.hi, a.step), (0.9, 1.0, 0.02));
        assert_eq!(a.ticks(), vec![0.9, 0.92, 0.94, 0.96, 0.98, 1.0]);
        assert!(!a.from_zero_start());
        // 92 % and 99.9 % are far apart on it, not 8 % of the bar.
        assert!(a.frac(0.999) - a.frac(0.92) > 0.7);
    }

    #[test]
    fn amounts_and_low_levels_start_at_zero() {
        let a = ValueAxis::fit([1045.0, 210.0, 2.0], Scale::Amount, None);
        assert_eq!((a.lo, a.hi, a.step), (0.0, 1250.0, 250.0));
        let spread = ValueAxis::fit([0.3, 0.9], Scale::Level, Some(1.0));
        assert_eq!(spread.lo, 0.0);
        assert_eq!(spread.hi, 1.0);
        assert_eq!(ValueAxis::fit([], Scale::Level, Some(1.0)), ValueAxis { lo: 0.0, hi: 1.0, step: 0.2 });
        assert_eq!(ValueAxis::fit([0.0, 0.0], Scale::Amount, None).hi, 1.0);
    }

    #[test]
    fn one_value_or_near_equal_ones_are_not_blown_up() {
        for v in [0.99, 1.0] {
            let a = ValueAxis::fit([v], Scale::Level, Some(1.0));
            assert!(a.hi <= 1.0 && a.lo < v && a.hi >= v, "{a:?}");
        }
        let fen = ValueAxis::fit([11000.0, 11000.01], Scale::Level, None);
        assert!(fen.step >= 50.0, "{fen:?}");
        let hair = ValueAxis::fit([0.95, 0.95001], Scale::Level, Some(1.0));
        assert!(hair.step >= 0.005, "{hair:?}");
    }

    #[test]
    fn incomes_start_below_the_lowest() {
        let a = ValueAxis::fit([9693.03, 11350.58], Scale::Level, None);
        assert_eq!((a.lo, a.hi, a.step), (9500.0, 11500.0, 500.0));
        let one = ValueAxis::fit([0.95], Scale::Level, Some(1.0));
        assert!(one.lo < 0.95 && one.hi >= 0.95 && one.hi <= 1.0, "{one:?}");
    }

    proptest! {
        /// Every value lies on the axis, the axis has four to eleven ticks at round steps,
        /// and a level's baseline is below its smallest value.
        #[test]
        fn every_value_is_on_the_axis(vs in proptest::collection::vec(0.0f64..1e9, 1..30), level in any::<bool>()) {
            let scale = if level { Scale::Level } else { Scale::Amount };
            let a = ValueAxis::fit(vs.iter().copied(), scale, None);
            let (lo, hi) = vs.iter().fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
            prop_assert!(a.lo <= lo && a.hi >= hi * (1.0 - 1e-9), "{a:?} {lo} {hi}");
            prop_assert!(a.lo == 0.0 || (level && a.lo < lo));
            let n = a.ticks().len();
            prop_assert!((2..=12).contains(&n), "{a:?}: {n} ticks");
            prop_assert_eq!(nice_ceil(a.step), a.step);
        }

        #[test]
        fn rates_stay_within_a_hundred_per_cent(vs in proptest::collection::vec(0.0f64..=1.0, 1..30)) {
            let a = ValueAxis::fit(vs.iter().copied(), Scale::Level, Some(1.0));
            prop_assert!(a.hi <= 1.0 && a.lo >= 0.0);
            for v in vs { prop_assert!((0.0..=1.0).contains(&a.frac(v))); }
        }
    }
}
