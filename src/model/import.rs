//! The import view's plain data: the files picked, in the order the command would read
//! them, and how far each has got, in words.

use anju_data::format::{group_digits, Lang};
use anju_data::import::FileEntry;

/// A file as picked: its path within a folder (empty when picked alone), name and bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picked {
    pub relative_path: String,
    pub name: String,
    pub size: u64,
}

impl Picked {
    /// How the file is named to a person: its path within the folder it came in, else
    /// its name.
    pub fn shown_name(&self) -> String {
        if self.relative_path.is_empty() {
            self.name.clone()
        } else {
            self.relative_path.clone()
        }
    }
}

/// The request's entries for `picked`, and the order to send the files in: files picked
/// alone first as given, then those of folders by path (as `anju aggregate` walks a
/// folder, in name order).
pub fn entries(picked: &[Picked]) -> (Vec<FileEntry>, Vec<usize>) {
    let mut order: Vec<usize> = (0..picked.len()).collect();
    order.sort_by(|&a, &b| {
        let (pa, pb) = (&picked[a], &picked[b]);
        (!pa.relative_path.is_empty(), &pa.relative_path, a).cmp(&(!pb.relative_path.is_empty(), &pb.relative_path, b))
    });
    let entries = order
        .iter()
        .map(|&i| {
            let p = &picked[i];
            let in_folder = !p.relative_path.is_empty();
            FileEntry {
                name: if in_folder { p.relative_path.clone() } else { p.name.clone() },
                in_folder,
                size: p.size,
            }
        })
        .collect();
    (entries, order)
}

/// Bytes as a person reads them: 512 B, 3.4 KB, 12.0 MB.
pub fn bytes(n: u64) -> String {
    match n {
        n if n < 1024 => format!("{n} B"),
        n if n < 1 << 20 => format!("{:.1} KB", n as f64 / 1024.0),
        n => format!("{:.1} MB", n as f64 / (1u64 << 20) as f64),
    }
}

/// How far a file has been read: 'read 3.4 MB of 12.0 MB, 12,000 rows'.
pub fn progress(lang: Lang, done: u64, size: u64, rows: u64) -> String {
    let (done, size) = (bytes(done.min(size)), bytes(size));
    match (lang, rows) {
        (Lang::Zh, 0) => format!("已读 {done} / {size}"),
        (Lang::Zh, r) => format!("已读 {done} / {size}，{} 行", group_digits(r)),
        (Lang::En, 0) => format!("read {done} of {size}"),
        (Lang::En, r) => format!("read {done} of {size}, {} rows", group_digits(r)),
    }
}

/// The share of a file read, 0–1 (an empty file is read whole).
pub fn fraction(done: u64, size: u64) -> f64 {
    if size == 0 {
        1.0
    } else {
        (done as f64 / size as f64).clamp(0.0, 1.0)
    }
}
