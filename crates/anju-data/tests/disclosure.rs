//! Small-cell suppression, checked by brute force: for random small trees, everything a
//! public display shows (the counts [`Shown`] leaves, at every node) admits, for every
//! hidden count, at least two values consistent with the sums a reader knows (a parent
//! is the sum of its children; households are red + yellow + green). Rates are checked
//! to be hidden whenever a part is. The shared hostile cases are asserted too.

use anju_data::disclosure::{Shown, MARK};
use anju_data::view::measure::Measure;
use anju_data::{Dataset, Metric};
use proptest::prelude::*;
use serde_json::json;

const METRICS: [Metric; 6] =
    [Metric::People, Metric::Disabled, Metric::Households, Metric::RiskRed, Metric::RiskYellow, Metric::RiskGreen];
const WHOLE: usize = 2;
const PARTS: [usize; 3] = [3, 4, 5];

/// A leaf's counts: people, disabled, the three colours (households is their sum), and
/// the structural counts sites and buildings.
type Leaf = [u64; 7];

/// root → counties → sites (leaves) → optional buildings, as the loader reads it.
fn dataset(shape: &[Vec<Vec<Leaf>>]) -> (Dataset, Vec<(String, Option<String>)>) {
    let mut nodes = Vec::new();
    let mut tree = Vec::new(); // (id, parent id)
    let mut counties = Vec::new();
    let mut county_sums = Vec::new();
    for (a, sites) in shape.iter().enumerate() {
        let cid = format!("C{a}");
        counties.push(cid.clone());
        tree.push((cid.clone(), Some("R".to_string())));
        let mut site_ids = Vec::new();
        let mut site_sums = Vec::new();
        for (b, leaves) in sites.iter().enumerate() {
            let sid = format!("{cid}-S{b}");
            site_ids.push(sid.clone());
            tree.push((sid.clone(), Some(cid.clone())));
            let mut bids = Vec::new();
            for (c, v) in leaves.iter().enumerate() {
                let bid = format!("{sid}-B{c}");
                bids.push(bid.clone());
                tree.push((bid.clone(), Some(sid.clone())));
                nodes.push(json!({"id": bid, "name": format!("楼{c}"), "level": "building", "m": m_of(*v)}));
            }
            let mut sum = sum_leaves(leaves);
            sum[5] = 1;
            site_sums.push(sum);
            nodes.push(json!({"id": sid, "name": format!("点{b}"), "level": "site", "children": bids, "m": m_of(sum)}));
        }
        let county = sum_leaves(&site_sums);
        county_sums.push(county);
        nodes.push(
            json!({"id": cid, "name": format!("县{a}"), "level": "county", "children": site_ids, "m": m_of(county)}),
        );
    }
    nodes.push(
        json!({"id": "R", "name": "市", "level": "city", "children": counties, "m": m_of(sum_leaves(&county_sums))}),
    );
    tree.push(("R".into(), None));
    let doc = json!({"format": "anju-dataset", "schema_version": 1, "kind": "index",
        "dataset": {"title": {"zh": "测试"}, "as_of": "2025-06-30", "sources": {}},
        "root": "R", "periods": ["2025-06"], "nodes": nodes});
    let ds = Dataset::from_index("index.json", doc.to_string().as_bytes()).expect("a valid dataset");
    (ds, tree)
}

fn sum_leaves(ls: &[Leaf]) -> Leaf {
    ls.iter().fold([0; 7], |mut a, l| {
        for i in 0..7 {
            a[i] += l[i];
        }
        a
    })
}

fn m_of(v: Leaf) -> serde_json::Value {
    let hh = v[2] + v[3] + v[4];
    json!({"people": v[0], "disabled": v[1], "households": hh,
           "risk_red": v[2], "risk_yellow": v[3], "risk_green": v[4], "sites": v[5], "buildings": v[6]})
}

/// One linear equation over cells: Σ coef·cell = 0.
type Eq = Vec<(usize, i64)>;

/// Whether some assignment of the hidden cells (each within 0..=its bound) satisfies every
/// equation with cell `x` taking a value other than its own: a depth-first search over
/// intervals, each narrowed by every equation (bounds consistency) before it guesses.
fn has_second_value(x: usize, hidden: &[usize], value: &[i64], eqs: &[Eq], bound: &[i64]) -> bool {
    let mut dom: Vec<(i64, i64)> = value.iter().map(|&v| (v, v)).collect();
    for &h in hidden {
        dom[h] = (0, bound[h]);
    }
    let truth = value[x];
    let (below, above) = ((0, truth - 1), (truth + 1, bound[x]));
    [below, above].into_iter().filter(|r| r.0 <= r.1).any(|r| {
        let mut d = dom.clone();
        d[x] = r;
        STEPS.with(|s| s.set(0));
        solve(&mut d, hidden, eqs)
    })
}

