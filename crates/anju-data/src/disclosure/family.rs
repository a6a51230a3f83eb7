//! The decision itself: which counts of one family (a parent and its children) are hidden
//! at one period, given what is hidden at the parent. It is made top-down, one family at a
//! time, so a node's figures depend only on its ancestors' families and its own, never on
//! which shards happen to be loaded. `docs/disclosure.md` states the rules and proves
//! that every hidden count keeps at least two values consistent with what is shown.

use crate::metric::Metric;
use crate::model::Node;
use crate::relations::{partitions, MetricSet};
use std::sync::OnceLock;

/// Below this a count of people or households is too small to show (1 and 2 point at
/// one or two households); 0 is shown, there is nobody to point at.
pub const THRESHOLD: u64 = 3;

/// Whether a count says something about people or households, so that a 1 or a 2 could
/// point at one of them. Counts of places, dwellings, facilities and staff are public:
/// the tree itself shows how many sites and buildings there are.
pub fn sensitive(m: Metric) -> bool {
    use Metric::*;
    !matches!(
        m,
        Sites
            | Communities
            | Grids
            | Buildings
            | Units
            | Dwellings
            | OccupiedDwellings
            | AccessibleDwellings
            | TrainingSessions
            | SchoolKindergarten
            | SchoolPrimary
            | SchoolMiddle
            | Clinics
            | ServiceCentres
            | GridWorkers
            | BuildingHeads
            | CommunityStewards
            | TenHouseholdUnits
            | ManagementUnits
            | GovernanceCentres
            | PoliceRooms
            | FireStations
            | Cameras
            | MediationRooms
            | Workshops
            | IndustryProjects
    )
}

/// A whole that its parts add up to at every node (`households = red + yellow + green`,
/// `employed = Σ channels`, `labour_households = employed + zero-employment`): the
/// partitions of the relations table, read once.
struct Partition {
    whole: Metric,
    parts: Vec<Metric>,
}

fn partitions_once() -> &'static [Partition] {
    static P: OnceLock<Vec<Partition>> = OnceLock::new();
    P.get_or_init(|| {
        partitions().filter(|(w, _)| sensitive(*w)).map(|(whole, parts)| Partition { whole, parts }).collect()
    })
}

fn sensitive_metrics() -> &'static [Metric] {
    static S: OnceLock<Vec<Metric>> = OnceLock::new();
    S.get_or_init(|| Metric::ALL.iter().copied().filter(|&m| sensitive(m)).collect())
}

/// The lot a place draws for metric `m`: a fixed pseudo-random number from its id (FNV-1a),
/// so that which sibling is hidden to protect another says nothing about its value, and
/// every view, load order and session draws the same.
fn lot(id: &str, m: Metric) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes().chain([0xff, m.index() as u8]) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The counts hidden before any other is hidden to protect them: 1 and 2.
fn primary(n: &Node, t: usize) -> MetricSet {
    let mut h = MetricSet::default();
    for &m in sensitive_metrics() {
        if (1..THRESHOLD).contains(&n.m.get(m, t)) {
            h.insert(m);
        }
    }
    h
}

/// Whether the parts add up to the whole at this node (they do in every dataset the
/// validator accepts that carries them; where they do not, a reader cannot use the sum).
fn coupled(n: &Node, t: usize, p: &Partition) -> bool {
    n.m.get(p.whole, t) == p.parts.iter().map(|&q| n.m.get(q, t)).sum::<u64>()
}

/// Within one node: the whole is hidden exactly when a part is (else the parts' sum
/// would give the hidden whole, or the whole less the shown parts the hidden one). A
/// whole hidden with no part hidden hides a non-zero part, drawn by lot.
fn couple(n: &Node, t: usize, h: &mut MetricSet) -> bool {
    let mut changed = false;
    for p in partitions_once().iter().filter(|p| coupled(n, t, p)) {
        let any_part = p.parts.iter().any(|&q| h.contains(q));
        if any_part && !h.contains(p.whole) {
            h.insert(p.whole);
            changed = true;
        } else if !any_part && h.contains(p.whole) {
            let v = |q: &Metric| n.m.get(*q, t);
            let q = p.parts.iter().filter(|q| v(q) > 0).min_by_key(|q| lot(&n.id, **q)).unwrap_or(&p.parts[0]);
            h.insert(*q);
            changed = true;
        }
    }
    changed
}

