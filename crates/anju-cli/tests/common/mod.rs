//! What the aggregator's end-to-end tests share: running it, loading what it wrote, and
//! checking that against the generator's own sums (every metric at every building, per-capita
//! income at every node to the fen, every relation at every node).
#![allow(dead_code)] // each test file uses its own part

pub mod shapes;

use anju_cli::aggregate::{run, AggError, Options, Summary};
use anju_cli::registers::Expected;
use anju_data::{load_all, Dataset, Metric};
use anju_import::EncodingChoice;
use std::path::{Path, PathBuf};

pub fn aggregate(
    inputs: Vec<PathBuf>,
    out: &Path,
    encoding: EncodingChoice,
    strict: bool,
) -> Result<Summary, AggError> {
    let read = anju_import::Options { encoding, ..Default::default() };
    run(&Options {
        inputs,
        out: out.to_path_buf(),
        run: anju_import::aggregate::Options { read, strict, ..Default::default() },
        progress: false,
    })
}

pub fn load(dir: &Path) -> Dataset {
    let (ds, ps) = load_all("index.json", |p| std::fs::read(dir.join(p)).map_err(|e| e.to_string()));
    assert!(ps.is_empty(), "{:?}", ps.list.first());
    ds.unwrap()
}

/// Finds a building by its path of names (empty community/grid skipped).
pub fn find(ds: &Dataset, path: &[String; 6]) -> usize {
    let mut cur = ds.root;
    for name in path.iter().filter(|s| !s.is_empty()) {
        cur = *ds.kids[cur].iter().find(|&&k| ds.node(k).name == *name).unwrap_or_else(|| panic!("{name} in {path:?}"));
    }
    cur
}

/// Per-capita income at every node and period is Σ income × people / Σ people over the
/// households below it, to the fen: not a mean per household, not a mean of rounded
/// children.
pub fn check_income(ds: &Dataset, exp: &Expected) {
    // (Σ fen × people, Σ people) per period under a node, by walking down to its buildings.
    fn under(ds: &Dataset, exp: &Expected, ix: usize, path: &mut Vec<String>, seen: &mut usize) -> Vec<(u128, u128)> {
        let np = ds.periods.len();
        let mut sums = vec![(0u128, 0u128); np];
        if ds.kids[ix].is_empty() {
            let key = exp.buildings.keys().find(|k| k.iter().filter(|s| !s.is_empty()).eq(path.iter())).unwrap();
            for (t, p) in ds.period_keys.iter().enumerate() {
                if let Some(m) = exp.buildings[key].get(p) {
                    let get = |k: &str| u128::from(m.get(k).copied().unwrap_or(0));
                    sums[t] = (get("income_fen"), get("income_people"));
                }
            }
        } else {
            for &k in ds.kids[ix].iter() {
                path.push(ds.node(k).name.clone());
                for (s, (f, w)) in sums.iter_mut().zip(under(ds, exp, k, path, seen)) {
                    s.0 += f;
                    s.1 += w;
                }
                path.pop();
            }
        }
        for (t, &(f, w)) in sums.iter().enumerate() {
            assert_eq!(ds.node(ix).income.get(t), anju_data::rollup::fen_mean(f, w), "{} {}", ds.node(ix).id, t);
            *seen += 1;
        }
        sums
    }
    let mut seen = 0;
    under(ds, exp, ds.root, &mut Vec::new(), &mut seen);
    assert!(seen >= ds.nodes.len(), "every node compared");
}

pub fn check_round_trip(ds: &Dataset, exp: &Expected) {
    let mut compared = 0;
    for (path, per) in &exp.buildings {
        let b = find(ds, path);
        for (period, metrics) in per {
            let t = ds.period_keys.iter().position(|p| p == period).unwrap();
            for m in Metric::ALL {
                let want = metrics.get(m.key()).copied().unwrap_or(if *m == Metric::Buildings { 1 } else { 0 });
                assert_eq!(ds.node(b).m.get(*m, t), want, "{path:?} {period} {}", m.key());
                compared += 1;
            }
        }
    }
    assert!(compared >= Metric::ALL.len(), "at least one building compared");
    let t = ds.latest();
    let root = ds.node(ds.root);
    let households: u64 =
        exp.buildings.values().filter_map(|p| p.get(&ds.period_keys[t])).map(|m| m["households"]).sum();
    assert_eq!(root.m.get(Metric::Households, t), households);
    check_income(ds, exp);
    // Every relation between counts holds at every node and period (every metric known,
    // whatever the validator's view of which keys a file carries).
    for n in &ds.nodes {
        for t in 0..ds.periods.len() {
            let broken: Vec<String> =
                anju_data::relations::broken(|m| n.m.get(m, t)).map(|r| r.formula(false)).collect();
            assert!(broken.is_empty(), "{} {}: {broken:?}", n.id, ds.period_keys[t]);
        }
    }
}

pub fn all_bytes(dir: &Path, out: &mut Vec<u8>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            all_bytes(&p, out)
        } else {
            out.extend(std::fs::read(p).unwrap());
        }
    }
}
