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
    let all = |names: &[&str]| -> Vec<usize> {
        (0..header.len()).filter(|&c| names.contains(&header[c].trim().to_lowercase().as_str())).collect()
    };
    // Two columns for one role (经度 and lng: two coordinate systems side by side) is a
    // choice the table must make, not the reader.
    for (role, names) in [("编号 / id", ID), ("经度 / longitude", LON), ("纬度 / latitude", LAT)] {
        if let [a, b, ..] = all(names)[..] {
            return Err(format!(
                "{name} 第 1 行: 第 {} 列和第 {} 列都是{role}；请只留一列 / row 1: columns {} and {} are both the {role}; keep one",
                a + 1,
                b + 1,
                a + 1,
                b + 1
            ));
        }
    }
    let find = |names: &[&str]| all(names).first().copied();
    let (Some(id), Some(lon), Some(lat)) = (find(ID), find(LON), find(LAT)) else {
        return Err(format!(
            "{name} 第 1 行: 表头须有 编号（id）、经度（lon）、纬度（lat）三列 / row 1: the header must name the columns id, lon and lat (or 编号, 经度, 纬度)"
        ));
    };
    let mut out: Vec<Given> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for rec in records {
        let rec = rec.map_err(|e| format!("{name}: CSV 格式错误 / malformed CSV: {e}"))?;
        // The line in the file (blank lines and cells across lines counted), as an editor shows it.
        // (From the byte offset: csv's own line count passes over blank lines.)
        let mut start = rec.position().map_or(0, |p| p.byte() as usize).min(text.len());
        // A record's position is where the reader resumed, before any blank lines it passed.
        while matches!(text.as_bytes().get(start), Some(b'\n' | b'\r')) {
            start += 1;
        }
        let row = text.as_bytes()[..start].iter().filter(|&&b| b == b'\n').count() + 1;
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
        out.push(Given { id: site.to_string(), at, from: format!("{name} 第 {row} 行 / row {row}") });
    }
    Ok(out)
}
