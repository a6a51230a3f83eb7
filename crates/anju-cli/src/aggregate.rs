//! Households in, the dashboard's data out: counts per building and period, rolled up
//! through grid, community, site, county and city; checked by the validator before it is
//! written, and written atomically.

use anju_data::gen::presets::Generated;
use anju_data::gen::write::{layout, write_dir, WriteOptions};
use anju_data::metric::{Metric, N_METRICS};
use anju_data::model::{Level, Meta, Node, Period, Text};
use anju_data::rollup::{rollup_into, round_fen};
use anju_data::series::{Income, Series};
use anju_import::row::{Household, Kind, RowProblem};
use anju_import::sheet::TotalCheck;
use anju_import::table::RowKind;
use anju_import::{read_stream, FileError, Item, Skip};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::time::Instant;

pub struct Options {
    pub inputs: Vec<PathBuf>,
    pub out: PathBuf,
    /// How registers are read: encoding, and period and place for sheets without them.
    pub read: anju_import::Options,
    pub strict: bool,
    pub title: Option<String>,
    /// Show a progress bar (on a terminal).
    pub progress: bool,
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
    #[error("汇总结果未通过校验 / the aggregated data failed validation: {0}")]
    Invalid(String),
    #[error("{path}: 无法写入 / cannot write: {message}")]
    Write { path: String, message: String },
}

/// Sums for one building and period, dense by metric.
struct Acc {
    m: [u64; N_METRICS],
    income_sum: f64,
}

