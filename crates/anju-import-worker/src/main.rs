//! The import view's worker: reads the registers a person picked, in the browser, off the
//! page's main thread, and aggregates them exactly as `anju aggregate` does (the same
//! `anju_import::aggregate::Run`, so the same bytes for the same files).
//!
//! Protocol (`anju_data::import`): the page posts `{ request, files }`, the request as
//! JSON text and the `File` objects in its order; the worker answers with JSON text
//! messages (`Ready` once, then `Progress`, `Preview` per file and `Done`), the last with
//! the dataset's files beside it as `{ message, files: [Uint8Array…] }`. One import per
//! worker: the page cancels by ending the worker. The page may also post `{ zip, files }`
//! (a `ZipRequest` as JSON text, the dataset's files as `Uint8Array`s) and gets `Zipped`
//! with the zip beside it. A panic ends it too (the wasm build
//! aborts), which the page sees as the worker's error event.
//!
//! Files are read with `FileReaderSync` a megabyte at a time and never kept: only the
//! aggregated counts leave this worker, and nothing goes to the network.

mod read;

use anju_data::import::{FilePreview, Message, Outcome, Request, Said, ZipRequest};
use anju_import::aggregate::{AggError, Options as RunOptions, Run};
use anju_import::files::{drop_copies, in_folder_path};
use anju_import::EncodingChoice;
use read::{same_bytes, FileRead};
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, File, MessageEvent};

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Posts one message as JSON text, with transferable buffers beside it when given.
fn post(m: &Message, files: Option<js_sys::Array>) {
    let text = serde_json::to_string(m).unwrap_or_default();
    let out = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&out, &"message".into(), &text.into());
    if let Some(files) = files {
        let buffers =
            files.iter().map(|f| f.unchecked_into::<js_sys::Uint8Array>().buffer()).collect::<js_sys::Array>();
        let _ = js_sys::Reflect::set(&out, &"files".into(), &files);
        let _ = scope().post_message_with_transfer(&out, &buffers);
    } else {
        let _ = scope().post_message(&out);
    }
}

fn main() {
    // Messages say what to change in the view's fields, not in the command's flags.
    anju_import::flags::name_fields();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
        let data = e.data();
        let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok();
        let list = get("files").filter(|a| a.is_object()).map(|a| js_sys::Array::from(&a)).unwrap_or_default();
        if let Some(text) = get("zip").and_then(|t| t.as_string()) {
            let bytes = list.iter().filter_map(|b| b.dyn_into::<js_sys::Uint8Array>().ok()).collect();
            return zip(serde_json::from_str(&text).unwrap_or_default(), bytes);
        }
        let text = get("request").and_then(|t| t.as_string()).unwrap_or_default();
        let files: Vec<File> = list.iter().filter_map(|f| f.dyn_into::<File>().ok()).collect();
        match serde_json::from_str::<Request>(&text) {
            Ok(req) if req.files.len() == files.len() => run(&req, files),
            _ => post(
                &Message::Done(Outcome {
                    refused: Some(Said::new("导入请求无效", "the import request is not valid")),
                    ..Default::default()
                }),
                None,
            ),
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&Message::Ready, None);
}

/// Zips a kept dataset's files (`anju_import::bundle`).
fn zip(req: ZipRequest, files: Vec<js_sys::Uint8Array>) {
    let bytes: Vec<Vec<u8>> = files.iter().map(|f| f.to_vec()).collect();
    let made = if bytes.len() == req.files.len() && !bytes.is_empty() {
        anju_import::bundle::zip(&req.name, req.files.iter().map(String::as_str).zip(bytes.iter().map(Vec::as_slice)))
    } else {
        Err("zip 请求中的文件不全 / the zip request lacks files".to_string())
    };
    let name = req.name;
    match made {
        Ok(z) => {
            post(&Message::Zipped { name, refused: None }, Some(js_sys::Array::of1(&js_sys::Uint8Array::from(&z[..]))))
        }
        Err(e) => post(&Message::Zipped { name, refused: Some(Said::both(e)) }, None),
    }
}

/// The encoding choice as `--encoding` names it.
fn encoding(key: &str) -> EncodingChoice {
    match key {
        "utf-8" => EncodingChoice::Utf8,
        "gbk" => EncodingChoice::Gbk,
        _ => EncodingChoice::Auto,
    }
}

