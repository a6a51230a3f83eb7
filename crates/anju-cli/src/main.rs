//! `anju aggregate --input <files or folders> --out <dir>` and `anju gen-registers`.

use anju_cli::aggregate::{run, AggError, Options, Summary};
use anju_cli::registers::{generate, write_xlsx, CsvOut, Spec};
use anju_import::EncodingChoice;
use anju_import::Skip;
use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// The text encoding of CSV registers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Encoding {
    /// UTF-8 when the file is valid UTF-8 (with or without BOM), else GBK.
    Auto,
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    Gbk,
}

impl From<Encoding> for EncodingChoice {
    fn from(e: Encoding) -> EncodingChoice {
        match e {
            Encoding::Auto => EncodingChoice::Auto,
            Encoding::Utf8 => EncodingChoice::Utf8,
            Encoding::Gbk => EncodingChoice::Gbk,
        }
    }
}

#[derive(Parser)]
#[command(name = "anju", about = "安居 Anju: household registers (台账) to dashboard data")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Aggregate registers (CSV in UTF-8 or GBK, XLSX) into the dashboard's data format.
    Aggregate {
        /// Register files, or folders of them (*.csv, *.xlsx).
        #[arg(long, required = true, num_args = 1..)]
        input: Vec<PathBuf>,
        /// The dataset folder to write (replaced atomically).
        #[arg(long)]
        out: PathBuf,
        /// CSV text encoding; auto detects UTF-8, else GBK.
        #[arg(long, value_enum, default_value = "auto")]
        encoding: Encoding,
        /// The month of sheets that have no 统计期 column and none in their title, sheet
        /// name or file name (2025-06).
        #[arg(long)]
        period: Option<String>,
        /// The place of sheets that have no place columns, from the city down:
        /// 毕节市/织金县/平远新城安置点[/惠泽社区[/第3网格]].
        #[arg(long)]
        place: Option<String>,
        /// Stop at the first bad row instead of skipping bad rows.
        #[arg(long)]
        strict: bool,
        /// The dataset's title.
        #[arg(long)]
        title: Option<String>,
        /// Print messages in English only.
        #[arg(long)]
        en: bool,
    },
    /// Show how each register is read (header rows, columns, rows by kind, 小计/合计 checks,
    /// the first problems) without aggregating anything.
    Inspect {
        /// Register files (CSV, XLSX, XLS, XLSB, ODS).
        #[arg(required = true, num_args = 1..)]
        files: Vec<PathBuf>,
        /// As for aggregate.
        #[arg(long)]
        period: Option<String>,
        /// As for aggregate.
        #[arg(long)]
        place: Option<String>,
        /// CSV text encoding; auto detects UTF-8, else GBK.
        #[arg(long, value_enum, default_value = "auto")]
        encoding: Encoding,
        /// Print messages in English only.
        #[arg(long)]
        en: bool,
    },
    /// Generate synthetic registers for tests and benchmarks.
    GenRegisters {
        #[arg(long)]
        out: PathBuf,
        /// csv or xlsx
        #[arg(long, default_value = "csv")]
        format: String,
        #[arg(long, value_enum, default_value = "utf-8")]
        encoding: Encoding,
        /// Use the national scale (about 2.6 million households).
        #[arg(long)]
        national: bool,
        #[arg(long, default_value_t = 2)]
        cities: usize,
        #[arg(long, default_value_t = 12)]
        periods: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Add identity columns (fake names, ID and phone numbers).
        #[arg(long)]
        with_identity: bool,
    },
}

