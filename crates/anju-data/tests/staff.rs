//! Where-to-go lists and alerts on generated data, checked against brute force.

mod common;

use anju_data::view::staff::{alerts, descendants, top_buildings, Threshold, LOW_INCOME_YUAN};
use anju_data::{Dataset, Level, Metric};

fn dataset(seed: u64) -> Dataset {
    common::generated(2, 2, 10, 30_000, seed, 13, false)
}

#[test]
fn top_buildings_match_brute_force_with_ties_and_limits() {
    let ds = dataset(5);
    let t = ds.latest();
    for m in [Metric::Disabled, Metric::LeftBehindChildren, Metric::PartyMembers] {
        let mut all: Vec<(usize, u64)> = (0..ds.nodes.len())
            .filter(|&i| ds.nodes[i].level == Level::Building && ds.nodes[i].m.get(m, t) > 0)
            .map(|i| (i, ds.nodes[i].m.get(m, t)))
            .collect();
        all.sort_by(|a, b| b.1.cmp(&a.1).then(ds.nodes[a.0].id.cmp(&ds.nodes[b.0].id)));
        assert_eq!(top_buildings(&ds, ds.root, m, t, 20), all.iter().take(20).copied().collect::<Vec<_>>());
        assert_eq!(top_buildings(&ds, ds.root, m, t, 100_000), all);
        assert!(top_buildings(&ds, ds.root, m, t, 0).is_empty());
        // Ties are ordered by id: equal counts never swap between runs.
        for w in all.windows(2) {
            assert!(w[0].1 > w[1].1 || ds.nodes[w[0].0].id < ds.nodes[w[1].0].id);
        }
    }
}

#[test]
fn an_empty_group_gives_an_empty_list() {
    let ds = dataset(6);
    // Fire stations are never in a building's people; use a count that is 0 in buildings
    // under a node with no one of the group: a leaf's own subtree is empty.
    let leaf = ds.nodes.iter().position(|n| n.level == Level::Building).unwrap();
    assert!(top_buildings(&ds, leaf, Metric::Disabled, ds.latest(), 20).is_empty());
    assert!(descendants(&ds, leaf).is_empty());
}

#[test]
fn alerts_list_exactly_the_breaking_descendants_most_severe_first() {
    let ds = dataset(7);
    let t = ds.latest();
    let city = ds.kids[ds.root][0];
    let below: Vec<usize> = descendants(&ds, city);
    for th in Threshold::ALL {
        let got = alerts(&ds, city, th, t);
        let expected: Vec<usize> = below
            .iter()
            .copied()
            .filter(|&i| {
                let n = ds.node(i);
                match th {
                    Threshold::BelowTarget => {
                        n.m.get(Metric::Labour, t) > 0
                            && (n.m.get(Metric::Employed, t) as f64 / n.m.get(Metric::Labour, t) as f64) < 0.95
                    }
                    Threshold::ZeroEmployment => n.m.get(Metric::ZeroEmploymentHouseholds, t) > 0,
                    Threshold::LowIncome => n.income.get(t).is_some_and(|v| v < LOW_INCOME_YUAN),
                    Threshold::StillAtRisk => {
                        n.m.get(Metric::MonitoredHouseholds, t) > n.m.get(Metric::RiskEliminatedHouseholds, t)
                    }
                }
            })
            .collect();
        let mut got_ix: Vec<usize> = got.iter().map(|x| x.0).collect();
        got_ix.sort();
        let mut exp = expected.clone();
        exp.sort();
        assert_eq!(got_ix, exp, "{th:?}");
        for w in got.windows(2) {
            assert!(w[0].1 >= w[1].1, "{th:?} most severe first");
        }
        assert_eq!(Threshold::parse(th.key()), Some(th));
    }
}
