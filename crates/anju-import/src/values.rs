//! Cell values as offices write them: full-width digits (４), thousands separators
//! (12,345.50), units (3人, 16938元), "/", "无", "—" or nothing for none, √ / 是 / 有 for yes.
//! Each normalisation is counted, and those that change meaning (nothing → 0, "/" → 0) are
//! named in the summary, so that an office can see what the tool assumed.

use crate::row::Kind;
use anju_data::domain::Risk;
use std::borrow::Cow;

/// What a value needed before it could be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Norm {
    /// An empty count read as 0 (changes meaning: "not filled in" becomes "none").
    EmptyAsZero,
    /// "/", "无", "—", "-" read as 0 (changes meaning likewise).
    DashAsZero,
    /// Full-width digits or punctuation (４, ．) read as ASCII.
    FullWidth,
    /// A unit after the number (3人, 16938元) dropped.
    Unit,
    /// Thousands separators (12,345) dropped.
    Separator,
}

impl Norm {
    pub const ALL: [Norm; 5] = [Norm::EmptyAsZero, Norm::DashAsZero, Norm::FullWidth, Norm::Unit, Norm::Separator];
    pub fn zh(self) -> &'static str {
        match self {
            Norm::EmptyAsZero => "空白计为0",
            Norm::DashAsZero => "“/”“无”“—”计为0",
            Norm::FullWidth => "全角数字转为半角",
            Norm::Unit => "去掉数字后的单位",
            Norm::Separator => "去掉千分位逗号",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Norm::EmptyAsZero => "empty read as 0",
            Norm::DashAsZero => "\"/\", \"无\", \"—\" read as 0",
            Norm::FullWidth => "full-width digits read as ASCII",
            Norm::Unit => "a unit after the number dropped",
            Norm::Separator => "thousands separators dropped",
        }
    }
    /// Whether the normalisation assumes something the cell does not say.
    pub fn changes_meaning(self) -> bool {
        matches!(self, Norm::EmptyAsZero | Norm::DashAsZero)
    }
}

/// How many times each normalisation was needed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Norms(pub [u64; 5]);

impl Norms {
    pub fn add(&mut self, n: Norm) {
        self.0[n as usize] += 1;
    }
    pub fn merge(&mut self, o: &Norms) {
        for (a, b) in self.0.iter_mut().zip(o.0) {
            *a += b;
        }
    }
    pub fn get(&self, n: Norm) -> u64 {
        self.0[n as usize]
    }
}

const NONE_WORDS: &[&str] = &["/", "／", "无", "—", "——", "-", "－", "–", "\\"];
const UNITS: &[&str] = &["人次", "人", "户", "元", "个", "名", "次", "套", "间"];

/// Whether a cell says "none" ("/", "无", "—" …) rather than a number.
pub fn is_none_word(s: &str) -> bool {
    NONE_WORDS.contains(&s.trim())
}

/// Full-width digits and signs as ASCII; `None` when there were none.
fn half_width(s: &str) -> Option<String> {
    if !s.chars().any(|c| ('０'..='９').contains(&c) || matches!(c, '．' | '，' | '－' | '＋')) {
        return None;
    }
    Some(
        s.chars()
            .map(|c| match c {
                '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                '．' => '.',
                '，' => ',',
                '－' => '-',
                '＋' => '+',
                c => c,
            })
            .collect(),
    )
}

/// The most people one household's register row may count, in persons: its size
/// (户人数), and so each count of its members (劳动力, 外出务工, 留守儿童 …). Resettled
/// households rarely exceed 15 people; twice that is generous, and a larger number is a
/// typing slip, a building's or a site's total, or a phone or ID number in the wrong
/// column — counted, it would make a wrong figure. (docs/registers.md, "Values")
pub const MAX_HOUSEHOLD_PEOPLE: u64 = 30;

/// How far from a whole number a count may be and still be that number, relative to its
/// size: a formula's 2.9999999999999996 is the 3 Excel shows (binary float noise, about
/// 1e-16 relative); a person's 2.5 or 2.9 is far outside and stays refused.
pub const WHOLE_TOLERANCE: f64 = 1e-9;

/// The text of a number with full-width digits, a unit and thousands separators taken
/// off, noting each. A comma is read only as a thousands separator where one goes (1 to
/// 3 digits, then groups of exactly 3, then the decimals): 1,2 or 12,34 or 1.234,5 could
/// mean several numbers, so it is refused (`Kind::Separator`), never guessed.
fn plain<'a>(s: &'a str, norms: &mut Norms) -> Result<Cow<'a, str>, Kind> {
    let mut t: Cow<'a, str> = Cow::Borrowed(s.trim());
    if let Some(h) = half_width(&t) {
        norms.add(Norm::FullWidth);
        t = Cow::Owned(h);
    }
    if let Some(u) = UNITS.iter().find(|u| t.ends_with(*u) && t.len() > u.len()) {
        norms.add(Norm::Unit);
        t = Cow::Owned(t[..t.len() - u.len()].trim_end().to_string());
    }
    if t.contains(',') && t.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '+')) {
        if !thousands(&t) {
            return Err(Kind::Separator);
        }
        norms.add(Norm::Separator);
        t = Cow::Owned(t.replace(',', ""));
    }
    Ok(t)
}

