//! Whole datasets from their files: the index and every shard reachable from it, read
//! through a caller's `read` (the file system, HTTP, a test's map), checked as each joins.

use super::{Dataset, NodeIx};
use crate::problem::{Check, Location, Problem, Problems};
use crate::text::clip;
use std::collections::HashSet;

fn unreadable(file: &str, e: &str) -> Problem {
    Problem::new(
        Check::ShardMissing,
        Location { file: file.into(), ..Default::default() },
        format!("无法读取文件：{e}"),
        format!("cannot read the file: {e}"),
    )
}

/// The one shard walk: attaches `queue`'s shards and every shard they name, through
/// `read`, each once. A shard that cannot be read is reported at the node that names it;
/// one that does not check, with its own problems.
fn attach_reachable<B: AsRef<[u8]>>(
    ds: &mut Dataset,
    mut queue: Vec<String>,
    read: &mut impl FnMut(&str) -> Result<B, String>,
    problems: &mut Problems,
) {
    let mut seen: HashSet<String> = queue.iter().cloned().collect();
    while let Some(shard) = queue.pop() {
        match read(&shard) {
            Err(e) => {
                let at = ds.shard_owner.get(shard.as_str()).map(|&o| {
                    let (f, pos) = ds.origin[o];
                    Location {
                        file: ds.files[f as usize].clone(),
                        path: format!("$.nodes[{pos}].shard"),
                        node: Some(ds.nodes[o].id.clone()),
                    }
                });
                problems.push(Problem::new(
                    Check::ShardMissing,
                    at.unwrap_or_default(),
                    format!("分片文件 \"{}\" 无法读取：{e}", clip(&shard, 120)),
                    format!("the shard file \"{}\" cannot be read: {e}", clip(&shard, 120)),
                ));
            }
            Ok(bytes) => {
                let before = ds.nodes.len();
                match ds.attach_shard(&shard, bytes.as_ref()) {
                    Ok(()) => {
                        for s in ds.nodes[before..].iter().filter_map(|n| n.shard.as_ref()) {
                            if seen.insert(s.clone()) {
                                queue.push(s.clone());
                            }
                        }
                    }
                    Err(ps) => problems.extend(ps),
                }
            }
        }
    }
}

/// Loads an index and every shard reachable from it through `read`, collecting every
/// problem. Used by the `validate` command and the tests.
pub fn load_all<B: AsRef<[u8]>>(
    index: &str,
    mut read: impl FnMut(&str) -> Result<B, String>,
) -> (Option<Dataset>, Problems) {
    let mut problems = Problems::default();
    let bytes = match read(index) {
        Ok(b) => b,
        Err(e) => {
            problems.push(unreadable(index, &e));
            return (None, problems);
        }
    };
    let mut ds = match Dataset::from_index(index, bytes.as_ref()) {
        Ok(ds) => ds,
        Err(ps) => {
            problems.extend(ps);
            return (None, problems);
        }
    };
    let tops = ds.nodes.iter().filter_map(|n| n.shard.clone()).collect();
    attach_reachable(&mut ds, tops, &mut read, &mut problems);
    check_geometry(&ds, &mut read, &mut problems);
    (Some(ds), problems)
}

