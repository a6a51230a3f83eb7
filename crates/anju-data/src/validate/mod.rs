//! Checks on one parsed file: here the file's own shape (kind, periods, ids, children,
//! shard paths); `node.rs` one node's values and relations; `tree.rs` a node against its
//! children's sums; `claims.rs` published figures. Cross-file checks (shards against the
//! index) are in [`crate::dataset`]. Every check reports a located, bilingual [`Problem`]
//! and never panics.

use crate::metric::Metric;
use crate::model::{DataFile, FileKind, Node, Period};
use crate::problem::{Check, Location, Problem, Problems};
use crate::relations::MetricSet;
use crate::text::clip;
use std::collections::{HashMap, HashSet};

mod claims;
mod node;
mod tree;

pub(crate) use node::node_usable;
use node::{applicable, check_node};
pub(crate) use tree::check_sums;

/// What a shard is checked against: the index's periods and source ids.
#[derive(Clone, Debug, Default)]
pub struct Context {
    pub periods: Vec<String>,
    pub sources: HashSet<String>,
    /// The metrics the index carries: known in the shard too, even where it leaves them out.
    pub known: MetricSet,
}

pub(crate) struct Ctx<'a> {
    pub file: &'a str,
    pub out: &'a mut Problems,
}

impl Ctx<'_> {
    pub fn at(&self, path: String, node: Option<&str>) -> Location {
        Location { file: self.file.to_string(), path, node: node.map(|n| clip(n, 80)) }
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

/// A shard path must stay inside the dataset's folder on the same origin.
pub fn shard_path_ok(p: &str) -> bool {
    !p.is_empty()
        && p.len() <= 512
        && p.ends_with(".json")
        && !p.starts_with('/')
        && !p.contains('\\')
        && !p.contains("//")
        && !p.contains(':')
        && !p.contains('?')
        && !p.contains('#')
        && !p.chars().any(|c| c.is_control() || c.is_whitespace())
        && p.split('/').all(|seg| !seg.is_empty() && seg != ".." && seg != ".")
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

/// Every check that needs only this file (and, for a shard, the index's context).
pub fn check_file(file: &str, doc: &DataFile, ctx: Option<&Context>, out: &mut Problems) -> FileCheck {
    let mut c = Ctx { file, out };
    let periods = check_periods(&mut c, &doc.periods);
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
                            if let Some(last) = periods.as_ref().and_then(|p| p.last()) {
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
    if doc.nodes.is_empty() {
        c.push(Check::Root, "$.nodes".into(), None, "文件中没有任何节点".into(), "the file holds no nodes".into());
    }
    let np = doc.periods.len();
    let sources: Option<HashSet<String>> = match (doc.kind, &doc.dataset, ctx) {
        (FileKind::Index, Some(meta), _) => Some(meta.sources.keys().cloned().collect()),
        (FileKind::Shard, _, Some(ctx)) => Some(ctx.sources.clone()),
        _ => None,
    };
    let known = doc.nodes.iter().fold(ctx.map(|x| x.known).unwrap_or_default(), |k, n| k.union(n.m.present));
    let rels = applicable(known);
    let mut ids: HashMap<&str, usize> = HashMap::with_capacity(doc.nodes.len());
    for (i, n) in doc.nodes.iter().enumerate() {
        if let Some(first) = ids.insert(n.id.as_str(), i) {
            ids.insert(n.id.as_str(), first);
            c.push(
                Check::DuplicateId,
                format!("$.nodes[{i}].id"),
                Some(&n.id),
                format!("节点编号重复：与 $.nodes[{first}] 相同"),
                format!("duplicate node id: the same as $.nodes[{first}]"),
            );
        }
        check_node(&mut c, i, n, &doc.periods, sources.as_ref(), &rels);
    }
    // The tree inside the file.
    let mut parent_in_file: Vec<Option<usize>> = vec![None; doc.nodes.len()];
    for (i, n) in doc.nodes.iter().enumerate() {
        if let Some(s) = &n.shard {
            if !shard_path_ok(s) {
                c.push(
                    Check::ShardPath,
                    format!("$.nodes[{i}].shard"),
                    Some(&n.id),
                    format!("分片路径无效：\"{}\"（须为同一目录下的相对 .json 路径）", clip(s, 80)),
                    format!(
                        "invalid shard path \"{}\" (must be a relative .json path inside the dataset)",
                        clip(s, 80)
                    ),
                );
            }
            if n.children.is_empty() {
                c.push(
                    Check::ShardMismatch,
                    format!("$.nodes[{i}].shard"),
                    Some(&n.id),
                    "节点指定了分片但没有列出下级".into(),
                    "the node names a shard but lists no children".into(),
                );
            }
        }
        let mut seen = HashSet::new();
        for (k, cid) in n.children.iter().enumerate() {
            let path = format!("$.nodes[{i}].children[{k}]");
            if !seen.insert(cid.as_str()) {
                c.push(
                    Check::DuplicateId,
                    path,
                    Some(&n.id),
                    format!("下级 \"{}\" 重复列出", clip(cid, 80)),
                    format!("child \"{}\" is listed twice", clip(cid, 80)),
                );
                continue;
            }
            match (ids.get(cid.as_str()), &n.shard) {
                (Some(&j), None) => {
                    if doc.nodes[j].level <= n.level {
                        c.push(
                            Check::LevelOrder,
                            path,
                            Some(&n.id),
                            format!(
                                "层级未逐级向下：{}级节点的下级 \"{}\" 是{}级",
                                n.level.zh(),
                                clip(cid, 80),
                                doc.nodes[j].level.zh()
                            ),
                            format!(
                                "levels must descend: the {} has a child \"{}\" at level {}",
                                n.level.key(),
                                clip(cid, 80),
                                doc.nodes[j].level.key()
                            ),
                        );
                    } else if let Some(other) = parent_in_file[j] {
                        c.push(
                            Check::DuplicateId,
                            path,
                            Some(&n.id),
                            format!("\"{}\" 同时是 $.nodes[{other}] 的下级", clip(cid, 80)),
                            format!("\"{}\" is also a child of $.nodes[{other}]", clip(cid, 80)),
                        );
                    } else {
                        parent_in_file[j] = Some(i);
                    }
                }
                (None, None) => c.push(
                    Check::MissingChild,
                    path,
                    Some(&n.id),
                    format!("列出的下级 \"{}\" 不在文件中", clip(cid, 80)),
                    format!("the child \"{}\" is named but not present", clip(cid, 80)),
                ),
                (Some(_), Some(_)) => c.push(
                    Check::ShardMismatch,
                    path,
                    Some(&n.id),
                    format!("下级 \"{}\" 应在分片文件中，却出现在本文件", clip(cid, 80)),
                    format!("the child \"{}\" belongs in the shard but is in this file", clip(cid, 80)),
                ),
                (None, Some(_)) => {}
            }
        }
    }
    // Who may have no parent here: the index's root; a shard's tops (checked against
    // the index when the shard is attached).
    if doc.kind == FileKind::Index {
        if let Some(root) = &doc.root {
            match ids.get(root.as_str()) {
                None => c.push(
                    Check::Root,
                    "$.root".into(),
                    None,
                    format!("根节点 \"{}\" 不在文件中", clip(root, 80)),
                    format!("the root \"{}\" is not in the file", clip(root, 80)),
                ),
                Some(&r) => {
                    for (i, n) in doc.nodes.iter().enumerate() {
                        if i != r && parent_in_file[i].is_none() && ids.get(n.id.as_str()) == Some(&i) {
                            c.push(
                                Check::Orphan,
                                format!("$.nodes[{i}]"),
                                Some(&n.id),
                                "节点不属于任何上级（不在根节点之下）".into(),
                                "the node has no parent (it is not under the root)".into(),
                            );
                        }
                    }
                    if parent_in_file[r].is_some() {
                        c.push(
                            Check::Root,
                            "$.root".into(),
                            Some(root),
                            "根节点不能是其他节点的下级".into(),
                            "the root must not be anyone's child".into(),
                        );
                    }
                }
            }
        }
    }
    // Sums where all children are in this file.
    if periods.is_some() {
        let usable: Vec<bool> = doc.nodes.iter().map(|n| node_usable(n, np)).collect();
        for (i, n) in doc.nodes.iter().enumerate() {
            if n.shard.is_some() || n.children.is_empty() || !usable[i] {
                continue;
            }
            let kids: Option<Vec<&Node>> = n
                .children
                .iter()
                .map(|cid| ids.get(cid.as_str()).filter(|&&j| usable[j]).map(|&j| &doc.nodes[j]))
                .collect();
            if let Some(kids) = kids {
                check_sums(&mut c, n, &format!("$.nodes[{i}]"), &kids, &doc.periods);
            }
        }
    }
    FileCheck { periods, parent_in_file }
}
