//! Tables as a spreadsheet reads them, for every CSV export (the children table, the
//! where-to-go lists, the alerts): plain numbers that add up (123456, not 12.3万; 92.09,
//! not 92.1%; 11128.61, not "11,128.61元"), the unit in the header, a place's path one
//! column per level, a published figure's wording in a note column beside the stored
//! count, and on a public display the mark where a figure is hidden.

use crate::i18n::{level, name, tr};
use anju_data::disclosure::{Shown, MARK};
use anju_data::format::Lang;
use anju_data::view::measure::Measure;
use anju_data::view::published::written_form;
use anju_data::{Dataset, Level, Metric, NodeIx};

/// One cell: text, or a number as a spreadsheet stores it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    /// A count (people, households, places).
    Int(u64),
    /// A rate in per cent or an amount in yuan, with its decimals.
    Fixed(f64, usize),
    /// Hidden on a public display ([`MARK`]).
    Hidden,
    /// Undefined (a rate over nothing) or not applicable.
    Empty,
}

impl Cell {
    /// The cell as the CSV holds it. Only text can be a formula, so only text is guarded
    /// ([`anju_data::text::csv_cell`]); a negative number stays a number.
    pub fn csv(&self) -> String {
        match self {
            Cell::Text(s) => anju_data::text::csv_cell(s).into_owned(),
            Cell::Int(n) => n.to_string(),
            Cell::Fixed(v, d) => format!("{v:.d$}", d = *d),
            Cell::Hidden => MARK.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// A table to export: headers (with units) and rows of cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    /// The rows as CSV fields, header first.
    pub fn records(&self) -> Vec<Vec<String>> {
        let head = self.header.iter().map(|h| Cell::Text(h.clone()).csv()).collect();
        std::iter::once(head).chain(self.rows.iter().map(|r| r.iter().map(Cell::csv).collect())).collect()
    }
}

/// `measure` at `ix` as a cell: a count whole, a rate or share in per cent with two
/// decimals (one more than the page shows), income in yuan with two; hidden where `s`
/// hides it, empty where undefined.
pub fn measure_cell(s: Shown, ix: NodeIx, measure: Measure, t: usize) -> Cell {
    if s.hides(ix, measure, t) {
        return Cell::Hidden;
    }
    match (measure, measure.value(s.ds.node(ix), t)) {
        (_, None) => Cell::Empty,
        (Measure::Count(m), _) => Cell::Int(s.ds.node(ix).m.get(m, t)),
        (Measure::EmploymentRate | Measure::Share(_), Some(v)) => Cell::Fixed(v * 100.0, 2),
        (Measure::IncomePerCapita, Some(v)) => Cell::Fixed(v, 2),
    }
}

/// A count as a cell.
pub fn count_cell(s: Shown, ix: NodeIx, m: Metric, t: usize) -> Cell {
    measure_cell(s, ix, Measure::Count(m), t)
}

/// The levels a path below `from` runs through for `rows`, top down: the columns of a
/// path (安置点, 社区, 网格, 楼栋), only those some row's path has.
pub fn path_levels(ds: &Dataset, from: NodeIx, rows: &[NodeIx]) -> Vec<Level> {
    let mut used = [false; Level::ALL.len()];
    for &r in rows {
        for i in below(ds, from, r) {
            used[ds.node(i).level as usize] = true;
        }
    }
    Level::ALL.iter().copied().filter(|l| used[*l as usize]).collect()
}

/// The places on the path from below `from` down to `ix`, top down.
fn below(ds: &Dataset, from: NodeIx, ix: NodeIx) -> Vec<NodeIx> {
    let path = ds.path(ix);
    let start = path.iter().position(|&i| i == from).map_or(0, |p| p + 1);
    path[start..].to_vec()
}

/// The path's headers: one per level.
pub fn path_header(levels: &[Level], lang: Lang) -> Vec<String> {
    levels.iter().map(|&l| level(l, lang).to_string()).collect()
}

/// `ix`'s path below `from` as cells, one per level of `levels` (empty where the path
/// skips a level).
pub fn path_cells(ds: &Dataset, from: NodeIx, ix: NodeIx, levels: &[Level], lang: Lang) -> Vec<Cell> {
    let path = below(ds, from, ix);
    levels
        .iter()
        .map(|&l| match path.iter().find(|&&i| ds.node(i).level == l) {
            Some(&i) => Cell::Text(name(ds.node(i), lang)),
            None => Cell::Empty,
        })
        .collect()
}

/// The note column's header.
pub fn note_header(lang: Lang) -> String {
    tr(lang, "说明", "Note").to_string()
}

/// The note of `ix`: each of `measures` that is published for period `t` in its source's
/// own words ("搬迁人口：约29.3万"), where the stored count sits in its column. Empty
/// where none is, and for a hidden figure (its words would give it away).
pub fn note(s: Shown, ix: NodeIx, measures: &[Measure], t: usize, lang: Lang) -> Cell {
    let n = s.ds.node(ix);
    let period = &s.ds.period_keys[t];
    let parts: Vec<String> = measures
        .iter()
        .filter(|&&m| !s.hides(ix, m, t))
        .filter_map(|&m| {
            let words = written_form(n, &m.key(), period, lang)?;
            Some(match lang {
                Lang::Zh => format!("{}：公布为{words}", m.label(lang)),
                Lang::En => format!("{}: published as {words}", m.label(lang)),
            })
        })
        .collect();
    if parts.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(parts.join(tr(lang, "；", "; ")))
    }
}
