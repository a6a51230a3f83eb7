//! Reading the registers: each file in turn, its households summed per building and
//! period, counted only when the whole file was read, with a progress bar on big runs.

use crate::aggregate::{AggError, Options, Summary};
use crate::tree::{Acc, FileSums};
use anju_data::model::Period;
use anju_import::{read_stream, Item};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// A file that moves the progress bar as it is read.
struct Counted<R> {
    inner: R,
    bar: indicatif::ProgressBar,
    at: u64,
}

impl<R: std::io::Read> std::io::Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.at += n as u64;
        self.bar.set_position(self.at);
        Ok(n)
    }
}

/// A building's sums per period, and the file its first household came from (to find the
/// same building and period in two files).
pub(crate) type PerPeriod = Vec<(Period, Acc, u32)>;

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

/// What reading every file gathered.
#[derive(Default)]
pub(crate) struct Read {
    /// Building path → its sums per period. A building has a few periods: a small vec, not
    /// a map (a BTreeMap leaf reserves room for 11 of these 528-byte sums, which at
    /// 175,000 buildings is ~900 MB).
    pub(crate) buildings: HashMap<[String; 6], PerPeriod>,
    pub(crate) overlaps: BTreeMap<([String; 6], Period), (u32, u32)>,
    pub(crate) alias_uses: HashMap<String, u64>,
}

/// Reads every file in turn, with a progress bar past 8 MB in all.
pub(crate) fn read_all(opts: &Options, files: &[PathBuf], sum: &mut Summary, read: &mut Read) -> Result<(), AggError> {
    let total_bytes: u64 = files.iter().filter_map(|f| std::fs::metadata(f).ok()).map(|m| m.len()).sum();
    let bar = if opts.progress && total_bytes > 8 << 20 {
        let b = indicatif::ProgressBar::new(total_bytes);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {elapsed} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    } else {
        indicatif::ProgressBar::hidden()
    };
    let mut done_bytes = 0u64;
    for (ix, f) in files.iter().enumerate() {
        let result = read_file(opts, ix as u32, f, (&bar, done_bytes), sum, read);
        done_bytes += std::fs::metadata(f).map(|m| m.len()).unwrap_or(0);
        bar.set_position(done_bytes);
        if let Err(e) = result {
            bar.finish_and_clear();
            return Err(e);
        }
    }
    bar.finish_and_clear();
    Ok(())
}

/// Reads file number `ix` at `f`, moving the progress bar on from the byte count given.
/// Its households count only when the whole file was read (a file refused part-way adds
/// none); under `--strict` any problem is the run's error.
fn read_file(
    opts: &Options,
    ix: u32,
    f: &std::path::Path,
    progress: (&indicatif::ProgressBar, u64),
    sum: &mut Summary,
    read: &mut Read,
) -> Result<(), AggError> {
    let name = f.display().to_string();
    let file = match std::fs::File::open(f) {
        Ok(file) => file,
        Err(e) if !opts.strict => {
            sum.refused.push((name.clone(), format!("{name}: 无法打开 / cannot be opened: {e}")));
            return Ok(());
        }
        Err(e) => return Err(AggError::Io { path: name, message: e.to_string() }),
    };
    let mut fatal: Option<AggError> = None;
    let mut this = FileSums::default();
    let mut sink = |item: Item| {
        if fatal.is_some() {
            return;
        }
        sum.rows += 1;
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
    let counted = Counted { inner: file, bar: progress.0.clone(), at: progress.1 };
    let report = read_stream(&name, counted, &opts.read, &mut sink);
    if let Some(e) = fatal {
        return Err(e);
    }
    match report {
        Ok(report) => {
            if let Err(e) = sum.take(&name, &report) {
                if opts.strict {
                    return Err(e);
                }
                sum.refused.push((name.clone(), e.to_string()));
            }
            sum.files.push((name, report.format));
            (sum.households, sum.people) = (sum.households + this.households, sum.people + this.people);
            for (variant, n) in this.alias_uses {
                *read.alias_uses.entry(variant).or_insert(0) += n;
            }
            merge(&mut read.buildings, &mut read.overlaps, ix, this.buildings);
            Ok(())
        }
        Err(e) if opts.strict => Err(e.into()),
        Err(e) => {
            sum.refused.push((name, e.to_string()));
            Ok(())
        }
    }
}
