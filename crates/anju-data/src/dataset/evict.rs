//! Letting go of shards. A dataset keeps the shards a view needs and, of the others, the
//! most recently needed up to a budget of nodes: however many places someone visits in a
//! day (a phone in the field), memory stays bounded. A dropped shard is fetched again when
//! its place is entered (from the browser's cache, or a revalidation the server answers
//! with "not modified").

use super::{Dataset, NodeIx};
use std::collections::HashSet;
use std::sync::Arc;

/// Nodes of shards no view needs that are kept, most recently needed first: about five
/// counties at the province preset (194 nodes a shard on average; a loaded node takes
/// 2–3 KB of wasm memory, issue 18).
pub const SHARD_NODE_BUDGET: usize = 1_000;

/// When each loaded shard was last needed, most recent last: a client's own record, kept
/// beside its dataset (a copy of the dataset shares it rather than carry it).
#[derive(Clone, Debug, Default)]
pub struct Recency(Vec<Arc<str>>);

impl Recency {
    /// `needed` were needed just now (among themselves in the order they were attached,
    /// so that what is dropped never depends on a hash set's order); shards `ds` no
    /// longer holds are forgotten.
    pub fn touch(&mut self, ds: &Dataset, needed: &HashSet<Arc<str>>) {
        self.0.retain(|s| !needed.contains(s) && ds.loaded_shards.contains(s));
        self.0.extend(ds.files.iter().filter(|f| needed.contains(f.as_str())).map(|f| Arc::from(f.as_str())));
    }
}

impl Dataset {
    /// The shard file `ix` was read from (`None` for a node of the index).
    pub fn shard_of(&self, ix: NodeIx) -> Option<&str> {
        match self.origin[ix].0 {
            0 => None,
            f => Some(self.files[f as usize].as_str()),
        }
    }

    /// The shards a view of `ix` reads: those holding its path from the root and its
    /// children, and, with `subtree`, every node below it.
    pub fn shards_for(&self, ix: NodeIx, subtree: bool) -> HashSet<Arc<str>> {
        // Marked by file first: a subtree is every loaded node, its files a few hundred.
        let mut read = vec![false; self.files.len()];
        let below = if subtree { crate::view::staff::descendants(self, ix) } else { self.kids[ix].to_vec() };
        for n in self.path(ix).into_iter().chain(below) {
            read[self.origin[n].0 as usize] = true;
        }
        (1..self.files.len()).filter(|&f| read[f]).map(|f| Arc::from(self.files[f].as_str())).collect()
    }

    /// Which loaded shards to drop: none in `needed`; of the rest, the least recently
    /// needed (a shard `recent` does not know counts as oldest) once the nodes the kept
    /// ones hold pass `budget`. A shard goes whole or not at all.
    pub fn shards_to_drop(&self, recent: &Recency, needed: &HashSet<Arc<str>>, budget: usize) -> Vec<Arc<str>> {
        let mut per_file = vec![0usize; self.files.len()];
        for &(f, _) in &self.origin {
            per_file[f as usize] += 1;
        }
        // Newest first; then any loaded shard `recent` does not know, in attach order.
        let known = |f: &str| recent.0.iter().any(|r| **r == *f);
        let newest_first = recent.0.iter().rev().map(|s| &**s);
        let unknown = self.files.iter().skip(1).map(String::as_str).filter(|f| !known(f));
        let mut kept = 0;
        let mut out = Vec::new();
        for s in newest_first.chain(unknown) {
            let Some(f) = self.files.iter().position(|f| f == s) else { continue };
            if f == 0 || needed.contains(s) || !self.loaded_shards.contains(s) {
                continue;
            }
            kept += per_file[f];
            if kept > budget {
                out.push(Arc::from(s));
            }
        }
        out
    }

    /// Drops the shards `paths` and every shard hanging under their nodes (a site's shard
    /// under its county's): their nodes leave, their owners are as before attaching (the
    /// shard named, not loaded). Node indices change; the dataset is otherwise what
    /// attaching only the remaining shards would give.
    pub fn detach_shards(&mut self, paths: &[Arc<str>]) {
        let mut drop_file = vec![false; self.files.len()];
        for p in paths {
            if let Some(f) = self.files.iter().position(|f| **f == **p).filter(|&f| f > 0) {
                drop_file[f] = true;
            }
        }
        if !drop_file.contains(&true) {
            return;
        }
        // A shard whose owner leaves leaves too; files are in attach order, owners first.
        for f in 1..self.files.len() {
            if let Some(&owner) = self.shard_owner.get(self.files[f].as_str()) {
                drop_file[f] |= drop_file[self.origin[owner].0 as usize];
            }
        }
        let keep: Vec<bool> = self.origin.iter().map(|&(f, _)| !drop_file[f as usize]).collect();
        let mut new_ix = vec![usize::MAX; keep.len()];
        let mut next = 0;
        for (ix, &k) in keep.iter().enumerate() {
            if k {
                new_ix[ix] = next;
                next += 1;
            }
        }
        let mut new_file = vec![u32::MAX; self.files.len()];
        let mut files = Vec::new();
        for (f, name) in self.files.iter().enumerate() {
            if !drop_file[f] {
                new_file[f] = files.len() as u32;
                files.push(name.clone());
            }
        }
        let dropped: HashSet<&str> =
            self.files.iter().enumerate().filter(|(f, _)| drop_file[*f]).map(|(_, n)| n.as_str()).collect();
        let kept = |ix: &NodeIx| keep[*ix];
        let nodes = self.nodes.iter().enumerate().filter(|(ix, _)| kept(ix)).map(|(_, n)| n.clone()).collect();
        let parent = (0..keep.len()).filter(kept).map(|ix| self.parent[ix].map(|p| new_ix[p])).collect();
        let kids = (0..keep.len())
            .filter(kept)
            .map(|ix| {
                // An owner whose shard leaves has no children loaded, as before attaching.
                if self.nodes[ix].shard.as_deref().is_some_and(|s| dropped.contains(s)) {
                    Arc::from([])
                } else {
                    self.kids[ix].iter().map(|&k| new_ix[k]).collect()
                }
            })
            .collect();
        let origin =
            (0..keep.len()).filter(kept).map(|ix| (new_file[self.origin[ix].0 as usize], self.origin[ix].1)).collect();
        self.ids.retain(|_, ix| keep[*ix]);
        self.ids.values_mut().for_each(|ix| *ix = new_ix[*ix]);
        self.shard_owner.retain(|_, ix| keep[*ix]);
        self.shard_owner.values_mut().for_each(|ix| *ix = new_ix[*ix]);
        self.loaded_shards.retain(|s| !dropped.contains(&**s));
        self.root = new_ix[self.root];
        (self.nodes, self.parent, self.kids, self.origin, self.files) = (nodes, parent, kids, origin, files);
        // Families changed: decide afresh, as after attaching.
        self.disclosure = Default::default();
    }
}
