//! The import view's plain data: the order files are sent in, and progress in words.

use anju::model::import::{bytes, entries, fraction, progress, Picked};
use anju_data::format::Lang;

fn picked(rel: &str, name: &str, size: u64) -> Picked {
    Picked { relative_path: rel.into(), name: name.into(), size }
}

#[test]
fn files_alone_first_as_given_then_folders_by_path() {
    let p = [
        picked("台账/社区B/2栋.xlsx", "2栋.xlsx", 10),
        picked("", "z.csv", 1),
        picked("台账/社区A/1栋.csv", "1栋.csv", 5),
        picked("", "a.csv", 2),
    ];
    let (e, order) = entries(&p);
    assert_eq!(order, [1, 3, 2, 0]);
    let names: Vec<(&str, bool)> = e.iter().map(|f| (f.name.as_str(), f.in_folder)).collect();
    assert_eq!(
        names,
        [("z.csv", false), ("a.csv", false), ("台账/社区A/1栋.csv", true), ("台账/社区B/2栋.xlsx", true)]
    );
    assert_eq!(e[3].size, 10);
}

#[test]
fn progress_in_words() {
    assert_eq!(bytes(512), "512 B");
    assert_eq!(bytes(3 * 1024 + 512), "3.5 KB");
    assert_eq!(bytes(12 << 20), "12.0 MB");
    assert_eq!(progress(Lang::Zh, 1 << 20, 4 << 20, 0), "已读 1.0 MB / 4.0 MB");
    assert_eq!(progress(Lang::En, 1 << 20, 4 << 20, 12_000), "read 1.0 MB of 4.0 MB, 12,000 rows");
    // Never past the whole.
    assert_eq!(progress(Lang::En, 9 << 20, 4 << 20, 0), "read 4.0 MB of 4.0 MB");
    assert_eq!(fraction(1, 4), 0.25);
    assert_eq!(fraction(0, 0), 1.0);
    assert_eq!(fraction(9, 4), 1.0);
}
