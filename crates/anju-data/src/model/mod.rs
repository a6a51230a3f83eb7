//! The data format, version 1 (see `docs/data-format.md`).

use crate::metric::Metric;
use crate::series::Income;
mod meta;
mod metrics;

pub use meta::{claimable, Basis, Claim, Meta, Source, DERIVED_FIELDS};
pub use metrics::Metrics;
use serde::{Deserialize, Serialize};
use std::fmt;

pub const FORMAT: &str = "anju-dataset";
/// The version of a file whose figures are in its nodes, and of every file once read.
pub const SCHEMA_VERSION: u32 = 1;
/// The versions the loader reads: 1, and 2 (figures in columns, `crate::columns`), which
/// `anju` writes.
pub const SCHEMA_VERSIONS_READ: [u32; 2] = [SCHEMA_VERSION, crate::columns::VERSION];

/// The administrative levels, from the top. `Region` is an optional root above cities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Region,
    City,
    County,
    Site,
    Community,
    Grid,
    Building,
}

impl Level {
    pub const ALL: [Level; 7] =
        [Level::Region, Level::City, Level::County, Level::Site, Level::Community, Level::Grid, Level::Building];
    pub fn key(self) -> &'static str {
        match self {
            Level::Region => "region",
            Level::City => "city",
            Level::County => "county",
            Level::Site => "site",
            Level::Community => "community",
            Level::Grid => "grid",
            Level::Building => "building",
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            Level::Region => "区域",
            Level::City => "市(州)",
            Level::County => "县(区)",
            Level::Site => "安置点",
            Level::Community => "社区",
            Level::Grid => "网格",
            Level::Building => "楼栋",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Level::Region => "Region",
            Level::City => "City",
            Level::County => "County",
            Level::Site => "Site",
            Level::Community => "Community",
            Level::Grid => "Grid",
            Level::Building => "Building",
        }
    }
    /// The structural count a node of this level contributes (a site counts 1 in `sites`).
    pub fn own_count_metric(self) -> Option<Metric> {
        match self {
            Level::Site => Some(Metric::Sites),
            Level::Community => Some(Metric::Communities),
            Level::Grid => Some(Metric::Grids),
            Level::Building => Some(Metric::Buildings),
            _ => None,
        }
    }
}

/// A month, `YYYY-MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub year: u16,
    pub month: u8,
}

impl Period {
    pub fn parse(s: &str) -> Option<Period> {
        let b = s.as_bytes();
        if b.len() != 7 || b[4] != b'-' || !b[..4].iter().chain(&b[5..]).all(u8::is_ascii_digit) {
            return None;
        }
        let year: u16 = s[..4].parse().ok()?;
        let month: u8 = s[5..].parse().ok()?;
        ((1..=12).contains(&month) && year >= 1900).then_some(Period { year, month })
    }
    /// Months since year 0, so that differences are easy.
    pub fn ordinal(self) -> i32 {
        self.year as i32 * 12 + self.month as i32 - 1
    }
    pub fn from_ordinal(o: i32) -> Period {
        Period { year: (o.div_euclid(12)) as u16, month: (o.rem_euclid(12) + 1) as u8 }
    }
    /// The same month a year earlier.
    pub fn year_before(self) -> Period {
        Period { year: self.year - 1, month: self.month }
    }
}

/// Where the same month a year before `periods[t]` is in `periods`, if the list has it
/// (a list with a month missing has no fixed distance between a month and its year before):
/// the one rule for "a year before", read by the page's growth and by the validator's
/// check of a source's stated growth.
pub fn year_before_ix(periods: &[Period], t: usize) -> Option<usize> {
    let want = periods.get(t)?.year_before();
    periods.iter().position(|p| *p == want)
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Text in both languages; English may be missing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Text {
    #[serde(deserialize_with = "crate::text::de_text")]
    pub zh: String,
    #[serde(default, skip_serializing_if = "String::is_empty", deserialize_with = "crate::text::de_text")]
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text { zh: zh.into(), en: en.into() }
    }

    /// The text in `lang`; Chinese where the English is missing.
    pub fn get(&self, lang: crate::domain::Lang) -> &str {
        match lang {
            crate::domain::Lang::En if !self.en.is_empty() => &self.en,
            _ => &self.zh,
        }
    }
}

/// Policy targets for a node. Rates are fractions (0.95 = 95%).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Targets {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment_rate: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub income_per_capita: Option<f64>,
}

impl Targets {
    pub fn is_empty(&self) -> bool {
        self.employment_rate.is_none() && self.income_per_capita.is_none()
    }
}

/// Attributes only buildings have (units and dwellings are additive metrics instead).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BuildingInfo {
    pub floors: u32,
}

