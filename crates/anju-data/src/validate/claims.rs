//! Claims that figures are as published: the source exists, the period is the dataset's,
//! the date is a date, every field is one a claim can name, and every figure's stored
//! value is one its source's words admit (29.3万 allows 292,500 to 293,499 people).

use super::Ctx;
use crate::format::Lang;
use crate::metric::Metric;
use crate::model::{claimable, year_before_ix, Claim, Node, Period};
use crate::problem::Check;
use crate::published::{field_name, FigureDate, Reading};
use crate::relations::Rate;
use crate::text::clip;
use crate::view::growth::growth;
use std::collections::HashSet;

/// Every published figure a node cites (`published`): well formed, and agreeing with the
/// node's stored values where those are usable.
pub(super) fn check_claims(
    c: &mut Ctx,
    i: usize,
    n: &Node,
    periods: &[String],
    sources: Option<&HashSet<String>>,
    usable: bool,
) {
    let id = Some(n.id.as_str());
    for (k, claim) in n.published.iter().enumerate() {
        let path = format!("$.nodes[{i}].published[{k}]");
        let t = check_claim(c, &path, id, claim, periods, sources);
        check_written(c, &path, n, claim, t.filter(|_| usable), periods);
    }
}

/// A claim's source, period, date and fields are known; the period's index.
fn check_claim(
    c: &mut Ctx,
    path: &str,
    id: Option<&str>,
    claim: &Claim,
    periods: &[String],
    sources: Option<&HashSet<String>>,
) -> Option<usize> {
    if let Some(src) = sources {
        if !src.contains(&claim.source) {
            c.push(
                Check::Claim,
                format!("{path}.source"),
                id,
                format!("引用了不存在的来源 \"{}\"", clip(&claim.source, 40)),
                format!("cites an unknown source \"{}\"", clip(&claim.source, 40)),
            );
        }
    }
    let t = periods.iter().position(|p| *p == claim.period);
    if t.is_none() {
        c.push(
            Check::Claim,
            format!("{path}.period"),
            id,
            format!("来源标注的统计期 \"{}\" 不在数据统计期内", clip(&claim.period, 20)),
            format!("the claim's period \"{}\" is not one of the dataset's periods", clip(&claim.period, 20)),
        );
    }
    if FigureDate::parse(&claim.date).is_none() {
        c.push(
            Check::Claim,
            format!("{path}.date"),
            id,
            format!("数字的日期 \"{}\" 应写作 YYYY、YYYY-MM 或 YYYY-MM-DD（未注明则留空）", clip(&claim.date, 20)),
            format!(
                "the figures' date \"{}\" must be YYYY, YYYY-MM or YYYY-MM-DD (empty when not stated)",
                clip(&claim.date, 20)
            ),
        );
    }
    for (j, f) in claim.fields.iter().enumerate() {
        if !claimable(f) {
            c.push(
                Check::Claim,
                format!("{path}.fields[{j}]"),
                id,
                format!("来源标注了未知字段 \"{}\"", clip(f, 40)),
                format!("the claim names an unknown field \"{}\"", clip(f, 40)),
            );
        }
    }
    t
}

/// The source's words for each field: given once, for a field of the claim, readable, and
/// (at period `t`, where the node's values are usable) admitting the stored value.
fn check_written(c: &mut Ctx, path: &str, n: &Node, claim: &Claim, t: Option<usize>, periods: &[String]) {
    let id = Some(n.id.as_str());
    for (j, (f, words)) in claim.written.0.iter().enumerate() {
        let at = format!("{path}.written.{}", clip(f, 40));
        if claim.written.0[..j].iter().any(|(g, _)| g == f) {
            c.push(
                Check::Claim,
                at,
                id,
                format!("原文措辞中字段 \"{}\" 出现了两次", clip(f, 40)),
                format!("the words for \"{}\" are given twice", clip(f, 40)),
            );
            continue;
        }
        if !claim.fields.contains(f) {
            c.push(
                Check::Claim,
                at,
                id,
                format!("原文措辞所属的字段 \"{}\" 不在 fields 中", clip(f, 40)),
                format!("words are given for \"{}\", which is not among the claim's fields", clip(f, 40)),
            );
            continue;
        }
        let Some(reading) = Reading::parse(words) else {
            c.push(
                Check::Claim,
                at,
                id,
                format!("无法识别原文数字 \"{}\"（如 12345、29.3万、2万余、1900多、92.09%）", clip(words, 20)),
                format!(
                    "cannot read the source's figure \"{}\" (forms: 12345, 29.3万, 2万余, 1900多, 92.09%)",
                    clip(words, 20)
                ),
            );
            continue;
        };
        let Some(t) = t else { continue };
        if let Some((have, ok)) = stored(n, f, t, &reading, periods) {
            if !ok {
                c.push(
                    Check::Claim,
                    at,
                    id,
                    format!(
                        "{}为 {have}，与来源原文“{}”不符（统计期 {}）",
                        clip(field_name(f, Lang::Zh), 40),
                        clip(words, 20),
                        periods[t]
                    ),
                    format!(
                        "{} is {have}, which the source's words \"{}\" do not allow (period {})",
                        clip(f, 40),
                        clip(words, 20),
                        periods[t]
                    ),
                );
            }
        }
    }
}

