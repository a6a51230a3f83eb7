//! What the view needs from the data: the dataset with the shards on the way to the node
//! in view attached. A county's shard is fetched the first time someone enters it and
//! kept; later drills resolve without the network. `fetch` gets and checks files; the big
//! screen's refresh reads and replaces the cache through [`Live`].

mod faults;
pub mod fetch;
pub mod geo;
pub mod import;
pub mod local;

use self::fetch as api;
pub use self::fetch::LoadError;
use crate::model::notices::Fault;
use anju_data::{Dataset, NodeIx};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::Hasher;
use std::sync::Arc;

thread_local! {
    /// A fingerprint of every file as last fetched, by URL: a refresh redraws only when
    /// one of them changed.
    static PRINTS: RefCell<HashMap<String, u64>> = RefCell::new(HashMap::new());
    /// Loaded shards by when a view last needed them, most recent last.
    static RECENT: RefCell<anju_data::dataset::Recency> = RefCell::new(Default::default());
}

fn fingerprint(bytes: &[u8]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    h.write(bytes);
    h.finish()
}

fn remember(url: &str, bytes: &[u8]) {
    PRINTS.with(|p| p.borrow_mut().insert(url.to_string(), fingerprint(bytes)));
}

pub const DEFAULT_INDEX: &str = "data/index.json";

/// The address of the index of the dataset a URL's `data=` names: the demo's without one,
/// `local:<name>/index.json` for a dataset imported in this browser (its files are read
/// from storage at addresses relative to it, as shards are to any index).
pub fn index_url(data: Option<&str>) -> String {
    match data {
        None => DEFAULT_INDEX.to_string(),
        Some(d) => match anju_data::paths::local_name(d) {
            Some(name) => format!("{}{name}/index.json", anju_data::paths::LOCAL),
            None => d.to_string(),
        },
    }
}

/// A resolved view: a snapshot of the dataset and the node in it.
#[derive(Clone)]
pub struct Target {
    pub ds: Arc<Dataset>,
    pub ix: NodeIx,
    /// The URL named a node the data does not have; the root is shown instead.
    pub unknown_node: Option<String>,
    /// The node the URL named (`node=`), as named: a view on show holds the URL at it
    /// while the next place loads.
    pub asked: Option<String>,
    /// The dataset's shards found faulty so far this session (`faults::note`): every view of
    /// it says so.
    pub faults: Vec<Fault>,
}

impl Target {
    /// What the view of this target says of what it could not show as the URL asked
    /// (`period`; a place the data lacks) and of the dataset's faulty shards.
    pub fn notices(&self, period: Option<anju_data::Period>) -> Vec<anju_data::model::Text> {
        let mut v = crate::model::notices::target_notices(&self.ds, self.unknown_node.as_deref(), period);
        v.extend(crate::model::notices::fault_notices(&self.faults));
        v
    }
}

impl PartialEq for Target {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.ds, &other.ds)
            && self.ix == other.ix
            && self.unknown_node == other.unknown_node
            && self.asked == other.asked
            && self.faults.len() == other.faults.len()
    }
}

/// The place a view shows: a snapshot of the dataset and the node in it. Equal when it is
/// the same snapshot and node, so a memo of it changes only when the place does.
#[derive(Clone)]
pub struct Place {
    pub ds: Arc<Dataset>,
    pub ix: NodeIx,
}

impl Place {
    pub fn of(t: &Target) -> Place {
        Place { ds: t.ds.clone(), ix: t.ix }
    }
}

impl PartialEq for Place {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.ds, &other.ds) && self.ix == other.ix
    }
}

/// The dataset loaded so far, by index URL.
pub type Cache = StoredValue<Option<(String, Arc<Dataset>)>, LocalStorage>;

/// What a refresh needs from the app (a context): the cache, and the revision it bumps
/// when it put new data there, so that the view resolves again.
#[derive(Clone, Copy)]
pub struct Live {
    pub cache: Cache,
    pub revision: RwSignal<u64>,
    pub index_url: Memo<String>,
}

/// Today's date as `YYYY-MM-DD` (UTC), by the browser's clock.
pub fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

/// `path` relative to the folder of `index_url`.
pub fn sibling_url(index_url: &str, path: &str) -> String {
    match index_url.rsplit_once('/') {
        Some((dir, _)) => format!("{dir}/{path}"),
        None => path.to_string(),
    }
}

/// The loaded node with an unloaded shard whose id prefixes `id` (ids below a county
/// start with the county's id: `520603-S1-…`), longest first.
fn shard_towards(ds: &Dataset, id: &str) -> Option<String> {
    ds.nodes
        .iter()
        .filter(|n| {
            n.shard.as_deref().is_some_and(|s| !ds.loaded_shards.contains(s))
                && id.len() > n.id.len()
                && id.starts_with(n.id.as_str())
                && id[n.id.len()..].starts_with('-')
        })
        .max_by_key(|n| n.id.len())
        .and_then(|n| n.shard.clone())
}

