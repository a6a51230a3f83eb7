//! Small-cell suppression for public displays (`suppress=1`): the one place that decides
//! which figures a display may show. Counts of 1 and 2 people or households are hidden
//! (primary suppression), and so are as many others as it takes that no hidden count can
//! be worked out from what is shown: by subtraction from a parent and its shown children,
//! from a whole and its parts (colours and households, channels and employed), or from a
//! rate and its parts (secondary suppression). The policy, its proof and its cost to
//! readers are in `docs/disclosure.md`; `tests/disclosure.rs` checks it by brute force.

mod family;

pub use family::{sensitive, THRESHOLD};

use crate::dataset::{Dataset, NodeIx};
use crate::format::{self, Lang};
use crate::metric::Metric;
use crate::relations::MetricSet;
use crate::view::growth;
use crate::view::measure::{self, Measure};
use std::collections::HashMap;
use std::sync::Mutex;

/// What a hidden figure shows, whatever its value: one mark for the small counts and for
/// the counts hidden to protect them, so that the mark says nothing about the size.
pub const MARK: &str = "*";

/// The decisions made so far for one dataset: what is hidden at each node, by period,
/// filled a family at a time. A dataset's copy starts empty (it is made to attach a
/// shard), and so does a dataset that has just attached one.
#[derive(Default)]
pub struct Disclosure {
    nodes: Mutex<HashMap<(usize, NodeIx), MetricSet>>,
}

impl Clone for Disclosure {
    fn clone(&self) -> Self {
        Disclosure::default()
    }
}

impl std::fmt::Debug for Disclosure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Disclosure")
    }
}

impl Disclosure {
    /// The counts hidden at node `ix` at period `t` (one bit per metric).
    pub fn hidden(&self, ds: &Dataset, ix: NodeIx, t: usize) -> MetricSet {
        if let Some(&h) = self.nodes.lock().ok().and_then(|c| c.get(&(t, ix)).copied()).as_ref() {
            return h;
        }
        let decided: Vec<(NodeIx, MetricSet)> = match ds.parent[ix] {
            None => vec![(ix, family::root(ds.node(ix), t))],
            Some(p) => {
                let above = self.hidden(ds, p, t);
                let kids: Vec<_> = ds.kids[p].iter().map(|&k| ds.node(k)).collect();
                ds.kids[p].iter().copied().zip(family::family(ds.node(p), &kids, t, above)).collect()
            }
        };
        let mine = decided.iter().find(|d| d.0 == ix).map(|d| d.1).unwrap_or_default();
        if let Ok(mut c) = self.nodes.lock() {
            c.extend(decided.into_iter().map(|(k, h)| ((t, k), h)));
        }
        mine
    }
}

/// What one display may show of a dataset: everything, or, on public displays, what
/// [`Disclosure`] leaves. Every figure of every view is read through it.
#[derive(Clone, Copy)]
pub struct Shown<'a> {
    pub ds: &'a Dataset,
    pub suppress: bool,
}

/// A dataset on its own is shown whole (staff's view, and every tool).
impl<'a> From<&'a Dataset> for Shown<'a> {
    fn from(ds: &'a Dataset) -> Self {
        Shown { ds, suppress: false }
    }
}

impl<'a> Shown<'a> {
    pub fn new(ds: &'a Dataset, suppress: bool) -> Self {
        Shown { ds, suppress }
    }

    /// The counts hidden at `ix` at period `t` (none unless suppressing).
    pub fn hidden(&self, ix: NodeIx, t: usize) -> MetricSet {
        if self.suppress {
            self.ds.disclosure.hidden(self.ds, ix, t)
        } else {
            MetricSet::default()
        }
    }

    /// A count (people, households, …), or `None` where it is hidden.
    pub fn count(&self, ix: NodeIx, m: Metric, t: usize) -> Option<u64> {
        (!self.hidden(ix, t).contains(m)).then(|| self.ds.node(ix).m.get(m, t))
    }

