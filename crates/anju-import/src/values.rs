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

/// The text of a number with full-width digits, a unit and thousands separators taken
/// off, noting each.
fn plain<'a>(s: &'a str, norms: &mut Norms) -> Cow<'a, str> {
    let mut t: Cow<'a, str> = Cow::Borrowed(s.trim());
    if let Some(h) = half_width(&t) {
        norms.add(Norm::FullWidth);
        t = Cow::Owned(h);
    }
    if let Some(u) = UNITS.iter().find(|u| t.ends_with(*u) && t.len() > u.len()) {
        norms.add(Norm::Unit);
        t = Cow::Owned(t[..t.len() - u.len()].trim_end().to_string());
    }
    if t.contains(',') && t.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-')) {
        norms.add(Norm::Separator);
        t = Cow::Owned(t.replace(',', ""));
    }
    t
}

/// A count (people, households): whole, non-negative, at most a million per household.
/// Empty and "none" words read as 0, noted.
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
    let t = plain(s, norms);
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

/// An amount of yuan; empty (and "none" words) is "not surveyed", `None`.
pub fn money(s: &str, norms: &mut Norms) -> Result<Option<f64>, Kind> {
    let s = s.trim();
    if s.is_empty() || NONE_WORDS.contains(&s) {
        return Ok(None);
    }
    let t = plain(s, norms);
    match t.parse::<f64>() {
        Ok(v) if v < 0.0 => Err(Kind::Negative),
        Ok(v) if v.is_finite() && v < 1e9 => Ok(Some(v)),
        Ok(_) => Err(Kind::TooLarge),
        Err(_) => Err(Kind::NotANumber),
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
