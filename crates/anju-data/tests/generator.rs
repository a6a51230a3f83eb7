//! The generator: the demo validates, carries every published figure of domain.md exactly
//! at its node, is deterministic, and is what `public/data` holds. Property: any generated
//! dataset validates, and changing any one count breaks the sum check.

mod common;

use anju_data::gen::presets::{generate_scale, Generated};
use anju_data::gen::write::{layout, WriteOptions};
use anju_data::gen::{generate, Preset};
use anju_data::metric::Metric;
use anju_data::{load_all, Check, Dataset, Problems};
use proptest::prelude::*;
use std::sync::OnceLock;

fn demo() -> &'static Generated {
    static DEMO: OnceLock<Generated> = OnceLock::new();
    DEMO.get_or_init(|| generate(Preset::Demo, 20250630).expect("demo generates"))
}

fn load(g: &Generated, opts: &WriteOptions) -> (Option<Dataset>, Problems) {
    let w = layout(g, opts);
    load_all("index.json", |p| {
        w.files.iter().find(|(n, _)| n == p).map(|(_, b)| b.clone()).ok_or_else(|| format!("{p} not written"))
    })
}

#[test]
fn demo_validates_and_shards_stay_under_budget() {
    let w = layout(demo(), &WriteOptions::default());
    assert!(w.files.len() > 10, "sharded: {} files", w.files.len());
    for (name, bytes) in &w.files {
        assert!(bytes.len() <= 1_000_000, "{name} is {} bytes", bytes.len());
    }
    let (ds, ps) = load(demo(), &WriteOptions::default());
    assert!(ps.is_empty(), "{:#?}", ps.list.iter().take(10).collect::<Vec<_>>());
    let ds = ds.unwrap();
    assert_eq!(ds.nodes.len(), demo().nodes.len());
    assert!(ds.periods.len() >= 24);
    // Down to buildings.
    assert!(ds.nodes.iter().any(|n| n.level == anju_data::Level::Building));
}

#[test]
fn single_file_form_loads_too() {
    let (ds, ps) = load(demo(), &WriteOptions { single_file: true, ..Default::default() });
    assert!(ps.is_empty());
    assert_eq!(ds.unwrap().files.len(), 1);
}

fn node<'a>(ds: &'a Dataset, id: &str) -> &'a anju_data::Node {
    ds.node(ds.find(id).unwrap_or_else(|| panic!("node {id} missing")))
}

