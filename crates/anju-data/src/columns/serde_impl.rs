//! Reading and writing the columns. Tolerant as version 1's cells are: a bad cell is kept
//! (a bad series or income) for the validator to report at its node.

use super::code;
use super::{CountColumns, IncomeColumn};
use crate::series::{income_visitor, lift_cell, BadValue, Income, Series};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// Yuan to fen, when `v` is a whole number of fen that a double holds exactly.
fn fen(v: f64) -> Option<i64> {
    let f = (v * 100.0).round();
    (f / 100.0 == v && f.abs() < 9e15).then_some(f as i64)
}

struct CountCells<'a>(&'a [Option<Series>]);

impl Serialize for CountCells<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for cell in self.0 {
            match cell {
                None => seq.serialize_element(&())?,
                Some(Series::Const(v)) => seq.serialize_element(v)?,
                Some(Series::Per(a)) => seq.serialize_element(&code::write_counts(a.iter()))?,
                Some(Series::Bad(..)) => return Err(serde::ser::Error::custom("cannot write a bad series")),
            }
        }
        seq.end()
    }
}

impl Serialize for CountColumns {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (key, cells) in &self.0 {
            map.serialize_entry(key, &CountCells(cells))?;
        }
        map.end()
    }
}

/// A series string's counts, or the first that is not a count, at its period. A string
/// that does not read at all is [`BadValue::NotANumber`] whatever else is wrong with it.
/// Read in one pass into a vector of the right size: a national index holds about 80,000
/// of these strings.
fn counts(s: &str) -> Series {
    let mut values = Vec::with_capacity(code::len(s));
    let mut bad = None;
    let read = code::each_count(s, |v| {
        if bad.is_some() {
            return;
        }
        match u64::try_from(v) {
            Ok(v) => values.push(v),
            Err(_) if v < 0 => bad = Some((values.len(), BadValue::Negative(i64::try_from(v).unwrap_or(i64::MIN)))),
            Err(_) => bad = Some((values.len(), BadValue::TooLarge(v as f64))),
        }
    });
    match (read, bad) {
        (Err(why), _) => Series::Bad(Box::new((None, BadValue::NotANumber(why)))),
        (Ok(()), Some((t, why))) => Series::Bad(Box::new((Some(t), why))),
        (Ok(()), None) => Series::Per(values.into()),
    }
}

struct CountCell(Option<Series>);

struct CountCellVisitor;

