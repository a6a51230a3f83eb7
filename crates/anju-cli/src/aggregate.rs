//! Households in, the dashboard's data out: counts per building and period, rolled up
//! through grid, community, site, county and city; checked by the validator before it is
//! written, and written atomically.

use crate::read::{read_all, PerPeriod, Read};
use crate::tree::build;
use anju_data::metric::Metric;
use anju_data::model::Period;
use anju_data::write::{layout, write_dir, WriteOptions};
use anju_import::row::{Kind, RowProblem};
use anju_import::sheet::TotalCheck;
use anju_import::table::RowKind;
use anju_import::{FileError, Skip};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::time::Instant;

pub struct Options {
    pub inputs: Vec<PathBuf>,
    pub out: PathBuf,
    /// How registers are read: encoding, and period and place for sheets without them.
    pub read: anju_import::Options,
    pub strict: bool,
    /// Variant → canonical place names (`--aliases`).
    pub aliases: anju_import::names::Aliases,
    /// Sum a building and period found in two files instead of refusing (`--allow-split`).
    pub allow_split: bool,
    pub title: Option<String>,
    /// Show a progress bar (on a terminal).
    pub progress: bool,
}

/// A building and period that two files both hold households of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overlap {
    pub building: String,
    pub period: Period,
    pub first: String,
    pub second: String,
}

/// What happened, for the closing summary.
#[derive(Debug, Default)]
pub struct Summary {
    pub files: Vec<(String, &'static str)>,
    /// Household rows read (good and bad).
    pub rows: u64,
    pub households: u64,
    pub people: u64,
    pub bad_rows: u64,
    /// Rows with every cell empty (not households; counted so nothing goes unmentioned).
    pub blank_rows: u64,
    /// Other rows that are not households (小计, 合计, notes, repeated headers), by kind.
    pub not_households: BTreeMap<RowKind, u64>,
    /// 小计 and 合计 rows whose figure is not the sum of the households above them.
    pub total_checks: Vec<(String, TotalCheck)>,
    /// Sheets not read, and why (hidden, empty, no header …).
    pub skipped_sheets: Vec<(String, Skip)>,
    /// Period and place taken from elsewhere than a column, per sheet.
    pub given: Vec<(String, anju_import::columns::Field, String, anju_import::Origin)>,
    /// Value normalisations over every household read.
    pub norms: anju_import::values::Norms,
    /// The first problems, in order (every problem is counted in `by_kind`).
    pub problems: Vec<RowProblem>,
    pub by_kind: BTreeMap<Kind, u64>,
    /// (file, header) of identity columns found and skipped.
    pub identity_columns: Vec<(String, String)>,
    pub ignored_columns: Vec<(String, String)>,
    /// Files in the inputs that were not read, and why (copies, temporary files …).
    pub not_read: Vec<(String, crate::files::NotRead)>,
    /// Register files that could not be read: (file, message naming the file and what to
    /// change).
    pub refused: Vec<(String, String)>,
    /// The same building and period in two files (refused unless `allow_split`).
    pub overlaps: Vec<Overlap>,
    /// Place names that may be one place spelled two ways, with their household rows.
    pub near_duplicates: Vec<anju_import::names::NearDuplicate>,
    /// Aliases applied: (variant, household rows), and variants that matched nothing.
    pub aliased: Vec<(String, u64)>,
    pub unused_aliases: Vec<String>,
    pub nodes: usize,
    pub periods: usize,
    pub seconds: f64,
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
    #[error("同一楼栋、同一统计期出现在两个文件中（见上）：若其中一个是副本（如“（修改版）”），只保留一个；若该楼确实分在多个文件中登记，加 --allow-split / the same building and period are in two files (listed above): if one is a copy (such as a \"（修改版）\"), keep one; if the building really is split across files, add --allow-split")]
    Overlap(Box<Summary>),
    #[error("汇总结果未通过校验 / the aggregated data failed validation: {0}")]
    Invalid(String),
    #[error("{path}: 无法写入 / cannot write: {message}")]
    Write { path: String, message: String },
}

/// What to change when a sheet lacks required columns.
pub fn missing_columns(cols: &[anju_import::columns::Field]) -> (String, String) {
    use anju_import::columns::Field;
    let c: Vec<&str> = cols.iter().map(|f| f.header()).collect();
    let mut zh = format!("缺少必需的列 {}，未读取", c.join("、"));
    let mut en = format!("required columns missing ({}), not read", c.join(", "));
    if cols.contains(&Field::Period) {
        zh.push_str("；统计期可写在标题行（如“统计时间：2025年6月”）、工作表名或文件名中，或用 --period 2025-06 给出");
        en.push_str("; the period may stand in a title row (统计时间：2025年6月), the sheet's or file's name, or be given with --period 2025-06");
    }
    if cols.iter().any(|f| matches!(f, Field::City | Field::County | Field::Site)) {
        zh.push_str("；地点可用 --place 市/县/安置点 给出");
        en.push_str("; the place may be given with --place city/county/site");
    }
    (zh, en)
}

/// Reads every input and aggregates; writes the dataset unless a problem stops it.
pub fn run(opts: &Options) -> Result<Summary, AggError> {
    let start = Instant::now();
    let mut sum = Summary::default();
    let files = list_inputs(opts, &mut sum)?;
    let mut read = Read::default();
    read_all(opts, &files, &mut sum, &mut read)?;
    rss("read");
    let names = |i: u32| files[i as usize].display().to_string();
    sum.overlaps = std::mem::take(&mut read.overlaps)
        .into_iter()
        .map(|((path, period), (a, b))| Overlap { building: place(&path), period, first: names(a), second: names(b) })
        .collect();
    sum.unused_aliases =
        opts.aliases.variants().into_iter().filter(|v| !read.alias_uses.contains_key(*v)).map(String::from).collect();
    sum.aliased = read.alias_uses.into_iter().collect();
    sum.aliased.sort();
    sum.near_duplicates = anju_import::names::near_duplicates(
        read.buildings.iter().map(|(p, per)| (p, per.iter().map(|(_, a, _)| a.m[Metric::Households.index()]).sum())),
    );
    if read.buildings.is_empty() {
        return Err(AggError::NoRows(Box::new(sum)));
    }
    if !sum.overlaps.is_empty() && !opts.allow_split {
        return Err(AggError::Overlap(Box::new(sum)));
    }
    write_checked(opts, read.buildings, files.len(), &mut sum)?;
    sum.seconds = start.elapsed().as_secs_f64();
    Ok(sum)
}

/// The files to read; every other one is named with why it is not read (refused under
/// `--strict`).
fn list_inputs(opts: &Options, sum: &mut Summary) -> Result<Vec<PathBuf>, AggError> {
    let listing = crate::files::list(&opts.inputs);
    for (p, why) in listing.not_read {
        if opts.strict && why.refused() {
            return Err(AggError::Io {
                path: p.display().to_string(),
                message: format!("{} / {}", why.zh(), why.en()),
            });
        }
        sum.not_read.push((p.display().to_string(), why));
    }
    Ok(listing.read)
}

/// Builds the tree, lays it out, checks it with the validator from its own bytes, and
/// writes it: nothing is written that the dashboard would refuse.
fn write_checked(
    opts: &Options,
    buildings: HashMap<[String; 6], PerPeriod>,
    n_files: usize,
    sum: &mut Summary,
) -> Result<(), AggError> {
    let buildings = buildings.into_iter().map(|(k, v)| (k, v.into_iter().map(|(p, a, _)| (p, a)).collect())).collect();
    let generated = build(buildings, opts.title.as_deref(), n_files);
    rss("built");
    sum.nodes = generated.nodes.len();
    sum.periods = generated.periods.len();
    let written = layout(&generated, &WriteOptions::default());
    // The tree is in `written` now; the validator below reloads it from those bytes, so
    // holding both copies would double the peak memory at national scale.
    rss("laid out");
    drop(generated);
    let by_name: HashMap<&str, &[u8]> = written.files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    let problems =
        anju_data::validate_streaming("index.json", |p| by_name.get(p).copied().ok_or_else(|| p.to_string()));
    if !problems.is_empty() {
        return Err(AggError::Invalid(
            problems.list.iter().take(5).map(|p| p.to_string()).collect::<Vec<_>>().join("; "),
        ));
    }
    rss("validated");
    write_dir(&opts.out, &written)
        .map_err(|e| AggError::Write { path: opts.out.display().to_string(), message: e.to_string() })
}

/// A building path as one would say it: 毕节市/织金县/平远新城安置点/1栋.
fn place(path: &[String; 6]) -> String {
    path.iter().filter(|n| !n.is_empty()).cloned().collect::<Vec<_>>().join("/")
}

impl Summary {
    /// Whether the output leaves something out: rows or files refused (exit code 2).
    pub fn partial(&self) -> bool {
        self.bad_rows > 0 || !self.refused.is_empty() || self.not_read.iter().any(|(_, w)| w.refused())
    }

