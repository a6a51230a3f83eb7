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
