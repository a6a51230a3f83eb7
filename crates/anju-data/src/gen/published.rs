//! The demo's published figures come from one table, `docs/published-figures.csv`: the
//! node, the field, the figure as the source wrote it, its date, the source and the
//! source's words around it. The demo preset pins each figure (the stored count is one
//! the words admit: 29.3万 → 293,000, 2万余 → 22,000) and cites it; tests check the
//! shipped data and the page against the same table, and the words against the sources.

use super::{Anchor, GTree};
use crate::format::Lang;
use crate::metric::Metric;
use crate::model::{Claim, Period};
use crate::published::{field_name, FigureDate, Reading};
use crate::relations::Rate;
use std::collections::BTreeMap;

/// The table, compiled in.
pub const TABLE: &str = include_str!("../../../../docs/published-figures.csv");

/// One row of the table.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct Figure {
    pub node: String,
    pub place: String,
    pub field: String,
    pub written: String,
    pub date: String,
    pub source: String,
    /// The source's words around the figure, verbatim.
    pub words: String,
    pub note: String,
}

/// Every row of [`TABLE`]. A malformed row is a bug in the table: the error names it.
pub fn figures() -> Result<Vec<Figure>, String> {
    let mut r = csv::Reader::from_reader(TABLE.as_bytes());
    let mut out = Vec::new();
    for (k, row) in r.deserialize::<Figure>().enumerate() {
        let f = row.map_err(|e| format!("docs/published-figures.csv row {}: {e}", k + 2))?;
        if Reading::parse(&f.written).is_none() || FigureDate::parse(&f.date).is_none() {
            return Err(format!(
                "docs/published-figures.csv row {}: cannot read \"{}\" / \"{}\"",
                k + 2,
                f.written,
                f.date
            ));
        }
        out.push(f);
    }
    Ok(out)
}

/// Metrics and derived figures whose value changes month to month in the generated
/// series; a published one decides where its node's values sit in time.
const CHANGING: &[&str] = &[
    "employed",
    "employed_households",
    "zero_employment_households",
    "away",
    "near_home",
    "workshop",
    "welfare_posts",
    "self_employed",
    "employment_rate",
    "trained",
    "certified",
    "training_sessions",
    "risk_eliminated_households",
    "risk_eliminated_people",
    "risk_red",
    "risk_green",
    "low_income_households",
];

/// Where a figure dated `date` sits among `periods`: at its month when the dataset has
/// it, flat when it is older than the first month, else (undated, or later) at the latest.
fn anchor(date: &str, periods: &[Period]) -> Option<Anchor> {
    let first = periods.first()?;
    match FigureDate::parse(date)? {
        FigureDate::Month(y, m) | FigureDate::Day(y, m, _) => {
            let p = Period { year: y, month: m };
            match periods.iter().position(|q| *q == p) {
                Some(k) => Some(Anchor::At(k)),
                None if p < *first => Some(Anchor::Flat),
                None => None,
            }
        }
        FigureDate::Year(y) if y < first.year => Some(Anchor::Flat),
        _ => None,
    }
}

/// Pins every figure at its node and cites it, one claim per (node, source, date). A
/// claim is placed at its own month when the dataset has it (六盘水市's 2023-11 figures),
/// else at the latest period; figures that change month to month set where the node's
/// values sit in time ([`Anchor`]).
pub(super) fn apply(t: &mut GTree) -> Result<(), String> {
    let periods = t.periods.clone();
    let latest = periods.last().map(|p| p.to_string()).unwrap_or_default();
    let mut claims: BTreeMap<(usize, String, String), Claim> = BTreeMap::new();
    for f in figures()? {
        let ix = t.find(&f.node).ok_or_else(|| format!("published figure for missing node {}", f.node))?;
        if t.nodes[ix].name != f.place {
            return Err(format!("node {} is {}, the table says {}", f.node, t.nodes[ix].name, f.place));
        }
        let reading = Reading::parse(&f.written).expect("checked in figures()");
        match (Metric::from_key(&f.field), f.field.as_str()) {
            (Some(m), _) => t.fix(ix, m, reading.stored().round() as u64),
            (None, "income_per_capita") => t.nodes[ix].income_fixed = Some(reading.stored()),
            (None, "income_growth") => t.nodes[ix].income_yoy = Some(1.0 + reading.stored()),
            // Rates hold through the counts pinned beside them (see the demo plan).
            (None, other) if Rate::by_key(other).is_some() => {}
            (None, other) => return Err(format!("unknown field {other} for node {}", f.node)),
        }
        let at = anchor(&f.date, &periods);
        if CHANGING.contains(&f.field.as_str()) && at.is_some() {
            // A dated month wins over "older than the data" for the same node.
            if !matches!(t.nodes[ix].anchor, Some(Anchor::At(_))) {
                t.nodes[ix].anchor = at;
            }
        }
        let period = match at {
            Some(Anchor::At(k)) => periods[k].to_string(),
            _ => latest.clone(),
        };
        let c = claims.entry((ix, f.source.clone(), f.date.clone())).or_insert_with(|| Claim {
            source: f.source.clone(),
            fields: Vec::new(),
            period,
            date: f.date.clone(),
            written: Default::default(),
            note: String::new(),
        });
        c.fields.push(f.field.clone());
        c.written.insert(f.field.clone(), f.written.clone());
        if !f.note.is_empty() {
            let sep = if c.note.is_empty() { "" } else { "；" };
            c.note = format!("{}{sep}{}：{}", c.note, field_name(&f.field, Lang::Zh), f.note);
        }
    }
    for ((ix, _, _), c) in claims {
        t.nodes[ix].claims.push(c);
    }
    Ok(())
}
