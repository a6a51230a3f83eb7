//! Reading a geometry file: every arc decoded, every ring joined from its arcs and checked
//! (closed, at least three corners), every label inside its shape. A file from anyone is
//! refused with located problems rather than drawn wrong; nothing here panics.

use super::{contains, GeoFile, Geometry, Ring, Shape, GEO_FORMAT, GEO_VERSION};
use crate::columns::code;
use crate::problem::{Check, Location, Problem, Problems};
use crate::text::clip;
use std::collections::HashSet;

/// The most points a file may decode to, counting each arc's points once as read and again
/// for each ring that walks it: a province's counties take about 120,000; the cap keeps a
/// hostile file (one arc walked a million times, or a million arcs) from taking the
/// page's memory.
pub const MAX_POINTS: usize = 2_000_000;

/// Grid coordinates stay within ±2^40: far beyond any grid `anju geo` writes (10,000 a
/// side), near enough to zero that sums cannot overflow and degrees stay exact.
const MAX_GRID: i128 = 1 << 40;

struct Reader<'a> {
    file: &'a str,
    out: Problems,
    points: usize,
}

impl Reader<'_> {
    fn push(&mut self, path: String, node: Option<&str>, zh: String, en: String) {
        self.out.push(Problem::new(Check::Geometry, Location::new(self.file, path, node), zh, en));
    }

    /// Arc `i` as grid points, or a problem at `$.arcs[i]`.
    fn arc(&mut self, i: usize, s: &str) -> Option<Vec<[i64; 2]>> {
        let path = format!("$.arcs[{i}]");
        let Ok(v) = code::read(s) else {
            self.push(path, None, "弧线编码无效".into(), "the arc's encoding is malformed".into());
            return None;
        };
        if v.len() < 2 || v.len() % 2 != 0 {
            let (zh, en) = ("弧线须由成对的坐标组成，至少一个点", "an arc is pairs of coordinates, at least one point");
            self.push(path, None, zh.into(), en.into());
            return None;
        }
        let mut at = [0i128; 2];
        let mut pts = Vec::with_capacity(v.len() / 2);
        for step in v.chunks(2) {
            at = [at[0] + step[0], at[1] + step[1]];
            if at[0].abs() > MAX_GRID || at[1].abs() > MAX_GRID {
                let (zh, en) = ("弧线坐标超出范围", "an arc's coordinate is out of range");
                self.push(path, None, zh.into(), en.into());
                return None;
            }
            pts.push([at[0] as i64, at[1] as i64]);
        }
        // Arcs no ring walks count too: a file of unused arcs is as heavy.
        self.points += pts.len();
        if self.points > MAX_POINTS {
            let (zh, en) =
                (format!("几何文件的点数超过上限 {MAX_POINTS}"), format!("the file has more than {MAX_POINTS} points"));
            self.push(path, None, zh, en);
            return None;
        }
        Some(pts)
    }

    /// The whole numbers of the series string at `path`, or a problem there.
    fn numbers(&mut self, path: &str, node: Option<&str>, s: &str) -> Option<Vec<i64>> {
        match code::read(s) {
            Ok(v) if v.iter().all(|x| x.abs() <= MAX_GRID) => Some(v.into_iter().map(|x| x as i64).collect()),
            _ => {
                let (zh, en) = ("编码无效或数值超出范围", "malformed, or a number out of range");
                self.push(path.into(), node, zh.into(), en.into());
                None
            }
        }
    }

    /// A ring joined from its arc references (a series string), in grid units; `None`
    /// after a problem. A reference at fault is named by its position in the ring.
    fn ring(&mut self, path: &str, node: Option<&str>, refs: &str, arcs: &[Vec<[i64; 2]>]) -> Option<Vec<[i64; 2]>> {
        let refs = self.numbers(path, node, refs)?;
        let mut pts: Vec<[i64; 2]> = Vec::new();
        for (k, &r) in refs.iter().enumerate() {
            let Some(arc) = usize::try_from(super::arc_ref(r).0).ok().and_then(|ix| arcs.get(ix)) else {
                let (zh, en) = (
                    format!("弧线 {r} 不存在（共 {} 条）", arcs.len()),
                    format!("arc {r} does not exist (there are {})", arcs.len()),
                );
                self.push(format!("{path} (reference {k})"), node, zh, en);
                return None;
            };
            self.points += arc.len();
            if self.points > MAX_POINTS {
                let (zh, en) = (
                    format!("几何文件的点数超过上限 {MAX_POINTS}"),
                    format!("the file has more than {MAX_POINTS} points"),
                );
                self.push(format!("{path} (reference {k})"), node, zh, en);
                return None;
            }
            let walk: Box<dyn Iterator<Item = &[i64; 2]>> =
                if r < 0 { Box::new(arc.iter().rev()) } else { Box::new(arc.iter()) };
            let mut walk = walk.peekable();
            if let (Some(last), Some(first)) = (pts.last(), walk.peek()) {
                if last != *first {
                    let (zh, en) = (
                        "弧线首尾不相接：此弧线的起点不是上一条的终点",
                        "the arcs do not join: this arc does not start where the last one ended",
                    );
                    self.push(format!("{path} (reference {k})"), node, zh.into(), en.into());
                    return None;
                }
                walk.next();
            }
            pts.extend(walk);
        }
        if pts.first() != pts.last() {
            let (zh, en) = ("环未闭合：终点不是起点", "the ring is not closed: it does not end where it starts");
            self.push(path.into(), node, zh.into(), en.into());
            return None;
        }
        pts.dedup();
        let corners: HashSet<[i64; 2]> = pts.iter().copied().collect();
        if corners.len() < 3 {
            let (zh, en) = ("环至少需要三个不同的点", "a ring needs at least three distinct points");
            self.push(path.into(), node, zh.into(), en.into());
            return None;
        }
        Some(pts)
    }
}

