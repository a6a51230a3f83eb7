//! The index's `geo` (`crate::geometry::GeoRefs`): its source is one the dataset cites,
//! each node it names is in the index, and each file is a path inside the dataset (the
//! shard rule), named once and not a data file's. The geometry files themselves are
//! checked as they are read (`crate::geometry::parse_geo`, and `load_all` against the tree).

use super::*;

pub(super) fn check_geo_refs(c: &mut Ctx, doc: &DataFile, ids: &HashMap<&str, usize>) {
    let Some(geo) = &doc.geo else { return };
    if doc.kind != FileKind::Index {
        let (zh, en) =
            ("分片文件不能有 geo：地图文件由索引文件列出", "a shard has no geo: the index names the map's files");
        c.push(Check::Geometry, "$.geo".into(), None, zh.into(), en.into());
        return;
    }
    if doc.dataset.as_ref().is_some_and(|m| !m.sources.contains_key(&geo.source)) {
        c.push(
            Check::Geometry,
            "$.geo.source".into(),
            None,
            format!("边界来源 \"{}\" 不在 dataset.sources 中：请在其中写明边界数据的来源和许可", clip(&geo.source, 40)),
            format!(
                "the boundary source \"{}\" is not in dataset.sources: cite where the boundaries come from and their licence there",
                clip(&geo.source, 40)
            ),
        );
    }
    let shards: HashSet<&str> = doc.nodes.iter().filter_map(|n| n.shard.as_deref()).collect();
    let mut named: HashMap<&str, &str> = HashMap::new();
    for (id, path) in &geo.files {
        let at = format!("$.geo.files[\"{}\"]", clip(id, 40));
        if !ids.contains_key(id.as_str()) {
            let (zh, en) = ("地图文件所属的节点不在索引中", "the node this map file belongs to is not in the index");
            c.push(Check::Geometry, at.clone(), Some(id), zh.into(), en.into());
        }
        if let Err(f) = crate::paths::relative_json(path, crate::paths::Parent::Refused) {
            c.push(
                Check::Geometry,
                at,
                Some(id),
                format!("地图文件路径无效：\"{}\"（{}）", clip(path, 80), f.zh()),
                format!("invalid map file path \"{}\" ({})", clip(path, 80), f.en()),
            );
        } else if path == c.file || shards.contains(path.as_str()) {
            let (zh, en) = ("地图文件路径与数据文件相同", "the map file's path is a data file's");
            c.push(Check::Geometry, at, Some(id), zh.into(), en.into());
        } else if let Some(first) = named.insert(path, id) {
            c.push(
                Check::Geometry,
                at,
                Some(id),
                format!("地图文件 \"{}\" 已属于节点 {}：每个文件只属于一个节点", clip(path, 80), clip(first, 40)),
                format!(
                    "the map file \"{}\" already belongs to node {}: a file belongs to one node",
                    clip(path, 80),
                    clip(first, 40)
                ),
            );
        }
    }
}
