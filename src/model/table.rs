//! The children table as plain data: headers, and per child its id and cells as text,
//! filtered and sorted as the URL says. The CSV export is built from the same model, so
//! its rows are the table's.

use crate::i18n::{name, tr};
use anju_data::disclosure::Shown;
use anju_data::format::{group_digits, Lang};
use anju_data::view::measure::{sort_children, Measure};
use anju_data::view::page::Page;
use anju_data::view::query::{Sort, ViewState};
use anju_data::{Dataset, Metric, NodeIx};

/// The table's value columns before any filter.
pub const COLUMNS: [Measure; 6] = [
    Measure::Count(Metric::People),
    Measure::Count(Metric::Households),
    Measure::EmploymentRate,
    Measure::IncomePerCapita,
    Measure::Count(Metric::MonitoredHouseholds),
    Measure::Count(Metric::ZeroEmploymentHouseholds),
];

/// What the table shows: headers, and per row the child's id and its cells as text.
#[derive(Clone, Debug, PartialEq)]
pub struct TableModel {
    pub columns: Vec<(Option<Measure>, String)>,
    pub rows: Vec<(String, Vec<String>)>,
}

/// Largest places first until someone clicks a header.
pub const DEFAULT_SORT: Sort = Sort { by: Some(Measure::Count(Metric::People)), desc: true };

/// Builds the table for `ix`'s children at period `t`, as `view` filters and sorts it
/// (with `suppress`, what [`Shown`] hides shows its mark and sorts last).
pub fn table_model(ds: &Dataset, ix: NodeIx, t: usize, view: &ViewState) -> TableModel {
    let (lang, groups, risks) = (view.lang, &view.groups[..], &view.risks[..]);
    let s = Shown::new(ds, view.suppress);
    let sort = view.sort.unwrap_or(DEFAULT_SORT);
    let mut columns: Vec<(Option<Measure>, String)> = vec![(None, tr(lang, "名称", "Name").into())];
    columns.extend(COLUMNS.iter().map(|m| (Some(*m), m.label(lang))));
    columns.extend(groups.iter().map(|g| (Some(Measure::Count(g.metric())), g.label(lang).to_string())));
    columns.extend(
        risks
            .iter()
            .map(|r| (Some(Measure::Count(r.metric())), format!("{}{}", r.name(lang), tr(lang, "户", " households")))),
    );
    let kids = sort_children(s, ix, sort.by, sort.desc, t);
    // A colour filter keeps the places with any of it; a hidden count might be any, so
    // its place stays (leaving it out would say it is zero).
    let has = |c: NodeIx, m: Metric| s.count(c, m, t).is_none_or(|v| v > 0);
    let rows = kids
        .into_iter()
        .filter(|&c| risks.is_empty() || risks.iter().any(|r| has(c, r.metric())))
        .map(|c| {
            let n = ds.node(c);
            let mut cells = vec![name(n, lang)];
            cells.extend(COLUMNS.iter().map(|&m| s.text(c, m, t, lang)));
            for g in groups {
                let m = g.metric();
                let share = s.percent_text(c, m, Metric::People, t);
                cells.push(format!("{}（{share}）", s.count_text(c, m, t, lang)));
            }
            cells.extend(risks.iter().map(|r| s.count_text(c, r.metric(), t, lang)));
            (n.id.clone(), cells)
        })
        .collect();
    TableModel { columns, rows }
}

/// The sort a click on column `col` (`None`: the name) asks for: a second click on the
/// sorted column reverses it; a new column starts highest first, names in order.
pub fn next_sort(current: Sort, col: Option<Measure>) -> Sort {
    let active = current.by == col;
    Sort { by: col, desc: if active { !current.desc } else { col.is_some() } }
}

/// The arrow after column `col`'s header and its `aria-sort`.
pub fn sort_marks(current: Sort, col: Option<Measure>) -> (&'static str, &'static str) {
    match (current.by == col, current.desc) {
        (false, _) => ("", "none"),
        (true, true) => (" ▼", "descending"),
        (true, false) => (" ▲", "ascending"),
    }
}

/// What the pager says of page `p` of `total` rows.
pub fn pager_text(p: &Page, total: usize, lang: Lang) -> String {
    let (from, to, all) = (group_digits(p.start as u64 + 1), group_digits(p.end as u64), group_digits(total as u64));
    match lang {
        Lang::Zh => format!("第 {from}–{to} 行，共 {all} 行（第 {}/{} 页）", p.number, p.pages),
        Lang::En => format!("Rows {from}–{to} of {all} (page {} of {})", p.number, p.pages),
    }
}
