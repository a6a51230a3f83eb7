//! What the view needs from the data: the dataset with the shards on the way to the node
//! in view attached. A county's shard is fetched the first time someone enters it and
//! kept; later drills resolve without the network.

use crate::api::{self, LoadError};
use anju_data::{Dataset, NodeIx};
use leptos::prelude::*;
use std::sync::Arc;

pub const DEFAULT_INDEX: &str = "data/index.json";

/// A resolved view: a snapshot of the dataset and the node in it.
#[derive(Clone)]
pub struct Target {
    pub ds: Arc<Dataset>,
    pub ix: NodeIx,
    /// The URL named a node the data does not have; the root is shown instead.
    pub unknown_node: Option<String>,
}

impl PartialEq for Target {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.ds, &other.ds) && self.ix == other.ix && self.unknown_node == other.unknown_node
    }
}

/// The dataset loaded so far, by index URL.
pub type Cache = StoredValue<Option<(String, Arc<Dataset>)>, LocalStorage>;

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

/// Fetches `paths` a few at a time concurrently and attaches them in order (attaching
/// checks each shard against what is already loaded, so the order stays fixed).
async fn attach_all(ds: &mut Arc<Dataset>, index_url: &str, paths: &[String]) -> Result<(), LoadError> {
    // Bounded, so that a national dataset's root never holds hundreds of files at once.
    for chunk in paths.chunks(12) {
        let fetched = futures::future::join_all(chunk.iter().map(|p| {
            let url = sibling_url(index_url, p);
            async move {
                let bytes = api::fetch_bytes(&url).await;
                (url, bytes)
            }
        }))
        .await;
        for (path, (url, bytes)) in chunk.iter().zip(fetched) {
            let bytes = bytes?;
            Arc::make_mut(ds).attach_shard(path, &bytes).map_err(|ps| LoadError::Invalid {
                url,
                total: ps.total,
                problems: Arc::new(ps.list),
            })?;
        }
    }
    Ok(())
}

/// Loads what `node` needs: the index (once per URL), the shards on its way, its own.
/// With `subtree`, every shard below the node too (the where-to-go list and the alerts
/// look at every building).
pub async fn resolve(
    cache: Cache,
    index_url: String,
    node: Option<String>,
    subtree: bool,
) -> Result<Target, LoadError> {
    let mut ds = match cache.get_value() {
        Some((url, ds)) if url == index_url => ds,
        _ => api::load_index(&index_url).await?,
    };
    let mut unknown_node = None;
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
    cache.set_value(Some((index_url, ds.clone())));
    Ok(Target { ds, ix, unknown_node })
}