/// What is hidden at the root: its small counts, and what they take with them.
pub fn root(n: &Node, t: usize) -> MetricSet {
    let mut h = primary(n, t);
    while couple(n, t, &mut h) {}
    h
}

/// What is hidden at each child of `parent` (in `kids` order), given `above`, what is
/// hidden at the parent.
pub fn family(parent: &Node, kids: &[&Node], t: usize, above: MetricSet) -> Vec<MetricSet> {
    let mut hid: Vec<MetricSet> = kids.iter().map(|k| primary(k, t)).collect();
    // A whole moves with its parts wherever the sum holds, so it needs no rule of its own
    // there; where it does not hold (data the validator would refuse) it gets one.
    let own_rule = |m: Metric| {
        partitions_once()
            .iter()
            .filter(|p| p.whole == m)
            .all(|p| !coupled(parent, t, p) || kids.iter().any(|k| !coupled(k, t, p)))
    };
    // Each count's values and lots, read once for every round of the rules.
    let counts: Vec<(Metric, Vec<u64>, Vec<u64>)> = sensitive_metrics()
        .iter()
        .filter(|&&m| own_rule(m))
        .map(|&m| (m, kids.iter().map(|k| k.m.get(m, t)).collect(), kids.iter().map(|k| lot(&k.id, m)).collect()))
        .collect();
    loop {
        let mut changed = false;
        for (m, values, lots) in &counts {
            changed |= one_count(*m, (parent.m.get(*m, t), above.contains(*m)), values, lots, &mut hid);
        }
        for (k, h) in kids.iter().zip(hid.iter_mut()) {
            changed |= couple(k, t, h);
        }
        if !changed {
            return hid;
        }
    }
}

/// The rule for one count in one family, `values` the children's. With the parent shown,
/// the hidden children are none, or at least two of which one at least is not small (so
/// that a reader who knows these rules cannot tell that all hidden ones are 1 or 2); the
/// child added is one of those not small, never a zero while one serves (a zero is often
/// pinned by a shown bound: no disabled where there are no people). With the parent
/// hidden, at least one child is hidden, a non-zero one when the parent is not zero.
/// Among the children that serve, the one added is drawn by lot ([`lot`]), not by value:
/// "the smallest" would tell a reader that it is at most every shown sibling. Returns
/// whether it hid one.
fn one_count(
    m: Metric,
    (parent, parent_hidden): (u64, bool),
    values: &[u64],
    lots: &[u64],
    hid: &mut [MetricSet],
) -> bool {
    let hidden: Vec<usize> = (0..values.len()).filter(|&c| hid[c].contains(m)).collect();
    let pick = |hid: &[MetricSet], want: &dyn Fn(u64) -> bool| {
        (0..values.len()).filter(|&c| !hid[c].contains(m) && want(values[c])).min_by_key(|&c| (lots[c], c))
    };
    // A partner that is not small. One class only: preferring the larger ones would tell
    // a reader the partner's lower bound. A zero only where one hidden count has no other
    // partner (a zero is often pinned by a shown bound: no disabled where no people).
    let partner = |hid: &[MetricSet], alone: bool| {
        pick(hid, &|v| v >= THRESHOLD).or_else(|| if alone { pick(hid, &|_| true) } else { None })
    };
    let small = |c: &usize| (1..THRESHOLD).contains(&values[*c]);
    let add = match (parent_hidden, hidden.len()) {
        (false, 0) => None,
        (false, _) if hidden.iter().all(|&c| values[c] == 0) => pick(hid, &|v| v > 0),
        (false, n) if n == 1 || hidden.iter().all(small) => partner(hid, n == 1),
        (false, _) => None,
        (true, _) if parent > 0 && hidden.iter().all(|&c| values[c] == 0) => pick(hid, &|v| v > 0),
        (true, 0) if !values.is_empty() => Some(0),
        (true, _) => None,
    };
    match add {
        Some(c) => {
            hid[c].insert(m);
            true
        }
        None => false,
    }
}
