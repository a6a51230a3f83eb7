//! View logic on a real (generated) dataset: ranking, table sorting, targets, growth.

mod common;

use anju_data::view::growth::{year_before, yoy_growth};
use anju_data::view::measure::{rank_children, sort_children, target, Measure};
use anju_data::{Dataset, Metric};

fn dataset() -> Dataset {
    common::generated(3, 2, 12, 40_000, 3, 24, true)
}

#[test]
fn ranking_is_most_first_for_rates_and_problems_alike() {
    let ds = dataset();
    let t = ds.latest();
    let ranked = rank_children(&ds, ds.root, Measure::EmploymentRate, t);
    assert_eq!(ranked.len(), 3);
    for w in ranked.windows(2) {
        assert!(w[0].1.unwrap() >= w[1].1.unwrap());
    }
    let zero = rank_children(&ds, ds.root, Measure::Count(Metric::ZeroEmploymentHouseholds), t);
    for w in zero.windows(2) {
        assert!(w[0].1.unwrap() >= w[1].1.unwrap(), "where most of a problem is, first");
    }
    // Values are those of the children, recomputed independently.
    for (ix, v) in &ranked {
        let n = ds.node(*ix);
        assert_eq!(*v, Some(n.m.get(Metric::Employed, t) as f64 / n.m.get(Metric::Labour, t) as f64));
    }
}

#[test]
fn table_sorting_both_ways_and_by_name() {
    let ds = dataset();
    let t = ds.latest();
    let city = ds.kids[ds.root][0];
    let desc = sort_children(&ds, city, Some(Measure::Count(Metric::People)), true, t);
    let asc = sort_children(&ds, city, Some(Measure::Count(Metric::People)), false, t);
    let people = |v: &[usize]| v.iter().map(|&i| ds.node(i).m.get(Metric::People, t)).collect::<Vec<_>>();
    let mut sorted = people(&desc);
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(people(&desc), sorted);
    sorted.reverse();
    assert_eq!(people(&asc), sorted);
    let names: Vec<&str> = sort_children(&ds, city, None, false, t).iter().map(|&i| ds.node(i).name.as_str()).collect();
    let mut expected = names.clone();
    expected.sort();
    assert_eq!(names, expected);
}

#[test]
fn targets_are_inherited_and_growth_compares_the_same_month() {
    let ds = dataset();
    let t = ds.latest();
    let leaf = ds.nodes.iter().position(|n| n.level == anju_data::Level::Building).unwrap();
    assert_eq!(target(&ds, leaf, Measure::EmploymentRate), Some(0.95), "from the root");
    assert_eq!(target(&ds, leaf, Measure::Count(Metric::People)), None);
    let before = year_before(&ds, t).unwrap();
    assert_eq!(ds.periods[before].to_string(), "2024-06");
    assert_eq!(year_before(&ds, 0), None, "no earlier year in the data");
    let g = yoy_growth(&ds, ds.root, Measure::IncomePerCapita, t).unwrap();
    let n = ds.node(ds.root);
    assert!((g - (n.income.get(t).unwrap() / n.income.get(before).unwrap() - 1.0)).abs() < 1e-12);
}
