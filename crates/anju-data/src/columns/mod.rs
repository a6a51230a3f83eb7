//! Version 2 of the file format: a file's counts and incomes by column, one entry per
//! node in the order of `nodes`, instead of inside each node (`docs/data-format.md`).
//!
//! - `m`: metric key → cells. A cell is `null`, a count (the same in every period) or a
//!   series string ([`code`]: the first count, then the change from each period to the
//!   next). `null` at a node with children in the same file is the sum of theirs (with
//!   the node's own structural count, as [`crate::rollup::own_count`]); elsewhere it is 0.
//! - `income`: one cell per node: `null` (no figure), yuan (every period), an array of
//!   yuan or `null` per period (as version 1), or a series string of fen (first value,
//!   first change, then the change of the change).
//!
//! Measured (issue 18, `docs/data-format.md`): the national index is 0.499 of its version 1
//! brotli size, a county shard 0.43–0.44; parsing reads about a third of the bytes.
//!
//! Reading is tolerant as version 1 is: a bad cell becomes a bad series or income that the
//! validator reports at its node (`$.nodes[i].m.<key>`, the node as the file lists it).

pub mod code;
mod serde_impl;

use crate::metric::Metric;
use crate::model::{DataFile, Level};
use crate::problem::{Check, Location, Problem};
use crate::rollup::sums;
use crate::series::{BadValue, Income, Series};
use std::collections::HashMap;

/// The version of a file whose figures are in columns.
pub const VERSION: u32 = 2;

/// Every count of a file, by metric: (key, one cell per node). `None` is `null`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CountColumns(pub Vec<(String, Vec<Option<Series>>)>);

/// Every income of a file, one per node.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IncomeColumn(pub Vec<Income>);

/// For each node of `doc`, the positions of its children that are in the same file.
fn kids_in_file(doc: &DataFile) -> Vec<Vec<usize>> {
    let at: HashMap<&str, usize> = doc.nodes.iter().enumerate().map(|(i, n)| (n.id.as_str(), i)).collect();
    doc.nodes.iter().map(|n| n.children.iter().filter_map(|c| at.get(c.as_str()).copied()).collect()).collect()
}

/// The nodes children first (each once; a cycle, which the validator reports, is cut).
fn children_first(kids: &[Vec<usize>]) -> Vec<usize> {
    let mut seen = vec![false; kids.len()];
    let mut out = Vec::with_capacity(kids.len());
    for start in 0..kids.len() {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        // (node, how many of its children are done)
        let mut stack = vec![(start, 0usize)];
        while let Some((i, k)) = stack.pop() {
            match kids[i].get(k) {
                Some(&c) => {
                    stack.push((i, k + 1));
                    if !seen[c] {
                        seen[c] = true;
                        stack.push((c, 0));
                    }
                }
                None => out.push(i),
            }
        }
    }
    out
}

/// A node's count of `m` from its children's ([`crate::rollup::sums`]), in the compact
/// form ([`Series::from_values`]); a sum too large for a count is a bad series, never
/// clamped.
fn rolled<'a>(level: Level, m: Metric, kids: impl Iterator<Item = &'a Series>, periods: usize) -> Series {
    let values = sums(level, m, kids, periods);
    match values.iter().map(|&v| u64::try_from(v)).collect::<Result<Vec<u64>, _>>() {
        Ok(v) => Series::from_values(v),
        // The sum as it is, past what a count can be.
        Err(_) => Series::Bad(Box::new((None, BadValue::TooLarge(values.iter().max().map_or(0.0, |&v| v as f64))))),
    }
}

fn problem(file: &str, path: String, zh: String, en: String) -> Box<Problem> {
    Box::new(Problem::new(Check::FieldType, Location::new(file, path, None), zh, en))
}

