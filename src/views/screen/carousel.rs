//! The carousel: which place the screen is showing in detail, stepping every `interval`
//! through the places below the node (or `tour=`), pausing while someone points at or
//! touches the screen, and stepping by hand with the previous/next controls. In kiosk
//! mode, where the cursor is hidden, only a moving pointer or a touch pauses it, and it
//! resumes a few seconds after (a mouse left resting on the wall must not stop it).

use anju_data::view::live::position;
use leptos::prelude::*;
use std::time::Duration;

/// How long a touch keeps the carousel still after the finger lifts.
const TOUCH_HOLD_MS: u64 = 8_000;
/// In kiosk mode, how long the carousel stays still after the pointer last moved.
const MOVE_HOLD_MS: u64 = 5_000;

#[derive(Clone, Copy)]
pub struct Carousel {
    /// Which item (index into the list) is shown.
    pub at: Memo<usize>,
    /// Steps taken since the screen opened (the soak benchmark counts them).
    pub steps: RwSignal<u64>,
    pub paused: Memo<bool>,
    hover: RwSignal<bool>,
    touch: RwSignal<bool>,
    touch_timer: StoredValue<Option<TimeoutHandle>>,
    counter: RwSignal<(String, i64)>,
    key: Memo<String>,
    len: Memo<usize>,
    restart: RwSignal<u32>,
    kiosk: Memo<bool>,
}

impl Carousel {
    /// `key` names the list (node and tour): a new list starts from its first item.
    pub fn new(key: Memo<String>, len: Memo<usize>, interval_ms: Memo<u32>, kiosk: Memo<bool>) -> Carousel {
        let counter = RwSignal::new((String::new(), 0i64));
        let at = Memo::new(move |_| {
            let k = key.get();
            let step = counter.with(|(ck, s)| if *ck == k { *s } else { 0 });
            position(step, len.get())
        });
        let (hover, touch) = (RwSignal::new(false), RwSignal::new(false));
        let paused = Memo::new(move |_| hover.get() || touch.get());
        let c = Carousel {
            at,
            steps: RwSignal::new(0),
            paused,
            hover,
            touch,
            touch_timer: StoredValue::new(None),
            counter,
            key,
            len,
            restart: RwSignal::new(0),
            kiosk,
        };
        // The timer is the outside world: one interval while running, none while paused;
        // it is cleared whenever this re-runs and when the screen goes away.
        Effect::new(move |_| {
            c.restart.track();
            let ms = interval_ms.get();
            if paused.get() || len.get() < 2 {
                return;
            }
            if let Ok(h) = set_interval_with_handle(move || c.advance(1), Duration::from_millis(ms.into())) {
                on_cleanup(move || h.clear());
            }
        });
        on_cleanup(move || {
            if let Some(Some(h)) = c.touch_timer.try_get_value() {
                h.clear();
            }
        });
        c
    }

    fn advance(self, by: i64) {
        let k = self.key.get_untracked();
        let _ = self.counter.try_update(|(ck, s)| {
            if *ck != k {
                *ck = k;
                *s = 0;
            }
            *s = s.wrapping_add(by);
        });
        let _ = self.steps.try_update(|n| *n += 1);
    }

    /// A step by hand; the next automatic step comes a whole interval later.
    pub fn step(self, by: i64) {
        self.advance(by);
        self.restart.update(|r| *r = r.wrapping_add(1));
    }

    pub fn len(self) -> Memo<usize> {
        self.len
    }

    pub fn pointer_enter(self, ev: &web_sys::PointerEvent) {
        if ev.pointer_type() != "touch" && !self.kiosk.get_untracked() {
            self.hover.set(true);
        }
    }

    /// In kiosk mode a moving pointer holds the carousel for a few seconds.
    pub fn pointer_move(self, ev: &web_sys::PointerEvent) {
        if ev.pointer_type() != "touch" && self.kiosk.get_untracked() {
            self.clear_touch_timer();
            self.touch.set(true);
            self.release_after(MOVE_HOLD_MS);
        }
    }

    pub fn pointer_leave(self, ev: &web_sys::PointerEvent) {
        if ev.pointer_type() != "touch" {
            self.hover.set(false);
        }
    }

    pub fn touch_start(self, ev: &web_sys::PointerEvent) {
        if ev.pointer_type() == "touch" {
            self.clear_touch_timer();
            self.touch.set(true);
        }
    }

    /// The finger lifted: resume after a while, so what was touched can be read.
    pub fn touch_end(self, ev: &web_sys::PointerEvent) {
        if ev.pointer_type() != "touch" {
            return;
        }
        self.clear_touch_timer();
        self.release_after(TOUCH_HOLD_MS);
    }

    /// Lets the carousel go on after `ms`.
    fn release_after(self, ms: u64) {
        let touch = self.touch;
        let h = set_timeout_with_handle(
            move || {
                let _ = touch.try_set(false);
            },
            Duration::from_millis(ms),
        )
        .ok();
        self.touch_timer.set_value(h);
    }

    fn clear_touch_timer(self) {
        if let Some(h) = self.touch_timer.get_value() {
            h.clear();
        }
    }
}
