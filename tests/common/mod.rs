//! What the app's native tests share: loading a dataset from the repository.

use anju_data::{load_all, Dataset};

/// The dataset in `dir` (relative to the repository), every shard loaded; its files must
/// have no problem.
pub fn load(dir: &str) -> Dataset {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let (ds, ps) = load_all("index.json", |p| std::fs::read(dir.join(p)).map_err(|e| e.to_string()));
    assert!(ps.is_empty(), "{:?}", ps);
    ds.unwrap()
}

/// The bundled demo data.
pub fn demo() -> Dataset {
    load("public/data")
}
