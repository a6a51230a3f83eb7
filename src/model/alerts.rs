//! Alert rows as people read them: where the place is below the one in view, and why it
//! breaks its threshold. The alerts panel and the big screen's ticker say the same.

use crate::i18n::{name, tr};
use anju_data::format::{self, Lang};
use anju_data::view::measure::Measure;
use anju_data::view::staff::Threshold;
use anju_data::{Dataset, NodeIx};

/// The building's path below `from`, e.g. "平远新城安置点 › 惠泽社区 › 第3网格 › 12栋".
pub fn path_below(ds: &Dataset, from: NodeIx, ix: NodeIx, lang: Lang) -> String {
    let path = ds.path(ix);
    let start = path.iter().position(|&i| i == from).map(|p| p + 1).unwrap_or(0);
    path[start..].iter().map(|&i| name(ds.node(i), lang)).collect::<Vec<_>>().join(" › ")
}

/// Why place `i` breaks `th` at period `t`, given its severity `sev` (percentage points
/// under the target, households, or yuan under the line, as `Threshold::severity` gives;
/// on a public display a place whose figures are hidden is never listed, so all is shown).
pub fn describe(ds: &Dataset, i: NodeIx, th: Threshold, sev: f64, t: usize, lang: Lang) -> String {
    let n = ds.node(i);
    match (th, lang) {
        (Threshold::BelowTarget, Lang::Zh) => format!(
            "就业率 {}，低于目标 {:.1} 个百分点",
            Measure::EmploymentRate.format(Measure::EmploymentRate.value(n, t), lang),
            sev
        ),
        (Threshold::BelowTarget, Lang::En) => format!(
            "employment {}, {:.1} points below target",
            Measure::EmploymentRate.format(Measure::EmploymentRate.value(n, t), lang),
            sev
        ),
        (Threshold::ZeroEmployment, _) => {
            format!("{} {}", format::count(sev as u64, lang), tr(lang, "户零就业家庭", "zero-employment households"))
        }
        (Threshold::LowIncome, _) => {
            format!("{} {}", tr(lang, "人均", "per head"), format::yuan(n.income.get(t).unwrap_or(0.0), lang))
        }
        (Threshold::StillAtRisk, _) => {
            format!("{} {}", format::count(sev as u64, lang), tr(lang, "户尚未消除风险", "households still at risk"))
        }
    }
}