thread_local! {
    static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Narrows every interval by every equation until nothing changes; `false` if one empties.
fn narrow(d: &mut [(i64, i64)], eqs: &[Eq]) -> bool {
    loop {
        let mut changed = false;
        for e in eqs {
            // Σ k·x = 0: each x lies within what the others leave.
            let (lo, hi) = e.iter().fold((0i64, 0i64), |(lo, hi), &(c, k)| {
                let (a, b) = (k * d[c].0, k * d[c].1);
                (lo + a.min(b), hi + a.max(b))
            });
            for &(c, k) in e {
                let (a, b) = (k * d[c].0, k * d[c].1);
                let (rest_lo, rest_hi) = (lo - a.min(b), hi - a.max(b));
                // k·x ∈ [−rest_hi, −rest_lo]
                let (mut nlo, mut nhi) = if k > 0 { (-rest_hi, -rest_lo) } else { (rest_lo, rest_hi) };
                nlo = nlo.max(d[c].0);
                nhi = nhi.min(d[c].1);
                if nlo > nhi {
                    return false;
                }
                if (nlo, nhi) != d[c] {
                    d[c] = (nlo, nhi);
                    changed = true;
                }
            }
        }
        if !changed {
            return true;
        }
    }
}

fn solve(d: &mut [(i64, i64)], hidden: &[usize], eqs: &[Eq]) -> bool {
    STEPS.with(|s| s.set(s.get() + 1));
    assert!(STEPS.with(|s| s.get()) < 200_000, "search budget exceeded");
    if !narrow(d, eqs) {
        return false;
    }
    let Some(&c) = hidden.iter().filter(|&&h| d[h].0 < d[h].1).min_by_key(|&&h| d[h].1 - d[h].0) else {
        return true;
    };
    (d[c].0..=d[c].1).any(|v| {
        let mut b = d.to_vec();
        b[c] = (v, v);
        solve(&mut b, hidden, eqs)
    })
}

fn check(shape: &[Vec<Vec<Leaf>>]) -> Result<(), String> {
    let (ds, tree) = dataset(shape);
    let shown = Shown::new(&ds, true);
    let t = 0;
    let nm = METRICS.len();
    let ix: Vec<usize> = tree.iter().map(|(id, _)| ds.find(id).unwrap()).collect();
    let cell = |node: usize, m: usize| node * nm + m;
    let mut value = vec![0i64; ix.len() * nm];
    let mut hidden = Vec::new();
    for (k, &i) in ix.iter().enumerate() {
        for (j, &m) in METRICS.iter().enumerate() {
            value[cell(k, j)] = ds.node(i).m.get(m, t) as i64;
            if shown.count(i, m, t).is_none() {
                hidden.push(cell(k, j));
            }
        }
        // Rates and shares are hidden with their parts.
        let share_hidden = shown.hides(i, Measure::Share(Metric::Disabled), t);
        let parts_hidden = shown.count(i, Metric::Disabled, t).is_none() || shown.count(i, Metric::People, t).is_none();
        if share_hidden != parts_hidden {
            return Err(format!("share at {} hidden {share_hidden}, parts hidden {parts_hidden}", tree[k].0));
        }
    }
    let pos = |id: &str| tree.iter().position(|(t, _)| t == id).unwrap();
    let mut eqs: Vec<Eq> = Vec::new();
    for (k, (id, _)) in tree.iter().enumerate() {
        let kids: Vec<usize> =
            tree.iter().enumerate().filter(|(_, (_, p))| p.as_deref() == Some(id)).map(|(c, _)| c).collect();
        if !kids.is_empty() {
            for j in 0..nm {
                let mut e = vec![(cell(k, j), 1)];
                e.extend(kids.iter().map(|&c| (cell(c, j), -1)));
                eqs.push(e);
            }
        }
        let mut e = vec![(cell(k, WHOLE), 1)];
        e.extend(PARTS.iter().map(|&p| (cell(k, p), -1)));
        eqs.push(e);
    }
    // No count exceeds a shown count of the same kind above it; where none is shown, the
    // largest count plus two bounds the search (a second value found within it is real).
    let far = value.iter().copied().max().unwrap_or(0) + 2;
    let hidden_set: std::collections::HashSet<usize> = hidden.iter().copied().collect();
    let bound: Vec<i64> = (0..value.len())
        .map(|c| {
            let (mut k, j) = (c / nm, c % nm);
            while let Some(p) = tree[k].1.as_deref() {
                k = pos(p);
                if !hidden_set.contains(&cell(k, j)) {
                    return value[cell(k, j)];
                }
            }
            far
        })
        .collect();
    for &x in &hidden {
        if !has_second_value(x, &hidden, &value, &eqs, &bound) {
            let (k, j) = (x / nm, x % nm);
            return Err(format!(
                "{} {} = {} is the only value consistent with what is shown",
                tree[k].0,
                METRICS[j].key(),
                value[x]
            ));
        }
    }
    Ok(())
}

fn leaf() -> impl Strategy<Value = Leaf> {
    // People are at least the households (one each) and the disabled.
    (0u64..4, 0u64..4, 0u64..3, 0u64..3, 0u64..4).prop_map(|(p, d, r, y, g)| [(r + y + g + p).max(d), d, r, y, g, 0, 1])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]
    #[test]
    fn every_hidden_count_keeps_two_values(shape in prop::collection::vec(
        prop::collection::vec(prop::collection::vec(leaf(), 0..4), 1..4), 1..3)) {
        // A site without buildings is a leaf with its own counts: give it none (zeros).
        if let Err(e) = check(&shape) {
            prop_assert!(false, "{e}");
        }
    }
}

