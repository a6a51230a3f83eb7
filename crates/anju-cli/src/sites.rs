//! The table of site locations `anju geo --site-locations` reads: a CSV (UTF-8, with or
//! without a byte-order mark, else GBK) with a header naming the site's id, its longitude
//! and its latitude; other columns are ignored. Every fault is refused with its row and
//! column: a location drawn in the wrong place is a wrong map.

use anju_geo::sites::Given;
use std::collections::HashMap;
use std::path::Path;

/// Header names of each column, compared trimmed and in lower case.
const ID: &[&str] = &["id", "site_id", "编号", "安置点编号"];
const LON: &[&str] = &["lon", "lng", "longitude", "经度"];
const LAT: &[&str] = &["lat", "latitude", "纬度"];

/// The locations in `path`, in its order, or what to change (file, row, column).
pub fn read(path: &Path) -> Result<Vec<Given>, String> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: 无法读取 / cannot be read: {e}"))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(_) => encoding_rs::GBK.decode_without_bom_handling(bytes).0.into_owned(),
    };
    parse(&name, &text)
}

/// The locations in `text` (a CSV), `name` naming it in messages.
pub fn parse(name: &str, text: &str) -> Result<Vec<Given>, String> {
    let mut rows = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut records = rows.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        _ => return Err(format!("{name}: 没有表头 / no header row")),
    };
    let find = |names: &[&str]| header.iter().position(|h| names.contains(&h.trim().to_lowercase().as_str()));
    let (Some(id), Some(lon), Some(lat)) = (find(ID), find(LON), find(LAT)) else {
        return Err(format!(
            "{name} 第 1 行: 表头须有 编号（id）、经度（lon）、纬度（lat）三列 / row 1: the header must name the columns id, lon and lat (or 编号, 经度, 纬度)"
        ));
    };
    let mut out: Vec<Given> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (k, rec) in records.enumerate() {
        let row = k + 2;
        let rec = rec.map_err(|e| format!("{name} 第 {row} 行 / row {row}: {e}"))?;
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |c: usize| rec.get(c).unwrap_or("").trim();
        let site = cell(id);
        if site.is_empty() {
            return Err(format!(
                "{name} 第 {row} 行，{} 列: 编号为空 / row {row}, column {}: the id is empty",
                id + 1,
                id + 1
            ));
        }
        let number = |c: usize, lo: f64, hi: f64, what: (&str, &str)| -> Result<f64, String> {
            match cell(c).parse::<f64>() {
                Ok(v) if (lo..=hi).contains(&v) => Ok(v),
                _ => Err(format!(
                    "{name} 第 {row} 行，{} 列: {}须为 {lo} 到 {hi} 之间的小数度数 / row {row}, column {}: the {} must be decimal degrees from {lo} to {hi}",
                    c + 1,
                    what.0,
                    c + 1,
                    what.1
                )),
            }
        };
        let at = [number(lon, -180.0, 180.0, ("经度", "longitude"))?, number(lat, -90.0, 90.0, ("纬度", "latitude"))?];
        if let Some(first) = seen.insert(site.to_string(), row) {
            return Err(format!(
                "{name} 第 {row} 行: 编号与第 {first} 行重复；每个安置点只给一个位置 / row {row}: the same id as row {first}; give each site one location"
            ));
        }
        out.push(Given { id: site.to_string(), at, from: format!("{name} row {row}") });
    }
    Ok(out)
}