/// (node id, name, figures published for it).
type Published = (&'static str, &'static str, &'static [(Metric, u64)]);

/// Every figure of domain.md's table, at its node, exactly (latest period).
#[test]
fn every_published_figure_is_present_exactly() {
    use Metric::*;
    let (ds, _) = load(demo(), &WriteOptions::default());
    let ds = ds.unwrap();
    let t = ds.latest();
    let table: &[Published] = &[
        (
            "5206",
            "铜仁市",
            &[
                (People, 293_000),
                (Sites, 144),
                (ManagementUnits, 129),
                (Grids, 284),
                (TenHouseholdUnits, 5_470),
                (GovernanceCentres, 97),
                (WelfarePosts, 6_754),
                (IndustryProjects, 233),
                (Workshops, 171),
                (Workshop, 20_000),
            ],
        ),
        (
            "520621-S1-C1",
            "梵瑞社区",
            &[(Households, 2_363), (People, 10_185), (Grids, 20), (Buildings, 57), (Units, 98)],
        ),
        ("520627-S1", "祐溪街道安置区", &[(Households, 2_964), (People, 13_132)]),
        ("520602-S1-C1", "打角冲社区", &[(Trained, 1_900)]),
        (
            "520603",
            "万山区",
            &[
                (LabourHouseholds, 10_819),
                (Labour, 26_799),
                (Employed, 25_378),
                (WelfarePosts, 733),
                (Workshop, 850),
                (Workshops, 13),
                (CommunityStewards, 130),
                (GridWorkers, 42),
                (PoliceRooms, 7),
                (MonitoredHouseholds, 219),
                (MonitoredPeople, 942),
                (RiskEliminatedHouseholds, 100),
                (RiskEliminatedPeople, 442),
                (Communities, 8),
            ],
        ),
        (
            "520524-S1",
            "平远新城安置点",
            &[
                (Buildings, 109),
                (Dwellings, 5_512),
                (Households, 4_958),
                (People, 22_438),
                (Communities, 3),
                (Grids, 35),
                (GridWorkers, 15),
                (BuildingHeads, 109),
                (PartyMembers, 122),
                (LeftBehindChildren, 226),
                (EmptyNestElderly, 114),
                (Disabled, 1_045),
                (AccessibleDwellings, 406),
                (SubsistenceHouseholds, 1_516),
                (SubsistenceAllowance, 5_776),
                (LabourHouseholds, 4_426),
                (Labour, 10_354),
                (Employed, 8_843),
                (WelfarePosts, 526),
                (TrainingSessions, 36),
                (Trained, 1_935),
                (SchoolKindergarten, 860),
                (SchoolPrimary, 2_117),
                (SchoolMiddle, 951),
            ],
        ),
        (
            "530602-S1",
            "红路馨居安置区",
            &[
                (Households, 5_277),
                (People, 22_782),
                (Communities, 3),
                (PartyMembers, 230),
                (BuildingHeads, 100),
                (NearHome, 5_982),
                (Away, 5_021),
                (WelfarePosts, 735),
                (Cameras, 1_236),
            ],
        ),
        (
            "530628",
            "彝良县",
            &[
                (Households, 11_470),
                (People, 52_169),
                (Sites, 42),
                (Labour, 29_586),
                (Employed, 27_248),
                (WelfarePosts, 1_719),
                (Communities, 7),
                (BuildingHeads, 89),
                (PoliceRooms, 4),
            ],
        ),
        (
            "5202",
            "六盘水市",
            &[
                (Sites, 71),
                (Grids, 391),
                (GridWorkers, 408),
                (PoliceRooms, 46),
                (FireStations, 53),
                (EmployedHouseholds, 25_500),
                (Employed, 58_300),
                (WelfarePosts, 3_286),
                (SelfEmployed, 1_654),
                (ChildrenInSchool, 24_000),
                (SubsistenceAllowance, 32_900),
                (MedicalInsured, 109_400),
                (PensionInsured, 72_300),
            ],
        ),
    ];
    for (id, name, figures) in table {
        let n = node(&ds, id);
        assert_eq!(n.name, *name);
        for &(m, v) in *figures {
            assert_eq!(n.m.get(m, t), v, "{name} {}", m.key());
        }
        // Marked published, with a source the dataset cites.
        let claimed: Vec<&str> = n.published.iter().flat_map(|c| c.fields.iter().map(String::as_str)).collect();
        for &(m, _) in *figures {
            assert!(claimed.contains(&m.key()), "{name}: {} not marked published", m.key());
        }
        for c in &n.published {
            assert!(ds.meta.sources.contains_key(&c.source));
        }
    }
    // Published rates, recomputed from counts.
    let rate = |id: &str| {
        let n = node(&ds, id);
        n.m.get(Employed, t) as f64 / n.m.get(Labour, t) as f64 * 100.0
    };
    assert_eq!(format!("{:.2}", rate("5206")), "95.87");
    assert_eq!(format!("{:.1}", rate("520603")), "94.7");
    assert_eq!(format!("{:.2}", rate("5202")), "95.64");
    assert_eq!(format!("{:.0}", rate("530602-S1")), "96");
    // 万山区 income: 12,450.99 yuan, +12.63% on the same month a year earlier.
    let ws = node(&ds, "520603");
    assert_eq!(ws.income.get(t), Some(12_450.99));
    let growth = ws.income.get(t).unwrap() / ws.income.get(t - 12).unwrap() * 100.0 - 100.0;
    assert_eq!(format!("{growth:.2}"), "12.63");
    // 119 households / 500 people still under assistance follow from the counts.
    assert_eq!(ws.m.get(MonitoredHouseholds, t) - ws.m.get(RiskEliminatedHouseholds, t), 119);
    assert_eq!(ws.m.get(MonitoredPeople, t) - ws.m.get(RiskEliminatedPeople, t), 500);
    // 梵瑞社区: satisfaction, occupancy and fee payment all 100%.
    let fr = node(&ds, "520621-S1-C1");
    assert_eq!(fr.m.get(Satisfied, t), fr.m.get(SatisfactionSurveyed, t));
    assert_eq!(fr.m.get(OccupiedDwellings, t), fr.m.get(Dwellings, t));
    assert_eq!(fr.m.get(FeePaidHouseholds, t), fr.m.get(FeeHouseholds, t));
    // Names of the communities in the seeds.
    for (id, name) in [
        ("520524-S1-C1", "惠泽社区"),
        ("520524-S1-C2", "惠民社区"),
        ("520524-S1-C3", "恒大社区"),
        ("520627-S1-C1", "思源社区"),
    ] {
        assert_eq!(node(&ds, id).name, name);
    }
    // Everything not published is marked synthesised: no claims on synthesised nodes.
    assert!(node(&ds, "5205").published.is_empty());
}

#[test]
fn generation_is_deterministic() {
    let a = layout(demo(), &WriteOptions::default());
    let b = layout(&generate(Preset::Demo, 20250630).unwrap(), &WriteOptions::default());
    assert_eq!(a.files, b.files);
    let c = layout(&generate(Preset::Demo, 7).unwrap(), &WriteOptions::default());
    assert_ne!(a.files, c.files, "another seed gives other synthesised figures");
}

/// `public/data` is exactly what the generator makes (regenerate with scripts/gen-demo.sh).
#[test]
fn committed_demo_data_is_current() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
    let w = layout(demo(), &WriteOptions::default());
    for (name, bytes) in &w.files {
        let on_disk = std::fs::read(dir.join(name))
            .unwrap_or_else(|e| panic!("public/data/{name}: {e}; run scripts/gen-demo.sh"));
        assert!(on_disk == *bytes, "public/data/{name} is stale; run scripts/gen-demo.sh");
    }
}

