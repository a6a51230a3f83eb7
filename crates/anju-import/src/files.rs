//! Which files a run reads: register formats by extension, temporary and hidden files
//! passed over, and byte-identical copies refused (an original and a copy both read would
//! count every household twice). Every file not read is named with its reason, so that
//! nothing in a folder is ignored silently. Names only: the `anju` command walks folders
//! on disk, the browser's import takes the files a person picked or dropped.

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

/// An Excel or WPS lock file (~$台账.xlsx) or a hidden one (.DS_Store), by its file name.
pub fn temporary(file_name: &str) -> bool {
    file_name.starts_with("~$") || file_name.starts_with('.')
}

/// Whether a file name has a register format's extension (any case).
pub fn is_register(file_name: &str) -> bool {
    file_name.rsplit_once('.').is_some_and(|(_, e)| REGISTER_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Why a file found in a folder is not read, if it is not: temporary, then not a
/// register. (A file named on its own is read whatever its name, and refused later if it
/// is no register.)
pub fn in_folder(file_name: &str) -> Option<NotRead> {
    if temporary(file_name) {
        Some(NotRead::Temporary)
    } else if !is_register(file_name) {
        Some(NotRead::NotRegister)
    } else {
        None
    }
}

/// Why a file at `path` within a folder picked (`/`-separated, the picked folder first:
/// 台账/社区A/1栋.csv) is not read, if it is not: under a temporary or hidden folder
/// (.git/…), which the command does not walk into; else as [`in_folder`]. The folder
/// picked itself is walked whatever its name, as a folder named on the command line is.
pub fn in_folder_path(path: &str) -> Option<NotRead> {
    let mut parts: Vec<&str> = path.split('/').collect();
    let name = parts.pop().unwrap_or(path);
    if parts.iter().skip(1).any(|d| temporary(d)) {
        return Some(NotRead::Temporary);
    }
    in_folder(name)
}

/// The files to read, in order, and the copies not read. `name` gives a file's full
/// name (its path), `len` its size in bytes, `digest` a hash of its bytes ([`digest`])
/// and `same` whether two files of one size and digest hold the same bytes. The same
/// name twice is read once; of two copies the one with the shorter file name is read
/// ("台账.csv", not "台账 - 副本.csv"): the same bytes either way, but the summary then
/// names the copy as the copy. Empty files are never copies (the reader says they are
/// empty).
///
/// Each file is hashed at most once, and only when another file has its size: 400 small
/// files of one size took 80,000 pairwise reads before (90 s in the browser).
pub fn drop_copies<T>(
    files: Vec<T>,
    name: impl Fn(&T) -> String,
    len: impl Fn(&T) -> u64,
    mut digest: impl FnMut(&T) -> u64,
    mut same: impl FnMut(&T, &T) -> bool,
) -> (Vec<T>, Vec<(T, NotRead)>) {
    use std::collections::{HashMap, HashSet};
    let short = |t: &T| name(t).rsplit(['/', '\\']).next().map_or(0, |n| n.chars().count());
    // Each kept file, with its digest once computed.
    let mut kept: Vec<(T, Option<u64>)> = Vec::new();
    let mut by_len: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut names = HashSet::new();
    let mut copies = Vec::new();
    for f in files {
        if !names.insert(name(&f)) {
            continue; // the same path given twice (a file and its folder)
        }
        let l = len(&f);
        let others = by_len.entry(l).or_default();
        let (mut found, mut mine) = (None, None);
        if l > 0 && !others.is_empty() {
            let d = digest(&f);
            mine = Some(d);
            for &k in others.iter() {
                let (t, dk) = &mut kept[k];
                let dk = *dk.get_or_insert_with(|| digest(t));
                if dk == d && same(t, &f) {
                    found = Some(k);
                    break;
                }
            }
        }
        match found {
            Some(k) if short(&f) < short(&kept[k].0) => {
                // Same bytes, so the digest kept stands for either.
                let copy = std::mem::replace(&mut kept[k].0, f);
                let first = name(&kept[k].0);
                copies.push((copy, NotRead::Identical(first)));
            }
            Some(k) => {
                let first = name(&kept[k].0);
                copies.push((f, NotRead::Identical(first)));
            }
            None => {
                others.push(kept.len());
                kept.push((f, mine));
            }
        }
    }
    (kept.into_iter().map(|(f, _)| f).collect(), copies)
}

/// A 64-bit hash of everything `r` gives (the standard library's SipHash, the same in
/// every run), for [`drop_copies`]; a read error hashes what was read before it (the
/// bytes are compared before any file is called a copy).
pub fn digest(mut r: impl std::io::Read) -> u64 {
    use std::hash::Hasher;
    let mut h = std::hash::DefaultHasher::new();
    let mut buf = vec![0u8; 1 << 16];
    while let Ok(n) = r.read(&mut buf) {
        if n == 0 {
            break;
        }
        h.write(&buf[..n]);
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_found_with_each_file_hashed_once_and_empty_files_never_copies() {
        // 400 files of one size, all different, then a copy of the 7th and two empty files.
        let mut files: Vec<(String, Vec<u8>)> =
            (0..400).map(|i| (format!("{i:03}.csv"), format!("{i:05}").into_bytes())).collect();
        files.push(("007 - 副本.csv".into(), b"00007".to_vec()));
        files.push(("empty.csv".into(), Vec::new()));
        files.push(("empty2.csv".into(), Vec::new()));
        let (mut hashed, mut compared) = (0, 0);
        let (read, copies) = drop_copies(
            files,
            |(n, _)| n.clone(),
            |(_, b)| b.len() as u64,
            |(_, b)| {
                hashed += 1;
                digest(b.as_slice())
            },
            |(_, a), (_, b)| {
                compared += 1;
                a == b
            },
        );
        assert_eq!(read.len(), 402);
        assert_eq!(copies.len(), 1);
        assert_eq!(copies[0].0 .0, "007 - 副本.csv");
        assert_eq!(copies[0].1, NotRead::Identical("007.csv".into()));
        assert!(hashed <= 401, "each file hashed at most once: {hashed}");
        assert_eq!(compared, 1, "bytes compared only for the matching digest");
    }

    #[test]
    fn files_in_a_folder_as_the_command_walks_it() {
        assert_eq!(in_folder_path("台账/社区A/1栋.csv"), None);
        assert_eq!(in_folder_path("台账/说明.txt"), Some(NotRead::NotRegister));
        assert_eq!(in_folder_path("台账/~$1栋.xlsx"), Some(NotRead::Temporary));
        // Under a hidden folder: not walked into.
        assert_eq!(in_folder_path("台账/.git/a.csv"), Some(NotRead::Temporary));
        // The folder picked itself is walked whatever its name.
        assert_eq!(in_folder_path(".台账/a.csv"), None);
    }
}
