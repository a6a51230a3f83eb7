//! The fuzz target's seed corpus (fuzz/seeds) must be the current fixture, so the fuzzer
//! starts from valid files of today's format. Regenerate with ANJU_UPDATE_SEEDS=1.

mod common;

#[test]
fn fuzz_seeds_are_current() {
    let (index, shard) = common::dataset();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    for (name, v) in [("index.json", index), ("shard.json", shard)] {
        let text = serde_json::to_string(&v).unwrap();
        common::golden(&dir.join(name), &text, "ANJU_UPDATE_SEEDS", "cargo test -p anju-data --test write_fuzz_seeds");
    }
}
