//! One register row → one household, validated field by field. A problem names the file,
//! the row (as a spreadsheet numbers it: the header is row 1), the column, the value and
//! the reason, in Chinese and English. Identity columns never reach this code.

use crate::columns::{Field, Header};
pub use crate::household::{Household, Risk, CHANNEL_FIELDS, GROUP_FIELDS};
use crate::period::{self, PeriodError};
use crate::styles::Shown;
use crate::values::{self, Norms};
use anju_data::model::Period;
use anju_data::relations;
use std::borrow::Cow;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Missing,
    NotANumber,
    Negative,
    NotWhole,
    TooLarge,
    BadPeriod,
    AmbiguousPeriod,
    BadRisk,
    BadYesNo,
    Inconsistent,
    FieldCount,
    Encoding,
}

impl Kind {
    pub fn zh(self) -> &'static str {
        match self {
            Kind::Missing => "必填项为空（或只写了“/”“无”）",
            Kind::NotANumber => "不是数字",
            Kind::Negative => "不能为负数",
            Kind::NotWhole => "应为整数",
            Kind::TooLarge => "数值过大",
            Kind::BadPeriod => "统计期格式无效",
            Kind::AmbiguousPeriod => {
                "统计期可能是1月也可能是10月（Excel 把 2025.10 存成 2025.1）：请写作 2025-01 或 2025-10"
            }
            Kind::BadRisk => "风险等级应为红、黄或绿",
            Kind::BadYesNo => "应为“是”或“否”",
            Kind::Inconsistent => "与同一行其他数字矛盾",
            Kind::FieldCount => "列数与表头不符",
            Kind::Encoding => "文字编码无效",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Kind::Missing => "a required value is empty (or only \"/\", \"无\")",
            Kind::NotANumber => "not a number",
            Kind::Negative => "must not be negative",
            Kind::NotWhole => "must be a whole number",
            Kind::TooLarge => "too large",
            Kind::BadPeriod => "invalid period",
            Kind::AmbiguousPeriod => {
                "the period may be January or October (Excel stores 2025.10 as 2025.1): write 2025-01 or 2025-10"
            }
            Kind::BadRisk => "risk colour must be red, yellow or green",
            Kind::BadYesNo => "must be yes or no",
            Kind::Inconsistent => "contradicts other numbers in the row",
            Kind::FieldCount => "the number of cells differs from the header",
            Kind::Encoding => "invalid text encoding",
        }
    }
}

/// A located problem with a row.
#[derive(Clone, Debug, PartialEq)]
pub struct RowProblem {
    pub file: String,
    pub row: u64,
    pub column: String,
    pub value: String,
    pub kind: Kind,
    /// What exactly, when the kind alone does not say (for Inconsistent).
    pub detail_zh: String,
    pub detail_en: String,
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} 第{}行 [{}] \"{}\": {}{} / row {} column {} value \"{}\": {}{}",
            self.file,
            self.row,
            self.column,
            self.value,
            self.kind.zh(),
            self.detail_zh,
            self.row,
            self.column,
            self.value,
            self.kind.en(),
            self.detail_en
        )
    }
}

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

