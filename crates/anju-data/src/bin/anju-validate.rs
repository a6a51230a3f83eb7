//! Validates a dataset (index plus every shard): `anju-validate public/data/index.json`.
//! Prints every problem and exits 1 if there is any.

use anju_data::load_all;
use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(about = "Check an Anju dataset: syntax, schema, bounds, tree, shards and sums")]
struct Args {
    /// The dataset's index.json (shards are found relative to it).
    index: PathBuf,
    /// Print messages in English instead of Chinese.
    #[arg(long)]
    en: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let dir = args.index.parent().map(|p| p.to_path_buf()).unwrap_or_default();
    let name = args.index.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let (ds, problems) = load_all(&name, |rel| std::fs::read(dir.join(rel)).map_err(|e| e.to_string()));
    let lang = if args.en { "en" } else { "zh" };
    for p in &problems.list {
        println!("{}: {}", p.at, p.message(lang));
    }
    if problems.total > problems.list.len() {
        println!("… {} more", problems.total - problems.list.len());
    }
    match (ds, problems.is_empty()) {
        (Some(ds), true) => {
            println!("ok: {} nodes in {} files, {} periods", ds.nodes.len(), ds.files.len(), ds.periods.len());
            ExitCode::SUCCESS
        }
        _ => {
            println!("{} problem(s)", problems.total);
            ExitCode::FAILURE
        }
    }
}
