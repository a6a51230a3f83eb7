//! `prepare` on a copy of the demo: it writes files the dataset's own loader accepts, a
//! second run changes nothing, and a refused run leaves the dataset as it was.

use anju_data::model::Source;
use anju_geo::{output::Settings, prepare, GeoError, Options};
mod common;

use common::{boundary_paths, root};
use std::path::{Path, PathBuf};

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            copy(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

fn options(dataset: &Path, boundaries: Vec<PathBuf>) -> Options {
    Options {
        boundaries,
        dataset: dataset.into(),
        aliases: Vec::new(),
        settings: Settings::default(),
        source_id: "boundaries".into(),
        source: Source {
            title: "test boundaries".into(),
            publisher: String::new(),
            date: String::new(),
            note: "MIT".into(),
        },
        sites: anju_geo::sites::Sites::None,
    }
}

#[test]
fn writes_what_the_loader_accepts_and_a_second_run_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    copy(&root().join("public/data"), &data);
    std::fs::remove_dir_all(data.join("geo")).unwrap();
    let files = boundary_paths();
    let done = prepare(&options(&data, files.clone())).unwrap();
    assert_eq!(done.plan.files.len(), 5);
    let read = |rel: &str| std::fs::read(data.join(rel)).map_err(|e| e.to_string());
    let (ds, problems) = anju_data::load_all("index.json", read);
    assert!(problems.is_empty(), "{:?}", problems.list.first());
    assert_eq!(ds.unwrap().geo.unwrap().files.len(), 5);
    let first = std::fs::read(data.join("index.json")).unwrap();
    prepare(&options(&data, files.clone())).unwrap();
    assert!(std::fs::read(data.join("index.json")).unwrap() == first);
    // Fewer files: the map files no longer named go.
    prepare(&options(&data, files[..1].to_vec())).unwrap();
    assert!(!data.join("geo/5202.json").exists());
    assert!(data.join("geo/5206.json").exists());
    let (_, problems) = anju_data::load_all("index.json", read);
    assert!(problems.is_empty(), "{:?}", problems.list.first());
}

#[test]
fn a_refused_run_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    copy(&root().join("public/data"), &data);
    let before = std::fs::read(data.join("index.json")).unwrap();
    let foreign = tmp.path().join("elsewhere.geojson");
    std::fs::write(&foreign, r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"某某县"},"geometry":{"type":"Polygon","coordinates":[[[100,30],[101,30],[101,31],[100,30]]]}}]}"#).unwrap();
    assert!(matches!(prepare(&options(&data, vec![foreign])), Err(GeoError::NothingMatched)));
    let broken = tmp.path().join("broken.geojson");
    std::fs::write(&broken, r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"碧江区"},"geometry":{"type":"Polygon","coordinates":[[[100,30],[101,30],[101,31]]]}}]}"#).unwrap();
    let e = prepare(&options(&data, vec![broken])).err().unwrap().to_string();
    assert!(e.contains("broken.geojson features[0] (碧江区), ring 0"), "{e}");
    assert!(std::fs::read(data.join("index.json")).unwrap() == before);
    // A source id the dataset already cites for something else (a news report).
    let tongren = boundary_paths()[..1].to_vec();
    let mut o = options(&data, tongren.clone());
    o.source_id = "s000".into();
    assert!(matches!(prepare(&o), Err(GeoError::SourceTaken { .. })));
    assert!(std::fs::read(data.join("index.json")).unwrap() == before);
    // A file that cannot be written: the others are left as they were, and so is the index.
    let geo_before = std::fs::read(data.join("geo/5206.json")).unwrap();
    std::fs::remove_file(data.join("geo/demo.json")).unwrap();
    std::fs::create_dir(data.join("geo/demo.json")).unwrap();
    let mut o = options(&data, tongren);
    o.settings.tolerance = 10.0;
    let e = prepare(&o).err().unwrap();
    assert!(matches!(e, GeoError::Write { .. }), "{e}");
    assert!(std::fs::read(data.join("geo/5206.json")).unwrap() == geo_before, "not half written");
    assert!(std::fs::read(data.join("index.json")).unwrap() == before);
    assert!(!data.join("geo/5206.json.tmp").exists(), "nothing left behind");
}

/// Surveyed locations through the whole run: the county's file holds its one located site,
/// not marked synthesised, checked against the shards; the demo's other county maps (of
/// the synthesised run before) are removed and said to be; swapped coordinates write nothing.
#[test]
fn given_locations_write_the_county_map_and_say_what_went() {
    use anju_geo::sites::{Given, Sites};
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    copy(&root().join("public/data"), &data);
    let geo = |rel: &str| anju_data::geometry::parse_geo(rel, &std::fs::read(data.join(rel)).unwrap()).unwrap();
    let at = geo("geo/520603.json").point("520603-S2").unwrap().at;
    let run = |at: [f64; 2]| {
        let given = vec![Given { id: "520603-S2".into(), at, from: "sites.csv 第 2 行 / row 2".into() }];
        prepare(&Options { sites: Sites::Given(given), ..options(&data, boundary_paths()) })
    };
    let before = std::fs::read(data.join("index.json")).unwrap();
    match run([at[1], at[0]]) {
        Err(e @ GeoError::SiteOutside { .. }) => assert!(e.to_string().contains("row 2"), "{e}"),
        other => panic!("{:?}", other.err()),
    }
    assert!(std::fs::read(data.join("index.json")).unwrap() == before, "a refused run writes nothing");
    let done = run(at).unwrap();
    let points = geo("geo/520603.json").points;
    assert_eq!((points.len(), points[0].id.as_str(), points[0].synthesised), (1, "520603-S2", false));
    assert_eq!(done.removed.len(), 19, "the other counties' maps of the synthesised run");
    assert!(!data.join("geo/520602.json").exists());
    let read = |rel: &str| std::fs::read(data.join(rel)).map_err(|e| e.to_string());
    let (_, problems) = anju_data::load_all("index.json", read);
    assert!(problems.is_empty(), "{:?}", problems.list.first());
}
