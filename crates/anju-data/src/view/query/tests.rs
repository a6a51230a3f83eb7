use super::*;
use crate::Metric;

#[test]
fn empty_query_is_the_default_view() {
    let (st, notes) = parse("");
    assert_eq!(st, ViewState::default());
    assert!(notes.is_empty());
    assert_eq!(st.to_query(), "");
}

#[test]
fn table_pages_are_in_the_url_and_reset_on_a_drill() {
    let (st, notes) = parse("node=x&page=3");
    assert_eq!((st.page, notes.len()), (Some(3), 0));
    assert_eq!(st.to_query(), "?node=x&page=3");
    assert_eq!(st.at_node(Some("y")).page, None);
    for bad in ["page=0", "page=-1", "page=x", "page=1000001"] {
        let (st, notes) = parse(bad);
        assert_eq!((st.page, notes.len()), (None, 1), "{bad}");
    }
}

#[test]
fn seconds_allow_decimals_within_range() {
    assert_eq!(seconds_ms("20", 50, 3_600_000), Some(20_000));
    assert_eq!(seconds_ms("0.05", 50, 3_600_000), Some(50));
    assert_eq!(seconds_ms("1.5", 50, 3_600_000), Some(1_500));
    assert_eq!(seconds_ms("2.125", 50, 3_600_000), Some(2_125));
    for bad in ["", ".", "1.", ".5", "0.01", "1.2345", "-1", "+1", "1e3", "3601", "abc", "9999999999", "1,5", " 1"] {
        assert_eq!(seconds_ms(bad, 50, 3_600_000), None, "{bad:?}");
    }
    for ms in [50, 999, 1_000, 1_500, 20_000, 3_600_000] {
        assert_eq!(seconds_ms(&ms_to_seconds(ms), 50, 3_600_000), Some(ms));
    }
    assert_eq!(ms_to_seconds(20_000), "20");
    assert_eq!(ms_to_seconds(50), "0.05");
}

#[test]
fn every_parameter_round_trips() {
    let q = "?node=520603&view=screen&metric=employment_rate&group=disabled,left_behind_children&risk=red,yellow&period=2024-06&compare=2023-06&slide=3&lang=en&data=data/province/index.json&suppress=1&interval=30&refresh=60&tour=520603,520621&kiosk=1&sort=-people&alert=zero_employment,below_target";
    let (st, notes) = parse(q);
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(st.node.as_deref(), Some("520603"));
    assert_eq!(st.view, ViewMode::Screen);
    assert_eq!(st.metric, Some(Measure::EmploymentRate));
    assert_eq!(st.groups, vec![Group::Disabled, Group::LeftBehindChildren]);
    assert_eq!(st.risks, vec![Risk::Red, Risk::Yellow]);
    assert_eq!(st.period.unwrap().to_string(), "2024-06");
    assert_eq!(st.lang, Lang::En);
    assert_eq!(st.data.as_deref(), Some("data/province/index.json"));
    assert_eq!(st.tour, vec!["520603", "520621"]);
    assert_eq!(st.sort, Some(Sort { by: Some(Measure::Count(Metric::People)), desc: true }));
    assert_eq!(st.alerts, vec![Threshold::ZeroEmployment, Threshold::BelowTarget]);
    assert!(st.needs_subtree());
    // A risk colour alone needs every building too (its where-to-go list).
    assert!(parse("risk=red").0.needs_subtree());
    assert!(!parse("node=a&lang=en").0.needs_subtree());
    assert_eq!(st.to_query(), q);
    assert_eq!(parse(&st.to_query()).0, st);
}

