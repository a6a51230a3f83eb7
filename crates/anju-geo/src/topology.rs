//! Shared borders as arcs, as TopoJSON builds them: a point where a ring's neighbours
//! differ between two rings that pass through it is a junction; rings are cut at their
//! junctions; an arc two rings share (in either direction) is kept once. Neighbours in the
//! source share exact vertices, so equality here is exact (bit for bit).
//!
//! Arc references as the format writes them (`anju_data::geometry::arc_ref`).

use crate::source::Ring;
use std::collections::HashMap;

type Key = [u64; 2];

fn key(p: [f64; 2]) -> Key {
    [p[0].to_bits(), p[1].to_bits()]
}

/// Arcs and, per ring given, the arcs it is made of.
#[derive(Clone, Debug, Default)]
pub struct Topology {
    pub arcs: Vec<Vec<[f64; 2]>>,
    pub rings: Vec<Vec<i64>>,
}

/// Whether each point is a junction: its neighbours (unordered) differ from one passage
/// through it to another.
fn junctions(rings: &[Ring]) -> HashMap<Key, bool> {
    let mut seen: HashMap<Key, ([Key; 2], bool)> = HashMap::new();
    for r in rings {
        let m = r.len() - 1;
        for i in 0..m {
            let (a, b) = (key(r[(i + m - 1) % m]), key(r[(i + 1) % m]));
            let pair = if a <= b { [a, b] } else { [b, a] };
            seen.entry(key(r[i])).and_modify(|(p, j)| *j |= *p != pair).or_insert((pair, false));
        }
    }
    seen.into_iter().map(|(k, (_, j))| (k, j)).collect()
}

/// Builds the arcs of `rings` (each closed, at least four points).
pub fn build(rings: &[Ring]) -> Topology {
    let junction = junctions(rings);
    let mut t = Topology::default();
    let mut index: HashMap<Vec<Key>, usize> = HashMap::new();
    for r in rings {
        let m = r.len() - 1;
        let cuts: Vec<usize> = (0..m).filter(|&i| junction[&key(r[i])]).collect();
        // Start at the first junction; a ring with none starts at its least point, so that
        // two rings tracing the same loop start at the same place.
        let start = cuts.first().copied().unwrap_or_else(|| (0..m).min_by_key(|&i| key(r[i])).unwrap_or(0));
        let walk: Vec<[f64; 2]> = (0..=m).map(|k| r[(start + k) % m]).collect();
        let mut refs = Vec::new();
        let mut from = 0;
        for k in 1..=m {
            if k == m || junction[&key(walk[k])] {
                let arc = &walk[from..=k];
                refs.push(intern(&mut t.arcs, &mut index, arc));
                from = k;
            }
        }
        t.rings.push(refs);
    }
    t
}

/// The reference of `arc`: an arc already stored, forwards or backwards, or a new one.
fn intern(arcs: &mut Vec<Vec<[f64; 2]>>, index: &mut HashMap<Vec<Key>, usize>, arc: &[[f64; 2]]) -> i64 {
    let keys: Vec<Key> = arc.iter().map(|&p| key(p)).collect();
    if let Some(&i) = index.get(&keys) {
        return i as i64;
    }
    let back: Vec<Key> = keys.iter().rev().copied().collect();
    if let Some(&i) = index.get(&back) {
        return anju_data::geometry::to_arc_ref(i, true);
    }
    index.insert(keys, arcs.len());
    arcs.push(arc.to_vec());
    (arcs.len() - 1) as i64
}

/// The arc index of a reference, and whether it is walked backwards
/// ([`anju_data::geometry::arc_ref`], the format's one reading of the convention).
pub fn unref(r: i64) -> (usize, bool) {
    let (i, back) = anju_data::geometry::arc_ref(r);
    (i as usize, back)
}

/// The points of a ring of references (closed), whatever the points are (degrees here,
/// grid points in `output`): each arc after the first joins at the last one's end.
pub fn points<P: Copy, A: AsRef<[P]>>(arcs: &[A], refs: &[i64]) -> Vec<P> {
    let mut out: Vec<P> = Vec::new();
    for &r in refs {
        let (i, back) = unref(r);
        let a = arcs[i].as_ref();
        let skip = usize::from(!out.is_empty());
        if back {
            out.extend(a.iter().rev().skip(skip));
        } else {
            out.extend(a.iter().skip(skip));
        }
    }
    out
}

/// The outer boundary of the union of `rings` (references into one topology): the arcs
/// walked an odd number of times (a border between two of them is walked once each way
/// and drops out), chained into closed rings. `None` if they do not chain into rings
/// (overlapping or broken boundaries).
pub fn dissolve(arcs: &[Vec<[f64; 2]>], rings: &[&[i64]]) -> Option<Vec<Vec<i64>>> {
    let mut uses: Vec<(usize, i64)> = Vec::new();
    let mut count: HashMap<usize, usize> = HashMap::new();
    for r in rings.iter().flat_map(|r| r.iter()) {
        let (i, _) = unref(*r);
        *count.entry(i).or_default() += 1;
        uses.push((i, *r));
    }
    let edge: Vec<i64> = uses.into_iter().filter(|(i, _)| count[i] % 2 == 1).map(|(_, r)| r).collect();
    let ends = |r: i64| -> (Key, Key) {
        let (i, back) = unref(r);
        let (a, b) = (key(arcs[i][0]), key(*arcs[i].last().expect("arcs have points")));
        if back {
            (b, a)
        } else {
            (a, b)
        }
    };
    let mut from: HashMap<Key, Vec<usize>> = HashMap::new();
    for (k, &r) in edge.iter().enumerate() {
        from.entry(ends(r).0).or_default().push(k);
    }
    // Walk them in the order given, so that the output is the same on every run.
    for list in from.values_mut() {
        list.reverse();
    }
    let mut used = vec![false; edge.len()];
    let mut out = Vec::new();
    for s in 0..edge.len() {
        if used[s] {
            continue;
        }
        used[s] = true;
        let (start, mut at) = ends(edge[s]);
        let mut ring = vec![edge[s]];
        while at != start {
            let list = from.get_mut(&at)?;
            let next = loop {
                let k = list.pop()?;
                if !used[k] {
                    break k;
                }
            };
            used[next] = true;
            ring.push(edge[next]);
            at = ends(edge[next]).1;
        }
        out.push(ring);
    }
    Some(out)
}
