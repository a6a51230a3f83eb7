//! The children table as plain data: headers, and per child its id and cells as text,
//! filtered and sorted as the URL says. The CSV export ([`table_sheet`]) lists the same
//! rows in the same order, as plain numbers.

use crate::i18n::{name, paren, tr};
use crate::model::sheet::{self, Sheet};
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

/// The filtered columns first, after the name: each selected group, then each selected
/// risk colour (what a filter asks about must not be the last column off a phone's
/// screen); then the usual ones.
fn value_columns(view: &ViewState) -> Vec<Measure> {
    let groups = view.groups.iter().map(|g| Measure::Count(g.metric()));
    let risks = view.risks.iter().map(|r| Measure::Count(r.metric()));
    groups.chain(risks).chain(COLUMNS.iter().copied().filter(|m| !is_filtered(view, *m))).collect()
}

/// Whether `m` is a selected group's or colour's column.
fn is_filtered(view: &ViewState, m: Measure) -> bool {
    view.groups.iter().any(|g| Measure::Count(g.metric()) == m)
        || view.risks.iter().any(|r| Measure::Count(r.metric()) == m)
}

/// The children of `ix` as the table lists them at period `t`: sorted as `view` says,
/// and with a colour filter only those with any household of a selected colour (a
/// hidden count might be any, so its place stays: leaving it out would say it is zero).
pub fn table_rows(ds: &Dataset, ix: NodeIx, t: usize, view: &ViewState) -> Vec<NodeIx> {
    let s = Shown::new(ds, view.suppress);
    let sort = view.sort.unwrap_or(DEFAULT_SORT);
    let has = |c: NodeIx, m: Metric| s.count(c, m, t).is_none_or(|v| v > 0);
    sort_children(s, ix, sort.by, sort.desc, t)
        .into_iter()
        .filter(|&c| view.risks.is_empty() || view.risks.iter().any(|r| has(c, r.metric())))
        .collect()
}

/// What the table says when a colour filter left places out: how many it lists of how
/// many, and that its columns then add up to less than the place's own figures (so a
/// spreadsheet's sum is not taken for the total).
pub fn filter_note(ds: &Dataset, ix: NodeIx, listed: usize, view: &ViewState) -> Option<String> {
    let all = ds.kids[ix].len();
    if view.risks.is_empty() || listed >= all {
        return None;
    }
    let lang = view.lang;
    let colours: Vec<&str> = view.risks.iter().map(|r| lang.pick(r.metric().zh(), r.metric().en())).collect();
    Some(match lang {
        Lang::Zh => {
            format!("只列出有{}的 {listed} 个地区（共 {all} 个），各列之和因此小于上级合计。", colours.join("或"))
        }
        Lang::En => format!(
            "Only the {listed} of {all} places with {} are listed, so the columns add up to less than the total above.",
            colours.join(" or ").to_ascii_lowercase()
        ),
    })
}

/// Builds the table for `ix`'s children at period `t`, as `view` filters and sorts it
/// (with `suppress`, what [`Shown`] hides shows its mark and sorts last).
pub fn table_model(ds: &Dataset, ix: NodeIx, t: usize, view: &ViewState) -> TableModel {
    let lang = view.lang;
    let s = Shown::new(ds, view.suppress);
    let values = value_columns(view);
    // A group's column is named as its chip is ("低保对象"), others as their measure.
    let column_label = |m: Measure| match view.groups.iter().find(|g| Measure::Count(g.metric()) == m) {
        Some(g) => g.label(lang).to_string(),
        None => m.label(lang),
    };
    let mut columns: Vec<(Option<Measure>, String)> = vec![(None, tr(lang, "名称", "Name").into())];
    columns.extend(values.iter().map(|&m| (Some(m), column_label(m))));
    let rows = table_rows(ds, ix, t, view)
        .into_iter()
        .map(|c| {
            let mut cells = vec![name(ds.node(c), lang)];
            cells.extend(values.iter().map(|&m| match m {
                // A group's cell gives its share of people beside the count.
                Measure::Count(x) if view.groups.iter().any(|g| g.metric() == x) => {
                    format!("{}{}", s.count_text(c, x, t, lang), paren(lang, &s.percent_text(c, x, x.share_base(), t)))
                }
                _ => s.text(c, m, t, lang),
            }));
            (ds.node(c).id.clone(), cells)
        })
        .collect();
    TableModel { columns, rows }
}

/// The table as a spreadsheet reads it ([`crate::model::sheet`]): the same rows in the
/// same order, the place under its level's name, plain numbers with units in the
/// headers, a group's or colour's count and share in two columns, and a note column
/// with the published wording of any figure.
pub fn table_sheet(ds: &Dataset, ix: NodeIx, t: usize, view: &ViewState) -> Sheet {
    let lang = view.lang;
    let s = Shown::new(ds, view.suppress);
    let rows = table_rows(ds, ix, t, view);
    let levels = sheet::path_levels(ds, ix, &rows);
    let measures: Vec<Measure> = value_columns(view)
        .into_iter()
        .flat_map(|m| match m {
            Measure::Count(x) if is_filtered(view, m) => vec![m, Measure::Share(x)],
            _ => vec![m],
        })
        .collect();
    let mut header = sheet::path_header(&levels, lang);
    header.extend(measures.iter().map(|m| m.header(lang)));
    header.push(sheet::note_header(lang));
    let rows = rows
        .into_iter()
        .map(|c| {
            let mut cells = sheet::path_cells(ds, ix, c, &levels, lang);
            cells.extend(measures.iter().map(|&m| sheet::measure_cell(s, c, m, t)));
            cells.push(sheet::note(s, c, &measures, t, lang));
            cells
        })
        .collect();
    Sheet { header, rows }
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
