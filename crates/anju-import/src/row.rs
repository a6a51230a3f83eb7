//! One register row → one household, validated field by field. A problem names the file,
//! the row (as a spreadsheet numbers it: the header is row 1), the column, the value and
//! the reason, in Chinese and English. Identity columns never reach this code.

use crate::columns::{Field, Header};
pub use crate::household::{Colour, Household, CHANNEL_FIELDS, GROUP_FIELDS};
use crate::period::{self, PeriodError};
use crate::styles::Shown;
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
            Kind::Missing => "必填项为空",
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
            Kind::Missing => "a required value is empty",
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

/// A workbook cell that holds a number: its value and how the sheet shows it, or a date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    Value(f64, Shown),
    Date(i32, u32),
}

fn parse_count(s: &str) -> Result<u64, Kind> {
    let t = s.trim();
    if let Ok(v) = t.parse::<u64>() {
        return if v > 1_000_000 { Err(Kind::TooLarge) } else { Ok(v) };
    }
    match t.parse::<f64>() {
        Ok(v) if v < 0.0 => Err(Kind::Negative),
        Ok(v) if v.fract() != 0.0 => Err(Kind::NotWhole),
        Ok(v) if v > 1_000_000.0 => Err(Kind::TooLarge),
        Ok(v) if v.is_finite() => Ok(v as u64),
        _ if t.starts_with('-') && t[1..].trim().parse::<f64>().is_ok() => Err(Kind::Negative),
        _ => Err(Kind::NotANumber),
    }
}

fn clip(s: &str) -> String {
    anju_data::text::clip(s.trim(), 20)
}

/// Parses row `row` (1-based, header = 1) of `file`. Returns every problem in the row.
pub fn parse_row<C: Cells + ?Sized>(
    file: &str,
    row: u64,
    header: &Header,
    expected_len: usize,
    cells: &C,
) -> Result<Household, Vec<RowProblem>> {
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
    let mut vals: Vec<(Field, Option<String>)> = Vec::with_capacity(header.fields.len());
    for &(f, _) in &header.fields {
        vals.push((f, text(f)));
    }
    let get = |f: Field| vals.iter().find(|(g, _)| *g == f).and_then(|(_, v)| v.clone()).unwrap_or_default();
    let required = |f: Field, problems: &mut Vec<RowProblem>| -> String {
        let v = get(f);
        if v.is_empty() {
            problems.push(problem(f.header(), "", Kind::Missing, String::new(), String::new()));
        }
        v
    };
    let period_s = required(Field::Period, &mut problems);
    let path = [
        required(Field::City, &mut problems),
        required(Field::County, &mut problems),
        required(Field::Site, &mut problems),
        get(Field::Community),
        get(Field::Grid),
        required(Field::Building, &mut problems),
    ];
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
    let count = |f: Field, problems: &mut Vec<RowProblem>| -> u64 {
        let v = get(f);
        if v.is_empty() {
            if f == Field::Size {
                problems.push(problem(f.header(), "", Kind::Missing, String::new(), String::new()));
            }
            return 0;
        }
        match parse_count(&v) {
            Ok(n) => n,
            Err(k) => {
                problems.push(problem(f.header(), &v, k, String::new(), String::new()));
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
    let income = if income_s.is_empty() {
        None
    } else {
        match income_s.replace(',', "").parse::<f64>() {
            Ok(v) if v < 0.0 => {
                problems.push(problem(Field::Income.header(), &income_s, Kind::Negative, String::new(), String::new()));
                None
            }
            Ok(v) if v.is_finite() && v < 1e9 => Some(v),
            Ok(_) => {
                problems.push(problem(Field::Income.header(), &income_s, Kind::TooLarge, String::new(), String::new()));
                None
            }
            Err(_) => {
                problems.push(problem(
                    Field::Income.header(),
                    &income_s,
                    Kind::NotANumber,
                    String::new(),
                    String::new(),
                ));
                None
            }
        }
    };
    let colour_s = get(Field::RiskColour);
    let colour = match colour_s.to_lowercase().as_str() {
        "" | "绿" | "绿色" | "green" | "g" => Colour::Green,
        "黄" | "黄色" | "yellow" | "y" => Colour::Yellow,
        "红" | "红色" | "red" | "r" => Colour::Red,
        _ => {
            problems.push(problem(Field::RiskColour.header(), &colour_s, Kind::BadRisk, String::new(), String::new()));
            Colour::Green
        }
    };
    let yes_no = |f: Field, problems: &mut Vec<RowProblem>| -> bool {
        let v = get(f);
        match v.to_lowercase().as_str() {
            "" | "否" | "no" | "n" | "0" | "false" => false,
            "是" | "yes" | "y" | "1" | "true" => true,
            _ => {
                problems.push(problem(f.header(), &v, Kind::BadYesNo, String::new(), String::new()));
                false
            }
        }
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
            let value = if f.metric().is_some() { m[r.lhs[0].m.index()].to_string() } else { String::new() };
            let (zh, en) = r.broken_text(l, rv);
            problems.push(problem(f.header(), &value, Kind::Inconsistent, format!("：{zh}"), format!(": {en}")));
        }
    }
    match (problems.is_empty(), household) {
        (true, Some(h)) => Ok(h),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        assert_eq!(parse_count(" 3 "), Ok(3));
        assert_eq!(parse_count("3.0"), Ok(3));
        assert_eq!(parse_count("-1"), Err(Kind::Negative));
        assert_eq!(parse_count("2.5"), Err(Kind::NotWhole));
        assert_eq!(parse_count("abc"), Err(Kind::NotANumber));
        assert_eq!(parse_count("99999999"), Err(Kind::TooLarge));
    }
}
