//! The files a run reads: the inputs with folders walked (sub-folders too, in name order),
//! and every file that is not read named with its reason, so that nothing in a folder is
//! ignored silently. Byte-identical copies are refused (an original and a copy both read
//! would count every household twice).

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The files a folder's registers come in (a WPS .et is read as an XLS).
pub const REGISTER_EXTENSIONS: [&str; 6] = ["csv", "xlsx", "xls", "xlsb", "ods", "et"];

/// Why a file is not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotRead {
    /// In a folder, but not a register format (readme.txt, a photo); not a problem.
    NotRegister,
    /// An Excel or WPS lock file (~$台账.xlsx) or a hidden file (.DS_Store); not a problem.
    Temporary,
    /// The same bytes as a file read before it: refused.
    Identical(String),
    /// The file or folder cannot be opened: refused.
    Unreadable(String),
}

impl NotRead {
    /// Whether the run is partial without it (exit code 2): registers that were given but
    /// not read. Other files in a folder are named but do not make a run partial.
    pub fn refused(&self) -> bool {
        matches!(self, NotRead::Identical(_) | NotRead::Unreadable(_))
    }
    pub fn zh(&self) -> String {
        match self {
            NotRead::NotRegister => "不是台账文件（CSV、XLSX、XLS、XLSB、ODS、ET），已跳过".into(),
            NotRead::Temporary => "临时或隐藏文件，已跳过".into(),
            NotRead::Identical(first) => format!("与 {first} 完全相同，未重复读取；请删去其中一个"),
            NotRead::Unreadable(m) => format!("无法打开：{m}"),
        }
    }
    pub fn en(&self) -> String {
        match self {
            NotRead::NotRegister => "not a register file (CSV, XLSX, XLS, XLSB, ODS, ET), skipped".into(),
            NotRead::Temporary => "a temporary or hidden file, skipped".into(),
            NotRead::Identical(first) => format!("identical to {first}, not read twice; remove one of them"),
            NotRead::Unreadable(m) => format!("cannot be opened: {m}"),
        }
    }
}

/// The inputs as files to read, in order, and the files not read with why.
#[derive(Debug, Default)]
pub struct Listing {
    pub read: Vec<PathBuf>,
    pub not_read: Vec<(PathBuf, NotRead)>,
}

fn temporary(p: &Path) -> bool {
    p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("~$") || n.starts_with('.'))
}

fn is_register(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| REGISTER_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

fn walk(dir: &Path, out: &mut Listing) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return out.not_read.push((dir.to_path_buf(), NotRead::Unreadable(e.to_string()))),
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if temporary(&p) {
            out.not_read.push((p, NotRead::Temporary));
        } else if p.is_dir() {
            walk(&p, out);
        } else if is_register(&p) {
            out.read.push(p);
        } else {
            out.not_read.push((p, NotRead::NotRegister));
        }
    }
}

fn name_len(p: &Path) -> usize {
    p.file_name().map(|n| n.to_string_lossy().chars().count()).unwrap_or(0)
}

/// Whether two files hold the same bytes (compared in blocks; called only for files of
/// equal size).
fn same_bytes(a: &Path, b: &Path) -> std::io::Result<bool> {
    let (mut fa, mut fb) = (File::open(a)?, File::open(b)?);
    let (mut ba, mut bb) = (vec![0u8; 1 << 16], vec![0u8; 1 << 16]);
    loop {
        let n = fa.read(&mut ba)?;
        if n == 0 {
            return Ok(fb.read(&mut bb[..1])? == 0);
        }
        fb.read_exact(&mut bb[..n])?;
        if ba[..n] != bb[..n] {
            return Ok(false);
        }
    }
}

/// Expands the inputs: a file named on the command line is read whatever its extension
/// (it is refused later if it is no register); a folder gives its register files and
/// names the rest. A later file with the same bytes as an earlier one is refused.
pub fn list(inputs: &[PathBuf]) -> Listing {
    let mut out = Listing::default();
    for input in inputs {
        if input.is_dir() {
            walk(input, &mut out);
        } else if !input.exists() {
            out.not_read.push((input.clone(), NotRead::Unreadable("文件不存在 / no such file".into())));
        } else {
            out.read.push(input.clone());
        }
    }
    let mut kept: Vec<(PathBuf, u64)> = Vec::new();
    for p in std::mem::take(&mut out.read) {
        if kept.iter().any(|(k, _)| *k == p) {
            continue; // the same path given twice (a file and its folder)
        }
        let len = std::fs::metadata(&p).map(|m| m.len()).unwrap_or(u64::MAX);
        match kept.iter_mut().find(|(k, l)| *l == len && same_bytes(k, &p).unwrap_or(false)) {
            // Of two copies the shorter name is read ("台账.csv", not "台账 - 副本.csv"):
            // the same bytes either way, but the summary then names the copy as the copy.
            Some((k, _)) if name_len(&p) < name_len(k) => {
                let copy = std::mem::replace(k, p);
                out.not_read.push((copy, NotRead::Identical(k.display().to_string())));
            }
            Some((k, _)) => out.not_read.push((p, NotRead::Identical(k.display().to_string()))),
            None => kept.push((p, len)),
        }
    }
    out.read = kept.into_iter().map(|(p, _)| p).collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_walked_copies_refused_nothing_silent() {
        let d = tempfile::tempdir().unwrap();
        let w = |name: &str, body: &str| {
            let p = d.path().join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, body).unwrap();
        };
        w("a - 副本.csv", "x,y\n1,2\n");
        w("a.csv", "x,y\n1,2\n");
        w("a（修改版）.csv", "x,y\n1,3\n");
        w("b.csv", "x,y\n1,2\n");
        w("说明.txt", "…");
        w("~$a.xlsx", "lock");
        w("社区/c.XLSX", "pk");
        let l = list(&[d.path().to_path_buf(), d.path().join("a.csv"), d.path().join("missing.csv")]);
        let names = |v: Vec<&PathBuf>| -> Vec<String> {
            v.iter().map(|p| p.strip_prefix(d.path()).unwrap_or(p).display().to_string()).collect()
        };
        assert_eq!(names(l.read.iter().collect()), ["a.csv", "a（修改版）.csv", "社区/c.XLSX"]);
        let why: Vec<(String, bool)> = l
            .not_read
            .iter()
            .map(|(p, w)| (p.file_name().unwrap().to_string_lossy().into_owned(), w.refused()))
            .collect();
        assert_eq!(
            why,
            [
                ("~$a.xlsx".to_string(), false),
                ("说明.txt".to_string(), false),
                ("missing.csv".to_string(), true),
                ("a - 副本.csv".to_string(), true),
                ("b.csv".to_string(), true)
            ]
        );
        assert!(l.not_read[3..].iter().all(|(_, w)| matches!(w, NotRead::Identical(f) if f.ends_with("/a.csv"))));
    }
}
