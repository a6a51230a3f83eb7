//! Growth over a year: the same month a year before, and growth from it. The one rule
//! the page shows and the validator checks a source's stated growth by.

use super::measure::Measure;
use crate::dataset::{Dataset, NodeIx};

/// The index of the same month a year before period `t`, if the data has it.
pub fn year_before(ds: &Dataset, t: usize) -> Option<usize> {
    crate::model::year_before_ix(&ds.periods, t)
}

/// Growth of `measure` against the same month a year earlier, as a fraction.
pub fn yoy_growth(ds: &Dataset, ix: NodeIx, measure: Measure, t: usize) -> Option<f64> {
    let n = ds.node(ix);
    growth(measure.value(n, t)?, measure.value(n, year_before(ds, t)?)?)
}

/// Growth from `before` to `now`, as a fraction: the one rule the page shows and the
/// validator checks a source's stated growth by. From nothing (or from less than a fen, a
/// denormal, a rounding remnant) there is no growth to speak of: `None`, shown as "—",
/// never "+—" or a number in the trillions.
pub fn growth(now: f64, before: f64) -> Option<f64> {
    let g = now / before - 1.0;
    (before >= 0.01 && g.is_finite()).then_some(g)
}