/// Starts fetching the shard that showing the place at `search` (a link's query string)
/// would fetch first, if the loaded dataset is the one the link names and lacks it: called
/// on a press on a link, so the file is on its way while the click is handled. Does
/// nothing for a link to another dataset, to a place already loaded, or before any load.
pub fn fetch_ahead_for(live: Live, search: &str) {
    let Some((index_url, ds)) = live.cache.try_get_value().flatten() else { return };
    let state = anju_data::view::query::parse(search).0;
    if self::index_url(state.data.as_deref()) != index_url {
        return;
    }
    let path = match state.node.as_deref() {
        None => ds.missing_shard(ds.root).map(str::to_string),
        Some(id) => match ds.find(id) {
            Some(ix) => ds.missing_shard(ix).map(str::to_string),
            None => shard_towards(&ds, id),
        },
    };
    if let Some(path) = path {
        api::fetch_ahead(sibling_url(&index_url, &path));
    }
}

/// How many shard files are asked for at once: a national dataset's root never holds
/// hundreds of requests open.
const AT_ONCE: usize = 12;

/// Fetches the shard files `paths` (relative to the index), [`AT_ONCE`] at a time; `fresh`
/// asks the server again rather than the browser cache. Each comes back as (path, url,
/// body).
async fn fetch_shards(
    index_url: &str,
    paths: &[String],
    fresh: bool,
    deadline: Option<&fetch::Deadline>,
) -> Result<Vec<(String, String, api::Body)>, LoadError> {
    let mut out = Vec::with_capacity(paths.len());
    for chunk in paths.chunks(AT_ONCE) {
        let fetched = futures::future::join_all(chunk.iter().map(|p| {
            let url = sibling_url(index_url, p);
            async move {
                let bytes = if fresh { api::fetch_fresh(&url, deadline).await } else { api::fetch_body(&url).await };
                (url, bytes)
            }
        }))
        .await;
        for (path, (url, bytes)) in chunk.iter().zip(fetched) {
            out.push((path.clone(), url, bytes?));
        }
    }
    Ok(out)
}

/// Fetches `paths` and attaches them in order (attaching checks each shard against what
/// is already loaded, so the order stays fixed), each group as it arrives: a subtree of
/// hundreds of shards (the where-to-go list at a province's root) is never held whole.
async fn attach_all(ds: &mut Arc<Dataset>, index_url: &str, paths: &[String]) -> Result<(), LoadError> {
    for chunk in paths.chunks(AT_ONCE) {
        for (path, url, body) in fetch_shards(index_url, chunk, false, None).await? {
            api::read(&body, |bytes| {
                remember(&url, bytes);
                Arc::make_mut(ds).attach_shard(&path, bytes)
            })
            .map_err(|ps| {
                let e = LoadError::invalid(&url, ps);
                faults::note(index_url, &e);
                e
            })?;
        }
    }
    Ok(())
}

/// Loads what `node` needs: the index (once per URL), the shards on its way, its own.
/// With `subtree`, every shard below the node too (the where-to-go list and the alerts
/// look at every building). `on_index` is handed an index read afresh, before any shard
/// is fetched (the first view's header is drawn from it while they load).
pub async fn resolve(
    cache: Cache,
    index_url: String,
    node: Option<String>,
    subtree: bool,
    also: Vec<String>,
    on_index: impl FnOnce(&Arc<Dataset>),
) -> Result<Target, LoadError> {
    // With an index read afresh (the page's first load), the nodes it held: shards attached
    // after it are read in a task of their own too, before the view is built.
    let mut fresh = None;
    let mut ds = match cache.get_value() {
        Some((url, ds)) if url == index_url => ds,
        _ => {
            let bytes = match api::early_index(&index_url).await {
                Some(bytes) => bytes,
                None => api::fetch_bytes(&index_url).await?,
            };
            remember(&index_url, &bytes);
            let ds = api::parse_index(&index_url, &bytes)?;
            on_index(&ds);
            // The first view is built in a task after the one that read the index (at
            // national scale a third of the first load's profile); its header, drawn from
            // the index, is painted in between.
            crate::perf::next_task().await;
            fresh = Some(ds.nodes.len());
            ds
        }
    };
    let mut unknown_node = None;
    let asked = node.clone();
    let ix = match node {
        None => ds.root,
        Some(id) => loop {
            if let Some(ix) = ds.find(&id) {
                break ix;
            }
            match shard_towards(&ds, &id) {
                Some(path) => attach_all(&mut ds, &index_url, std::slice::from_ref(&path)).await?,
                None => {
                    unknown_node = Some(id);
                    break ds.root;
                }
            }
        },
    };
    // Places the big screen tours through: their shards too (an id the data lacks is
    // skipped, and said so by the screen).
    for id in &also {
        while ds.find(id).is_none() {
            match shard_towards(&ds, id) {
                Some(path) => attach_all(&mut ds, &index_url, std::slice::from_ref(&path)).await?,
                None => break,
            }
        }
    }
    while let Some(path) = ds.missing_shard(ix).map(str::to_string) {
        attach_all(&mut ds, &index_url, std::slice::from_ref(&path)).await?;
    }
    // Shards can name shards (county → site): repeat until nothing below is missing.
    if subtree {
        loop {
            let missing: Vec<String> = std::iter::once(ix)
                .chain(anju_data::view::staff::descendants(&ds, ix))
                .filter_map(|i| ds.missing_shard(i).map(str::to_string))
                .collect();
            if missing.is_empty() {
                break;
            }
            attach_all(&mut ds, &index_url, &missing).await?;
        }
    }
    let ix = let_go(&mut ds, ix, subtree, &also);
    let faults = faults::of(&index_url);
    cache.set_value(Some((index_url, ds.clone())));
    if fresh.is_some_and(|n| n != ds.nodes.len()) {
        crate::perf::next_task().await;
    }
    Ok(Target { ds, ix, unknown_node, asked, faults })
}

