//! Published figures as their sources wrote them: "29.3万" (rounded to a tenth of 万),
//! "2万余" and "1900多" (more than), "92.09%", "百分百", "全面消除". A [`Reading`] says
//! which exact values the words admit (the validator holds the stored count to them) and
//! how the page shows the figure (约29.3万: the stored count is exact only for the sums).
//! A [`FigureDate`] is when the figure was true, as the source dates it.

use crate::format::{group_digits, Lang};
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// A field a claim may name, in words: "人口" / "people", "就业率" / "employment_rate".
pub fn field_name(field: &str, lang: Lang) -> &str {
    let zh = lang == Lang::Zh;
    match (crate::Metric::from_key(field), crate::relations::Rate::by_key(field), field) {
        (Some(m), _, _) if zh => m.zh(),
        (None, Some(r), _) if zh => r.zh,
        (None, None, "income_per_capita") if zh => "人均纯收入",
        (None, None, "income_growth") if zh => "人均纯收入增长",
        _ => field,
    }
}

/// A claim's words per field, a JSON object (`{"people": "29.3万"}`) kept in file order:
/// a field given twice stays twice, for the validator to report. Keys and words are
/// cleaned as they are read (they are shown on hover).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Words(pub Vec<(String, String)>);

impl Words {
    pub fn get(&self, field: &str) -> Option<&String> {
        self.0.iter().find(|(f, _)| f == field).map(|(_, w)| w)
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn insert(&mut self, field: String, words: String) {
        self.0.retain(|(f, _)| *f != field);
        self.0.push((field, words));
    }
}

impl Serialize for Words {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (f, w) in &self.0 {
            m.serialize_entry(f, w)?;
        }
        m.end()
    }
}

struct WordsVisitor;

impl<'de> Visitor<'de> for WordsVisitor {
    type Value = Words;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of field to the source's words")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Words, A::Error> {
        let mut out = Vec::new();
        while let Some((k, v)) = map.next_entry::<Cow<'de, str>, Cow<'de, str>>()? {
            let clean = |s: &str| crate::text::clean(s, crate::text::NAME_MAX);
            out.push((clean(&k), clean(&v)));
        }
        Ok(Words(out))
    }
}

impl<'de> Deserialize<'de> for Words {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Words, D::Error> {
        d.deserialize_map(WordsVisitor)
    }
}

/// What kind of number the words give.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reading {
    /// An exact number (a count, or yuan to the fen).
    Exact(f64),
    /// Rounded as written: 29.3万 admits 292,500 up to (not including) 293,500.
    Rounded { value: f64, step: f64 },
    /// "余"/"多": more than `base`, less than `base + step` (1900多: 1901 to 1999).
    MoreThan { base: f64, step: f64 },
    /// A per cent with `decimals` decimals: the recomputed rate may differ by rounding
    /// or by the source cutting digits off (27,248 / 29,586 is 92.098 %, written 92.09 %).
    Percent { value: f64, decimals: u32 },
}

/// Words that stand for a number in the seed articles.
const WORDS: &[(&str, Reading)] = &[
    ("全面消除", Reading::Exact(0.0)),
    ("清零", Reading::Exact(0.0)),
    ("百分百", Reading::Percent { value: 100.0, decimals: 0 }),
];

impl Reading {
    /// Parses the words of a source; `None` for anything else (a located refusal).
    pub fn parse(written: &str) -> Option<Reading> {
        let s = written.trim();
        if let Some((_, r)) = WORDS.iter().find(|(w, _)| *w == s) {
            return Some(*r);
        }
        if let Some(p) = s.strip_suffix('%') {
            let (value, decimals) = decimal(p)?;
            return Some(Reading::Percent { value, decimals });
        }
        let (s, about) = match s.strip_prefix('约') {
            Some(rest) => (rest, true),
            None => (s, false),
        };
        let s = s.trim_end_matches(['人', '户', '个', '元', '名', '套', '栋']);
        let (s, more) = match s.strip_suffix('余').or_else(|| s.strip_suffix('多')) {
            Some(rest) => (rest, true),
            None => (s, false),
        };
        let (s, unit) = match s.strip_suffix('万') {
            Some(rest) => (rest, 1e4),
            None => (s, 1.0),
        };
        let (x, decimals) = decimal(s)?;
        let value = x * unit;
        if more {
            if about {
                return None;
            }
            // The step is the place of the last significant digit: 2万余 → 10,000.
            let digits = format!("{}", value.round() as u64);
            let zeros = digits.len() - digits.trim_end_matches('0').len();
            return Some(Reading::MoreThan { base: value, step: 10f64.powi(zeros as i32) });
        }
        if unit > 1.0 || about {
            let step = unit / 10f64.powi(decimals as i32);
            return Some(Reading::Rounded { value, step });
        }
        Some(Reading::Exact(value))
    }

