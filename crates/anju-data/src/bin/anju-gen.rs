//! Generates a dataset: `anju-gen --preset demo --out public/data`.

use anju_data::gen::{generate, Preset};
use anju_data::write::{layout, write_dir, WriteOptions};
use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(about = "Generate an Anju dataset (deterministic for a seed)")]
struct Args {
    /// demo (the real figures of domain.md), province or national (benchmarks)
    #[arg(long, default_value = "demo")]
    preset: String,
    #[arg(long, default_value_t = 20250630)]
    seed: u64,
    /// The dataset folder to (re)write; it is replaced atomically.
    #[arg(long)]
    out: PathBuf,
    /// Write everything into index.json instead of sharding.
    #[arg(long)]
    single_file: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let Some(preset) = Preset::parse(&args.preset) else {
        eprintln!("unknown preset {:?}: use demo, province or national", args.preset);
        return ExitCode::from(2);
    };
    let g = match generate(preset, args.seed) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("generation failed: {e}");
            return ExitCode::FAILURE;
        }
    };
    let w = layout(&g, &WriteOptions { single_file: args.single_file, ..Default::default() });
    if let Err(e) = write_dir(&args.out, &w) {
        eprintln!("cannot write {}: {e}", args.out.display());
        return ExitCode::FAILURE;
    }
    let total: usize = w.files.iter().map(|(_, b)| b.len()).sum();
    println!(
        "{} nodes, {} files, {:.1} MB in {}",
        g.nodes.len(),
        w.files.len(),
        total as f64 / 1e6,
        args.out.display()
    );
    ExitCode::SUCCESS
}
