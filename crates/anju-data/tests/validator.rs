//! Every validator check, each with a failing example: the valid fixture is broken in one
//! place and the test asserts the exact check and location reported.

mod common;

use anju_data::{Check, Problem};
use common::{dataset, problems};
use serde_json::{json, Value};

fn only(ps: &[Problem]) -> &Problem {
    assert_eq!(ps.len(), 1, "expected exactly one problem, got {ps:#?}");
    &ps[0]
}

fn expect(ps: &[Problem], check: Check, file: &str, path: &str) {
    assert!(
        ps.iter().any(|p| p.check == check && p.at.file == file && p.at.path == path),
        "no {check:?} at {file} {path} in {ps:#?}"
    );
    for p in ps {
        assert!(!p.zh.is_empty() && !p.en.is_empty(), "both languages: {p:?}");
    }
}

/// Finds a node by id in a file's value.
fn node<'a>(file: &'a mut Value, id: &str) -> &'a mut Value {
    file["nodes"].as_array_mut().unwrap().iter_mut().find(|n| n["id"] == id).unwrap()
}

#[test]
fn the_fixture_is_valid() {
    let (i, s) = dataset();
    assert_eq!(problems(&i, &s), vec![]);
}

#[test]
fn syntax_error_with_line_and_column() {
    let (_, s) = dataset();
    let files = [("index.json", "{\n\"format\": \"anju-dataset\",\n,}".to_string()), ("shards/A.json", s.to_string())];
    let (_, ps) =
        anju_data::load_all("index.json", |p| Ok(files.iter().find(|(n, _)| *n == p).unwrap().1.clone().into_bytes()));
    let p = only(&ps.list);
    assert_eq!(p.check, Check::Syntax);
    assert_eq!(p.at.path, "line 3, column 1");
}

#[test]
fn schema_version_and_format() {
    let (mut i, s) = dataset();
    i["schema_version"] = json!(7);
    expect(&problems(&i, &s), Check::Version, "index.json", "$.schema_version");
    // Whatever else it is, refused at its key, naming what was written.
    for (v, said) in
        [(json!("2"), "\"2\""), (json!(2.5), "2.5"), (json!(-1), "-1"), (json!({"v": 2}), "{…}"), (json!([2]), "[…]")]
    {
        let (mut i, s) = dataset();
        i["schema_version"] = v;
        let ps = problems(&i, &s);
        expect(&ps, Check::Version, "index.json", "$.schema_version");
        assert_eq!(ps[0].en, format!("schema version {said} is not supported; this program reads versions 1 and 2"));
    }
    let (mut i, s) = dataset();
    i["schema_version"] = json!(null);
    expect(&problems(&i, &s), Check::Version, "index.json", "$");
    let (mut i, s) = dataset();
    i["format"] = json!("geojson");
    expect(&problems(&i, &s), Check::Format, "index.json", "$.format");
}

#[test]
fn required_fields_and_types() {
    let (mut i, s) = dataset();
    node(&mut i, "B").as_object_mut().unwrap().remove("name");
    let ps = problems(&i, &s);
    let p = only(&ps);
    assert_eq!(p.check, Check::FieldType);
    assert_eq!(p.at.path, "$.nodes[2]");
    assert!(p.zh.contains("缺少必填字段"), "{}", p.zh);
    let (mut i, s) = dataset();
    node(&mut i, "B")["level"] = json!("village");
    assert_eq!(only(&problems(&i, &s)).at.path, "$.nodes[2].level");
    let (mut i, s) = dataset();
    i["nodes"] = json!({"not": "an array"});
    assert_eq!(only(&problems(&i, &s)).at.path, "$.nodes");
}

#[test]
fn counts_must_be_non_negative_whole_numbers() {
    let (i, mut s) = dataset();
    node(&mut s, "A-1a")["m"]["disabled"] = json!(-2);
    node(&mut s, "A-1b")["m"]["employed"] = json!([5, 6.5]);
    node(&mut s, "A-1b")["m"]["labour"] = json!("ten");
    let ps = problems(&i, &s);
    expect(&ps, Check::BadCount, "shards/A.json", "$.nodes[1].m.disabled");
    expect(&ps, Check::BadCount, "shards/A.json", "$.nodes[2].m.employed[1]");
    expect(&ps, Check::BadCount, "shards/A.json", "$.nodes[2].m.labour");
}

