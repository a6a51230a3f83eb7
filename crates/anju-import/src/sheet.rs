//! One sheet, row by row: the header found among the first rows, then each row classified
//! (household, blank, 小计, 合计, note, repeated header) and each household parsed. 小计
//! and 合计 rows are checked against the households above them (a free audit for the
//! office). What was found is the sheet's [`SheetReport`], the view `anju inspect` prints.

use crate::columns::{Field, Header};
use crate::flags::named;
use crate::period;
use crate::row::{parse_row, Cells, Given, Household, RowProblem, CHANNEL_FIELDS, GROUP_FIELDS};
use crate::table::{classify, find_header, Found, RowKind, SEARCH_ROWS};
use crate::values::Norms;
use anju_data::import::Choice;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// What reading hands on, as it goes. Items go straight to the sink and are never stored
/// in bulk, so the household is not boxed.
#[allow(clippy::large_enum_variant)]
pub enum Item {
    Household(Household),
    /// A row taken for a household but refused, with every problem found in it.
    Rejected(Vec<RowProblem>),
}

/// Where households and problems go.
pub type Sink<'a> = dyn FnMut(Item) + 'a;

/// Why a sheet gave no households.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Skip {
    Hidden,
    Empty,
    Unreadable(String),
    /// No row among the first ones reads as a header (see `table::find_header`): a data
    /// dictionary, notes.
    NoHeader,
    /// No header, and cells that are not text in the file's encoding (GBK read as UTF-8).
    Encoding,
    /// A header, but without these required columns.
    MissingColumns(Vec<Field>),
}

/// Where a sheet's period or place came from when it has no column for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A title row above the header (its row number).
    TitleRow(u64),
    SheetName,
    FileName,
    /// `--period` or `--place`.
    Given,
}

impl Origin {
    pub fn zh(&self) -> String {
        match self {
            Origin::TitleRow(r) => format!("第{r}行标题"),
            Origin::SheetName => "工作表名".into(),
            Origin::FileName => "文件名".into(),
            Origin::Given => format!("给定的选项（{}、{}）", named(Choice::Period).0, named(Choice::Place).0),
        }
    }
    pub fn en(&self) -> String {
        match self {
            Origin::TitleRow(r) => format!("the title in row {r}"),
            Origin::SheetName => "the sheet's name".into(),
            Origin::FileName => "the file's name".into(),
            Origin::Given => format!("the choice made ({}, {})", named(Choice::Period).1, named(Choice::Place).1),
        }
    }
}

/// What is read for every sheet: the text encoding of a CSV, and the period and place
/// for sheets that have no column for them (`--period 2025-06`, `--place 市/县/安置点/…`).
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub encoding: crate::EncodingChoice,
    pub period: Option<anju_data::model::Period>,
    /// From the city down: 市, 县, 安置点, and optionally 社区, 网格.
    pub place: Vec<String>,
}

/// A 小计 or 合计 row whose figure is not the sum of the households it totals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TotalCheck {
    pub row: u64,
    pub kind: RowKind,
    pub column: &'static str,
    pub stated: u64,
    pub summed: u64,
}

/// How one sheet was read.
#[derive(Debug, Default)]
pub struct SheetReport {
    pub file: String,
    /// Empty for a CSV.
    pub sheet: String,
    pub skipped: Option<Skip>,
    /// The header's first and last rows (the sheet's own numbers).
    pub header: Option<(u64, u64)>,
    pub columns: Header,
    pub kinds: BTreeMap<RowKind, u64>,
    pub total_checks: Vec<TotalCheck>,
    /// Values the sheet has no column for, with where they came from.
    pub given: Vec<(Field, String, Origin)>,
    /// Normalisations of values (counted over the households read).
    pub norms: Norms,
    /// Why the sheet, and so its file, is refused (Chinese, English): reading it would be
    /// a guess (see `refuse.rs`). Also given as `skipped`, so nothing counts it.
    pub refused: Option<(String, String)>,
}

/// How one file was read: its format and every sheet.
#[derive(Debug)]
pub struct Report {
    pub format: &'static str,
    pub sheets: Vec<SheetReport>,
}

/// A buffered row (CSV rows read before the header is known): cell texts, `None` where
/// the bytes were not valid in the file's encoding.
struct TextCells(Vec<Option<String>>);

impl Cells for TextCells {
    fn width(&self) -> usize {
        self.0.len()
    }
    fn cell(&self, i: usize) -> Option<Cow<'_, str>> {
        match self.0.get(i) {
            Some(Some(s)) => Some(Cow::Borrowed(s)),
            Some(None) => None,
            None => Some(Cow::Borrowed("")),
        }
    }
}

/// The counts a 小计 or 合计 row states, summed over households.
const TOTALLED: [Field; 3] = [Field::Size, Field::Labour, Field::Trained];

/// One state per sheet, so its size does not matter.
#[allow(clippy::large_enum_variant)]
enum State {
    Searching(Vec<(u64, TextCells)>),
    Reading {
        found: Found,
        header_texts: Vec<Vec<String>>,
        width: usize,
        after: u64,
        readable: Vec<usize>,
        at: String,
        given: Given,
    },
    Done,
}

