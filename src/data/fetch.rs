//! All data loading goes through here: fetch, parse and validate, with typed errors.

use anju_data::{Dataset, Problem};
use futures::channel::oneshot;
use std::cell::RefCell;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Why data could not be shown. Each variant names the file it is about.
#[derive(Clone, Debug, thiserror::Error)]
pub enum LoadError {
    #[error("network error loading {url}: {message}")]
    Network { url: String, message: String },
    #[error("HTTP {status} loading {url}")]
    Http { url: String, status: u16 },
    #[error("{url}: {} problem(s) in the data", problems.len())]
    Invalid { url: String, problems: Arc<Vec<Problem>>, total: usize },
    /// No answer within `secs` seconds (a refresh gives up rather than wait for ever).
    #[error("no answer from {url} within {secs} s")]
    Timeout { url: String, secs: u32 },
    /// `data=local:<name>` names no dataset imported in this browser (or one of its
    /// files is gone).
    #[error("{url}: no dataset {name} imported in this browser")]
    NotImported { url: String, name: String },
}

impl LoadError {
    /// The validator rejected the file at `url`.
    pub fn invalid(url: &str, ps: anju_data::Problems) -> LoadError {
        LoadError::Invalid { url: url.to_string(), total: ps.total, problems: Arc::new(ps.list) }
    }

    /// Why, in a few words of each language (Chinese, English), naming the file where the
    /// data in it is at fault: what a card or a banner says beside what it still shows.
    pub fn reason(&self) -> (String, String) {
        match self {
            LoadError::Network { .. } => ("网络错误".into(), "network error".into()),
            LoadError::NotImported { name, .. } => {
                (format!("本浏览器中没有导入数据“{name}”"), format!("no dataset “{name}” imported here"))
            }
            LoadError::Http { status, .. } => {
                (format!("服务器返回 HTTP {status}"), format!("the server answered HTTP {status}"))
            }
            LoadError::Timeout { secs, .. } => {
                (format!("服务器 {secs} 秒内没有回应"), format!("no answer within {secs} s"))
            }
            LoadError::Invalid { url, total, .. } => {
                let file = url.rsplit('/').next().unwrap_or(url);
                let file = anju_data::text::clip(file, 60);
                (format!("{file} 有 {total} 处数据问题"), format!("{total} problem(s) in {file}"))
            }
        }
    }

    pub fn url(&self) -> &str {
        match self {
            LoadError::Network { url, .. }
            | LoadError::Http { url, .. }
            | LoadError::Invalid { url, .. }
            | LoadError::Timeout { url, .. }
            | LoadError::NotImported { url, .. } => url,
        }
    }
}

/// A fetched file's bytes, still in the browser's memory: read into the wasm heap through
/// [`read`], or [`to_vec`](js_sys::Uint8Array::to_vec) for a file kept whole (the index).
pub type Body = js_sys::Uint8Array;

type Arrival = oneshot::Receiver<Result<Body, LoadError>>;

/// How long a file asked for ahead is good for, in milliseconds: a press is followed by
/// its click within a second; an older one (a press that led elsewhere) is asked again,
/// so that no view is ever given a file from before a refresh, or an old error.
const AHEAD_MS: f64 = 5_000.0;

