//! What a dataset says about where its figures come from: its metadata (title, date,
//! provenance, the sources it cites, and the basis of every figure no source is cited
//! for), and the claims that figures are as a source published them.

use super::Text;
use crate::metric::Metric;
use crate::published::Words;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// A published source the data cites.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    #[serde(deserialize_with = "crate::text::de_text")]
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty", deserialize_with = "crate::text::de_text")]
    pub publisher: String,
    /// When it was published, free form (`2025-07`).
    #[serde(default, skip_serializing_if = "String::is_empty", deserialize_with = "crate::text::de_text")]
    pub date: String,
    #[serde(default, skip_serializing_if = "String::is_empty", deserialize_with = "crate::text::de_text")]
    pub note: String,
}

/// Dataset metadata, held by the index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub title: Text,
    /// ISO date, `YYYY-MM-DD`.
    pub as_of: String,
    #[serde(default, deserialize_with = "de_prose_text")]
    pub provenance: Text,
    /// Cited sources by id; nodes' `published` claims refer to these ids.
    #[serde(default, deserialize_with = "unique_sources")]
    pub sources: BTreeMap<String, Source>,
    /// Where every figure no source is cited for comes from: synthesised (the default),
    /// or counted from household registers (`anju aggregate`, the browser's import).
    #[serde(default, skip_serializing_if = "Basis::is_synthesised")]
    pub basis: Basis,
}

/// Where a dataset's figures come from when no published source is cited for them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// Made up in the proportions of published figures (the demo, the benchmarks).
    #[default]
    Synthesised,
    /// Counted from household registers (台账), household by household.
    Registers,
}

impl Basis {
    pub fn is_synthesised(&self) -> bool {
        *self == Basis::Synthesised
    }
}

/// serde: a provenance, its languages kept to a paragraph's length (`text::PROSE_MAX`).
fn de_prose_text<'de, D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
    #[derive(Deserialize)]
    struct Prose {
        #[serde(deserialize_with = "crate::text::de_prose")]
        zh: String,
        #[serde(default, deserialize_with = "crate::text::de_prose")]
        en: String,
    }
    let p = Prose::deserialize(d)?;
    Ok(Text { zh: p.zh, en: p.en })
}

/// serde: the sources by id, each id once (a repeated id is refused, as a repeated field).
fn unique_sources<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, Source>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = BTreeMap<String, Source>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object of source id to source")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some(k) = map.next_key::<String>()? {
                if out.contains_key(&k) {
                    let k = crate::text::clip(&k, 40);
                    return Err(serde::de::Error::custom(format!("duplicate field `{k}`")));
                }
                let v = map.next_value()?;
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    d.deserialize_map(V)
}

/// "These fields of this node, placed at this period, are as published in this source."
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub source: String,
    /// Metric keys, or derived figures: a rate of [`crate::relations::RATES`],
    /// `income_per_capita`, `income_growth`.
    pub fields: Vec<String>,
    /// The dataset period the figures are placed at.
    pub period: String,
    /// When the figures were true as the source dates them (`2022`, `2022-03`,
    /// `2023-11-08`); empty when the source does not say ([`crate::published::FigureDate`]).
    #[serde(default, skip_serializing_if = "String::is_empty", deserialize_with = "crate::text::de_text")]
    pub date: String,
    /// The source's own words for each field ("29.3万", "2万余", "92.09%"): the page shows
    /// the figure in this form, and the stored count must be one the words admit.
    #[serde(default, skip_serializing_if = "Words::is_empty")]
    pub written: Words,
    /// Anything else a reader should know about these figures.
    #[serde(default, skip_serializing_if = "String::is_empty", deserialize_with = "crate::text::de_text")]
    pub note: String,
}

/// Derived figures a claim may name besides stored metrics and rates.
pub const DERIVED_FIELDS: &[&str] = &["income_per_capita", "income_growth"];

/// Whether a claim may name `field`: a metric, a rate or a derived figure.
pub fn claimable(field: &str) -> bool {
    Metric::from_key(field).is_some()
        || crate::relations::Rate::by_key(field).is_some()
        || DERIVED_FIELDS.contains(&field)
}
