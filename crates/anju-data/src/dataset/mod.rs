//! A dataset in memory: the index plus whichever shards have been attached. The app
//! attaches a county's shard the first time someone enters it; the `validate` command
//! attaches all of them. Either way, a file is checked before it joins.

use crate::load::parse_file;
use crate::model::{DataFile, FileKind, Level, Meta, Node, Period};
use crate::problem::{Check, Location, Problem, Problems};
use crate::relations::MetricSet;
use crate::text::clip;
use crate::validate::{check_file, check_sums, node_usable, Context, Ctx};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

mod evict;
mod walk;
pub use evict::{Recency, SHARD_NODE_BUDGET};
pub use walk::{check_geometry, load_all, validate_streaming};

pub type NodeIx = usize;

/// Cheap to clone: a copy shares every node and child list with the original (the app
/// keeps the dataset on show while it attaches the next shard to a copy), so attaching
/// costs the shard's own nodes, not the ones already loaded; the per-node tables that are
/// copied hold plain numbers and shared pointers, nothing allocated per node.
#[derive(Clone, Debug)]
pub struct Dataset {
    pub meta: Meta,
    pub periods: Vec<Period>,
    pub period_keys: Vec<String>,
    pub nodes: Vec<Arc<Node>>,
    pub parent: Vec<Option<NodeIx>>,
    /// Children by index, filled once they are loaded.
    pub kids: Vec<Arc<[NodeIx]>>,
    pub ids: HashMap<Arc<str>, NodeIx>,
    pub root: NodeIx,
    /// Which file each node came from, and where in it (for problem locations).
    pub origin: Vec<(u32, u32)>,
    pub files: Vec<String>,
    /// Shard path → the node whose children it holds.
    pub shard_owner: HashMap<Arc<str>, NodeIx>,
    pub loaded_shards: HashSet<Arc<str>>,
    /// The metrics the index carries (relations over them are checked in every shard).
    pub known: MetricSet,
    /// What public displays may show, decided family by family as views ask
    /// ([`crate::disclosure::Shown`]); a copy starts afresh.
    pub disclosure: crate::disclosure::Disclosure,
    /// The map's geometry files, as the index names them (`crate::geometry`).
    pub geo: Option<crate::geometry::GeoRefs>,
}

fn fail(p: Problem) -> Problems {
    let mut ps = Problems::default();
    ps.push(p);
    ps
}

impl Dataset {
    /// Parses and checks an index file.
    pub fn from_index(file: &str, bytes: &[u8]) -> Result<Dataset, Problems> {
        let doc = parse_file(file, bytes).map_err(|p| fail(*p))?;
        Dataset::from_index_doc(file, doc)
    }

    pub fn from_index_doc(file: &str, doc: DataFile) -> Result<Dataset, Problems> {
        let mut out = Problems::default();
        if doc.kind != FileKind::Index {
            out.push(Problem::new(
                Check::Format,
                Location { file: file.into(), path: "$.kind".into(), node: None },
                "这是分片文件，不是索引文件",
                "this is a shard, not an index",
            ));
            return Err(out);
        }
        let fc = check_file(file, &doc, None, &mut out);
        if !out.is_empty() {
            return Err(out);
        }
        let periods = fc.periods.unwrap_or_default();
        let known = doc.nodes.iter().fold(MetricSet::default(), |k, n| k.union(n.m.present()));
        let DataFile { dataset, root, periods: period_keys, nodes, geo, .. } = doc;
        let (Some(meta), Some(root_id)) = (dataset, root) else {
            return Err(out);
        };
        let mut ds = Dataset {
            meta,
            periods,
            period_keys,
            nodes: Vec::with_capacity(nodes.len()),
            parent: Vec::new(),
            kids: Vec::new(),
            ids: HashMap::new(),
            root: 0,
            origin: Vec::new(),
            files: vec![file.to_string()],
            shard_owner: HashMap::new(),
            loaded_shards: HashSet::new(),
            known,
            disclosure: Default::default(),
            geo,
        };
        ds.append(0, nodes, &fc.parent_in_file, None);
        ds.root = ds.ids[root_id.as_str()];
        Ok(ds)
    }

    /// Adds a file's nodes, wiring parents and children. `top_parent` is the node the
    /// file's tops hang under (for a shard).
    fn append(&mut self, file_ix: u32, nodes: Vec<Node>, parent_in_file: &[Option<usize>], top_parent: Option<NodeIx>) {
        let base = self.nodes.len();
        for (pos, n) in nodes.into_iter().enumerate() {
            self.ids.insert(n.id.as_str().into(), base + pos);
            if let Some(s) = &n.shard {
                self.shard_owner.insert(s.as_str().into(), base + pos);
            }
            self.nodes.push(Arc::new(n));
            self.origin.push((file_ix, pos as u32));
            self.parent.push(parent_in_file[pos].map(|p| base + p).or(top_parent));
            self.kids.push(Arc::from([]));
        }
        let kids_of = |ds: &Dataset, ix: NodeIx| -> Arc<[NodeIx]> {
            ds.nodes[ix].children.iter().filter_map(|c| ds.ids.get(c.as_str()).copied()).collect()
        };
        for ix in base..self.nodes.len() {
            if self.nodes[ix].shard.is_none() {
                self.kids[ix] = kids_of(self, ix);
            }
        }
        if let Some(p) = top_parent {
            self.kids[p] = kids_of(self, p);
        }
    }