/// How registers are read, from the command line.
fn read_options(
    encoding: Encoding,
    period: Option<String>,
    place: Option<String>,
) -> Result<anju_import::Options, String> {
    let period = match period {
        None => None,
        Some(p) => Some(
            anju_import::period::from_text(&p)
                .map_err(|_| format!("--period {p}：应写作 2025-06 / --period {p}: write the month as 2025-06"))?,
        ),
    };
    let place: Vec<String> = place.map(|p| p.split('/').map(|s| s.trim().to_string()).collect()).unwrap_or_default();
    if !place.is_empty() && place.len() < 3 {
        return Err(format!(
            "--place 应从市写到安置点，如 毕节市/织金县/平远新城安置点（可再加 /社区/网格），而不是 “{}” / --place must name the city, county and site, as 毕节市/织金县/平远新城安置点 (optionally /community/grid)",
            place.join("/")
        ));
    }
    Ok(anju_import::Options { encoding: encoding.into(), period, place })
}

/// Exit code when the dataset was written but some rows were refused (0: every row read or
/// excluded as a non-household row; 1: nothing written).
const PARTIAL: u8 = 2;

/// Prints what a run found, before its last line: identity and unused columns, sheets not
/// read, rows that are not households, 小计/合计 rows that disagree, every refused row.
fn tell(s: &Summary, say: &dyn Fn(String, String)) {
    for (file, col) in &s.identity_columns {
        say(
            format!("警告：{file} 含身份信息列“{col}”，已忽略，未读取其内容"),
            format!("warning: {file} has an identity column \"{col}\"; it was skipped and its contents never read"),
        );
    }
    for (file, col) in &s.ignored_columns {
        say(format!("提示：{file} 的列“{col}”未使用"), format!("note: {file}: column \"{col}\" is not used"));
    }
    for (sheet, why) in &s.skipped_sheets {
        let (zh, en) = match why {
            Skip::Hidden => ("隐藏的工作表，未读取".to_string(), "a hidden sheet, not read".to_string()),
            Skip::Empty => ("空工作表".to_string(), "an empty sheet".to_string()),
            Skip::Unreadable(m) => (format!("无法读取：{m}"), format!("cannot be read: {m}")),
            Skip::NoHeader => {
                ("前 30 行中没有表头，未读取".to_string(), "no header among the first 30 rows, not read".to_string())
            }
            Skip::Encoding => ("文字编码不符，未读取".to_string(), "not in the chosen encoding, not read".to_string()),
            Skip::MissingColumns(cols) => anju_cli::aggregate::missing_columns(cols),
        };
        say(format!("提示：{sheet}：{zh}"), format!("note: {sheet}: {en}"));
    }
    for (sheet, f, v, origin) in &s.given {
        say(
            format!("提示：{sheet} 没有“{}”列，取{}中的“{v}”", f.header(), origin.zh()),
            format!("note: {sheet} has no {} column; \"{v}\" taken from {}", f.en(), origin.en()),
        );
    }
    for n in anju_import::values::Norm::ALL.iter().filter(|n| s.norms.get(**n) > 0) {
        let (k, lead) = (s.norms.get(*n), if n.changes_meaning() { ("警告", "warning") } else { ("提示", "note") });
        say(format!("{}：{}，{k} 处", lead.0, n.zh()), format!("{}: {}, {k} cells", lead.1, n.en()));
    }
    for (kind, n) in &s.not_households {
        say(format!("另有 {n} 个{}未计入", kind.zh()), format!("{n} {} rows were not counted", kind.en()));
    }
    for (at, c) in &s.total_checks {
        say(
            format!(
                "核对：{at} 第{}行{}的“{}”为 {}，其上各户之和为 {}",
                c.row,
                c.kind.zh(),
                c.column,
                c.stated,
                c.summed
            ),
            format!(
                "check: {at} row {} ({}) says {} = {}, the households above add up to {}",
                c.row,
                c.kind.en(),
                c.column,
                c.stated,
                c.summed
            ),
        );
    }
    for p in &s.problems {
        println!("{p}");
    }
    if s.bad_rows as usize > s.problems.len() {
        say(
            format!("……其余问题未列出，共 {} 行有问题", s.bad_rows),
            format!("… more problems not listed; {} bad rows in all", s.bad_rows),
        );
    }
    if s.blank_rows > 0 {
        say(format!("另有 {} 个空行未计入", s.blank_rows), format!("{} empty rows were not counted", s.blank_rows));
    }
    let kinds: Vec<String> = s.by_kind.iter().map(|(k, n)| format!("{}/{} {n}", k.zh(), k.en())).collect();
    if !kinds.is_empty() {
        say(format!("问题分类：{}", kinds.join("，")), format!("problems by kind: {}", kinds.join(", ")));
    }
}

