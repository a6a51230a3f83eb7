//! Checks on one parsed file. Cross-file checks (shards against the index) are in
//! [`crate::dataset`]. Every check reports a located, bilingual [`Problem`] and never panics.

use crate::metric::Metric;
use crate::model::{DataFile, FileKind, Level, Node, Period};
use crate::problem::{Check, Location, Problem, Problems};
use crate::relations::{MetricSet, Rel, Relation, RELATIONS};
use crate::rollup::{own_count, weighted_income, INCOME_CHECK_TOLERANCE};
use crate::series::{Income, Series};
use crate::text::clip;
use std::collections::{HashMap, HashSet};

mod claims;

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

fn metric_path(i: usize, m: Metric) -> String {
    format!("$.nodes[{i}].m.{}", m.key())
}

/// Value checks on one node: types, lengths, bounds, partitions, own counts, claims.
fn check_node(
    c: &mut Ctx,
    i: usize,
    n: &Node,
    periods: &[String],
    sources: Option<&HashSet<String>>,
    rels: &Applicable,
) {
    let np = periods.len();
    let id = Some(n.id.as_str());
    if n.id.trim().is_empty() {
        c.push(
            Check::EmptyField,
            format!("$.nodes[{i}].id"),
            None,
            "节点编号为空".into(),
            "the node id is empty".into(),
        );
    }
    if n.name.trim().is_empty() {
        c.push(
            Check::EmptyField,
            format!("$.nodes[{i}].name"),
            id,
            "节点名称为空".into(),
            "the node name is empty".into(),
        );
    }
    for key in &n.m.unknown {
        c.push(
            Check::UnknownMetric,
            format!("$.nodes[{i}].m.{}", clip(key, 40)),
            id,
            format!("未知指标 \"{}\"", clip(key, 40)),
            format!("unknown metric \"{}\"", clip(key, 40)),
        );
    }
    let mut usable = true;
    for &m in Metric::ALL {
        match n.m.series(m) {
            Series::Bad(idx, bad) => {
                usable = false;
                let path = match idx {
                    Some(j) => format!("{}[{j}]", metric_path(i, m)),
                    None => metric_path(i, m),
                };
                let (zh, en) = match bad {
                    crate::series::BadValue::Negative(v) => {
                        (format!("{} 不能为负数（{v}）", m.zh()), format!("{} must not be negative ({v})", m.key()))
                    }
                    crate::series::BadValue::Fraction(v) => {
                        (format!("{} 应为整数（{v}）", m.zh()), format!("{} must be a whole number ({v})", m.key()))
                    }
                    crate::series::BadValue::TooLarge(_) => (
                        format!("{} 超出可记录的最大值（{}）", m.zh(), u64::MAX),
                        format!("{} is larger than the largest count allowed ({})", m.key(), u64::MAX),
                    ),
                    crate::series::BadValue::NotANumber(w) => (
                        format!("{} 应为数字，而不是{}", m.zh(), zh_kind(w)),
                        format!("{} must be a number, not {w}", m.key()),
                    ),
                };
                c.push(Check::BadCount, path, id, zh, en);
            }
            Series::Per(a) if a.len() != np => {
                usable = false;
                c.push(
                    Check::SeriesLength,
                    metric_path(i, m),
                    id,
                    format!("{} 有 {} 个值，但统计期有 {np} 个", m.zh(), a.len()),
                    format!("{} has {} values but there are {np} periods", m.key(), a.len()),
                );
            }
            _ => {}
        }
    }
    match &n.income {
        Income::Bad(idx, why) => {
            usable = false;
            let path = match idx {
                Some(j) => format!("$.nodes[{i}].income[{j}]"),
                None => format!("$.nodes[{i}].income"),
            };
            c.push(
                Check::BadIncome,
                path,
                id,
                format!("人均纯收入无效：{}", zh_kind(why)),
                format!("per-capita income is invalid: {why}"),
            );
        }
        Income::Per(a) if a.len() != np => {
            usable = false;
            c.push(
                Check::SeriesLength,
                format!("$.nodes[{i}].income"),
                id,
                format!("人均纯收入有 {} 个值，但统计期有 {np} 个", a.len()),
                format!("income has {} values but there are {np} periods", a.len()),
            );
        }
        _ => {}
    }
    if let Some(r) = n.targets.employment_rate {
        if !(0.0..=1.0).contains(&r) {
            c.push(
                Check::Target,
                format!("$.nodes[{i}].targets.employment_rate"),
                id,
                format!("就业率目标应在 0 到 1 之间（{r}）"),
                format!("the employment-rate target must be between 0 and 1 ({r})"),
            );
        }
    }
    if let Some(v) = n.targets.income_per_capita {
        if !(v >= 0.0 && v.is_finite()) {
            c.push(
                Check::Target,
                format!("$.nodes[{i}].targets.income_per_capita"),
                id,
                format!("人均收入目标无效（{v}）"),
                format!("the income target is invalid ({v})"),
            );
        }
    }
    claims::check_claims(c, i, n, periods, sources, usable);
    if !usable {
        return;
    }
    check_relations(c, i, n, periods, rels);
    for level in [Level::Site, Level::Community, Level::Grid, Level::Building] {
        let Some(m) = level.own_count_metric() else {
            continue;
        };
        let want = match n.level.cmp(&level) {
            std::cmp::Ordering::Equal => Some(1),
            std::cmp::Ordering::Greater => Some(0),
            std::cmp::Ordering::Less => None,
        };
        if let Some(w) = want {
            let span = if matches!(n.m.series(m), Series::Const(_)) { np.min(1) } else { np };
            if let Some(t) = (0..span).find(|&t| n.m.get(m, t) != w) {
                c.push(
                    Check::OwnCount,
                    metric_path(i, m),
                    id,
                    format!("{}级节点的{}应为 {w}，而不是 {}", n.level.zh(), m.zh(), n.m.get(m, t)),
                    format!("a {} node must have {} = {w}, not {}", n.level.key(), m.key(), n.m.get(m, t)),
                );
            }
        }
    }
    if let Some(t) = (0..np).find(|&t| n.income.get(t).is_some() != (n.m.get(Metric::IncomePeople, t) > 0)) {
        let (zh, en) = if n.income.get(t).is_some() {
            (
                "有人均纯收入但收入统计人口（income_people）为 0，无法汇总".to_string(),
                "has per-capita income but income_people is 0, so it cannot be rolled up".to_string(),
            )
        } else {
            (
                "收入统计人口大于 0 但缺少人均纯收入".to_string(),
                "income_people is above 0 but per-capita income is missing".to_string(),
            )
        };
        c.push(
            Check::BadIncome,
            format!("$.nodes[{i}].income"),
            id,
            format!("{zh}（统计期 {}）", periods[t]),
            format!("{en} (period {})", periods[t]),
        );
    }
}

