//! The tree of places built from building sums: cities, counties, sites, communities,
//! grids and buildings in name order, ids extending their parent's, every level the sum of
//! the one below (`anju_data::rollup`).

use crate::row::Household;
use anju_data::metric::{Metric, N_METRICS};
use anju_data::model::{Level, Meta, Node, Period, Text};
use anju_data::rollup::{fen_mean, rollup_into};
use anju_data::series::{Income, Series};
use anju_data::write::Generated;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// Sums for one building and period, dense by metric (people, households …; see
/// `Household::metrics`).
pub struct Acc {
    pub m: [u64; N_METRICS],
    /// Σ per-capita income in fen × household size (households with an income only):
    /// integers, so every node's figure is exact however the households are grouped.
    pub income_fen: u128,
}

/// Adds one household to its building's sums.
pub fn add(a: &mut Acc, h: &Household) {
    for (sum, v) in a.m.iter_mut().zip(h.metrics()) {
        *sum += v;
    }
    if let Some(v) = h.income {
        // `money` keeps amounts in [0, 1e9) yuan: the fen fit in u128 times any size.
        a.income_fen += (v * 100.0).round() as u128 * u128::from(h.size);
    }
}

impl Acc {
    /// Adds another part's sums (the same building and period from another file).
    pub fn absorb(&mut self, other: &Acc) {
        for (s, v) in self.m.iter_mut().zip(other.m) {
            *s += v;
        }
        self.income_fen += other.income_fen;
    }
}

/// A building's sums for one period, with the sheet its last household was in.
pub type SheetSums = (Period, Acc, Arc<str>);

/// One building and period found in two sheets: the building, the period, the earlier
/// sheet and the later one.
pub type AcrossSheets = ([String; 6], Period, Arc<str>, Arc<str>);

/// One file's households, summed per building and period: added to the run only once the
/// whole file was read, so that a file refused part-way (a damaged sheet after good ones,
/// a CSV broken at row 90,000) contributes nothing rather than part of its figures.
#[derive(Default)]
pub struct FileSums {
    /// Per building, per period: the sums and the sheet its last household was in.
    pub buildings: HashMap<[String; 6], Vec<SheetSums>>,
    /// Buildings and periods found in two sheets: (building, period, earlier sheet,
    /// later sheet), once per change of sheet.
    pub across_sheets: Vec<AcrossSheets>,
    /// Households and people (persons) summed.
    pub households: u64,
    pub people: u64,
    /// Variant name → households whose path it was replaced in (`--aliases`).
    pub alias_uses: HashMap<String, u64>,
}

impl FileSums {
    pub fn add(&mut self, h: &Household) {
        self.households += 1;
        self.people += h.size;
        let per = self.buildings.entry(h.path.clone()).or_default();
        let k = match per.iter().position(|(p, ..)| *p == h.period) {
            Some(k) => {
                // Noted once per change of sheet: the entry then holds the later sheet.
                if per[k].2 != h.sheet {
                    let first = std::mem::replace(&mut per[k].2, h.sheet.clone());
                    self.across_sheets.push((h.path.clone(), h.period, first, h.sheet.clone()));
                }
                k
            }
            None => {
                per.push((h.period, Acc { m: [0; N_METRICS], income_fen: 0 }, h.sheet.clone()));
                per.len() - 1
            }
        };
        add(&mut per[k].1, h);
    }
}

