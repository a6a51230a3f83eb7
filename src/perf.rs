//! Performance marks for the benchmark, and the moment a view counts as drawn: when every
//! chart of it has been painted (charts wait for their box to be laid out, so the view's
//! own mount is too early).

use leptos::prelude::*;
use std::cell::RefCell;

/// Set once the first view is fully drawn (the `app-ready` hook).
#[derive(Clone, Copy)]
pub struct Ready(pub RwSignal<bool>);

/// The view being built: its number, and how many of its charts have not yet painted.
struct Track {
    generation: u64,
    waiting: usize,
    on_done: Option<Box<dyn FnOnce()>>,
}

thread_local! {
    static TRACK: RefCell<Track> = const { RefCell::new(Track { generation: 0, waiting: 0, on_done: None }) };
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

/// A new view is being built. It counts as drawn when every chart that registers while
/// it is built ([`expect_chart`]) has painted; one with no chart, at the next frame.
pub fn begin_view() {
    let ready = use_context::<Ready>();
    let generation = TRACK.with(|t| {
        let mut t = t.borrow_mut();
        t.generation += 1;
        t.waiting = 0;
        t.on_done = Some(Box::new(move || {
            if let Some(Ready(r)) = ready {
                r.set(true);
            }
        }));
        t.generation
    });
    let check = wasm_bindgen::closure::Closure::once_into_js(move || {
        let done = TRACK.with(|t| {
            let t = t.borrow();
            t.generation == generation && t.waiting == 0 && t.on_done.is_some()
        });
        if done {
            finish();
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&check));
    }
}

/// A chart was mounted: while a view is being built it counts towards that view, and the
/// returned number goes back with [`chart_drawn`]. `None` for a chart built later (a
/// slide redrawn): its painting is a redraw, not a new view.
pub fn expect_chart() -> Option<u64> {
    TRACK.with(|t| {
        let mut t = t.borrow_mut();
        t.on_done.is_some().then(|| {
            t.waiting += 1;
            t.generation
        })
    })
}

/// A chart counted for view `generation` painted for the first time.
pub fn chart_drawn(generation: u64) {
    let done = TRACK.with(|t| {
        let mut t = t.borrow_mut();
        if t.generation != generation || t.waiting == 0 {
            return false; // a chart of a view already replaced
        }
        t.waiting -= 1;
        t.waiting == 0
    });
    if done {
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
    let cb = TRACK.with(|t| t.borrow_mut().on_done.take());
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