/// Whether the commas of `t` (digits, commas, a point, a sign) separate thousands:
/// 1,234 and 12,345,678.5 yes; 1,2, 12,34, 1234,567, 1.234,5 and 1,234,5 no.
fn thousands(t: &str) -> bool {
    let body = t.strip_prefix(['-', '+']).unwrap_or(t);
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len())
        && groups.all(|g| g.len() == 3)
        && frac.bytes().all(|b| b.is_ascii_digit())
        && int.bytes().all(|b| b.is_ascii_digit() || b == b',')
}

/// A plain decimal: an optional sign, digits, an optional point and digits; nothing else.
/// Rust's own parser also takes 1e1, inf and NaN, which no office means as a number: an
/// exponent is refused as scientific notation, the rest as not a number.
fn decimal(t: &str) -> Result<f64, Kind> {
    let body = t.strip_prefix(['-', '+']).unwrap_or(t);
    let mantissa_exp = body.split_once(['e', 'E']);
    let plain_digits = |s: &str| {
        let (i, f) = s.split_once('.').unwrap_or((s, ""));
        !(i.is_empty() && f.is_empty())
            && i.bytes().all(|b| b.is_ascii_digit())
            && f.bytes().all(|b| b.is_ascii_digit())
    };
    if let Some((m, e)) = mantissa_exp {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        if plain_digits(m) && !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Kind::Scientific);
        }
        return Err(Kind::NotANumber);
    }
    if !plain_digits(body) {
        return Err(Kind::NotANumber);
    }
    t.parse::<f64>().map_err(|_| Kind::NotANumber)
}

/// A count (people, households): whole, non-negative, at most a million (a household's
/// own bound, [`MAX_HOUSEHOLD_PEOPLE`], is applied by the row). Empty and "none" words
/// read as 0, noted. A number within [`WHOLE_TOLERANCE`] of a whole one is that one.
pub fn count(s: &str, norms: &mut Norms) -> Result<u64, Kind> {
    let s = s.trim();
    if s.is_empty() {
        norms.add(Norm::EmptyAsZero);
        return Ok(0);
    }
    if let Ok(v) = s.parse::<u64>() {
        return if v > 1_000_000 { Err(Kind::TooLarge) } else { Ok(v) };
    }
    if NONE_WORDS.contains(&s) {
        norms.add(Norm::DashAsZero);
        return Ok(0);
    }
    let t = plain(s, norms)?;
    if let Ok(v) = t.parse::<u64>() {
        return if v > 1_000_000 { Err(Kind::TooLarge) } else { Ok(v) };
    }
    let v = decimal(&t)?;
    let whole = v.round();
    let v = if (v - whole).abs() <= WHOLE_TOLERANCE * whole.abs().max(1.0) { whole } else { v };
    match v {
        v if v < 0.0 => Err(Kind::Negative),
        v if v.fract() != 0.0 => Err(Kind::NotWhole),
        v if v > 1_000_000.0 => Err(Kind::TooLarge),
        v => Ok(v as u64),
    }
}

/// An amount of yuan; empty (and "none" words) is "not surveyed", `None`.
pub fn money(s: &str, norms: &mut Norms) -> Result<Option<f64>, Kind> {
    let s = s.trim();
    if s.is_empty() || NONE_WORDS.contains(&s) {
        return Ok(None);
    }
    let t = plain(s, norms)?;
    match decimal(&t)? {
        v if v < 0.0 => Err(Kind::Negative),
        v if v < 1e9 => Ok(Some(v)),
        _ => Err(Kind::TooLarge),
    }
}

/// Yes or no as offices mark it; `None` for anything else.
pub fn yes_no(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "" | "否" | "no" | "n" | "0" | "false" | "无" | "×" | "x" | "/" | "—" => Some(false),
        "是" | "yes" | "y" | "1" | "true" | "有" | "√" | "✓" | "✔" | "对" => Some(true),
        _ => None,
    }
}