/// The relations a file is held to: those whose metrics it knows, each with its `a ≤ b`
/// shape where it has one (compared directly, which keeps validation fast).
pub(crate) type Applicable = Vec<(&'static Relation, Option<(Metric, Metric)>)>;

fn applicable(known: MetricSet) -> Applicable {
    RELATIONS.iter().filter(|r| r.applies(known)).map(|r| (r, r.as_pair())).collect()
}

/// Every applicable relation at one node, reported once per (relation, node) at the first
/// period that breaks it, with both sides' values.
fn check_relations(c: &mut Ctx, i: usize, n: &Node, periods: &[String], rels: &Applicable) {
    let id = Some(n.id.as_str());
    let np = periods.len();
    for &(r, pair) in rels {
        let bad = match pair {
            Some((a, b)) => match (n.m.series(a), n.m.series(b)) {
                (Series::Const(x), Series::Const(y)) => (x > y).then_some(0),
                (a, b) => (0..np).find(|&t| a.get(t) > b.get(t)),
            },
            None => {
                // Most series are constants: then one period stands for all.
                let all_const = r.metrics().all(|m| matches!(n.m.series(m), Series::Const(_)));
                (0..if all_const { np.min(1) } else { np }).find(|&t| !r.holds(|m| n.m.get(m, t)))
            }
        };
        let Some(t) = bad else {
            continue;
        };
        let (l, rv) = r.sides(|m| n.m.get(m, t));
        let (zh, en) = r.broken_text(l, rv);
        let (zh, en) = (format!("{zh}，统计期 {}", periods[t]), format!("{en} in {}", periods[t]));
        let check = if r.rel == Rel::AtMost { Check::Exceeds } else { Check::Partition };
        c.push(check, metric_path(i, r.lhs[0].m), id, zh, en);
    }
}

fn zh_kind(w: &str) -> &str {
    match w {
        "a string" => "文本",
        "a boolean" => "布尔值",
        "null" => "空值",
        "an array" => "数组",
        "an object" => "对象",
        "a negative amount" => "负数",
        "an implausibly large amount" => "不合理的巨大数值",
        other => other,
    }
}

/// Whether a node's values are sound enough for sum checks.
pub(crate) fn node_usable(n: &Node, np: usize) -> bool {
    n.m.values.iter().all(|s| match s {
        Series::Bad(..) => false,
        Series::Per(a) => a.len() == np,
        Series::Const(_) => true,
    }) && match &n.income {
        Income::Bad(..) => false,
        Income::Per(a) => a.len() == np,
        _ => true,
    }
}

/// Checks that `parent` equals the sum of `children` for every metric and period, and that
/// its income is their weighted mean.
pub(crate) fn check_sums(c: &mut Ctx, parent: &Node, parent_path: &str, children: &[&Node], periods: &[String]) {
    let np = periods.len();
    let id = Some(parent.id.as_str());
    // One pass over the children per metric: constant series add once, arrays per period.
    let mut acc = vec![0u128; np];
    for &m in Metric::ALL {
        let mut base = own_count(parent.level, m);
        let mut any_per = false;
        for ch in children {
            match ch.m.series(m) {
                Series::Const(v) => base += *v as u128,
                Series::Per(a) => {
                    if !any_per {
                        acc.iter_mut().for_each(|x| *x = 0);
                        any_per = true;
                    }
                    for (x, v) in acc.iter_mut().zip(a.iter()) {
                        *x += *v as u128;
                    }
                }
                Series::Bad(..) => {}
            }
        }
        let periods_to_check = if any_per || !matches!(parent.m.series(m), Series::Const(_)) { np } else { np.min(1) };
        for t in 0..periods_to_check {
            let sum = base + if any_per { acc[t] } else { 0 };
            let have = parent.m.get(m, t) as u128;
            if sum != have {
                c.push(
                    Check::Sum,
                    format!("{parent_path}.m.{}", m.key()),
                    id,
                    format!("{}：本级为 {have}，下级合计为 {sum}（统计期 {}）", m.zh(), periods[t]),
                    format!(
                        "{}: this node has {have} but its children add up to {sum} (period {})",
                        m.key(),
                        periods[t]
                    ),
                );
                break;
            }
        }
    }
    for (t, period) in periods.iter().enumerate() {
        let want = weighted_income(children.iter().copied(), t);
        let have = parent.income.get(t);
        let ok = match (have, want) {
            (Some(h), Some(w)) => (h - w).abs() <= INCOME_CHECK_TOLERANCE,
            (None, None) => true,
            _ => false,
        };
        if !ok {
            let show = |v: Option<f64>| v.map(|v| format!("{v:.2}")).unwrap_or_else(|| "—".into());
            c.push(
                Check::IncomeRollup,
                format!("{parent_path}.income"),
                id,
                format!("人均纯收入为 {}，但下级按人口加权平均为 {}（统计期 {}）", show(have), show(want), period),
                format!(
                    "per-capita income is {} but the children's weighted mean is {} (period {})",
                    show(have),
                    show(want),
                    period
                ),
            );
            break;
        }
    }
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
