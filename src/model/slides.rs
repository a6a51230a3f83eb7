//! The slides' content as plain data: the cover, titles, the footer, the comparison rows,
//! the risk rows (which the big screen's risk panel shows too).

use crate::i18n::{name, paren, text, tr};
use crate::model::stamp::all_synthesised;
use anju_data::disclosure::{Shown, MARK};
use anju_data::format::{self, Lang};
use anju_data::view::measure::Measure;
use anju_data::{Dataset, Metric, NodeIx};

pub const SLIDES: u32 = 7;

/// The cover slide (`slide=0`): the place and where it is, the period, the as-of date and
/// the source.
#[derive(Clone, Debug, PartialEq)]
pub struct Cover {
    pub place: String,
    /// The path above it ("黔滇四市… › 铜仁市"), empty at the root.
    pub path: String,
    pub period: String,
    pub as_of: String,
    pub source: String,
}

/// The cover of node `ix`'s deck at period `t`.
pub fn cover(ds: &Dataset, ix: NodeIx, t: usize, lang: Lang) -> Cover {
    let path = ds.path(ix);
    let above: Vec<String> = path[..path.len() - 1].iter().map(|&i| name(ds.node(i), lang)).collect();
    Cover {
        place: name(ds.node(ix), lang),
        path: above.join(" › "),
        period: format!("{}{}", tr(lang, "统计期：", "Period: "), ds.period_keys[t]),
        as_of: format!("{}{}", tr(lang, "数据截至：", "Data as of: "), ds.meta.as_of),
        source: source(ds, lang),
    }
}

/// Where the deck's figures come from, in a line: the dataset, and whether it is all
/// synthesised.
fn source(ds: &Dataset, lang: Lang) -> String {
    let title = text(&ds.meta.title, lang);
    if all_synthesised(ds) {
        format!(
            "{}{title}{}",
            tr(lang, "来源：", "Source: "),
            tr(lang, "（全部为合成数据）", " (every figure synthesised)")
        )
    } else {
        format!("{}{title}", tr(lang, "来源：", "Source: "))
    }
}

/// Every slide's footer: period · as-of date · source.
pub fn footer(ds: &Dataset, t: usize, lang: Lang) -> String {
    format!(
        "{}{} · {}{} · {}",
        tr(lang, "统计期 ", "Period "),
        ds.period_keys[t],
        tr(lang, "数据截至 ", "as of "),
        ds.meta.as_of,
        source(ds, lang)
    )
}

/// The comparison slide's rows.
pub const COMPARED: [Measure; 10] = [
    Measure::Count(Metric::People),
    Measure::Count(Metric::Households),
    Measure::Count(Metric::Labour),
    Measure::Count(Metric::Employed),
    Measure::EmploymentRate,
    Measure::Count(Metric::WelfarePosts),
    Measure::IncomePerCapita,
    Measure::Count(Metric::MonitoredHouseholds),
    Measure::Count(Metric::ZeroEmploymentHouseholds),
    Measure::Count(Metric::Trained),
];

pub fn titles(lang: Lang) -> [&'static str; SLIDES as usize] {
    [
        tr(lang, "总体情况与目标", "Overview against targets"),
        tr(lang, "就业", "Employment"),
        tr(lang, "收入", "Income"),
        tr(lang, "特殊群体", "Special groups"),
        tr(lang, "风险与监测", "Risk and monitoring"),
        tr(lang, "下级排名", "Ranking of the places below"),
        tr(lang, "同期对比", "Period comparison"),
    ]
}

/// Slide 6's chart title: the measure the places are ranked by (the URL's `metric=`, as on
/// the dashboard), whether only the top `top` and the others are drawn, and what the red
/// line is where there is one.
pub fn ranking_title(m: Measure, lang: Lang, top: Option<usize>, has_target: bool) -> String {
    let label = m.label(lang);
    let by = match lang {
        Lang::Zh => format!("按{label}排名"),
        Lang::En => {
            let mut cs = label.chars();
            let first: String = cs.next().map(|c| c.to_ascii_lowercase().to_string()).unwrap_or_default();
            format!("By {first}{}", cs.as_str())
        }
    };
    let more = match (top, lang) {
        (None, _) => String::new(),
        (Some(n), Lang::Zh) => format!("，前{n}名及其余"),
        (Some(n), Lang::En) => format!(", top {n} and the others"),
    };
    let target = if has_target { tr(lang, "，红线为目标", ", the red line is the target") } else { "" };
    format!("{by}{more}{target}")
}

/// How a measure moved from `from` to `to`: the arrow, "good" or "bad" (whether the move
/// is for the better, [`Measure::higher_is_better`]), and the change as people say it
/// (points for a rate, per cent for income, a signed count otherwise).
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub arrow: &'static str,
    pub class: &'static str,
    pub delta: String,
}

pub fn change(m: Measure, from: Option<f64>, to: Option<f64>, l: Lang) -> Change {
    let (arrow, class, delta) = match (from, to) {
        (Some(a), Some(b)) if (b - a).abs() < 1e-9 => ("＝", "", "0".to_string()),
        (Some(a), Some(b)) => {
            let up = b > a;
            let good = up == m.higher_is_better();
            let d = match m {
                Measure::EmploymentRate => format!("{:+.1} {}", (b - a) * 100.0, tr(l, "个百分点", "points")),
                Measure::IncomePerCapita => format!("{:+.1}%", (b / a - 1.0) * 100.0),
                _ => format!("{}{}", if up { "+" } else { "−" }, format::group_digits((b - a).abs() as u64)),
            };
            (if up { "▲" } else { "▼" }, if good { "good" } else { "bad" }, d)
        }
        _ => ("", "", "—".to_string()),
    };
    Change { arrow, class, delta }
}

/// The risk panel's rows under the colours: label and value as shown.
/// A difference of two counts is hidden with either (it would give the other back).
pub fn risk_rows(s: Shown, ix: NodeIx, t: usize, l: Lang) -> [(&'static str, String); 4] {
    let (mh, el) = (Metric::MonitoredHouseholds, Metric::RiskEliminatedHouseholds);
    let open = s.still_at_risk(ix, t).map_or_else(|| MARK.to_string(), |n| format::count(n, l));
    [
        (tr(l, "监测户", "Monitored households"), s.count_text(ix, mh, t, l)),
        (
            tr(l, "已消除风险", "Risk eliminated"),
            format!("{}{}", s.count_text(ix, el, t, l), paren(l, &s.percent_text(ix, el, mh, t))),
        ),
        (tr(l, "仍需帮扶", "Still receiving help"), open),
        (tr(l, "监测人口", "Monitored people"), s.count_text(ix, Metric::MonitoredPeople, t, l)),
    ]
}
