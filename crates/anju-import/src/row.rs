//! One register row → one household, validated field by field. A problem names the file,
//! the row (as a spreadsheet numbers it: the header is row 1), the column, the value and
//! the reason, in Chinese and English. Identity columns never reach this code.

use crate::columns::{Field, Header};
pub use crate::household::{Household, Risk, CHANNEL_FIELDS, GROUP_FIELDS};
use crate::period::{self, PeriodError};
pub use crate::problem::{Kind, RowProblem};
use crate::styles::Shown;
use crate::values::{self, Norms};
use anju_data::model::Period;
use anju_data::relations;
use std::borrow::Cow;

/// Reads one cell (decoded only when asked for).
pub trait Cells {
    /// How many cells the row has.
    fn width(&self) -> usize;
    /// The cell's text, or `None` when its bytes are not valid in the file's encoding.
    fn cell(&self, i: usize) -> Option<Cow<'_, str>>;
    /// The cell as a number or a date, where it is one (workbooks); CSV cells are text.
    fn number(&self, _i: usize) -> Option<Number> {
        None
    }
}

/// Values a sheet gives for columns it does not have: its period and place, from its
/// title rows, its name, the file's name or the command line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Given {
    pub period: Option<Period>,
    /// 市, 县, 安置点, 社区, 网格, 楼栋.
    pub place: [Option<String>; 6],
}

/// A workbook cell that holds a number: its value and how the sheet shows it, or a date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    Value(f64, Shown),
    Date(i32, u32),
}

/// Parses row `row` (1-based, header = 1) of `file`. Returns every problem in the row.
pub fn parse_row<C: Cells + ?Sized>(
    file: &str,
    row: u64,
    header: &Header,
    given: &Given,
    expected_len: usize,
    cells: &C,
) -> Result<(Household, Norms), Vec<RowProblem>> {
    // A CSV row's cell count must match its header's; a sheet's rows end where their data
    // ends (`expected_len` 0: not checked).
    if expected_len > 0 && cells.width() != expected_len {
        let (w, e) = (cells.width(), expected_len);
        let p = Row::problem_at(file, row, "", "", Kind::FieldCount);
        return Err(vec![p.detail(format!("（{w} 列，表头 {e} 列）"), format!(" ({w} cells, header has {e})"))]);
    }
    let mut r = Row::read(file, row, header, cells);
    let path = r.path(given);
    let period = r.period(given, header, cells);
    let size = r.count(Field::Size);
    let labour = r.count(Field::Labour);
    let channels = CHANNEL_FIELDS.map(|f| r.count(f));
    let trained = r.count(Field::Trained);
    let groups = GROUP_FIELDS.map(|f| r.count(f));
    let income = r.income();
    let colour = r.colour();
    let monitored = r.yes_no(Field::Monitored);
    let eliminated = r.yes_no(Field::RiskEliminated);
    let household = period.map(|period| Household {
        period,
        path,
        size,
        labour,
        channels,
        income,
        trained,
        groups,
        colour,
        monitored,
        eliminated,
        sheet: Default::default(),
    });
    if let (true, Some(h)) = (r.problems.is_empty(), &household) {
        r.consistency(h);
    }
    match (r.problems.is_empty(), household) {
        (true, Some(h)) => Ok((h, r.norms)),
        _ => Err(r.problems),
    }
}

/// Field `f`'s text in a row's cells ("" where the sheet lacks the column).
fn cell(vals: &[Option<String>], f: Field) -> &str {
    vals[f as usize].as_deref().unwrap_or("")
}

/// One row being read: its cells' text by field, and what reading them found.
struct Row<'a> {
    file: &'a str,
    row: u64,
    /// Dense by field: each lookup is an index, not a search (20-odd lookups a row, 2.6
    /// million rows at national scale).
    vals: [Option<String>; crate::columns::N_FIELDS],
    present: [bool; crate::columns::N_FIELDS],
    norms: Norms,
    problems: Vec<RowProblem>,
}

impl<'a> Row<'a> {
    /// A problem with a cell: its value shown only as `problem::seen` allows.
    fn problem_at(file: &str, row: u64, column: &str, value: &str, kind: Kind) -> RowProblem {
        RowProblem::new(file, row, column, value, kind)
    }

