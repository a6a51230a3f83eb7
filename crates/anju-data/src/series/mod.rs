//! Per-period values. A series is stored either as one number (the same in every period)
//! or as an array with one entry per period; the scalar form keeps files small because
//! most counts (people, buildings, groups) change rarely from month to month.
//!
//! Deserialisation is tolerant on purpose: a negative or fractional count does not abort
//! the parse but becomes a [`Series::Bad`], so the validator can report every bad value
//! with its location instead of only the first.

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

mod income;
pub use income::Income;

/// Version 1's readers of one income value, for version 2's income column.
pub(crate) mod income_visitor {
    pub(crate) use super::income::{income_cell as cell, IncomeVisitor as V};
}

/// What was wrong with a value that should have been a count.
#[derive(Clone, Debug, PartialEq)]
pub enum BadValue {
    Negative(i64),
    Fraction(f64),
    /// A whole number past u64::MAX (18,446,744,073,709,551,615): no count is that large.
    TooLarge(f64),
    /// A string, boolean, null, array or object where a count belongs.
    NotANumber(&'static str),
}

impl fmt::Display for BadValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BadValue::Negative(v) => write!(f, "{v}"),
            BadValue::Fraction(v) | BadValue::TooLarge(v) => write!(f, "{v}"),
            BadValue::NotANumber(what) => f.write_str(what),
        }
    }
}

/// One count per period, held in 4 bytes each when every count fits (all real ones do:
/// a province's people are millions), else in 8; the choice is made here, from the
/// values, so no count is ever narrowed. A loaded county holds thousands of these
/// (issue 18: the wide form alone was about a third of a shard's memory).
#[derive(Clone, Debug)]
pub enum PerPeriod {
    Narrow(Box<[u32]>),
    Wide(Box<[u64]>),
}

impl PerPeriod {
    pub fn len(&self) -> usize {
        match self {
            PerPeriod::Narrow(a) => a.len(),
            PerPeriod::Wide(a) => a.len(),
        }
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The count at period `t`, if there is one.
    #[inline]
    pub fn get(&self, t: usize) -> Option<u64> {
        match self {
            PerPeriod::Narrow(a) => a.get(t).map(|&v| v.into()),
            PerPeriod::Wide(a) => a.get(t).copied(),
        }
    }
    /// The counts in period order.
    pub fn iter(&self) -> impl Iterator<Item = u64> + '_ {
        (0..self.len()).filter_map(move |t| self.get(t))
    }
}

impl From<Vec<u64>> for PerPeriod {
    fn from(values: Vec<u64>) -> PerPeriod {
        // Checked first, then copied at its exact size (no growing and shrinking: a
        // national index makes about 80,000 of these as it loads).
        if values.iter().all(|&v| v <= u64::from(u32::MAX)) {
            PerPeriod::Narrow(values.iter().map(|&v| v as u32).collect())
        } else {
            PerPeriod::Wide(values.into_boxed_slice())
        }
    }
}

/// Equal counts are equal, whichever width holds them.
impl PartialEq for PerPeriod {
    fn eq(&self, other: &PerPeriod) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Serialize for PerPeriod {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// A count per period.
#[derive(Clone, Debug, PartialEq)]
pub enum Series {
    Const(u64),
    Per(PerPeriod),
    /// The first bad cell: its index in the array (None for the scalar form) and value.
    /// Boxed: rare, and the two good forms fit in 16 bytes without it.
    Bad(Box<(Option<usize>, BadValue)>),
}

impl Default for Series {
    fn default() -> Self {
        Series::Const(0)
    }
}

impl Series {
    /// The value at period `t`; 0 for a bad series or an index past the end (the
    /// validator reports both, so callers that run after validation never see them).
    #[inline]
    pub fn get(&self, t: usize) -> u64 {
        match self {
            Series::Const(v) => *v,
            Series::Per(a) => a.get(t).unwrap_or(0),
            Series::Bad(..) => 0,
        }
    }

    pub fn is_zero(&self) -> bool {
        match self {
            Series::Const(v) => *v == 0,
            Series::Per(a) => a.iter().all(|v| v == 0),
            Series::Bad(..) => false,
        }
    }

    /// Builds the compact form: a scalar when every period holds the same value.
    pub fn from_values(values: Vec<u64>) -> Series {
        match values.first() {
            Some(&first) if values.iter().all(|v| *v == first) => Series::Const(first),
            Some(_) => Series::Per(values.into()),
            None => Series::Const(0),
        }
    }

    pub fn to_values(&self, periods: usize) -> Vec<u64> {
        (0..periods).map(|t| self.get(t)).collect()
    }
}

impl Serialize for Series {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Series::Const(v) => s.serialize_u64(*v),
            Series::Per(a) => a.serialize(s),
            Series::Bad(..) => Err(serde::ser::Error::custom("cannot write a bad series")),
        }
    }
}

pub(crate) enum Cell {
    Ok(u64),
    Bad(BadValue),
}

pub(crate) struct CellVisitor;