/// Reads and aggregates every file of the request, telling the page as it goes.
fn run(req: &Request, files: Vec<File>) {
    let done = |o: Outcome| post(&Message::Done(o), None);
    let read = match anju_import::flags::options(encoding(&req.encoding), req.period.as_deref(), req.place.as_deref()) {
        Ok(r) => r,
        Err(e) => return done(Outcome { refused: Some(Said::both(e)), ..Default::default() }),
    };
    let aliases = match anju_import::names::Aliases::parse(&req.aliases) {
        Ok(a) => a,
        Err(e) => {
            let (zh, en) = anju_data::import::Choice::Aliases.field();
            return done(Outcome {
                refused: Some(Said::both(format!("“{zh}” / “{en}”：{e}"))), ..Default::default()
            });
        }
    };
    let entries: Vec<(usize, &File)> = files.iter().enumerate().collect();
    // A shortened place is made whole from the places the other registers name.
    let (read, place_note) = if anju_import::flags::shortened(&read) {
        let mut known = Default::default();
        for (i, f) in &entries {
            let reader = FileRead::new(f, &|_| {});
            anju_import::flags::known_in(&req.files[*i].name, reader, &read, &aliases, &mut known);
        }
        match anju_import::flags::complete(read, &known) {
            Ok(made) => made,
            Err(e) => return done(Outcome { refused: Some(Said::both(e)), ..Default::default() }),
        }
    } else {
        (read, None)
    };
    let opts = RunOptions { read, aliases, allow_split: req.allow_split, ..Default::default() };
    let mut run = Run::new(&opts);
    // Files in a folder that are no registers are passed over, as the command does.
    let mut to_read = Vec::new();
    for (i, f) in entries {
        let e = &req.files[i];
        match e.in_folder.then(|| in_folder_path(&e.name)).flatten() {
            Some(why) => {
                let said = Said::new(why.zh(), why.en());
                let p = FilePreview { name: e.name.clone(), passed_over: Some(said), ..Default::default() };
                post(&Message::Preview { file: i, preview: p }, None);
                run.summary.not_read.push((e.name.clone(), why));
            }
            None => to_read.push((i, f)),
        }
    }
    let (to_read, copies) = drop_copies(
        to_read,
        |(i, _)| req.files[*i].name.clone(),
        |(_, f)| f.size() as u64,
        |(_, f)| anju_import::files::digest(FileRead::new(f, &|_| {})),
        |(_, a), (_, b)| same_bytes(a, b),
    );
    for ((i, _), why) in copies {
        let said = Said::new(why.zh(), why.en());
        let p = FilePreview { name: req.files[i].name.clone(), refused: Some(said), ..Default::default() };
        post(&Message::Preview { file: i, preview: p }, None);
        run.summary.not_read.push((req.files[i].name.clone(), why));
    }
    for (i, f) in to_read {
        let name = &req.files[i].name;
        // Bytes and rows so far, told at most every 100 ms.
        let (state, last) = (Cell::new((0u64, 0u64)), Cell::new(0.0));
        let tick = |bytes: Option<u64>, rows: Option<u64>| {
            let (b, r) = state.get();
            let (b, r) = (bytes.unwrap_or(b), rows.unwrap_or(r));
            state.set((b, r));
            let now = js_sys::Date::now();
            if now - last.get() >= 100.0 {
                last.set(now);
                post(&Message::Progress { file: i, bytes: b, rows: r }, None);
            }
        };
        let seen = |b| tick(Some(b), None);
        let result = run.file(name, FileRead::new(f, &seen), &mut |r| tick(None, Some(r)));
        match result {
            Ok(preview) => post(&Message::Preview { file: i, preview }, None),
            Err(e) => return done(failed(e)),
        }
    }
    finish(run, place_note.map(|(zh, en)| Said::new(zh, en)));
}

/// The run's end: the dataset's files beside the outcome, or why none was made.
///
/// `place_note`: the shortened place made whole, when it was.
fn finish(run: Run, place_note: Option<Said>) {
    match run.finish(&mut |_| {}) {
        Ok((written, s)) => {
            let notes = place_note.into_iter().chain(told(&s)).collect();
            // The title and date for the list of imports, from the index as written.
            let index: serde_json::Value = serde_json::from_slice(written.index()).unwrap_or_default();
            let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
            let (title, as_of) = (text(&index["dataset"]["title"]["zh"]), text(&index["dataset"]["as_of"]));
            let outcome = Outcome {
                refused: None,
                notes,
                rows: s.rows,
                bad_rows: s.bad_rows,
                refused_files: s.refused_files(),
                periods: s.periods,
                files: written.files.iter().map(|(n, _)| n.clone()).collect(),
                title,
                as_of,
                totals: s.totals.clone(),
            };
            let bytes: js_sys::Array =
                written.files.iter().map(|(_, b)| js_sys::Uint8Array::from(b.as_slice())).collect();
            post(&Message::Done(outcome), Some(bytes));
        }
        Err(e) => post(&Message::Done(failed(e)), None),
    }
}

/// Why no dataset was made, with what the run found when the error carries it.
fn failed(e: AggError) -> Outcome {
    let notes = match &e {
        AggError::NoRows(s) | AggError::Overlap(s) => told(s),
        _ => Vec::new(),
    };
    Outcome { refused: Some(Said::both(e.to_string())), notes, ..Default::default() }
}

/// What a run found, line by line (`anju_import::report::tell`).
fn told(s: &anju_import::aggregate::Summary) -> Vec<Said> {
    let notes = std::cell::RefCell::new(Vec::new());
    anju_import::report::tell(s, &|zh, en| notes.borrow_mut().push(Said::new(zh, en)));
    notes.into_inner()
}
