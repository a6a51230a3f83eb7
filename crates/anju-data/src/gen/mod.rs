//! The demo and benchmark generator. Deterministic for a seed.
//!
//! How it keeps every sum exact: the tree's structure and people are laid out first; then
//! each metric is split top-down with [`apportion::apportion`], so a parent always equals
//! the sum of its children, and published figures are pinned at their nodes (their
//! ancestors' values are raised to fit them). Earlier periods are derived at the
//! buildings and rolled up, so they add up too.

pub mod apportion;
pub mod audit;
mod employment;
mod engine;
pub mod names;
pub mod presets;
mod presets_demo;
pub mod published;
mod specs;
mod time;

use crate::metric::{Metric, N_METRICS};
use crate::model::{Claim, Level, Period, Targets};
use crate::relations::MetricSet;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

pub use presets::{generate, Preset};

/// A node while it is being generated: the latest period's values only.
#[derive(Clone, Debug)]
pub struct GNode {
    pub id: String,
    pub name: String,
    pub name_en: Option<String>,
    pub level: Level,
    pub parent: Option<usize>,
    pub kids: Vec<usize>,
    pub v: [u64; N_METRICS],
    /// Published (or pinned) values this node must carry exactly.
    pub fixed: Vec<(Metric, u64)>,
    pub income: Option<f64>,
    pub income_fixed: Option<f64>,
    /// A fixed year-on-year income growth for everything below (published growth).
    pub income_yoy: Option<f64>,
    /// Monthly drift of employment after the anchor month (counties plan one each).
    pub drift: Option<f64>,
    /// How much lower employment is at the first month than at the anchor (a fraction;
    /// planned per county, alike within a city).
    pub decline: Option<f64>,
    pub floors: u32,
    pub targets: Targets,
    pub claims: Vec<Claim>,
    /// Where the node's pinned values sit in time (below: inherited from the nearest
    /// ancestor that has one; none means the latest period).
    pub anchor: Option<Anchor>,
}

/// When a subtree's generated values are true. Published figures are pinned; their date
/// decides where they sit in the series, and the months around them are synthesised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// At this period index (a figure dated inside the dataset's months): earlier months
    /// lead up to it, later ones move on from it.
    At(usize),
    /// Dated before the first period: carried flat, so that no month contradicts the
    /// source by inventing a trend after it.
    Flat,
}

impl GNode {
    pub fn fixed(&self, m: Metric) -> Option<u64> {
        self.fixed.iter().find(|(k, _)| *k == m).map(|(_, v)| *v)
    }
}

/// The tree under construction.
pub struct GTree {
    pub nodes: Vec<GNode>,
    pub rng: ChaCha8Rng,
    pub periods: Vec<Period>,
    /// The metrics already generated down to buildings (their relations bound the rest).
    pub done: MetricSet,
}

/// What went wrong while generating: a plan that cannot be satisfied.
#[derive(Debug, thiserror::Error)]
pub enum GenError {
    #[error("cannot split {metric} at node {node}: {why}")]
    Infeasible { node: String, metric: &'static str, why: String },
}

impl GTree {
    pub fn new(seed: u64, periods: Vec<Period>) -> GTree {
        GTree { nodes: Vec::new(), rng: ChaCha8Rng::seed_from_u64(seed), periods, done: MetricSet::default() }
    }

    pub fn add(
        &mut self,
        parent: Option<usize>,
        id: impl Into<String>,
        name: impl Into<String>,
        en: Option<String>,
        level: Level,
    ) -> usize {
        let ix = self.nodes.len();
        self.nodes.push(GNode {
            id: id.into(),
            name: name.into(),
            name_en: en,
            level,
            parent,
            kids: Vec::new(),
            v: [0; N_METRICS],
            fixed: Vec::new(),
            income: None,
            income_fixed: None,
            income_yoy: None,
            drift: None,
            decline: None,
            floors: 0,
            targets: Targets::default(),
            claims: Vec::new(),
            anchor: None,
        });
        if let Some(p) = parent {
            self.nodes[p].kids.push(ix);
        }
        ix
    }

    pub fn fix(&mut self, ix: usize, m: Metric, v: u64) {
        self.nodes[ix].fixed.retain(|(k, _)| *k != m);
        self.nodes[ix].fixed.push((m, v));
    }

    /// Nodes in pre-order (parents before children).
    pub fn preorder(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.nodes.len());
        let mut stack = vec![0usize];
        while let Some(i) = stack.pop() {
            out.push(i);
            stack.extend(self.nodes[i].kids.iter().rev());
        }
        out
    }

    pub fn find(&self, id: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.id == id)
    }
}
