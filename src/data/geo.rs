//! Map geometry files: fetched the first time a map needs one (never in the initial
//! load), checked by the loader's own reader, and kept for the session by URL (a city's
//! file is a few kilobytes; a drill back up redraws without the network).

use super::fetch::{self, LoadError};
use anju_data::geometry::{parse_geo, Geometry};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

thread_local! {
    static GEO: RefCell<HashMap<String, Arc<Geometry>>> = RefCell::new(HashMap::new());
}

/// The geometry file at `url`, read and checked ([`parse_geo`]: rings closed, labels
/// inside their shapes, at most 2,000,000 points); errors name the file.
pub async fn geometry(url: String) -> Result<Arc<Geometry>, LoadError> {
    if let Some(g) = GEO.with(|c| c.borrow().get(&url).cloned()) {
        return Ok(g);
    }
    let body = fetch::fetch_body(&url).await?;
    let g = Arc::new(fetch::read(&body, |b| parse_geo(&url, b)).map_err(|ps| LoadError::invalid(&url, ps))?);
    GEO.with(|c| c.borrow_mut().insert(url, g.clone()));
    Ok(g)
}
