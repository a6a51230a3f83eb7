//! The hostile-data corpus (tests/corpus): every file is rejected with exactly the
//! problem, location and wording that manifest.json gives, and nothing panics. The browser
//! test (tests/e2e/hardening.spec.ts) checks that the page shows the same.

use anju_data::Dataset;
use serde_json::Value;
use std::fs;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/corpus");

/// `UPDATE_CORPUS=1 cargo test --test corpus -- --ignored` writes what the validator says
/// for each file into `manifest.json` (new cases get an entry; read the diff before
/// committing it).
#[test]
#[ignore]
fn update_the_manifest() {
    if std::env::var_os("UPDATE_CORPUS").is_none() {
        return;
    }
    let mut files: Vec<String> =
        fs::read_dir(format!("{DIR}/files")).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    files.sort();
    let out: Vec<Value> = files
        .iter()
        .map(|case| {
            let ps = judge(case).expect_err(case);
            let p = &ps.list[0];
            serde_json::json!({
                "case": case, "check": format!("{:?}", p.check), "en": p.en, "file": p.at.file,
                "node": p.at.node, "path": p.at.path, "problems": ps.total, "zh": p.zh,
            })
        })
        .collect();
    fs::write(format!("{DIR}/manifest.json"), serde_json::to_string_pretty(&out).unwrap() + "\n").unwrap();
}

/// The problems of corpus file `case`: an index is checked when the page opens; a shard
/// (a folder) when someone opens its county.
fn judge(case: &str) -> Result<(), anju_data::Problems> {
    let path = format!("{DIR}/files/{case}");
    if case.ends_with(".json") {
        Dataset::from_index(case, &fs::read(&path).unwrap()).map(|_| ())
    } else {
        let mut ds = Dataset::from_index("index.json", &fs::read(format!("{path}/index.json")).unwrap())
            .unwrap_or_else(|p| panic!("{case}: its index must be valid: {:?}", p.list));
        ds.attach_shard("shards/A.json", &fs::read(format!("{path}/shards/A.json")).unwrap())
    }
}

#[test]
fn every_corpus_file_is_rejected_with_its_expected_problem() {
    let manifest: Vec<Value> =
        serde_json::from_str(&fs::read_to_string(format!("{DIR}/manifest.json")).unwrap()).unwrap();
    let mut files: Vec<String> =
        fs::read_dir(format!("{DIR}/files")).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    files.sort();
    let mut cases: Vec<String> = manifest.iter().map(|c| c["case"].as_str().unwrap().to_string()).collect();
    cases.sort();
    assert_eq!(files, cases, "every corpus file has one manifest entry");
    assert!(cases.len() >= 30, "at least 30 hostile files, have {}", cases.len());
    for want in &manifest {
        let case = want["case"].as_str().unwrap();
        let res = judge(case);
        let Err(ps) = res else { panic!("{case}: accepted") };
        let got = &ps.list[0];
        assert_eq!(format!("{:?}", got.check), want["check"].as_str().unwrap(), "{case}");
        assert_eq!(got.at.file, want["file"].as_str().unwrap(), "{case}");
        assert_eq!(got.at.path, want["path"].as_str().unwrap(), "{case}");
        assert_eq!(got.at.node.as_deref(), want["node"].as_str(), "{case}");
        assert_eq!(got.zh, want["zh"].as_str().unwrap(), "{case}");
        assert_eq!(got.en, want["en"].as_str().unwrap(), "{case}");
        assert_eq!(ps.total as u64, want["problems"].as_u64().unwrap(), "{case}");
    }
}
