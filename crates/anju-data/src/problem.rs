//! A problem found in a data file: where it is and what is wrong, in Chinese and English.

use std::fmt;

/// What kind of check failed; tests and the UI match on this rather than on wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Check {
    Syntax,
    Format,
    Version,
    FieldType,
    Meta,
    Period,
    DuplicateId,
    EmptyField,
    IdLength,
    IdPrefix,
    DuplicateKey,
    Encoding,
    UnknownMetric,
    BadCount,
    BadIncome,
    SeriesLength,
    Exceeds,
    Partition,
    OwnCount,
    LevelOrder,
    MissingChild,
    Orphan,
    Root,
    ShardPath,
    ShardMissing,
    ShardMismatch,
    Sum,
    IncomeRollup,
    Target,
    Claim,
    /// A map geometry file or the index's `geo` field (`crate::geometry`).
    Geometry,
}

/// Where a problem is: the file, a JSON path inside it, and the node when known.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Location {
    pub file: String,
    /// JSON path such as `$.nodes[3].m.employed[5]`, or `line 4, column 7` for syntax errors.
    pub path: String,
    pub node: Option<String>,
}

impl Location {
    /// In `file` at JSON path (or line and column) `path`, at node `node` (its id clipped
    /// to 80 characters: ids come from the data and may be hostile).
    pub fn new(file: &str, path: impl Into<String>, node: Option<&str>) -> Location {
        Location { file: file.to_string(), path: path.into(), node: node.map(|n| crate::text::clip(n, 80)) }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if !self.path.is_empty() {
            write!(f, " {}", self.path)?;
        }
        if let Some(id) = &self.node {
            write!(f, " (node {id})")?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub check: Check,
    pub at: Location,
    pub zh: String,
    pub en: String,
}

impl Problem {
    pub fn new(check: Check, at: Location, zh: impl Into<String>, en: impl Into<String>) -> Problem {
        Problem { check, at, zh: zh.into(), en: en.into() }
    }
    /// The message in the given language (`"en"`, anything else is Chinese).
    pub fn message(&self, lang: &str) -> &str {
        if lang == "en" {
            &self.en
        } else {
            &self.zh
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} / {}", self.at, self.zh, self.en)
    }
}

/// Collects problems, keeping at most `cap` of them but counting all.
#[derive(Debug)]
pub struct Problems {
    pub list: Vec<Problem>,
    pub total: usize,
    cap: usize,
}

impl Default for Problems {
    fn default() -> Self {
        Problems::with_cap(10_000)
    }
}

impl Problems {
    pub fn with_cap(cap: usize) -> Problems {
        Problems { list: Vec::new(), total: 0, cap }
    }
    pub fn push(&mut self, p: Problem) {
        self.total += 1;
        if self.list.len() < self.cap {
            self.list.push(p);
        }
    }
    pub fn is_empty(&self) -> bool {
        self.total == 0
    }
    pub fn extend(&mut self, other: Problems) {
        self.total += other.total - other.list.len();
        for p in other.list {
            self.push(p);
        }
    }
}
