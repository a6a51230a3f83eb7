//! What a run found, for the closing summary: files, rows by kind, problems, conflicts,
//! names and columns. Counts and locations only, never a personal value.

use crate::columns::Field;
use crate::files::NotRead;
use crate::flags::give;
use crate::row::{Kind, RowProblem};
use crate::sheet::TotalCheck;
use crate::table::RowKind;
use crate::Skip;
use anju_data::import::Choice;
use anju_data::model::Period;
use std::collections::BTreeMap;

/// A building and period that two files both hold households of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overlap {
    pub building: String,
    pub period: Period,
    pub first: String,
    pub second: String,
}

/// What happened, for the closing summary.
#[derive(Debug, Default)]
pub struct Summary {
    /// The dataset's figures per period (set when the dataset is built).
    pub totals: Vec<anju_data::import::PeriodTotals>,
    /// Files read, with their format (`csv`, `xlsx` …).
    pub files: Vec<(String, &'static str)>,
    /// Household rows read (good and bad).
    pub rows: u64,
    pub households: u64,
    pub people: u64,
    pub bad_rows: u64,
    /// Rows with every cell empty (not households; counted so nothing goes unmentioned).
    pub blank_rows: u64,
    /// Other rows that are not households (小计, 合计, notes, repeated headers), by kind.
    pub not_households: BTreeMap<RowKind, u64>,
    /// 小计 and 合计 rows whose figure is not the sum of the households above them.
    pub total_checks: Vec<(String, TotalCheck)>,
    /// Sheets not read, and why (hidden, empty, no header …).
    pub skipped_sheets: Vec<(String, Skip)>,
    /// Period and place taken from elsewhere than a column, per sheet.
    pub given: Vec<(String, Field, String, crate::Origin)>,
    /// Value normalisations over every household read.
    pub norms: crate::values::Norms,
    /// The first problems, in order (every problem is counted in `by_kind`).
    pub problems: Vec<RowProblem>,
    pub by_kind: BTreeMap<Kind, u64>,
    /// (file, header) of identity columns found and skipped.
    pub identity_columns: Vec<(String, String)>,
    pub ignored_columns: Vec<(String, String)>,
    /// Files in the inputs that were not read, and why (copies, temporary files …).
    pub not_read: Vec<(String, NotRead)>,
    /// Register files that could not be read: (file, message naming the file and what to
    /// change).
    pub refused: Vec<(String, String)>,
    /// The same building and period in two files (refused unless `allow_split`).
    pub overlaps: Vec<Overlap>,
    /// Place names that may be one place spelled two ways, with their household rows.
    pub near_duplicates: Vec<crate::names::NearDuplicate>,
    /// Aliases applied: (variant, household rows), and variants that matched nothing.
    pub aliased: Vec<(String, u64)>,
    pub unused_aliases: Vec<String>,
    pub nodes: usize,
    pub periods: usize,
    /// Seconds the run took (set by the caller, which has a clock).
    pub seconds: f64,
}

/// What to change when a sheet lacks required columns: (Chinese, English).
pub fn missing_columns(cols: &[Field]) -> (String, String) {
    let c: Vec<&str> = cols.iter().map(|f| f.header()).collect();
    let mut zh = format!("缺少必需的列 {}，未读取", c.join("、"));
    let mut en = format!("required columns missing ({}), not read", c.join(", "));
    if cols.contains(&Field::Period) {
        let (gz, ge) = give(Choice::Period, ("2025-06", "2025-06"));
        zh.push_str(&format!("；统计期可写在标题行（如“统计时间：2025年6月”）、工作表名或文件名中，否则请{gz}"));
        en.push_str(&format!(
            "; the period may stand in a title row (统计时间：2025年6月), the sheet's or file's name, or else {ge}"
        ));
    }
    if cols.iter().any(|f| matches!(f, Field::City | Field::County | Field::Site)) {
        let (gz, ge) = give(Choice::Place, ("市/县/安置点", "city/county/site"));
        zh.push_str(&format!("；地点可{gz}"));
        en.push_str(&format!("; for the place, {ge}"));
    }
    (zh, en)
}

impl Summary {
    /// Whether the output leaves something out: rows or files refused (exit code 2).
    pub fn partial(&self) -> bool {
        self.bad_rows > 0 || !self.refused.is_empty() || self.not_read.iter().any(|(_, w)| w.refused())
    }

    /// Files refused: could not be read, or not read (copies, unreadable).
    pub fn refused_files(&self) -> usize {
        self.refused.len() + self.not_read.iter().filter(|(_, w)| w.refused()).count()
    }

    /// Takes in what a file's sheets report; `Err` with (sheet, Chinese, English) when no
    /// sheet could be read for lack of columns (what to add is in the message).
    pub(crate) fn take(&mut self, name: &str, report: &crate::Report) -> Result<(), (String, String, String)> {
        for s in &report.sheets {
            let at = if s.sheet.is_empty() { name.to_string() } else { format!("{name} [{}]", s.sheet) };
            self.identity_columns.extend(s.columns.identity.iter().map(|c| (at.clone(), c.clone())));
            self.ignored_columns.extend(s.columns.ignored.iter().map(|c| (at.clone(), c.clone())));
            for (kind, n) in &s.kinds {
                match kind {
                    RowKind::Household => {}
                    RowKind::Blank => self.blank_rows += n,
                    other => *self.not_households.entry(*other).or_insert(0) += n,
                }
            }
            self.total_checks.extend(s.total_checks.iter().map(|c| (at.clone(), c.clone())));
            self.given.extend(s.given.iter().map(|(f, v, o)| (at.clone(), *f, v.clone(), o.clone())));
            self.norms.merge(&s.norms);
            match &s.skipped {
                Some(Skip::MissingColumns(cols)) if report.sheets.iter().all(|t| t.skipped.is_some()) => {
                    let (zh, en) = missing_columns(cols);
                    return Err((at, zh, en));
                }
                Some(why) => self.skipped_sheets.push((at, why.clone())),
                None => {}
            }
        }
        Ok(())
    }
}
