//! The files a run reads: the inputs with folders walked (sub-folders too, in name order),
//! and every file that is not read named with its reason, so that nothing in a folder is
//! ignored silently. Byte-identical copies are refused (an original and a copy both read
//! would count every household twice).

pub use anju_import::files::NotRead;
use anju_import::files::{drop_copies, in_folder, temporary};
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The inputs as files to read, in order, and the files not read with why.
#[derive(Debug, Default)]
pub struct Listing {
    pub read: Vec<PathBuf>,
    pub not_read: Vec<(PathBuf, NotRead)>,
}

fn walk(dir: &Path, out: &mut Listing) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return out.not_read.push((dir.to_path_buf(), NotRead::Unreadable(e.to_string()))),
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if p.is_dir() && !temporary(&name) {
            walk(&p, out);
        } else {
            match in_folder(&name) {
                Some(why) => out.not_read.push((p, why)),
                None => out.read.push(p),
            }
        }
    }
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
    let len = |p: &PathBuf| std::fs::metadata(p).map(|m| m.len()).unwrap_or(u64::MAX);
    let (read, copies) = drop_copies(
        std::mem::take(&mut out.read),
        |p| p.display().to_string(),
        len,
        |p| std::fs::File::open(p).map(anju_import::files::digest).unwrap_or(0),
        |a, b| same_bytes(a, b).unwrap_or(false),
    );
    out.read = read;
    out.not_read.extend(copies);
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
