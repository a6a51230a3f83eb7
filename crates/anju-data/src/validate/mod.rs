//! Checks on one parsed file: here its header (kind, periods, metadata) and the shard path
//! rule; `file.rs` its nodes' ids, the tree inside it and its sums; `node.rs` one node's
//! values and relations; `tree.rs` a node against its
//! children's sums; `claims.rs` published figures. Cross-file checks (shards against the
//! index) are in [`crate::dataset`]. Every check reports a located, bilingual [`Problem`]
//! and never panics.

use crate::metric::Metric;
use crate::model::{DataFile, FileKind, Level, Node, Period};
use crate::problem::{Check, Location, Problem, Problems};
use crate::relations::MetricSet;
use crate::text::clip;
use std::collections::{HashMap, HashSet};

mod claims;
mod file;
mod geo;
mod node;
mod tree;

use node::applicable;
pub(crate) use node::node_usable;
pub(crate) use tree::check_sums;

/// What a shard is checked against: the index's periods and source ids.
#[derive(Clone, Debug, Default)]
pub struct Context {
    pub periods: Vec<String>,
    pub sources: HashSet<String>,
    /// The metrics the index carries: known in the shard too, even where it leaves them out.
    pub known: MetricSet,
    /// The id of the county the shard's tops are in (the shard's owner or its ancestor),
    /// when they are below a county.
    pub county: Option<String>,
}

pub(crate) struct Ctx<'a> {
    pub file: &'a str,
    pub out: &'a mut Problems,
}

impl Ctx<'_> {
    pub fn at(&self, path: String, node: Option<&str>) -> Location {
        Location::new(self.file, path, node)
    }
    pub fn push(&mut self, check: Check, path: String, node: Option<&str>, zh: String, en: String) {
        let at = self.at(path, node);
        self.out.push(Problem::new(check, at, zh, en));
    }
}

/// Parses and checks the periods; returns them if they are all well-formed.
pub(crate) fn check_periods(c: &mut Ctx, periods: &[String]) -> Option<Vec<Period>> {
    if periods.is_empty() {
        c.push(
            Check::Period,
            "$.periods".into(),
            None,
            "periods 为空：至少需要一个统计期".into(),
            "periods is empty: at least one period is needed".into(),
        );
        return None;
    }
    let mut out = Vec::with_capacity(periods.len());
    let mut ok = true;
    for (i, p) in periods.iter().enumerate() {
        match Period::parse(p) {
            Some(q) => {
                if let Some(prev) = out.last() {
                    if q <= *prev {
                        ok = false;
                        c.push(
                            Check::Period,
                            format!("$.periods[{i}]"),
                            None,
                            format!("统计期未按时间先后排列或重复：{q} 不晚于 {prev}"),
                            format!("periods are not sorted and unique: {q} is not after {prev}"),
                        );
                    }
                }
                out.push(q);
            }
            None => {
                ok = false;
                c.push(
                    Check::Period,
                    format!("$.periods[{i}]"),
                    None,
                    format!("统计期格式应为 YYYY-MM，而不是 \"{}\"", clip(p, 20)),
                    format!("a period must be YYYY-MM, not \"{}\"", clip(p, 20)),
                );
            }
        }
    }
    ok.then_some(out)
}

pub(super) fn metric_path(i: usize, m: Metric) -> String {
    format!("$.nodes[{i}].m.{}", m.key())
}

/// Result of checking one file: the parsed periods and, per node, its parent index within
/// the file (for the tops of a shard, `None`).
pub struct FileCheck {
    pub periods: Option<Vec<Period>>,
    pub parent_in_file: Vec<Option<usize>>,
}

/// Every check that needs only this file (and, for a shard, the index's context): its
/// header (periods, metadata, root or parent), each node, the tree inside the file, and
/// the sums where all children are here.
pub fn check_file(file: &str, doc: &DataFile, ctx: Option<&Context>, out: &mut Problems) -> FileCheck {
    let mut c = Ctx { file, out };
    let periods = check_periods(&mut c, &doc.periods);
    check_header(&mut c, doc, periods.as_deref(), ctx);
    let ids = file::check_nodes(&mut c, doc, ctx);
    let parent_in_file = file::check_tree(&mut c, doc, &ids);
    file::check_id_prefixes(&mut c, doc, &parent_in_file, ctx.and_then(|x| x.county.as_deref()));
    file::check_root(&mut c, doc, &ids, &parent_in_file);
    geo::check_geo_refs(&mut c, doc, &ids);
    if periods.is_some() {
        file::check_file_sums(&mut c, doc, &ids);
    }
    FileCheck { periods, parent_in_file }
}

/// The index's metadata and root, or the shard's parent and periods.
fn check_header(c: &mut Ctx, doc: &DataFile, periods: Option<&[Period]>, ctx: Option<&Context>) {
    match doc.kind {
        FileKind::Index => {
            match &doc.dataset {
                None => c.push(
                    Check::Meta,
                    "$".into(),
                    None,
                    "索引文件缺少 dataset 元数据".into(),
                    "the index has no dataset metadata".into(),
                ),
                Some(meta) => {
                    if meta.title.zh.trim().is_empty() {
                        c.push(
                            Check::Meta,
                            "$.dataset.title.zh".into(),
                            None,
                            "数据集标题为空".into(),
                            "the dataset title is empty".into(),
                        );
                    }
                    match crate::dates::parse_iso_date(&meta.as_of) {
                        None => c.push(
                            Check::Meta,
                            "$.dataset.as_of".into(),
                            None,
                            format!("数据截止日期应为 YYYY-MM-DD，而不是 \"{}\"", clip(&meta.as_of, 20)),
                            format!("as_of must be an ISO date YYYY-MM-DD, not \"{}\"", clip(&meta.as_of, 20)),
                        ),
                        Some((y, mo, _)) => {
                            if let Some(last) = periods.and_then(|p| p.last()) {
                                if (y, mo) < (last.year as i32, last.month as u32) {
                                    c.push(
                                        Check::Meta,
                                        "$.dataset.as_of".into(),
                                        None,
                                        format!("数据截止日期 {} 早于最后一个统计期 {last}", meta.as_of),
                                        format!("as_of {} is before the last period {last}", meta.as_of),
                                    );
                                }
                            }
                        }
                    }
                }
            }
            if doc.root.is_none() {
                c.push(
                    Check::Root,
                    "$".into(),
                    None,
                    "索引文件缺少 root（根节点编号）".into(),
                    "the index does not name its root node".into(),
                );
            }
        }
        FileKind::Shard => {
            if doc.parent.is_none() {
                c.push(
                    Check::ShardMismatch,
                    "$".into(),
                    None,
                    "分片文件缺少 parent（上级节点编号）".into(),
                    "the shard does not name its parent node".into(),
                );
            }
            if let Some(ctx) = ctx {
                if ctx.periods != doc.periods {
                    c.push(
                        Check::ShardMismatch,
                        "$.periods".into(),
                        None,
                        "分片的统计期与索引不一致".into(),
                        "the shard's periods differ from the index's".into(),
                    );
                }
            }
        }
    }
}
