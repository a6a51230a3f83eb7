//! The shipped JSON Schemas accept the demo data (its map's geometry files by their own
//! schema), reject broken files, and name the same metrics as the registry.

use anju_data::metric::Metric;
use serde_json::Value;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn schema() -> Value {
    serde_json::from_slice(&std::fs::read(root().join("docs/data-format.schema.json")).unwrap()).unwrap()
}

fn geometry_schema() -> Value {
    serde_json::from_slice(&std::fs::read(root().join("docs/geometry.schema.json")).unwrap()).unwrap()
}

fn json_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            json_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

#[test]
fn demo_data_matches_the_json_schema() {
    let validator = jsonschema::validator_for(&schema()).expect("schema compiles");
    let geometry = jsonschema::validator_for(&geometry_schema()).expect("schema compiles");
    let mut files = Vec::new();
    json_files(&root().join("public/data"), &mut files);
    assert!(files.len() > 10);
    let maps = files.iter().filter(|f| f.parent().is_some_and(|d| d.ends_with("geo"))).count();
    assert_eq!(maps, 25, "the demo's map files were found (root, 4 cities, 20 counties)");
    for f in files {
        let doc: Value = serde_json::from_slice(&std::fs::read(&f).unwrap()).unwrap();
        let validator = if f.parent().is_some_and(|d| d.ends_with("geo")) { &geometry } else { &validator };
        let errors: Vec<String> =
            validator.iter_errors(&doc).take(5).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", f.display());
    }
}

#[test]
fn the_schema_rejects_what_the_loader_rejects() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let bad = [
        r#"{"format":"anju-dataset","schema_version":3,"kind":"index","periods":["2025-06"],"nodes":[]}"#,
        r#"{"format":"anju-dataset","schema_version":1,"kind":"shard","parent":"a","periods":["2025-06"],"nodes":[],"m":{}}"#,
        r#"{"format":"anju-dataset","schema_version":2,"kind":"shard","parent":"a","periods":["2025-06"],"nodes":[{"id":"x","name":"X","level":"grid","m":{"people":1}}]}"#,
        r#"{"format":"anju-dataset","schema_version":2,"kind":"shard","parent":"a","periods":["2025-06"],"nodes":[],"m":{"peeple":[1]}}"#,
        r#"{"format":"anju-dataset","schema_version":2,"kind":"shard","parent":"a","periods":["2025-06"],"nodes":[],"m":{"people":["1 2"]}}"#,
        r#"{"format":"anju-dataset","schema_version":1,"kind":"shard","parent":"a","periods":["2025-06"],"nodes":[{"id":"x","name":"X","level":"grid","child_suffixes":["1"]}]}"#,
        r#"{"format":"anju-dataset","schema_version":2,"kind":"shard","parent":"a","periods":["2025-06"],"nodes":[{"id":"x","name":"X","level":"grid","children":["x-1"],"child_suffixes":["1"]}]}"#,
        r#"{"format":"anju-dataset","schema_version":1,"kind":"shard","periods":["2025-06"],"nodes":[]}"#,
        r#"{"format":"anju-dataset","schema_version":1,"kind":"shard","parent":"a","periods":["2025-6"],"nodes":[]}"#,
        r#"{"format":"anju-dataset","schema_version":1,"kind":"shard","parent":"a","periods":["2025-06"],"nodes":[{"id":"x","name":"X","level":"grid","m":{"people":-1}}]}"#,
        r#"{"format":"anju-dataset","schema_version":1,"kind":"shard","parent":"a","periods":["2025-06"],"nodes":[{"id":"x","name":"X","level":"grid","m":{"peeple":1}}]}"#,
        r#"{"format":"anju-dataset","schema_version":1,"kind":"shard","parent":"a","periods":["2025-06"],"nodes":[{"id":"x","name":"X","level":"grid","shard":"/etc/x.json"}]}"#,
        r#"{"format":"anju-dataset","schema_version":2,"kind":"shard","parent":"a","periods":["2025-06"],"nodes":[],"geo":{"source":"s","files":{}}}"#,
        r#"{"format":"anju-dataset","schema_version":2,"kind":"index","dataset":{"title":{"zh":"t"},"as_of":"2025-06-30"},"root":"r","periods":["2025-06"],"nodes":[],"geo":{"source":"s","files":{"r":"/etc/r.json"}}}"#,
    ];
    for b in bad {
        let v: Value = serde_json::from_str(b).unwrap();
        assert!(!validator.is_valid(&v), "schema accepted {b}");
    }
}

#[test]
fn the_geometry_schema_rejects_what_the_reader_rejects() {
    let validator = jsonschema::validator_for(&geometry_schema()).unwrap();
    let good = r#"{"format":"anju-geo","version":1,"node":"r","transform":{"scale":[1,1],"translate":[0,0]},"arcs":["AAIAAIHAAH"],"shapes":[{"id":"a","rings":["A"],"label":"CC"}]}"#;
    assert!(validator.is_valid(&serde_json::from_str(good).unwrap()));
    assert!(anju_data::geometry::parse_geo("g", good.as_bytes()).is_ok());
    let bad = [
        good.replace("anju-geo", "anju-dataset"),
        good.replace(r#""version":1"#, r#""version":2"#),
        good.replace("[1,1],", "[0,1],"),
        good.replace("AAIAAIHAAH", "AA UA"),
        good.replace(r#""rings":["A"]"#, r#""rings":[]"#),
        good.replace(r#""rings":["A"]"#, r#""rings":[[0]]"#),
        good.replace(r#""label":"CC""#, r#""label":[1,1]"#),
        good.replace(r#""node":"r","#, ""),
    ];
    for b in &bad {
        let v: Value = serde_json::from_str(b).unwrap();
        assert!(!validator.is_valid(&v), "schema accepted {b}");
        assert!(anju_data::geometry::parse_geo("g", b.as_bytes()).is_err(), "reader accepted {b}");
    }
}

#[test]
fn schema_metric_names_equal_the_registry() {
    let s = schema();
    let names: Vec<&str> =
        s["$defs"]["metric_name"]["enum"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    let keys: Vec<&str> = Metric::ALL.iter().map(|m| m.key()).collect();
    assert_eq!(names, keys);
}
