//! URL parameters come from anyone who can send a link. Parsing must never panic, must
//! never accept a dataset URL that is not same-origin and relative, must keep its notices
//! short whatever the input, and what it writes back must parse to the same view.
#![no_main]

use anju_data::view::query::{data_url_ok, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let q = String::from_utf8_lossy(data);
    let (st, notes) = parse(&q);
    if let Some(d) = &st.data {
        assert!(data_url_ok(d), "accepted data URL {d:?}");
        // An oracle apart from the parser's own rule: resolved against any page, the
        // dataset stays on that page's origin (no scheme, no network path, no backslash,
        // which browsers read as a slash), or it is `local:` and a plain name, read from
        // this browser's storage and never fetched.
        match d.strip_prefix("local:") {
            Some(name) => assert!(
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
                "{d:?} is not a plain local name"
            ),
            None => {
                let first = d.split('/').next().unwrap_or("");
                assert!(!first.contains(':') && !d.starts_with('/') && !d.contains('\\'), "{d:?} leaves the origin");
            }
        }
    }
    // The node in view is what the link named, never something the parser made up.
    if let Some(n) = &st.node {
        assert!(!n.is_empty() && !n.chars().any(char::is_control), "node {n:?}");
    }
    for n in &notes {
        // Echoed values are clipped: a hostile link cannot flood the notice area.
        assert!(n.zh.chars().count() < 200 && n.en.chars().count() < 300, "{n:?}");
    }
    let again = st.to_query();
    let (st2, notes2) = parse(&again);
    assert!(notes2.is_empty(), "{again:?} gave {notes2:?}");
    assert_eq!(st, st2, "round trip through {again:?}");
});