/// The stored value of `field` at `t` as text, and whether the words admit it; `None`
/// where it cannot be computed (a rate over nothing, growth without a year before).
fn stored(n: &Node, field: &str, t: usize, r: &Reading, periods: &[String]) -> Option<(String, bool)> {
    if let Some(m) = Metric::from_key(field) {
        let v = n.m.get(m, t);
        return Some((v.to_string(), r.admits(v as f64)));
    }
    if let Some(rate) = Rate::by_key(field) {
        let den = n.m.get(rate.den, t);
        let v = n.m.get(rate.num, t) as f64 / den as f64;
        return (den > 0).then(|| (format!("{:.4}%", v * 100.0), r.admits_rate(v)));
    }
    match field {
        "income_per_capita" => n.income.get(t).map(|v| (format!("{v:.2}"), r.admits(v))),
        "income_growth" => {
            // The year before as the page finds it (the same month, wherever it is in the list).
            let parsed: Option<Vec<Period>> = periods.iter().map(|p| Period::parse(p)).collect();
            let before = n.income.get(year_before_ix(&parsed?, t)?)?;
            let g = growth(n.income.get(t)?, before)?;
            Some((format!("{:.4}%", g * 100.0), r.admits_rate(g)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Level;
    use crate::series::Income;

    /// A stated growth is held to the same month a year before, as the page shows it, even
    /// where a month is missing from the list (12 places back is then another month).
    #[test]
    fn growth_is_checked_against_the_same_month_a_year_before() {
        // 2024-05 … 2025-06 without 2024-09: 2025-06 is at 12, 2024-06 at 1, 2024-05 at 0.
        let periods: Vec<String> = (0..14)
            .map(|i| Period::from_ordinal(Period { year: 2024, month: 5 }.ordinal() + i).to_string())
            .filter(|p| p != "2024-09")
            .collect();
        assert_eq!((periods.len(), periods[1].as_str(), periods[12].as_str()), (13, "2024-06", "2025-06"));
        let mut n = Node::new("R", "R", Level::City);
        let mut income = vec![None; 13];
        (income[0], income[1], income[12]) = (Some(10_000.0), Some(10_500.0), Some(11_340.0));
        n.income = Income::Per(income.into());
        let (text, ok) = stored(&n, "income_growth", 12, &Reading::parse("8.0%").unwrap(), &periods).unwrap();
        assert_eq!((text.as_str(), ok), ("8.0000%", true), "11,340 over 2024-06's 10,500");
        let (_, ok) = stored(&n, "income_growth", 12, &Reading::parse("13.4%").unwrap(), &periods).unwrap();
        assert!(!ok, "13.4% is growth over 2024-05, not the year before");
        // No same month a year before: nothing to check, as the page shows none.
        let without: Vec<String> = periods.iter().filter(|p| *p != "2024-06").cloned().collect();
        let mut income = vec![None; 12];
        (income[0], income[11]) = (Some(10_000.0), Some(11_340.0));
        n.income = Income::Per(income.into());
        assert_eq!(stored(&n, "income_growth", 11, &Reading::parse("13.4%").unwrap(), &without), None);
    }
}