/// A risk colour; empty is green (no risk recorded).
pub fn colour(s: &str) -> Option<Risk> {
    let t: String = s.trim().to_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
    match t.as_str() {
        "" | "绿" | "绿色" | "green" | "g" | "无风险" | "/" => Some(Risk::Green),
        "黄" | "黄色" | "yellow" | "y" => Some(Risk::Yellow),
        "红" | "红色" | "red" | "r" => Some(Risk::Red),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_as_offices_write_them() {
        let mut n = Norms::default();
        assert_eq!(count(" 3 ", &mut n), Ok(3));
        assert_eq!(count("3.0", &mut n), Ok(3));
        assert_eq!(count("４", &mut n), Ok(4));
        assert_eq!(count("3人", &mut n), Ok(3));
        assert_eq!(count("１２人", &mut n), Ok(12));
        assert_eq!(count("1,234", &mut n), Ok(1234));
        assert_eq!(count("", &mut n), Ok(0));
        assert_eq!(count("/", &mut n), Ok(0));
        assert_eq!(count("无", &mut n), Ok(0));
        assert_eq!(count("—", &mut n), Ok(0));
        assert_eq!(
            (
                n.get(Norm::FullWidth),
                n.get(Norm::Unit),
                n.get(Norm::Separator),
                n.get(Norm::EmptyAsZero),
                n.get(Norm::DashAsZero)
            ),
            (2, 2, 1, 1, 3)
        );
        assert_eq!(count("-1", &mut n), Err(Kind::Negative));
        assert_eq!(count("2.5", &mut n), Err(Kind::NotWhole));
        assert_eq!(count("abc", &mut n), Err(Kind::NotANumber));
        assert_eq!(count("99999999", &mut n), Err(Kind::TooLarge));
        assert_eq!(count("3户人", &mut n), Err(Kind::NotANumber));
    }

    #[test]
    fn a_comma_only_separates_thousands() {
        let mut n = Norms::default();
        assert_eq!(count("1,234", &mut n), Ok(1234));
        assert_eq!(count("12,345,678", &mut n), Err(Kind::TooLarge));
        assert_eq!(count("1，234人", &mut n), Ok(1234), "full-width comma and a unit");
        for s in ["1,2", "12,34", "1234,567", "1,234,5", ",123", "1,,234", "1,234,", "１，２"] {
            assert_eq!(count(s, &mut n), Err(Kind::Separator), "{s}");
        }
        assert_eq!(money("1,234.5", &mut n), Ok(Some(1234.5)));
        for s in ["1.234,5", "12,34", "1,2345.0"] {
            assert_eq!(money(s, &mut n), Err(Kind::Separator), "{s}");
        }
    }

    #[test]
    fn scientific_notation_and_words_rust_would_parse_are_refused() {
        let mut n = Norms::default();
        for s in ["1e1", "1E1", "2.5e3", "1e-2", "-1e1"] {
            assert_eq!(count(s, &mut n), Err(Kind::Scientific), "{s}");
            assert_eq!(money(s, &mut n), Err(Kind::Scientific), "{s}");
        }
        for s in ["inf", "NaN", "infinity", "e1", "1e", ".", "1.2.3", "+-1"] {
            assert_eq!(count(s, &mut n), Err(Kind::NotANumber), "{s}");
            assert_eq!(money(s, &mut n), Err(Kind::NotANumber), "{s}");
        }
    }

    #[test]
    fn float_noise_is_the_whole_number_excel_shows() {
        let mut n = Norms::default();
        assert_eq!(count("2.9999999999999996", &mut n), Ok(3));
        assert_eq!(count("3.0000000000000004", &mut n), Ok(3));
        assert_eq!(count("0.30000000000000004", &mut n), Err(Kind::NotWhole));
        assert_eq!(count("-0.0000000000000001", &mut n), Ok(0));
        assert_eq!(count("2.5", &mut n), Err(Kind::NotWhole));
        assert_eq!(count("2.999", &mut n), Err(Kind::NotWhole));
        assert_eq!(count("2.9999999", &mut n), Err(Kind::NotWhole));
    }

    #[test]
    fn money_yes_no_and_colours() {
        let mut n = Norms::default();
        assert_eq!(money("12,345.50", &mut n), Ok(Some(12_345.5)));
        assert_eq!(money("16938元", &mut n), Ok(Some(16_938.0)));
        assert_eq!(money("", &mut n), Ok(None));
        assert_eq!(money("/", &mut n), Ok(None));
        assert_eq!(money("-5", &mut n), Err(Kind::Negative));
        assert_eq!(yes_no("√"), Some(true));
        assert_eq!(yes_no("有"), Some(true));
        assert_eq!(yes_no("否"), Some(false));
        assert_eq!(yes_no("也许"), None);
        assert_eq!(colour("红 色"), Some(Risk::Red));
        assert_eq!(colour(""), Some(Risk::Green));
        assert_eq!(colour("紫"), None);
    }
}
