//! The import view (`view=import`): a person's registers read in this browser, in a
//! worker, with how each file and sheet was read, and the totals the dashboard would show.
//! The files never leave the computer: the worker is loaded when the view opens and the
//! import asks the network for nothing.

mod options;
mod outcome;
mod preview;
mod saved;

use crate::data::import::{Files, ImportWorker};
use crate::i18n::tr;
use crate::model::import::{entries, Picked};
use crate::url::use_url;
use anju_data::format::Lang;
use anju_data::import::{Message, Outcome, Request, Saved, ZipRequest};
use anju_data::view::query::ViewMode;
use leptos::prelude::*;
use preview::{card, FileState};
use wasm_bindgen::JsCast;
use web_sys::File;

/// The view's state, shared by its handlers.
#[derive(Clone, Copy)]
struct Ctx {
    picked: RwSignal<Vec<Picked>>,
    files: StoredValue<Vec<File>, LocalStorage>,
    /// Per picked file, a signal each: a progress tick redraws one card, not all.
    states: RwSignal<Vec<RwSignal<FileState>>>,
    /// Picked files left out after the worker failed inside them.
    left_out: StoredValue<Vec<usize>>,
    /// The request's file i is picked file `order[i]`.
    order: StoredValue<Vec<usize>>,
    outcome: RwSignal<Option<Outcome>>,
    running: RwSignal<bool>,
    ready: RwSignal<bool>,
    broken: RwSignal<bool>,
    worker: StoredValue<Option<ImportWorker>, LocalStorage>,
    pending: StoredValue<Option<(Request, Vec<File>)>, LocalStorage>,
    period: RwSignal<String>,
    place: RwSignal<String>,
    encoding: RwSignal<String>,
    allow_split: RwSignal<bool>,
    aliases: RwSignal<String>,
    /// The datasets kept in this browser, and the name the last result was kept under.
    kept: saved::Kept,
}

impl Ctx {
    fn start_worker(self) {
        self.ready.set(false);
        let on_message = move |m: Message, files: Files| self.on_message(m, files);
        let on_error = move || self.on_error();
        match ImportWorker::start(on_message, on_error) {
            Ok(w) => self.worker.set_value(Some(w)),
            Err(_) => self.broken.set(true),
        }
    }

    fn on_message(self, m: Message, files: Files) {
        let at = |file: usize| self.order.with_value(|o| o.get(file).copied());
        match m {
            Message::Ready => {
                self.ready.set(true);
                if let Some((req, files)) = self.pending.try_update_value(|p| p.take()).flatten() {
                    self.worker.with_value(|w| w.as_ref().map(|w| w.send(&req, &files)));
                }
            }
            Message::Progress { file, bytes, rows } => {
                if let Some(s) = at(file).and_then(|i| self.state(i)) {
                    s.set(FileState::Reading { bytes, rows });
                }
            }
            Message::Preview { file, preview } => {
                if let Some(s) = at(file).and_then(|i| self.state(i)) {
                    s.set(FileState::Read(Box::new(preview)));
                }
            }
            Message::Done(o) => {
                if o.refused.is_none() && !files.is_empty() {
                    let (picked, states) = (self.picked.get_untracked(), self.states_now());
                    // The files the figures came from: not those passed over or refused.
                    let counted = |i: usize| matches!(states.get(i), Some(FileState::Read(p)) if p.refused.is_none() && p.passed_over.is_none());
                    let names = self.order.with_value(|ord| {
                        ord.iter().filter(|&&i| counted(i)).map(|&i| picked[i].shown_name()).collect()
                    });
                    self.kept.keep(&o, names, files);
                }
                // Files the run never reached (it stopped on a choice or before a file).
                self.states.with_untracked(|s| {
                    for st in s {
                        if st.with_untracked(|st| matches!(st, FileState::Waiting | FileState::Reading { .. })) {
                            st.set(FileState::NotRead);
                        }
                    }
                });
                self.outcome.set(Some(o));
                self.running.set(false);
            }
            Message::Zipped { refused, .. } => match (refused, files.into_iter().next()) {
                (None, Some((file, zip))) => {
                    crate::export::offer(&file, &zip, "application/zip");
                    self.kept.zip_failed.set(None);
                }
                (why, _) => self.kept.zip_failed.set(Some(why.map(|w| w.zh).unwrap_or_default())),
            },
        }
    }