fn one(file: &str, check: Check, path: &str, zh: String, en: String) -> Problems {
    let mut ps = Problems::default();
    ps.push(Problem::new(check, Location::new(file, path, None), zh, en));
    ps
}

/// Reads and checks a geometry file (`file` names it in problems). `Err` holds every
/// problem found, each located by JSON path and, in a shape, its node id.
pub fn parse_geo(file: &str, bytes: &[u8]) -> Result<Geometry, Problems> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let doc: GeoFile = serde_json::from_slice(bytes).map_err(|e| {
        let check = if e.is_data() { Check::FieldType } else { Check::Syntax };
        let at = format!("line {}, column {}", e.line(), e.column());
        let (zh, en) = crate::load::json_words(&e);
        one(file, check, &at, format!("几何文件无法读取：{zh}"), format!("the geometry file cannot be read: {en}"))
    })?;
    if doc.format != GEO_FORMAT {
        let f = clip(&doc.format, 40);
        return Err(one(
            file,
            Check::Format,
            "$.format",
            format!("format 应为 \"{GEO_FORMAT}\"，而不是 \"{f}\""),
            format!("format must be \"{GEO_FORMAT}\", not \"{f}\""),
        ));
    }
    if doc.version != GEO_VERSION {
        let v = doc.version;
        return Err(one(
            file,
            Check::Version,
            "$.version",
            format!("几何文件版本 {v} 无法读取：本程序读取版本 {GEO_VERSION}"),
            format!("geometry version {v} cannot be read: this build reads version {GEO_VERSION}"),
        ));
    }
    let t = doc.transform;
    if !(t.scale.iter().all(|s| s.is_finite() && *s > 0.0) && t.translate.iter().all(|v| v.is_finite())) {
        return Err(one(
            file,
            Check::Geometry,
            "$.transform",
            "transform 的 scale 须为正数，translate 须为有限数".into(),
            "transform's scale must be positive and its translate finite".into(),
        ));
    }
    let mut r = Reader { file, out: Problems::default(), points: 0 };
    let arcs: Vec<Vec<[i64; 2]>> = doc.arcs.iter().enumerate().map(|(i, s)| r.arc(i, s).unwrap_or_default()).collect();
    if !r.out.is_empty() {
        return Err(r.out);
    }
    let deg = |ring: Vec<[i64; 2]>| -> Ring { ring.into_iter().map(|p| t.degrees(p)).collect() };
    let mut outline = Vec::new();
    for (j, refs) in doc.outline.iter().enumerate() {
        if let Some(ring) = r.ring(&format!("$.outline[{j}]"), None, refs, &arcs) {
            outline.push(deg(ring));
        }
    }
    let mut seen = HashSet::new();
    let mut shapes = Vec::with_capacity(doc.shapes.len());
    for (i, s) in doc.shapes.iter().enumerate() {
        let id = Some(s.id.as_str());
        if s.id.is_empty() || !seen.insert(s.id.as_str()) {
            let (zh, en) = ("形状的编号为空或重复", "the shape's id is empty or repeated");
            r.push(format!("$.shapes[{i}].id"), id, zh.into(), en.into());
            continue;
        }
        if s.rings.is_empty() {
            r.push(format!("$.shapes[{i}].rings"), id, "形状没有任何环".into(), "the shape has no rings".into());
            continue;
        }
        let rings: Vec<Ring> = s
            .rings
            .iter()
            .enumerate()
            .filter_map(|(j, refs)| r.ring(&format!("$.shapes[{i}].rings[{j}]"), id, refs, &arcs))
            .map(deg)
            .collect();
        if rings.len() != s.rings.len() {
            continue;
        }
        let Some(xy) = r.numbers(&format!("$.shapes[{i}].label"), id, &s.label) else { continue };
        let Some(at) = super::grid_point(&xy) else {
            r.push(
                format!("$.shapes[{i}].label"),
                id,
                "标注点须为两个数".into(),
                "a label point is two numbers".into(),
            );
            continue;
        };
        let label = t.degrees(at);
        if !contains(&rings, label) {
            let (zh, en) = ("标注点不在形状之内", "the label point is not inside the shape");
            r.push(format!("$.shapes[{i}].label"), id, zh.into(), en.into());
            continue;
        }
        shapes.push(Shape { id: s.id.clone(), rings, label });
    }
    let mut points = Vec::with_capacity(doc.points.len());
    for (i, p) in doc.points.iter().enumerate() {
        let id = Some(p.id.as_str());
        if p.id.is_empty() || !seen.insert(p.id.as_str()) {
            let (zh, en) = ("点的编号为空或重复（或已是形状）", "the point's id is empty, repeated or a shape's");
            r.push(format!("$.points[{i}].id"), id, zh.into(), en.into());
            continue;
        }
        let Some(xy) = r.numbers(&format!("$.points[{i}].at"), id, &p.at) else { continue };
        let Some(at) = super::grid_point(&xy) else {
            r.push(format!("$.points[{i}].at"), id, "点须为两个数".into(), "a point is two numbers".into());
            continue;
        };
        let at = t.degrees(at);
        if !super::holds_site(&outline, at) {
            let (zh, en) = (
                "点在轮廓之外（超过范围的 1%）：经纬度是否写反，或不属于此地？",
                "the point lies outside the outline (by more than 1% of its extent): longitude and latitude swapped, or a place of elsewhere?",
            );
            r.push(format!("$.points[{i}].at"), id, zh.into(), en.into());
            continue;
        }
        points.push(super::Point { id: p.id.clone(), at, synthesised: p.synthesised });
    }
    if !r.out.is_empty() {
        return Err(r.out);
    }
    Ok(Geometry { node: doc.node, outline, shapes, points })
}
