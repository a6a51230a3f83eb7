//! A node's stored counts: dense by metric, read from and written as a JSON object of
//! metric key to count (or to one count per period). A key twice is refused.

use crate::metric::{Metric, N_METRICS};
use crate::relations::MetricSet;
use crate::series::Series;
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Every stored count of a node, dense by [`Metric::index`]. Absent keys read as 0.
#[derive(Clone, Debug)]
pub struct Metrics {
    pub values: Box<[Series; N_METRICS]>,
    /// Keys the reader did not recognise, reported by the validator.
    pub unknown: Vec<String>,
    /// The metrics this node carries (a key read, or a value set). Writers leave zeros
    /// out, so a file's relations are checked over the union of its nodes' sets.
    pub present: MetricSet,
}

/// Equal values are equal metrics, whichever keys carried them (zeros are not written).
impl PartialEq for Metrics {
    fn eq(&self, other: &Metrics) -> bool {
        self.values == other.values && self.unknown == other.unknown
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics {
            values: Box::new(std::array::from_fn(|_| Series::Const(0))),
            unknown: Vec::new(),
            present: MetricSet::default(),
        }
    }
}

impl Metrics {
    #[inline]
    pub fn get(&self, m: Metric, t: usize) -> u64 {
        self.values[m.index()].get(t)
    }
    #[inline]
    pub fn series(&self, m: Metric) -> &Series {
        &self.values[m.index()]
    }
    pub fn set(&mut self, m: Metric, s: Series) {
        self.values[m.index()] = s;
        self.present.insert(m);
    }
}

impl Serialize for Metrics {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let n = self.values.iter().filter(|v| !v.is_zero()).count();
        let mut map = s.serialize_map(Some(n))?;
        for m in Metric::ALL {
            let v = &self.values[m.index()];
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
                Some(m) => {
                    out.values[m.index()] = map.next_value()?;
                    out.present.insert(m);
                }
                None => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                    out.unknown.push(key.into_owned());
                }
            }
        }
        Ok(out)
    }
}

impl<'de> Deserialize<'de> for Metrics {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Metrics, D::Error> {
        d.deserialize_map(MetricsVisitor)
    }
}
