//! The generator: the demo validates, carries every published figure of domain.md exactly
//! at its node, is deterministic, and is what `public/data` holds. Property: any generated
//! dataset validates, and changing any one count breaks the sum check.

mod common;

use anju_data::gen::audit::audit;
use anju_data::gen::presets::{generate_scale, Generated};
use anju_data::gen::{generate, Preset};
use anju_data::metric::Metric;
use anju_data::write::{layout, WriteOptions};
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

/// The shipped demo contradicts neither itself nor plausibility (see `gen::audit`), and the
/// audit does find what it looks for: a building with more employed than labour, a
/// synthesised site at 100 %, a city whose counties are all alike.
#[test]
fn demo_passes_the_audit_and_the_audit_can_fail() {
    assert_eq!(audit(demo()), Vec::<String>::new());
    let mut g = generate(Preset::Demo, 20250630).unwrap();
    let t = g.periods.len() - 1;
    let at = |g: &Generated, id: &str| g.nodes.iter().position(|n| n.id == id).unwrap();
    let b = g.nodes.iter().position(|n| n.level == anju_data::Level::Building).unwrap();
    let labour = g.nodes[b].m.get(Metric::Labour, t);
    g.nodes[b].m.set(Metric::Labour, anju_data::Series::Const(labour.saturating_sub(labour)));
    let s = at(&g, "520602-S2");
    let l = g.nodes[s].m.get(Metric::Labour, t);
    g.nodes[s].m.set(Metric::Employed, anju_data::Series::Const(l));
    for k in g.nodes[at(&g, "5202")].children.clone() {
        let k = at(&g, &k);
        let l = g.nodes[k].m.get(Metric::Labour, t);
        g.nodes[k].m.set(Metric::Employed, anju_data::Series::Const(l * 24 / 25));
    }
    let f = audit(&g);
    let has = |s: &str| f.iter().any(|x| x.contains(s));
    assert!(has("employed ≤ labour broken"), "{f:#?}");
    assert!(has("520602-S2: synthesised employment_rate shows 100.0%"), "{f:#?}");
    assert!(has("5202: its counties' employment rates span 0.0 points"), "{f:#?}");
    assert!(has("5202: no county below the 95.0% target"), "{f:#?}");
}

#[test]
fn single_file_form_loads_too() {
    let (ds, ps) = load(demo(), &WriteOptions { single_file: true, ..Default::default() });
    assert!(ps.is_empty());
    assert_eq!(ds.unwrap().files.len(), 1);
}

#[test]
fn generation_is_deterministic() {
    let a = layout(demo(), &WriteOptions::default());
    let b = layout(&generate(Preset::Demo, 20250630).unwrap(), &WriteOptions::default());
    assert_eq!(a.files, b.files);
    let c = layout(&generate(Preset::Demo, 7).unwrap(), &WriteOptions::default());
    assert_ne!(a.files, c.files, "another seed gives other synthesised figures");
}

/// `public/data` is exactly what the generator makes (regenerate with scripts/gen-demo.sh),
/// its index with the map's files and their source added as `anju geo` adds them (the
/// geometry itself is checked in crates/anju-geo).
#[test]
fn committed_demo_data_is_current() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
    let w = layout(demo(), &WriteOptions::default());
    for (name, bytes) in &w.files {
        let on_disk = std::fs::read(dir.join(name))
            .unwrap_or_else(|e| panic!("public/data/{name}: {e}; run scripts/gen-demo.sh"));
        let expected = if name == "index.json" {
            let disk = anju_data::load::parse_file(name, &on_disk).unwrap();
            let geo = disk.geo.clone().expect("the demo names its map files");
            let source = disk.dataset.as_ref().unwrap().sources[&geo.source].clone();
            anju_data::write::rewrite_index(name, bytes, |doc| {
                doc.dataset.as_mut().unwrap().sources.insert(geo.source.clone(), source);
                doc.geo = Some(geo);
            })
            .unwrap()
        } else {
            bytes.clone()
        };
        assert!(on_disk == expected, "public/data/{name} is stale; run scripts/gen-demo.sh");
    }
}

/// The demo plan must be satisfiable for any seed, not just the committed one.
#[test]
fn demo_generates_and_validates_for_other_seeds() {
    for seed in [1, 7, 99] {
        let g = generate(Preset::Demo, seed).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        let (_, ps) = load(&g, &WriteOptions::default());
        assert!(ps.is_empty(), "seed {seed}: {:?}", ps.list.first());
        let findings = audit(&g);
        assert!(findings.is_empty(), "seed {seed}: {findings:#?}");
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
        // Every relation at every node and period, no synthesised 100 %, plausible spreads.
        let findings = audit(&g);
        prop_assert!(findings.is_empty(), "{:#?}", findings);
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
    // A shard that cannot be read: both walks report it at the node that names it.
    let gone = w.files.iter().map(|(n, _)| n.clone()).find(|n| n != "index.json").unwrap();
    let read = |p: &str| {
        (p != gone)
            .then(|| w.files.iter().find(|(n, _)| n == p).map(|(_, b)| b.clone()))
            .flatten()
            .ok_or_else(|| p.to_string())
    };
    let streamed: Vec<_> =
        anju_data::validate_streaming("index.json", read).list.into_iter().map(|p| (p.check, p.at)).collect();
    let (_, full) = load_all("index.json", read);
    let full: Vec<_> = full.list.into_iter().map(|p| (p.check, p.at)).collect();
    assert!(
        streamed.iter().any(|(c, at)| *c == anju_data::problem::Check::ShardMissing && at.node.is_some()),
        "{streamed:?}"
    );
    assert_eq!(streamed, full);
}
