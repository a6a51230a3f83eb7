//! A node's stored counts: sparse by metric (only the keys a file carried, or a builder
//! set, take room), read from and written as a JSON object of metric key to count (or to
//! one count per period). A key twice is refused.

use crate::metric::Metric;
use crate::relations::MetricSet;
use crate::series::Series;
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// What an absent metric reads as.
static ZERO: Series = Series::Const(0);

/// Every stored count of a node. Absent keys read as 0. Only the metrics in `present`
/// are held, in [`Metric::index`] order: a building carries about 40 of the 75 metrics,
/// and a loaded county holds hundreds of buildings (issue 18 measured the dense form at
/// 1.8 KB a node in wasm).
#[derive(Clone, Debug, Default)]
pub struct Metrics {
    /// One value per metric of `present`, in metric order.
    values: Vec<Series>,
    /// Keys the reader did not recognise, reported by the validator.
    pub unknown: Vec<String>,
    /// Which metrics `values` holds: private, since a bit without its value would shift
    /// every value after it onto the wrong metric.
    present: MetricSet,
}

/// Equal values are equal metrics, whichever keys carried them (zeros are not written).
impl PartialEq for Metrics {
    fn eq(&self, other: &Metrics) -> bool {
        Metric::ALL.iter().all(|&m| self.series(m) == other.series(m)) && self.unknown == other.unknown
    }
}

impl Metrics {
    #[inline]
    pub fn get(&self, m: Metric, t: usize) -> u64 {
        self.series(m).get(t)
    }
    #[inline]
    pub fn series(&self, m: Metric) -> &Series {
        if self.present.contains(m) {
            &self.values[self.present.rank(m)]
        } else {
            &ZERO
        }
    }
    pub fn set(&mut self, m: Metric, s: Series) {
        let at = self.present.rank(m);
        if self.present.contains(m) {
            self.values[at] = s;
        } else {
            self.values.insert(at, s);
            self.present.insert(m);
        }
    }
    /// The metrics this node carries (a key read, or a value set). Writers leave zeros
    /// out, so a file's relations are checked over the union of its nodes' sets.
    pub fn present(&self) -> MetricSet {
        self.present
    }
    /// Nothing held: no value and no unrecognised key.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty() && self.unknown.is_empty()
    }
    /// The values held (each metric of `present`, in metric order).
    pub fn stored(&self) -> &[Series] {
        &self.values
    }
    /// Gives back room kept for values not yet set (a reader's last step).
    fn shrink(&mut self) {
        self.values.shrink_to_fit();
    }
}

impl Serialize for Metrics {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let n = self.values.iter().filter(|v| !v.is_zero()).count();
        let mut map = s.serialize_map(Some(n))?;
        for m in Metric::ALL {
            let v = self.series(*m);
            if !v.is_zero() {
                map.serialize_entry(m.key(), v)?;
            }
        }
        map.end()
    }
}

struct MetricsVisitor;

impl<'de> Visitor<'de> for MetricsVisitor {
    type Value = Metrics;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of metric name to count")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Metrics, A::Error> {
        let mut out = Metrics::default();
        // Borrowed keys avoid an allocation per key; escaped keys fall back to owned.
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match Metric::from_key(&key) {
                // Two values for one metric cannot both be true, and JSON readers differ
                // in which they keep: refused, located, as a repeated node field is.
                Some(m) if out.present.contains(m) => return Err(serde::de::Error::duplicate_field(m.key())),
                Some(m) => out.set(m, map.next_value()?),
                None => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                    out.unknown.push(key.into_owned());
                }
            }
        }
        out.shrink();
        Ok(out)
    }
}

impl<'de> Deserialize<'de> for Metrics {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Metrics, D::Error> {
        d.deserialize_map(MetricsVisitor)
    }
}
