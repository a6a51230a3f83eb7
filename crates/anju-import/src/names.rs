//! Place names as registers spell them: trimmed and Unicode-normalised, never shortened;
//! the same place spelled two ways under one parent found and reported; an alias table
//! (`--aliases`, CSV: variant, canonical) that merges them on the user's word.
//!
//! Names are never merged by rule: 平远新城 and 平远新城安置点 may be one site or two, and
//! only the office knows. They are reported with their household counts and merged only by
//! an alias the user writes.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// A place name as it should be compared and shown: without leading and trailing space
/// (ASCII, full-width U+3000, no-break) and in Unicode NFC (so 平远新城 typed with a
/// decomposed character is the same name). Nothing else changes: never shortened.
pub fn clean(s: &str) -> Cow<'_, str> {
    let t = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{feff}');
    match is_nfc_quick(t.chars()) {
        IsNormalized::Yes => Cow::Borrowed(t),
        _ => Cow::Owned(t.nfc().collect()),
    }
}

/// Suffixes a place's name is written with or without (平远新城安置点 / 平远新城).
const SUFFIXES: &[&str] = &["安置点", "安置区", "安置小区", "小区", "社区", "居委会", "片区", "网格"];

/// The name with internal spaces removed, full-width letters and digits folded (NFKC),
/// and a suffix taken off: two names with the same key are the same place spelled two ways.
fn key(name: &str) -> String {
    let folded: String = name.nfkc().filter(|c| !c.is_whitespace()).collect();
    let mut k = folded.as_str();
    for s in SUFFIXES {
        if let Some(rest) = k.strip_suffix(s) {
            if !rest.is_empty() {
                k = rest;
                break;
            }
        }
    }
    k.to_string()
}

/// Whether two different names under one parent may be the same place: equal but for
/// spaces, full-width characters or a suffix such as 安置点/社区, or one containing the
/// other with the difference holding no digit (1栋 and 11栋 are two buildings).
pub fn near(a: &str, b: &str) -> bool {
    near_keyed((a, &key(a)), (b, &key(b)))
}

/// `near`, with each name's `key` computed once.
fn near_keyed((a, ka): (&str, &str), (b, kb): (&str, &str)) -> bool {
    if a == b {
        return false;
    }
    if ka == kb {
        return true;
    }
    let (short, long) = if a.chars().count() <= b.chars().count() { (a, b) } else { (b, a) };
    if short.chars().count() < 2 {
        return false;
    }
    match long.find(short) {
        Some(at) => {
            let rest = format!("{}{}", &long[..at], &long[at + short.len()..]);
            !rest.chars().any(|c| c.is_numeric() || "一二三四五六七八九十零〇".contains(c))
        }
        None => false,
    }
}

/// Two spellings under one parent, with the household rows read under each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NearDuplicate {
    /// The parent's path from the city ("毕节市/织金县"), empty for cities.
    pub parent: String,
    pub a: (String, u64),
    pub b: (String, u64),
}

/// Near-duplicate names at every level, from building paths (city … building, empty for a
/// level a register skips) and their household rows.
pub fn near_duplicates<'a>(paths: impl IntoIterator<Item = (&'a [String; 6], u64)>) -> Vec<NearDuplicate> {
    // (level, parent path) → name → household rows.
    let mut by_parent: BTreeMap<(usize, String), BTreeMap<&'a str, u64>> = BTreeMap::new();
    for (path, n) in paths {
        let mut parent = String::new();
        for (level, name) in path.iter().enumerate() {
            if name.is_empty() {
                continue;
            }
            *by_parent.entry((level, parent.clone())).or_default().entry(name.as_str()).or_insert(0) += n;
            if !parent.is_empty() {
                parent.push('/');
            }
            parent.push_str(name);
        }
    }
    let mut out = Vec::new();
    for ((_, parent), names) in by_parent {
        // Siblings are few (tens, a few hundred buildings at most); every pair is compared.
        let names: Vec<(&str, u64, String)> = names.into_iter().map(|(n, k)| (n, k, key(n))).collect();
        for (i, a) in names.iter().enumerate() {
            for b in &names[i + 1..] {
                if near_keyed((a.0, &a.2), (b.0, &b.2)) {
                    out.push(NearDuplicate {
                        parent: parent.clone(),
                        a: (a.0.to_string(), a.1),
                        b: (b.0.to_string(), b.1),
                    });
                }
            }
        }
    }
    out
}

/// Variant → canonical names, from `--aliases`.
#[derive(Clone, Debug, Default)]
pub struct Aliases {
    map: HashMap<String, String>,
}

/// A line of an alias table that cannot be used: its line number and what to change.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("第{line}行：{zh} / line {line}: {en}")]
pub struct AliasError {
    pub line: u64,
    pub zh: String,
    pub en: String,
}