/// Reads one sheet row by row.
pub struct SheetProc {
    report: SheetReport,
    csv: bool,
    opts: Options,
    state: State,
    /// Sums since the last 小计, and over the sheet, per totalled column.
    since_subtotal: Vec<u64>,
    whole: Vec<u64>,
    /// The sheet's name, shared by its households.
    sheet: std::sync::Arc<str>,
}

fn totalled() -> impl Iterator<Item = Field> {
    TOTALLED.into_iter().chain(CHANNEL_FIELDS).chain(GROUP_FIELDS)
}

impl SheetProc {
    pub fn new(file: &str, sheet: &str, csv: bool, opts: &Options) -> SheetProc {
        let n = totalled().count();
        SheetProc {
            report: SheetReport { file: file.into(), sheet: sheet.into(), ..Default::default() },
            csv,
            opts: opts.clone(),
            state: State::Searching(Vec::new()),
            since_subtotal: vec![0; n],
            whole: vec![0; n],
            sheet: sheet.into(),
        }
    }

    /// A sheet not read at all.
    pub fn skipped(mut self, why: Skip) -> SheetReport {
        self.report.skipped = Some(why);
        self.report
    }

    /// Refuses the sheet (and so its file): reading it would be a guess. No row of it is
    /// read after this.
    pub fn refuse(&mut self, why: (String, String)) {
        self.report.skipped = Some(Skip::Unreadable(format!("{} / {}", why.0, why.1)));
        self.report.refused = Some(why);
        self.state = State::Done;
    }

    /// Takes one row (`row`: the sheet's own number, from 1).
    pub fn push(&mut self, row: u64, cells: &dyn Cells, sink: &mut Sink) {
        match &mut self.state {
            State::Searching(buf) => {
                let texts = (0..cells.width()).map(|i| cells.cell(i).map(Cow::into_owned)).collect();
                buf.push((row, TextCells(texts)));
                if buf.len() >= SEARCH_ROWS {
                    self.decide(sink);
                }
            }
            State::Reading { .. } => self.row(row, cells, sink),
            State::Done => {}
        }
    }

    /// Finds the header in a workbook sheet's first rows (`texts[0]` is row 1), before its
    /// rows are pushed with their numbers and formats; rows down to the header's are then
    /// passed over.
    pub fn start_with(&mut self, texts: Vec<Vec<String>>, sink: &mut Sink) {
        let rows =
            texts.into_iter().enumerate().map(|(k, t)| (k as u64 + 1, TextCells(t.into_iter().map(Some).collect())));
        self.state = State::Searching(rows.collect());
        self.decide_then(false, sink);
    }

    /// Finds the header among the rows buffered so far and reads the rows after it.
    fn decide(&mut self, sink: &mut Sink) {
        self.decide_then(true, sink)
    }

    fn decide_then(&mut self, read_buffered: bool, sink: &mut Sink) {
        let State::Searching(buf) = std::mem::replace(&mut self.state, State::Done) else { return };
        let texts: Vec<Vec<String>> =
            buf.iter().map(|(_, c)| c.0.iter().map(|x| x.clone().unwrap_or_default()).collect()).collect();
        let Some(found) = find_header(&texts) else {
            let garbled = buf.iter().any(|(_, c)| c.0.iter().any(Option::is_none));
            self.report.skipped = Some(if garbled { Skip::Encoding } else { Skip::NoHeader });
            return;
        };
        self.report.header = Some((buf[found.first].0, buf[found.last].0));
        if let Some(why) = crate::refuse::twice(&found.header) {
            self.refuse(why);
            self.report.columns = found.header;
            return;
        }
        let titles: Vec<(u64, String)> =
            buf[..found.first].iter().zip(&texts).map(|((row, _), t)| (*row, t.join(" "))).collect();
        let given = self.given(&found.header, &titles);
        let missing: Vec<Field> = found.header.missing.iter().copied().filter(|f| !given_has(&given, *f)).collect();
        if !missing.is_empty() {
            self.report.skipped = Some(Skip::MissingColumns(missing));
            self.report.columns = found.header;
            return;
        }
        let header_texts = texts[found.first..=found.last].to_vec();
        let width = if self.csv { texts[found.last].len() } else { 0 };
        let last = found.last;
        let after = buf[last].0;
        let readable = crate::table::readable(&found, texts[found.last].len());
        // Problems name the file, and the sheet of a workbook.
        let at = if self.report.sheet.is_empty() {
            self.report.file.clone()
        } else {
            format!("{} [{}]", self.report.file, self.report.sheet)
        };
        self.state = State::Reading { found, header_texts, width, after, readable, at, given };
        if read_buffered {
            for (row, cells) in buf.into_iter().skip(last + 1) {
                self.row(row, &cells, sink);
            }
        }
    }