thread_local! {
    /// A file asked for ahead of the view that needs it, when, and where its bytes will
    /// arrive: one at a time, a newer one replacing it.
    static AHEAD: RefCell<Option<(String, f64, Arrival)>> = const { RefCell::new(None) };
    /// The one buffer shards are read into (as large as the largest read so far).
    static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` on `body`'s bytes, copied into one buffer kept for the purpose. Copied into a
/// fresh allocation each time, a shard of a megabyte needed a hole that size, which the
/// wasm memory (it never shrinks) grew for when the last one's had been filled by nodes:
/// 7.4 MB of memory for 4.4 MB at most in use after 12 province counties.
pub fn read<T>(body: &Body, f: impl FnOnce(&[u8]) -> T) -> T {
    SCRATCH.with(|s| {
        let mut s = s.borrow_mut();
        s.clear();
        s.resize(body.length() as usize, 0);
        body.copy_to(&mut s);
        f(&s)
    })
}

/// Starts fetching `url` now, for the [`fetch_body`] of it that is about to follow: a
/// press on a link to a place whose shard is not loaded, so that the file is on its way
/// while the click, the URL change and the old view's leaving are handled.
pub fn fetch_ahead(url: String) {
    let now = js_sys::Date::now();
    if AHEAD.with(|a| a.borrow().as_ref().is_some_and(|(u, at, _)| *u == url && now - at < AHEAD_MS)) {
        return;
    }
    let (tx, rx) = oneshot::channel();
    AHEAD.with(|a| *a.borrow_mut() = Some((url.clone(), now, rx)));
    wasm_bindgen_futures::spawn_local(async move {
        // Nobody waiting (a newer request replaced this one): the bytes are dropped.
        let _ = tx.send(fetch(&url, false, None).await);
    });
}

/// Fetches a file's bytes into the wasm heap.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    fetch_body(url).await.map(|b| b.to_vec())
}

/// Fetches a file: the one already on its way if [`fetch_ahead`] asked for `url` in the
/// last [`AHEAD_MS`], else a new request (also when that one failed: the error reported
/// is always this request's own).
pub async fn fetch_body(url: &str) -> Result<Body, LoadError> {
    let now = js_sys::Date::now();
    let ahead = AHEAD.with(|a| {
        let mut a = a.borrow_mut();
        let mine = a.as_ref().is_some_and(|(u, at, _)| u == url && now - at < AHEAD_MS);
        if mine {
            a.take()
        } else {
            None
        }
    });
    if let Some((_, _, rx)) = ahead {
        if let Ok(Ok(body)) = rx.await {
            return Ok(body);
        }
    }
    fetch(url, false, None).await
}

/// Fetches a file's bytes, asking the server again rather than trusting the browser's
/// cache (a refresh must see new data; an unchanged file costs a 304). `deadline` aborts
/// it: then the error is a timeout of that many seconds.
pub async fn fetch_fresh(url: &str, deadline: Option<&Deadline>) -> Result<Body, LoadError> {
    fetch(url, true, deadline).await
}

/// A time limit on a refresh: every request of it is aborted when the time is up.
pub struct Deadline {
    controller: web_sys::AbortController,
    pub secs: u32,
}

impl Deadline {
    /// Starts counting `ms` milliseconds; `None` where the browser has no AbortController.
    pub fn start(ms: u32) -> Option<Deadline> {
        let controller = web_sys::AbortController::new().ok()?;
        let abort = controller.clone();
        // Aborting a finished refresh does nothing, so the timer is never cleared.
        leptos::prelude::set_timeout(move || abort.abort(), std::time::Duration::from_millis(ms.into()));
        Some(Deadline { controller, secs: ms.div_ceil(1000) })
    }

    fn signal(&self) -> web_sys::AbortSignal {
        self.controller.signal()
    }

    fn expired(&self) -> bool {
        self.controller.signal().aborted()
    }
}

async fn fetch(url: &str, fresh: bool, deadline: Option<&Deadline>) -> Result<Body, LoadError> {
    // A dataset imported in this browser: read from its storage, never the network.
    if let Some((name, path)) = url.strip_prefix(anju_data::paths::LOCAL).and_then(|r| r.split_once('/')) {
        return match super::local::read(name, path).await {
            Ok(Some(bytes)) => Ok(bytes),
            Ok(None) => Err(LoadError::NotImported { url: url.to_string(), name: name.to_string() }),
            Err(message) => Err(LoadError::Network { url: url.to_string(), message }),
        };
    }
    let failed = |message: String| match deadline {
        Some(d) if d.expired() => LoadError::Timeout { url: url.to_string(), secs: d.secs },
        _ => LoadError::Network { url: url.to_string(), message },
    };
    let mut req = gloo_net::http::Request::get(url);
    if fresh {
        req = req.cache(web_sys::RequestCache::NoCache);
    }
    let signal = deadline.map(Deadline::signal);
    req = req.abort_signal(signal.as_ref());
    let resp = req.send().await.map_err(|e| failed(e.to_string()))?;
    if !resp.ok() {
        return Err(LoadError::Http { url: url.to_string(), status: resp.status() });
    }
    let raw: web_sys::Response = resp.into();
    let buffer = raw.array_buffer().map_err(|e| failed(format!("{e:?}")))?;
    let buffer = wasm_bindgen_futures::JsFuture::from(buffer).await.map_err(|e| failed(format!("{e:?}")))?;
    Ok(js_sys::Uint8Array::new(&buffer))
}

/// The index the page's first script began fetching before the wasm was compiled
/// (`window.__anjuIndex` = `{ url, bytes }`, set in `index.html`), if it is `url`'s: its
/// bytes, taken once (a later load of the same URL, a refresh, asks the network again).
/// `None` when there is none, it is another URL's, or it failed: then the caller fetches
/// it itself, and a failure is reported with its status as any other.
pub async fn early_index(url: &str) -> Option<Vec<u8>> {
    let window = web_sys::window()?;
    let key = wasm_bindgen::JsValue::from_str("__anjuIndex");
    let early = js_sys::Reflect::get(&window, &key).ok().filter(|v| v.is_object())?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    let named = js_sys::Reflect::get(&early, &"url".into()).ok()?.as_string()?;
    if named != url {
        return None;
    }
    let promise: js_sys::Promise = js_sys::Reflect::get(&early, &"bytes".into()).ok()?.dyn_into().ok()?;
    let buffer = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    buffer.is_instance_of::<js_sys::ArrayBuffer>().then(|| js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Loads and checks a dataset's index (shards are attached later, when entered).
pub async fn load_index(url: &str) -> Result<Arc<Dataset>, LoadError> {
    let bytes = fetch_bytes(url).await?;
    parse_index(url, &bytes)
}

/// Parses and checks an index fetched from `url`.
pub fn parse_index(url: &str, bytes: &[u8]) -> Result<Arc<Dataset>, LoadError> {
    let name = url.rsplit('/').next().unwrap_or(url);
    Dataset::from_index(name, bytes).map(Arc::new).map_err(|ps| LoadError::invalid(url, ps))
}