    /// Each mapped column's text, trimmed; a cell not valid in the file's encoding is a
    /// problem.
    fn read<C: Cells + ?Sized>(file: &'a str, row: u64, header: &Header, cells: &C) -> Row<'a> {
        let mut r = Row {
            file,
            row,
            vals: Default::default(),
            present: [false; crate::columns::N_FIELDS],
            norms: Norms::default(),
            problems: Vec::new(),
        };
        for &(f, i) in &header.fields {
            r.present[f as usize] = true;
            match cells.cell(i) {
                Some(v) => r.vals[f as usize] = Some(v.trim().to_string()),
                None => r.push(f, "", Kind::Encoding),
            }
        }
        r
    }

    fn push(&mut self, f: Field, value: &str, kind: Kind) {
        self.problems.push(Self::problem_at(self.file, self.row, f.header(), value, kind));
    }

    fn get(&self, f: Field) -> &str {
        cell(&self.vals, f)
    }

    /// Whether the sheet has the column.
    fn has(&self, f: Field) -> bool {
        self.present[f as usize]
    }

    fn required(&mut self, f: Field) -> String {
        let v = self.get(f).to_string();
        if v.is_empty() {
            self.push(f, "", Kind::Missing);
        }
        v
    }

    /// The place, city to building. A column the sheet does not have takes the value
    /// given for the whole sheet (from its title rows, its name, the file's name or the
    /// command line); community and grid may be empty. Names trimmed of full-width spaces
    /// too and in NFC, so that one place is one node.
    fn path(&mut self, given: &Given) -> [String; 6] {
        const LEVELS: [Field; 6] =
            [Field::City, Field::County, Field::Site, Field::Community, Field::Grid, Field::Building];
        let mut out: [String; 6] = Default::default();
        for (k, f) in LEVELS.into_iter().enumerate() {
            let n = match (&given.place[k], self.has(f)) {
                (Some(v), false) => v.clone(),
                _ if k == 3 || k == 4 => self.get(f).to_string(),
                _ => self.required(f),
            };
            out[k] = match crate::names::clean(&n) {
                Cow::Borrowed(c) if c.len() == n.len() => n,
                c => c.into_owned(),
            };
            // A phone or an ID number typed into a place's column would be published as a
            // name: the row is refused, its value described by its shape only.
            if crate::problem::personal_number(&out[k]) {
                let v = std::mem::take(&mut out[k]);
                self.push(f, &v, Kind::PersonalNumber);
            }
        }
        out
    }

    /// The period: given for the sheet, or the cell as a number, a date or text.
    fn period<C: Cells + ?Sized>(&mut self, given: &Given, header: &Header, cells: &C) -> Option<Period> {
        let shown = match (given.period, self.has(Field::Period)) {
            (Some(p), false) => p.to_string(),
            _ => self.required(Field::Period),
        };
        if shown.is_empty() {
            return None;
        }
        let at = header.fields.iter().find(|(f, _)| *f == Field::Period).map(|&(_, i)| i);
        let read = match at.and_then(|i| cells.number(i)) {
            Some(Number::Value(v, form)) => period::from_number(v, form),
            Some(Number::Date(y, m)) => period::from_date(y, m),
            None => period::from_text(&shown),
        };
        read.map_err(|e| {
            let kind = if e == PeriodError::Ambiguous { Kind::AmbiguousPeriod } else { Kind::BadPeriod };
            let (zh, en) = e.words();
            let p = Self::problem_at(self.file, self.row, Field::Period.header(), &shown, kind);
            self.problems.push(p.detail(zh, en));
        })
        .ok()
    }

    /// A count. A column the sheet lacks is 0 and not a normalisation: nothing was
    /// assumed of a cell.
    fn count(&mut self, f: Field) -> u64 {
        if !self.has(f) {
            return 0;
        }
        // Borrowed from the row's own cells, not copied: this runs 20 times a row.
        let v = cell(&self.vals, f);
        // Every household has at least one member: no size, or "/" for it, is a gap in
        // the register, not a household of none.
        let result = if f == Field::Size && (v.is_empty() || values::is_none_word(v)) {
            Err(Kind::Missing)
        } else {
            values::count(v, &mut self.norms)
        };
        match result {
            Ok(n) if n > values::MAX_HOUSEHOLD_PEOPLE => {
                let max = values::MAX_HOUSEHOLD_PEOPLE;
                let p = Self::problem_at(self.file, self.row, f.header(), v, Kind::Implausible).detail(
                    format!("：一户最多计 {max} 人（安置台账一户很少超过 15 人）；这多半是录入错误、整栋或整点的合计，或填错列的号码，请改为这一户的人数"),
                    format!(": at most {max} people are counted for one household (resettled households rarely exceed 15); this is likely a typing slip, a building's or site's total, or a number in the wrong column: write this household's own count"),
                );
                self.problems.push(p);
                0
            }
            Ok(n) => n,
            Err(k) => {
                self.problems.push(Self::problem_at(self.file, self.row, f.header(), v, k));
                0
            }
        }
    }

    fn income(&mut self) -> Option<f64> {
        let v = cell(&self.vals, Field::Income);
        values::money(v, &mut self.norms).unwrap_or_else(|k| {
            self.problems.push(Self::problem_at(self.file, self.row, Field::Income.header(), v, k));
            None
        })
    }

    fn colour(&mut self) -> Risk {
        let v = cell(&self.vals, Field::RiskColour);
        values::colour(v).unwrap_or_else(|| {
            self.problems.push(Self::problem_at(self.file, self.row, Field::RiskColour.header(), v, Kind::BadRisk));
            Risk::Green
        })
    }

    fn yes_no(&mut self, f: Field) -> bool {
        let v = cell(&self.vals, f);
        values::yes_no(v).unwrap_or_else(|| {
            self.problems.push(Self::problem_at(self.file, self.row, f.header(), v, Kind::BadYesNo));
            false
        })
    }

    /// Consistency within the household: the relations the validator checks at every
    /// node (relations::RELATIONS), on this household's own counts; one problem per
    /// column, naming the cell as written (a size, a count; never a name).
    fn consistency(&mut self, h: &Household) {
        let m = h.metrics();
        let mut seen = Vec::new();
        for r in relations::broken(|x| m[x.index()]) {
            let Some(f) = Field::of_metric(r.lhs[0].m) else { continue };
            if seen.contains(&f) {
                continue;
            }
            seen.push(f);
            let (l, rv) = r.sides(|x| m[x.index()]);
            let (zh, en) = r.broken_text(l, rv);
            let p = Self::problem_at(self.file, self.row, f.header(), self.get(f), Kind::Inconsistent);
            self.problems.push(p.detail(format!("：{zh}"), format!(": {en}")));
        }
    }
}
