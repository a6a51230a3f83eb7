//! Writing a dataset in the sharded layout: an index from the root down to counties, one
//! shard per county, or a county shard of sites plus one shard per site where the county's
//! whole subtree would pass the size budget.

use crate::model::{DataFile, FileKind, Level, Meta, Node, Period, FORMAT, SCHEMA_VERSION};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A dataset in memory, as the generator or the aggregator builds it: metadata, periods
/// and every node (root first, pre-order).
pub struct Generated {
    pub meta: Meta,
    pub periods: Vec<Period>,
    pub nodes: Vec<Node>,
    pub root: String,
}

/// Raw bytes a shard stays under (version 2): where a county's whole subtree would pass it,
/// its sites' subtrees get shards of their own. The nodes a drill parses and attaches at
/// once stay about as many as under version 1's 1 MB (version 2 writes a county's subtree in
/// 0.35–0.45 of the bytes); the demo's two largest counties are split, as before.
pub const SHARD_BUDGET: usize = 300_000;

pub struct WriteOptions {
    /// Raw bytes a shard should stay under.
    pub shard_budget: usize,
    /// Everything in one index file (small datasets).
    pub single_file: bool,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions { shard_budget: SHARD_BUDGET, single_file: false }
    }
}

/// Every file written, as (path relative to the dataset folder, bytes).
pub struct Written {
    pub files: Vec<(String, Vec<u8>)>,
}

impl Written {
    pub fn index(&self) -> &[u8] {
        &self.files[0].1
    }
}

/// A file as written: version 2, its figures in columns (`crate::columns`).
fn to_bytes(mut f: DataFile) -> Vec<u8> {
    crate::columns::encode(&mut f);
    serde_json::to_vec(&f).expect("generated data serialises")
}

/// `id` as a file name: ASCII letters, digits, `-` and `_` kept, anything else `_`.
pub fn safe(id: &str) -> String {
    id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect()
}

struct Layout<'a> {
    g: &'a Generated,
    at: HashMap<&'a str, usize>,
    periods: Vec<String>,
}

impl<'a> Layout<'a> {
    /// `ix` and everything below it, pre-order.
    fn subtree(&self, ix: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![ix];
        while let Some(i) = stack.pop() {
            out.push(i);
            for c in self.g.nodes[i].children.iter().rev() {
                stack.push(self.at[c.as_str()]);
            }
        }
        out
    }

    fn shard(&self, parent: &str, nodes: Vec<Node>) -> Vec<u8> {
        let f = DataFile {
            format: FORMAT.into(),
            schema_version: SCHEMA_VERSION,
            kind: FileKind::Shard,
            dataset: None,
            root: None,
            parent: Some(parent.into()),
            periods: self.periods.clone(),
            nodes,
            m: None,
            income: None,
            geo: None,
        };
        to_bytes(f)
    }

    /// The nodes strictly below `ix`, pre-order.
    fn below(&self, ix: usize) -> Vec<Node> {
        self.subtree(ix).into_iter().skip(1).map(|i| self.g.nodes[i].clone()).collect()
    }
}

/// Lays the dataset out into files (the index first). Pure: the caller writes them.
pub fn layout(g: &Generated, opts: &WriteOptions) -> Written {
    let at: HashMap<&str, usize> = g.nodes.iter().enumerate().map(|(i, n)| (n.id.as_str(), i)).collect();
    let lay = Layout { g, at, periods: g.periods.iter().map(|p| p.to_string()).collect() };
    let root = lay.at[g.root.as_str()];
    let mut index_nodes: Vec<Node> = Vec::new();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    // Nodes below a county live in shards; everything else (down to counties, or all of a
    // dataset without counties) stays in the index.
    let mut below_county = vec![false; g.nodes.len()];
    for i in lay.subtree(root) {
        let n = &g.nodes[i];
        for c in &n.children {
            below_county[lay.at[c.as_str()]] = below_county[i] || n.level == Level::County;
        }
        if !opts.single_file && below_county[i] {
            continue;
        }
        let mut n = n.clone();
        if !opts.single_file && n.level == Level::County && !n.children.is_empty() {
            let path = format!("shards/{}.json", safe(&n.id));
            let whole = lay.shard(&n.id, lay.below(i));
            if whole.len() <= opts.shard_budget {
                files.push((path.clone(), whole));
            } else {
                // Too big: the county shard holds its sites; each site's subtree its own file.
                let mut sites: Vec<Node> = Vec::new();
                for c in &n.children {
                    let ci = lay.at[c.as_str()];
                    let mut site = g.nodes[ci].clone();
                    if !site.children.is_empty() {
                        let sp = format!("shards/{}/{}.json", safe(&n.id), safe(&site.id));
                        files.push((sp.clone(), lay.shard(&site.id, lay.below(ci))));
                        site.shard = Some(sp);
                    }
                    sites.push(site);
                }
                files.push((path.clone(), lay.shard(&n.id, sites)));
            }
            n.shard = Some(path);
        }
        index_nodes.push(n);
    }
    let index = DataFile {
        format: FORMAT.into(),
        schema_version: SCHEMA_VERSION,
        kind: FileKind::Index,
        dataset: Some(g.meta.clone()),
        root: Some(g.root.clone()),
        parent: None,
        periods: lay.periods.clone(),
        nodes: index_nodes,
        m: None,
        income: None,
        geo: None,
    };
    files.insert(0, ("index.json".into(), to_bytes(index)));
    Written { files }
}

/// An index as this writer writes it, after `edit`: how `anju geo` names the map's files
/// in a dataset without touching its shards (`bytes` → parse → `edit` → version 2 bytes).
/// Errors: `bytes` is not a data file this build reads (located, as the loader says it).
pub fn rewrite_index(
    file: &str,
    bytes: &[u8],
    edit: impl FnOnce(&mut DataFile),
) -> Result<Vec<u8>, Box<crate::Problem>> {
    let mut doc = crate::load::parse_file(file, bytes)?;
    edit(&mut doc);
    Ok(to_bytes(doc))
}

/// Writes the files into `dir` atomically: a sibling temporary folder is filled, then
/// swapped in, so a failed run leaves the previous dataset whole.
pub fn write_dir(dir: &Path, w: &Written) -> std::io::Result<()> {
    let tmp = sibling(dir, "tmp");
    let old = sibling(dir, "old");
    // A run killed between the two renames below left the previous dataset at `old`:
    // put it back before anything else.
    if !dir.exists() && old.is_dir() {
        std::fs::rename(&old, dir)?;
    }
    let _ = std::fs::remove_dir_all(&tmp);
    for (rel, bytes) in &w.files {
        let p = tmp.join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&p, bytes)?;
    }
    let _ = std::fs::remove_dir_all(&old);
    if dir.exists() {
        std::fs::rename(dir, &old)?;
    }
    std::fs::rename(&tmp, dir)?;
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

fn sibling(dir: &Path, tag: &str) -> PathBuf {
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "data".into());
    dir.with_file_name(format!(".{name}.{tag}"))
}
