//! `--place` shortened: a sheet without place columns may be given only its site (平远新城
//! 安置点) or its county and site, when that names one place among the rest of the input.
//! A path of three or more names is read from the city down, as written.

use std::collections::BTreeSet;

/// A place's path from the city down: 市, 县, 安置点, 社区, 网格 (the last two may be
/// empty when a register has no such column).
pub type PlacePath = [String; 5];

/// The place choice as messages name it.
fn place() -> (String, String) {
    crate::flags::named(anju_data::import::Choice::Place)
}

/// Why a shortened `--place` names no place, or more than one.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Unresolved {
    #[error("{} “{given}” 在其余台账中找不到：请从市写起，如 毕节市/织金县/平远新城安置点 / {} “{given}” is not among the places of the other registers: write it from the city down, as 毕节市/织金县/平远新城安置点", place().0, place().1)]
    NotFound { given: String },
    #[error("{} “{given}” 可以指 {}：请从市写起 / {} “{given}” could be {}: write it from the city down", place().0, .candidates.join("、"), place().1, .candidates.join(", "))]
    Ambiguous { given: String, candidates: Vec<String> },
}

/// The full path (city, county, site, and community and grid where `given` reaches them)
/// of the one place whose path ends with `given`, among `known`. `given` of three or more
/// names is returned as it is (read from the city down).
///
/// Errors: no known place ends with `given`, or more than one does (up to five are named;
/// place names are not personal data).
pub fn resolve(given: &[String], known: &BTreeSet<PlacePath>) -> Result<Vec<String>, Unresolved> {
    if given.len() >= 3 || given.is_empty() {
        return Ok(given.to_vec());
    }
    // Each prefix of a known path down to a site, a community or a grid.
    let mut found: BTreeSet<&[String]> = BTreeSet::new();
    for path in known {
        for len in 3..=5 {
            let prefix = &path[..len];
            if prefix.iter().all(|n| !n.is_empty()) && prefix.ends_with(given) {
                found.insert(prefix);
            }
        }
    }
    let shown = given.join("/");
    match found.len() {
        0 => Err(Unresolved::NotFound { given: shown }),
        1 => Ok(found.into_iter().next().unwrap_or_default().to_vec()),
        _ => {
            Err(Unresolved::Ambiguous { given: shown, candidates: found.iter().take(5).map(|p| p.join("/")).collect() })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> PlacePath {
        let mut v: Vec<String> = s.split('/').map(str::to_string).collect();
        v.resize(5, String::new());
        v.try_into().unwrap()
    }
    fn g(s: &str) -> Vec<String> {
        s.split('/').map(str::to_string).collect()
    }

    #[test]
    fn a_site_or_a_county_and_site_found_once_is_expanded() {
        let known: BTreeSet<_> =
            [p("毕节市/织金县/平远新城安置点/惠泽社区/一网格"), p("毕节市/黔西市/锦绣花园安置点/锦绣社区")].into();
        assert_eq!(resolve(&g("平远新城安置点"), &known).unwrap(), g("毕节市/织金县/平远新城安置点"));
        assert_eq!(resolve(&g("织金县/平远新城安置点"), &known).unwrap(), g("毕节市/织金县/平远新城安置点"));
        assert_eq!(resolve(&g("平远新城安置点/惠泽社区"), &known).unwrap(), g("毕节市/织金县/平远新城安置点/惠泽社区"));
        assert_eq!(resolve(&g("锦绣社区"), &known).unwrap(), g("毕节市/黔西市/锦绣花园安置点/锦绣社区"));
        // From the city down: as written, known or not.
        assert_eq!(resolve(&g("六盘水市/水城区/新安置点"), &known).unwrap(), g("六盘水市/水城区/新安置点"));
    }

    #[test]
    fn a_name_found_twice_or_nowhere_is_refused_with_what_to_write() {
        let known: BTreeSet<_> = [p("毕节市/织金县/幸福安置点"), p("铜仁市/万山区/幸福安置点")].into();
        let e = resolve(&g("幸福安置点"), &known).unwrap_err();
        assert_eq!(
            e,
            Unresolved::Ambiguous {
                given: "幸福安置点".into(),
                candidates: vec!["毕节市/织金县/幸福安置点".into(), "铜仁市/万山区/幸福安置点".into()]
            }
        );
        assert!(e.to_string().contains("请从市写起"));
        assert_eq!(resolve(&g("织金县/幸福安置点"), &known).unwrap(), g("毕节市/织金县/幸福安置点"));
        let e = resolve(&g("平远新城"), &known).unwrap_err();
        assert_eq!(e, Unresolved::NotFound { given: "平远新城".into() });
        // Names are whole: 新城安置点 is not 平远新城安置点.
        let known: BTreeSet<_> = [p("毕节市/织金县/平远新城安置点")].into();
        assert!(resolve(&g("新城安置点"), &known).is_err());
    }
}