    fn row(&mut self, row: u64, cells: &dyn Cells, sink: &mut Sink) {
        let State::Reading { found, header_texts, width, after, readable, at, given } = &self.state else { return };
        if row <= *after {
            return;
        }
        let width_now = cells.width();
        let text = |i: usize| if i < width_now { cells.cell(i) } else { None };
        let kind = classify(&text, readable, found, header_texts);
        *self.report.kinds.entry(kind).or_insert(0) += 1;
        match kind {
            RowKind::Household => match parse_row(at, row, &found.header, given, *width, cells) {
                Ok((mut h, norms)) => {
                    h.sheet = self.sheet.clone();
                    self.report.norms.merge(&norms);
                    for (k, f) in totalled().enumerate() {
                        let v = household_value(&h, f);
                        self.since_subtotal[k] += v;
                        self.whole[k] += v;
                    }
                    sink(Item::Household(h));
                }
                Err(ps) => sink(Item::Rejected(ps)),
            },
            RowKind::Subtotal | RowKind::Total => {
                let sums = if kind == RowKind::Subtotal { &self.since_subtotal } else { &self.whole };
                for (k, f) in totalled().enumerate() {
                    let Some(&(_, i)) = found.header.fields.iter().find(|(g, _)| *g == f) else { continue };
                    // Only a figure a message may show is checked (never a phone in a
                    // 小计 row): the row is not counted either way.
                    let Some(t) = text(i) else { continue };
                    let t = t.trim();
                    let Ok(stated) = t.parse::<u64>() else { continue };
                    if !matches!(crate::problem::seen(t), crate::problem::Seen::Text(_)) {
                        continue;
                    }
                    if stated != sums[k] {
                        self.report.total_checks.push(TotalCheck {
                            row,
                            kind,
                            column: f.header(),
                            stated,
                            summed: sums[k],
                        });
                    }
                }
                if kind == RowKind::Subtotal {
                    self.since_subtotal.iter_mut().for_each(|v| *v = 0);
                }
            }
            _ => {}
        }
    }

    /// The period and place of a sheet without columns for them: the period from its title
    /// rows, its name, the file's name, else `--period`; the place from `--place`; a
    /// building from a sheet named like one (8栋, 3号楼). Recorded with where each came from.
    fn given(&mut self, header: &Header, titles: &[(u64, String)]) -> Given {
        let has = |f: Field| header.fields.iter().any(|(g, _)| *g == f);
        let mut given = Given::default();
        if !has(Field::Period) {
            let base = self.report.file.rsplit(['/', '\\']).next().unwrap_or(&self.report.file).to_string();
            let found = titles
                .iter()
                .find_map(|(row, t)| period::find_in(t).map(|p| (p, Origin::TitleRow(*row))))
                .or_else(|| period::find_in(&self.report.sheet).map(|p| (p, Origin::SheetName)))
                .or_else(|| period::find_in(&base).map(|p| (p, Origin::FileName)))
                .or_else(|| self.opts.period.map(|p| (p, Origin::Given)));
            if let Some((p, origin)) = found {
                given.period = Some(p);
                self.report.given.push((Field::Period, p.to_string(), origin));
            }
        }
        for (k, f) in PLACE.iter().enumerate() {
            if has(*f) {
                continue;
            }
            let from_sheet = (*f == Field::Building
                && ["栋", "号楼", "幢"].iter().any(|s| self.report.sheet.trim().ends_with(s)))
            .then(|| (self.report.sheet.trim().to_string(), Origin::SheetName));
            let from_option =
                self.opts.place.get(k).filter(|v| !v.trim().is_empty()).map(|v| (v.trim().to_string(), Origin::Given));
            if let Some((v, origin)) = from_sheet.or(from_option) {
                given.place[k] = Some(v.clone());
                self.report.given.push((*f, v, origin));
            }
        }
        given
    }

    /// Ends the sheet (a short CSV decides its header here).
    pub fn finish(mut self, sink: &mut Sink) -> SheetReport {
        if matches!(self.state, State::Searching(_)) {
            self.decide(sink);
        }
        if let State::Reading { found, .. } = std::mem::replace(&mut self.state, State::Done) {
            self.report.columns = found.header;
        }
        self.report
    }
}

/// The place columns, from the city down to the building (in [`Given::place`] order).
const PLACE: [Field; 6] = [Field::City, Field::County, Field::Site, Field::Community, Field::Grid, Field::Building];

fn given_has(given: &Given, f: Field) -> bool {
    match f {
        Field::Period => given.period.is_some(),
        _ => PLACE.iter().position(|p| *p == f).is_some_and(|k| given.place[k].is_some()),
    }
}

/// A household's count in a totalled column.
fn household_value(h: &Household, f: Field) -> u64 {
    match f {
        Field::Size => h.size,
        Field::Labour => h.labour,
        Field::Trained => h.trained,
        _ => {
            let ch = CHANNEL_FIELDS.iter().position(|c| *c == f).map(|k| h.channels[k]);
            ch.or_else(|| GROUP_FIELDS.iter().position(|g| *g == f).map(|k| h.groups[k])).unwrap_or(0)
        }
    }
}
