//! The demo's published figures come from one table, `docs/published-figures.csv`: the
//! node, the field, the figure as the source wrote it, its date, the source and the
//! source's words around it. The demo preset pins each figure (the stored count is one
//! the words admit: 29.3万 → 293,000, 2万余 → 22,000) and cites it; tests check the
//! shipped data and the page against the same table, and the words against the sources.

use super::GTree;
use crate::format::Lang;
use crate::metric::Metric;
use crate::model::Claim;
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

/// Pins every figure at its node and cites it, one claim per (node, source, date), placed
/// at `period`. Returns the rows whose node is not in the tree (a bug in the plan).
pub(super) fn apply(t: &mut GTree, period: &str) -> Result<(), String> {
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
        let c = claims.entry((ix, f.source.clone(), f.date.clone())).or_insert_with(|| Claim {
            source: f.source.clone(),
            fields: Vec::new(),
            period: period.to_string(),
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
