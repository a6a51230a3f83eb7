//! The hostile datasets of the shared cases (copied into tests/fixtures/cases/hostile):
//! each is accepted or refused as its case.json says, with words its pattern matches.
//! The browser side (what a visit shows, which requests it makes) is tests/e2e/cases.spec.ts.

use anju_data::load_all;
use serde_json::Value;
use std::path::Path;

/// The case's pattern (`(?i)a|b`, the only form these use): any alternative, ignoring case.
fn matches(pattern: &str, text: &str) -> bool {
    let (p, t) = (pattern.trim_start_matches("(?i)").to_lowercase(), text.to_lowercase());
    p.split('|').any(|alt| t.contains(alt))
}

#[test]
fn each_hostile_case_is_judged_as_its_case_says() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/cases/hostile");
    let mut seen = 0;
    for e in std::fs::read_dir(&root).unwrap().flatten() {
        let dir = e.path();
        let case: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("case.json")).unwrap()).unwrap();
        let index = dir.join(case["index"].as_str().unwrap());
        let base = index.parent().unwrap().to_path_buf();
        let name = index.file_name().unwrap().to_str().unwrap().to_string();
        let (ds, ps) = load_all(&name, |p| std::fs::read(base.join(p)).map_err(|e| e.to_string()));
        let words: Vec<String> = ps.list.iter().map(|p| format!("{} {} / {}", p.at, p.zh, p.en)).collect();
        match case["validator"].as_str().unwrap() {
            "reject" => {
                assert!(!ps.is_empty(), "{}: accepted", dir.display());
                let pattern = case["validator_match"].as_str().unwrap();
                assert!(words.iter().any(|w| matches(pattern, w)), "{}: {words:?}", dir.display());
            }
            _ => assert!(ps.is_empty() && ds.is_some(), "{}: {words:?}", dir.display()),
        }
        seen += 1;
    }
    assert!(seen >= 4, "the cases were found");
}

#[test]
fn the_pattern_reading_can_fail() {
    assert!(matches("(?i)shard path|分片路径", "Invalid SHARD PATH"));
    assert!(!matches("(?i)duplicate|重复", "cannot parse"));
}