/// The demo plan must be satisfiable for any seed, not just the committed one.
#[test]
fn demo_generates_and_validates_for_other_seeds() {
    for seed in [1, 7, 99] {
        let g = generate(Preset::Demo, seed).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        let (_, ps) = load(&g, &WriteOptions::default());
        assert!(ps.is_empty(), "seed {seed}: {:?}", ps.list.first());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_generated_dataset_validates_and_any_changed_count_breaks_a_sum(
        seed in any::<u64>(),
        cities in 1usize..3,
        counties in 1usize..3,
        extra_sites in 0u64..8,
        people in 2_000u64..30_000,
        periods in 1usize..5,
        pick in any::<prop::sample::Index>(),
        metric in any::<prop::sample::Index>(),
        period in any::<prop::sample::Index>(),
        single in any::<bool>(),
    ) {
        let scale = common::scale(cities, counties, (cities * counties) as u64 + extra_sites, people);
        let mut g = generate_scale(&scale, seed, periods).expect("generates");
        let opts = WriteOptions { single_file: single, ..Default::default() };
        let (_, ps) = load(&g, &opts);
        prop_assert!(ps.is_empty(), "{:?}", ps.list.first());
        // Change one count at one node (not the root) and period: a sum must break.
        let k = 1 + pick.index(g.nodes.len() - 1);
        let m = Metric::ALL[metric.index(Metric::ALL.len())];
        let t = period.index(periods);
        let mut values = g.nodes[k].m.series(m).to_values(periods);
        values[t] += 1;
        g.nodes[k].m.set(m, anju_data::Series::Per(values.into()));
        let (_, ps) = load(&g, &opts);
        prop_assert!(ps.list.iter().any(|p| p.check == Check::Sum), "changing {} at {} gave {:?}", m.key(), g.nodes[k].id, ps.list.first());
    }
}

/// The streaming check finds the same problems as the full load, one county at a time.
#[test]
fn streaming_validation_agrees_with_the_full_load() {
    let scale = common::scale(2, 3, 14, 20_000);
    let mut g = generate_scale(&scale, 4, 3).unwrap();
    let w = layout(&g, &WriteOptions::default());
    let read = |p: &str| w.files.iter().find(|(n, _)| n == p).map(|(_, b)| b.clone()).ok_or_else(|| p.to_string());
    assert!(anju_data::validate_streaming("index.json", read).is_empty());
    // Break one count deep inside a shard: both ways report it.
    let k = g.nodes.iter().position(|n| n.level == anju_data::Level::Building).unwrap();
    g.nodes[k].m.set(Metric::Disabled, anju_data::Series::Const(999_999));
    let w = layout(&g, &WriteOptions::default());
    let read = |p: &str| w.files.iter().find(|(n, _)| n == p).map(|(_, b)| b.clone()).ok_or_else(|| p.to_string());
    let streamed: Vec<_> =
        anju_data::validate_streaming("index.json", read).list.into_iter().map(|p| (p.check, p.at)).collect();
    let (_, full) = load_all("index.json", read);
    let full: Vec<_> = full.list.into_iter().map(|p| (p.check, p.at)).collect();
    assert!(!streamed.is_empty());
    assert_eq!(streamed, full);
}
