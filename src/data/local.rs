//! Datasets imported in this browser (`data=local:<name>`), kept in its IndexedDB: one
//! record per dataset (`anju_data::import::Saved`, as JSON text) and one per file (its
//! bytes, keyed `<name>/<path>`). Only the aggregated files are kept, never a register.
//!
//! The import view keeps, lists and removes through `rexie`. The dashboard only reads a
//! file where it would fetch one (`fetch.rs`), through the browser's API directly: `rexie`
//! and `idb` under it cost the dashboard's build 12 KB brotli for that one read, more than
//! the import's whole allowance (5 KB), where these few lines cost under 1 KB.

use anju_data::import::Saved;
use js_sys::Uint8Array;
use rexie::{ObjectStore, Rexie, TransactionMode};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const DB: &str = "anju";
const VERSION: u32 = 1;
/// One record per dataset.
const DATASETS: &str = "datasets";
/// One record per file of a dataset.
const FILES: &str = "files";

fn failed(e: rexie::Error) -> String {
    format!("{e}")
}

async fn open() -> Result<Rexie, String> {
    Rexie::builder(DB)
        .version(VERSION)
        .add_object_store(ObjectStore::new(DATASETS))
        .add_object_store(ObjectStore::new(FILES))
        .build()
        .await
        .map_err(failed)
}

/// What a request gives once it succeeds (IndexedDB answers by events, not promises).
async fn answer(req: &web_sys::IdbRequest) -> Result<JsValue, String> {
    let promise = js_sys::Promise::new(&mut |ok, no| {
        let r = req.clone();
        let ok = Closure::once_into_js(move || ok.call1(&JsValue::NULL, &r.result().unwrap_or_default()));
        let no = Closure::once_into_js(move || no.call0(&JsValue::NULL));
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(no.unchecked_ref()));
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|_| "本浏览器的存储无法读取 / this browser's storage cannot be read".to_string())
}

/// File `path` (`index.json`, `shards/…`) of the imported dataset `name`; `None` when
/// there is no such dataset or file.
///
/// Errors: the browser's storage cannot be opened (a private window may refuse it).
pub async fn read(name: &str, path: &str) -> Result<Option<Uint8Array>, String> {
    let refused = |_: JsValue| "本浏览器不允许使用存储 / this browser does not allow storage".to_string();
    let factory =
        web_sys::window().and_then(|w| w.indexed_db().ok().flatten()).ok_or_else(|| refused(JsValue::NULL))?;
    let open = factory.open_with_u32(DB, VERSION).map_err(refused)?;
    // Never imported here: the stores are made as the import view makes them.
    let upgrade = Closure::once_into_js({
        let open = open.clone();
        move || {
            if let Ok(db) = open.result().map(|d| d.unchecked_into::<web_sys::IdbDatabase>()) {
                let _ = db.create_object_store(DATASETS);
                let _ = db.create_object_store(FILES);
            }
        }
    });
    open.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db: web_sys::IdbDatabase = answer(&open).await?.unchecked_into();
    let store = db.transaction_with_str(FILES).and_then(|t| t.object_store(FILES)).map_err(refused)?;
    let got = store.get(&JsValue::from_str(&format!("{name}/{path}"))).map_err(refused)?;
    let v = answer(&got).await;
    db.close();
    Ok(Some(v?).filter(|v| v.is_instance_of::<Uint8Array>()).map(|v| v.unchecked_into::<Uint8Array>()))
}

/// Keeps a dataset (its record and files) under `saved.name`, replacing one of that name.
///
/// Errors: storage refused (full, or not allowed).
pub async fn save(saved: &Saved, files: &[(String, Uint8Array)]) -> Result<(), String> {
    remove(&saved.name).await?;
    let db = open().await?;
    let tx = db.transaction(&[DATASETS, FILES], TransactionMode::ReadWrite).map_err(failed)?;
    let store = tx.store(FILES).map_err(failed)?;
    for (path, bytes) in files {
        let key = JsValue::from_str(&format!("{}/{path}", saved.name));
        store.put(bytes, Some(&key)).await.map_err(failed)?;
    }
    let text = serde_json::to_string(saved).map_err(|e| e.to_string())?;
    let record = tx.store(DATASETS).map_err(failed)?;
    record.put(&JsValue::from_str(&text), Some(&JsValue::from_str(&saved.name))).await.map_err(failed)?;
    tx.done().await.map_err(failed)?;
    Ok(())
}

/// Every dataset kept, newest first.
///
/// Errors: the browser's storage cannot be opened.
pub async fn list() -> Result<Vec<Saved>, String> {
    let db = open().await?;
    let tx = db.transaction(&[DATASETS], TransactionMode::ReadOnly).map_err(failed)?;
    let all = tx.store(DATASETS).map_err(failed)?.get_all(None, None).await.map_err(failed)?;
    let mut saved: Vec<Saved> =
        all.iter().filter_map(|v| v.as_string()).filter_map(|t| serde_json::from_str(&t).ok()).collect();
    saved.sort_by(|a, b| b.saved.cmp(&a.saved).then_with(|| b.name.cmp(&a.name)));
    Ok(saved)
}

/// Removes a dataset and its files (nothing when there is none).
///
/// Errors: storage refused.
pub async fn remove(name: &str) -> Result<(), String> {
    let db = open().await?;
    let tx = db.transaction(&[DATASETS, FILES], TransactionMode::ReadWrite).map_err(failed)?;
    let files = tx.store(FILES).map_err(failed)?;
    let prefix = format!("{name}/");
    // Keys `<name>/…` sort between `<name>/` and `<name>0` ('0' follows '/').
    let range = rexie::KeyRange::bound(
        &JsValue::from_str(&prefix),
        &JsValue::from_str(&format!("{name}0")),
        Some(false),
        Some(true),
    )
    .map_err(|e| e.to_string())?;
    for key in files.get_all_keys(Some(range), None).await.map_err(failed)? {
        files.delete(key).await.map_err(failed)?;
    }
    tx.store(DATASETS).map_err(failed)?.delete(JsValue::from_str(name)).await.map_err(failed)?;
    tx.done().await.map_err(failed)?;
    Ok(())
}

/// The bytes of a kept dataset's files, in `saved.files`' order (for its zip).
///
/// Errors: storage refused, or a file missing (the dataset was removed meanwhile).
pub async fn files(saved: &Saved) -> Result<Vec<Uint8Array>, String> {
    let db = open().await?;
    let tx = db.transaction(&[FILES], TransactionMode::ReadOnly).map_err(failed)?;
    let store = tx.store(FILES).map_err(failed)?;
    let mut out = Vec::with_capacity(saved.files.len());
    for path in &saved.files {
        let key = JsValue::from_str(&format!("{}/{path}", saved.name));
        match store.get(key).await.map_err(failed)? {
            Some(v) if v.is_instance_of::<Uint8Array>() => out.push(v.unchecked_into()),
            _ => return Err(format!("“{}”中缺少文件 {path} / \"{}\" lacks its file {path}", saved.name, saved.name)),
        }
    }
    Ok(out)
}
