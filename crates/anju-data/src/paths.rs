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
    /// Empty, over 512 bytes (300 for a dataset's address), not `.json`, white space or a control character, or an
    /// empty segment (`a//b`).
    Form,
    /// A scheme or a host (`https:`, `//`, `C:`), a leading `/`, `?` or `#`: not a file
    /// relative to the index's folder.
    NotRelative,
    /// `\`, which browsers read as `/`.
    Backslash,
    /// `%`: an encoded character (`%2e%2e` is `..` to a browser).
    Encoded,
    /// `.` or `..`: would leave the folder, or hide where the file is.
    DotSegment,
}

impl PathFault {
    pub fn zh(self) -> &'static str {
        match self {
            PathFault::Form => "须为 .json 文件路径，不含空白或空路径段，不超过 512 字节",
            PathFault::NotRelative => "须相对于索引文件所在目录：不能含“:”“?”“#”，不能以“/”开头",
            PathFault::Backslash => "不能含“\\”（浏览器视为“/”）",
            PathFault::Encoded => "不能含“%”编码（%2e%2e 即“..”），请直接写文件名",
            PathFault::DotSegment => "不能含“.”或“..”路径段",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            PathFault::Form => "it must be a .json path without spaces or empty segments, at most 512 bytes",
            PathFault::NotRelative => {
                "it must be relative to the index's folder: no \":\", \"?\", \"#\" or leading \"/\""
            }
            PathFault::Backslash => "no \"\\\" (browsers read it as \"/\")",
            PathFault::Encoded => "no \"%\" escapes (%2e%2e is \"..\"); write the name itself",
            PathFault::DotSegment => "no \".\" or \"..\" segments",
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

/// The one scheme a dataset's address may have: `local:<name>`, a dataset imported in
/// this browser and kept in its storage (`../shared/ui-contract.md`), never fetched.
pub const LOCAL: &str = "local:";

/// The name in `local:<name>`, when `s` is one: 1 to 64 ASCII letters, digits, `-` or
/// `_`, so that it is a plain key in storage and a plain value in a URL.
pub fn local_name(s: &str) -> Option<&str> {
    let name = s.strip_prefix(LOCAL)?;
    let plain = name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    (plain && (1..=64).contains(&name.len())).then_some(name)
}

/// Checks `p`, a path relative to the index's folder (a shard) or to the page (a
/// dataset's index), as a browser will resolve it. `Ok` means the browser requests a
/// `.json` file on the same origin, and with `Parent::Refused`, below the folder.
pub fn relative_json(p: &str, parent: Parent) -> Result<(), PathFault> {
    // A shard's path may be long (Chinese folder names are 3 bytes a character); a
    // dataset's address in a link is kept shorter.
    let max = if parent == Parent::Refused { 512 } else { 300 };
    let bad_form = p.is_empty()
        || p.len() > max
        || !p.ends_with(".json")
        || p.chars().any(|c| c.is_control() || c.is_whitespace());
    if p.contains('\\') {
        Err(PathFault::Backslash)
    } else if p.contains('%') {
        Err(PathFault::Encoded)
    } else if p.starts_with('/') || p.contains([':', '?', '#']) {
        Err(PathFault::NotRelative)
    } else if bad_form || p.split('/').any(str::is_empty) {
        Err(PathFault::Form)
    } else if parent == Parent::Refused && p.split('/').any(|s| s == "." || s == "..") {
        Err(PathFault::DotSegment)
    } else {
        Ok(())
    }
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
        ("", Err(Form)),
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
        ("/etc/passwd.json", Err(NotRelative)),
        ("//evil.example/a.json", Err(NotRelative)),
        ("https://evil.example/a.json", Err(NotRelative)),
        ("javascript:alert(1).json", Err(NotRelative)),
        ("C:/data/A.json", Err(NotRelative)),
        ("A.json?x=1", Err(NotRelative)),
        ("A.json#top", Err(NotRelative)),
        ("shards//A.json", Err(Form)),
        ("shards/", Err(Form)),
        ("A.json\n", Err(Form)),
        ("A .json", Err(Form)),
        ("A.json\u{0}", Err(Form)),
        ("shards/A.txt", Err(Form)),
        ("shards/A", Err(Form)),
    ];

    #[test]
    fn shard_paths_as_a_browser_resolves_them() {
        assert!(SHARDS.len() >= 25);
        for &(p, want) in SHARDS {
            assert_eq!(relative_json(p, Parent::Refused), want, "{p:?}");
        }
        let long = format!("{}.json", "a/".repeat(300));
        assert_eq!(relative_json(&long, Parent::Refused), Err(Form));
        let chinese = format!("{}/A.json", "分".repeat(150));
        assert_eq!(relative_json(&chinese, Parent::Refused), Ok(()), "450 bytes of folder name");
        assert_eq!(relative_json(&chinese, Parent::Allowed), Err(Form), "too long for a link");
    }

    /// A dataset's index may be elsewhere on the page's origin, never on another.
    #[test]
    fn an_index_may_go_up_but_not_out() {
        assert_eq!(relative_json("../other/index.json", Parent::Allowed), Ok(()));
        assert_eq!(relative_json("data/province/index.json", Parent::Allowed), Ok(()));
        assert_eq!(relative_json("./index.json", Parent::Allowed), Ok(()));
        assert_eq!(relative_json("%2e%2e/index.json", Parent::Allowed), Err(Encoded));
        assert_eq!(relative_json("https://evil.example/index.json", Parent::Allowed), Err(NotRelative));
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