/// One place in the tree.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Node {
    pub id: String,
    /// Cleaned as it is read (`text::clean`): names are untrusted and shown everywhere.
    #[serde(deserialize_with = "crate::text::de_name")]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::text::de_opt_name")]
    pub name_en: Option<String>,
    pub level: Level,
    /// Ids of the children, in display order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<String>,
    /// Version 2: the children's ids written after this node's id and a hyphen (`S1` for
    /// `520603-S1`). `Vec::new()` once read: the loader moves them into `children`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub child_suffixes: Vec<String>,
    /// Where the children live when not in this file: a path relative to the index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shard: Option<String>,
    #[serde(default, skip_serializing_if = "Metrics::is_empty")]
    pub m: Metrics,
    /// Per-capita net income (yuan); its roll-up weight is `m.income_people`.
    #[serde(default, skip_serializing_if = "Income::is_absent")]
    pub income: Income,
    #[serde(default, skip_serializing_if = "Targets::is_empty")]
    pub targets: Targets,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub building: Option<BuildingInfo>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub published: Vec<Claim>,
}

impl Node {
    pub fn new(id: impl Into<String>, name: impl Into<String>, level: Level) -> Node {
        Node {
            id: id.into(),
            name: name.into(),
            name_en: None,
            level,
            children: Vec::new(),
            child_suffixes: Vec::new(),
            shard: None,
            m: Metrics::default(),
            income: Income::Absent,
            targets: Targets::default(),
            building: None,
            published: Vec::new(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileKind {
    /// The entry file: metadata and the top of the tree (or all of it).
    Index,
    /// The subtrees below one node, named by `parent`.
    Shard,
}

/// One JSON file of a dataset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DataFile {
    pub format: String,
    pub schema_version: u32,
    pub kind: FileKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dataset: Option<Meta>,
    /// Index: the id of the root node.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root: Option<String>,
    /// Shard: the id of the node (in the file that names this shard) whose children it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Every file repeats the periods so that it can be checked on its own.
    pub periods: Vec<String>,
    pub nodes: Vec<Node>,
    /// Version 2: every node's counts by metric, one cell per node (`crate::columns`).
    /// `None` once read: [`crate::load::parse_file`] moves them into the nodes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub m: Option<crate::columns::CountColumns>,
    /// Version 2: every node's per-capita income, one cell per node.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub income: Option<crate::columns::IncomeColumn>,
    /// Index: the map's geometry files and their source (`crate::geometry`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo: Option<crate::geometry::GeoRefs>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::series::Series;

    #[test]
    fn a_provenance_keeps_a_paragraph_and_a_title_a_line() {
        let long = |n: usize| "字".repeat(n);
        let json = format!(
            r#"{{"title": {{"zh": "{}"}}, "as_of": "2025-06-30", "provenance": {{"zh": "{}", "en": "{}"}}}}"#,
            long(400),
            long(1_100),
            long(2_500)
        );
        let m: Meta = serde_json::from_str(&json).unwrap();
        assert_eq!(m.provenance.zh.chars().count(), 1_100, "kept whole");
        // Clipped texts keep their first characters and end in "…".
        assert_eq!(m.provenance.en.chars().count(), crate::text::PROSE_MAX + 1, "clipped at a paragraph's length");
        assert!(m.provenance.en.ends_with('…'));
        assert_eq!(m.title.zh.chars().count(), crate::text::TEXT_MAX + 1);
    }

    #[test]
    fn periods_parse_strictly() {
        assert_eq!(Period::parse("2024-06"), Some(Period { year: 2024, month: 6 }));
        for bad in ["2024-13", "2024-00", "2024-6", "24-06", "2024/06", "２０２４-06", "", "2024-06-01"] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
        let p = Period::parse("2024-01").unwrap();
        assert_eq!(Period::from_ordinal(p.ordinal() - 1).to_string(), "2023-12");
        assert_eq!(p.year_before().to_string(), "2023-01");
    }

    #[test]
    fn node_round_trips_with_compact_metrics() {
        let mut n = Node::new("1", "甲", Level::Building);
        n.m.set(Metric::People, Series::Const(5));
        n.m.set(Metric::Employed, Series::Per(vec![1, 2].into()));
        let json = serde_json::to_string(&n).unwrap();
        assert!(json.contains(r#""m":{"people":5,"employed":[1,2]}"#), "{json}");
        let back: Node = serde_json::from_str(&json).unwrap();
        assert_eq!(back, n);
    }

    #[test]
    fn unknown_metric_keys_are_kept_for_reporting() {
        let n: Node = serde_json::from_str(r#"{"id":"1","name":"a","level":"grid","m":{"peeple":3}}"#).unwrap();
        assert_eq!(n.m.unknown, vec!["peeple".to_string()]);
    }
}
