//! The map's files in a dataset: the demo's load clean; a `geo` naming a node the index
//! lacks, a path outside the dataset, a source not cited, a file of another node, a shape
//! that is no child, or a file that cannot be read is reported where it is.

use anju_data::write::rewrite_index;
use anju_data::{load_all, Check};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data")
}

/// Problems (check, file, path, node) of the demo with `index` edited and `files` replaced.
fn problems(
    edit: impl FnOnce(&mut anju_data::DataFile),
    files: HashMap<&str, Vec<u8>>,
) -> Vec<(Check, String, String, Option<String>)> {
    let index = std::fs::read(data().join("index.json")).unwrap();
    let index = rewrite_index("index.json", &index, edit).unwrap();
    let (_, ps) = load_all("index.json", |rel| match (rel, files.get(rel)) {
        ("index.json", _) => Ok(index.clone()),
        (_, Some(b)) => Ok(b.clone()),
        _ => std::fs::read(data().join(rel)).map_err(|e| e.to_string()),
    });
    ps.list.into_iter().map(|p| (p.check, p.at.file, p.at.path, p.at.node)).collect()
}

fn at(file: &str, path: &str, node: &str) -> Vec<(Check, String, String, Option<String>)> {
    vec![(Check::Geometry, file.into(), path.into(), Some(node.into()))]
}

fn geo_file(name: &str) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(data().join("geo").join(name)).unwrap()).unwrap()
}

#[test]
fn the_demo_names_its_map_files_and_they_check() {
    let (ds, ps) = load_all("index.json", |rel| std::fs::read(data().join(rel)).map_err(|e| e.to_string()));
    assert!(ps.is_empty(), "{:?}", ps.list.first());
    let geo = ds.unwrap().geo.unwrap();
    let upper: Vec<&str> = geo.files.keys().map(String::as_str).filter(|k| k.len() != 6).collect();
    assert_eq!(upper, ["5202", "5205", "5206", "5306", "demo"]);
    assert_eq!(geo.files.len(), 25, "and each of the 20 counties, its sites as points");
    assert_eq!(geo.source, "boundaries");
}

#[test]
fn index_references_are_checked() {
    let none = HashMap::new;
    let ps = problems(|d| drop(d.geo.as_mut().unwrap().files.insert("nope".into(), "geo/nope.json".into())), none());
    assert_eq!(ps[0], at("index.json", "$.geo.files[\"nope\"]", "nope")[0].clone());
    let ps = problems(|d| drop(d.geo.as_mut().unwrap().files.insert("5206".into(), "../5206.json".into())), none());
    assert_eq!(ps, at("index.json", "$.geo.files[\"5206\"]", "5206"));
    let ps =
        problems(|d| drop(d.geo.as_mut().unwrap().files.insert("5206".into(), "shards/520602.json".into())), none());
    assert_eq!(ps, at("index.json", "$.geo.files[\"5206\"]", "5206"));
    let ps = problems(|d| drop(d.geo.as_mut().unwrap().files.insert("5206".into(), "geo/5202.json".into())), none());
    assert_eq!(ps, at("index.json", "$.geo.files[\"5206\"]", "5206"), "one file, two nodes");
    let ps = problems(|d| d.geo.as_mut().unwrap().source = "s999".into(), none());
    assert_eq!(ps, vec![(Check::Geometry, "index.json".into(), "$.geo.source".into(), None)]);
}

#[test]
fn each_file_is_checked_against_the_tree() {
    // A file of another node than the one the index names it for.
    let mut f = HashMap::new();
    f.insert("geo/5202.json", std::fs::read(data().join("geo/5206.json")).unwrap());
    assert_eq!(problems(|_| (), f), at("geo/5202.json", "$.node", "5206"));
    // Shapes that are not the node's children.
    let mut g = geo_file("5206.json");
    g["node"] = "5202".into();
    let mut f = HashMap::new();
    f.insert("geo/5202.json", g.to_string().into_bytes());
    let ps = problems(|_| (), f);
    assert_eq!(ps.len(), 10, "each of 铜仁's ten counties: {ps:?}");
    assert_eq!(ps[0], at("geo/5202.json", "$.shapes[0].id", "520602")[0].clone());
    // A broken file: its own problem, located inside it.
    let mut g = geo_file("demo.json");
    g["shapes"][2]["label"] = "AA".into();
    let mut f = HashMap::new();
    f.insert("geo/demo.json", g.to_string().into_bytes());
    assert_eq!(problems(|_| (), f), at("geo/demo.json", "$.shapes[2].label", "5205"));
    // A point that is not the county's site (checked once its shard is read).
    let mut g = geo_file("520603.json");
    g["points"][1]["id"] = "520602-S1".into();
    let mut f = HashMap::new();
    f.insert("geo/520603.json", g.to_string().into_bytes());
    assert_eq!(problems(|_| (), f), at("geo/520603.json", "$.points[1].id", "520602-S1"));
    // A file that cannot be read: at the index's reference.
    let ps =
        problems(|d| drop(d.geo.as_mut().unwrap().files.insert("5206".into(), "geo/gone.json".into())), HashMap::new());
    assert_eq!(ps, at("index.json", "$.geo.files[\"5206\"]", "5206"));
}
