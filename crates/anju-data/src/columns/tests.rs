//! Version 2 reads back exactly what was written; bad cells are kept for the validator.

use super::*;
use crate::model::{FileKind, Node, FORMAT, SCHEMA_VERSION};
use crate::series::PerPeriod;

fn file(nodes: Vec<Node>, periods: usize) -> DataFile {
    DataFile {
        format: FORMAT.into(),
        schema_version: SCHEMA_VERSION,
        kind: FileKind::Shard,
        dataset: None,
        root: None,
        parent: Some("P".into()),
        periods: (1..=periods).map(|m| format!("2025-{m:02}")).collect(),
        nodes,
        m: None,
        income: None,
        geo: None,
    }
}

fn node(id: &str, level: Level, children: &[&str]) -> Node {
    let mut n = Node::new(id, id, level);
    n.children = children.iter().map(|c| c.to_string()).collect();
    n
}

fn per(v: &[u64]) -> Series {
    Series::Per(PerPeriod::from(v.to_vec()))
}

/// A site with two buildings in the file and one (B3) whose figures it states itself.
fn sample() -> DataFile {
    let mut s = node("S", Level::Site, &["B1", "B2"]);
    let mut b1 = node("B1", Level::Building, &[]);
    let mut b2 = node("B2", Level::Building, &[]);
    b1.m.set(Metric::People, per(&[10, 12, 11]));
    b2.m.set(Metric::People, Series::Const(5));
    b1.m.set(Metric::Buildings, Series::Const(1));
    b2.m.set(Metric::Buildings, Series::Const(1));
    s.m.set(Metric::People, per(&[15, 17, 16]));
    s.m.set(Metric::Buildings, Series::Const(2));
    s.m.set(Metric::Sites, Series::Const(1));
    // Not the sum of its children: written out.
    s.m.set(Metric::Households, Series::Const(9));
    b1.income = Income::Per(vec![Some(8692.86), Some(8760.28), Some(8828.22)].into_boxed_slice());
    b2.income = Income::Per(vec![Some(1.005), None, Some(2.0)].into_boxed_slice());
    s.income = Income::Const(7000.5);
    file(vec![s, b1, b2], 3)
}

fn round_trip(doc: &DataFile) -> (String, DataFile) {
    let mut v2 = doc.clone();
    encode(&mut v2);
    let json = serde_json::to_string(&v2).unwrap();
    let back = crate::load::parse_file("x.json", json.as_bytes()).unwrap();
    (json, back)
}

