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

async fn attach(ds: &mut Arc<Dataset>, index_url: &str, path: &str) -> Result<(), LoadError> {
    let url = sibling_url(index_url, path);
    let bytes = api::fetch_bytes(&url).await?;
    Arc::make_mut(ds).attach_shard(path, &bytes).map_err(|ps| LoadError::Invalid {
        url,
        total: ps.total,
        problems: Arc::new(ps.list),
    })
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
                Some(path) => attach(&mut ds, &index_url, &path).await?,
                None => {
                    unknown_node = Some(id);
                    break ds.root;
                }
            }
        },
    };
    while let Some(path) = ds.missing_shard(ix).map(str::to_string) {
        attach(&mut ds, &index_url, &path).await?;
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
            for path in missing {
                attach(&mut ds, &index_url, &path).await?;
            }
        }
    }
    cache.set_value(Some((index_url, ds.clone())));
    Ok(Target { ds, ix, unknown_node })
}
