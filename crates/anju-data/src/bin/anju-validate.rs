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
            // A date in the future is a slip (or a wrong clock), not a refusal: said, not fatal.
            let today = today_utc();
            if ds.meta.as_of.as_str() > today.as_str() {
                let (zh, en) = (
                    format!("警告：数据截至日期 {} 晚于今天（{today}），请核对 dataset.as_of", ds.meta.as_of),
                    format!("warning: as_of {} is after today ({today}); check dataset.as_of", ds.meta.as_of),
                );
                println!("{}", if args.en { en } else { zh });
            }
            println!("ok: {} nodes in {} files, {} periods", ds.nodes.len(), ds.files.len(), ds.periods.len());
            ExitCode::SUCCESS
        }
        _ => {
            println!("{} problem(s)", problems.total);
            ExitCode::FAILURE
        }
    }
}

/// Today's date in UTC as `YYYY-MM-DD`, from the system clock (days to a civil date by
/// the proleptic Gregorian calendar, as in Howard Hinnant's `civil_from_days`).
fn today_utc() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    civil((secs / 86_400) as i64)
}

/// The date `days` days after 1970-01-01.
fn civil(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn days_become_dates() {
        assert_eq!(super::civil(0), "1970-01-01");
        assert_eq!(super::civil(11_016), "2000-02-29");
        assert_eq!(super::civil(20_269), "2025-06-30");
        assert_eq!(super::today_utc().len(), 10);
    }
}