/// Adds one household to its building's sums.
fn add(a: &mut Acc, h: &Household) {
    for (sum, v) in a.m.iter_mut().zip(h.metrics()) {
        *sum += v;
    }
    if let Some(v) = h.income {
        a.income_sum += v * h.size as f64;
    }
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

/// The files a folder's registers come in (a WPS .et is read as an XLS).
pub const REGISTER_EXTENSIONS: [&str; 6] = ["csv", "xlsx", "xls", "xlsb", "ods", "et"];

/// Reads every input and aggregates; writes the dataset unless a problem stops it.
pub fn run(opts: &Options) -> Result<Summary, AggError> {
    let start = Instant::now();
    let mut sum = Summary::default();
    // Building path → its sums per period.
    // A building has a few periods: a small vec, not a map (a BTreeMap leaf reserves room
    // for 11 of these 528-byte sums, which at 175,000 buildings is ~900 MB).
    let mut buildings: HashMap<[String; 6], Vec<(Period, Acc)>> = HashMap::new();
    let mut files: Vec<PathBuf> = Vec::new();
    for input in &opts.inputs {
        if input.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(input)
                .map_err(|e| AggError::Io { path: input.display().to_string(), message: e.to_string() })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| REGISTER_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
                })
                .collect();
            inside.sort();
            files.extend(inside);
        } else {
            files.push(input.clone());
        }
    }
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
    for f in &files {
        let name = f.display().to_string();
        let file = std::fs::File::open(f).map_err(|e| AggError::Io { path: name.clone(), message: e.to_string() })?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        let mut fatal: Option<AggError> = None;
        let mut sink = |item: Item| {
            if fatal.is_some() {
                return;
            }
            sum.rows += 1;
            match item {
                Item::Household(hh) => {
                    sum.households += 1;
                    sum.people += hh.size;
                    let per = buildings.entry(hh.path.clone()).or_default();
                    let k = match per.iter().position(|(p, _)| *p == hh.period) {
                        Some(k) => k,
                        None => {
                            per.push((hh.period, Acc { m: [0; N_METRICS], income_sum: 0.0 }));
                            per.len() - 1
                        }
                    };
                    add(&mut per[k].1, &hh);
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
        let counted = Counted { inner: file, bar: bar.clone(), at: done_bytes };
        let report = read_stream(&name, counted, &opts.read, &mut sink);
        if let Some(e) = fatal {
            bar.finish_and_clear();
            return Err(e);
        }
        let report = report?;
        for s in &report.sheets {
            let at = if s.sheet.is_empty() { name.clone() } else { format!("{name} [{}]", s.sheet) };
            sum.identity_columns.extend(s.columns.identity.iter().map(|c| (at.clone(), c.clone())));
            sum.ignored_columns.extend(s.columns.ignored.iter().map(|c| (at.clone(), c.clone())));
            for (kind, n) in &s.kinds {
                match kind {
                    RowKind::Household => {}
                    RowKind::Blank => sum.blank_rows += n,
                    other => *sum.not_households.entry(*other).or_insert(0) += n,
                }
            }
            sum.total_checks.extend(s.total_checks.iter().map(|c| (at.clone(), c.clone())));
            sum.given.extend(s.given.iter().map(|(f, v, o)| (at.clone(), *f, v.clone(), o.clone())));
            sum.norms.merge(&s.norms);
            match &s.skipped {
                Some(Skip::MissingColumns(cols)) if report.sheets.iter().all(|t| t.skipped.is_some()) => {
                    let (zh, en) = missing_columns(cols);
                    return Err(AggError::MissingColumns { file: at, zh, en });
                }
                Some(why) => sum.skipped_sheets.push((at, why.clone())),
                None => {}
            }
        }
        done_bytes += size;
        bar.set_position(done_bytes);
        sum.files.push((name, report.format));
    }
    bar.finish_and_clear();
    rss("read");
    if buildings.is_empty() {
        return Err(AggError::NoRows(Box::new(sum)));
    }
    let generated = build(buildings, opts.title.as_deref(), files.len());
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
        .map_err(|e| AggError::Write { path: opts.out.display().to_string(), message: e.to_string() })?;
    sum.seconds = start.elapsed().as_secs_f64();
    Ok(sum)
}

/// The last day of a month, for `as_of`.
fn month_end(p: Period) -> String {
    use chrono::NaiveDate;
    let next = if p.month == 12 {
        NaiveDate::from_ymd_opt(p.year as i32 + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(p.year as i32, p.month as u32 + 1, 1)
    };
    next.and_then(|d| d.pred_opt()).map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_else(|| format!("{p}-28"))
}

/// One tree level under construction: children by (level, name), sorted so ids are stable.
#[derive(Default)]
struct Branch {
    kids: BTreeMap<(Level, String), Branch>,
    building: Option<Vec<(Period, Acc)>>,
}

/// The level each register column stands for.
const LEVELS: [Level; 6] = [Level::City, Level::County, Level::Site, Level::Community, Level::Grid, Level::Building];

fn build(buildings: HashMap<[String; 6], Vec<(Period, Acc)>>, title: Option<&str>, n_files: usize) -> Generated {
    let periods: Vec<Period> =
        buildings.values().flat_map(|m| m.iter().map(|(p, _)| *p)).collect::<BTreeSet<_>>().into_iter().collect();
    let np = periods.len();
    let mut root = Branch::default();
    for (path, per) in buildings {
        let mut cur = &mut root;
        // An empty community or grid skips that level (a small site holds buildings directly).
        for (name, level) in path.iter().zip(LEVELS) {
            if !name.is_empty() {
                cur = cur.kids.entry((level, name.clone())).or_default();
            }
        }
        cur.building = Some(per);
    }
    let title = title.unwrap_or("台账汇总");
    let mut nodes = vec![Node { name_en: Some("All registers".into()), ..Node::new("R", title, Level::Region) }];
    // Depth first: a node's id extends its parent's (C1-2-S3-G1-B4), so deep links find
    // their shard.
    fn walk(b: &Branch, parent: usize, nodes: &mut Vec<Node>, periods: &[Period]) {
        for (k, ((level, name), kid)) in b.kids.iter().enumerate() {
            let tag = match level {
                Level::Site => "S",
                Level::Community => "C",
                Level::Grid => "G",
                Level::Building => "B",
                _ => "",
            };
            let id = if parent == 0 { format!("C{}", k + 1) } else { format!("{}-{tag}{}", nodes[parent].id, k + 1) };
            let mut n = Node::new(id.clone(), name.clone(), *level);
            nodes[parent].children.push(id);
            if let Some(per) = &kid.building {
                for &m in Metric::ALL {
                    let own = u64::from(m == Metric::Buildings);
                    let at = |p: &Period| per.iter().find(|(q, _)| q == p).map(|(_, a)| a);
                    n.m.set(
                        m,
                        Series::from_values(
                            periods.iter().map(|p| at(p).map(|a| a.m[m.index()]).unwrap_or(0) + own).collect(),
                        ),
                    );
                }
                n.income = Income::from_values(
                    periods
                        .iter()
                        .map(|p| {
                            per.iter().find(|(q, _)| q == p).map(|(_, a)| a).and_then(|a| {
                                let w = a.m[Metric::IncomePeople.index()];
                                (w > 0).then(|| round_fen(a.income_sum / w as f64))
                            })
                        })
                        .collect(),
                );
            }
            let ix = nodes.len();
            nodes.push(n);
            walk(kid, ix, nodes, periods);
        }
    }
    walk(&root, 0, &mut nodes, &periods);
    // Roll up, children before parents; children always come after their parent.
    let index: HashMap<String, usize> = nodes.iter().enumerate().map(|(i, n)| (n.id.clone(), i)).collect();
    for i in (0..nodes.len()).rev() {
        if nodes[i].children.is_empty() {
            continue;
        }
        let kid_ix: Vec<usize> = nodes[i].children.iter().map(|c| index[c]).collect();
        let (head, tail) = nodes.split_at_mut(i + 1);
        let refs: Vec<&Node> = kid_ix.iter().map(|&k| &tail[k - i - 1]).collect();
        rollup_into(&mut head[i], &refs, np);
    }
    let last = periods.last().copied().unwrap_or(Period { year: 2000, month: 1 });
    Generated {
        meta: Meta {
            title: Text { zh: title.to_string(), en: "Aggregated household registers".into() },
            as_of: month_end(last),
            provenance: Text {
                zh: format!("由 {n_files} 个户级台账文件汇总而成，仅含统计数字，已去除姓名、身份证号等身份信息。"),
                en: format!("Aggregated from {n_files} household register file(s); counts only, with names, ID numbers and other identity data removed."),
            },
            sources: Default::default(),
        },
        periods,
        nodes,
        root: "R".into(),
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
