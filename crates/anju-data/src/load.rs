//! Bytes in, a typed file or a located problem out. Never panics.

use crate::model::{DataFile, FORMAT, SCHEMA_VERSION, SCHEMA_VERSIONS_READ};
use crate::problem::{Check, Location, Problem};
use serde::Deserialize;

/// The two fields read first when the full parse fails, to tell "wrong version" apart
/// from "broken file".
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    schema_version: Option<Version>,
}

/// `schema_version` as written: a whole number, or what else it is, as a message shows it
/// (read without `serde_json::Value`, whose writer the browser build would carry for this
/// one message).
enum Version {
    Whole(u64),
    Other(String),
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Version::Whole(n) => write!(f, "{n}"),
            Version::Other(s) => f.write_str(s),
        }
    }
}

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Version, D::Error> {
        use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
        struct Any;
        impl<'de> Visitor<'de> for Any {
            type Value = Version;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a schema version")
            }
            fn visit_u64<E>(self, v: u64) -> Result<Version, E> {
                Ok(Version::Whole(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Version, E> {
                Ok(Version::Other(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Version, E> {
                Ok(Version::Other(v.to_string()))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Version, E> {
                Ok(Version::Other(v.to_string()))
            }
            fn visit_str<E>(self, v: &str) -> Result<Version, E> {
                Ok(Version::Other(format!("\"{}\"", crate::text::clip(v, 20))))
            }
            fn visit_unit<E>(self) -> Result<Version, E> {
                Ok(Version::Other("null".into()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Version, A::Error> {
                while a.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Version::Other("[…]".into()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Version, A::Error> {
                while a.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Version::Other("{…}".into()))
            }
        }
        d.deserialize_any(Any)
    }
}

fn at(file: &str, path: String) -> Location {
    Location::new(file, path, None)
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
        Some(Version::Whole(n)) if SCHEMA_VERSIONS_READ.iter().any(|&v| *n == v as u64) => None,
        Some(v) => Some(Box::new(Problem::new(
            Check::Version,
            at(file, "$.schema_version".into()),
            format!("数据格式版本 {v} 不受支持，本程序读取版本 1 和 2"),
            format!("schema version {v} is not supported; this program reads versions 1 and 2"),
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

/// Where a version 1 file has a field of version 2's: the columns, or a node's
/// `child_suffixes`.
fn version_2_field(doc: &DataFile) -> Option<String> {
    if doc.m.is_some() {
        return Some("$.m".into());
    }
    if doc.income.is_some() {
        return Some("$.income".into());
    }
    doc.nodes.iter().position(|n| !n.child_suffixes.is_empty()).map(|i| format!("$.nodes[{i}].child_suffixes"))
}

/// Parses one data file. Syntax errors carry line and column; type errors carry the JSON
/// path of the offending value.
pub fn parse_file(file: &str, bytes: &[u8]) -> Result<DataFile, Box<Problem>> {
    // A UTF-8 byte-order mark (Notepad, Excel's "CSV UTF-8") is not part of the JSON.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let parsed = serde_json::from_slice::<DataFile>(bytes);
    // Text that is not UTF-8 never parses: named for what it is, looked for only then, so
    // that a good file is read once.
    if parsed.is_err() {
        if let Some(p) = encoding_problem(file, bytes) {
            return Err(p);
        }
    }
    match parsed {
        Ok(mut doc) => {
            let h = Header {
                format: Some(doc.format.clone()),
                schema_version: Some(Version::Whole(doc.schema_version.into())),
            };
            if let Some(p) = check_header(file, &h) {
                return Err(p);
            }
            if doc.schema_version == crate::columns::VERSION {
                crate::columns::decode(file, &mut doc)?;
            } else if let Some(path) = version_2_field(&doc) {
                return Err(Box::new(Problem::new(
                    Check::Version,
                    at(file, path),
                    format!("数据格式版本 {SCHEMA_VERSION} 的文件没有列（m、income）或 child_suffixes；用到它们的文件应为版本 2"),
                    format!("a schema version {SCHEMA_VERSION} file has no columns (m, income) or child_suffixes; a file using them is version 2"),
                )));
            }
            Ok(doc)
        }
        Err(e) if e.is_syntax() || e.is_eof() || e.is_io() => {
            let (zh, en) = json_words(&e);
            Err(Box::new(Problem::new(
                Check::Syntax,
                at(file, format!("line {}, column {}", e.line(), e.column())),
                zh,
                en,
            )))
        }
        Err(first) => {
            // The slow path runs only on failure: re-parse to learn where it failed.
            if let Ok(h) = serde_json::from_slice::<Header>(bytes) {
                if let Some(p) = check_header(file, &h) {
                    return Err(p);
                }
            }
            // A repeated key is placed by line and column in every build (the JSON path of
            // a map's second key is not one a reader could follow).
            let (path, msg) = if first.to_string().starts_with("duplicate field") {
                (format!("line {}, column {}", first.line(), first.column()), first.to_string())
            } else {
                locate(bytes, first)
            };
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            let zh = data_zh(&msg);
            let (check, en) = match msg.strip_prefix("duplicate field ") {
                Some(key) => (
                    Check::DuplicateKey,
                    format!("the key {key} appears twice in one object (both values cannot be true; remove one)"),
                ),
                None => (Check::FieldType, msg),
            };
            Err(Box::new(Problem::new(check, at(file, path), zh, en)))
        }
    }
}

/// A serde_json error in both languages: a syntax error at its line and column, or what
/// a field's value or a missing or repeated field is (serde's own words in English). The
/// one wording for every JSON file read (datasets, geometry files).
pub(crate) fn json_words(e: &serde_json::Error) -> (String, String) {
    if e.is_syntax() || e.is_eof() || e.is_io() {
        return (
            format!("JSON 语法错误（第 {} 行第 {} 列）：{}", e.line(), e.column(), syntax_zh(e)),
            format!("JSON syntax error at line {}, column {}: {}", e.line(), e.column(), syntax_en(e)),
        );
    }
    let msg = e.to_string();
    let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
    (data_zh(&msg), msg)
}

/// serde's words for a value that does not fit its field, in Chinese.
fn data_zh(msg: &str) -> String {
    if let Some(field) = msg.strip_prefix("missing field ") {
        format!("缺少必填字段 {field}")
    } else if let Some(field) = msg.strip_prefix("duplicate field ") {
        format!("键重复：{field} 在同一对象中出现了两次（两个值不能都对，请删去一个）")
    } else if let Some(rest) = msg.strip_prefix("unknown field ") {
        // "unknown field `x`, expected one of `a`, `b`" (or "expected `a`", "there are no fields")
        match rest.split_once(", expected ") {
            Some((field, allowed)) => {
                format!("未知字段 {field}（可用的字段：{}）", allowed.strip_prefix("one of ").unwrap_or(allowed))
            }
            None => format!("未知字段 {}", rest.split(", ").next().unwrap_or(rest)),
        }
    } else if msg.starts_with("unknown variant") {
        format!("取值不在允许范围内：{msg}")
    } else {
        format!("字段类型不符：{msg}")
    }
}

fn syntax_zh(e: &serde_json::Error) -> &'static str {
    if e.is_eof() {
        "文件意外结束（可能被截断）"
    } else if ["surrogate", "hex escape", "unicode code point"].iter().any(|w| e.to_string().contains(w)) {
        // The file is valid UTF-8 (checked first): only a \u escape can be at fault.
        "含无效的 Unicode 转义（孤立的代理项，如 \\ud800），请删去或改正该字符"
    } else {
        "无法解析"
    }
}

/// serde_json's words, or plainer ones where a \u escape is at fault.
fn syntax_en(e: &serde_json::Error) -> String {
    if syntax_zh(e).contains("代理项") {
        "an invalid Unicode escape (a lone surrogate such as \\ud800); remove or correct that character".into()
    } else {
        e.to_string()
    }
}

/// A file that is not UTF-8 text, named for what it is, with the fix: UTF-16 (by its
/// byte-order mark, or the zero bytes between ASCII letters), or other bytes (GBK from a
/// Chinese Windows, most often) at a line and column.
fn encoding_problem(file: &str, bytes: &[u8]) -> Option<Box<Problem>> {
    let utf16 = bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || (bytes.len() >= 4 && bytes[..4].iter().filter(|&&b| b == 0).count() == 2);
    let (path, zh, en) = if utf16 {
        (
            "$".to_string(),
            "文件是 UTF-16 编码，请另存为 UTF-8".to_string(),
            "the file is UTF-16; save it as UTF-8".to_string(),
        )
    } else {
        let bad = std::str::from_utf8(bytes).err()?.valid_up_to();
        let line = bytes[..bad].iter().filter(|&&b| b == b'\n').count() + 1;
        let column = bad - bytes[..bad].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
        (
            format!("line {line}, column {column}"),
            format!("文件不是 UTF-8 编码（第 {line} 行第 {column} 列起；可能是 GBK），请另存为 UTF-8"),
            format!("the file is not UTF-8 (from line {line}, column {column}; GBK perhaps); save it as UTF-8"),
        )
    };
    Some(Box::new(Problem::new(Check::Encoding, at(file, path), zh, en)))
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

    /// A byte-order mark is accepted; UTF-16, GBK bytes and a lone surrogate escape are
    /// named, with where and what to do, not "cannot parse".
    #[test]
    fn encodings_are_named() {
        let ok = br#"{"format":"anju-dataset","schema_version":1,"kind":"index","periods":["2025-06"],"nodes":[]}"#;
        let bom = [b"\xEF\xBB\xBF".as_slice(), ok].concat();
        assert!(parse_file("a.json", &bom).is_ok());
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(ok.iter().flat_map(|&b| [b, 0])).collect();
        let p = parse_file("a.json", &utf16).unwrap_err();
        assert_eq!((p.check, p.zh.as_str()), (Check::Encoding, "文件是 UTF-16 编码，请另存为 UTF-8"));
        let no_bom: Vec<u8> = ok.iter().flat_map(|&b| [b, 0]).collect();
        assert_eq!(parse_file("a.json", &no_bom).unwrap_err().check, Check::Encoding);
        let gbk = [b"{\n\"format\":\"".as_slice(), &[0xD6, 0xD0, 0xCE, 0xC4], b"\"}"].concat();
        let p = parse_file("a.json", &gbk).unwrap_err();
        assert_eq!((p.check, p.at.path.as_str()), (Check::Encoding, "line 2, column 11"));
        assert!(p.zh.contains("GBK") && p.en.contains("save it as UTF-8"), "{}", p.zh);
        let p = parse_file("a.json", br#"{"format":"\ud800"}"#).unwrap_err();
        assert_eq!(p.check, Check::Syntax);
        assert!(p.zh.contains("代理项"), "{}", p.zh);
    }

    #[test]
    fn wrong_version_is_named_as_such() {
        let p = parse_file(
            "a.json",
            br#"{"format":"anju-dataset","schema_version":3,"kind":"index","periods":[],"nodes":[{"bad":1}]}"#,
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
