//! Per-capita net income (yuan) per period: an amount, not a count, so its own form
//! (decimals allowed, `null` where a period has no figure). Read tolerantly, as counts
//! are: a bad cell is kept for the validator to locate.

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// Per-capita net income in yuan per period; `None` where no figure exists (no people).
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Income {
    #[default]
    Absent,
    Const(f64),
    Per(Box<[Option<f64>]>),
    /// The index of the first bad cell (None for the scalar form) and what it was.
    Bad(Option<usize>, &'static str),
}

impl Income {
    pub fn get(&self, t: usize) -> Option<f64> {
        match self {
            Income::Absent | Income::Bad(..) => None,
            Income::Const(v) => Some(*v),
            Income::Per(a) => a.get(t).copied().flatten(),
        }
    }

    pub fn is_absent(&self) -> bool {
        matches!(self, Income::Absent)
    }

    pub fn from_values(values: Vec<Option<f64>>) -> Income {
        if values.iter().all(|v| v.is_none()) {
            Income::Absent
        } else if let Some(Some(first)) = values.first().copied() {
            if values.iter().all(|v| *v == Some(first)) {
                return Income::Const(first);
            }
            Income::Per(values.into_boxed_slice())
        } else {
            Income::Per(values.into_boxed_slice())
        }
    }
}

impl Serialize for Income {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Income::Absent => s.serialize_none(),
            Income::Const(v) => s.serialize_f64(*v),
            Income::Per(a) => a.serialize(s),
            Income::Bad(..) => Err(serde::ser::Error::custom("cannot write bad income")),
        }
    }
}

pub(crate) struct IncomeVisitor;

pub(crate) fn income_cell(v: f64) -> Result<f64, &'static str> {
    if v < 0.0 {
        Err("a negative amount")
    } else if v > 1e12 {
        Err("an implausibly large amount")
    } else {
        Ok(v)
    }
}

impl<'de> Visitor<'de> for IncomeVisitor {
    type Value = Income;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an amount in yuan, null, or an array of them")
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Income, E> {
        self.visit_f64(v as f64)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Income, E> {
        self.visit_f64(v as f64)
    }
    fn visit_f64<E>(self, v: f64) -> Result<Income, E> {
        Ok(match income_cell(v) {
            Ok(v) => Income::Const(v),
            Err(why) => Income::Bad(None, why),
        })
    }
    fn visit_unit<E>(self) -> Result<Income, E> {
        Ok(Income::Absent)
    }
    fn visit_str<E>(self, _: &str) -> Result<Income, E> {
        Ok(Income::Bad(None, "a string"))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Income, E> {
        Ok(Income::Bad(None, "a boolean"))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Income, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Income::Bad(None, "an object"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Income, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(24));
        let mut bad = None;
        while let Some(cell) = seq.next_element::<IncomeCell>()? {
            match cell.0 {
                Ok(v) => out.push(v),
                Err(why) => {
                    bad.get_or_insert((out.len(), why));
                    out.push(None);
                }
            }
        }
        Ok(match bad {
            Some((i, why)) => Income::Bad(Some(i), why),
            None => Income::Per(out.into_boxed_slice()),
        })
    }
}

struct IncomeCell(Result<Option<f64>, &'static str>);

impl<'de> Deserialize<'de> for IncomeCell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<IncomeCell, D::Error> {
        Ok(IncomeCell(match d.deserialize_any(IncomeVisitor)? {
            Income::Absent => Ok(None),
            Income::Const(v) => Ok(Some(v)),
            Income::Bad(_, why) => Err(why),
            Income::Per(_) => Err("an array"),
        }))
    }
}

impl<'de> Deserialize<'de> for Income {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Income, D::Error> {
        d.deserialize_any(IncomeVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn income_forms() {
        let i: Income = serde_json::from_str("[1.5,null,2]").unwrap();
        assert_eq!(i.get(0), Some(1.5));
        assert_eq!(i.get(1), None);
        let i: Income = serde_json::from_str("[1.5,-2]").unwrap();
        assert_eq!(i, Income::Bad(Some(1), "a negative amount"));
        let i: Income = serde_json::from_str("null").unwrap();
        assert!(i.is_absent());
    }
}
