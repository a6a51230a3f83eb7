//! The messages between the import view and its worker, which reads registers in the
//! browser (the `anju-import-worker` build, around `anju_import::aggregate`). Plain data in
//! both languages: the worker words every fact, the page lays them out. Counts, places,
//! column headers and located problems only: never a cell of an identity column (those
//! are never read), and nothing of a file is kept.
//!
//! Sent as JSON text; a file's bytes and the dataset's files travel beside the text.

use serde::{Deserialize, Serialize};

/// A sentence in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Said {
    pub zh: String,
    pub en: String,
}

impl Said {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Said {
        Said { zh: zh.into(), en: en.into() }
    }
    /// A line already in both languages (a file's refusal, a row's problem).
    pub fn both(s: impl Into<String>) -> Said {
        let s = s.into();
        Said { zh: s.clone(), en: s }
    }
}

/// A choice a person makes where the registers are silent or open: `anju aggregate`'s
/// flag, and the import view's field for it. One list, so that a message saying what to
/// change names what the person sees (`anju_import::flags::give`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The month for sheets without one.
    Period,
    /// The place for sheets without one.
    Place,
    /// CSV text encoding.
    Encoding,
    /// Sum a building and period found in two files instead of refusing.
    AllowSplit,
    /// Variant → canonical place names.
    Aliases,
}

impl Choice {
    /// `anju aggregate`'s flag: `--period`.
    pub fn flag(self) -> &'static str {
        match self {
            Choice::Period => "--period",
            Choice::Place => "--place",
            Choice::Encoding => "--encoding",
            Choice::AllowSplit => "--allow-split",
            Choice::Aliases => "--aliases",
        }
    }
    /// The import view's field: (Chinese, English).
    pub fn field(self) -> (&'static str, &'static str) {
        match self {
            Choice::Period => ("统计期", "Period"),
            Choice::Place => ("地点", "Place"),
            Choice::Encoding => ("CSV 编码", "CSV encoding"),
            Choice::AllowSplit => ("同一楼栋分在几个文件中登记时相加", "Add up a building registered across files"),
            Choice::Aliases => ("地名别名", "Place aliases"),
        }
    }
}

/// Page → worker: read these files (their `File` objects beside, in this order) with
/// these choices, and aggregate them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    pub files: Vec<FileEntry>,
    /// The month for sheets without one (`--period`), as typed; `None` when not given.
    pub period: Option<String>,
    /// The place for sheets without one (`--place`), as typed; `None` when not given.
    pub place: Option<String>,
    /// CSV text encoding: `auto` (UTF-8, else GBK), `utf-8` or `gbk` (`--encoding`).
    pub encoding: String,
    /// Sum a building and period found in two files (`--allow-split`).
    #[serde(default)]
    pub allow_split: bool,
    /// Variant → canonical place names, a `variant,canonical` pair per line, as an
    /// `--aliases` file holds them; empty for none.
    #[serde(default)]
    pub aliases: String,
}

/// A file picked or dropped.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Its name, with the folder path when it came in a folder (社区/1栋.xlsx).
    pub name: String,
    /// Came in a folder: read only when its name is a register's (as `anju aggregate`
    /// walks a folder); a file picked alone is read whatever its name.
    pub in_folder: bool,
    /// Bytes.
    pub size: u64,
}

/// Worker → page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Message {
    /// The worker is up and takes a request.
    Ready,
    /// Reading file `file` (its place in the request): bytes and rows read so far.
    Progress { file: usize, bytes: u64, rows: u64 },
    /// How file `file` was read.
    Preview { file: usize, preview: FilePreview },
    /// The run's end.
    Done(Outcome),
    /// The zip asked for by a [`ZipRequest`], its bytes beside (none when `refused`).
    Zipped { name: String, refused: Option<Said> },
}

/// Page → worker: one zip of a kept dataset (`crate::import::Saved`), to publish on a
/// server; its files' bytes beside, in `files`' order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZipRequest {
    /// The dataset's name, the zip's one folder.
    pub name: String,
    /// Paths in the dataset (`index.json`, `shards/…`).
    pub files: Vec<String>,
}

/// How one file was read: the facts `anju inspect` prints.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilePreview {
    pub name: String,
    /// `csv`, `xlsx` …; empty when the file was not read.
    pub format: String,
    /// Households counted from it.
    pub households: u64,
    /// Why it was not read or was refused (its figures are not in the result).
    pub refused: Option<Said>,
    /// Why it was passed over without harm (a lock file, a photo in the folder).
    pub passed_over: Option<Said>,
    pub sheets: Vec<SheetPreview>,
}

/// How one sheet was read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetPreview {
    /// Empty for a CSV.
    pub sheet: String,
    /// Why the sheet was not read, when it was not.
    pub skipped: Option<Said>,
    /// The header's first and last rows, as the sheet numbers them.
    pub header: Option<(u64, u64)>,
    /// Period and place taken from elsewhere than a column, and from where.
    pub given: Vec<Said>,
    /// Cells read after a normalisation, with the count; `true` when the meaning may
    /// have changed (a warning).
    pub norms: Vec<(Said, u64, bool)>,
    pub columns: Vec<ColumnRead>,
    /// Rows by kind (households, 小计, 合计, blank …) and how many.
    pub rows: Vec<(Said, u64)>,
    /// 小计 and 合计 rows that disagree with the households above them.
    pub checks: Vec<Said>,
    /// The sheet has 小计 or 合计 rows and every one agrees.
    pub totals_agree: bool,
    /// The first problems, located (file, row, column, value of a data column, what).
    pub problems: Vec<Said>,
}

