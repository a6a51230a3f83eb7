//! Letting go of shards (`dataset/evict.rs`): a dataset that dropped shards is exactly
//! the one that never attached them; a place whose shard left loads again; the view's
//! shards are never dropped, and what is kept beyond them stays within the budget.

mod common;

use anju_data::dataset::Recency;
use anju_data::{Dataset, Level, NodeIx};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::Arc;

/// A small generated dataset's files, with shards small enough that the larger counties'
/// sites get shards of their own (a shard naming shards).
fn files() -> &'static [(String, Vec<u8>)] {
    use anju_data::gen::presets::generate_scale;
    use anju_data::write::{layout, WriteOptions};
    static FILES: std::sync::OnceLock<Vec<(String, Vec<u8>)>> = std::sync::OnceLock::new();
    FILES.get_or_init(|| {
        let g = generate_scale(&common::scale(2, 3, 18, 30_000), 7, 3).unwrap();
        layout(&g, &WriteOptions { shard_budget: 60_000, single_file: false }).files
    })
}

fn bytes<'a>(files: &'a [(String, Vec<u8>)], path: &str) -> &'a [u8] {
    &files.iter().find(|(n, _)| n == path).unwrap().1
}

/// Loads `id`'s way: the shards towards it, then its own, as the app does.
fn enter(ds: &mut Dataset, files: &[(String, Vec<u8>)], id: &str) -> NodeIx {
    loop {
        if let Some(ix) = ds.find(id) {
            while let Some(s) = ds.missing_shard(ix).map(str::to_string) {
                ds.attach_shard(&s, bytes(files, &s)).unwrap();
            }
            return ix;
        }
        let owner = (0..ds.nodes.len())
            .filter(|&i| ds.missing_shard(i).is_some() && id.starts_with(&format!("{}-", ds.nodes[i].id)))
            .max_by_key(|&i| ds.nodes[i].id.len())
            .expect("a shard towards the id");
        let s = ds.missing_shard(owner).unwrap().to_string();
        ds.attach_shard(&s, bytes(files, &s)).unwrap();
    }
}

/// Everything a dataset says, by id rather than by index (indices depend on the order
/// shards came in): each node with its parent, children and origin, the shards loaded and
/// who names each.
fn described(ds: &Dataset) -> String {
    let id = |ix: NodeIx| ds.nodes[ix].id.clone();
    let mut nodes = BTreeMap::new();
    for ix in 0..ds.nodes.len() {
        assert_eq!(ds.find(&ds.nodes[ix].id), Some(ix), "ids map");
        let kids: Vec<String> = ds.kids[ix].iter().map(|&k| id(k)).collect();
        let (f, pos) = ds.origin[ix];
        let origin = (ds.files[f as usize].clone(), pos);
        nodes.insert(id(ix), format!("{:?} {:?} {kids:?} {origin:?}", ds.nodes[ix], ds.parent[ix].map(id)));
    }
    let loaded: BTreeSet<String> = ds.loaded_shards.iter().map(|s| s.to_string()).collect();
    let owners: BTreeMap<String, String> = ds.shard_owner.iter().map(|(s, &o)| (s.to_string(), id(o))).collect();
    assert_eq!(ds.ids.len(), ds.nodes.len());
    format!("{nodes:#?}\n{loaded:?}\n{owners:?}\nroot {}", id(ds.root))
}

fn counties(ds: &Dataset) -> Vec<String> {
    ds.nodes.iter().filter(|n| n.level == Level::County).map(|n| n.id.clone()).collect()
}

/// Every site below `county` (its shard, and its sites' shards, loaded).
fn sites(ds: &Dataset, county: NodeIx) -> Vec<String> {
    ds.kids[county].iter().map(|&k| ds.nodes[k].id.clone()).collect()
}

#[test]
fn the_demo_layout_has_shards_that_name_shards() {
    let f = files();
    let ds = Dataset::from_index("index.json", bytes(f, "index.json")).unwrap();
    let mut all = ds.clone();
    for c in counties(&ds) {
        let ix = enter(&mut all, f, &c);
        for s in sites(&all, ix) {
            enter(&mut all, f, &s);
        }
    }
    let nested = all.shard_owner.values().filter(|&&o| all.nodes[o].level == Level::Site).count();
    assert!(nested >= 2, "the test needs site shards, found {nested}");
}