    /// Offers a kept dataset as one zip (made by the worker, `anju_import::bundle`).
    fn zip(self, saved: Saved) {
        leptos::task::spawn_local(async move {
            let files = match crate::data::local::files(&saved).await {
                Ok(f) => f,
                Err(e) => return self.kept.zip_failed.set(Some(e)),
            };
            let req = ZipRequest { name: saved.name, files: saved.files };
            let sent = self.ready.get_untracked()
                && self.worker.with_value(|w| w.as_ref().map(|w| w.send_zip(&req, &files)).is_some());
            if !sent {
                self.kept
                    .zip_failed
                    .set(Some("读取程序尚未就绪，请稍后再试 / the reader is not ready yet: try again".into()));
            }
        });
    }

    /// The worker stopped: inside a file (left out, the others read again), or before
    /// it could start.
    fn on_error(self) {
        self.worker.set_value(None);
        if !self.running.get_untracked() {
            self.broken.set(true);
            return;
        }
        let states = self.states_now();
        let inside = states
            .iter()
            .position(|s| matches!(s, FileState::Reading { .. }))
            .or_else(|| states.iter().position(|s| matches!(s, FileState::Waiting)));
        match inside {
            Some(i) => {
                self.left_out.update_value(|l| l.push(i));
                self.start_worker();
                self.run();
            }
            None => {
                self.running.set(false);
                self.broken.set(true);
            }
        }
    }

    /// Picked file `i`'s state.
    fn state(self, i: usize) -> Option<RwSignal<FileState>> {
        self.states.with_untracked(|s| s.get(i).copied())
    }

    /// Every picked file's state as it is now.
    fn states_now(self) -> Vec<FileState> {
        self.states.with_untracked(|s| s.iter().map(|st| st.get_untracked()).collect())
    }

    /// Reads every picked file (but those left out) with the choices made.
    fn run(self) {
        let picked = self.picked.get_untracked();
        let left_out = self.left_out.get_value();
        let keep: Vec<usize> = (0..picked.len()).filter(|i| !left_out.contains(i)).collect();
        let kept: Vec<Picked> = keep.iter().map(|&i| picked[i].clone()).collect();
        let (files, order) = entries(&kept);
        let order: Vec<usize> = order.into_iter().map(|k| keep[k]).collect();
        let text = |s: RwSignal<String>| Some(s.get_untracked().trim().to_string()).filter(|t| !t.is_empty());
        let req = Request {
            files,
            period: text(self.period),
            place: text(self.place),
            encoding: self.encoding.get_untracked(),
            allow_split: self.allow_split.get_untracked(),
            aliases: self.aliases.get_untracked(),
        };
        let objects: Vec<File> = self.files.with_value(|f| order.iter().map(|&i| f[i].clone()).collect());
        self.order.set_value(order);
        let first = |i: usize| if left_out.contains(&i) { FileState::Failed } else { FileState::Waiting };
        if self.states.with_untracked(Vec::len) == picked.len() {
            self.states.with_untracked(|s| s.iter().enumerate().for_each(|(i, st)| st.set(first(i))));
        } else {
            self.states.set((0..picked.len()).map(|i| RwSignal::new(first(i))).collect());
        }
        self.outcome.set(None);
        self.kept.last.set(None);
        self.running.set(true);
        if self.ready.get_untracked() {
            self.worker.with_value(|w| w.as_ref().map(|w| w.send(&req, &objects)));
        } else {
            self.pending.set_value(Some((req, objects)));
        }
    }

    fn cancel(self) {
        self.pending.set_value(None);
        self.worker.set_value(None);
        self.running.set(false);
        self.states.with_untracked(|s| {
            for st in s {
                if st.with_untracked(|st| matches!(st, FileState::Waiting | FileState::Reading { .. })) {
                    st.set(FileState::Cancelled);
                }
            }
        });
        self.start_worker();
    }

    /// New files picked or dropped: read them.
    fn take(self, list: Option<web_sys::FileList>) {
        let Some(list) = list else { return };
        let files: Vec<File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        if files.is_empty() {
            return;
        }
        let picked = files
            .iter()
            .map(|f| {
                let rel = js_sys::Reflect::get(f, &"webkitRelativePath".into()).ok().and_then(|v| v.as_string());
                Picked { relative_path: rel.unwrap_or_default(), name: f.name(), size: f.size() as u64 }
            })
            .collect();
        if self.running.get_untracked() {
            self.cancel();
        }
        self.files.set_value(files);
        self.kept.for_pick.set_value(None);
        self.picked.set(picked);
        self.left_out.set_value(Vec::new());
        self.run();
    }
}

