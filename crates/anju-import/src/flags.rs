//! The choices a person makes for sheets that lack them: the period (`--period 2025-06`)
//! and the place (`--place 市/县/安置点`, or a shortened one made whole from the places the
//! other registers name). Read here once for the `anju` command and the browser's import,
//! with the messages that say what to write.

use crate::period::PeriodError;
use crate::place::{resolve, PlacePath};
use crate::{EncodingChoice, Item, Options};
use anju_data::import::Choice;
use anju_data::model::Period;
use std::cell::Cell;
use std::collections::BTreeSet;

thread_local! {
    /// Messages on this thread name the import view's fields, not the command's flags.
    static FIELDS: Cell<bool> = const { Cell::new(false) };
}

/// From now on, messages made on this thread name the import view's fields (“统计期”)
/// instead of `anju`'s flags (`--period`). The browser's worker calls it once: it reads
/// every file on its one thread. Per thread, so that tests of either wording can run at
/// once.
pub fn name_fields() {
    FIELDS.with(|f| f.set(true));
}

/// A choice as messages name it: (Chinese, English): `--period`, or “统计期” / “Period”.
pub fn named(c: Choice) -> (String, String) {
    if FIELDS.with(Cell::get) {
        let (zh, en) = c.field();
        (format!("“{zh}”"), format!("“{en}”"))
    } else {
        (c.flag().to_string(), c.flag().to_string())
    }
}

/// What to do to make choice `c`, as an instruction: (Chinese, English). `example` is
/// the value to give, in each language: 用 --period 2025-06 给出 / give --period 2025-06;
/// on the page, 在“统计期”一栏填写 2025-06 / enter 2025-06 in the “Period” field.
pub fn give(c: Choice, example: (&str, &str)) -> (String, String) {
    let (zh, en) = example;
    if FIELDS.with(Cell::get) {
        let (fz, fe) = c.field();
        match c {
            Choice::AllowSplit => (format!("勾选“{fz}”"), format!("tick “{fe}”")),
            Choice::Encoding => (format!("在“{fz}”一栏改选 {zh}"), format!("choose {en} in the “{fe}” field")),
            Choice::Aliases => {
                (format!("在“{fz}”一栏写明（每行：{zh}）"), format!("write them in the “{fe}” field ({en} per line)"))
            }
            Choice::Period | Choice::Place => {
                (format!("在“{fz}”一栏填写 {zh}"), format!("enter {en} in the “{fe}” field"))
            }
        }
    } else {
        let f = c.flag();
        match c {
            Choice::AllowSplit => (format!("加 {f}"), format!("add {f}")),
            Choice::Encoding => (format!("改用 {f} {zh}"), format!("try {f} {en}")),
            Choice::Aliases => (format!("用 {f} 文件（每行：{zh}）"), format!("use an {f} file ({en} per line)")),
            Choice::Period | Choice::Place => (format!("用 {f} {zh} 给出"), format!("give {f} {en}")),
        }
    }
}

/// A note for the summary: (Chinese, English).
pub type Note = (String, String);

/// A month written as 2025-06 (or any form `period::from_text` reads), within
/// [`crate::period::FIRST_MONTH`]..=[`crate::period::LAST_MONTH`].
///
/// Errors: what is wrong and what to write instead, in both languages, in the words a
/// period cell's problem uses (`PeriodError::words`): a month out of range names the
/// range, a day the month lacks says so. 2025.1 (January, or October without its zero)
/// is asked for as 2025-06 is.
pub fn period(text: &str) -> Result<Period, String> {
    let t = text.trim();
    let (zh, en) = named(Choice::Period);
    crate::period::from_text(t).map_err(|e| {
        let e = if e == PeriodError::Ambiguous { PeriodError::Bad } else { e };
        let (wz, we) = e.words();
        format!("{zh} {t}{wz} / {en} {t}{we}")
    })
}

/// A place from the city down, names split at `/` (three to five of them), or a
/// shortened one (the site, or the county and site) to be made whole by [`complete`].
///
/// Errors: an empty name, or more than five.
pub fn place(text: &str) -> Result<Vec<String>, String> {
    let place: Vec<String> = text.split('/').map(|s| s.trim().to_string()).collect();
    if place.iter().any(String::is_empty) || place.len() > 5 {
        let (zh, en) = named(Choice::Place);
        return Err(format!(
            "{zh} 应从市写起，如 毕节市/织金县/平远新城安置点（可再加 /社区/网格），或只写安置点，而不是 “{}” / {en} names the city, county and site, as 毕节市/织金县/平远新城安置点 (optionally /community/grid), or the site alone",
            place.join("/")
        ));
    }
    Ok(place)
}

/// How registers are read, from the person's choices (`None`: not given).
///
/// Errors: as [`period`] and [`place`] (an empty text given is refused, not ignored).
pub fn options(
    encoding: EncodingChoice,
    period_text: Option<&str>,
    place_text: Option<&str>,
) -> Result<Options, String> {
    let period = period_text.map(period).transpose()?;
    let place = place_text.map(place).transpose()?.unwrap_or_default();
    Ok(Options { encoding, period, place })
}

/// Whether the place given is shortened, so that [`complete`] needs the places the
/// registers name ([`known_in`]).
pub fn shortened(read: &Options) -> bool {
    !read.place.is_empty() && read.place.len() < 3
}

/// Adds the places (city to grid) that one register names in its own columns to `known`,
/// with `aliases` applied as the run applies them. A file that cannot be read adds none
/// (the run itself names it).
pub fn known_in<R: std::io::Read>(
    name: &str,
    reader: R,
    read: &Options,
    aliases: &crate::names::Aliases,
    known: &mut BTreeSet<PlacePath>,
) {
    let opts = Options { place: Vec::new(), ..read.clone() };
    let mut sink = |item: Item| {
        if let Item::Household(h) = item {
            let name = |n: &String| aliases.get(n).unwrap_or(n).to_string();
            known.insert(std::array::from_fn(|k| name(&h.path[k])));
        }
    };
    let _ = crate::read_stream(name, reader, &opts, &mut sink);
}

/// `read` with its place made whole when it was shortened, and a note saying so; else
/// unchanged.
///
/// Errors: the shortened place names no place of the other registers, or several.
pub fn complete(mut read: Options, known: &BTreeSet<PlacePath>) -> Result<(Options, Option<Note>), String> {
    if !shortened(&read) {
        return Ok((read, None));
    }
    let whole = resolve(&read.place, known).map_err(|e| e.to_string())?;
    let (given, full) = (read.place.join("/"), whole.join("/"));
    read.place = whole;
    let (zh, en) = named(Choice::Place);
    let note = (
        format!("提示：{zh} “{given}” 即其余台账中的 {full}"),
        format!("note: {en} “{given}” is {full}, the one place of that name in the other registers"),
    );
    Ok((read, Some(note)))
}