/// Drops the shards the view of `ix` does not need beyond [`anju_data::dataset::SHARD_NODE_BUDGET`]
/// nodes, the least recently needed first (memory stays bounded however many places are
/// visited). Returns `ix` in the dataset as it is after.
fn let_go(ds: &mut Arc<Dataset>, ix: NodeIx, subtree: bool, also: &[String]) -> NodeIx {
    let mut needed = ds.shards_for(ix, subtree);
    for t in also.iter().filter_map(|id| ds.find(id)) {
        needed.extend(ds.shards_for(t, false));
    }
    let drop = RECENT.with(|r| {
        let mut r = r.borrow_mut();
        r.touch(ds, &needed);
        ds.shards_to_drop(&r, &needed, anju_data::dataset::SHARD_NODE_BUDGET)
    });
    if drop.is_empty() {
        return ix;
    }
    let id = ds.node(ix).id.clone();
    Arc::make_mut(ds).detach_shards(&drop);
    // The view's own shards are never dropped, so its node is always found.
    debug_assert!(ds.find(&id).is_some(), "the node in view was let go");
    ds.find(&id).unwrap_or(ds.root)
}

/// Fetches the cached dataset again (its index and every shard it has loaded), asking the
/// server rather than the browser cache. `Ok(true)` when a file changed: the new data has
/// been checked and the cache holds it. `Ok(false)` when every file is byte for byte what
/// was shown. On any error the cache is left as it was, so the screen keeps its data.
/// The whole refresh is given `timeout_ms`: a server that stops answering is a timeout,
/// not a wait for ever with old figures and no word of it.
pub async fn refresh(cache: Cache, index_url: &str, timeout_ms: u32) -> Result<bool, LoadError> {
    let Some((url, old)) = cache.get_value() else { return Ok(false) };
    if url != index_url {
        return Ok(false);
    }
    let deadline = fetch::Deadline::start(timeout_ms);
    let index = api::fetch_fresh(index_url, deadline.as_ref()).await?.to_vec();
    let mut paths: Vec<String> = old.loaded_shards.iter().map(|s| s.to_string()).collect();
    anju_data::order::sort_by(&mut paths, Ord::cmp);
    let files = fetch_shards(index_url, &paths, true, deadline.as_ref()).await?;
    // Each file hashed once: to compare now, and to remember if the new data is taken.
    let mut prints = vec![(index_url.to_string(), fingerprint(&index))];
    prints.extend(files.iter().map(|(_, url, b)| (url.clone(), api::read(b, fingerprint))));
    if PRINTS.with(|p| prints.iter().all(|(url, f)| p.borrow().get(url) == Some(f))) {
        return Ok(false);
    }
    let mut ds = api::parse_index(index_url, &index)?;
    // A site's shard hangs under a node its county's shard brings: attach what has a place
    // to go, and repeat. Shards the new index no longer names are dropped.
    let mut pending = files;
    loop {
        let named: HashSet<&str> = ds.nodes.iter().filter_map(|n| n.shard.as_deref()).collect();
        let (ready, rest): (Vec<_>, Vec<_>) = pending
            .into_iter()
            .partition(|(path, _, _)| named.contains(path.as_str()) && !ds.loaded_shards.contains(path.as_str()));
        if ready.is_empty() {
            break;
        }
        for (path, url, bytes) in &ready {
            api::read(bytes, |b| Arc::make_mut(&mut ds).attach_shard(path, b))
                .map_err(|ps| LoadError::invalid(url, ps))?;
        }
        pending = rest;
    }
    // Only now, when the new data is whole and checked, is it what "before" means.
    PRINTS.with(|p| p.borrow_mut().extend(prints));
    cache.set_value(Some((index_url.to_string(), ds)));
    Ok(true)
}
