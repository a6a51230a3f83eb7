//! The fuzz target's seed corpus (fuzz/seeds) must be the current fixture, so the fuzzer
//! starts from valid files of today's format. Regenerate with ANJU_UPDATE_SEEDS=1.

mod common;

#[test]
fn fuzz_seeds_are_current() {
    let (index, shard) = common::dataset();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    for (name, v) in [("index.json", index), ("shard.json", shard)] {
        let text = serde_json::to_string(&v).unwrap();
        let path = dir.join(name);
        if std::env::var_os("ANJU_UPDATE_SEEDS").is_some() {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &text).unwrap();
        }
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == text,
            "{} is stale: run ANJU_UPDATE_SEEDS=1 cargo test -p anju-data --test write_fuzz_seeds",
            path.display()
        );
    }
}