    pub fn context(&self) -> Context {
        Context {
            periods: self.period_keys.clone(),
            sources: self.meta.sources.keys().cloned().collect(),
            known: self.known,
            county: None,
        }
    }

    /// The id of the county node `ix` is in (itself, if a county), if any.
    pub fn county_of(&self, ix: NodeIx) -> Option<String> {
        let mut cur = Some(ix);
        while let Some(i) = cur {
            if self.nodes[i].level == Level::County {
                return Some(self.nodes[i].id.clone());
            }
            cur = self.parent[i];
        }
        None
    }

    /// Parses, checks and attaches a shard named by some node's `shard` field.
    pub fn attach_shard(&mut self, file: &str, bytes: &[u8]) -> Result<(), Problems> {
        let doc = parse_file(file, bytes).map_err(|p| fail(*p))?;
        self.attach_shard_doc(file, doc)
    }

    pub fn attach_shard_doc(&mut self, file: &str, doc: DataFile) -> Result<(), Problems> {
        let mut out = Problems::default();
        if doc.kind != FileKind::Shard {
            out.push(Problem::new(
                Check::Format,
                Location::new(file, "$.kind", None),
                "这是索引文件，不是分片文件",
                "this is an index, not a shard",
            ));
            return Err(out);
        }
        let Some(&owner) = self.shard_owner.get(file) else {
            out.push(Problem::new(
                Check::ShardMismatch,
                Location::new(file, "$", None),
                "索引中没有节点指向此分片文件",
                "no node in the dataset names this shard file",
            ));
            return Err(out);
        };
        if self.loaded_shards.contains(file) {
            return Ok(());
        }
        let mut ctx = self.context();
        ctx.county = self.county_of(owner);
        let fc = check_file(file, &doc, Some(&ctx), &mut out);
        self.check_against_owner(file, &doc, &fc.parent_in_file, owner, &mut out);
        if !out.is_empty() {
            return Err(out);
        }
        self.files.push(file.to_string());
        let fix = (self.files.len() - 1) as u32;
        self.append(fix, doc.nodes, &fc.parent_in_file, Some(owner));
        self.loaded_shards.insert(file.into());
        // The owner's family gained its children: decide afresh (the decisions already
        // made do not change, being top-down, but no stale family may be kept).
        self.disclosure = Default::default();
        Ok(())
    }

    pub fn node(&self, ix: NodeIx) -> &Node {
        &self.nodes[ix]
    }

    /// The node to change (tests and tools that edit a loaded dataset); a node shared with
    /// a copy of the dataset is copied first, so the copy keeps its own.
    pub fn node_mut(&mut self, ix: NodeIx) -> &mut Node {
        Arc::make_mut(&mut self.nodes[ix])
    }

    pub fn find(&self, id: &str) -> Option<NodeIx> {
        self.ids.get(id).copied()
    }

    /// The shard to fetch before `ix`'s children can be shown, if any.
    pub fn missing_shard(&self, ix: NodeIx) -> Option<&str> {
        let s = self.nodes[ix].shard.as_deref()?;
        (!self.loaded_shards.contains(s)).then_some(s)
    }

    /// Path from the root to `ix`, root first.
    pub fn path(&self, ix: NodeIx) -> Vec<NodeIx> {
        let mut out = vec![ix];
        let mut cur = ix;
        while let Some(p) = self.parent[cur] {
            out.push(p);
            cur = p;
        }
        out.reverse();
        out
    }

    /// The latest period's index.
    pub fn latest(&self) -> usize {
        self.periods.len().saturating_sub(1)
    }

    /// The index of period `p`, if the data has it.
    pub fn period_ix(&self, p: Period) -> Option<usize> {
        self.periods.iter().position(|q| *q == p)
    }

    /// The period a view asked for, or the latest when it asked for none or one the data
    /// does not have.
    pub fn period_or_latest(&self, asked: Option<Period>) -> usize {
        period_or_latest(&self.periods, asked)
    }
}

/// The index in `periods` of the period a view asked for, or of the latest when it asked
/// for none or one not in `periods` (0 when there are none).
pub fn period_or_latest(periods: &[Period], asked: Option<Period>) -> usize {
    asked.and_then(|p| periods.iter().position(|q| *q == p)).unwrap_or_else(|| periods.len().saturating_sub(1))
}