#[component]
pub fn Import() -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let cx = Ctx {
        picked: RwSignal::new(Vec::new()),
        files: StoredValue::new_local(Vec::new()),
        states: RwSignal::new(Vec::new()),
        left_out: StoredValue::new(Vec::new()),
        order: StoredValue::new(Vec::new()),
        outcome: RwSignal::new(None),
        running: RwSignal::new(false),
        ready: RwSignal::new(false),
        broken: RwSignal::new(false),
        worker: StoredValue::new_local(None),
        pending: StoredValue::new_local(None),
        period: RwSignal::new(String::new()),
        place: RwSignal::new(String::new()),
        encoding: RwSignal::new("auto".into()),
        allow_split: RwSignal::new(false),
        aliases: RwSignal::new(String::new()),
        kept: saved::Kept::new(),
    };
    cx.start_worker();
    on_cleanup(move || cx.worker.set_value(None));
    crate::page::follow_lang(lang, Some(("导入台账 · 安居", "Import registers · Anju")));
    // Leaving mid-run (the language switch is a link too) would lose the run.
    crate::page::ask_before_leaving(Signal::derive(move || cx.running.get()));
    let on_input = move |ev: leptos::ev::Event| {
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        cx.take(input.as_ref().and_then(|i| i.files()));
        // The same files picked again still make a change.
        if let Some(i) = input {
            i.set_value("");
        }
    };
    // Files dropped anywhere in the window are taken, not opened by the browser.
    let over = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let dropped = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        cx.take(ev.data_transfer().and_then(|d| d.files()));
    });
    on_cleanup(move || {
        over.remove();
        dropped.remove();
    });
    let to_dashboard = move || url.href_with(|s| s.view = ViewMode::Dashboard);
    let other_lang = move || {
        let other = if lang.get() == Lang::En { Lang::Zh } else { Lang::En };
        url.href_with(|s| s.lang = other)
    };
    let t = move |zh: &'static str, en: &'static str| tr(lang.get(), zh, en);
    // A folder picker: the attribute has no typed setter.
    let folder = NodeRef::<leptos::html::Input>::new();
    Effect::new(move || {
        if let Some(i) = folder.get() {
            let _ = i.set_attribute("webkitdirectory", "");
        }
    });
    view! {
        <div class="import-page" data-worker=move || if cx.ready.get() { "ready" } else { "loading" }>
            <header class="top">
                <div class="top-title">
                    <h1 class="title">{move || t("导入台账", "Import registers")}</h1>
                </div>
                <div class="top-controls">
                    <nav class="view-links">
                        <a data-testid="link-dashboard" href=to_dashboard>{move || t("返回看板", "Back to the dashboard")}</a>
                    </nav>
                    <a class="lang-switch" href=other_lang>{move || t("English", "中文")}</a>
                </div>
            </header>
            <p class="import-privacy" role="note" data-testid="import-privacy">
                {move || t(
                    "文件只在本机读取，不会上传到任何地方；身份信息列（姓名、身份证号、电话）不读取，只保留汇总后的数字。",
                    "Files are read on this computer and never leave it; identity columns (names, ID and phone numbers) are never read, and only the aggregated counts are kept.",
                )}
            </p>
            <label class="import-drop">
                <span>{move || t("把台账文件拖到这里，或点击选择（CSV、XLSX、XLS、XLSB、ODS、ET，可多选）", "Drop register files here, or click to choose (CSV, XLSX, XLS, XLSB, ODS, ET; several at once)")}</span>
                <input type="file" multiple data-testid="import-input" accept=".csv,.xlsx,.xls,.xlsb,.ods,.et" on:change=on_input />
            </label>
            <label class="import-folder">
                <span>{move || t("或选择整个文件夹", "Or choose a whole folder")}</span>
                <input type="file" node_ref=folder multiple data-testid="import-folder" on:change=on_input />
            </label>
            {options::options_view(cx)}
            <Show when=move || cx.broken.get()>
                <p class="import-warn" role="alert">{move || t("读取程序未能启动：请刷新页面后重试。", "The reader could not start: reload the page and try again.")}</p>
            </Show>
            <ol class="import-files">
                {move || {
                    let states = cx.states.get();
                    cx.picked.get().into_iter().zip(states).map(|(p, st)| {
                        let name = p.shown_name();
                        move || card(lang.get(), name.clone(), p.size, st.get())
                    }).collect_view()
                }}
            </ol>
            {move || cx.outcome.get().map(|o| outcome::outcome(lang.get(), o, cx.left_out.with_value(Vec::len)))}
            {saved::kept_view(cx.kept, Callback::new(move |s: Saved| cx.zip(s)))}
        </div>
    }
}
