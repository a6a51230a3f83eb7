//! A small valid dataset built in code, for tests to break one rule at a time.
#![allow(dead_code)]

use anju_data::metric::Metric::{self, *};
use anju_data::model::{DataFile, FileKind, Level, Meta, Node, Source, Text, FORMAT, SCHEMA_VERSION};
use anju_data::rollup::rollup_into;
use anju_data::series::{Income, Series};
use serde_json::Value;

pub const PERIODS: [&str; 2] = ["2025-05", "2025-06"];

/// A building that carries every metric a relation names (`relations::RELATIONS`), each
/// with room on both sides, so that a test can break any one relation alone.
pub fn building(id: &str, people: u64, employed: [u64; 2]) -> Node {
    let mut n = Node::new(id, format!("楼栋{id}"), Level::Building);
    let set = |n: &mut Node, m: Metric, v: u64| n.m.set(m, Series::Const(v));
    let (hh, lh) = (people / 4, people / 5);
    // The largest building also has the rarer channels and a household out of risk, so
    // that the fixture carries every metric.
    let big = people >= 40;
    set(&mut n, People, people);
    set(&mut n, IncomePeople, people);
    set(&mut n, Households, hh);
    set(&mut n, RiskGreen, hh - 2);
    set(&mut n, RiskYellow, 1);
    set(&mut n, RiskRed, 1);
    set(&mut n, Buildings, 1);
    set(&mut n, Dwellings, hh + 1);
    set(&mut n, OccupiedDwellings, hh);
    set(&mut n, AccessibleDwellings, 1);
    set(&mut n, Labour, people / 2);
    set(&mut n, LabourHouseholds, lh);
    set(&mut n, EmployedHouseholds, lh - 1);
    set(&mut n, ZeroEmploymentHouseholds, 1);
    set(&mut n, Disabled, 2);
    set(&mut n, SeverelyDisabled, 1);
    for m in [LeftBehindChildren, EmptyNestElderly, Elderly75Plus, PartyMembers, LowIncomeHouseholds] {
        set(&mut n, m, 1);
    }
    set(&mut n, SubsistenceAllowance, 3);
    set(&mut n, SubsistenceHouseholds, 1);
    set(&mut n, MonitoredHouseholds, 1 + u64::from(big));
    set(&mut n, MonitoredPeople, 3 + 4 * u64::from(big));
    set(&mut n, RiskEliminatedHouseholds, u64::from(big));
    set(&mut n, RiskEliminatedPeople, 3 * u64::from(big));
    set(&mut n, Trained, 2);
    set(&mut n, Certified, 1);
    set(&mut n, ChildrenInSchool, 2);
    set(&mut n, MedicalInsured, people - 1);
    set(&mut n, PensionInsured, people / 2);
    set(&mut n, FamilyDoctorSigned, people - 2);
    set(&mut n, SatisfactionSurveyed, hh - 1);
    set(&mut n, Satisfied, hh - 2);
    set(&mut n, FeeHouseholds, hh);
    set(&mut n, FeePaidHouseholds, hh - 1);
    n.m.set(Employed, Series::Per(employed.to_vec().into()));
    let rare = if big { 2 } else { 0 };
    n.m.set(Away, Series::Per(vec![employed[0] - 2 - rare, employed[1] - 2 - rare].into()));
    set(&mut n, NearHome, 1);
    set(&mut n, WelfarePosts, 1);
    if big {
        set(&mut n, Workshop, 1);
        set(&mut n, SelfEmployed, 1);
    }
    n.income = Income::Per(vec![Some(9000.0 + people as f64), Some(9500.0 + people as f64)].into());
    n.building = Some(anju_data::model::BuildingInfo { floors: 6 });
    n
}

pub fn parent(id: &str, level: Level, kids: &[&Node]) -> Node {
    let mut n = Node::new(id, format!("节点{id}"), level);
    n.children = kids.iter().map(|k| k.id.clone()).collect();
    rollup_into(&mut n, kids, PERIODS.len());
    n
}

