//! A shortened `--place` (平远新城安置点, or 织金县/平远新城安置点) made whole from the
//! places the other registers of the same run name in their columns
//! (`anju_import::flags`).

use anju_import::flags::{complete as make_whole, known_in, shortened, Note};
use anju_import::names::Aliases;
use anju_import::Options;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// `read` with its `--place` made whole when it was shortened, and a note saying so;
/// else unchanged.
///
/// Errors: the shortened place names no place of the other registers, or several.
pub fn complete(read: Options, inputs: &[PathBuf], aliases: &Aliases) -> Result<(Options, Option<Note>), String> {
    let mut known = BTreeSet::new();
    if shortened(&read) {
        for f in crate::files::list(inputs).read {
            if let Ok(file) = std::fs::File::open(&f) {
                known_in(&f.display().to_string(), file, &read, aliases, &mut known);
            }
        }
    }
    make_whole(read, &known)
}
