//! The staff's questions: where do the people of a group live (the where-to-go list), and
//! which places break a threshold (alerts). Groups overlap and aggregated counts cannot be
//! intersected, so each group is answered on its own; nothing here adds groups together.

use super::measure::{self, Measure};
use crate::dataset::{Dataset, NodeIx};
use crate::disclosure::Shown;
use crate::format::Lang;
use crate::metric::Metric;
use crate::model::Level;

/// Every loaded descendant of `ix` (not `ix` itself), depth first.
pub fn descendants(ds: &Dataset, ix: NodeIx) -> Vec<NodeIx> {
    let mut out = Vec::new();
    let mut stack: Vec<NodeIx> = ds.kids[ix].iter().rev().copied().collect();
    while let Some(i) = stack.pop() {
        out.push(i);
        stack.extend(ds.kids[i].iter().rev());
    }
    out
}

/// The `n` buildings under `ix` with the most people counted by `m` at period `t`, most
/// first; ties by id so the list is stable. Buildings with none are left out, and on a
/// public display so are those whose count is hidden (as if they had none: being listed
/// would say it is not 0, and the order would bound it).
pub fn top_buildings<'a>(shown: impl Into<Shown<'a>>, ix: NodeIx, m: Metric, t: usize, n: usize) -> Vec<(NodeIx, u64)> {
    let s = shown.into();
    let ds = s.ds;
    let mut all: Vec<(NodeIx, u64)> = descendants(ds, ix)
        .into_iter()
        .filter(|&i| ds.nodes[i].level == Level::Building)
        .filter_map(|i| Some((i, s.count(i, m, t)?)))
        .filter(|&(_, v)| v > 0)
        .collect();
    let order =
        |a: &(NodeIx, u64), b: &(NodeIx, u64)| b.1.cmp(&a.1).then_with(|| ds.nodes[a.0].id.cmp(&ds.nodes[b.0].id));
    if all.len() > n && n > 0 {
        // Partial selection: only the top n are ever sorted (30,000 buildings → 20).
        all.select_nth_unstable_by(n - 1, order);
        all.truncate(n);
    } else if n == 0 {
        all.clear();
    }
    crate::order::sort_by(&mut all, order);
    all
}

/// The thresholds staff are alerted to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Threshold {
    /// Employment rate below the node's (inherited) target.
    BelowTarget,
    /// Any zero-employment household (the policy target is none).
    ZeroEmployment,
    /// Per-capita net income under 10,000 yuan.
    LowIncome,
    /// Monitored households whose risk is not yet eliminated.
    StillAtRisk,
}

/// The income line for focused help (seeds 002, 004).
pub const LOW_INCOME_YUAN: f64 = 10_000.0;

impl Threshold {
    pub const ALL: [Threshold; 4] =
        [Threshold::BelowTarget, Threshold::ZeroEmployment, Threshold::LowIncome, Threshold::StillAtRisk];

    pub fn key(self) -> &'static str {
        match self {
            Threshold::BelowTarget => "below_target",
            Threshold::ZeroEmployment => "zero_employment",
            Threshold::LowIncome => "low_income",
            Threshold::StillAtRisk => "still_at_risk",
        }
    }

    pub fn parse(s: &str) -> Option<Threshold> {
        Threshold::ALL.into_iter().find(|t| t.key() == s)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Threshold::BelowTarget, Lang::Zh) => "就业率低于目标",
            (Threshold::BelowTarget, Lang::En) => "Employment rate below target",
            (Threshold::ZeroEmployment, Lang::Zh) => "有零就业家庭",
            (Threshold::ZeroEmployment, Lang::En) => "Zero-employment households",
            (Threshold::LowIncome, Lang::Zh) => "人均纯收入低于1万元",
            (Threshold::LowIncome, Lang::En) => "Income under 10,000 yuan",
            (Threshold::StillAtRisk, Lang::Zh) => "监测户尚未消除风险",
            (Threshold::StillAtRisk, Lang::En) => "Monitored households still at risk",
        }
    }

    /// How badly node `ix` breaks this threshold at `t` (larger is worse), or `None`.
    /// Severity is in the threshold's own unit: percentage points below target,
    /// households, or yuan below the line. On a public display `None` where a figure it
    /// is computed from is hidden.
    pub fn severity<'a>(self, shown: impl Into<Shown<'a>>, ix: NodeIx, t: usize) -> Option<f64> {
        let s = shown.into();
        let ds = s.ds;
        match self {
            Threshold::BelowTarget => {
                let rate = s.value(ix, Measure::EmploymentRate, t)?;
                let target = measure::target(ds, ix, Measure::EmploymentRate)?;
                (!Measure::EmploymentRate.meets(rate, target)).then_some((target - rate) * 100.0)
            }
            Threshold::ZeroEmployment | Threshold::StillAtRisk => {
                let n = self.households(s, ix, t)?;
                (n > 0).then_some(n as f64)
            }
            Threshold::LowIncome => {
                let v = s.value(ix, Measure::IncomePerCapita, t)?;
                (v < LOW_INCOME_YUAN).then_some(LOW_INCOME_YUAN - v)
            }
        }
    }

    /// For a threshold that counts households (zero-employment, still at risk), node
    /// `ix`'s own count at `t`, 0 included; `None` where it is hidden on a public display,
    /// and for the thresholds that do not count households. The one reading of the
    /// figure for the alert rows, the badge and the ticker.
    pub fn households<'a>(self, shown: impl Into<Shown<'a>>, ix: NodeIx, t: usize) -> Option<u64> {
        let s = shown.into();
        match self {
            Threshold::ZeroEmployment => s.count(ix, Metric::ZeroEmploymentHouseholds, t),
            Threshold::StillAtRisk => s.still_at_risk(ix, t),
            Threshold::BelowTarget | Threshold::LowIncome => None,
        }
    }
}

/// Every loaded descendant of `ix` that breaks `th` at `t`, most severe first (ties:
/// higher level first, then id). On a public display a place whose figure is hidden is
/// not listed (as if it broke nothing), for the reasons of [`top_buildings`].
pub fn alerts<'a>(shown: impl Into<Shown<'a>>, ix: NodeIx, th: Threshold, t: usize) -> Vec<(NodeIx, f64)> {
    let s = shown.into();
    let ds = s.ds;
    let mut out: Vec<(NodeIx, f64)> =
        descendants(ds, ix).into_iter().filter_map(|i| th.severity(s, i, t).map(|v| (i, v))).collect();
    crate::order::sort_by(&mut out, |a, b| {
        b.1.total_cmp(&a.1)
            .then_with(|| ds.nodes[a.0].level.cmp(&ds.nodes[b.0].level))
            .then_with(|| ds.nodes[a.0].id.cmp(&ds.nodes[b.0].id))
    });
    out
}

/// Whether every shard below `ix` is loaded (the where-to-go list and alerts need them).
pub fn subtree_loaded(ds: &Dataset, ix: NodeIx) -> bool {
    std::iter::once(ix).chain(descendants(ds, ix)).all(|i| ds.missing_shard(i).is_none())
}
