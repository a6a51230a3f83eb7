//! Performance marks for the benchmark, and the moment a view counts as drawn: when every
//! chart of it has been painted (charts wait for their box to be laid out, so the view's
//! own mount is too early).

use leptos::prelude::*;
use std::cell::RefCell;

/// Set once the first view is fully drawn (the `app-ready` hook).
#[derive(Clone, Copy)]
pub struct Ready(pub RwSignal<bool>);

/// Which view is awaited and what each chart on the page last painted for: the
/// bookkeeping behind "a view is drawn" (pure; this module's functions drive it from the
/// page). A view is drawn when every chart on the page has painted for it: a chart
/// mounted with the view paints it first, a chart that stays (the dashboard keeps its
/// charts from place to place) paints it again, a chart gone no longer holds it back.
#[derive(Default)]
pub struct Drawing {
    /// The view awaited; `None` once it is drawn.
    view: Option<u64>,
    /// The last number given to a view built whole (from 1).
    built: u64,
    /// Each chart on the page, by the number it was given when mounted, and the view it
    /// last painted for.
    charts: Vec<(u64, Option<u64>)>,
}

impl Drawing {
    pub const fn new() -> Drawing {
        Drawing { view: None, built: 0, charts: Vec::new() }
    }

    /// Awaits a view: the place `key` of a view that keeps its charts ([`PlaceKey`]), or
    /// for `None` a view built whole, numbered here. Returns the view's key.
    pub fn begin(&mut self, key: Option<u64>) -> u64 {
        let key = key.unwrap_or_else(|| {
            self.built += 1;
            self.built
        });
        self.view = Some(key);
        key
    }

    /// A chart was mounted: the number it is known by from then on.
    pub fn mounted(&mut self) -> u64 {
        let id = self.charts.iter().map(|c| c.0).max().unwrap_or(0) + 1;
        self.charts.push((id, None));
        id
    }

    /// Chart `id` painted: for the place `place` on show where its view keeps its charts,
    /// else for the view awaited.
    pub fn painted(&mut self, id: u64, place: Option<u64>) {
        let now = place.or(self.view);
        if let Some(c) = self.charts.iter_mut().find(|c| c.0 == id) {
            c.1 = now;
        }
    }

    /// Chart `id` is gone (its view replaced).
    pub fn gone(&mut self, id: u64) {
        self.charts.retain(|c| c.0 != id);
    }

    /// Whether view `key` is the one awaited.
    pub fn awaits(&self, key: u64) -> bool {
        self.view == Some(key)
    }

    /// A view is awaited and every chart on the page has painted for it. The caller then
    /// calls [`Drawing::finish`].
    pub fn drawn(&self) -> bool {
        self.view.is_some() && self.charts.iter().all(|c| c.1 == self.view)
    }

    /// The view awaited is drawn: nothing is awaited until the next [`Drawing::begin`].
    pub fn finish(&mut self) {
        self.view = None;
    }
}

struct Track {
    drawing: Drawing,
    on_done: Option<Box<dyn FnOnce()>>,
}

thread_local! {
    static TRACK: RefCell<Track> = const { RefCell::new(Track { drawing: Drawing::new(), on_done: None }) };
}

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

/// A drill was asked for (a click on a row, a bar or a crumb).
pub fn drill_start() {
    if let Some(p) = performance() {
        p.clear_marks_with_mark_name("anju-drill-start");
        let _ = p.mark("anju-drill-start");
    }
}

/// The place on show in a view that keeps its charts from place to place (the dashboard
/// provides it): what a chart paints for. Keys have the top bit set, so that they are
/// never the number of a view built whole ([`begin_view`]).
#[derive(Clone, Copy)]
pub struct PlaceKey(pub Memo<u64>);

impl PlaceKey {
    /// The key of `ix` in the dataset `ds` (a snapshot: a dataset with another shard
    /// attached is another key).
    pub fn of(ds: &std::sync::Arc<anju_data::Dataset>, ix: anju_data::NodeIx) -> u64 {
        let at = std::sync::Arc::as_ptr(ds) as usize as u64;
        (1 << 63) | ((at << 20) ^ ix as u64)
    }
}

