//! Checks on one node: value types, lengths and bounds, own counts, relations between
//! its counts at every period, and its claims.

use super::{claims, metric_path, Ctx};
use crate::metric::Metric;
use crate::model::{Level, Node};
use crate::problem::Check;
use crate::relations::{MetricSet, Rel, Relation, RELATIONS};
use crate::series::{Income, Series};
use crate::text::{clip, shows_nothing, ID_MAX};
use std::collections::HashSet;

/// Value checks on one node: types, lengths, bounds, partitions, own counts, claims.
pub(super) fn check_node(
    c: &mut Ctx,
    i: usize,
    n: &Node,
    periods: &[String],
    sources: Option<&HashSet<String>>,
    rels: &Applicable,
) {
    check_identity(c, i, n);
    let usable = check_series(c, i, n, periods.len());
    check_targets(c, i, n);
    claims::check_claims(c, i, n, periods, sources, usable);
    if !usable {
        return;
    }
    check_relations(c, i, n, periods, rels);
    check_own_counts(c, i, n, periods.len());
    check_income_people(c, i, n, periods);
}

/// An id and a name, and no metric the format does not know.
fn check_identity(c: &mut Ctx, i: usize, n: &Node) {
    let id = Some(n.id.as_str());
    if shows_nothing(&n.id) {
        c.push(
            Check::EmptyField,
            format!("$.nodes[{i}].id"),
            None,
            "节点编号为空（或只有不可见字符）".into(),
            "the node id is empty (or holds only invisible characters)".into(),
        );
    } else if n.id.len() > ID_MAX {
        c.push(
            Check::IdLength,
            format!("$.nodes[{i}].id"),
            id,
            format!("节点编号长 {} 字节，超过上限 {ID_MAX}（网址中打不开）", n.id.len()),
            format!("the node id is {} bytes, over the limit of {ID_MAX} (a link could not open it)", n.id.len()),
        );
    }
    if shows_nothing(&n.name) {
        c.push(
            Check::EmptyField,
            format!("$.nodes[{i}].name"),
            id,
            "节点名称为空（或只有不可见字符）".into(),
            "the node name is empty (or holds only invisible characters)".into(),
        );
    }
    if n.name_en.as_deref().is_some_and(|en| !en.is_empty() && shows_nothing(en)) {
        c.push(
            Check::EmptyField,
            format!("$.nodes[{i}].name_en"),
            id,
            "英文名称只有不可见字符（不需要时请省略）".into(),
            "the English name holds only invisible characters (leave it out instead)".into(),
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
}

/// Every metric and the income: numbers of the right kind, one per period. Whether the
/// node's values can be used for the checks that compare them.
fn check_series(c: &mut Ctx, i: usize, n: &Node, np: usize) -> bool {
    let id = Some(n.id.as_str());
    let mut usable = true;
    for &m in Metric::ALL {
        match n.m.series(m) {
            Series::Bad(bad) => {
                let (idx, bad) = &**bad;
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
    usable
}

/// Targets in range.
fn check_targets(c: &mut Ctx, i: usize, n: &Node) {
    let id = Some(n.id.as_str());
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
}

/// A node counts itself once at its own level and nothing below it (a site has sites = 1).
fn check_own_counts(c: &mut Ctx, i: usize, n: &Node, np: usize) {
    let id = Some(n.id.as_str());
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
}

/// Income and the people it is counted over go together, period by period.
fn check_income_people(c: &mut Ctx, i: usize, n: &Node, periods: &[String]) {
    let (id, np) = (Some(n.id.as_str()), periods.len());
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

pub(super) fn applicable(known: MetricSet) -> Applicable {
    RELATIONS.iter().filter(|r| r.applies(known)).map(|r| (r, r.as_pair())).collect()
}

/// Every applicable relation at one node, reported once per (relation, node) at the first
/// period that breaks it, with both sides' values.
fn check_relations(c: &mut Ctx, i: usize, n: &Node, periods: &[String], rels: &Applicable) {
    let id = Some(n.id.as_str());
    let np = periods.len();
    // Each metric's series found once for the node, not once per relation and period
    // (a national index's counties hold 24 periods).
    let series: Vec<&Series> = Metric::ALL.iter().map(|&m| n.m.series(m)).collect();
    let of = |m: Metric| series[m.index()];
    for &(r, pair) in rels {
        let bad = match pair {
            Some((a, b)) => match (of(a), of(b)) {
                (Series::Const(x), Series::Const(y)) => (x > y).then_some(0),
                (a, b) => (0..np).find(|&t| a.get(t) > b.get(t)),
            },
            None => {
                // Most series are constants: then one period stands for all.
                let all_const = r.metrics().all(|m| matches!(of(m), Series::Const(_)));
                (0..if all_const { np.min(1) } else { np }).find(|&t| !r.holds(|m| of(m).get(t)))
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
        crate::columns::code::MALFORMED => "无法解读的序列字符串",
        other => other,
    }
}

/// Whether a node's values are sound enough for sum checks.
pub(crate) fn node_usable(n: &Node, np: usize) -> bool {
    n.m.stored().iter().all(|s| match s {
        Series::Bad(..) => false,
        Series::Per(a) => a.len() == np,
        Series::Const(_) => true,
    }) && match &n.income {
        Income::Bad(..) => false,
        Income::Per(a) => a.len() == np,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    /// Every kind a reader names has its Chinese words: no English inside a Chinese message.
    #[test]
    fn every_kind_of_bad_value_reads_in_chinese() {
        let kinds = ["a string", "a boolean", "null", "an array", "an object", "a negative amount"];
        let more = ["an implausibly large amount", crate::columns::code::MALFORMED];
        for k in kinds.into_iter().chain(more) {
            assert!(!super::zh_kind(k).is_ascii(), "{k}");
        }
    }
}