#[test]
fn no_count_exceeds_its_total() {
    let (mut i, s) = dataset();
    // A building with more disabled people than people (and the sums kept right above).
    node(&mut i, "B-1b")["m"]["disabled"] = json!(17);
    for id in ["B-1", "B", "R"] {
        let v = node(&mut i, id)["m"]["disabled"].as_u64().unwrap();
        node(&mut i, id)["m"]["disabled"] = json!(v + 15);
    }
    let ps = problems(&i, &s);
    let p = only(&ps);
    assert_eq!(
        (p.check, p.at.path.as_str(), p.at.node.as_deref()),
        (Check::Exceeds, "$.nodes[5].m.disabled", Some("B-1b"))
    );
    // employed > labour
    let (mut i, s) = dataset();
    node(&mut i, "B-1b")["m"]["labour"] = json!(3);
    let ps = problems(&i, &s);
    expect(&ps, Check::Exceeds, "index.json", "$.nodes[5].m.employed");
}

#[test]
fn parts_add_up_to_their_whole() {
    let (mut i, s) = dataset();
    node(&mut i, "B-1a")["m"]["welfare_posts"] = json!(2);
    let ps = problems(&i, &s);
    expect(&ps, Check::Partition, "index.json", "$.nodes[4].m.employed");
}

#[test]
fn ids_are_unique() {
    let (mut i, s) = dataset();
    node(&mut i, "B-1b")["id"] = json!("B-1a");
    let ps = problems(&i, &s);
    expect(&ps, Check::DuplicateId, "index.json", "$.nodes[5].id");
    // Across files: a shard node reusing an index id.
    let (i, mut s) = dataset();
    node(&mut s, "A-1b")["id"] = json!("B-1a");
    node(&mut s, "A-1")["children"] = json!(["A-1a", "B-1a"]);
    expect(&problems(&i, &s), Check::DuplicateId, "shards/A.json", "$.nodes[2].id");
}

#[test]
fn levels_strictly_descend() {
    let (mut i, s) = dataset();
    node(&mut i, "B-1")["level"] = json!("county");
    node(&mut i, "B-1")["m"]["sites"] = json!(0);
    for id in ["B", "R"] {
        let v = node(&mut i, id)["m"]["sites"].as_u64().unwrap();
        node(&mut i, id)["m"]["sites"] = json!(v - 1);
    }
    expect(&problems(&i, &s), Check::LevelOrder, "index.json", "$.nodes[2].children[0]");
}

#[test]
fn own_counts_match_the_level() {
    let (mut i, s) = dataset();
    node(&mut i, "B-1a")["m"]["buildings"] = json!(2);
    expect(&problems(&i, &s), Check::OwnCount, "index.json", "$.nodes[4].m.buildings");
}

#[test]
fn every_child_named_is_present_and_no_orphans() {
    let (mut i, s) = dataset();
    node(&mut i, "B-1")["children"] = json!(["B-1a", "B-1b", "B1c"]);
    expect(&problems(&i, &s), Check::MissingChild, "index.json", "$.nodes[3].children[2]");
    let (mut i, s) = dataset();
    node(&mut i, "B-1")["children"] = json!(["B-1a"]);
    let ps = problems(&i, &s);
    expect(&ps, Check::Orphan, "index.json", "$.nodes[5]");
    // A shard missing one of its parent's children.
    let (i, mut s) = dataset();
    s["nodes"].as_array_mut().unwrap().retain(|n| n["id"] != "A-1b");
    node(&mut s, "A-1")["children"] = json!(["A-1a"]);
    expect(&problems(&i, &s), Check::Sum, "shards/A.json", "$.nodes[0].m.people");
}

#[test]
fn the_root_is_present() {
    let (mut i, s) = dataset();
    i["root"] = json!("nowhere");
    expect(&problems(&i, &s), Check::Root, "index.json", "$.root");
}

#[test]
fn shard_files_exist_and_match_the_index() {
    let (i, s) = dataset();
    let files = [("index.json", i.to_string())];
    let (_, ps) = anju_data::load_all("index.json", |p| {
        files.iter().find(|(n, _)| *n == p).map(|(_, b)| b.clone().into_bytes()).ok_or_else(|| "not found".into())
    });
    let p = only(&ps.list);
    assert_eq!(
        (p.check, p.at.path.as_str(), p.at.node.as_deref()),
        (Check::ShardMissing, "$.nodes[1].shard", Some("A"))
    );
    let _ = s;
    let (i, mut s) = dataset();
    s["parent"] = json!("B");
    expect(&problems(&i, &s), Check::ShardMismatch, "shards/A.json", "$.parent");
    let (i, mut s) = dataset();
    s["periods"] = json!(["2025-04", "2025-05"]);
    expect(&problems(&i, &s), Check::ShardMismatch, "shards/A.json", "$.periods");
    let (mut i, s) = dataset();
    node(&mut i, "A")["shard"] = json!("../../etc/passwd.json");
    expect(&problems(&i, &s), Check::ShardPath, "index.json", "$.nodes[1].shard");
}

