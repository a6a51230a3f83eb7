//! The children table as plain data: headers, and per child its id and cells as text,
//! filtered and sorted as the URL says. The CSV export is built from the same model, so
//! its rows are the table's.

use crate::i18n::{name, tr};
use anju_data::format::{self, group_digits, Lang};
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

/// Builds the table for `ix`'s children at period `t`, as `view` filters and sorts it.
pub fn table_model(ds: &Dataset, ix: NodeIx, t: usize, view: &ViewState) -> TableModel {
    let (lang, sup, groups, risks) = (view.lang, view.suppress, &view.groups[..], &view.risks[..]);
    let sort = view.sort.unwrap_or(DEFAULT_SORT);
    let mut columns: Vec<(Option<Measure>, String)> = vec![(None, tr(lang, "名称", "Name").into())];
    columns.extend(COLUMNS.iter().map(|m| (Some(*m), m.label(lang))));
    columns.extend(groups.iter().map(|g| (Some(Measure::Count(g.metric())), g.label(lang).to_string())));
    columns.extend(
        risks
            .iter()
            .map(|r| (Some(Measure::Count(r.metric())), format!("{}{}", r.name(lang), tr(lang, "户", " households")))),
    );
    let kids = sort_children(ds, ix, sort.by, sort.desc, t);
    let rows = kids
        .into_iter()
        .filter(|&c| risks.is_empty() || risks.iter().any(|r| ds.node(c).m.get(r.metric(), t) > 0))
        .map(|c| {
            let n = ds.node(c);
            let people = n.m.get(Metric::People, t);
            let mut cells = vec![name(n, lang)];
            cells.extend(COLUMNS.iter().map(|m| m.shown(n, t, &ds.period_keys[t], lang, sup)));
            for g in groups {
                let v = n.m.get(g.metric(), t);
                let share = format::percent_s(v, people, sup);
                cells.push(format!("{}（{share}）", format::count_s(v, lang, sup)));
            }
            cells.extend(risks.iter().map(|r| format::count_s(n.m.get(r.metric(), t), lang, sup)));
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
