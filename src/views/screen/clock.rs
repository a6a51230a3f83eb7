//! The live clock in the screen's header (the browser's local time).

use crate::i18n::tr;
use anju_data::format::Lang;
use leptos::prelude::*;
use std::time::Duration;

fn write(ms: f64, lang: Lang) -> String {
    let d = js_sys::Date::new(&ms.into());
    let (y, mo, day, wd) = (d.get_full_year(), d.get_month() + 1, d.get_date(), d.get_day() as usize % 7);
    let (h, mi, s) = (d.get_hours(), d.get_minutes(), d.get_seconds());
    match lang {
        Lang::Zh => {
            let w = ["日", "一", "二", "三", "四", "五", "六"][wd];
            format!("{y}年{mo}月{day}日 星期{w} {h:02}:{mi:02}:{s:02}")
        }
        Lang::En => {
            let w = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][wd];
            format!("{w} {y}-{mo:02}-{day:02} {h:02}:{mi:02}:{s:02}")
        }
    }
}

#[component]
pub fn Clock(lang: Lang) -> impl IntoView {
    let now = RwSignal::new(js_sys::Date::now());
    // Four ticks a second keep the seconds on time; the text changes once a second.
    let tick = set_interval_with_handle(move || now.set(js_sys::Date::now()), Duration::from_millis(250)).ok();
    on_cleanup(move || {
        if let Some(h) = tick {
            h.clear();
        }
    });
    let text = Memo::new(move |_| write((now.get() / 1000.0).floor() * 1000.0, lang));
    view! {
        <time class="clock" data-testid="clock" aria-label=tr(lang, "当前时间", "Current time")>{move || text.get()}</time>
    }
}
