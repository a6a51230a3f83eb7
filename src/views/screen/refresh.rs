//! Live refresh: the dataset is fetched again every `refresh` interval without reloading
//! the page, and the view is redrawn only when a file changed. A failed refresh (network,
//! HTTP, or data the validator rejects) leaves the last good data on screen, shows the
//! stale badge, and retries with backoff until it recovers on its own.

use crate::data::{self, Live, LoadError};
use crate::i18n::tr;
use anju_data::format::Lang;
use anju_data::view::live::retry_delay_ms;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// Why the data on screen is not current.
#[derive(Clone, Debug, PartialEq)]
pub struct Stale {
    /// When the data on screen was last known to be current (ISO 8601, UTC).
    pub since: String,
    /// The same moment as the wall's clock reads it.
    pub since_local: String,
    pub zh: String,
    pub en: String,
}

fn reason(e: &LoadError) -> (String, String) {
    match e {
        LoadError::Network { .. } => ("网络错误".into(), "network error".into()),
        LoadError::Http { status, .. } => {
            (format!("服务器返回 HTTP {status}"), format!("the server answered HTTP {status}"))
        }
        LoadError::Invalid { url, total, .. } => {
            let file = url.rsplit('/').next().unwrap_or(url);
            let file = anju_data::text::clip(file, 60);
            (format!("{file} 有 {total} 处数据问题"), format!("{total} problem(s) in {file}"))
        }
    }
}

fn local_time(ms: f64) -> String {
    let d = js_sys::Date::new(&ms.into());
    format!("{:02}:{:02}:{:02}", d.get_hours(), d.get_minutes(), d.get_seconds())
}

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
                match data::refresh(live.cache, &url).await {
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
                        let (zh, en) = reason(&e);
                        let _ = set_stale.try_set(Some(Stale {
                            since: js_sys::Date::new(&since.into()).to_iso_string().into(),
                            since_local: local_time(since),
                            zh,
                            en,
                        }));
                    }
                }
                let _ = round.try_update(|r| *r += 1);
            })
        };
        if let Ok(h) = set_timeout_with_handle(attempt, Duration::from_millis(wait.into())) {
            on_cleanup(move || h.clear());
        }
    });
    stale
}

/// `stale-badge`: shown only while the data could not be refreshed.
pub fn stale_badge(stale: Option<Stale>, l: Lang) -> Option<impl IntoView> {
    stale.map(|s| {
        let text = match l {
            Lang::Zh => format!("数据未能更新（{}），显示的是 {} 的数据，正在重试", s.zh, s.since_local),
            Lang::En => format!("Data not refreshed ({}); showing data as of {}; retrying", s.en, s.since_local),
        };
        view! {
            <div class="stale-badge" data-testid="stale-badge" data-since=s.since role="status"
                title=tr(l, "屏幕会自动恢复，无需刷新页面", "The screen recovers by itself; no reload needed")>
                {text}
            </div>
        }
    })
}