impl Aliases {
    /// Reads a CSV of `variant,canonical` rows (UTF-8, BOM allowed; a first row
    /// `variant,canonical` or `别名,标准名` is a header). Refused, with its line: a row
    /// without both names, a variant given two canonicals, a canonical that is itself a
    /// variant (a chain), a variant equal to its canonical.
    pub fn parse(text: &str) -> Result<Aliases, AliasError> {
        let mut map: HashMap<String, (String, u64)> = HashMap::new();
        let mut rd = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
        for (i, rec) in rd.records().enumerate() {
            let line = i as u64 + 1;
            let err = |zh: &str, en: &str| AliasError { line, zh: zh.to_string(), en: en.to_string() };
            let rec = rec.map_err(|e| err("无法读取", &e.to_string()))?;
            let cell = |k: usize| rec.get(k).map(|c| clean(c).into_owned()).unwrap_or_default();
            let (variant, canonical) = (cell(0), cell(1));
            if i == 0 && matches!(variant.as_str(), "variant" | "别名" | "变体") {
                continue;
            }
            if variant.is_empty() && canonical.is_empty() {
                continue;
            }
            if variant.is_empty() || canonical.is_empty() || rec.len() > 2 {
                return Err(err("每行应为“别名,标准名”两项", "each row is variant,canonical"));
            }
            if variant == canonical {
                return Err(err("别名与标准名相同", "the variant equals its canonical name"));
            }
            if let Some((c, at)) = map.get(&variant) {
                if *c != canonical {
                    return Err(AliasError {
                        line,
                        zh: format!("同一别名在第{at}行已指向另一标准名"),
                        en: format!("the same variant is given another canonical name on line {at}"),
                    });
                }
            }
            map.insert(variant, (canonical, line));
        }
        for (c, line) in map.values() {
            if let Some((_, at)) = map.get(c) {
                return Err(AliasError {
                    line: *line,
                    zh: format!("标准名在第{at}行又作为别名出现，请直接写最终的标准名"),
                    en: format!("the canonical name is itself a variant on line {at}; write the final name"),
                });
            }
        }
        Ok(Aliases { map: map.into_iter().map(|(v, (c, _))| (v, c)).collect() })
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The canonical name for `name`, if it is a variant.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.map.get(name).map(String::as_str)
    }

    /// Variants, sorted (to report those that matched nothing).
    pub fn variants(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.map.keys().map(String::as_str).collect();
        v.sort();
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_trims_and_normalises_never_shortens() {
        assert_eq!(clean("  平远新城安置点\u{3000}"), "平远新城安置点");
        assert_eq!(clean("\u{feff}1栋 "), "1栋");
        // "é" decomposed (e + U+0301) is the composed one.
        assert_eq!(clean("Cafe\u{301}"), "Caf\u{e9}");
        assert!(matches!(clean("平远新城"), Cow::Borrowed(_)));
    }

    #[test]
    fn near_names() {
        assert!(near("平远新城", "平远新城安置点"));
        assert!(near("平远新城安置区", "平远新城安置点"));
        assert!(near("惠泽社区", "惠泽"));
        assert!(near("平远 新城", "平远新城"));
        assert!(near("１栋", "1栋"));
        assert!(!near("1栋", "11栋"), "numbers differ");
        assert!(!near("第1网格", "第11网格"));
        assert!(!near("1栋", "1栋"));
        assert!(!near("惠泽社区", "惠民社区"));
        assert!(!near("新城一期", "新城二期"));
    }

    #[test]
    fn near_duplicates_under_one_parent_only() {
        let p = |s: [&str; 6]| s.map(String::from);
        let a = p(["毕节市", "织金县", "平远新城", "", "", "1栋"]);
        let b = p(["毕节市", "织金县", "平远新城安置点", "", "", "1栋"]);
        let c = p(["毕节市", "黔西市", "平远新城安置点", "", "", "1栋"]);
        let d = p(["毕节市", "织金县", "平远新城安置点", "", "", "11栋"]);
        let found = near_duplicates([(&a, 40), (&b, 2), (&c, 5), (&d, 3)]);
        assert_eq!(
            found,
            [NearDuplicate {
                parent: "毕节市/织金县".into(),
                a: ("平远新城".into(), 40),
                b: ("平远新城安置点".into(), 5)
            }]
        );
    }

    #[test]
    fn aliases_parse_and_refuse_with_lines() {
        let a = Aliases::parse("\u{feff}variant,canonical\n平远新城 ,平远新城安置点\n\n惠泽,惠泽社区\n").unwrap();
        assert_eq!(a.get("平远新城"), Some("平远新城安置点"));
        assert_eq!(a.variants(), ["平远新城", "惠泽"]);
        assert_eq!(Aliases::parse("a,b\na,c\n").unwrap_err().line, 2);
        assert!(Aliases::parse("a,b\nb,c\n").unwrap_err().zh.contains("标准名"));
        assert_eq!(Aliases::parse("a\n").unwrap_err().line, 1);
        assert_eq!(Aliases::parse("a,a\n").unwrap_err().line, 1);
    }
}
