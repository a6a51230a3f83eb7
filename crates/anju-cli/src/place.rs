//! A shortened `--place` (平远新城安置点, or 织金县/平远新城安置点) made whole from the
//! places the other registers of the same run name in their columns.

use anju_import::names::Aliases;
use anju_import::place::{resolve, PlacePath};
use anju_import::{read_stream, Item, Options};
use std::collections::BTreeSet;
use std::path::PathBuf;

/// The places (city to grid) that the registers in `inputs` name in their own columns,
/// with `aliases` applied as the run applies them. Files that cannot be read are passed
/// over here: the run itself lists them.
pub fn known_places(inputs: &[PathBuf], read: &Options, aliases: &Aliases) -> BTreeSet<PlacePath> {
    let opts = Options { place: Vec::new(), ..read.clone() };
    let mut known = BTreeSet::new();
    for f in crate::files::list(inputs).read {
        let Ok(file) = std::fs::File::open(&f) else { continue };
        let mut sink = |item: Item| {
            if let Item::Household(h) = item {
                let name = |n: &String| aliases.get(n).unwrap_or(n).to_string();
                let path: PlacePath = std::array::from_fn(|k| name(&h.path[k]));
                known.insert(path);
            }
        };
        let _ = read_stream(&f.display().to_string(), file, &opts, &mut sink);
    }
    known
}

/// A note for the summary, in Chinese and English.
pub type Note = (String, String);

/// `read` with its `--place` made whole when it was shortened, and a note saying so;
/// else unchanged.
///
/// Errors: the shortened place names no place of the other registers, or several.
pub fn complete(mut read: Options, inputs: &[PathBuf], aliases: &Aliases) -> Result<(Options, Option<Note>), String> {
    if read.place.is_empty() || read.place.len() >= 3 {
        return Ok((read, None));
    }
    let known = known_places(inputs, &read, aliases);
    let whole = resolve(&read.place, &known).map_err(|e| e.to_string())?;
    let (given, full) = (read.place.join("/"), whole.join("/"));
    read.place = whole;
    let note = (
        format!("提示：--place “{given}” 即其余台账中的 {full}"),
        format!("note: --place “{given}” is {full}, the one place of that name in the other registers"),
    );
    Ok((read, Some(note)))
}
