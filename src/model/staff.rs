//! Staff's lists as plain data: where to go for each selected group or risk colour, and
//! the alerts by level, counting a household once; each as a sheet for its CSV export.

use crate::i18n::{level, tr};
use crate::model::sheet::{self, Cell, Sheet};
use anju_data::disclosure::{Shown, MARK};
use anju_data::domain::{Group, Risk};
use anju_data::format::{self, Lang};
use anju_data::view::query::ViewState;
use anju_data::view::staff::{alerts, Threshold};
use anju_data::{Dataset, Level, Metric, NodeIx};

/// What a where-to-go list is for: a special group (people) or a risk colour
/// (households).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    Group(Group),
    Risk(Risk),
}

impl Pick {
    /// Every selected group, then every selected colour.
    pub fn selected(view: &ViewState) -> Vec<Pick> {
        view.groups.iter().map(|&g| Pick::Group(g)).chain(view.risks.iter().map(|&r| Pick::Risk(r))).collect()
    }

    pub fn metric(self) -> Metric {
        match self {
            Pick::Group(g) => g.metric(),
            Pick::Risk(r) => r.metric(),
        }
    }

    /// The list's heading: the group's name, or the colour's households.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Pick::Group(g) => g.label(lang).to_string(),
            Pick::Risk(r) => lang.pick(r.metric().zh(), r.metric().en()).to_string(),
        }
    }

    /// The export's file name.
    pub fn file(self, lang: Lang) -> String {
        format!("{}-{}.csv", tr(lang, "走访清单", "where-to-go"), self.metric().key())
    }
}

/// A where-to-go list as a sheet: rank, the building's path one column per level, the
/// count with its unit.
pub fn where_sheet(ds: &Dataset, ix: NodeIx, pick: Pick, list: &[(NodeIx, u64)], lang: Lang) -> Sheet {
    let places: Vec<NodeIx> = list.iter().map(|r| r.0).collect();
    let levels = sheet::path_levels(ds, ix, &places);
    let m = pick.metric();
    let mut header = vec![tr(lang, "序号", "Rank").to_string()];
    header.extend(sheet::path_header(&levels, lang));
    header.push(match lang {
        Lang::Zh => format!("{}（{}）", pick.label(lang), m.unit().word(lang)),
        Lang::En => format!("{} ({})", pick.label(lang), m.unit().word(lang)),
    });
    let rows = list
        .iter()
        .enumerate()
        .map(|(k, &(b, v))| {
            let mut row = vec![Cell::Int(k as u64 + 1)];
            row.extend(sheet::path_cells(ds, ix, b, &levels, lang));
            row.push(Cell::Int(v));
            row
        })
        .collect();
    Sheet { header, rows }
}

/// Thresholds that count households: a household in a building is in its grid, its
/// community and its site too, so their badge is the place's own count and their rows
/// the deepest places.
pub fn counts_households(th: Threshold) -> bool {
    matches!(th, Threshold::ZeroEmployment | Threshold::StillAtRisk)
}

/// One threshold's alerts under a place: the rows grouped by level (each level lists
/// every breaking place of it, most severe first), and the badge.
#[derive(Clone, Debug, PartialEq)]
pub struct AlertList {
    pub by_level: Vec<(Level, Vec<(NodeIx, f64)>)>,
    /// The badge's number: households for a count (the place's own figure, as its KPI
    /// tile says, each household once), else how many places break the threshold;
    /// `None` where the place's own count is hidden on a public display (as on its tile).
    pub badge: Option<u64>,
    /// "83户", "12处", or the mark where hidden.
    pub badge_text: String,
}

impl AlertList {
    /// How many rows in all.
    pub fn rows(&self) -> usize {
        self.by_level.iter().map(|l| l.1.len()).sum()
    }
}