#[test]
fn what_is_written_reads_back_exactly() {
    let doc = sample();
    let (json, back) = round_trip(&doc);
    assert_eq!(back, doc);
    // 10, +2, -1 is "UEB". The site's people and buildings are its children's sums (null); its households and
    // its own site count are not; the smooth income is fen, the one with a gap in yuan.
    assert!(json.contains(r#""schema_version":2"#), "{json}");
    assert!(json.contains(r#""people":[null,"UEB",5]"#), "{json}");
    assert!(json.contains(r#""households":[9,null,null]"#), "{json}");
    assert!(json.contains(r#""income":[7000.5,"#), "{json}");
    assert!(json.contains(r#"[1.005,null,2.0]"#), "{json}");
    assert!(!json.contains(r#""m":{}"#), "{json}");
}

#[test]
fn version_2_cells_are_checked_as_version_1_cells_are() {
    let read = |m: &str, income: &str| {
        let json = format!(
            r#"{{"format":"anju-dataset","schema_version":2,"kind":"shard","parent":"P","periods":["2025-01","2025-02"],
            "nodes":[{{"id":"a","name":"A","level":"building"}}],"m":{{"people":[{m}]}},"income":[{income}]}}"#
        );
        crate::load::parse_file("x.json", json.as_bytes())
    };
    let people = |m: &str| read(m, "null").unwrap().nodes[0].m.series(Metric::People).clone();
    // 3 then -4: negative at the second period.
    assert_eq!(people(r#""GH""#), Series::Bad(Box::new((Some(1), BadValue::Negative(-1)))));
    assert_eq!(people(r#""G=""#), Series::Bad(Box::new((None, BadValue::NotANumber(code::MALFORMED)))));
    assert_eq!(people("[1,2]"), Series::Bad(Box::new((None, BadValue::NotANumber("an array")))));
    assert_eq!(people("-2"), Series::Bad(Box::new((None, BadValue::Negative(-2)))));
    assert_eq!(people("7"), Series::Const(7));
    // A bad count does not hide a string that does not read: that is named first.
    assert_eq!(people(r#""GH=""#), Series::Bad(Box::new((None, BadValue::NotANumber(code::MALFORMED)))));
    // Past a u64 at the second period; past a u32 is still a count, held wide.
    let mut past = String::new();
    code::write([1i128, i128::from(u64::MAX)], &mut past);
    assert_eq!(
        people(&format!("\"{past}\"")),
        Series::Bad(Box::new((Some(1), BadValue::TooLarge(u64::MAX as f64 + 1.0))))
    );
    let wide = code::write_counts([5, u64::from(u32::MAX) + 7].into_iter());
    assert_eq!(people(&format!("\"{wide}\"")), per(&[5, u64::from(u32::MAX) + 7]));
    let income = |i: &str| read("null", i).unwrap().nodes[0].income.clone();
    // 100 fen, then -300: a negative amount at the second period.
    assert_eq!(income(r#""oD3J""#), Income::Bad(Some(1), "a negative amount"));
    assert_eq!(income(r#""-""#), Income::Bad(None, code::MALFORMED));
    assert_eq!(income("12.5"), Income::Const(12.5));
    // Columns of the wrong length, a node with its own m, a column twice: located refusals.
    let p = read("1,2", "null").unwrap_err();
    assert_eq!(p.at.path, "$.m.people");
    let p = crate::load::parse_file(
        "x.json",
        br#"{"format":"anju-dataset","schema_version":2,"kind":"shard","parent":"P","periods":["2025-01"],"nodes":[{"id":"a","name":"A","level":"building","m":{"people":1}}]}"#,
    )
    .unwrap_err();
    assert_eq!(p.at.path, "$.nodes[0]");
    let p = crate::load::parse_file(
        "x.json",
        br#"{"format":"anju-dataset","schema_version":2,"kind":"shard","parent":"P","periods":["2025-01"],"nodes":[{"id":"a","name":"A","level":"building"}],"m":{"people":[1],"people":[2]}}"#,
    )
    .unwrap_err();
    assert_eq!(p.check, crate::problem::Check::DuplicateKey);
    // A version 1 file with columns is refused, named for what it is.
    let p = crate::load::parse_file(
        "x.json",
        br#"{"format":"anju-dataset","schema_version":1,"kind":"shard","parent":"P","periods":["2025-01"],"nodes":[],"m":{}}"#,
    )
    .unwrap_err();
    assert_eq!((p.check, p.at.path.as_str()), (crate::problem::Check::Version, "$.m"));
}

#[test]
fn children_named_after_their_parent_are_written_as_suffixes() {
    let mut s = node("520603-S1", Level::Site, &["520603-S1-C1", "520603-S1-C2"]);
    s.m.set(Metric::People, Series::Const(3));
    let mut mixed = node("M", Level::Community, &["M-G1", "X"]);
    mixed.m.set(Metric::People, Series::Const(1));
    let c1 = node("520603-S1-C1", Level::Community, &[]);
    let c2 = node("520603-S1-C2", Level::Community, &[]);
    let doc = file(vec![s, c1, c2, mixed], 1);
    let (json, back) = round_trip(&doc);
    assert_eq!(back, doc);
    assert!(json.contains(r#""child_suffixes":["C1","C2"]"#), "{json}");
    // A child not named after its parent: every child written whole.
    assert!(json.contains(r#""children":["M-G1","X"]"#), "{json}");
    let read = |v: u32, node: &str| {
        let json = format!(
            r#"{{"format":"anju-dataset","schema_version":{v},"kind":"shard","parent":"P","periods":["2025-01"],"nodes":[{node}]}}"#
        );
        crate::load::parse_file("x.json", json.as_bytes())
    };
    let p = read(2, r#"{"id":"a","name":"A","level":"site","children":["a-1"],"child_suffixes":["2"]}"#).unwrap_err();
    assert_eq!(p.at.path, "$.nodes[0]");
    let p = read(1, r#"{"id":"a","name":"A","level":"site","child_suffixes":["2"]}"#).unwrap_err();
    assert_eq!((p.check, p.at.path.as_str()), (crate::problem::Check::Version, "$.nodes[0].child_suffixes"));
}

#[test]
fn a_cycle_or_a_missing_child_does_not_hang_or_panic() {
    let mut a = node("A", Level::Site, &["B", "X"]);
    let mut b = node("B", Level::Community, &["A"]);
    a.m.set(Metric::People, Series::Const(3));
    b.m.set(Metric::People, Series::Const(4));
    let doc = file(vec![a, b], 1);
    let (_, back) = round_trip(&doc);
    assert_eq!(back, doc);
}

mod property {
    use super::*;
    use proptest::prelude::*;

    const LEVELS: [Level; 4] = [Level::Site, Level::Community, Level::Grid, Level::Building];
    const METRICS: [Metric; 4] = [Metric::People, Metric::Employed, Metric::Communities, Metric::Buildings];

    fn series() -> impl Strategy<Value = Series> {
        prop_oneof![
            (0u64..50).prop_map(Series::Const),
            proptest::collection::vec(0u64..50, 3).prop_map(|v| per(&v)),
            Just(Series::Const(u64::MAX)),
        ]
    }

    fn income() -> impl Strategy<Value = Income> {
        prop_oneof![
            Just(Income::Absent),
            (0u64..2_000_000).prop_map(|f| Income::Const(f as f64 / 100.0)),
            proptest::collection::vec(proptest::option::weighted(0.8, 0u64..2_000_000), 3)
                .prop_map(|v| Income::Per(v.into_iter().map(|f| f.map(|f| f as f64 / 100.0)).collect())),
            Just(Income::Per(vec![Some(0.125), Some(1.0), Some(2.0)].into_boxed_slice())),
        ]
    }

    prop_compose! {
        /// Up to 12 nodes, each under an earlier one; a parent's counts either its own or
        /// its children's sum (written as null).
        fn tree()(
            parents in proptest::collection::vec(any::<proptest::sample::Index>(), 0..12),
            values in proptest::collection::vec(proptest::collection::vec(series(), 4), 13),
            incomes in proptest::collection::vec(income(), 13),
            summed in proptest::collection::vec(any::<bool>(), 13),
        ) -> DataFile {
            let n = parents.len() + 1;
            let mut depth = vec![0usize; n];
            // Some ids are their parent's and a suffix, as below a county.
            let mut ids: Vec<String> = Vec::with_capacity(n);
            for i in 0..n {
                let id = match i {
                    0 => "N0".to_string(),
                    _ if i % 3 == 0 => format!("N{i}"),
                    _ => format!("{}-{i}", ids[parents[i - 1].index(i)]),
                };
                ids.push(id);
            }
            let mut nodes: Vec<Node> = (0..n).map(|i| {
                if i > 0 { depth[i] = depth[parents[i - 1].index(i)] + 1; }
                node(&ids[i], LEVELS[depth[i].min(3)], &[])
            }).collect();
            for i in 1..n {
                let p = parents[i - 1].index(i);
                let id = nodes[i].id.clone();
                nodes[p].children.push(id);
            }
            for i in (0..n).rev() {
                for (k, &m) in METRICS.iter().enumerate() {
                    let kids: Vec<usize> = (1..n).filter(|&c| parents[c - 1].index(c) == i).collect();
                    let s = if summed[i] && !kids.is_empty() {
                        rolled(nodes[i].level, m, kids.iter().map(|&c| nodes[c].m.series(m)), 3)
                    } else {
                        values[i][k].clone()
                    };
                    if !matches!(s, Series::Bad(..)) && !s.is_zero() {
                        nodes[i].m.set(m, s);
                    }
                }
                nodes[i].income = incomes[i].clone();
            }
            file(nodes, 3)
        }
    }

    /// A count cell's string read as the format defines it, through the plain decoder: the
    /// reference the one-pass reader must agree with.
    fn count_cell_reference(s: &str) -> Series {
        match code::read_counts(s) {
            Err(why) => Series::Bad(Box::new((None, BadValue::NotANumber(why)))),
            Ok(v) => match v.iter().position(|&x| u64::try_from(x).is_err()) {
                Some(t) if v[t] < 0 => {
                    Series::Bad(Box::new((Some(t), BadValue::Negative(i64::try_from(v[t]).unwrap_or(i64::MIN)))))
                }
                Some(t) => Series::Bad(Box::new((Some(t), BadValue::TooLarge(v[t] as f64)))),
                None => per(&v.iter().map(|&x| x as u64).collect::<Vec<_>>()),
            },
        }
    }

    proptest! {
        /// Any string in a count cell reads as the reference says: the counts, or the
        /// first bad one at its period, or not a number.
        #[test]
        fn a_count_cell_reads_as_the_format_defines(s in "[A-Za-z0-9_=-]{0,40}") {
            let json = format!(
                r#"{{"format":"anju-dataset","schema_version":2,"kind":"shard","parent":"P","periods":["2025-01"],
                "nodes":[{{"id":"a","name":"A","level":"building"}}],"m":{{"people":["{s}"]}}}}"#
            );
            let doc = crate::load::parse_file("x.json", json.as_bytes()).unwrap();
            let want = count_cell_reference(&s);
            // Zero everywhere is stored as no value at all.
            let want = if want.is_zero() { Series::Const(0) } else { want };
            prop_assert_eq!(doc.nodes[0].m.series(Metric::People), &want);
        }

        /// Any file, valid sums or not, reads back as it was written.
        #[test]
        fn any_file_round_trips(doc in tree()) {
            let (json, back) = round_trip(&doc);
            prop_assert_eq!(&back, &doc);
            // Every null at a node with children is their sum plus its own count, added
            // up here independently of the codec.
            let v: serde_json::Value = serde_json::from_str(&json).unwrap();
            for (key, cells) in v["m"].as_object().unwrap() {
                let m = Metric::from_key(key).unwrap();
                for (i, cell) in cells.as_array().unwrap().iter().enumerate() {
                    let kids: Vec<&Node> = back.nodes.iter().filter(|c| back.nodes[i].children.contains(&c.id)).collect();
                    if !cell.is_null() || kids.is_empty() {
                        continue;
                    }
                    for t in 0..3 {
                        let own = u128::from(back.nodes[i].level.own_count_metric() == Some(m));
                        let sum: u128 = own + kids.iter().map(|c| c.m.get(m, t) as u128).sum::<u128>();
                        prop_assert_eq!(back.nodes[i].m.get(m, t) as u128, sum, "{} {} t={}", back.nodes[i].id, key, t);
                    }
                }
            }
        }
    }
}
