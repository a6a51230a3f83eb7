//! `anju aggregate`: the registers named on the command line (files and folders) read
//! through `anju_import::aggregate` with a progress bar on big runs, and the dataset
//! written atomically.

use anju_data::write::write_dir;
use anju_import::aggregate::Run;
pub use anju_import::aggregate::{missing_columns, AggError, Overlap, Summary};
use std::path::PathBuf;
use std::time::Instant;

pub struct Options {
    pub inputs: Vec<PathBuf>,
    pub out: PathBuf,
    /// How the registers are read and what the run refuses.
    pub run: anju_import::aggregate::Options,
    /// Show a progress bar (on a terminal).
    pub progress: bool,
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

/// Reads every input and aggregates; writes the dataset unless a problem stops it.
pub fn run(opts: &Options) -> Result<Summary, AggError> {
    let start = Instant::now();
    let mut run = Run::new(&opts.run);
    let files = list_inputs(opts, &mut run.summary)?;
    let bar = progress_bar(opts, &files);
    let mut done_bytes = 0u64;
    for f in &files {
        let name = f.display().to_string();
        let result = match std::fs::File::open(f) {
            Ok(file) => {
                run.file(&name, Counted { inner: file, bar: bar.clone(), at: done_bytes }, &mut |_| {}).map(drop)
            }
            Err(e) => run.unopened(&name, &e.to_string()),
        };
        done_bytes += std::fs::metadata(f).map(|m| m.len()).unwrap_or(0);
        bar.set_position(done_bytes);
        if let Err(e) = result {
            bar.finish_and_clear();
            return Err(e);
        }
    }
    bar.finish_and_clear();
    rss("read");
    let (written, mut sum) = run.finish(&mut |phase| rss(phase))?;
    write_dir(&opts.out, &written)
        .map_err(|e| AggError::Write { path: opts.out.display().to_string(), message: e.to_string() })?;
    sum.seconds = start.elapsed().as_secs_f64();
    Ok(sum)
}

/// A progress bar past 8 MB of files in all, else a hidden one.
fn progress_bar(opts: &Options, files: &[PathBuf]) -> indicatif::ProgressBar {
    let total_bytes: u64 = files.iter().filter_map(|f| std::fs::metadata(f).ok()).map(|m| m.len()).sum();
    if !opts.progress || total_bytes <= 8 << 20 {
        return indicatif::ProgressBar::hidden();
    }
    let b = indicatif::ProgressBar::new(total_bytes);
    b.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {elapsed} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    b
}

/// The files to read; every other one is named with why it is not read (refused under
/// `--strict`).
fn list_inputs(opts: &Options, sum: &mut Summary) -> Result<Vec<PathBuf>, AggError> {
    let listing = crate::files::list(&opts.inputs);
    for (p, why) in listing.not_read {
        if opts.run.strict && why.refused() {
            return Err(AggError::Io {
                path: p.display().to_string(),
                message: format!("{} / {}", why.zh(), why.en()),
            });
        }
        sum.not_read.push((p.display().to_string(), why));
    }
    Ok(listing.read)
}

/// With ANJU_MEM=1, prints resident memory after each phase (for tuning).
fn rss(phase: &str) {
    if std::env::var_os("ANJU_MEM").is_some() {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let line = status.lines().find(|l| l.starts_with("VmRSS")).unwrap_or("");
        eprintln!("[mem] {phase}: {line}");
    }
}