/// The alerts for `th` under `ix` at `t`, as `s` lets them be shown. For a count of
/// households the rows are the deepest places only (each household where it lives, so
/// the rows add up to the badge); for a rate or an income, every place that breaks it,
/// level by level.
pub fn alert_list(s: Shown, ix: NodeIx, th: Threshold, t: usize, lang: Lang) -> AlertList {
    let ds = s.ds;
    let mut by_level: Vec<(Level, Vec<(NodeIx, f64)>)> = Vec::new();
    let deepest_only = counts_households(th);
    for (i, sev) in alerts(s, ix, th, t).into_iter().filter(|&(i, _)| !deepest_only || ds.kids[i].is_empty()) {
        let l = ds.node(i).level;
        match by_level.iter_mut().find(|g| g.0 == l) {
            Some(g) => g.1.push((i, sev)),
            None => by_level.push((l, vec![(i, sev)])),
        }
    }
    anju_data::order::sort_by(&mut by_level, |a, b| a.0.cmp(&b.0));
    let (badge, badge_text) = if counts_households(th) {
        // The place's own count, as everything else shows it: hidden there, hidden here.
        match th.households(s, ix, t) {
            None => (None, MARK.to_string()),
            Some(n) => (Some(n), format!("{}{}", format::count(n, lang), tr(lang, "户", " households"))),
        }
    } else {
        let n = by_level.iter().map(|g| g.1.len() as u64).sum();
        (Some(n), format!("{}{}", format::count(n, lang), tr(lang, "处", " places")))
    };
    AlertList { by_level, badge, badge_text }
}

/// A level's heading in an alert list: "网格 12处，共83户" (the households of a count
/// threshold), or "安置点 3处".
pub fn level_heading(l: Level, rows: &[(NodeIx, f64)], th: Threshold, lang: Lang) -> String {
    let n = format::count(rows.len() as u64, lang);
    let name = level(l, lang);
    if counts_households(th) {
        let hh = format::count(rows.iter().map(|r| r.1 as u64).sum(), lang);
        match lang {
            Lang::Zh => format!("{name} {n}处，共{hh}户"),
            Lang::En => format!("{name}: {n} places, {hh} households"),
        }
    } else {
        match lang {
            Lang::Zh => format!("{name} {n}处"),
            Lang::En => format!("{name}: {n} places"),
        }
    }
}

/// What a list cut at `shown` rows of `total` says of the rest ("前50条，共121条").
pub fn cut_text(shown: usize, total: usize, lang: Lang) -> Option<String> {
    (shown < total).then(|| match lang {
        Lang::Zh => format!("前{shown}条，共{total}条"),
        Lang::En => format!("first {shown} of {total}"),
    })
}

/// An alert list as a sheet: level, path one column per level, the figure behind the
/// alert (points below target, households, yuan per head under the line).
pub fn alert_sheet(ds: &Dataset, ix: NodeIx, th: Threshold, list: &AlertList, lang: Lang) -> Sheet {
    let rows: Vec<(NodeIx, f64)> = list.by_level.iter().flat_map(|g| g.1.iter().copied()).collect();
    let places: Vec<NodeIx> = rows.iter().map(|r| r.0).collect();
    let levels = sheet::path_levels(ds, ix, &places);
    let mut header = vec![tr(lang, "层级", "Level").to_string()];
    header.extend(sheet::path_header(&levels, lang));
    header.push(
        match th {
            Threshold::BelowTarget => tr(lang, "低于目标（百分点）", "Below target (points)"),
            Threshold::ZeroEmployment => tr(lang, "零就业家庭（户）", "Zero-employment households (households)"),
            Threshold::LowIncome => tr(lang, "低于1万元线（元/人）", "Under the 10,000 line (yuan per head)"),
            Threshold::StillAtRisk => tr(lang, "尚未消除风险（户）", "Still at risk (households)"),
        }
        .to_string(),
    );
    let rows = rows
        .iter()
        .map(|&(i, sev)| {
            let mut row = vec![Cell::Text(level(ds.node(i).level, lang).to_string())];
            row.extend(sheet::path_cells(ds, ix, i, &levels, lang));
            row.push(if counts_households(th) { Cell::Int(sev as u64) } else { Cell::Fixed(sev, 2) });
            row
        })
        .collect();
    Sheet { header, rows }
}
