//! A dataset's shards that failed their checks this session, by index URL: the totals
//! above such a shard include its place's figures as the index gives them, so every view
//! of the dataset says so from then on (`Target::faults`).

use super::LoadError;
use crate::model::notices::Fault;
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    /// Each dataset's shards that failed their checks, by index URL, for the session.
    static FAULTS: RefCell<HashMap<String, Vec<Fault>>> = RefCell::new(HashMap::new());
}

/// Records a shard of `index_url` whose data failed its checks (not one the network
/// failed to bring: that is no fault of the figures).
pub(super) fn note(index_url: &str, e: &LoadError) {
    if let LoadError::Invalid { url, problems, .. } = e {
        let fault = Fault { file: url.clone(), first: problems.first().cloned() };
        FAULTS.with(|f| {
            let mut f = f.borrow_mut();
            let list = f.entry(index_url.to_string()).or_default();
            if !list.iter().any(|x| x.file == fault.file) {
                list.push(fault);
            }
        });
    }
}

/// The shards of `index_url` found faulty so far.
pub(super) fn of(index_url: &str) -> Vec<Fault> {
    FAULTS.with(|f| f.borrow().get(index_url).cloned().unwrap_or_default())
}
