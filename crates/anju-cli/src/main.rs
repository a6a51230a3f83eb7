//! `anju aggregate --input <files or folders> --out <dir>` and `anju gen-registers`.

use anju_cli::aggregate::{run, AggError, Options};
use anju_cli::registers::{generate, write_xlsx, CsvOut, Spec};
use anju_import::report::tell;
use anju_import::EncodingChoice;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// The text encoding of CSV registers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Encoding {
    // UTF-8 when the file is valid UTF-8 (with or without BOM), else GBK.
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
    Aggregate(AggregateArgs),

    Inspect(InspectArgs),

    GenRegisters(GenArgs),

    Geo(anju_cli::geo::GeoArgs),
}

#[derive(clap::Args)]
struct AggregateArgs {
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
    /// 毕节市/织金县/平远新城安置点[/惠泽社区[/第3网格]]; or shortened (平远新城安置点,
    /// 织金县/平远新城安置点) when that names one place of the other registers.
    #[arg(long)]
    place: Option<String>,
    /// Stop at the first bad row or file instead of skipping it.
    #[arg(long)]
    strict: bool,
    /// A CSV of place names to merge, one `variant,canonical` per line
    /// (平远新城,平远新城安置点): for one place spelled two ways across registers.
    #[arg(long)]
    aliases: Option<PathBuf>,
    /// Sum a building and month that two files both hold (a building registered in
    /// parts), instead of refusing them as a likely copy.
    #[arg(long)]
    allow_split: bool,
    /// The dataset's title.
    #[arg(long)]
    title: Option<String>,
    /// Print messages in English only.
    #[arg(long)]
    en: bool,
}

#[derive(clap::Args)]
struct InspectArgs {
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
}

#[derive(clap::Args)]
struct GenArgs {
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
}

/// How registers are read, from the command line (`anju_import::flags`).
fn read_options(
    encoding: Encoding,
    period: Option<String>,
    place: Option<String>,
) -> Result<anju_import::Options, String> {
    anju_import::flags::options(encoding.into(), period.as_deref(), place.as_deref())
}

/// The `--aliases` table, or what to change in it (file and line).
fn read_aliases(path: &std::path::Path) -> Result<anju_import::names::Aliases, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: 无法读取 / cannot be read: {e}", path.display()))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| format!("{}: 应为 UTF-8 编码的 CSV / must be a UTF-8 CSV", path.display()))?;
    anju_import::names::Aliases::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Exit code when the dataset was written but some rows or files were refused (0: every
/// row of every file read or excluded as a non-household row; 1: nothing written).
const PARTIAL: u8 = 2;

fn main() -> ExitCode {
    // Help in Chinese unless --en is anywhere on the line (it must be known before parsing).
    let en = std::env::args().any(|a| a == "--en");
    let matches = anju_cli::help::localise(Cli::command(), en).get_matches();
    // A panic inside the workbook reader is contained and the file refused with what to
    // do; the reader's own report would only confuse. Any other panic reports as usual.
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !info.location().is_some_and(|l| l.file().contains("calamine-")) {
            report(info);
        }
    }));
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    match cli.cmd {
        Cmd::Aggregate(a) => aggregate(a),
        Cmd::Inspect(a) => inspect(a),
        Cmd::GenRegisters(a) => gen_registers(a),
        Cmd::Geo(a) => match anju_cli::geo::run(a) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        },
    }
}

/// `anju aggregate`: registers into a dataset, with the closing summary.
fn aggregate(a: AggregateArgs) -> ExitCode {
    let AggregateArgs { input, out, encoding, period, place, strict, aliases, allow_split, title, en } = a;
    let read = match read_options(encoding, period, place) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let aliases = match aliases.map(|p| read_aliases(&p)).transpose() {
        Ok(a) => a.unwrap_or_default(),
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let (read, place_note) = match anju_cli::place::complete(read, &input, &aliases) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let opts = Options {
        inputs: input,
        out: out.clone(),
        run: anju_import::aggregate::Options { read, strict, aliases, allow_split, title },
        progress: std::io::stderr().is_terminal(),
    };
    // A line already in both languages comes as the same text twice: printed once.
    let say = |zh: String, english: String| match () {
        _ if en || zh == english => println!("{english}"),
        _ => println!("{zh} / {english}"),
    };
    if let Some((zh, english)) = place_note {
        say(zh, english);
    }
    match run(&opts) {
        Ok(s) => {
            tell(&s, &say);
            // The dataset's own figures are its last period's: a household in the
            // registers of two months is one household, not two.
            let last = anju_data::import::latest(&s.totals);
            let (period, households, people) = last.map_or((String::new(), 0, 0), |t| {
                (t.period.clone(), t.count(anju_data::Metric::Households), t.count(anju_data::Metric::People))
            });
            say(
                format!("读取 {} 行（{} 个统计期），跳过 {} 行；最后一个统计期 {period} 共 {households} 户 {people} 人；{} 个节点，写入 {}；用时 {:.1} 秒", s.rows, s.periods, s.bad_rows, s.nodes, out.display(), s.seconds),
                format!("read {} rows ({} periods), skipped {} rows; the last period, {period}: {households} households and {people} people; {} nodes, written to {}; {:.1} s", s.rows, s.periods, s.bad_rows, s.nodes, out.display(), s.seconds),
            );
            if s.partial() {
                let files = s.refused_files();
                say(
                    format!("已写入，但有 {} 行、{files} 个文件被拒绝（见上）：退出码 {PARTIAL}", s.bad_rows),
                    format!(
                        "written, but {} rows and {files} files were refused (listed above): exit code {PARTIAL}",
                        s.bad_rows
                    ),
                );
                ExitCode::from(PARTIAL)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            if let AggError::NoRows(s) | AggError::Overlap(s) = &e {
                tell(s, &say);
            }
            eprintln!("{e}");
            eprintln!("未写入任何数据，原有数据保持不变 / nothing was written; any previous dataset is unchanged");
            ExitCode::FAILURE
        }
    }
}

/// `anju inspect`: how each register is read.
fn inspect(a: InspectArgs) -> ExitCode {
    let InspectArgs { files, encoding, period, place, en } = a;
    let say = |zh: String, english: String| if en { println!("{english}") } else { println!("{zh} / {english}") };
    let read = match read_options(encoding, period, place)
        .and_then(|r| anju_cli::place::complete(r, &files, &Default::default()))
    {
        Ok((r, note)) => {
            if let Some((zh, english)) = note {
                say(zh, english);
            }
            r
        }
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

/// `anju gen-registers`: synthetic registers for tests and benchmarks.
fn gen_registers(a: GenArgs) -> ExitCode {
    let GenArgs { out, format, encoding, national, cities, periods, seed, with_identity } = a;
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