/// A new view is being built. It counts as drawn when every chart on the page has painted
/// for it; one with no chart, at the next frame.
pub fn begin_view() {
    await_view(None);
}

/// The place `key` is on show in a view that keeps its charts ([`PlaceKey`]): it counts as
/// drawn when every chart has painted for it (those that painted it before this call too).
pub fn begin_place(key: u64) {
    await_view(Some(key));
}

fn await_view(key: Option<u64>) {
    let ready = use_context::<Ready>();
    let key = TRACK.with(|t| {
        let mut t = t.borrow_mut();
        t.on_done = Some(Box::new(move || {
            if let Some(Ready(r)) = ready {
                r.set(true);
            }
        }));
        t.drawing.begin(key)
    });
    // Checked at the next frame: the charts of a view being built are mounted by then.
    let check = wasm_bindgen::closure::Closure::once_into_js(move || {
        if TRACK.with(|t| t.borrow().drawing.awaits(key)) {
            check_done();
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&check));
    }
}

/// A chart was mounted; the number it is known by from then on.
pub fn chart_mounted() -> u64 {
    TRACK.with(|t| t.borrow_mut().drawing.mounted())
}

/// Chart `id` painted: for the place on show `place` (the [`PlaceKey`] of a view that
/// provides one), else for the view being built.
pub fn chart_painted(id: u64, place: Option<u64>) {
    TRACK.with(|t| t.borrow_mut().drawing.painted(id, place));
    check_done();
}

/// Chart `id` is gone (its view replaced): it no longer holds a view back.
pub fn chart_gone(id: u64) {
    TRACK.with(|t| t.borrow_mut().drawing.gone(id));
    check_done();
}

fn check_done() {
    if TRACK.with(|t| t.borrow().drawing.drawn()) {
        finish();
    }
}

fn finish() {
    if let Some(p) = performance() {
        let _ = p.mark("anju-view-drawn");
        if p.get_entries_by_name_with_entry_type("anju-drill-start", "mark").length() > 0 {
            let _ = p.measure_with_start_mark_and_end_mark("anju-drill", "anju-drill-start", "anju-view-drawn");
            p.clear_marks_with_mark_name("anju-drill-start");
        }
    }
    let cb = TRACK.with(|t| {
        let mut t = t.borrow_mut();
        t.drawing.finish();
        t.on_done.take()
    });
    if let Some(cb) = cb {
        cb();
    }
}

/// A filter was toggled: the view counts as redrawn at the next animation frame, after
/// every reactive update and canvas redraw the toggle caused ("anju-filter" measure).
pub fn filter_start() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(p) = performance() else { return };
    p.clear_marks_with_mark_name("anju-filter-start");
    let _ = p.mark("anju-filter-start");
    let cb = Closure::once_into_js(move || {
        if let Some(p) = performance() {
            let _ = p.measure_with_start_mark("anju-filter", "anju-filter-start");
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(cb.unchecked_ref());
    }
}

/// Records the time from its start to its drop as a performance measure named `name`
/// (the UI benchmark reads them). A guard, not a generic function taking a closure, which
/// was compiled once for each closure it timed.
pub struct Timed(&'static str);

impl Timed {
    pub fn start(name: &'static str) -> Self {
        if let Some(p) = performance() {
            let _ = p.mark(&format!("{name}-start"));
        }
        Timed(name)
    }
}

impl Drop for Timed {
    fn drop(&mut self) {
        let Some(p) = performance() else { return };
        let (start, end) = (format!("{}-start", self.0), format!("{}-end", self.0));
        let _ = p.mark(&end);
        let _ = p.measure_with_start_mark_and_end_mark(self.0, &start, &end);
        p.clear_marks_with_mark_name(&start);
        p.clear_marks_with_mark_name(&end);
    }
}

/// Resolves in a task of the browser's own (a timer of 0 ms), so that work after it does
/// not lengthen the task before: between the two the page answers input and may paint. On
/// a phone (4× CPU) the first load was one task of 300–500 ms, and Lighthouse counts each
/// task's time past 50 ms as blocking.
pub async fn next_task() {
    let timer = js_sys::Promise::new(&mut |done, _| {
        let set = web_sys::window().map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&done, 0));
        if !matches!(set, Some(Ok(_))) {
            let _ = done.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(timer).await;
}
