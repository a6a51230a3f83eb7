//! A dataset as one zip file, to publish on an office's own server: unpacked, it is the
//! folder `anju aggregate --out` writes (`<name>/index.json`, `<name>/shards/…`), opened
//! with `?data=<name>/index.json`. Deflated, and every entry dated 1980-01-01 00:00 (the
//! format's first date), so that one dataset always gives the same bytes whatever the
//! clock says.

use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// The zip of `files` (path in the dataset → bytes), each under the folder `name`.
///
/// Errors: a name or path that would leave the folder (empty, absolute, or with a `..`
/// or `\` part), or the zip library's own failure, in both languages.
pub fn zip<'a>(name: &str, files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Result<Vec<u8>, String> {
    let unsafe_part = |p: &str| {
        p.is_empty()
            || p.starts_with('/')
            || p.contains('\\')
            || p.split('/').any(|s| s.is_empty() || s == "." || s == "..")
    };
    if unsafe_part(name) || name.contains('/') {
        return Err(format!("数据集名称“{name}”不能用作文件夹名 / the dataset's name \"{name}\" cannot name a folder"));
    }
    let opts = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    let failed = |e: zip::result::ZipError| format!("无法生成 zip 文件 / the zip could not be made: {e}");
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for (path, bytes) in files {
        if unsafe_part(path) {
            return Err(format!(
                "文件路径“{path}”不在数据集文件夹内 / the file path \"{path}\" is not inside the dataset's folder"
            ));
        }
        w.start_file(format!("{name}/{path}"), opts).map_err(failed)?;
        w.write_all(bytes).map_err(|e| failed(e.into()))?;
    }
    Ok(w.finish().map_err(failed)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn files() -> Vec<(String, Vec<u8>)> {
        vec![
            ("index.json".into(), br#"{"version":2}"#.to_vec()),
            ("shards/A.json".into(), "毕节市".repeat(200).into_bytes()),
        ]
    }

    fn zipped(name: &str, f: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
        zip(name, f.iter().map(|(p, b)| (p.as_str(), b.as_slice())))
    }

    #[test]
    fn unpacks_to_the_same_files_under_the_name() {
        let bytes = zipped("import-20261201-101500", &files()).unwrap();
        let mut a = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        assert_eq!(a.len(), 2);
        for (path, want) in files() {
            let mut e = a.by_name(&format!("import-20261201-101500/{path}")).unwrap();
            assert_eq!(e.compression(), CompressionMethod::Deflated);
            assert_eq!(e.last_modified(), Some(DateTime::default()));
            let mut got = Vec::new();
            e.read_to_end(&mut got).unwrap();
            assert_eq!(got, want, "{path}");
        }
    }

    #[test]
    fn the_same_dataset_gives_the_same_bytes() {
        assert_eq!(zipped("d", &files()).unwrap(), zipped("d", &files()).unwrap());
    }

    #[test]
    fn nothing_leaves_the_folder() {
        for name in ["", "..", "a/b", "/a", "a\\b"] {
            assert!(zipped(name, &files()).is_err(), "{name:?}");
        }
        for path in ["../x.json", "/x.json", "shards//x", "shards/../../x", "a\\b", ""] {
            let f = vec![(path.to_string(), vec![1u8])];
            assert!(zipped("d", &f).is_err(), "{path:?}");
        }
    }
}
