//! Households in, the dashboard's data out: counts per building and period, rolled up
//! through grid, community, site, county and city, laid out in the sharded format and
//! checked by the validator from its own bytes. No file system and no clock, so that the
//! `anju` command and the browser's import worker give the same bytes for the same files.
//!
//! A run reads files one at a time ([`Run::file`]); a file's households count only once
//! the whole file was read. [`Run::finish`] refuses what would make a figure silently
//! wrong (no household at all; one building and period in two files).

mod summary;
pub mod tree;

pub use summary::{missing_columns, Overlap, Summary};

use crate::inspect::preview;
use crate::row::RowProblem;
use crate::{read_stream, FileError, Item};
use anju_data::import::FilePreview;
use anju_data::metric::Metric;
use anju_data::model::Period;
use anju_data::write::{layout, WriteOptions, Written};
use std::collections::{BTreeMap, HashMap};
use tree::{build, Acc, FileSums};

/// How a run reads and what it refuses.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// How registers are read: encoding, and period and place for sheets without them.
    pub read: crate::Options,
    /// Any problem stops the run (`--strict`).
    pub strict: bool,
    /// Variant → canonical place names (`--aliases`).
    pub aliases: crate::names::Aliases,
    /// Sum a building and period found in two files instead of refusing (`--allow-split`).
    pub allow_split: bool,
    /// The dataset's title (default 台账汇总).
    pub title: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum AggError {
    #[error(transparent)]
    File(#[from] FileError),
    #[error("{path}: 无法读取 / cannot be read: {message}")]
    Io { path: String, message: String },
    #[error("{file}: {zh} / {en}")]
    MissingColumns { file: String, zh: String, en: String },
    #[error("--strict: {0}")]
    Strict(Box<RowProblem>),
    #[error("没有有效的户记录 / no valid household rows")]
    NoRows(Box<Summary>),
    #[error("同一楼栋、同一统计期出现在两个文件（或一个工作簿的两个工作表）中（见上）：若其中一个是副本（如“（修改版）”“Sheet1 (2)”），只保留一个；若该楼确实分在几处登记，{} / the same building and period are in two files (or two sheets of one workbook), listed above: if one is a copy (such as a \"（修改版）\" or \"Sheet1 (2)\"), keep one; if the building really is registered in parts, {}", split().0, split().1)]
    Overlap(Box<Summary>),
    #[error("汇总结果未通过校验 / the aggregated data failed validation: {0}")]
    Invalid(String),
    #[error("{path}: 无法写入 / cannot write: {message}")]
    Write { path: String, message: String },
}

/// What to do when a building really is registered across files.
fn split() -> (String, String) {
    crate::flags::give(anju_data::import::Choice::AllowSplit, ("", ""))
}

/// A building's sums per period, and the file its first household came from (to find the
/// same building and period in two files). A building has a few periods: a small vec, not
/// a map (a BTreeMap leaf reserves room for 11 of these 528-byte sums, which at 175,000
/// buildings is ~900 MB).
type PerPeriod = Vec<(Period, Acc, u32)>;

/// A run in progress: the files read so far and what they found.
pub struct Run<'a> {
    opts: &'a Options,
    /// What the run found so far (the caller adds the files it did not read).
    pub summary: Summary,
    /// Every file given to the run, in order (a file's number is its place here).
    names: Vec<String>,
    buildings: HashMap<[String; 6], PerPeriod>,
    overlaps: BTreeMap<([String; 6], Period), (u32, u32)>,
    /// Buildings and periods found in two sheets of one workbook.
    sheet_overlaps: Vec<Overlap>,
    alias_uses: HashMap<String, u64>,
}

