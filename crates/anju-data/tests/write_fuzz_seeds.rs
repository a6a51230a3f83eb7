//! Keeps the fuzz target's seed corpus in step with the format: writes the fixture's
//! index and shard into fuzz/seeds (small files, so the fuzzer runs fast).

mod common;

#[test]
fn fuzz_seeds_are_current() {
    let (index, shard) = common::dataset();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, v) in [("index.json", index), ("shard.json", shard)] {
        let text = serde_json::to_string(&v).unwrap();
        let path = dir.join(name);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&path, text).unwrap();
        }
    }
}