/// The shared case: a site of 52 people whose buildings hold 50 and 2. The 2 would be the
/// parent less the shown sibling, so the sibling is hidden too.
#[test]
fn a_hidden_two_is_not_the_parent_less_its_sibling() {
    let ds = load("../../tests/fixtures/cases/hostile/suppress-differencing/index.json");
    let shown = Shown::new(&ds, true);
    let t = ds.latest();
    let (s, big, small) = (ds.find("S").unwrap(), ds.find("S-B1").unwrap(), ds.find("S-B2").unwrap());
    for m in [Metric::People, Metric::Disabled, Metric::Households, Metric::Labour] {
        let parent = shown.count(s, m, t);
        let kids = [shown.count(big, m, t), shown.count(small, m, t)];
        let hidden = kids.iter().filter(|k| k.is_none()).count();
        assert!(parent.is_none() || hidden != 1, "{}: one child hidden under a shown parent", m.key());
    }
    assert_eq!(shown.count(small, Metric::People, t), None);
    assert_eq!(shown.count(big, Metric::People, t), None, "the sibling is hidden to protect the 2");
    assert_eq!(shown.count(s, Metric::People, t), Some(52), "the site's total stays");
    assert_eq!(shown.count_text(big, Metric::People, t, anju_data::format::Lang::Zh), MARK);
}

/// The shared case: 1 employed of 10 labour, and 1 of 2. The rates would give the hidden
/// 1s back, so they are hidden with them.
#[test]
fn a_rate_is_hidden_with_its_parts() {
    let ds = load("../../tests/fixtures/cases/hostile/suppress-rate-leak/index.json");
    let shown = Shown::new(&ds, true);
    let t = ds.latest();
    for id in ["S-B1", "S-B2"] {
        let i = ds.find(id).unwrap();
        assert_eq!(shown.count(i, Metric::Employed, t), None, "{id}");
        assert_eq!(shown.value(i, Measure::EmploymentRate, t), None, "{id}");
        assert_eq!(shown.text(i, Measure::EmploymentRate, t, anju_data::format::Lang::Zh), MARK);
    }
    // Without suppression everything is shown.
    let all = Shown::new(&ds, false);
    assert_eq!(all.value(ds.find("S-B1").unwrap(), Measure::EmploymentRate, t), Some(0.1));
}

fn load(path: &str) -> Dataset {
    let bytes = std::fs::read(path).unwrap();
    Dataset::from_index("index.json", &bytes).unwrap()
}

/// What suppression costs readers of the demo data, by level: the share of non-zero counts
/// of people and households hidden, small ones (1 and 2) and those hidden to protect them.
/// Printed for `docs/disclosure.md` (`cargo test -p anju-data --test disclosure cost --
/// --nocapture`); it must leave every count of a city or county and of the root shown.
#[test]
fn cost_to_readers_by_level() {
    use anju_data::disclosure::{sensitive, THRESHOLD};
    use anju_data::Level;
    let dir = std::path::Path::new("../../public/data");
    let (ds, ps) = anju_data::load_all("index.json", |p| std::fs::read(dir.join(p)).map_err(|e| e.to_string()));
    assert!(ps.is_empty());
    let ds = ds.unwrap();
    let t = ds.latest();
    let shown = Shown::new(&ds, true);
    for level in [Level::City, Level::County, Level::Site, Level::Community, Level::Grid, Level::Building] {
        let (mut cells, mut small, mut other, mut zeros) = (0u64, 0u64, 0u64, 0u64);
        for ix in (0..ds.nodes.len()).filter(|&i| ds.node(i).level == level) {
            for &m in Metric::ALL.iter().filter(|&&m| sensitive(m)) {
                let v = ds.node(ix).m.get(m, t);
                if v == 0 {
                    zeros += u64::from(shown.count(ix, m, t).is_none());
                    continue;
                }
                cells += 1;
                if shown.count(ix, m, t).is_none() {
                    if v < THRESHOLD {
                        small += 1;
                    } else {
                        other += 1;
                    }
                }
            }
        }
        let pct = |k: u64| 100.0 * k as f64 / cells.max(1) as f64;
        println!(
            "{level:?}: {cells} non-zero counts, {:.1}% hidden as small, {:.1}% hidden to protect them; {zeros} zeros hidden",
            pct(small),
            pct(other)
        );
        if level <= Level::County {
            assert_eq!(small + other + zeros, 0, "{level:?}: a city's or a county's count hidden");
        }
    }
}