impl<'de> Visitor<'de> for CellVisitor {
    type Value = Cell;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a non-negative whole number")
    }
    fn visit_u64<E>(self, v: u64) -> Result<Cell, E> {
        Ok(Cell::Ok(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Cell, E> {
        Ok(if v < 0 { Cell::Bad(BadValue::Negative(v)) } else { Cell::Ok(v as u64) })
    }
    fn visit_f64<E>(self, v: f64) -> Result<Cell, E> {
        // Spreadsheets export whole numbers as 12.0; accept those, flag real fractions.
        const TWO_TO_64: f64 = 18_446_744_073_709_551_616.0;
        Ok(match v {
            _ if v.fract() != 0.0 => Cell::Bad(BadValue::Fraction(v)),
            _ if v >= TWO_TO_64 => Cell::Bad(BadValue::TooLarge(v)),
            _ if v >= 0.0 => Cell::Ok(v as u64),
            _ if v >= -9.2e18 => Cell::Bad(BadValue::Negative(v as i64)),
            _ => Cell::Bad(BadValue::Fraction(v)),
        })
    }
    fn visit_str<E>(self, _: &str) -> Result<Cell, E> {
        Ok(Cell::Bad(BadValue::NotANumber("a string")))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Cell, E> {
        Ok(Cell::Bad(BadValue::NotANumber("a boolean")))
    }
    fn visit_unit<E>(self) -> Result<Cell, E> {
        Ok(Cell::Bad(BadValue::NotANumber("null")))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Cell, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Cell::Bad(BadValue::NotANumber("an array")))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Cell, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Cell::Bad(BadValue::NotANumber("an object")))
    }
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Cell, D::Error> {
        d.deserialize_any(CellVisitor)
    }
}

struct SeriesVisitor;

impl<'de> Visitor<'de> for SeriesVisitor {
    type Value = Series;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a count or an array of counts")
    }
    fn visit_u64<E>(self, v: u64) -> Result<Series, E> {
        Ok(Series::Const(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Series, E> {
        lift(CellVisitor.visit_i64(v)?)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Series, E> {
        lift(CellVisitor.visit_f64(v)?)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Series, E> {
        lift(CellVisitor.visit_str(v)?)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Series, E> {
        lift(CellVisitor.visit_bool(v)?)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Series, E> {
        lift(CellVisitor.visit_unit()?)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Series, A::Error> {
        lift(CellVisitor.visit_map(map)?)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Series, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(24));
        let mut bad = None;
        while let Some(cell) = seq.next_element::<Cell>()? {
            match cell {
                Cell::Ok(v) => out.push(v),
                Cell::Bad(b) => {
                    if bad.is_none() {
                        bad = Some((out.len(), b));
                    }
                    out.push(0);
                }
            }
        }
        Ok(match bad {
            Some((i, b)) => Series::Bad(Box::new((Some(i), b))),
            None => Series::Per(out.into()),
        })
    }
}

/// One scalar cell read as version 1 reads a count (for version 2's columns).
pub(crate) fn lift_cell<E>(read: impl FnOnce(CellVisitor) -> Result<Cell, E>) -> Result<Series, E> {
    lift(read(CellVisitor)?)
}

fn lift<E>(c: Cell) -> Result<Series, E> {
    Ok(match c {
        Cell::Ok(v) => Series::Const(v),
        Cell::Bad(b) => Series::Bad(Box::new((None, b))),
    })
}

impl<'de> Deserialize<'de> for Series {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Series, D::Error> {
        d.deserialize_any(SeriesVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(json: &str) -> Series {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn scalar_and_array_forms() {
        assert_eq!(s("7"), Series::Const(7));
        assert_eq!(s("[1,2,3]"), Series::Per(vec![1, 2, 3].into()));
        assert_eq!(s("12.0"), Series::Const(12));
        assert_eq!(s("[1,2,3]").get(2), 3);
        assert_eq!(s("[1,2,3]").get(9), 0);
    }

    #[test]
    fn bad_cells_are_kept_not_fatal() {
        assert_eq!(s("-3"), Series::Bad(Box::new((None, BadValue::Negative(-3)))));
        assert_eq!(s("[1,-2,3]"), Series::Bad(Box::new((Some(1), BadValue::Negative(-2)))));
        assert_eq!(s("[1,2.5]"), Series::Bad(Box::new((Some(1), BadValue::Fraction(2.5)))));
        assert_eq!(s("18446744073709551615"), Series::Const(u64::MAX));
        assert_eq!(
            s("18446744073709551616"),
            Series::Bad(Box::new((None, BadValue::TooLarge(18446744073709551616.0))))
        );
        assert_eq!(
            s(r#"[1,"x",[1],{"a":1},null,true]"#),
            Series::Bad(Box::new((Some(1), BadValue::NotANumber("a string"))))
        );
        assert_eq!(s("\"x\""), Series::Bad(Box::new((None, BadValue::NotANumber("a string")))));
    }

    #[test]
    fn compact_form_round_trips() {
        assert_eq!(Series::from_values(vec![4, 4, 4]), Series::Const(4));
        let per = Series::from_values(vec![4, 5]);
        assert_eq!(serde_json::to_string(&per).unwrap(), "[4,5]");
        assert_eq!(per.to_values(2), vec![4, 5]);
    }
}
