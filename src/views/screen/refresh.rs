//! Live refresh: the dataset is fetched again every `refresh` interval without reloading
//! the page, and the view is redrawn only when a file changed. A failed refresh (network,
//! HTTP, or data the validator rejects) leaves the last good data on screen, shows the
//! stale badge, and retries with backoff until it recovers on its own.

use crate::data::{self, Live};
use crate::i18n::tr;
use anju_data::format::Lang;
use anju_data::view::live::{retry_delay_ms, stale_since, WallTime};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// Why the data on screen is not current.
#[derive(Clone, Debug, PartialEq)]
pub struct Stale {
    /// When the data on screen was last known to be current (ISO 8601, UTC).
    pub since: String,
    /// The same moment, in milliseconds since the epoch.
    pub since_ms: f64,
    pub zh: String,
    pub en: String,
}

impl Stale {
    /// Stale since `ms` (the last good data, milliseconds since the epoch), for `why`.
    fn since(ms: f64, (zh, en): (String, String)) -> Stale {
        Stale { since: js_sys::Date::new(&ms.into()).to_iso_string().into(), since_ms: ms, zh, en }
    }
}

/// A moment on the wall's clock.
fn wall_time(ms: f64) -> WallTime {
    let d = js_sys::Date::new(&ms.into());
    WallTime {
        year: d.get_full_year() as i32,
        month: d.get_month() + 1,
        day: d.get_date(),
        hour: d.get_hours(),
        minute: d.get_minutes(),
        second: d.get_seconds(),
    }
}

/// The longest a refresh may take.
const DEFAULT_TIMEOUT_MS: u32 = 30_000;

/// Starts refreshing; the returned signal says whether (and why) the data is stale.
pub fn use_live_refresh(refresh_ms: Memo<u32>) -> ReadSignal<Option<Stale>> {
    let live = expect_context::<Live>();
    let last_ok = StoredValue::new(js_sys::Date::now());
    let (stale, set_stale) = signal(None::<Stale>);
    let failures = StoredValue::new(0u32);
    let round = RwSignal::new(0u64);
    // A timer is the outside world: one pending at a time, cleared when this re-runs or
    // the screen goes away. Each finished attempt starts the next round.
    Effect::new(move |_| {
        round.track();
        let wait = retry_delay_ms(refresh_ms.get(), failures.get_value(), js_sys::Math::random());
        let attempt = move || {
            spawn_local(async move {
                let url = live.index_url.get_untracked();
                // At most the interval, at most 30 s: the next round is due by then.
                let timeout = refresh_ms.try_get_untracked().unwrap_or(DEFAULT_TIMEOUT_MS).min(DEFAULT_TIMEOUT_MS);
                match data::refresh(live.cache, &url, timeout).await {
                    Ok(changed) => {
                        if changed {
                            let _ = live.revision.try_update(|r| *r += 1);
                        }
                        let _ = last_ok.try_set_value(js_sys::Date::now());
                        let _ = failures.try_set_value(0);
                        let _ = set_stale.try_set(None);
                    }
                    Err(e) => {
                        let n = failures.try_get_value().unwrap_or(0).saturating_add(1);
                        let _ = failures.try_set_value(n);
                        let since = last_ok.try_get_value().unwrap_or_else(js_sys::Date::now);
                        let _ = set_stale.try_set(Some(Stale::since(since, e.reason())));
                    }
                }
                let _ = round.try_update(|r| *r += 1);
            })
        };
        if let Ok(h) = set_timeout_with_handle(attempt, Duration::from_millis(wait.into())) {
            on_cleanup(move || h.clear());
        }
    });
    // Whatever the cause (a timer held back, an attempt that never ends), data older than
    // twice the interval is stale, and the wall says so.
    Effect::new(move |_| {
        let every = refresh_ms.get();
        let check = move || {
            let since = last_ok.try_get_value().unwrap_or_else(js_sys::Date::now);
            let late = js_sys::Date::now() - since > 2.0 * f64::from(every) + 1000.0;
            if late && stale.try_with_untracked(Option::is_none).unwrap_or(false) {
                let secs = ((js_sys::Date::now() - since) / 1000.0).floor() as u64;
                let (zh, en) = if secs < 120 {
                    (format!("{secs} 秒没有新数据"), format!("no new data for {secs} s"))
                } else {
                    (format!("{} 分钟没有新数据", secs / 60), format!("no new data for {} min", secs / 60))
                };
                let _ = set_stale.try_set(Some(Stale::since(since, (zh, en))));
            }
        };
        if let Ok(h) = set_interval_with_handle(check, Duration::from_millis(u64::from(every.clamp(1000, 60_000)))) {
            on_cleanup(move || h.clear());
        }
    });
    stale
}

/// `stale-badge`: shown only while the data could not be refreshed.
pub fn stale_badge(stale: Option<Stale>, l: Lang) -> Option<impl IntoView> {
    stale.map(|s| {
        // Redrawn at every retry, so its date and age keep up with the clock.
        let now = js_sys::Date::now();
        let (since, age) = stale_since(wall_time(s.since_ms), wall_time(now), now - s.since_ms, l);
        let text = match (l, age) {
            (Lang::Zh, None) => format!("数据未能更新（{}），显示的是 {since} 的数据，正在重试", s.zh),
            (Lang::Zh, Some(a)) => format!("数据未能更新（{}），显示的是 {since} 的数据（{a}），正在重试", s.zh),
            (Lang::En, None) => format!("Data not refreshed ({}); showing data as of {since}; retrying", s.en),
            (Lang::En, Some(a)) => format!("Data not refreshed ({}); showing data as of {since} ({a}); retrying", s.en),
        };
        view! {
            <div class="stale-badge" data-testid="stale-badge" data-since=s.since role="status"
                title=tr(l, "屏幕会自动恢复，无需刷新页面", "The screen recovers by itself; no reload needed")>
                {text}
            </div>
        }
    })
}