#[test]
fn malformed_parameters_fall_back_with_a_notice() {
    let (st, notes) = parse("view=tv&metric=happiness&group=disabled,aliens&risk=purple&period=2024-13&slide=-1&lang=fr&suppress=yes&interval=0.01&refresh=abc&kiosk=2&sort=-nope&bogus=1&node=");
    assert_eq!(st.view, ViewMode::Dashboard);
    assert_eq!(st.metric, None);
    assert_eq!(st.groups, vec![Group::Disabled]);
    assert!(st.risks.is_empty());
    assert_eq!(st.lang, Lang::Zh);
    let params: Vec<&str> = notes.iter().map(|n| n.param.as_str()).collect();
    assert_eq!(
        params,
        [
            "view", "metric", "group", "risk", "period", "slide", "lang", "suppress", "interval", "refresh", "kiosk",
            "sort", "bogus", "node"
        ]
    );
    assert!(notes.iter().all(|n| n.zh.contains("无效") && n.en.contains("invalid")));
}

#[test]
fn data_must_be_same_origin_and_relative() {
    for bad in [
        "https://evil.example/x.json",
        "//evil.example/x.json",
        "/abs/index.json",
        "javascript:alert(1)",
        "data/x.txt",
        "a\\b.json",
        "data/x.json?x=1",
        "data:text/json,{}",
    ] {
        let (st, notes) =
            parse(&format!("data={}", form_urlencoded::byte_serialize(bad.as_bytes()).collect::<String>()));
        assert_eq!(st.data, None, "{bad}");
        assert_eq!(notes.len(), 1, "{bad}");
    }
    assert!(data_url_ok("data/province/index.json"));
    assert!(data_url_ok("../other/index.json"));
    // A dataset imported in this browser: the one scheme, with a plain name.
    assert!(data_url_ok("local:import-20261201-1420"));
    for bad in [
        "local:",
        "local:a/b",
        "local:../x",
        "local:a b",
        "LOCAL:x",
        "local:%2e",
        "local:x.json",
        "http://x/index.json",
    ] {
        assert!(!data_url_ok(bad), "{bad}");
    }
    assert!(!data_url_ok(&format!("local:{}", "a".repeat(65))));
}

#[test]
fn hostile_values_are_clipped_in_notices() {
    let long = "x".repeat(10_000);
    let (_, notes) = parse(&format!("{long}={long}"));
    assert!(notes[0].zh.chars().count() < 200);
    // A right-to-left override would scramble the notice around the echo; a NUL is shown
    // as something unprintable.
    let (_, notes) = parse("period=%E2%80%AE2025-13&node=52%00x");
    assert_eq!(notes.len(), 2, "{notes:?}");
    for n in &notes {
        assert!(!n.zh.contains('\u{202E}') && !n.en.contains('\u{0}'), "{n:?}");
    }
    assert!(notes.iter().any(|n| n.en.contains("52\u{FFFD}x")), "{notes:?}");
}

#[test]
fn a_node_id_with_a_control_character_is_refused() {
    let (st, notes) = parse("node=52%0A0603");
    assert_eq!(st.node, None);
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].param, "node");
    let (st, notes) = parse("node=520603-S1");
    assert_eq!((st.node.as_deref(), notes.len()), (Some("520603-S1"), 0));
}

#[test]
fn moving_to_another_node_keeps_the_rest() {
    let (st, _) = parse("node=a&lang=en&group=disabled&slide=2");
    let next = st.at_node(Some("b"));
    assert_eq!(next.to_query(), "?node=b&group=disabled&lang=en");
    assert_eq!(st.at_node(None).to_query(), "?group=disabled&lang=en");
}

/// One entry per parameter: keys unique, and the contract's parameters all there.
#[test]
fn each_parameter_is_defined_once() {
    let keys: Vec<&str> = params::PARAMS.iter().map(|p| p.key).collect();
    let mut unique = keys.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), keys.len(), "{keys:?}");
    for k in ["node", "view", "metric", "group", "risk", "period", "compare", "slide", "lang", "data", "suppress"] {
        assert!(keys.contains(&k), "{k}");
    }
    // The default state writes nothing (every_parameter_round_trips checks the values).
    assert!(params::PARAMS.iter().all(|p| (p.write)(&ViewState::default()).is_none()));
}