/// Moves a version 2 file's columns into its nodes, and children written as suffixes
/// into `children`, so that it is read and checked as version 1 is. Errors: a node that
/// carries its own `m` or `income`, or both `children` and `child_suffixes`, or a column
/// whose length is not the number of nodes, located at it.
pub fn decode(file: &str, doc: &mut DataFile) -> Result<(), Box<Problem>> {
    let n = doc.nodes.len();
    for (i, node) in doc.nodes.iter_mut().enumerate() {
        if node.child_suffixes.is_empty() {
            continue;
        }
        if !node.children.is_empty() {
            return Err(problem(
                file,
                format!("$.nodes[{i}]"),
                "节点同时有 children 和 child_suffixes，只能有其一".into(),
                "the node has both children and child_suffixes; it may have one".into(),
            ));
        }
        let id = &node.id;
        // Joined by hand: `format!` took a seventh of a national index's load.
        node.children = std::mem::take(&mut node.child_suffixes)
            .into_iter()
            .map(|s| {
                let mut c = String::with_capacity(id.len() + 1 + s.len());
                c.push_str(id);
                c.push('-');
                c.push_str(&s);
                c
            })
            .collect();
    }
    if let Some(i) = doc.nodes.iter().position(|x| !x.m.is_empty() || !x.income.is_absent()) {
        return Err(problem(
            file,
            format!("$.nodes[{i}]"),
            "数据格式版本 2 中，节点的数字在文件的 m 与 income 列中，节点本身不应有 m 或 income".into(),
            "in schema version 2 a node's figures are in the file's m and income columns, not in the node".into(),
        ));
    }
    let columns = doc.m.take().unwrap_or_default();
    let income = doc.income.take();
    for (key, cells) in &columns.0 {
        if cells.len() != n {
            return Err(problem(
                file,
                format!("$.m.{key}"),
                format!("列 {key} 有 {} 项，文件有 {n} 个节点（每个节点一项）", cells.len()),
                format!("column {key} has {} entries for {n} nodes (one per node)", cells.len()),
            ));
        }
    }
    if let Some(col) = &income {
        if col.0.len() != n {
            return Err(problem(
                file,
                "$.income".into(),
                format!("income 列有 {} 项，文件有 {n} 个节点（每个节点一项）", col.0.len()),
                format!("the income column has {} entries for {n} nodes (one per node)", col.0.len()),
            ));
        }
    }
    let kids = kids_in_file(doc);
    let order = children_first(&kids);
    let periods = doc.periods.len();
    for (key, mut cells) in columns.0 {
        let Some(metric) = Metric::from_key(&key) else {
            // Reported once, at the first node that has a value for it.
            let at = cells.iter().position(Option::is_some).unwrap_or(0);
            if let Some(node) = doc.nodes.get_mut(at) {
                node.m.unknown.push(key);
            }
            continue;
        };
        for &i in &order {
            let value = match cells[i].take() {
                Some(s) => s,
                None if !kids[i].is_empty() => {
                    rolled(doc.nodes[i].level, metric, kids[i].iter().map(|&c| doc.nodes[c].m.series(metric)), periods)
                }
                None => continue,
            };
            if !value.is_zero() {
                doc.nodes[i].m.set(metric, value);
            }
        }
    }
    if let Some(col) = income {
        for (node, inc) in doc.nodes.iter_mut().zip(col.0) {
            node.income = inc;
        }
    }
    doc.schema_version = crate::model::SCHEMA_VERSION;
    Ok(())
}

/// Moves a file's figures out of its nodes into columns: the version 2 form of `doc`,
/// which [`decode`] turns back into `doc` exactly. A count equal to the sum of the node's
/// children in the file is left `null`, as is a zero at a node without any.
pub fn encode(doc: &mut DataFile) {
    let kids = kids_in_file(doc);
    // Ids below a county start with their county's (and, as written, their parent's) id
    // and a hyphen: a county's forty site ids are then forty short suffixes.
    for node in &mut doc.nodes {
        let prefix = format!("{}-", node.id);
        if !node.children.is_empty() && node.children.iter().all(|c| c.len() > prefix.len() && c.starts_with(&prefix)) {
            node.child_suffixes = node.children.drain(..).map(|c| c[prefix.len()..].to_string()).collect();
        }
    }
    let periods = doc.periods.len();
    let mut columns = Vec::new();
    for &metric in Metric::ALL {
        if doc.nodes.iter().all(|x| x.m.series(metric).is_zero()) {
            continue;
        }
        let cells = doc
            .nodes
            .iter()
            .zip(&kids)
            .map(|(node, kids)| {
                let s = node.m.series(metric);
                let implied = if kids.is_empty() {
                    s.is_zero()
                } else {
                    *s == rolled(node.level, metric, kids.iter().map(|&c| doc.nodes[c].m.series(metric)), periods)
                };
                (!implied).then(|| s.clone())
            })
            .collect();
        columns.push((metric.key().to_string(), cells));
    }
    let income: Vec<Income> = doc.nodes.iter_mut().map(|x| std::mem::take(&mut x.income)).collect();
    for node in &mut doc.nodes {
        node.m = Default::default();
    }
    doc.m = Some(CountColumns(columns));
    doc.income = income.iter().any(|x| !x.is_absent()).then_some(IncomeColumn(income));
    doc.schema_version = VERSION;
}

#[cfg(test)]
mod tests;