/// Each geometry file the index names, read through `read` and checked (it needs only the
/// index's places, so `anju geo` checks its new files without reading a shard): the file itself
/// ([`crate::geometry::parse_geo`]), its `node` the one the index names it for, and each
/// shape one of that node's children; each point too, where the node's shard is read.
pub fn check_geometry<B: AsRef<[u8]>>(
    ds: &Dataset,
    read: &mut impl FnMut(&str) -> Result<B, String>,
    problems: &mut Problems,
) {
    let Some(geo) = &ds.geo else { return };
    for (id, path) in &geo.files {
        let bytes = match read(path) {
            Ok(b) => b,
            Err(e) => {
                problems.push(Problem::new(
                    Check::Geometry,
                    Location::new(&ds.files[0], format!("$.geo.files[\"{}\"]", clip(id, 40)), Some(id)),
                    format!("地图文件 \"{}\" 无法读取：{e}", clip(path, 120)),
                    format!("the map file \"{}\" cannot be read: {e}", clip(path, 120)),
                ));
                continue;
            }
        };
        let g = match crate::geometry::parse_geo(path, bytes.as_ref()) {
            Ok(g) => g,
            Err(ps) => {
                problems.extend(ps);
                continue;
            }
        };
        if &g.node != id {
            problems.push(Problem::new(
                Check::Geometry,
                Location::new(path, "$.node", Some(&g.node)),
                format!("地图文件属于节点 {}，但索引把它列在节点 {} 下", clip(&g.node, 40), clip(id, 40)),
                format!(
                    "the map file is node {}'s, but the index lists it under node {}",
                    clip(&g.node, 40),
                    clip(id, 40)
                ),
            ));
            continue;
        }
        let Some(&owner) = ds.ids.get(id.as_str()) else { continue };
        let kids: HashSet<&str> = ds.kids[owner].iter().map(|&k| ds.nodes[k].id.as_str()).collect();
        for (i, s) in g.shapes.iter().enumerate().filter(|(_, s)| !kids.contains(s.id.as_str())) {
            problems.push(Problem::new(
                Check::Geometry,
                Location::new(path, format!("$.shapes[{i}].id"), Some(&s.id)),
                format!("形状 {} 不是节点 {} 的下级", clip(&s.id, 40), clip(id, 40)),
                format!("the shape {} is not a child of node {}", clip(&s.id, 40), clip(id, 40)),
            ));
        }
        // A county's sites are in its shard: checked when it is read (`load_all`); from the
        // index alone there is nothing to check them against.
        let unread = ds.nodes[owner].shard.as_ref().is_some_and(|s| !ds.loaded_shards.contains(s.as_str()));
        for (i, p) in g.points.iter().enumerate().filter(|(_, p)| !unread && !kids.contains(p.id.as_str())) {
            problems.push(Problem::new(
                Check::Geometry,
                Location::new(path, format!("$.points[{i}].id"), Some(&p.id)),
                format!("点 {} 不是节点 {} 的下级", clip(&p.id, 40), clip(id, 40)),
                format!("the point {} is not a child of node {}", clip(&p.id, 40), clip(id, 40)),
            ));
        }
    }
}

/// Checks a dataset like [`load_all`], but holds only the index and one top-level shard's
/// subtree at a time: every check still runs (shards against the nodes that name them),
/// while memory stays at the size of the largest county. For writers of very large data.
pub fn validate_streaming<B: AsRef<[u8]>>(index: &str, mut read: impl FnMut(&str) -> Result<B, String>) -> Problems {
    let mut problems = Problems::default();
    let mut ds = match read(index) {
        Ok(b) => match Dataset::from_index(index, b.as_ref()) {
            Ok(ds) => ds,
            Err(ps) => return ps,
        },
        Err(e) => {
            problems.push(unreadable(index, &e));
            return problems;
        }
    };
    let base_nodes = ds.nodes.len();
    let base_files = ds.files.len();
    let tops: Vec<(NodeIx, String)> =
        ds.nodes.iter().enumerate().filter_map(|(i, n)| n.shard.clone().map(|s| (i, s))).collect();
    for (owner, top) in tops {
        attach_reachable(&mut ds, vec![top.clone()], &mut read, &mut problems);
        // Forget this subtree before the next one.
        for n in &ds.nodes[base_nodes..] {
            ds.ids.remove(n.id.as_str());
            if let Some(s) = &n.shard {
                ds.shard_owner.remove(s.as_str());
                ds.loaded_shards.remove(s.as_str());
            }
        }
        ds.nodes.truncate(base_nodes);
        ds.parent.truncate(base_nodes);
        ds.kids.truncate(base_nodes);
        ds.origin.truncate(base_nodes);
        ds.files.truncate(base_files);
        ds.kids[owner] = std::sync::Arc::from([]);
        ds.loaded_shards.remove(top.as_str());
    }
    // The map's files need only the index's places (the root, cities, counties).
    check_geometry(&ds, &mut read, &mut problems);
    problems
}
