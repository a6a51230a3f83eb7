//! What a careful reader would object to in generated data, as a list of findings: a
//! broken relation, a synthesised county, site or community at exactly 100 % of a rate,
//! employment rates among a city's counties that are all alike or implausibly far apart,
//! a city where no county falls short of its target. Tests and the data benchmark run it
//! on every preset; an empty list is the goal.

use super::employment::SPREAD;
use super::presets::Generated;
use crate::format::percent_of;
use crate::model::{Level, Node};
use crate::relations::{broken, RATES};
use crate::Metric;
use std::collections::HashMap;

/// The least labour force of every county of a city judged on its counties' spread. Below
/// a thousand labourers ten people move a point, and the same month's dip taken from two
/// such counties in whole people can close their spread below two points (a city of
/// counties of 631 and 530 labourers: 2.6 points at the anchor month, 1.9 a month before).
const MIN_LABOUR: u64 = 1_000;

/// The tree of a generated dataset, by index.
struct Tree<'a> {
    g: &'a Generated,
    ids: HashMap<&'a str, usize>,
    parent: Vec<Option<usize>>,
}

impl<'a> Tree<'a> {
    fn new(g: &'a Generated) -> Tree<'a> {
        let ids: HashMap<&str, usize> = g.nodes.iter().enumerate().map(|(i, n)| (n.id.as_str(), i)).collect();
        let mut parent = vec![None; g.nodes.len()];
        for (i, n) in g.nodes.iter().enumerate() {
            for c in &n.children {
                if let Some(&k) = ids.get(c.as_str()) {
                    parent[k] = Some(i);
                }
            }
        }
        Tree { g, ids, parent }
    }
    fn node(&self, i: usize) -> &'a Node {
        &self.g.nodes[i]
    }
    fn child(&self, id: &str) -> usize {
        self.ids[id]
    }
}

/// Every finding in `g`, one line each (node id, what, period).
pub fn audit(g: &Generated) -> Vec<String> {
    let tree = Tree::new(g);
    let mut out = Vec::new();
    let np = g.periods.len();
    for n in &g.nodes {
        for t in 0..np {
            for r in broken(|m| n.m.get(m, t)) {
                out.push(format!("{}: {} broken at {}", n.id, r.formula(false), g.periods[t]));
            }
        }
    }
    for (i, n) in g.nodes.iter().enumerate() {
        if !matches!(n.level, Level::County | Level::Site | Level::Community) {
            continue;
        }
        for r in RATES {
            let full = (0..np).find(|&t| {
                let (num, den) = (n.m.get(r.num, t), n.m.get(r.den, t));
                den > 0 && percent_of(num as f64 / den as f64) == "100.0%"
            });
            if let Some(t) = full {
                if !published_full(&tree, i, r.key, t) {
                    out.push(format!("{}: synthesised {} shows 100.0% at {}", n.id, r.key, g.periods[t]));
                }
            }
        }
    }
    let rate = |n: &Node, t: usize| {
        let l = n.m.get(Metric::Labour, t);
        (l > 0).then(|| n.m.get(Metric::Employed, t) as f64 / l as f64)
    };
    for (i, c) in g.nodes.iter().enumerate().filter(|(_, n)| n.level == Level::City) {
        // A county of a few hundred labourers moves a point with a handful of people: a
        // city with one (only in small test datasets) is not judged on its spread.
        let smallest = c.children.iter().map(|k| tree.node(tree.child(k)).m.get(Metric::Labour, np - 1)).min();
        if smallest.is_none_or(|l| l < MIN_LABOUR) {
            continue;
        }
        // Every month: counties are never all alike nor implausibly far apart.
        for t in 0..np {
            let rates: Vec<f64> = c.children.iter().filter_map(|k| rate(tree.node(tree.child(k)), t)).collect();
            if rates.len() < 2 {
                break;
            }
            let spread =
                rates.iter().cloned().fold(f64::MIN, f64::max) - rates.iter().cloned().fold(f64::MAX, f64::min);
            if !(SPREAD.0..=SPREAD.1).contains(&spread) {
                out.push(format!(
                    "{}: its counties' employment rates span {:.1} points at {}",
                    c.id,
                    spread * 100.0,
                    g.periods[t]
                ));
                break;
            }
        }
        // The latest month: at least one county short of the target.
        let rates: Vec<f64> = c.children.iter().filter_map(|k| rate(tree.node(tree.child(k)), np - 1)).collect();
        if let (Some(goal), true) = (target(&tree, i), rates.len() >= 2) {
            if rates.iter().all(|r| *r >= goal) {
                out.push(format!("{}: no county below the {:.1}% target", c.id, goal * 100.0));
            }
        }
    }
    out
}

/// A node may show 100 % when a source says so, when its only child does, or when a
/// place above it is published at 100 % (every part of a whole at 100 % is at 100 %).
fn published_full(tree: &Tree, i: usize, key: &str, t: usize) -> bool {
    let n = tree.node(i);
    claims(n, key)
        || matches!(n.children.as_slice(), [only] if published_full(tree, tree.child(only), key, t))
        || tree.parent[i].is_some_and(|p| above_claims_full(tree, p, key, t))
}

fn claims(n: &Node, key: &str) -> bool {
    let rate = RATES.iter().find(|r| r.key == key);
    n.published.iter().any(|c| c.fields.iter().any(|f| f == key || rate.is_some_and(|r| f == r.num.key())))
}

fn above_claims_full(tree: &Tree, i: usize, key: &str, t: usize) -> bool {
    let n = tree.node(i);
    let full = RATES.iter().any(|r| r.key == key && n.m.get(r.num, t) == n.m.get(r.den, t));
    (claims(n, key) && full) || tree.parent[i].is_some_and(|p| above_claims_full(tree, p, key, t))
}

/// The employment-rate target of a node or its nearest ancestor.
fn target(tree: &Tree, i: usize) -> Option<f64> {
    tree.node(i).targets.employment_rate.or_else(|| target(tree, tree.parent[i]?))
}