#[test]
fn dropping_a_county_equals_never_having_entered_it_and_it_loads_again() {
    let f = files();
    let index = Dataset::from_index("index.json", bytes(f, "index.json")).unwrap();
    let cs = counties(&index);
    // Enter every county and every site (site shards too).
    let mut all = index.clone();
    for c in &cs {
        let ix = enter(&mut all, f, c);
        for s in sites(&all, ix) {
            enter(&mut all, f, &s);
        }
    }
    // Drop a county whose sites have shards of their own.
    let gone = cs
        .iter()
        .find(|c| sites(&all, all.find(c).unwrap()).iter().any(|s| all.nodes[all.find(s).unwrap()].shard.is_some()))
        .expect("a county with site shards")
        .clone();
    let mut never = index.clone();
    for c in cs.iter().filter(|c| **c != gone) {
        let ix = enter(&mut never, f, c);
        for s in sites(&never, ix) {
            enter(&mut never, f, &s);
        }
    }
    let before = described(&all);
    let county_shard: Arc<str> = all.nodes[all.find(&gone).unwrap()].shard.as_deref().unwrap().into();
    let mut dropped = all.clone();
    dropped.detach_shards(&[county_shard]);
    assert_eq!(described(&dropped), described(&never));
    assert!(dropped.find(&gone).is_some_and(|ix| dropped.kids[ix].is_empty()));
    // Entered again, it is as it was (its sites' shards too).
    let ix = enter(&mut dropped, f, &gone);
    for s in sites(&dropped, ix) {
        enter(&mut dropped, f, &s);
    }
    assert_eq!(described(&dropped), before, "re-entered, the dataset differs");
    // The copy it was dropped from kept everything.
    assert_eq!(described(&all), before);
}

#[test]
fn nothing_to_drop_changes_nothing() {
    let f = files();
    let mut ds = Dataset::from_index("index.json", bytes(f, "index.json")).unwrap();
    let c = counties(&ds)[0].clone();
    enter(&mut ds, f, &c);
    let before = described(&ds);
    ds.detach_shards(&[Arc::from("shards/nothing.json"), Arc::from("index.json")]);
    assert_eq!(described(&ds), before);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Visiting places in any order with any budget: the view's shards are always loaded,
    /// what is kept beyond them stays within the budget, and the dataset is always the one
    /// that attached only the shards it holds.
    #[test]
    fn a_walk_keeps_what_it_needs_within_the_budget(walk in prop::collection::vec((0usize..64, any::<bool>()), 1..14), budget in 0usize..400) {
        let f = files();
        let index = Dataset::from_index("index.json", bytes(f, "index.json")).unwrap();
        let cs = counties(&index);
        let mut ds = index.clone();
        let mut recent = Recency::default();
        // The model: when each shard was last needed (step, then attach order).
        let mut last: std::collections::HashMap<String, usize> = Default::default();
        for (step, (pick, into_site)) in walk.into_iter().enumerate() {
            let c = &cs[pick % cs.len()];
            let mut ix = enter(&mut ds, f, c);
            if into_site && !ds.kids[ix].is_empty() {
                let s = sites(&ds, ix)[pick % ds.kids[ix].len()].clone();
                ix = enter(&mut ds, f, &s);
            }
            let id = ds.nodes[ix].id.clone();
            let needed = ds.shards_for(ix, false);
            recent.touch(&ds, &needed);
            let drop = ds.shards_to_drop(&recent, &needed, budget);
            prop_assert!(drop.iter().all(|s| !needed.contains(s)));
            // What the model keeps: the most recently needed, newest first, while their
            // nodes stay within the budget; the first that passes it and all older go.
            for s in &needed {
                last.insert(s.to_string(), step);
            }
            let pos = |s: &str| ds.files.iter().position(|f| f == s).unwrap();
            let size = |s: &str| (0..ds.nodes.len()).filter(|&n| ds.shard_of(n) == Some(s)).count();
            let mut spare: Vec<&str> = ds.loaded_shards.iter().map(|s| &**s).filter(|s| !needed.contains(*s)).collect();
            spare.sort_by_key(|s| std::cmp::Reverse((last[*s], pos(s))));
            let mut kept_nodes = 0;
            let expected: BTreeSet<&str> = spare
                .into_iter()
                .filter(|s| {
                    kept_nodes += size(s);
                    kept_nodes > budget
                })
                .collect();
            let got: BTreeSet<&str> = drop.iter().map(|s| &**s).collect();
            prop_assert_eq!(&got, &expected);
            ds.detach_shards(&drop);
            let ix = ds.find(&id).expect("the place in view stays");
            prop_assert!(ds.shards_for(ix, false).iter().all(|s| ds.loaded_shards.contains(s)));
            prop_assert!(ds.missing_shard(ix).is_none());
            let spare: usize = (0..ds.nodes.len())
                .filter(|&n| ds.shard_of(n).is_some_and(|s| !needed.contains(s)))
                .count();
            prop_assert!(spare <= budget, "{spare} nodes kept beyond the view, budget {budget}");
            // The same as attaching only what is held, owners first.
            let mut fresh = index.clone();
            let held: HashSet<&str> = ds.loaded_shards.iter().map(|s| &**s).collect();
            let mut order: Vec<&String> = ds.files.iter().skip(1).collect();
            order.retain(|p| held.contains(p.as_str()));
            for p in order {
                fresh.attach_shard(p, bytes(f, p)).unwrap();
            }
            prop_assert_eq!(described(&ds), described(&fresh));
        }
    }
}
