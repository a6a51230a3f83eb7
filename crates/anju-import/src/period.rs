//! The period of a household row, from the forms offices write it in: text (2025-06,
//! 2025/6/30, 2025.06, 2025年6月, 202506), a real date in any format, or a number such as
//! 2025.10 — which Excel stores as 2025.1. A number is read as the sheet displays it (its
//! format's decimals); where the display cannot be known and the month could be January or
//! October (2025.1), the cell is refused with its location, never guessed.

use crate::styles::Shown;
use anju_data::model::Period;

/// The first and last months a register may report, (year, month), inclusive. Follow-up
/// support for relocated households began in the 2010s and no register reports a month
/// before 2000; a year such as 9999 or 1900 is a placeholder or a typing slip, and a
/// period outside would put households in a month no one counted. (docs/registers.md)
pub const FIRST_MONTH: (i32, u32) = (2000, 1);
pub const LAST_MONTH: (i32, u32) = (2100, 12);

/// Why a period cell was not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodError {
    /// Not a period in any known form.
    Bad,
    /// 2025.1: January as written, or October typed as 2025.10 and stored without its zero.
    Ambiguous,
    /// A date whose day the month does not have (2025-06-31, 2025-02-29).
    NoSuchDay,
    /// A month before [`FIRST_MONTH`] or after [`LAST_MONTH`].
    OutOfRange,
}

impl PeriodError {
    /// What to write, after the kind of problem: (Chinese, English).
    pub fn words(self) -> (String, String) {
        let ((y0, m0), (y1, m1)) = (FIRST_MONTH, LAST_MONTH);
        match self {
            PeriodError::Bad => ("：请写作 2025-06".into(), ": write the month as 2025-06".into()),
            PeriodError::Ambiguous => (String::new(), String::new()),
            PeriodError::NoSuchDay => (
                "：这个月没有这一天，请改正日期或只写年月（如 2025-06）".into(),
                ": the month has no such day; correct the date or write the month alone (2025-06)".into(),
            ),
            PeriodError::OutOfRange => (
                format!("：应在 {y0}-{m0:02} 至 {y1}-{m1:02} 之间"),
                format!(": must be between {y0}-{m0:02} and {y1}-{m1:02}"),
            ),
        }
    }
}

/// The month (year, month), when it is a real one within [`FIRST_MONTH`]..=[`LAST_MONTH`].
fn month(y: i32, m: u32) -> Result<Period, PeriodError> {
    if !(1..=12).contains(&m) {
        return Err(PeriodError::Bad);
    }
    if (y, m) < FIRST_MONTH || (y, m) > LAST_MONTH {
        return Err(PeriodError::OutOfRange);
    }
    Period::parse(&format!("{y:04}-{m:02}")).ok_or(PeriodError::Bad)
}

/// Parses a period written as text.
pub fn from_text(s: &str) -> Result<Period, PeriodError> {
    let s = s.trim();
    let digits: Vec<&str> = s.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()).collect();
    // 2025.1 as text: a number written out by Excel's General format, or January.
    if let [y, m] = digits.as_slice() {
        if y.len() == 4 && *m == "1" && s.trim_start_matches(y).starts_with('.') && s.ends_with('1') {
            return Err(PeriodError::Ambiguous);
        }
    }
    let (y, m, d) = match digits.as_slice() {
        [ym] if ym.len() == 6 => (&ym[..4], &ym[4..], None),
        // 20250630 run together: the day must exist too.
        [ymd] if ymd.len() == 8 => (&ymd[..4], &ymd[4..6], Some(&ymd[6..])),
        [y, m] if y.len() == 4 && m.len() <= 2 => (*y, *m, None),
        // A date such as 2025-06-30: the month is what counts, but the day must exist
        // (2025-06-31 is a slip, and which part of it is wrong cannot be known).
        [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => (*y, *m, Some(*d)),
        _ => return Err(PeriodError::Bad),
    };
    let (Ok(y), Ok(m)) = (y.parse::<i32>(), m.parse::<u32>()) else { return Err(PeriodError::Bad) };
    let p = month(y, m)?;
    if let Some(d) = d {
        let d = d.parse::<u32>().map_err(|_| PeriodError::Bad)?;
        if chrono::NaiveDate::from_ymd_opt(y, m, d).is_none() {
            return Err(PeriodError::NoSuchDay);
        }
    }
    Ok(p)
}

/// The period of a date (year, month).
pub fn from_date(y: i32, m: u32) -> Result<Period, PeriodError> {
    month(y, m)
}

/// An Excel day count (1900 date system) as a period.
pub fn from_serial(days: f64) -> Result<Period, PeriodError> {
    use chrono::{Datelike, Duration, NaiveDate};
    if !(1.0..=2_958_465.0).contains(&days) {
        return Err(PeriodError::Bad);
    }
    let base = NaiveDate::from_ymd_opt(1899, 12, 30).ok_or(PeriodError::Bad)?;
    let d = base.checked_add_signed(Duration::days(days.floor() as i64)).ok_or(PeriodError::Bad)?;
    from_date(d.year(), d.month())
}

/// A number in a period cell, read as the sheet displays it.
pub fn from_number(value: f64, shown: Shown) -> Result<Period, PeriodError> {
    if !value.is_finite() {
        return Err(PeriodError::Bad);
    }
    match shown {
        Shown::Date => from_serial(value),
        // 0.00 shows 2025.1 as 2025.10; 0.0 shows 2025.1, as ambiguous as General.
        Shown::Decimals(d) => from_text(&format!("{value:.*}", d as usize)),
        Shown::General | Shown::Other => {
            // The shortest form, as Excel's General shows it: 2025.1, 2025.06 → 2025.06.
            from_text(&format!("{value}"))
        }
    }
}

