//! The period of a household row, from the forms offices write it in: text (2025-06,
//! 2025/6/30, 2025.06, 2025年6月, 202506), a real date in any format, or a number such as
//! 2025.10 — which Excel stores as 2025.1. A number is read as the sheet displays it (its
//! format's decimals); where the display cannot be known and the month could be January or
//! October (2025.1), the cell is refused with its location, never guessed.

use crate::styles::Shown;
use anju_data::model::Period;

/// Why a period cell was not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodError {
    /// Not a period in any known form.
    Bad,
    /// 2025.1: January as written, or October typed as 2025.10 and stored without its zero.
    Ambiguous,
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
    let (y, m) = match digits.as_slice() {
        [ym] if ym.len() == 6 => (&ym[..4], &ym[4..]),
        [y, m] if y.len() == 4 && m.len() <= 2 => (*y, *m),
        // A date such as 2025-06-30: the month is what counts.
        [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => (*y, *m),
        _ => return Err(PeriodError::Bad),
    };
    Period::parse(&format!("{y}-{m:0>2}")).ok_or(PeriodError::Bad)
}

/// The period of a date (year, month).
pub fn from_date(y: i32, m: u32) -> Result<Period, PeriodError> {
    Period::parse(&format!("{y:04}-{m:02}")).ok_or(PeriodError::Bad)
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
        for s in ["2025-13", "25-06", "june", "", "2025"] {
            assert_eq!(from_text(s), Err(PeriodError::Bad), "{s}");
        }
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