    /// Whether an exact count (or yuan amount) is what the words say.
    pub fn admits(&self, v: f64) -> bool {
        match *self {
            Reading::Exact(x) => (v - x).abs() < 0.005,
            Reading::Rounded { value, step } => v >= value - step / 2.0 && v < value + step / 2.0,
            Reading::MoreThan { base, step } => v > base && v < base + step,
            Reading::Percent { .. } => false,
        }
    }

    /// Whether a rate (a fraction: 0.9209) is what the words say.
    pub fn admits_rate(&self, r: f64) -> bool {
        match *self {
            Reading::Percent { value, decimals } => {
                let unit = 10f64.powi(-(decimals as i32));
                let pct = r * 100.0;
                value == 100.0 && decimals == 0 && r == 1.0
                    || value < 100.0 && pct >= value - unit / 2.0 - 1e-9 && pct < value + unit - 1e-9
            }
            _ => false,
        }
    }

    /// The exact value a generator stores for these words: the number itself, the middle
    /// of "余"/"多" ranges' first fifth (2万余 → 22,000; 1900多 → 1,920).
    pub fn stored(&self) -> f64 {
        match *self {
            Reading::Exact(x) | Reading::Rounded { value: x, .. } => x,
            Reading::MoreThan { base, step } => base + step / 5.0,
            Reading::Percent { value, .. } => value / 100.0,
        }
    }

    /// The figure as the page shows it where that differs from the usual number forms:
    /// "约29.3万", "2万余", "over 20,000", "92.09%". `None` for an exact figure.
    pub fn shown(&self, written: &str, lang: Lang) -> Option<String> {
        let w = written.trim().trim_start_matches('约');
        let w = w.trim_end_matches(['人', '户', '个', '元', '名', '套', '栋']);
        Some(match (*self, lang) {
            (Reading::Exact(_), _) => return None,
            (Reading::Rounded { .. }, Lang::Zh) => format!("约{w}"),
            (Reading::Rounded { value, .. }, Lang::En) => format!("about {}", group_digits(value.round() as u64)),
            (Reading::MoreThan { .. }, Lang::Zh) => w.to_string(),
            (Reading::MoreThan { base, .. }, Lang::En) => format!("over {}", group_digits(base.round() as u64)),
            (Reading::Percent { value, decimals }, _) => format!("{value:.*}%", decimals as usize),
        })
    }
}

/// `12.3` → (12.3, 1 decimal); digits and at most one point, nothing else.
fn decimal(s: &str) -> Option<(f64, u32)> {
    let s = s.replace(',', "");
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit() || c == '.') || s.matches('.').count() > 1 {
        return None;
    }
    let decimals = s.split_once('.').map(|(_, d)| d.len() as u32).unwrap_or(0);
    s.parse::<f64>().ok().filter(|v| v.is_finite()).map(|v| (v, decimals))
}

/// When a published figure was true: a year, a month or a day, or not stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureDate {
    Unstated,
    Year(u16),
    Month(u16, u8),
    Day(u16, u8, u8),
}

impl FigureDate {
    /// `""` (not stated), `2022`, `2022-03` or `2022-03-31`; `None` for anything else.
    pub fn parse(s: &str) -> Option<FigureDate> {
        if s.is_empty() {
            return Some(FigureDate::Unstated);
        }
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize, lo: u16, hi: u16| -> Option<u16> {
            let v: u16 = (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok())??;
            (lo..=hi).contains(&v).then_some(v)
        };
        let year = num(parts[0], 4, 1900, 9999)?;
        match parts[1..] {
            [] => Some(FigureDate::Year(year)),
            [m] => Some(FigureDate::Month(year, num(m, 2, 1, 12)? as u8)),
            [m, d] => Some(FigureDate::Day(year, num(m, 2, 1, 12)? as u8, num(d, 2, 1, 31)? as u8)),
            _ => None,
        }
    }

    /// Whether the figure is dated the month `period` (`2025-06`).
    pub fn is_period(&self, period: &str) -> bool {
        match *self {
            FigureDate::Month(y, m) | FigureDate::Day(y, m, _) => format!("{y:04}-{m:02}") == period,
            _ => false,
        }
    }

