//! The loader must never panic, whatever the bytes: as an index, and as a shard attached
//! to a small valid index.
#![no_main]

use anju_data::Dataset;
use libfuzzer_sys::fuzz_target;

const INDEX: &[u8] = br#"{"format":"anju-dataset","schema_version":1,"kind":"index",
 "dataset":{"title":{"zh":"t"},"as_of":"2025-06-30"},"root":"r","periods":["2025-05","2025-06"],
 "nodes":[{"id":"r","name":"R","level":"county","children":["s"],"shard":"s.json",
   "m":{"people":10,"households":3,"sites":1}}]}"#;

fuzz_target!(|data: &[u8]| {
    let _ = Dataset::from_index("fuzz.json", data);
    if let Ok(mut ds) = Dataset::from_index("index.json", INDEX) {
        let _ = ds.attach_shard("s.json", data);
    }
});