impl<'a> Run<'a> {
    pub fn new(opts: &'a Options) -> Run<'a> {
        Run {
            opts,
            summary: Summary::default(),
            names: Vec::new(),
            buildings: HashMap::new(),
            overlaps: BTreeMap::new(),
            sheet_overlaps: Vec::new(),
            alias_uses: HashMap::new(),
        }
    }

    /// A register that could not be opened: refused (the run's error under `strict`).
    pub fn unopened(&mut self, name: &str, message: &str) -> Result<(), AggError> {
        self.names.push(name.to_string());
        if self.opts.strict {
            return Err(AggError::Io { path: name.to_string(), message: message.to_string() });
        }
        self.summary.refused.push((name.to_string(), format!("{name}: 无法打开 / cannot be opened: {message}")));
        Ok(())
    }

    /// Reads one register (`name` is how messages name it) and says how it was read (the
    /// facts `anju inspect` prints; `refused` set when its figures are left out). `rows`
    /// is told the rows read so far, every 1,000 (for progress). Its households count only
    /// when the whole file was read (a file refused part-way adds none); under `strict`
    /// any problem is the run's error.
    pub fn file<R: std::io::Read>(
        &mut self,
        name: &str,
        reader: R,
        rows: &mut dyn FnMut(u64),
    ) -> Result<FilePreview, AggError> {
        let ix = self.names.len() as u32;
        self.names.push(name.to_string());
        let (opts, sum) = (self.opts, &mut self.summary);
        let mut fatal: Option<AggError> = None;
        let mut this = FileSums::default();
        let mut located: Vec<(String, anju_data::import::Said)> = Vec::new();
        let mut seen = 0u64;
        let mut sink = |item: Item| {
            if fatal.is_some() {
                return;
            }
            sum.rows += 1;
            seen += 1;
            if seen % 1000 == 0 {
                rows(seen);
            }
            match item {
                Item::Household(mut hh) => {
                    if !opts.aliases.is_empty() {
                        for n in hh.path.iter_mut() {
                            if let Some(c) = opts.aliases.get(n) {
                                *this.alias_uses.entry(std::mem::replace(n, c.to_string())).or_insert(0) += 1;
                            }
                        }
                    }
                    this.add(&hh);
                }
                Item::Rejected(ps) => {
                    sum.bad_rows += 1;
                    for p in ps {
                        *sum.by_kind.entry(p.kind).or_insert(0) += 1;
                        if located.len() < 50 {
                            located.push((p.file.clone(), p.said()));
                        }
                        if opts.strict {
                            fatal = Some(AggError::Strict(Box::new(p)));
                            return;
                        }
                        if sum.problems.len() < 10_000 {
                            sum.problems.push(p);
                        }
                    }
                }
            }
        };
        let report = read_stream(name, reader, &opts.read, &mut sink);
        if let Some(e) = fatal {
            return Err(e);
        }
        match report {
            Ok(report) => {
                let taken = sum.take(name, &report);
                sum.files.push((name.to_string(), report.format));
                (sum.households, sum.people) = (sum.households + this.households, sum.people + this.people);
                let preview = preview(name, Ok(report), this.households, &located);
                if let Err((file, zh, en)) = taken {
                    let e = AggError::MissingColumns { file, zh, en };
                    if opts.strict {
                        return Err(e);
                    }
                    sum.refused.push((name.to_string(), e.to_string()));
                }
                for (variant, n) in this.alias_uses {
                    *self.alias_uses.entry(variant).or_insert(0) += n;
                }
                // One building and period in two sheets is refused as in two files.
                for (path, period, first, second) in this.across_sheets {
                    let at = |s: &str| format!("{name} [{s}]");
                    let (first, second) = (at(&first), at(&second));
                    self.sheet_overlaps.push(Overlap { building: place(&path), period, first, second });
                }
                let sums =
                    this.buildings.into_iter().map(|(b, per)| (b, per.into_iter().map(|(p, a, _)| (p, a)).collect()));
                merge(&mut self.buildings, &mut self.overlaps, ix, sums.collect());
                Ok(preview)
            }
            Err(e) if opts.strict => Err(e.into()),
            Err(e) => {
                sum.refused.push((name.to_string(), e.to_string()));
                Ok(preview(name, Err(e), 0, &located))
            }
        }
    }

    /// Builds the tree, lays it out and checks it with the validator from its own bytes:
    /// nothing is returned that the dashboard would refuse. `phase` is told each step's
    /// end (`built`, `laid out`, `validated`), for memory tuning.
    ///
    /// Errors: no household read; a building and period in two files (unless
    /// `allow_split`); the validator refusing the result. The summary comes with the first
    /// two, so that what was found can still be told.
    pub fn finish(self, phase: &mut dyn FnMut(&str)) -> Result<(Written, Summary), AggError> {
        let Run { opts, mut summary, names, buildings, overlaps, sheet_overlaps, alias_uses } = self;
        summary.overlaps = sheet_overlaps
            .into_iter()
            .chain(overlaps.into_iter().map(|((path, period), (a, b))| Overlap {
                building: place(&path),
                period,
                first: names[a as usize].clone(),
                second: names[b as usize].clone(),
            }))
            .collect();
        summary.unused_aliases =
            opts.aliases.variants().into_iter().filter(|v| !alias_uses.contains_key(*v)).map(String::from).collect();
        summary.aliased = alias_uses.into_iter().collect();
        summary.aliased.sort();
        summary.near_duplicates = crate::names::near_duplicates(
            buildings.iter().map(|(p, per)| (p, per.iter().map(|(_, a, _)| a.m[Metric::Households.index()]).sum())),
        );
        if buildings.is_empty() {
            return Err(AggError::NoRows(Box::new(summary)));
        }
        if !summary.overlaps.is_empty() && !opts.allow_split {
            return Err(AggError::Overlap(Box::new(summary)));
        }
        let buildings =
            buildings.into_iter().map(|(k, v)| (k, v.into_iter().map(|(p, a, _)| (p, a)).collect())).collect();
        let generated = build(buildings, opts.title.as_deref(), names.len());
        phase("built");
        summary.nodes = generated.nodes.len();
        summary.periods = generated.periods.len();
        summary.totals = totals(&generated);
        let written = layout(&generated, &WriteOptions::default());
        // The tree is in `written` now; the validator below reloads it from those bytes, so
        // holding both copies would double the peak memory at national scale.
        phase("laid out");
        drop(generated);
        let by_name: HashMap<&str, &[u8]> = written.files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
        let problems =
            anju_data::validate_streaming("index.json", |p| by_name.get(p).copied().ok_or_else(|| p.to_string()));
        if !problems.is_empty() {
            return Err(AggError::Invalid(
                problems.list.iter().take(5).map(|p| p.to_string()).collect::<Vec<_>>().join("; "),
            ));
        }
        phase("validated");
        drop(by_name);
        Ok((written, summary))
    }
}

/// The root's figures per period (the generated tree's first node is its root).
fn totals(g: &anju_data::write::Generated) -> Vec<anju_data::import::PeriodTotals> {
    let Some(root) = g.nodes.first() else { return Vec::new() };
    let counts = |t: usize| {
        Metric::ALL.iter().map(|&m| (m.key().to_string(), root.m.get(m, t))).filter(|(_, v)| *v > 0).collect()
    };
    g.periods
        .iter()
        .enumerate()
        .map(|(t, p)| anju_data::import::PeriodTotals {
            period: p.to_string(),
            counts: counts(t),
            income_per_capita: root.income.get(t),
        })
        .collect()
}

/// Adds a whole file's building sums (file `ix`) to the run's, noting each building and
/// period that an earlier file already held.
fn merge(
    buildings: &mut HashMap<[String; 6], PerPeriod>,
    overlaps: &mut BTreeMap<([String; 6], Period), (u32, u32)>,
    ix: u32,
    file: HashMap<[String; 6], Vec<(Period, Acc)>>,
) {
    for (path, per) in file {
        let Some(all) = buildings.get_mut(&path) else {
            buildings.insert(path, per.into_iter().map(|(p, a)| (p, a, ix)).collect());
            continue;
        };
        for (period, acc) in per {
            match all.iter_mut().find(|(p, ..)| *p == period) {
                None => all.push((period, acc, ix)),
                Some((_, a, first)) => {
                    a.absorb(&acc);
                    overlaps.entry((path.clone(), period)).or_insert((*first, ix));
                }
            }
        }
    }
}

/// A building path as one would say it: 毕节市/织金县/平远新城安置点/1栋.
fn place(path: &[String; 6]) -> String {
    path.iter().filter(|n| !n.is_empty()).cloned().collect::<Vec<_>>().join("/")
}