    /// "2022年3月", "March 2022"; "未注明日期" / "date not stated".
    pub fn label(&self, lang: Lang) -> String {
        const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        match (*self, lang) {
            (FigureDate::Unstated, Lang::Zh) => "未注明日期".into(),
            (FigureDate::Unstated, Lang::En) => "date not stated".into(),
            (FigureDate::Year(y), Lang::Zh) => format!("{y}年"),
            (FigureDate::Year(y), Lang::En) => format!("{y}"),
            (FigureDate::Month(y, m), Lang::Zh) => format!("{y}年{m}月"),
            (FigureDate::Month(y, m), Lang::En) => format!("{} {y}", MONTHS[m as usize - 1]),
            (FigureDate::Day(y, m, d), Lang::Zh) => format!("{y}年{m}月{d}日"),
            (FigureDate::Day(y, m, d), Lang::En) => format!("{d} {} {y}", MONTHS[m as usize - 1]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_articles_forms() {
        let r = Reading::parse("29.3万").unwrap();
        assert!(r.admits(293_000.0) && r.admits(292_500.0) && !r.admits(293_500.0) && !r.admits(292_499.0));
        assert_eq!(r.shown("29.3万", Lang::Zh).unwrap(), "约29.3万");
        assert_eq!(r.shown("29.3万", Lang::En).unwrap(), "about 293,000");
        let r = Reading::parse("2万余").unwrap();
        assert!(!r.admits(20_000.0) && r.admits(20_001.0) && r.admits(29_999.0) && !r.admits(30_000.0));
        assert_eq!(r.stored(), 22_000.0);
        assert_eq!(r.shown("2万余人", Lang::Zh).unwrap(), "2万余");
        assert_eq!(r.shown("2万余", Lang::En).unwrap(), "over 20,000");
        let r = Reading::parse("1900多").unwrap();
        assert!(r.admits(1_901.0) && r.admits(1_999.0) && !r.admits(1_900.0) && !r.admits(2_000.0));
        assert_eq!(r.stored(), 1_920.0);
        let r = Reading::parse("1.6万余").unwrap();
        assert!(r.admits(16_500.0) && !r.admits(17_000.0));
        let r = Reading::parse("10185").unwrap();
        assert!(r.admits(10_185.0) && !r.admits(10_186.0));
        assert_eq!(r.shown("10185", Lang::Zh), None, "exact figures keep the usual forms");
        assert!(Reading::parse("全面消除").unwrap().admits(0.0));
        assert!(Reading::parse("约4000").unwrap().admits(4_000.4));
    }

    #[test]
    fn percents_admit_rounding_and_cut_digits() {
        let r = Reading::parse("92.09%").unwrap();
        assert!(r.admits_rate(27_248.0 / 29_586.0), "92.098 % cut to 92.09");
        assert!(r.admits_rate(0.92085) && !r.admits_rate(0.9208) && !r.admits_rate(0.9210));
        assert_eq!(r.shown("92.09%", Lang::Zh).unwrap(), "92.09%");
        assert_eq!(Reading::parse("百分百").unwrap().shown("百分百", Lang::En).unwrap(), "100%");
        let r = Reading::parse("94.7%").unwrap();
        assert!(r.admits_rate(25_378.0 / 26_799.0));
        let full = Reading::parse("百分百").unwrap();
        assert!(full.admits_rate(1.0) && !full.admits_rate(0.999));
        assert!(Reading::parse("100%").unwrap().admits_rate(1.0));
        assert!(!Reading::parse("96%").unwrap().admits(96.0));
    }

    #[test]
    fn anything_else_is_refused() {
        for bad in ["", "lots", "约2万余", "1.2.3", "-5", "１９００", "2万万", "NaN", "inf%"] {
            assert_eq!(Reading::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates() {
        assert_eq!(FigureDate::parse(""), Some(FigureDate::Unstated));
        assert_eq!(FigureDate::parse("2022"), Some(FigureDate::Year(2022)));
        assert_eq!(FigureDate::parse("2022-03"), Some(FigureDate::Month(2022, 3)));
        assert_eq!(FigureDate::parse("2023-11-08"), Some(FigureDate::Day(2023, 11, 8)));
        for bad in ["22", "2022-3", "2022-13", "2022-03-32", "截至6月底", "2022-03-01-01"] {
            assert_eq!(FigureDate::parse(bad), None, "{bad}");
        }
        assert!(FigureDate::Month(2025, 6).is_period("2025-06"));
        assert!(!FigureDate::Year(2025).is_period("2025-06"));
        assert_eq!(FigureDate::Month(2022, 3).label(Lang::Zh), "2022年3月");
        assert_eq!(FigureDate::Month(2022, 3).label(Lang::En), "Mar 2022");
        assert_eq!(FigureDate::Unstated.label(Lang::Zh), "未注明日期");
    }
}