/// A period written inside other text: a title row ("统计时间：2025年6月30日"), a sheet
/// or file name ("平远新城2025年6月台账.xlsx", "2025-06"). The first of 2025年6月, 2025-06,
/// 2025/06, 2025.06 or 202506 that is a real month; an ambiguous 2025.1 gives nothing.
pub fn find_in(text: &str) -> Option<Period> {
    let chars: Vec<char> = text.chars().collect();
    for start in 0..chars.len() {
        // A year: four digits starting 19 or 20, not part of a longer number.
        let year: String = chars[start..].iter().take(4).collect();
        let before_digit = start > 0 && chars[start - 1].is_ascii_digit();
        if before_digit
            || year.len() != 4
            || !year.chars().all(|c| c.is_ascii_digit())
            || !(year.starts_with("19") || year.starts_with("20"))
        {
            continue;
        }
        let rest: String = chars[start + 4..].iter().take(8).collect();
        let (sep, after) = match rest.chars().next() {
            Some(c @ ('年' | '-' | '/' | '.')) => (Some(c), &rest[c.len_utf8()..]),
            Some(c) if c.is_ascii_digit() => (None, rest.as_str()),
            _ => continue,
        };
        let month: String = after.chars().take_while(|c| c.is_ascii_digit()).collect();
        // 202506 or 20250630 run together; 2025年6月, 2025-06 with a separator.
        let month: String = match sep {
            None if month.len() == 2 || month.len() == 4 => month[..2].to_string(),
            Some(_) if (1..=2).contains(&month.len()) => month,
            _ => continue,
        };
        let candidate = match sep {
            Some('年') => format!("{year}年{month}月"),
            Some(c) => format!("{year}{c}{month}"),
            None => format!("{year}{month}"),
        };
        if let Ok(p) = from_text(&candidate) {
            return Some(p);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        Period::parse(s).unwrap()
    }

    #[test]
    fn text_forms() {
        for s in ["2025-06", "2025/6", "2025.06", "202506", "2025年6月", "2025-06-01", "2025/6/30", "2025.6"] {
            assert_eq!(from_text(s), Ok(p("2025-06")), "{s}");
        }
        assert_eq!(from_text("2025.10"), Ok(p("2025-10")));
        assert_eq!(from_text("2025.1"), Err(PeriodError::Ambiguous), "January, or October without its zero");
        assert_eq!(from_text("2025.01"), Ok(p("2025-01")));
        for s in ["2025-13", "25-06", "june", "", "2025", "2025-00"] {
            assert_eq!(from_text(s), Err(PeriodError::Bad), "{s}");
        }
    }

    #[test]
    fn impossible_dates_and_months_out_of_range_are_refused() {
        for s in ["2025-06-31", "2025-02-29", "2025/4/31", "2025-06-00", "20250631"] {
            assert_eq!(from_text(s), Err(PeriodError::NoSuchDay), "{s}");
        }
        assert_eq!(from_text("2024-02-29"), Ok(p("2024-02")), "a leap day");
        assert_eq!(from_text("20250630"), Ok(p("2025-06")));
        for s in ["9999-12", "1900-01", "1999-12", "2101-01", "999912"] {
            assert_eq!(from_text(s), Err(PeriodError::OutOfRange), "{s}");
        }
        assert_eq!(from_text("2000-01"), Ok(p("2000-01")));
        assert_eq!(from_text("2100-12"), Ok(p("2100-12")));
        assert_eq!(from_date(1900, 1), Err(PeriodError::OutOfRange));
        assert_eq!(from_date(9999, 12), Err(PeriodError::OutOfRange));
        assert_eq!(from_number(1.0, Shown::Date), Err(PeriodError::OutOfRange), "1900-01-01 as a day count");
        assert_eq!(find_in("台账1999年6月"), None);
    }

    #[test]
    fn periods_inside_titles_and_names() {
        assert_eq!(find_in("填报单位：惠泽社区  统计时间：2025年6月30日"), Some(p("2025-06")));
        assert_eq!(find_in("平远新城安置点2025年10月台账.xlsx"), Some(p("2025-10")));
        assert_eq!(find_in("台账_2025-06"), Some(p("2025-06")));
        assert_eq!(find_in("202506惠泽社区"), Some(p("2025-06")));
        assert_eq!(find_in("第3网格 12栋"), None);
        assert_eq!(find_in("2025.1"), None, "January or October: not guessed");
        assert_eq!(find_in("电话13820250612"), None, "a year inside a longer number is not one");
    }

    #[test]
    fn numbers_as_displayed() {
        assert_eq!(from_number(2025.1, Shown::Decimals(2)), Ok(p("2025-10")), "2025.10 typed, shown 0.00");
        assert_eq!(from_number(2025.1, Shown::General), Err(PeriodError::Ambiguous));
        assert_eq!(from_number(2025.1, Shown::Decimals(1)), Err(PeriodError::Ambiguous));
        assert_eq!(from_number(2025.06, Shown::General), Ok(p("2025-06")));
        assert_eq!(from_number(2025.12, Shown::General), Ok(p("2025-12")));
        assert_eq!(from_number(202510.0, Shown::General), Ok(p("2025-10")));
        assert_eq!(from_number(45809.0, Shown::Date), Ok(p("2025-06")), "2025-06-01 as a day count");
        assert_eq!(from_number(45931.0, Shown::Date), Ok(p("2025-10")));
        assert_eq!(from_number(2025.0, Shown::General), Err(PeriodError::Bad));
    }
}
