//! The import view's plain data: the files picked, in the order the command would read
//! them, and how far each has got, in words.

use anju_data::format::{group_digits, yuan, Lang};
use anju_data::import::{latest, FileEntry, Outcome, PeriodTotals};
use anju_data::metric::Metric;

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

/// The import's result in a sentence: the last period's households and people, sites and
/// buildings as of its last day, then the rows read over every period and what was left
/// out. `refused_files` counts files the worker stopped inside too.
pub fn headline(lang: Lang, o: &Outcome, refused_files: usize) -> String {
    let n = group_digits;
    let last = latest(&o.totals);
    let count = |m: Metric| n(last.map_or(0, |t| t.count(m)));
    let (h, p, s, b) =
        (count(Metric::Households), count(Metric::People), count(Metric::Sites), count(Metric::Buildings));
    let (rows, bad, periods, as_of) = (n(o.rows), n(o.bad_rows), o.periods, &o.as_of);
    match lang {
        Lang::Zh => format!(
            "截至 {as_of}：{h} 户 {p} 人，{s} 个安置点、{b} 栋楼；共读取 {rows} 行（{periods} 个统计期），{bad} 行有问题未计入，{refused_files} 个文件被拒绝"
        ),
        Lang::En => {
            let of = |n: &str, one: &str, many: &str| format!("{n} {}", if n == "1" { one } else { many });
            format!(
                "As of {as_of}: {} and {} in {} and {}; {} read ({}), {} left out, {} refused",
                of(&h, "household", "households"),
                of(&p, "person", "people"),
                of(&s, "site", "sites"),
                of(&b, "building", "buildings"),
                of(&rows, "row", "rows"),
                of(&periods.to_string(), "period", "periods"),
                of(&bad, "bad row", "bad rows"),
                of(&refused_files.to_string(), "file", "files"),
            )
        }
    }
}

/// The key of per-capita income in the totals table (`data-metric`), as
/// `crates/anju-import/tests/cases/expected.json` names it.
pub const INCOME_PER_CAPITA: &str = "income_per_capita";

/// One row of an import's totals table: a metric, and per period its value as data
/// (`data-value`: the count, or yuan to the fen) and as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct TotalRow {
    pub key: String,
    pub name: String,
    pub cells: Vec<(String, String)>,
}

/// The rows of the totals table, one per metric that is not zero in some period (in the
/// registry's order), then per-capita income when any household gave one; a metric
/// absent from a period is 0 there, and income absent is shown as —.
pub fn total_rows(totals: &[PeriodTotals], lang: Lang) -> Vec<TotalRow> {
    let mut rows: Vec<TotalRow> = Metric::ALL
        .iter()
        .filter(|m| totals.iter().any(|t| t.counts.iter().any(|(k, _)| k == m.key())))
        .map(|m| TotalRow {
            key: m.key().to_string(),
            name: crate::i18n::tr(lang, m.zh(), m.en()).to_string(),
            cells: totals.iter().map(|t| (t.count(*m).to_string(), group_digits(t.count(*m)))).collect(),
        })
        .collect();
    if totals.iter().any(|t| t.income_per_capita.is_some()) {
        rows.push(TotalRow {
            key: INCOME_PER_CAPITA.to_string(),
            name: crate::i18n::tr(lang, "人均纯收入", "Per-capita net income").to_string(),
            cells: totals
                .iter()
                .map(|t| match t.income_per_capita {
                    Some(v) => (format!("{v:.2}"), yuan(v, lang)),
                    None => (String::new(), "—".to_string()),
                })
                .collect(),
        });
    }
    rows
}