    /// Takes in what a file's sheets report; `Err` when no sheet could be read for lack of
    /// columns (what to add is in the message).
    pub(crate) fn take(&mut self, name: &str, report: &anju_import::Report) -> Result<(), AggError> {
        for s in &report.sheets {
            let at = if s.sheet.is_empty() { name.to_string() } else { format!("{name} [{}]", s.sheet) };
            self.identity_columns.extend(s.columns.identity.iter().map(|c| (at.clone(), c.clone())));
            self.ignored_columns.extend(s.columns.ignored.iter().map(|c| (at.clone(), c.clone())));
            for (kind, n) in &s.kinds {
                match kind {
                    RowKind::Household => {}
                    RowKind::Blank => self.blank_rows += n,
                    other => *self.not_households.entry(*other).or_insert(0) += n,
                }
            }
            self.total_checks.extend(s.total_checks.iter().map(|c| (at.clone(), c.clone())));
            self.given.extend(s.given.iter().map(|(f, v, o)| (at.clone(), *f, v.clone(), o.clone())));
            self.norms.merge(&s.norms);
            match &s.skipped {
                Some(Skip::MissingColumns(cols)) if report.sheets.iter().all(|t| t.skipped.is_some()) => {
                    let (zh, en) = missing_columns(cols);
                    return Err(AggError::MissingColumns { file: at, zh, en });
                }
                Some(why) => self.skipped_sheets.push((at, why.clone())),
                None => {}
            }
        }
        Ok(())
    }
}

/// With ANJU_MEM=1, prints resident memory after each phase (for tuning).
fn rss(phase: &str) {
    if std::env::var_os("ANJU_MEM").is_some() {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let line = status.lines().find(|l| l.starts_with("VmRSS")).unwrap_or("");
        eprintln!("[mem] {phase}: {line}");
    }
}
