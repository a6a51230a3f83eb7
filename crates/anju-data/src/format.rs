//! Numbers as officials write them: 万 for ten thousands, percent with one decimal, yuan.

pub use crate::domain::Lang;

/// 1234567 → "1,234,567".
pub fn group_digits(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A count. Chinese: exact below 10万 ("22,438"), then 万 with one decimal ("29.3万") and
/// 亿 with two, 万亿 past a trillion; English: exact below ten million, then millions,
/// then trillions, so that even u64::MAX reads as a number.
pub fn count(n: u64, lang: Lang) -> String {
    // A value that rounds up to the next unit is written in it: 99,999,999 is 1.00亿, not
    // 10000.0万 (and 1.00万亿, "1.00 trillion" likewise).
    let reaches = |div: f64, decimals: i32, limit: f64| {
        let p = 10f64.powi(decimals);
        (n as f64 / div * p).round() / p >= limit
    };
    match lang {
        Lang::Zh if n >= 1_000_000_000_000 || reaches(1e8, 2, 10_000.0) => format!("{:.2}万亿", n as f64 / 1e12),
        Lang::En if n >= 1_000_000_000_000 || reaches(1e6, 2, 1_000_000.0) => {
            format!("{:.2} trillion", n as f64 / 1e12)
        }
        Lang::Zh if n >= 100_000_000 || reaches(1e4, 1, 10_000.0) => format!("{:.2}亿", n as f64 / 1e8),
        Lang::Zh if n >= 100_000 => format!("{:.1}万", n as f64 / 1e4),
        Lang::En if n >= 10_000_000 => format!("{:.2} million", n as f64 / 1e6),
        _ => group_digits(n),
    }
}

/// `num / den` as a percent with one decimal; "—" when the denominator is 0.
pub fn percent(num: u64, den: u64) -> String {
    if den == 0 {
        return "—".into();
    }
    format!("{:.1}%", num as f64 * 100.0 / den as f64)
}

/// A fraction (0.958) as a percent with one decimal.
pub fn percent_of(f: f64) -> String {
    if f.is_finite() {
        format!("{:.1}%", f * 100.0)
    } else {
        "—".into()
    }
}

/// Yuan to the fen, grouped: "12,450.99元" / "¥12,450.99".
pub fn yuan(v: f64, lang: Lang) -> String {
    if !v.is_finite() || v < 0.0 {
        return "—".into();
    }
    let fen = (v * 100.0).round() as u64;
    let s = format!("{}.{:02}", group_digits(fen / 100), fen % 100);
    match lang {
        Lang::Zh => format!("{s}元"),
        Lang::En => format!("¥{s}"),
    }
}

/// Whole yuan, for figures read from across a room (the big screen).
pub fn yuan_whole(v: f64, lang: Lang) -> String {
    if !v.is_finite() || v < 0.0 {
        return "—".into();
    }
    let s = group_digits(v.round().min(u64::MAX as f64) as u64);
    match lang {
        Lang::Zh => format!("{s}元"),
        Lang::En => format!("¥{s}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_yuan_for_the_big_screen() {
        assert_eq!(yuan_whole(12_450.99, Lang::Zh), "12,451元");
        assert_eq!(yuan_whole(10_900.0, Lang::En), "¥10,900");
        assert_eq!(yuan_whole(0.4, Lang::Zh), "0元");
        assert_eq!(yuan_whole(f64::NAN, Lang::Zh), "—");
        assert_eq!(yuan_whole(-1.0, Lang::Zh), "—");
        assert_eq!(yuan_whole(1e30, Lang::En), format!("¥{}", group_digits(u64::MAX)));
    }

    #[test]
    fn counts_at_the_top_of_u64() {
        assert_eq!(count(u64::MAX, Lang::Zh), "18446744.07万亿");
        assert_eq!(count(u64::MAX, Lang::En), "18446744.07 trillion");
        assert_eq!(count(999_999_999_999, Lang::Zh), "1.00万亿");
        assert_eq!(group_digits(u64::MAX), "18,446,744,073,709,551,615");
        assert_eq!(percent(u64::MAX, u64::MAX), "100.0%");
        assert_eq!(percent(7, u64::MAX), "0.0%");
    }

    #[test]
    fn counts_in_wan() {
        assert_eq!(count(22_438, Lang::Zh), "22,438");
        assert_eq!(count(293_000, Lang::Zh), "29.3万");
        assert_eq!(count(9_600_000, Lang::Zh), "960.0万");
        assert_eq!(count(123_456_789, Lang::Zh), "1.23亿");
        assert_eq!(count(293_000, Lang::En), "293,000");
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(1000), "1,000");
        assert_eq!(group_digits(u64::MAX), "18,446,744,073,709,551,615");
    }

    /// The shared case ui/unit-rollover: a value that rounds up to 10,000 of one unit is
    /// written in the next, at every boundary and in both languages.
    #[test]
    fn a_value_rounding_up_to_the_next_unit_moves_to_it() {
        assert_eq!(count(99_999_999, Lang::Zh), "1.00亿");
        assert_eq!(count(99_999_499, Lang::Zh), "9999.9万");
        assert_eq!(count(99_999_500, Lang::Zh), "1.00亿");
        assert_eq!(count(999_999_999_999, Lang::Zh), "1.00万亿");
        assert_eq!(count(999_999_494_999, Lang::Zh), "9999.99亿");
        assert_eq!(count(999_999_999_999, Lang::En), "1.00 trillion");
        assert_eq!(count(999_999_994_999, Lang::En), "999999.99 million");
        assert_eq!(count(99_999, Lang::Zh), "99,999");
        assert_eq!(count(100_000, Lang::Zh), "10.0万");
        assert_eq!(count(u64::MAX, Lang::Zh), "18446744.07万亿");
    }

    #[test]
    fn percents_and_yuan() {
        assert_eq!(percent(25_378, 26_799), "94.7%");
        assert_eq!(percent(1, 0), "—");
        assert_eq!(percent(u64::MAX, u64::MAX), "100.0%");
        assert_eq!(percent_of(0.9587), "95.9%");
        assert_eq!(percent_of(f64::NAN), "—");
        assert_eq!(yuan(12_450.99, Lang::Zh), "12,450.99元");
        assert_eq!(yuan(12_450.99, Lang::En), "¥12,450.99");
        assert_eq!(yuan(f64::INFINITY, Lang::Zh), "—");
    }
}
