//! Date parsing for `as_of`, via chrono so that impossible dates (2025-02-30) are caught.

use chrono::{Datelike, NaiveDate};

/// `YYYY-MM-DD` strictly, as (year, month, day).
pub fn parse_iso_date(s: &str) -> Option<(i32, u32, u32)> {
    if s.len() != 10 {
        return None;
    }
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    Some((d.year(), d.month(), d.day()))
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
}