fn main() -> ExitCode {
    match Cli::parse().cmd {
        Cmd::Aggregate { input, out, encoding, period, place, strict, title, en } => {
            let read = match read_options(encoding, period, place) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::FAILURE;
                }
            };
            let opts = Options {
                inputs: input,
                out: out.clone(),
                read,
                strict,
                title,
                progress: std::io::stderr().is_terminal(),
            };
            let say =
                |zh: String, english: String| if en { println!("{english}") } else { println!("{zh} / {english}") };
            match run(&opts) {
                Ok(s) => {
                    tell(&s, &say);
                    say(
                        format!("读取 {} 行，汇总 {} 户 {} 人，跳过 {} 行；{} 个节点、{} 个统计期，写入 {}；用时 {:.1} 秒", s.rows, s.households, s.people, s.bad_rows, s.nodes, s.periods, out.display(), s.seconds),
                        format!("read {} rows, aggregated {} households and {} people, skipped {} rows; {} nodes, {} periods, written to {}; {:.1} s", s.rows, s.households, s.people, s.bad_rows, s.nodes, s.periods, out.display(), s.seconds),
                    );
                    if s.bad_rows > 0 {
                        say(
                            format!("已写入，但有 {} 行被拒绝（见上）：退出码 {PARTIAL}", s.bad_rows),
                            format!(
                                "written, but {} rows were refused (listed above): exit code {PARTIAL}",
                                s.bad_rows
                            ),
                        );
                        ExitCode::from(PARTIAL)
                    } else {
                        ExitCode::SUCCESS
                    }
                }
                Err(e) => {
                    if let AggError::NoRows(s) = &e {
                        tell(s, &say);
                    }
                    eprintln!("{e}");
                    eprintln!(
                        "未写入任何数据，原有数据保持不变 / nothing was written; any previous dataset is unchanged"
                    );
                    ExitCode::FAILURE
                }
            }
        }
        Cmd::Inspect { files, encoding, period, place, en } => {
            let say =
                |zh: String, english: String| if en { println!("{english}") } else { println!("{zh} / {english}") };
            let read = match read_options(encoding, period, place) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::FAILURE;
                }
            };
            if anju_cli::inspect::run(&files, &read, &say) {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Cmd::GenRegisters { out, format, encoding, national, cities, periods, seed, with_identity } => {
            let spec = if national {
                Spec { seed, with_identity, ..Spec::national() }
            } else {
                Spec {
                    cities,
                    counties_per_city: 3,
                    sites_per_county: 4,
                    buildings_per_site: 6,
                    households_per_building: 40,
                    periods,
                    seed,
                    with_identity,
                }
            };
            let result = if format == "xlsx" {
                let mut rows = Vec::new();
                let exp = generate(&spec, &mut |r| rows.push(r.to_vec()));
                write_xlsx(&out, &rows).map(|_| exp).map_err(|e| e.to_string())
            } else {
                (|| -> std::io::Result<_> {
                    let f = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&out)?);
                    let mut w = CsvOut::new(f, encoding == Encoding::Gbk)?;
                    let mut err = None;
                    let exp = generate(&spec, &mut |r| {
                        if err.is_none() {
                            err = w.row(r).err();
                        }
                    });
                    if let Some(e) = err {
                        return Err(e);
                    }
                    w.finish()?;
                    Ok(exp)
                })()
                .map_err(|e| e.to_string())
            };
            match result {
                Ok(exp) => {
                    println!("{} households, {} people → {}", exp.households, exp.people, out.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("cannot write {}: {e}", out.display());
                    ExitCode::FAILURE
                }
            }
        }
    }
}
