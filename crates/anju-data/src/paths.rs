//! The one rule for a path a dataset names (a shard, a dataset's index in the URL): read
//! as a browser will resolve it against the index's URL, it must stay where it belongs.
//! Browsers read `\` as `/`, decode `%2e` (any case, alone or beside a dot) as `.` in dot
//! segments, and drop `.` segments; servers decode `%2f` as `/`. Rather than guess each
//! server, any `%` is refused: a file name is written as itself (UTF-8 in the JSON), and
//! the browser encodes it. Look-alike characters (`．．`, `∕`) are ordinary letters to a
//! browser and stay ordinary names.

/// Why a path is refused; `zh()` and `en()` say it with what to change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathFault {
    Empty,
    TooLong,
    NotJson,
    /// Starts with `/`: from the server's root, not the dataset's folder.
    Absolute,
    /// A scheme or a host (`https:`, `//`, `C:`): another origin or a local file.
    OtherOrigin,
    /// `\`, which browsers read as `/`.
    Backslash,
    /// `%`: an encoded character (`%2e%2e` is `..` to a browser).
    Encoded,
    /// `?` or `#`: not part of a file's path.
    QueryOrFragment,
    /// A control character or white space.
    Invisible,
    /// `a//b`: an empty segment.
    EmptySegment,
    /// `.` or `..`: would leave the folder, or hide where the file is.
    DotSegment,
}

impl PathFault {
    pub fn zh(self) -> &'static str {
        match self {
            PathFault::Empty => "路径为空",
            PathFault::TooLong => "路径超过 300 字节",
            PathFault::NotJson => "须以 .json 结尾",
            PathFault::Absolute => "不能以“/”开头（须相对于索引文件所在目录）",
            PathFault::OtherOrigin => "不能指向其他网站或本地文件（不能含“:”或以“//”开头）",
            PathFault::Backslash => "不能含反斜杠“\\”（浏览器将其视为“/”），请用“/”",
            PathFault::Encoded => "不能含“%”编码（如 %2e%2e 会被浏览器解读为“..”），请直接写出文件名",
            PathFault::QueryOrFragment => "不能含“?”或“#”",
            PathFault::Invisible => "不能含控制字符或空白",
            PathFault::EmptySegment => "不能含空的路径段（“//”）",
            PathFault::DotSegment => "不能含“.”或“..”路径段（不能离开数据集目录）",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            PathFault::Empty => "the path is empty",
            PathFault::TooLong => "the path is longer than 300 bytes",
            PathFault::NotJson => "it must end in .json",
            PathFault::Absolute => "it must not start with \"/\" (it is relative to the index's folder)",
            PathFault::OtherOrigin => "it must not point to another site or a local file (no \":\", no leading \"//\")",
            PathFault::Backslash => "it must not hold \"\\\" (browsers read it as \"/\"); use \"/\"",
            PathFault::Encoded => {
                "it must not hold \"%\" escapes (a browser reads %2e%2e as \"..\"); write the file name itself"
            }
            PathFault::QueryOrFragment => "it must not hold \"?\" or \"#\"",
            PathFault::Invisible => "it must not hold control characters or white space",
            PathFault::EmptySegment => "it must not hold an empty segment (\"//\")",
            PathFault::DotSegment => "it must not hold \".\" or \"..\" segments (it must stay inside the dataset)",
        }
    }
}

/// Whether `.` and `..` segments are allowed: a dataset's index may sit anywhere on the
/// page's own origin; a shard must stay below its index's folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Parent {
    Allowed,
    Refused,
}