impl Dataset {
    /// The checks of a shard `file` against the node that names it (`owner`): the shard's
    /// parent is the owner, its tops are exactly the owner's children one level below, no
    /// id is already loaded, and the owner's sums hold over them.
    fn check_against_owner(
        &self,
        file: &str,
        doc: &DataFile,
        parent_in_file: &[Option<usize>],
        owner: NodeIx,
        out: &mut Problems,
    ) {
        let tops = shard_tops(file, doc, parent_in_file, &self.nodes[owner], out);
        let owner_node = &self.nodes[owner];
        for (i, n) in doc.nodes.iter().enumerate() {
            // A shard belongs to one node: one named elsewhere already, or the index itself,
            // would be read twice or never (a county empty, a site counted twice).
            if let Some(s) = n.shard.as_deref().filter(|s| self.shard_owner.contains_key(*s) || *s == self.files[0]) {
                out.push(Problem::new(
                    Check::ShardMismatch,
                    Location::new(file, format!("$.nodes[{i}].shard"), Some(&n.id)),
                    format!("分片 \"{}\" 已由数据集中的另一个节点指定（或就是索引文件）：每个分片文件只能属于一个节点", clip(s, 80)),
                    format!("the shard \"{}\" is already named by another node of the dataset (or is the index): a shard belongs to one node", clip(s, 80)),
                ));
            }
            if self.ids.contains_key(n.id.as_str()) {
                out.push(Problem::new(
                    Check::DuplicateId,
                    Location::new(file, format!("$.nodes[{i}].id"), Some(&n.id)),
                    "节点编号与已加载的节点重复",
                    "the node id is already used elsewhere in the dataset",
                ));
            }
        }
        // The owner (in its own file) against the shard's tops.
        if out.is_empty() && node_usable(owner_node, self.period_keys.len()) {
            let kids: Vec<&Node> = owner_node.children.iter().map(|c| &doc.nodes[tops[c.as_str()]]).collect();
            let (f, pos) = self.origin[owner];
            let owner_file = self.files[f as usize].clone();
            let mut c = Ctx { file: &owner_file, out };
            check_sums(&mut c, owner_node, &format!("$.nodes[{pos}]"), &kids, &self.period_keys);
        }
    }
}

/// The shard's parent is `owner`, and its tops (the nodes without a parent in the file)
/// are exactly the owner's children, each a level below it. The tops by id.
fn shard_tops<'a>(
    file: &str,
    doc: &'a DataFile,
    parent_in_file: &[Option<usize>],
    owner_node: &Node,
    out: &mut Problems,
) -> HashMap<&'a str, usize> {
    if doc.parent.as_deref() != Some(owner_node.id.as_str()) {
        out.push(Problem::new(
            Check::ShardMismatch,
            Location::new(file, "$.parent", None),
            format!(
                "分片的上级为 \"{}\"，但索引中指向它的是 \"{}\"",
                clip(doc.parent.as_deref().unwrap_or(""), 80),
                clip(&owner_node.id, 80)
            ),
            format!(
                "the shard's parent is \"{}\" but the node that names it is \"{}\"",
                clip(doc.parent.as_deref().unwrap_or(""), 80),
                clip(&owner_node.id, 80)
            ),
        ));
    }
    // The shard's tops must be exactly the owner's children, each one level below it.
    let tops: HashMap<&str, usize> = doc
        .nodes
        .iter()
        .enumerate()
        .filter(|(i, _)| parent_in_file[*i].is_none())
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    for c in &owner_node.children {
        match tops.get(c.as_str()) {
            None => out.push(Problem::new(
                Check::MissingChild,
                Location::new(file, "$.nodes", Some(&owner_node.id)),
                format!("\"{}\" 的下级 \"{}\" 不在分片中", clip(&owner_node.id, 80), clip(c, 80)),
                format!("the child \"{}\" of \"{}\" is not in the shard", clip(c, 80), clip(&owner_node.id, 80)),
            )),
            Some(&i) if doc.nodes[i].level <= owner_node.level => out.push(Problem::new(
                Check::LevelOrder,
                Location::new(file, format!("$.nodes[{i}].level"), Some(c)),
                format!("层级未逐级向下：{}级节点的下级是{}级", owner_node.level.zh(), doc.nodes[i].level.zh()),
                format!(
                    "levels must descend: a {} has a child at level {}",
                    owner_node.level.key(),
                    doc.nodes[i].level.key()
                ),
            )),
            Some(_) => {}
        }
    }
    let named: HashSet<&str> = owner_node.children.iter().map(String::as_str).collect();
    for (id, &i) in &tops {
        if !named.contains(id) {
            out.push(Problem::new(
                Check::Orphan,
                Location::new(file, format!("$.nodes[{i}]"), Some(id)),
                format!("节点不属于任何上级（\"{}\" 未列出它）", clip(&owner_node.id, 80)),
                format!("the node has no parent (\"{}\" does not list it)", clip(&owner_node.id, 80)),
            ));
        }
    }
    tops
}