fn clip(s: &str) -> String {
    anju_data::text::clip(s.trim(), 20)
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
    let mut norms = Norms::default();
    let mut problems = Vec::new();
    let problem = |column: &str, value: &str, kind: Kind, zh: String, en: String| RowProblem {
        file: file.to_string(),
        row,
        column: column.to_string(),
        value: clip(value),
        kind,
        detail_zh: zh,
        detail_en: en,
    };
    // A CSV row's cell count must match its header's; a sheet's rows end where their data
    // ends (`expected_len` 0: not checked).
    if expected_len > 0 && cells.width() != expected_len {
        return Err(vec![problem(
            "",
            "",
            Kind::FieldCount,
            format!("（{} 列，表头 {} 列）", cells.width(), expected_len),
            format!(" ({} cells, header has {})", cells.width(), expected_len),
        )]);
    }
    let mut text = |f: Field| -> Option<String> {
        let &(_, i) = header.fields.iter().find(|(g, _)| *g == f)?;
        match cells.cell(i) {
            Some(v) => Some(v.trim().to_string()),
            None => {
                problems.push(problem(f.header(), "", Kind::Encoding, String::new(), String::new()));
                None
            }
        }
    };
    // Dense by field: each lookup below is an index, not a search (20-odd lookups a row,
    // 2.6 million rows at national scale).
    let mut vals: [Option<String>; crate::columns::N_FIELDS] = Default::default();
    let mut present = [false; crate::columns::N_FIELDS];
    for &(f, _) in &header.fields {
        vals[f as usize] = text(f);
        present[f as usize] = true;
    }
    fn cell(vals: &[Option<String>], f: Field) -> &str {
        vals[f as usize].as_deref().unwrap_or("")
    }
    let get = |f: Field| cell(&vals, f);
    let required = |f: Field, problems: &mut Vec<RowProblem>| -> String {
        let v = get(f);
        if v.is_empty() {
            problems.push(problem(f.header(), "", Kind::Missing, String::new(), String::new()));
        }
        v.to_string()
    };
    // A column the sheet does not have takes the value given for the whole sheet (from its
    // title rows, its name, the file's name or the command line).
    let has = |f: Field| present[f as usize];
    let place = |k: usize, f: Field, problems: &mut Vec<RowProblem>| -> String {
        match (&given.place[k], has(f)) {
            (Some(v), false) => v.clone(),
            _ if k == 3 || k == 4 => get(f).to_string(),
            _ => required(f, problems),
        }
    };
    // Names trimmed of full-width spaces too and in NFC, so that one place is one node.
    let path = [
        place(0, Field::City, &mut problems),
        place(1, Field::County, &mut problems),
        place(2, Field::Site, &mut problems),
        place(3, Field::Community, &mut problems),
        place(4, Field::Grid, &mut problems),
        place(5, Field::Building, &mut problems),
    ]
    .map(|n| match crate::names::clean(&n) {
        std::borrow::Cow::Borrowed(c) if c.len() == n.len() => n,
        c => c.into_owned(),
    });
    let period_s = match (given.period, has(Field::Period)) {
        (Some(p), false) => p.to_string(),
        _ => required(Field::Period, &mut problems),
    };
    let period = if period_s.is_empty() {
        None
    } else {
        let at = header.fields.iter().find(|(f, _)| *f == Field::Period).map(|&(_, i)| i);
        let read = match at.and_then(|i| cells.number(i)) {
            Some(Number::Value(v, shown)) => period::from_number(v, shown),
            Some(Number::Date(y, m)) => period::from_date(y, m),
            None => period::from_text(&period_s),
        };
        match read {
            Ok(p) => Some(p),
            Err(e) => {
                let kind = if e == PeriodError::Ambiguous { Kind::AmbiguousPeriod } else { Kind::BadPeriod };
                problems.push(problem(Field::Period.header(), &period_s, kind, String::new(), String::new()));
                None
            }
        }
    };
    let mut count = |f: Field, problems: &mut Vec<RowProblem>| -> u64 {
        // A column the sheet lacks is 0 and not a normalisation: nothing was assumed of a cell.
        if !has(f) {
            return 0;
        }
        let v = get(f);
        // Every household has at least one member: no size, or "/" for it, is a gap in the
        // register, not a household of none.
        if f == Field::Size && (v.is_empty() || values::is_none_word(v)) {
            problems.push(problem(f.header(), v, Kind::Missing, String::new(), String::new()));
            return 0;
        }
        match values::count(v, &mut norms) {
            Ok(n) => n,
            Err(k) => {
                problems.push(problem(f.header(), v, k, String::new(), String::new()));
                0
            }
        }
    };
    let size = count(Field::Size, &mut problems);
    let labour = count(Field::Labour, &mut problems);
    let channels = CHANNEL_FIELDS.map(|f| count(f, &mut problems));
    let trained = count(Field::Trained, &mut problems);
    let groups = GROUP_FIELDS.map(|f| count(f, &mut problems));
    let income_s = get(Field::Income);
    let income = match values::money(income_s, &mut norms) {
        Ok(v) => v,
        Err(k) => {
            problems.push(problem(Field::Income.header(), income_s, k, String::new(), String::new()));
            None
        }
    };
    let colour_s = get(Field::RiskColour);
    let colour = values::colour(colour_s).unwrap_or_else(|| {
        problems.push(problem(Field::RiskColour.header(), colour_s, Kind::BadRisk, String::new(), String::new()));
        Risk::Green
    });
    let yes_no = |f: Field, problems: &mut Vec<RowProblem>| -> bool {
        let v = get(f);
        values::yes_no(v).unwrap_or_else(|| {
            problems.push(problem(f.header(), v, Kind::BadYesNo, String::new(), String::new()));
            false
        })
    };
    let monitored = yes_no(Field::Monitored, &mut problems);
    let eliminated = yes_no(Field::RiskEliminated, &mut problems);
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
    });
    if let (true, Some(h)) = (problems.is_empty(), &household) {
        // Consistency within the household: the relations the validator checks at every
        // node (relations::RELATIONS), on this household's own counts.
        let m = h.metrics();
        let mut seen = Vec::new();
        for r in relations::broken(|x| m[x.index()]) {
            let Some(f) = Field::of_metric(r.lhs[0].m) else { continue };
            if seen.contains(&f) {
                continue;
            }
            seen.push(f);
            let (l, rv) = r.sides(|x| m[x.index()]);
            // The cell as written (a size, a count; never a name): what the office looks up.
            let value = get(f);
            let (zh, en) = r.broken_text(l, rv);
            problems.push(problem(f.header(), value, Kind::Inconsistent, format!("：{zh}"), format!(": {en}")));
        }
    }
    match (problems.is_empty(), household) {
        (true, Some(h)) => Ok((h, norms)),
        _ => Err(problems),
    }
}