    /// Whether `measure` is hidden at `ix`: a count that is, or a rate or share whose
    /// numerator or denominator is, or an income whose people are.
    pub fn hides(&self, ix: NodeIx, measure: Measure, t: usize) -> bool {
        self.suppress && self.hidden(ix, t).intersects(measure.inputs())
    }

    /// Whether the rate `num / den` is hidden at `ix`.
    pub fn hides_rate(&self, ix: NodeIx, num: Metric, den: Metric, t: usize) -> bool {
        let h = self.hidden(ix, t);
        h.contains(num) || h.contains(den)
    }

    /// The value of `measure`, `None` where it is undefined or hidden.
    pub fn value(&self, ix: NodeIx, measure: Measure, t: usize) -> Option<f64> {
        if self.hides(ix, measure, t) {
            None
        } else {
            measure.value(self.ds.node(ix), t)
        }
    }

    /// Whether growth on a year before is hidden: when either year's figure is.
    pub fn hides_growth(&self, ix: NodeIx, measure: Measure, t: usize) -> bool {
        self.hides(ix, measure, t) || growth::year_before(self.ds, t).is_some_and(|b| self.hides(ix, measure, b))
    }

    /// Growth on a year before, `None` where undefined or hidden.
    pub fn growth(&self, ix: NodeIx, measure: Measure, t: usize) -> Option<f64> {
        if self.hides_growth(ix, measure, t) {
            return None;
        }
        growth::yoy_growth(self.ds, ix, measure, t)
    }

    /// The figure formatted ([`MARK`] where hidden, "—" where undefined), without a
    /// source's words: for big single figures and chart texts. A figure short of its
    /// target never reads as the target ([`Measure::format_against`]).
    pub fn figure_text(&self, ix: NodeIx, measure: Measure, t: usize, lang: Lang) -> String {
        if self.hides(ix, measure, t) {
            return MARK.into();
        }
        let target = measure::target(self.ds, ix, measure);
        measure.format_against(measure.value(self.ds.node(ix), t), target, lang)
    }

    /// As people read it: [`MARK`] where hidden, "—" where undefined, else the figure,
    /// in a source's own words where it is published for this period.
    pub fn text(&self, ix: NodeIx, measure: Measure, t: usize, lang: Lang) -> String {
        if self.hides(ix, measure, t) {
            return MARK.into();
        }
        let target = measure::target(self.ds, ix, measure);
        measure.shown(self.ds.node(ix), t, &self.ds.period_keys[t], target, lang)
    }

    /// A count as people read it ([`MARK`] where hidden).
    pub fn count_text(&self, ix: NodeIx, m: Metric, t: usize, lang: Lang) -> String {
        self.text(ix, Measure::Count(m), t, lang)
    }

    /// `num / den` as a percent with one decimal ([`MARK`] where either is hidden).
    pub fn percent_text(&self, ix: NodeIx, num: Metric, den: Metric, t: usize) -> String {
        if self.hides_rate(ix, num, den, t) {
            return MARK.into();
        }
        let n = self.ds.node(ix);
        format::percent(n.m.get(num, t), n.m.get(den, t))
    }

    /// Monitored households still at risk (monitored less risk eliminated), `None` where
    /// either count is hidden, and on a public display also where the difference is 1 or
    /// 2: it is a count of households like any other, so it is not shown small. (Both
    /// counts being shown, it can still be worked out; `docs/disclosure.md` says so.)
    pub fn still_at_risk(&self, ix: NodeIx, t: usize) -> Option<u64> {
        let monitored = self.count(ix, Metric::MonitoredHouseholds, t)?;
        let open = monitored.saturating_sub(self.count(ix, Metric::RiskEliminatedHouseholds, t)?);
        (!(self.suppress && (1..family::THRESHOLD).contains(&open))).then_some(open)
    }

    /// The plain value for a machine-readable attribute or a CSV cell ([`MARK`] where hidden).
    pub fn raw(&self, ix: NodeIx, measure: Measure, t: usize) -> String {
        match (self.hides(ix, measure, t), measure.value(self.ds.node(ix), t)) {
            (true, _) => MARK.into(),
            (false, Some(v)) => v.to_string(),
            (false, None) => String::new(),
        }
    }
}
