//! The checks of one file's own nodes: each node, unique ids, the tree inside the file,
//! the root, and the sums where every child is here.

use super::node::check_node;
use super::tree::check_sums;
use super::*;

/// Each node, and ids unique in the file: the index of each id's first node.
pub(super) fn check_nodes<'a>(c: &mut Ctx, doc: &'a DataFile, ctx: Option<&Context>) -> HashMap<&'a str, usize> {
    if doc.nodes.is_empty() {
        c.push(Check::Root, "$.nodes".into(), None, "文件中没有任何节点".into(), "the file holds no nodes".into());
    }
    let sources: Option<HashSet<String>> = match (doc.kind, &doc.dataset, ctx) {
        (FileKind::Index, Some(meta), _) => Some(meta.sources.keys().cloned().collect()),
        (FileKind::Shard, _, Some(ctx)) => Some(ctx.sources.clone()),
        _ => None,
    };
    let known = doc.nodes.iter().fold(ctx.map(|x| x.known).unwrap_or_default(), |k, n| k.union(n.m.present()));
    let rels = applicable(known);
    let mut ids: HashMap<&str, usize> = HashMap::with_capacity(doc.nodes.len());
    for (i, n) in doc.nodes.iter().enumerate() {
        if let Some(first) = ids.insert(n.id.as_str(), i) {
            ids.insert(n.id.as_str(), first);
            c.push(
                Check::DuplicateId,
                format!("$.nodes[{i}].id"),
                Some(&n.id),
                format!("节点编号重复：与 $.nodes[{first}] 相同"),
                format!("duplicate node id: the same as $.nodes[{first}]"),
            );
        }
        check_node(c, i, n, &doc.periods, sources.as_ref(), &rels);
    }
    ids
}

/// A node naming a shard: a path inside the dataset, not the file the node is in, not a
/// shard another node of this file names (`named`: shard → first node), and children for
/// the shard to hold.
fn check_shard_ref<'a>(c: &mut Ctx, i: usize, n: &'a Node, named: &mut HashMap<&'a str, usize>) {
    if let Some(s) = &n.shard {
        if let Err(f) = crate::paths::relative_json(s, crate::paths::Parent::Refused) {
            c.push(
                Check::ShardPath,
                format!("$.nodes[{i}].shard"),
                Some(&n.id),
                format!("分片路径无效：\"{}\"（{}）", clip(s, 80), f.zh()),
                format!("invalid shard path \"{}\" ({})", clip(s, 80), f.en()),
            );
        }
        if s == c.file {
            c.push(
                Check::ShardMismatch,
                format!("$.nodes[{i}].shard"),
                Some(&n.id),
                "节点指定的分片就是它所在的文件".into(),
                "the node names the very file it is in as its shard".into(),
            );
        } else if let Some(&first) = named.get(s.as_str()) {
            c.push(
                Check::ShardMismatch,
                format!("$.nodes[{i}].shard"),
                Some(&n.id),
                format!("分片 \"{}\" 已由 $.nodes[{first}] 指定：每个分片文件只能属于一个节点", clip(s, 80)),
                format!(
                    "the shard \"{}\" is already named by $.nodes[{first}]: a shard belongs to one node",
                    clip(s, 80)
                ),
            );
        } else {
            named.insert(s, i);
        }
        if n.children.is_empty() {
            c.push(
                Check::ShardMismatch,
                format!("$.nodes[{i}].shard"),
                Some(&n.id),
                "节点指定了分片但没有列出下级".into(),
                "the node names a shard but lists no children".into(),
            );
        }
    }
}

/// The tree inside the file: shard references, children present, listed once, one
/// parent each and a level below. Per node, its parent's index here (a shard's tops: none).
pub(super) fn check_tree(c: &mut Ctx, doc: &DataFile, ids: &HashMap<&str, usize>) -> Vec<Option<usize>> {
    let mut parent_in_file: Vec<Option<usize>> = vec![None; doc.nodes.len()];
    let mut named: HashMap<&str, usize> = HashMap::new();
    // One set for every node's children, emptied between them (a national index lists
    // about 25,000 children).
    let mut seen = HashSet::new();
    for (i, n) in doc.nodes.iter().enumerate() {
        check_shard_ref(c, i, n, &mut named);
        seen.clear();
        for (k, cid) in n.children.iter().enumerate() {
            // Written only for a problem: formatting every child's path took a sixth of
            // the checks of a national index.
            let path = || format!("$.nodes[{i}].children[{k}]");
            if !seen.insert(cid.as_str()) {
                c.push(
                    Check::DuplicateId,
                    path(),
                    Some(&n.id),
                    format!("下级 \"{}\" 重复列出", clip(cid, 80)),
                    format!("child \"{}\" is listed twice", clip(cid, 80)),
                );
                continue;
            }
            match (ids.get(cid.as_str()), &n.shard) {
                (Some(&j), None) => {
                    if doc.nodes[j].level <= n.level {
                        c.push(
                            Check::LevelOrder,
                            path(),
                            Some(&n.id),
                            format!(
                                "层级未逐级向下：{}级节点的下级 \"{}\" 是{}级",
                                n.level.zh(),
                                clip(cid, 80),
                                doc.nodes[j].level.zh()
                            ),
                            format!(
                                "levels must descend: the {} has a child \"{}\" at level {}",
                                n.level.key(),
                                clip(cid, 80),
                                doc.nodes[j].level.key()
                            ),
                        );
                    } else if let Some(other) = parent_in_file[j] {
                        c.push(
                            Check::DuplicateId,
                            path(),
                            Some(&n.id),
                            format!("\"{}\" 同时是 $.nodes[{other}] 的下级", clip(cid, 80)),
                            format!("\"{}\" is also a child of $.nodes[{other}]", clip(cid, 80)),
                        );
                    } else {
                        parent_in_file[j] = Some(i);
                    }
                }
                (None, None) => c.push(
                    Check::MissingChild,
                    path(),
                    Some(&n.id),
                    format!("列出的下级 \"{}\" 不在文件中", clip(cid, 80)),
                    format!("the child \"{}\" is named but not present", clip(cid, 80)),
                ),
                (Some(_), Some(_)) => c.push(
                    Check::ShardMismatch,
                    path(),
                    Some(&n.id),
                    format!("下级 \"{}\" 应在分片文件中，却出现在本文件", clip(cid, 80)),
                    format!("the child \"{}\" belongs in the shard but is in this file", clip(cid, 80)),
                ),
                (None, Some(_)) => {}
            }
        }
    }
    parent_in_file
}

