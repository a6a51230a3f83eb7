//! Degenerate datasets for the browser tests (tests/fixtures/degenerate): zero people and
//! labour, counts at u64::MAX, a node with no children, a dataset that is one building,
//! a grid of 1,000 buildings, a single period, and hostile names. They are built here with
//! the real roll-up, must pass the real validator, and the committed files must equal what
//! this builds (`ANJU_WRITE_FIXTURES=1 cargo test -p anju-data --test degenerate` rewrites them).

mod common;

use anju_data::metric::Metric::{self, *};
use anju_data::model::{DataFile, FileKind, Level, Meta, Node, Text, FORMAT, SCHEMA_VERSION};
use anju_data::rollup::rollup_into;
use anju_data::series::{Income, Series};
use anju_data::Dataset;
use std::path::PathBuf;

const TWO: [&str; 2] = ["2025-05", "2025-06"];

/// A building: `people`, `labour` of them able to work, `employed` of those at work (all
/// "away"), one household in four (at least one when anyone lives there), all green.
fn building(id: &str, name: &str, people: u64, labour: u64, employed: u64, np: usize) -> Node {
    let mut n = Node::new(id, name, Level::Building);
    let households = if people == 0 { 0 } else { (people / 4).max(1) };
    let mut set = |m: Metric, v: u64| n.m.set(m, Series::Const(v));
    set(People, people);
    set(Households, households);
    set(RiskGreen, households);
    set(Buildings, 1);
    set(Labour, labour);
    set(LabourHouseholds, households.min(labour));
    set(Employed, employed);
    set(Away, employed);
    set(Disabled, people.min(2));
    if people > 0 && people < 1 << 40 {
        set(IncomePeople, people);
        n.income = Income::Per(vec![Some(11_000.0); np].into());
    }
    n
}

fn parent(id: &str, name: &str, level: Level, kids: &[&Node], np: usize) -> Node {
    let mut n = Node::new(id, name, level);
    n.children = kids.iter().map(|k| k.id.clone()).collect();
    rollup_into(&mut n, kids, np);
    n
}

fn index(title: &str, periods: &[&str], root: &str, nodes: Vec<Node>) -> DataFile {
    DataFile {
        format: FORMAT.into(),
        schema_version: SCHEMA_VERSION,
        kind: FileKind::Index,
        dataset: Some(Meta {
            title: Text { zh: title.into(), en: String::new() },
            as_of: "2025-06-30".into(),
            provenance: Text {
                zh: "测试用的极端数据（合成）".into(), en: "Degenerate test data (synthetic)".into()
            },
            sources: Default::default(),
            basis: Default::default(),
        }),
        root: Some(root.into()),
        parent: None,
        periods: periods.iter().map(|p| p.to_string()).collect(),
        nodes,
        m: None,
        income: None,
        geo: None,
    }
}

/// Zero labour everywhere (no employment rate anywhere), a building where nobody lives,
/// and a site with nothing below it.
fn zero() -> DataFile {
    let b1 = building("Z-11", "空楼", 0, 0, 0, 2);
    let b2 = building("Z-12", "无劳动力楼", 40, 0, 0, 2);
    let s1 = parent("Z-1", "安置点甲", Level::Site, &[&b1, &b2], 2);
    let mut s2 = Node::new("Z-2", "尚无楼栋的安置点", Level::Site);
    s2.m.set(Sites, Series::Const(1));
    let root = parent("Z", "零值县", Level::County, &[&s1, &s2], 2);
    index("零值与空节点", &TWO, "Z", vec![root, s1, s2, b1, b2])
}

/// Counts at the top of u64: the root holds u64::MAX people.
fn huge() -> DataFile {
    let half = 1u64 << 63;
    let a = building("H1", "大楼甲", half, half, half, 2);
    let b = building("H2", "大楼乙", u64::MAX - half, u64::MAX - half - 1, 7, 2);
    let root = parent("H", "极大网格", Level::Grid, &[&a, &b], 2);
    index("极大数值", &TWO, "H", vec![root, a, b])
}

/// The whole dataset is one building.
fn one_building() -> DataFile {
    let b = building("B", "唯一楼栋", 120, 60, 55, 2);
    index("只有一栋楼", &TWO, "B", vec![b])
}