impl<'de> Visitor<'de> for CountCellVisitor {
    type Value = CountCell;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("null, a count or a series string")
    }
    fn visit_unit<E>(self) -> Result<CountCell, E> {
        Ok(CountCell(None))
    }
    fn visit_none<E>(self) -> Result<CountCell, E> {
        Ok(CountCell(None))
    }
    fn visit_str<E>(self, v: &str) -> Result<CountCell, E> {
        Ok(CountCell(Some(counts(v))))
    }
    // Anything else is read as version 1 reads one cell of a series (an array is not a
    // cell: version 1's array form is not one of version 2's).
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<CountCell, E> {
        lift_cell(|c| c.visit_u64(v)).map(|s| CountCell(Some(s)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<CountCell, E> {
        lift_cell(|c| c.visit_i64(v)).map(|s| CountCell(Some(s)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<CountCell, E> {
        lift_cell(|c| c.visit_f64(v)).map(|s| CountCell(Some(s)))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<CountCell, E> {
        lift_cell(|c| c.visit_bool(v)).map(|s| CountCell(Some(s)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<CountCell, A::Error> {
        lift_cell(|c| c.visit_seq(seq)).map(|s| CountCell(Some(s)))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<CountCell, A::Error> {
        lift_cell(|c| c.visit_map(map)).map(|s| CountCell(Some(s)))
    }
}

impl<'de> Deserialize<'de> for CountCell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<CountCell, D::Error> {
        d.deserialize_any(CountCellVisitor)
    }
}

struct ColumnsVisitor;

impl<'de> Visitor<'de> for ColumnsVisitor {
    type Value = CountColumns;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of metric name to one cell per node")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CountColumns, A::Error> {
        let mut out: Vec<(String, Vec<Option<Series>>)> = Vec::new();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            // Two columns for one metric cannot both be true: refused, located.
            if out.iter().any(|(k, _)| *k == key) {
                return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
            }
            let cells: Vec<CountCell> = map.next_value()?;
            out.push((key.into_owned(), cells.into_iter().map(|c| c.0).collect()));
        }
        Ok(CountColumns(out))
    }
}

impl<'de> Deserialize<'de> for CountColumns {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<CountColumns, D::Error> {
        d.deserialize_map(ColumnsVisitor)
    }
}

struct IncomeCell<'a>(&'a Income);

impl Serialize for IncomeCell<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Income::Per(a) => match a.iter().map(|v| v.and_then(fen)).collect::<Option<Vec<i64>>>() {
                Some(f) => s.serialize_str(&code::write_fen(&f)),
                None => self.0.serialize(s),
            },
            other => other.serialize(s),
        }
    }
}

impl Serialize for IncomeColumn {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for cell in &self.0 {
            seq.serialize_element(&IncomeCell(cell))?;
        }
        seq.end()
    }
}

/// A fen series string's incomes in yuan, or the first out of range, at its period.
fn incomes(s: &str) -> Income {
    let values = match code::read_fen(s) {
        Ok(v) => v,
        Err(why) => return Income::Bad(None, why),
    };
    let mut out = Vec::with_capacity(values.len());
    for (t, f) in values.into_iter().enumerate() {
        // fen / 100 rounds correctly, so it is the double a decimal figure reads as.
        match income_visitor::cell(f as f64 / 100.0) {
            Ok(v) if (0..=100_000_000_000_000).contains(&f) => out.push(Some(v)),
            Ok(_) => return Income::Bad(Some(t), "an implausibly large amount"),
            Err(why) => return Income::Bad(Some(t), why),
        }
    }
    Income::Per(out.into_boxed_slice())
}

struct IncomeCellOwned(Income);

struct IncomeCellVisitor;

impl<'de> Visitor<'de> for IncomeCellVisitor {
    type Value = IncomeCellOwned;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("null, an amount in yuan, an array of them, or a series string of fen")
    }
    fn visit_str<E>(self, v: &str) -> Result<IncomeCellOwned, E> {
        Ok(IncomeCellOwned(incomes(v)))
    }
    fn visit_unit<E: de::Error>(self) -> Result<IncomeCellOwned, E> {
        income_visitor::V.visit_unit().map(IncomeCellOwned)
    }
    fn visit_none<E: de::Error>(self) -> Result<IncomeCellOwned, E> {
        income_visitor::V.visit_unit().map(IncomeCellOwned)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<IncomeCellOwned, E> {
        income_visitor::V.visit_u64(v).map(IncomeCellOwned)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<IncomeCellOwned, E> {
        income_visitor::V.visit_i64(v).map(IncomeCellOwned)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<IncomeCellOwned, E> {
        income_visitor::V.visit_f64(v).map(IncomeCellOwned)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<IncomeCellOwned, E> {
        income_visitor::V.visit_bool(v).map(IncomeCellOwned)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<IncomeCellOwned, A::Error> {
        income_visitor::V.visit_seq(seq).map(IncomeCellOwned)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<IncomeCellOwned, A::Error> {
        income_visitor::V.visit_map(map).map(IncomeCellOwned)
    }
}

impl<'de> Deserialize<'de> for IncomeCellOwned {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<IncomeCellOwned, D::Error> {
        d.deserialize_any(IncomeCellVisitor)
    }
}

impl<'de> Deserialize<'de> for IncomeColumn {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<IncomeColumn, D::Error> {
        let cells: Vec<IncomeCellOwned> = Vec::deserialize(d)?;
        Ok(IncomeColumn(cells.into_iter().map(|c| c.0).collect()))
    }
}
