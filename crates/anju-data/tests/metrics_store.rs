//! The sparse store of a node's counts (`Metrics`) reads as the dense one it replaced: any
//! order of sets, and any JSON object, gives the same value for every metric; and a copy
//! of a dataset shares its nodes, so attaching to the copy leaves the original as it was.

use anju_data::metric::{Metric, N_METRICS};
use anju_data::model::Metrics;
use anju_data::series::Series;
use proptest::prelude::*;

fn metric(i: usize) -> Metric {
    Metric::ALL[i % N_METRICS]
}

proptest! {
    /// Sets in any order, some metrics twice: each reads as its last set, others as 0.
    #[test]
    fn sets_in_any_order_read_back(sets in proptest::collection::vec((0..N_METRICS, 0u64..1_000_000), 0..200)) {
        let mut m = Metrics::default();
        let mut dense = [0u64; N_METRICS];
        for &(i, v) in &sets {
            m.set(metric(i), Series::Const(v));
            dense[metric(i).index()] = v;
        }
        for &k in Metric::ALL {
            prop_assert_eq!(m.get(k, 0), dense[k.index()]);
            prop_assert_eq!(m.present().contains(k), sets.iter().any(|&(i, _)| metric(i) == k));
        }
        prop_assert_eq!(m.stored().len(), Metric::ALL.iter().filter(|&&k| m.present().contains(k)).count());
    }

    /// A JSON object with its keys in any order reads as the dense values, and writes
    /// back to an object that reads the same.
    #[test]
    fn json_in_any_order_round_trips(mut pairs in proptest::collection::btree_map(0..N_METRICS, (1u64..1_000_000, proptest::bool::ANY), 0..60)
        .prop_map(|m| m.into_iter().collect::<Vec<_>>()), seed in 0u64..1000) {
        // Shuffle deterministically by the seed.
        let n = pairs.len().max(1);
        pairs.rotate_left((seed as usize) % n);
        let body: Vec<String> = pairs.iter().map(|&(i, (v, per))| {
            let key = metric(i).key();
            if per { format!("\"{key}\":[{v},{}]", v + 1) } else { format!("\"{key}\":{v}") }
        }).collect();
        let m: Metrics = serde_json::from_str(&format!("{{{}}}", body.join(","))).unwrap();
        for &(i, (v, per)) in &pairs {
            prop_assert_eq!(m.get(metric(i), 0), v);
            prop_assert_eq!(m.get(metric(i), 1), if per { v + 1 } else { v });
        }
        let back: Metrics = serde_json::from_str(&serde_json::to_string(&m).unwrap()).unwrap();
        prop_assert_eq!(back, m);
    }
}

#[test]
fn a_key_twice_is_refused() {
    let e = serde_json::from_str::<Metrics>(r#"{"people":3,"households":1,"people":4}"#).unwrap_err();
    assert!(e.to_string().contains("people"), "{e}");
}

mod common;

/// The app attaches a shard to a copy of the dataset while the old view keeps the
/// original: the copy shares the original's nodes (nothing per node is duplicated), and
/// the original is left exactly as it was.
#[test]
fn attaching_to_a_copy_shares_nodes_and_leaves_the_original() {
    let (index, shard) = common::dataset();
    let original = anju_data::Dataset::from_index("index.json", index.to_string().as_bytes()).unwrap();
    let mut copy = original.clone();
    copy.attach_shard("shards/A.json", shard.to_string().as_bytes()).unwrap();
    for ix in 0..original.nodes.len() {
        assert!(std::sync::Arc::ptr_eq(&original.nodes[ix], &copy.nodes[ix]), "node {ix} was copied");
    }
    let a = original.find("A").unwrap();
    assert!(original.kids[a].is_empty() && original.find("A-1").is_none() && original.loaded_shards.is_empty());
    assert_eq!(copy.kids[a].len(), 1);
    assert_eq!(copy.node(copy.find("A-1a").unwrap()).m.get(Metric::People, 0), 40);
}

/// Counts per period are held narrow when they fit and wide when one does not: never
/// narrowed, whatever the value (u32::MAX + 1 and u64::MAX read back exactly).
#[test]
fn per_period_counts_are_never_narrowed() {
    use anju_data::series::PerPeriod;
    for values in [vec![0, 1, u32::MAX as u64], vec![5, u32::MAX as u64 + 1], vec![u64::MAX, 0, 7]] {
        let s: Series = serde_json::from_str(&serde_json::to_string(&values).unwrap()).unwrap();
        for (t, &v) in values.iter().enumerate() {
            assert_eq!(s.get(t), v);
        }
        let Series::Per(p) = &s else { panic!("{values:?} read as {s:?}") };
        assert_eq!(matches!(p, PerPeriod::Narrow(_)), values.iter().all(|&v| v <= u32::MAX as u64));
        assert_eq!(serde_json::to_string(&s).unwrap(), serde_json::to_string(&values).unwrap());
    }
    assert_eq!(PerPeriod::Narrow(vec![1, 2].into()), PerPeriod::Wide(vec![1, 2].into()));
}