/// Who may have no parent here: the index's root; a shard's tops (checked against the
/// index when the shard is attached).
pub(super) fn check_root(c: &mut Ctx, doc: &DataFile, ids: &HashMap<&str, usize>, parent_in_file: &[Option<usize>]) {
    if doc.kind == FileKind::Index {
        if let Some(root) = &doc.root {
            match ids.get(root.as_str()) {
                None => c.push(
                    Check::Root,
                    "$.root".into(),
                    None,
                    format!("根节点 \"{}\" 不在文件中", clip(root, 80)),
                    format!("the root \"{}\" is not in the file", clip(root, 80)),
                ),
                Some(&r) => {
                    for (i, n) in doc.nodes.iter().enumerate() {
                        if i != r && parent_in_file[i].is_none() && ids.get(n.id.as_str()) == Some(&i) {
                            c.push(
                                Check::Orphan,
                                format!("$.nodes[{i}]"),
                                Some(&n.id),
                                "节点不属于任何上级（不在根节点之下）".into(),
                                "the node has no parent (it is not under the root)".into(),
                            );
                        }
                    }
                    if parent_in_file[r].is_some() {
                        c.push(
                            Check::Root,
                            "$.root".into(),
                            Some(root),
                            "根节点不能是其他节点的下级".into(),
                            "the root must not be anyone's child".into(),
                        );
                    }
                }
            }
        }
    }
}

/// Sums where all of a node's children are in this file.
pub(super) fn check_file_sums(c: &mut Ctx, doc: &DataFile, ids: &HashMap<&str, usize>) {
    let np = doc.periods.len();
    let usable: Vec<bool> = doc.nodes.iter().map(|n| node_usable(n, np)).collect();
    for (i, n) in doc.nodes.iter().enumerate() {
        if n.shard.is_some() || n.children.is_empty() || !usable[i] {
            continue;
        }
        let kids: Option<Vec<&Node>> = n
            .children
            .iter()
            .map(|cid| ids.get(cid.as_str()).filter(|&&j| usable[j]).map(|&j| &doc.nodes[j]))
            .collect();
        if let Some(kids) = kids {
            check_sums(c, n, &format!("$.nodes[{i}]"), &kids, &doc.periods);
        }
    }
}

/// Ids below a county start with the county's id and a hyphen (`520603-S1-C2`): a link to
/// a deep place finds the shard it is in by that prefix, so an id without it could not be
/// opened by a link. `top_county` is the county a shard's tops are in. An index that names
/// no shard holds every place, so a link finds any id in it: there the rule does not apply.
pub(super) fn check_id_prefixes(
    c: &mut Ctx,
    doc: &DataFile,
    parent_in_file: &[Option<usize>],
    top_county: Option<&str>,
) {
    fn county<'a>(doc: &'a DataFile, parent: &[Option<usize>], top: Option<&'a str>, i: usize) -> Option<&'a str> {
        // Levels strictly descend along parent links, so this ends within six steps.
        match (doc.nodes[i].level, parent[i]) {
            (Level::County, _) => Some(doc.nodes[i].id.as_str()),
            (l, Some(p)) if l > Level::County => county(doc, parent, top, p),
            (l, None) if l > Level::County => top,
            _ => None,
        }
    }
    if doc.kind == FileKind::Index && doc.nodes.iter().all(|n| n.shard.is_none()) {
        return;
    }
    for (i, n) in doc.nodes.iter().enumerate() {
        if n.level <= Level::County {
            continue;
        }
        let Some(cty) = county(doc, parent_in_file, top_county, i) else { continue };
        let ok = n.id.len() > cty.len() && n.id.starts_with(cty) && n.id.as_bytes()[cty.len()] == b'-';
        if !ok {
            let cty = clip(cty, 40);
            c.push(
                Check::IdPrefix,
                format!("$.nodes[{i}].id"),
                Some(&n.id),
                format!("编号须以所属县的编号和“-”开头（如 {cty}-…）：链接靠这个前缀找到它所在的分片"),
                format!("the id must start with its county's id and a hyphen ({cty}-…): a link finds its shard by that prefix"),
            );
        }
    }
}