/// A grid of 1,000 buildings.
fn wide() -> DataFile {
    let kids: Vec<Node> = (0..1000u64)
        .map(|i| {
            let people = 20 + (i * 37) % 180;
            let labour = people / 2;
            building(&format!("W{i:04}"), &format!("{}号楼", i + 1), people, labour, labour * (50 + i % 50) / 100, 2)
        })
        .collect();
    let refs: Vec<&Node> = kids.iter().collect();
    let root = parent("W", "千栋网格", Level::Grid, &refs, 2);
    let mut nodes = vec![root];
    nodes.extend(kids);
    index("一千栋楼的网格", &TWO, "W", nodes)
}

/// One period only: no trend, nothing a year before to compare with.
fn one_period() -> DataFile {
    let kids: Vec<Node> =
        (1..=3).map(|i| building(&format!("P-{i}"), &format!("{i}号楼"), 60 * i, 30 * i, 25 * i, 1)).collect();
    let refs: Vec<&Node> = kids.iter().collect();
    let site = parent("P-S", "单期安置点", Level::Site, &refs, 1);
    let root = parent("P", "单期县", Level::County, &[&site], 1);
    let mut nodes = vec![root, site];
    nodes.extend(kids);
    index("只有一个统计期", &TWO[1..], "P", nodes)
}

/// Names that try to be markup, reorder text, run to 10,000 characters, carry emoji and
/// control characters; the title tries markup too.
pub const HOSTILE_NAMES: [&str; 6] = [
    "<img src=x onerror=\"document.title='pwned'\">",
    "<script>window.__pwned=1</script>脚本区",
    "\u{202E}区山万\u{202C}反向",
    "🏠👨‍👩‍👧安置点🎉",
    "控制\u{0}\u{7}\u{1b}[31m字符\r\n区",
    "",
];

fn hostile() -> DataFile {
    let long = format!("超长名称{}", "长".repeat(10_000));
    let names: Vec<String> =
        HOSTILE_NAMES.iter().map(|s| if s.is_empty() { long.clone() } else { s.to_string() }).collect();
    let mut all = Vec::new();
    let mut counties = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let b = building(&format!("X-{i}1"), name, 50 + i as u64 * 10, 20, 15, 2);
        let mut site = parent(&format!("X-{i}"), name, Level::Site, &[&b], 2);
        site.name_en = Some(format!("{name} (en)"));
        counties.push(site);
        all.push(b);
    }
    let refs: Vec<&Node> = counties.iter().collect();
    let mut root = parent("X", "<b>粗体</b>县\u{202E}", Level::County, &refs, 2);
    root.name_en = Some("<i>County</i>".into());
    let mut nodes = vec![root];
    nodes.extend(counties);
    nodes.extend(all);
    let mut f = index("<script>alert('title')</script>恶意标题", &TWO, "X", nodes);
    if let Some(m) = f.dataset.as_mut() {
        m.title.en = "<img src=x onerror=alert(1)>".into();
    }
    f
}

fn dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/degenerate"))
}

#[test]
fn degenerate_fixtures_are_valid_and_current() {
    let sets = [
        ("zero", zero()),
        ("huge", huge()),
        ("one-building", one_building()),
        ("wide", wide()),
        ("one-period", one_period()),
        ("hostile", hostile()),
    ];
    for (name, file) in sets {
        let json = serde_json::to_string(&file).unwrap();
        if let Err(ps) = Dataset::from_index("index.json", json.as_bytes()) {
            panic!("{name} must be valid: {:#?}", ps.list);
        }
        let path = dir().join(name).join("index.json");
        common::golden(&path, &json, "ANJU_WRITE_FIXTURES", "cargo test -p anju-data --test degenerate");
    }
}

#[test]
fn hostile_names_are_cleaned_when_read() {
    let json = serde_json::to_string(&hostile()).unwrap();
    let ds = Dataset::from_index("index.json", json.as_bytes()).unwrap();
    for n in &ds.nodes {
        assert!(!n.name.chars().any(|c| c.is_control() || ('\u{202A}'..='\u{202E}').contains(&c)), "{:?}", n.name);
        assert!(n.name.chars().count() <= anju_data::text::NAME_MAX + 1);
    }
    assert!(ds.nodes.iter().any(|n| n.name == "<script>window.__pwned=1</script>脚本区"), "markup is kept as text");
}