/// The last day of a month, for `as_of`.
fn month_end(p: Period) -> String {
    use chrono::NaiveDate;
    let next = if p.month == 12 {
        NaiveDate::from_ymd_opt(p.year as i32 + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(p.year as i32, p.month as u32 + 1, 1)
    };
    next.and_then(|d| d.pred_opt()).map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_else(|| format!("{p}-28"))
}

/// A node's per-capita income series from its Σ fen × people and its `income_people`.
fn income(n: &Node, fen: &[u128]) -> Income {
    Income::from_values(
        fen.iter().enumerate().map(|(t, &f)| fen_mean(f, u128::from(n.m.get(Metric::IncomePeople, t)))).collect(),
    )
}

/// One tree level under construction: children by (level, name), sorted so ids are stable.
#[derive(Default)]
struct Branch {
    kids: BTreeMap<(Level, String), Branch>,
    building: Option<Vec<(Period, Acc)>>,
}

/// The level each register column stands for.
const LEVELS: [Level; 6] = [Level::City, Level::County, Level::Site, Level::Community, Level::Grid, Level::Building];

/// The dataset for building sums keyed by path (city … building, an empty community or
/// grid skipping that level); `n_files` for the provenance line.
pub fn build(buildings: HashMap<[String; 6], Vec<(Period, Acc)>>, title: Option<&str>, n_files: usize) -> Generated {
    let periods: Vec<Period> =
        buildings.values().flat_map(|m| m.iter().map(|(p, _)| *p)).collect::<BTreeSet<_>>().into_iter().collect();
    let np = periods.len();
    let mut root = Branch::default();
    for (path, per) in buildings {
        let mut cur = &mut root;
        // An empty community or grid skips that level (a small site holds buildings directly).
        for (name, level) in path.iter().zip(LEVELS) {
            if !name.is_empty() {
                cur = cur.kids.entry((level, name.clone())).or_default();
            }
        }
        cur.building = Some(per);
    }
    let title = title.unwrap_or("台账汇总");
    let mut nodes = vec![Node { name_en: Some("All registers".into()), ..Node::new("R", title, Level::Region) }];
    // Beside each node, Σ income fen × people per period (empty until its children are in).
    let mut fen: Vec<Vec<u128>> = vec![Vec::new()];
    walk(&root, 0, &mut nodes, &mut fen, &periods);
    roll_up(&mut nodes, &mut fen, np);
    let last = periods.last().copied().unwrap_or(Period { year: 2000, month: 1 });
    Generated {
        meta: Meta {
            title: Text { zh: title.to_string(), en: "Aggregated household registers".into() },
            as_of: month_end(last),
            provenance: Text {
                zh: format!("由 {n_files} 个户级台账文件汇总而成，仅含统计数字，已去除姓名、身份证号等身份信息。"),
                en: format!("Aggregated from {n_files} household register file(s); counts only, with names, ID numbers and other identity data removed."),
            },
            sources: Default::default(),
            basis: anju_data::model::Basis::Registers,
        },
        periods,
        nodes,
        root: "R".into(),
    }
}

/// Adds `b`'s children below node `parent`, depth first: a node's id extends its
/// parent's (C1-2-S3-G1-B4), so deep links find their shard. A building's counts per
/// period come with it, and beside each node its Σ income fen × people per period.
fn walk(b: &Branch, parent: usize, nodes: &mut Vec<Node>, fen: &mut Vec<Vec<u128>>, periods: &[Period]) {
    for (k, ((level, name), kid)) in b.kids.iter().enumerate() {
        let tag = match level {
            Level::Site => "S",
            Level::Community => "C",
            Level::Grid => "G",
            Level::Building => "B",
            _ => "",
        };
        let id = if parent == 0 { format!("C{}", k + 1) } else { format!("{}-{tag}{}", nodes[parent].id, k + 1) };
        let mut n = Node::new(id.clone(), name.clone(), *level);
        nodes[parent].children.push(id);
        let mut own_fen = Vec::new();
        if let Some(per) = &kid.building {
            for &m in Metric::ALL {
                let own = u64::from(m == Metric::Buildings);
                let at = |p: &Period| per.iter().find(|(q, _)| q == p).map(|(_, a)| a);
                n.m.set(
                    m,
                    Series::from_values(
                        periods.iter().map(|p| at(p).map(|a| a.m[m.index()]).unwrap_or(0) + own).collect(),
                    ),
                );
            }
            own_fen = periods
                .iter()
                .map(|p| per.iter().find(|(q, _)| q == p).map(|(_, a)| a.income_fen).unwrap_or(0))
                .collect();
            n.income = income(&n, &own_fen);
        }
        let ix = nodes.len();
        nodes.push(n);
        fen.push(own_fen);
        walk(kid, ix, nodes, fen, periods);
    }
}

/// Rolls the counts up, children before parents (children always come after their
/// parent), with per-capita income from every household below, rounded once.
fn roll_up(nodes: &mut [Node], fen: &mut [Vec<u128>], np: usize) {
    let index: HashMap<String, usize> = nodes.iter().enumerate().map(|(i, n)| (n.id.clone(), i)).collect();
    for i in (0..nodes.len()).rev() {
        if nodes[i].children.is_empty() {
            continue;
        }
        let kid_ix: Vec<usize> = nodes[i].children.iter().map(|c| index[c]).collect();
        let (head, tail) = nodes.split_at_mut(i + 1);
        let refs: Vec<&Node> = kid_ix.iter().map(|&k| &tail[k - i - 1]).collect();
        rollup_into(&mut head[i], &refs, np);
        // Per-capita income from every household below, rounded once (the roll-up's mean
        // of rounded children can be a fen or more off at the top of six levels).
        let sums: Vec<u128> =
            (0..np).map(|t| kid_ix.iter().map(|&k| fen[k].get(t).copied().unwrap_or(0)).sum()).collect();
        head[i].income = income(&head[i], &sums);
        fen[i] = sums;
    }
}