pub fn meta() -> Meta {
    let mut sources = std::collections::BTreeMap::new();
    sources.insert(
        "s1".to_string(),
        Source { title: "来源".into(), publisher: String::new(), date: String::new(), note: String::new() },
    );
    Meta {
        title: Text { zh: "测试".into(), en: "Test".into() },
        as_of: "2025-06-30".into(),
        provenance: Text::default(),
        sources,
        basis: Default::default(),
    }
}

fn file(kind: FileKind, root: Option<&str>, parent: Option<&str>, nodes: Vec<Node>) -> DataFile {
    DataFile {
        format: FORMAT.into(),
        schema_version: SCHEMA_VERSION,
        kind,
        dataset: (kind == FileKind::Index).then(meta),
        root: root.map(Into::into),
        parent: parent.map(Into::into),
        periods: PERIODS.iter().map(|p| p.to_string()).collect(),
        nodes,
        m: None,
        income: None,
        geo: None,
    }
}

/// index.json: city R with counties A (children in shards/A.json) and B (inline, site B-1
/// with two buildings). shards/A.json: site A-1 with two buildings.
pub fn dataset() -> (Value, Value) {
    let (a1a, a1b) = (building("A-1a", 40, [10, 12]), building("A-1b", 20, [5, 6]));
    let a1 = parent("A-1", Level::Site, &[&a1a, &a1b]);
    let a = {
        let mut a = parent("A", Level::County, &[&a1]);
        a.shard = Some("shards/A.json".into());
        a
    };
    let (b1a, b1b) = (building("B-1a", 30, [7, 8]), building("B-1b", 16, [3, 4]));
    let b1 = parent("B-1", Level::Site, &[&b1a, &b1b]);
    let b = parent("B", Level::County, &[&b1]);
    let r = parent("R", Level::City, &[&a, &b]);
    let index = file(FileKind::Index, Some("R"), None, vec![r, a, b, b1, b1a, b1b]);
    let shard = file(FileKind::Shard, None, Some("A"), vec![a1, a1a, a1b]);
    (serde_json::to_value(index).unwrap(), serde_json::to_value(shard).unwrap())
}

/// Loads (index, shard) values through the real loader and returns every problem.
pub fn problems(index: &Value, shard: &Value) -> Vec<anju_data::Problem> {
    let files = [("index.json", index.to_string()), ("shards/A.json", shard.to_string())];
    let (_, ps) = anju_data::load_all("index.json", |p| {
        files.iter().find(|(n, _)| *n == p).map(|(_, b)| b.clone().into_bytes()).ok_or_else(|| "not found".to_string())
    });
    ps.list
}

/// The shape of a small synthetic dataset.
pub fn scale(cities: usize, counties: usize, sites: u64, people: u64) -> anju_data::gen::presets::Scale {
    anju_data::gen::presets::Scale {
        title: "测试",
        title_en: "Test",
        root_id: "T",
        cities,
        counties_per_city: counties,
        sites,
        people,
        people_per_building: 60.0,
    }
}

/// A small generated dataset, sharded, loaded through the real loader.
pub fn generated(
    cities: usize,
    counties: usize,
    sites: u64,
    people: u64,
    seed: u64,
    periods: usize,
    single_file: bool,
) -> anju_data::Dataset {
    use anju_data::gen::presets::generate_scale;
    use anju_data::write::{layout, WriteOptions};
    let g = generate_scale(&scale(cities, counties, sites, people), seed, periods).unwrap();
    let w = layout(&g, &WriteOptions { single_file, ..Default::default() });
    let (ds, ps) = anju_data::load_all("index.json", |p| {
        w.files.iter().find(|(n, _)| n == p).map(|(_, b)| b.as_slice()).ok_or_else(|| p.to_string())
    });
    assert!(ps.is_empty(), "{:?}", ps.list.first());
    ds.unwrap()
}

/// A committed file that a test builds: (re)written when `env` is set, and otherwise it
/// must equal what the test built, else the test names the command that rewrites it.
pub fn golden(path: &std::path::Path, text: &str, env: &str, rerun: &str) {
    if std::env::var_os(env).is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let on_disk = std::fs::read_to_string(path).unwrap_or_default();
    assert!(on_disk == text, "{} is stale: run {env}=1 {rerun}", path.display());
}