impl SheetPreview {
    /// The header rows the sheet was read with: 表头：第 3 行 / header: rows 2–3.
    pub fn header_words(&self) -> Option<Said> {
        let (a, b) = self.header?;
        Some(if a == b {
            Said::new(format!("表头：第 {a} 行"), format!("header: row {a}"))
        } else {
            Said::new(format!("表头：第 {a}–{b} 行"), format!("header: rows {a}–{b}"))
        })
    }
}

/// One column with a header, and what it is read as.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnRead {
    /// Its letters as a spreadsheet shows them (A, B … AA).
    pub letter: String,
    pub header: String,
    pub read_as: ColumnUse,
}

/// What a column is read as.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ColumnUse {
    /// A register field (统计期, 户人数 …), named in both languages.
    Field(Said),
    /// Known by its header as identity data (a name, an ID or phone number): never read.
    Identity,
    #[default]
    Unused,
}

impl ColumnUse {
    /// What the column is read as, in words: the field, or why it is not read.
    pub fn words(&self) -> Said {
        match self {
            ColumnUse::Field(f) => f.clone(),
            ColumnUse::Identity => Said::new("身份信息，不读取", "identity, never read"),
            ColumnUse::Unused => Said::new("未使用", "not used"),
        }
    }
}

/// How the run ended.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// Why no dataset was made, when none was (no household, two files holding one
    /// building, a required column missing under strict reading).
    pub refused: Option<Said>,
    /// What the run found, line by line (the command's summary).
    pub notes: Vec<Said>,
    /// Household rows read, good and bad.
    pub rows: u64,
    pub bad_rows: u64,
    /// Files refused (their figures are not in the dataset).
    pub refused_files: usize,
    pub periods: usize,
    /// The dataset's files in the order sent beside (`index.json` first).
    pub files: Vec<String>,
    /// The dataset's title and its last period (`as_of`), for the list of imports.
    pub title: String,
    pub as_of: String,
    /// The whole dataset's figures, per period (the root node's, as the dashboard shows
    /// them at the top).
    pub totals: Vec<PeriodTotals>,
}

/// A dataset's figures for one period.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PeriodTotals {
    /// `2025-06`.
    pub period: String,
    /// Each count that is not zero, by metric key (`crate::metric::Metric::key`), in the
    /// registry's order: people, households … A metric not listed is 0.
    pub counts: Vec<(String, u64)>,
    /// Per-capita net income (yuan, to the fen) over the people with an income figure;
    /// `None` when no household gave one.
    pub income_per_capita: Option<f64>,
}

/// The figures a dataset opens on: its last period's (a household in the registers of two
/// months is one household, not two). `None` when it has no period.
pub fn latest(totals: &[PeriodTotals]) -> Option<&PeriodTotals> {
    totals.iter().max_by(|a, b| a.period.cmp(&b.period))
}

impl PeriodTotals {
    /// The count of `m` (0 when not listed).
    pub fn count(&self, m: crate::metric::Metric) -> u64 {
        self.counts.iter().find(|(k, _)| k == m.key()).map_or(0, |(_, v)| *v)
    }
}

/// A dataset imported in this browser, as its list shows it (kept beside its files).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    /// Its name in `data=local:<name>` (`paths::local_name`).
    pub name: String,
    pub title: String,
    /// Its last period's last day (`as_of`).
    pub as_of: String,
    /// When it was imported: `YYYY-MM-DD HH:MM`, the browser's local time.
    pub saved: String,
    /// The register files it was read from.
    pub sources: Vec<String>,
    /// Its files, `index.json` first.
    pub files: Vec<String>,
    /// Households and people in its last period (as the dashboard opens on it).
    pub households: u64,
    pub people: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip_as_json() {
        let sheet = SheetPreview { sheet: "1栋".into(), header: Some((2, 3)), ..Default::default() };
        let m = Message::Preview {
            file: 2,
            preview: FilePreview {
                name: "台账.xlsx".into(),
                format: "xlsx".into(),
                households: 8,
                sheets: vec![sheet],
                ..Default::default()
            },
        };
        let text = serde_json::to_string(&m).unwrap();
        assert_eq!(serde_json::from_str::<Message>(&text).unwrap(), m);
    }

    #[test]
    fn header_rows_in_words() {
        let s = |a, b| SheetPreview { header: Some((a, b)), ..Default::default() }.header_words();
        assert_eq!(s(3, 3), Some(Said::new("表头：第 3 行", "header: row 3")));
        assert_eq!(s(2, 3), Some(Said::new("表头：第 2–3 行", "header: rows 2–3")));
        assert_eq!(SheetPreview::default().header_words(), None);
    }
}
