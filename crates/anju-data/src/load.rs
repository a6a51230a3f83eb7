//! Bytes in, a typed file or a located problem out. Never panics.

use crate::model::{DataFile, FORMAT, SCHEMA_VERSION};
use crate::problem::{Check, Location, Problem};
use serde::Deserialize;

/// The two fields read first when the full parse fails, to tell "wrong version" apart
/// from "broken file".
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    schema_version: Option<serde_json::Value>,
}

fn at(file: &str, path: String) -> Location {
    Location { file: file.to_string(), path, node: None }
}

/// Turns serde_path_to_error's `nodes[3].m.people` into `$.nodes[3].m.people`.
#[cfg(feature = "json-path")]
fn json_path(p: &serde_path_to_error::Path) -> String {
    let s = p.to_string();
    if s == "." {
        "$".into()
    } else if s.starts_with('[') {
        format!("${s}")
    } else {
        format!("$.{s}")
    }
}

fn check_header(file: &str, h: &Header) -> Option<Box<Problem>> {
    match h.format.as_deref() {
        Some(FORMAT) => {}
        Some(other) => {
            return Some(Box::new(Problem::new(
                Check::Format,
                at(file, "$.format".into()),
                format!("不是安居数据文件：format 为 \"{}\"，应为 \"{FORMAT}\"", crate::text::clip(other, 60)),
                format!("not an Anju data file: format is \"{}\", expected \"{FORMAT}\"", crate::text::clip(other, 60)),
            )))
        }
        None => {
            return Some(Box::new(Problem::new(
                Check::Format,
                at(file, "$".into()),
                format!("不是安居数据文件：缺少 format 字段（应为 \"{FORMAT}\"）"),
                format!("not an Anju data file: the format field is missing (expected \"{FORMAT}\")"),
            )))
        }
    }
    match &h.schema_version {
        Some(serde_json::Value::Number(n)) if n.as_u64() == Some(SCHEMA_VERSION as u64) => None,
        Some(v) => Some(Box::new(Problem::new(
            Check::Version,
            at(file, "$.schema_version".into()),
            format!("数据格式版本 {v} 不受支持，本程序读取版本 {SCHEMA_VERSION}"),
            format!("schema version {v} is not supported; this program reads version {SCHEMA_VERSION}"),
        ))),
        None => Some(Box::new(Problem::new(
            Check::Version,
            at(file, "$".into()),
            "缺少 schema_version 字段",
            "the schema_version field is missing",
        ))),
    }
}

/// Where a type error is: its JSON path (re-parsing with serde_path_to_error) with the
/// `json-path` feature, else its line and column. The browser build leaves the feature
/// out: it would double the deserialiser's size for a path the line already gives.
#[cfg(feature = "json-path")]
fn locate(bytes: &[u8], first: serde_json::Error) -> (String, String) {
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    // Both parses read the same bytes, so the second fails too; if it somehow did not,
    // the first error (without a path) is still a truthful report.
    match serde_path_to_error::deserialize::<_, DataFile>(de) {
        Ok(_) => ("$".to_string(), first.to_string()),
        Err(err) => (json_path(err.path()), err.into_inner().to_string()),
    }
}

#[cfg(not(feature = "json-path"))]
fn locate(_: &[u8], first: serde_json::Error) -> (String, String) {
    (format!("line {}, column {}", first.line(), first.column()), first.to_string())
}

/// Parses one data file. Syntax errors carry line and column; type errors carry the JSON
/// path of the offending value.
pub fn parse_file(file: &str, bytes: &[u8]) -> Result<DataFile, Box<Problem>> {
    match serde_json::from_slice::<DataFile>(bytes) {
        Ok(doc) => {
            let h = Header {
                format: Some(doc.format.clone()),
                schema_version: Some(serde_json::Value::from(doc.schema_version)),
            };
            match check_header(file, &h) {
                Some(p) => Err(p),
                None => Ok(doc),
            }
        }
        Err(e) if e.is_syntax() || e.is_eof() || e.is_io() => Err(Box::new(Problem::new(
            Check::Syntax,
            at(file, format!("line {}, column {}", e.line(), e.column())),
            format!("JSON 语法错误（第 {} 行第 {} 列）：{}", e.line(), e.column(), syntax_zh(&e)),
            format!("JSON syntax error at line {}, column {}: {e}", e.line(), e.column()),
        ))),
        Err(first) => {
            // The slow path runs only on failure: re-parse to learn where it failed.
            if let Ok(h) = serde_json::from_slice::<Header>(bytes) {
                if let Some(p) = check_header(file, &h) {
                    return Err(p);
                }
            }
            let (path, msg) = locate(bytes, first);
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            let zh = if let Some(field) = msg.strip_prefix("missing field ") {
                format!("缺少必填字段 {field}")
            } else if msg.starts_with("unknown variant") {
                format!("取值不在允许范围内：{msg}")
            } else {
                format!("字段类型不符：{msg}")
            };
            Err(Box::new(Problem::new(Check::FieldType, at(file, path), zh, msg)))
        }
    }
}

fn syntax_zh(e: &serde_json::Error) -> &'static str {
    if e.is_eof() {
        "文件意外结束（可能被截断）"
    } else {
        "无法解析"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_error_has_line_and_column() {
        let p = parse_file("index.json", b"{\n  \"format\": \"anju-dataset\",\n  oops\n}").unwrap_err();
        assert_eq!(p.check, Check::Syntax);
        assert_eq!(p.at.path, "line 3, column 3");
        assert_eq!(p.at.file, "index.json");
    }

    #[test]
    fn truncated_file_is_a_syntax_error() {
        let p = parse_file("a.json", br#"{"format":"anju-dataset","nodes":[{"id":"#).unwrap_err();
        assert_eq!(p.check, Check::Syntax);
        assert!(p.zh.contains("截断"));
    }

    #[test]
    fn wrong_version_is_named_as_such() {
        let p = parse_file(
            "a.json",
            br#"{"format":"anju-dataset","schema_version":2,"kind":"index","periods":[],"nodes":[{"bad":1}]}"#,
        )
        .unwrap_err();
        assert_eq!(p.check, Check::Version);
        assert_eq!(p.at.path, "$.schema_version");
    }

    #[test]
    fn foreign_json_is_not_an_anju_file() {
        let p = parse_file("a.json", br#"{"hello":"world"}"#).unwrap_err();
        assert_eq!(p.check, Check::Format);
    }

    #[test]
    #[cfg(feature = "json-path")]
    fn type_error_has_json_path() {
        let bytes = br#"{"format":"anju-dataset","schema_version":1,"kind":"index","periods":["2024-01"],
            "nodes":[{"id":"a","name":"A","level":"city"},{"id":"b","name":"B","level":"village"}]}"#;
        let p = parse_file("a.json", bytes).unwrap_err();
        assert_eq!(p.check, Check::FieldType);
        assert_eq!(p.at.path, "$.nodes[1].level");
        let bytes = br#"{"format":"anju-dataset","schema_version":1,"kind":"index","periods":["2024-01"],"nodes":[{"name":"A","level":"city"}]}"#;
        let p = parse_file("a.json", bytes).unwrap_err();
        assert!(p.zh.contains("缺少必填字段"), "{}", p.zh);
        assert_eq!(p.at.path, "$.nodes[0]");
    }
}