/// Checks `p`, a path relative to the index's folder (a shard) or to the page (a
/// dataset's index), as a browser will resolve it. `Ok` means the browser requests a
/// `.json` file on the same origin, and with `Parent::Refused`, below the folder.
pub fn relative_json(p: &str, parent: Parent) -> Result<(), PathFault> {
    let fault = if p.is_empty() {
        Some(PathFault::Empty)
    } else if p.len() > 300 {
        Some(PathFault::TooLong)
    } else if p.chars().any(|c| c.is_control() || c.is_whitespace()) {
        Some(PathFault::Invisible)
    } else if p.contains('\\') {
        Some(PathFault::Backslash)
    } else if p.contains('%') {
        Some(PathFault::Encoded)
    } else if p.starts_with("//") || p.contains(':') {
        Some(PathFault::OtherOrigin)
    } else if p.starts_with('/') {
        Some(PathFault::Absolute)
    } else if p.contains('?') || p.contains('#') {
        Some(PathFault::QueryOrFragment)
    } else if p.split('/').any(str::is_empty) {
        Some(PathFault::EmptySegment)
    } else if parent == Parent::Refused && p.split('/').any(|s| s == "." || s == "..") {
        Some(PathFault::DotSegment)
    } else if !p.ends_with(".json") {
        Some(PathFault::NotJson)
    } else {
        None
    };
    fault.map_or(Ok(()), Err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use PathFault::*;

    /// Paths as hostile datasets write them, and what a browser would make of each.
    const SHARDS: &[(&str, Result<(), PathFault>)] = &[
        ("shards/A.json", Ok(())),
        ("A.json", Ok(())),
        ("shards/520603/S1.json", Ok(())),
        ("分片/万山区.json", Ok(())),
        ("．．/A.json", Ok(())), // full-width dots: an ordinary folder name to a browser
        ("a..b/A.json", Ok(())), // dots inside a name are not a dot segment
        ("...json", Ok(())),
        ("", Err(Empty)),
        ("../A.json", Err(DotSegment)),
        ("shards/../../A.json", Err(DotSegment)),
        ("./A.json", Err(DotSegment)),
        ("shards/./A.json", Err(DotSegment)),
        ("%2e%2e/A.json", Err(Encoded)),
        ("%2E%2E/A.json", Err(Encoded)),
        (".%2e/A.json", Err(Encoded)),
        ("%2e./A.json", Err(Encoded)),
        ("%252e%252e/A.json", Err(Encoded)),
        ("shards%2f..%2fA.json", Err(Encoded)),
        ("..\\A.json", Err(Backslash)),
        ("shards\\A.json", Err(Backslash)),
        ("/etc/passwd.json", Err(Absolute)),
        ("//evil.example/a.json", Err(OtherOrigin)),
        ("https://evil.example/a.json", Err(OtherOrigin)),
        ("javascript:alert(1).json", Err(OtherOrigin)),
        ("C:/data/A.json", Err(OtherOrigin)),
        ("A.json?x=1", Err(QueryOrFragment)),
        ("A.json#top", Err(QueryOrFragment)),
        ("shards//A.json", Err(EmptySegment)),
        ("shards/", Err(EmptySegment)),
        ("A.json\n", Err(Invisible)),
        ("A .json", Err(Invisible)),
        ("A.json\u{0}", Err(Invisible)),
        ("shards/A.txt", Err(NotJson)),
        ("shards/A", Err(NotJson)),
    ];

    #[test]
    fn shard_paths_as_a_browser_resolves_them() {
        assert!(SHARDS.len() >= 25);
        for &(p, want) in SHARDS {
            assert_eq!(relative_json(p, Parent::Refused), want, "{p:?}");
        }
        let long = format!("{}.json", "a/".repeat(200));
        assert_eq!(relative_json(&long, Parent::Refused), Err(TooLong));
    }

    /// A dataset's index may be elsewhere on the page's origin, never on another.
    #[test]
    fn an_index_may_go_up_but_not_out() {
        assert_eq!(relative_json("../other/index.json", Parent::Allowed), Ok(()));
        assert_eq!(relative_json("data/province/index.json", Parent::Allowed), Ok(()));
        assert_eq!(relative_json("./index.json", Parent::Allowed), Ok(()));
        assert_eq!(relative_json("%2e%2e/index.json", Parent::Allowed), Err(Encoded));
        assert_eq!(relative_json("https://evil.example/index.json", Parent::Allowed), Err(OtherOrigin));
    }

    /// Every refusal says, in both languages, what to change.
    #[test]
    fn every_fault_has_words() {
        for &(_, r) in SHARDS {
            if let Err(f) = r {
                assert!(!f.zh().is_empty() && !f.en().is_empty());
            }
        }
    }
}
