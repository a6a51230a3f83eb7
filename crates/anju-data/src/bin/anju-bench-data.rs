//! Data benchmark (a command, not a test): generates the `province` and `national`
//! presets, writes them, and measures sizes and native parse + validate throughput.
//!
//! Goals: province index ≤ 300 KB gzip; no shard over 300 KB raw (version 2); parse + validate
//! ≥ 200 MB/s; the generated data passes `gen::audit` (every relation at every node and
//! period, no synthesised 100 %, plausible county spreads). Exits non-zero when a goal is
//! missed.

use anju_data::gen::{generate, Preset};
use anju_data::load_all;
use anju_data::write::{layout, write_dir, WriteOptions, SHARD_BUDGET};
use clap::Parser;
use flate2::{write::GzEncoder, Compression};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Parser)]
#[command(about = "Generate province/national datasets and measure size and validation speed")]
struct Args {
    /// Where the generated datasets are written (one folder per preset).
    #[arg(long, default_value = "bench-out")]
    out: PathBuf,
    /// Presets to run.
    #[arg(long, value_delimiter = ',', default_value = "province,national")]
    presets: Vec<String>,
    /// Timed repetitions of parse + validate (the best is reported).
    #[arg(long, default_value_t = 3)]
    runs: usize,
}

fn gzip_len(b: &[u8]) -> usize {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(b).expect("in memory");
    e.finish().expect("in memory").len()
}

fn main() -> ExitCode {
    let args = Args::parse();
    let mut ok = true;
    for name in &args.presets {
        let Some(preset) = Preset::parse(name) else {
            eprintln!("unknown preset {name}");
            return ExitCode::from(2);
        };
        let t0 = Instant::now();
        let g = match generate(preset, 20250630) {
            Ok(g) => g,
            Err(e) => {
                eprintln!("{name}: generation failed: {e}");
                return ExitCode::FAILURE;
            }
        };
        let gen_s = t0.elapsed().as_secs_f64();
        let t_audit = Instant::now();
        let findings = anju_data::gen::audit::audit(&g);
        let audit_s = t_audit.elapsed().as_secs_f64();
        let w = layout(&g, &WriteOptions::default());
        let dir = args.out.join(name);
        if let Err(e) = write_dir(&dir, &w) {
            eprintln!("cannot write {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
        let people = g.nodes[0].m.get(anju_data::Metric::People, g.periods.len() - 1);
        let count = |l: anju_data::Level| g.nodes.iter().filter(|n| n.level == l).count();
        let raw: usize = w.files.iter().map(|(_, b)| b.len()).sum();
        let index_raw = w.index().len();
        let index_gz = gzip_len(w.index());
        let (max_name, max_shard) =
            w.files.iter().skip(1).map(|(n, b)| (n.as_str(), b.len())).max_by_key(|x| x.1).unwrap_or(("-", 0));
        let gz_all: usize = w.files.iter().map(|(_, b)| gzip_len(b)).sum();
        println!(
            "== {name}: {people} people, {} sites, {} buildings, {} nodes, generated in {gen_s:.1} s",
            count(anju_data::Level::Site),
            count(anju_data::Level::Building),
            g.nodes.len()
        );
        println!(
            "   files: {} ({} shards), total {:.1} MB raw, {:.1} MB gzip",
            w.files.len(),
            w.files.len() - 1,
            raw as f64 / 1e6,
            gz_all as f64 / 1e6
        );
        println!("   index: {:.1} KB raw, {:.1} KB gzip", index_raw as f64 / 1e3, index_gz as f64 / 1e3);
        println!("   largest shard: {max_name} {:.1} KB raw", max_shard as f64 / 1e3);
        let runs = args.runs.max(1);
        let (parse_best, best, valid) = time_loads(&w, runs);
        ok &= valid;
        println!("   parse only: {parse_best:.3} s = {:.0} MB/s", raw as f64 / 1e6 / parse_best);
        let mbps = raw as f64 / 1e6 / best;
        println!("   parse + validate (all files, native, best of {runs}): {best:.3} s = {mbps:.0} MB/s");
        let mut goal = |what: &str, pass: bool| {
            println!("   goal {what}: {}", if pass { "met" } else { "MISSED" });
            ok &= pass;
        };
        if preset == Preset::Province {
            goal("province index ≤ 300 KB gzip", index_gz <= 300_000);
        }
        goal("no shard over the budget (300 KB raw)", max_shard <= SHARD_BUDGET);
        println!(
            "   audit ({audit_s:.1} s): {} finding(s){}",
            findings.len(),
            findings.first().map(|f| format!(", first: {f}")).unwrap_or_default()
        );
        goal("audit: every relation holds, nothing implausible", findings.is_empty());
        goal("parse + validate ≥ 200 MB/s", mbps >= 200.0);
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The best of `runs` times to parse every file, and to parse and validate the whole
/// dataset; and whether it validated.
fn time_loads(w: &anju_data::write::Written, runs: usize) -> (f64, f64, bool) {
    let mut valid = true;
    let mut parse_best = f64::MAX;
    for _ in 0..runs {
        let t = Instant::now();
        for (n, b) in &w.files {
            let _ = std::hint::black_box(anju_data::load::parse_file(n, b));
        }
        parse_best = parse_best.min(t.elapsed().as_secs_f64());
    }
    let mut best = f64::MAX;
    for _ in 0..runs {
        let t = Instant::now();
        let (ds, ps) = load_all("index.json", |p| {
            w.files.iter().find(|(n, _)| n == p).map(|(_, b)| b.as_slice()).ok_or_else(|| format!("{p} missing"))
        });
        let s = t.elapsed().as_secs_f64();
        if !ps.is_empty() || ds.is_none() {
            eprintln!("   INVALID: {} problem(s), first: {:?}", ps.total, ps.list.first().map(|p| p.to_string()));
            valid = false;
        }
        best = best.min(s);
    }
    (parse_best, best, valid)
}