#[test]
fn parents_equal_the_sum_of_children_at_every_period() {
    let (mut i, s) = dataset();
    node(&mut i, "B-1a")["m"]["employed"] = json!([7, 9]);
    node(&mut i, "B-1a")["m"]["away"] = json!([5, 7]);
    let ps = problems(&i, &s);
    assert_eq!(ps.len(), 2, "employed and its part away: {ps:#?}");
    expect(&ps, Check::Sum, "index.json", "$.nodes[3].m.away");
    let p = ps.iter().find(|p| p.at.path == "$.nodes[3].m.employed").expect("employed sum");
    assert_eq!(p.check, Check::Sum);
    // Only the second period is off, and the message says which.
    assert!(p.zh.contains("2025-06") && p.en.contains("2025-06"), "{p:?}");
    // Across files: the county in the index against its sites in the shard.
    let (mut i, s) = dataset();
    node(&mut i, "A")["m"]["people"] = json!(61);
    let v = node(&mut i, "R")["m"]["people"].as_u64().unwrap();
    node(&mut i, "R")["m"]["people"] = json!(v + 1);
    let ps = problems(&i, &s);
    expect(&ps, Check::Sum, "index.json", "$.nodes[1].m.people");
}

#[test]
fn income_is_the_weighted_mean() {
    let (mut i, s) = dataset();
    node(&mut i, "B-1")["income"] = json!([9100.0, 9999.0]);
    expect(&problems(&i, &s), Check::IncomeRollup, "index.json", "$.nodes[3].income");
    // One fen either way is rounding (the children's and the parent's); two is not.
    // (B-1's children all at 9000.00, so their weighted mean is exactly that.)
    for (off, ok) in [(0.01, true), (-0.01, true), (0.02, false), (-0.02, false)] {
        let (mut i, s) = dataset();
        let kids: Vec<String> =
            node(&mut i, "B-1")["children"].as_array().unwrap().iter().map(|k| k.as_str().unwrap().into()).collect();
        for k in &kids {
            node(&mut i, k)["income"][0] = json!(9000.0);
        }
        node(&mut i, "B-1")["income"][0] = json!(((9000.0f64 + off) * 100.0).round() / 100.0);
        let found = problems(&i, &s).iter().any(|p| p.check == Check::IncomeRollup && p.at.path == "$.nodes[3].income");
        assert_eq!(found, !ok, "{off:+}");
    }
    let (mut i, s) = dataset();
    node(&mut i, "B-1a")["income"] = json!([9000, -5]);
    expect(&problems(&i, &s), Check::BadIncome, "index.json", "$.nodes[4].income[1]");
}

#[test]
fn periods_are_well_formed_and_sorted() {
    let (mut i, s) = dataset();
    i["periods"] = json!(["2025-06", "2025-05"]);
    expect(&problems(&i, &s), Check::Period, "index.json", "$.periods[1]");
    let (mut i, s) = dataset();
    i["periods"] = json!(["2025-5", "2025-06"]);
    expect(&problems(&i, &s), Check::Period, "index.json", "$.periods[0]");
}

#[test]
fn series_have_one_value_per_period() {
    let (mut i, s) = dataset();
    node(&mut i, "B-1a")["m"]["labour"] = json!([15, 15, 15]);
    expect(&problems(&i, &s), Check::SeriesLength, "index.json", "$.nodes[4].m.labour");
}

#[test]
fn metadata_is_checked() {
    let (mut i, s) = dataset();
    i["dataset"]["as_of"] = json!("2025-02-30");
    expect(&problems(&i, &s), Check::Meta, "index.json", "$.dataset.as_of");
    let (mut i, s) = dataset();
    i["dataset"]["as_of"] = json!("2024-01-01");
    expect(&problems(&i, &s), Check::Meta, "index.json", "$.dataset.as_of");
}

#[test]
fn unknown_metrics_targets_names_and_claims() {
    let (mut i, s) = dataset();
    node(&mut i, "B-1a")["m"]["peeple"] = json!(3);
    expect(&problems(&i, &s), Check::UnknownMetric, "index.json", "$.nodes[4].m.peeple");
    let (mut i, s) = dataset();
    node(&mut i, "B")["targets"] = json!({"employment_rate": 95});
    expect(&problems(&i, &s), Check::Target, "index.json", "$.nodes[2].targets.employment_rate");
    let (mut i, s) = dataset();
    node(&mut i, "B")["name"] = json!("  ");
    expect(&problems(&i, &s), Check::EmptyField, "index.json", "$.nodes[2].name");
    let (mut i, s) = dataset();
    node(&mut i, "B")["published"] = json!([{"source": "s9", "fields": ["people"], "period": "2025-06"}]);
    expect(&problems(&i, &s), Check::Claim, "index.json", "$.nodes[2].published[0].source");
}

