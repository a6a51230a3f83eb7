//! The import view's side of its worker (`crates/anju-import-worker`; the messages are
//! `anju_data::import`'s). The worker is started when the view opens, so that importing
//! itself asks the network for nothing; its address is in the page
//! (`<meta name="anju-import-worker">`, named by content after each build).

use anju_data::import::{Message, Request, ZipRequest};
use wasm_bindgen::prelude::*;
use web_sys::{File, MessageEvent, Worker, WorkerOptions, WorkerType};

/// The worker's script, as the page names it.
fn script() -> Option<String> {
    let doc = web_sys::window()?.document()?;
    doc.query_selector("meta[name='anju-import-worker']").ok()??.get_attribute("content")
}

/// A running worker and the handlers it calls (kept alive with it).
pub struct ImportWorker {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

/// The dataset's files as the worker made them, `index.json` first: left in the buffers
/// the worker handed over, never copied into the page's wasm (at 480,000 rows the copies
/// kept the main thread busy for 55 ms); with `Zipped`, the one zip file.
pub type Files = Vec<(String, js_sys::Uint8Array)>;

impl ImportWorker {
    /// Starts a worker. `on_message` gets each message (with the dataset's files on
    /// `Done`), `on_error` the worker's failure (it could not load, or stopped while
    /// reading a file).
    ///
    /// Errors: the page names no worker, or the browser cannot start one.
    pub fn start(
        mut on_message: impl FnMut(Message, Files) + 'static,
        mut on_error: impl FnMut() + 'static,
    ) -> Result<ImportWorker, String> {
        let url = script().ok_or("no worker script named in the page")?;
        let opts = WorkerOptions::new();
        opts.set_type(WorkerType::Module);
        let worker =
            Worker::new_with_options(&url, &opts).map_err(|_| "the browser cannot start a worker".to_string())?;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let data = e.data();
            let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok();
            let Some(m) = get("message").and_then(|t| t.as_string()).and_then(|t| serde_json::from_str(&t).ok()) else {
                return;
            };
            let files = match (&m, get("files")) {
                (Message::Done(o), Some(a)) if a.is_object() => {
                    let list = js_sys::Array::from(&a);
                    let bytes = list.iter().map(|b| js_sys::Uint8Array::new(&b));
                    o.files.iter().cloned().zip(bytes).collect()
                }
                (Message::Zipped { name, .. }, Some(a)) if a.is_object() => {
                    let zip = js_sys::Array::from(&a).iter().next().map(|b| js_sys::Uint8Array::new(&b));
                    zip.map(|b| vec![(format!("{name}.zip"), b)]).unwrap_or_default()
                }
                _ => Vec::new(),
            };
            on_message(m, files);
        });
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            e.prevent_default();
            on_error();
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(ImportWorker { worker, _on_message: on_message, _on_error: on_error })
    }

    /// Asks the worker to read `files` (in the request's order).
    pub fn send(&self, request: &Request, files: &[File]) {
        self.post("request", serde_json::to_string(request), files.iter().collect());
    }

    /// Asks the worker to zip a kept dataset: `files` are the bytes of `request.files`.
    pub fn send_zip(&self, request: &ZipRequest, files: &[js_sys::Uint8Array]) {
        self.post("zip", serde_json::to_string(request), files.iter().collect());
    }

    /// Posts `{ <key>: the request's JSON text, files }`.
    fn post(&self, key: &str, text: serde_json::Result<String>, files: js_sys::Array) {
        let out = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&out, &key.into(), &text.unwrap_or_default().into());
        let _ = js_sys::Reflect::set(&out, &"files".into(), &files);
        let _ = self.worker.post_message(&out);
    }
}

impl Drop for ImportWorker {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}