#[test]
fn hostile_text_is_clipped_in_messages() {
    let (mut i, s) = dataset();
    let long = "<script>".repeat(2000);
    node(&mut i, "B-1")["children"] = json!(["B-1a", "B-1b", long]);
    let ps = problems(&i, &s);
    // The unknown child is reported (else the clip would go untested), and clipped.
    assert!(!ps.is_empty(), "the 16,000-character child id is reported");
    assert!(ps.iter().all(|p| p.zh.chars().count() < 400 && p.en.chars().count() < 400), "{ps:?}");
}

/// The fixture carries every metric a relation names, so that every relation is checked
/// (and the corpus can break each one).
#[test]
fn the_fixture_knows_every_relation() {
    let (i, _) = dataset();
    let known: Vec<String> =
        i["nodes"].as_array().unwrap().iter().flat_map(|n| n["m"].as_object().unwrap().keys().cloned()).collect();
    for r in anju_data::relations::RELATIONS {
        for m in r.metrics() {
            assert!(known.iter().any(|k| k == m.key()), "{} is not in the fixture ({})", m.key(), r.formula(false));
        }
    }
}

/// A relation is checked where every metric it names is known: a dataset that leaves
/// labour out entirely is not held to `employed ≤ labour`; a shard that leaves out a key
/// the index carries is (the key reads as 0 there).
#[test]
fn relations_are_checked_over_known_metrics_only() {
    let (mut i, mut s) = dataset();
    for file in [&mut i, &mut s] {
        for n in file["nodes"].as_array_mut().unwrap() {
            n["m"].as_object_mut().unwrap().remove("labour");
        }
    }
    assert_eq!(problems(&i, &s), vec![], "labour unknown: nothing to hold it to");
    let (i, mut s) = dataset();
    node(&mut s, "A-1a")["m"].as_object_mut().unwrap().remove("zero_employment_households");
    let ps = problems(&i, &s);
    expect(&ps, Check::Partition, "shards/A.json", "$.nodes[1].m.labour_households");
    let p = ps.iter().find(|p| p.check == Check::Partition).unwrap();
    assert_eq!(p.zh, "有劳动力户（8）不等于其分项之和（7），统计期 2025-05");
    assert_eq!(
        p.en,
        "labour_households (8) is not the sum of employed_households + zero_employment_households (7) in 2025-05"
    );
}

/// A claim's words hold the stored figure to them; its date is a date; its words are
/// readable, given once, and for fields it names.
#[test]
fn claims_hold_figures_to_their_words() {
    let claim = |written: Value, date: &str| json!([{"source": "s1", "fields": ["people", "employment_rate"], "period": "2025-06", "date": date, "written": written}]);
    let (mut i, s) = dataset();
    // R has 106 people and employs 30 of 53 labourers in 2025-06 (56.6 %).
    node(&mut i, "R")["published"] = claim(json!({"people": "约100", "employment_rate": "56.6%"}), "2022-03");
    expect(&problems(&i, &s), Check::Claim, "index.json", "$.nodes[0].published[0].written.people");
    let ps = problems(&i, &s);
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert_eq!(ps[0].zh, "人口为 106，与来源原文“约100”不符（统计期 2025-06）");
    let (mut i, s) = dataset();
    node(&mut i, "R")["published"] = claim(json!({"people": "106", "employment_rate": "56.60%"}), "2022-03");
    assert_eq!(problems(&i, &s), vec![], "exact and per-cent words that hold");
    let (mut i, s) = dataset();
    node(&mut i, "R")["published"] = claim(json!({"people": "106"}), "截至6月底");
    expect(&problems(&i, &s), Check::Claim, "index.json", "$.nodes[0].published[0].date");
    let (mut i, s) = dataset();
    node(&mut i, "R")["published"] = claim(json!({"people": "lots"}), "");
    expect(&problems(&i, &s), Check::Claim, "index.json", "$.nodes[0].published[0].written.people");
    let (mut i, s) = dataset();
    node(&mut i, "R")["published"] = claim(json!({"households": "26"}), "");
    expect(&problems(&i, &s), Check::Claim, "index.json", "$.nodes[0].published[0].written.households");
    // The same field's words twice: a JSON value cannot hold that, so the text is edited.
    let (mut i, s) = dataset();
    node(&mut i, "R")["published"] = claim(json!({}), "");
    let text = i.to_string().replace(r#""written":{}"#, r#""written":{"people":"106","people":"107"}"#);
    let files = [("index.json", text), ("shards/A.json", s.to_string())];
    let (_, ps) = anju_data::load_all("index.json", |p| {
        files.iter().find(|(n, _)| *n == p).map(|(_, b)| b.clone().into_bytes()).ok_or_else(|| "not found".to_string())
    });
    expect(&ps.list, Check::Claim, "index.json", "$.nodes[0].published[0].written.people");
    assert!(ps.list.iter().any(|p| p.zh == "原文措辞中字段 \"people\" 出现了两次"), "{:#?}", ps.list);
}
