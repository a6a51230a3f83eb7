//! The URL is the state (shared/ui-contract.md). Parsing never fails: a malformed or
//! unknown parameter falls back to its default and yields a [`Notice`] saying so.

use super::measure::Measure;
use super::staff::Threshold;
pub use crate::domain::{Group, Risk};
use crate::format::Lang;
use crate::model::Period;
use crate::text::clip;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

mod params;

/// What stays readable in a query value: ids, lists and paths (`a,b`, `data/x.json`).
const VALUE: &AsciiSet =
    &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~').remove(b',').remove(b'/');

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ViewMode {
    #[default]
    Dashboard,
    Screen,
    Present,
    /// Registers read in the browser (its own build, and a worker for the reading).
    Import,
}

impl ViewMode {
    pub const ALL: [ViewMode; 4] = [ViewMode::Dashboard, ViewMode::Screen, ViewMode::Present, ViewMode::Import];
    pub fn key(self) -> &'static str {
        match self {
            ViewMode::Dashboard => "dashboard",
            ViewMode::Screen => "screen",
            ViewMode::Present => "present",
            ViewMode::Import => "import",
        }
    }
}

/// The children table's sort: a column and its direction (`sort=-people` is descending).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sort {
    /// `None` sorts by name.
    pub by: Option<Measure>,
    pub desc: bool,
}

impl Sort {
    pub fn key(self) -> String {
        let col = self.by.map(|m| m.key()).unwrap_or_else(|| "name".into());
        if self.desc {
            format!("-{col}")
        } else {
            col
        }
    }
    pub fn parse(s: &str) -> Option<Sort> {
        let (desc, col) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        if col == "name" {
            return Some(Sort { by: None, desc });
        }
        Measure::parse(col).map(|m| Sort { by: Some(m), desc })
    }
}

/// Everything the URL says about the view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewState {
    pub node: Option<String>,
    pub view: ViewMode,
    pub metric: Option<Measure>,
    pub groups: Vec<Group>,
    pub risks: Vec<Risk>,
    pub period: Option<Period>,
    pub compare: Option<Period>,
    pub slide: Option<u32>,
    pub lang: Lang,
    pub data: Option<String>,
    pub suppress: bool,
    /// Big screen: milliseconds per carousel step (the URL says seconds, decimals allowed,
    /// so that a soak test can run a thousand steps in a minute).
    pub interval_ms: Option<u32>,
    /// Big screen: milliseconds between data refreshes (the URL says seconds).
    pub refresh_ms: Option<u32>,
    pub tour: Vec<String>,
    pub kiosk: bool,
    pub sort: Option<Sort>,
    /// Threshold alerts shown (an extension of the contract: `alert=zero_employment,…`).
    pub alerts: Vec<Threshold>,
    /// The page of the children table, from 1 (an extension: `page=3`), for places with
    /// more children than one page holds.
    pub page: Option<u32>,
}

impl ViewState {
    /// Whether the view needs every building under the node loaded (the where-to-go lists,
    /// for a group or a risk colour, and the alerts look at all of them).
    pub fn needs_subtree(&self) -> bool {
        !self.groups.is_empty() || !self.risks.is_empty() || !self.alerts.is_empty()
    }
}

/// A parameter that could not be used, in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub param: String,
    pub zh: String,
    pub en: String,
}

fn notice(param: &str, value: &str, zh_why: &str, en_why: &str) -> Notice {
    let v = clip(value, 40);
    Notice {
        param: clip(param, 30),
        zh: format!("网址参数 {}={v} 无效（{zh_why}），已使用默认值", clip(param, 30)),
        en: format!("URL parameter {}={v} is invalid ({en_why}); the default is used", clip(param, 30)),
    }
}

/// A dataset URL the app may fetch: relative, same origin, a .json file.
pub fn data_url_ok(s: &str) -> bool {
    crate::paths::relative_json(s, crate::paths::Parent::Allowed).is_ok() || crate::paths::local_name(s).is_some()
}

/// Seconds, with at most three decimals, between `min_ms` and `max_ms`; as milliseconds.
pub(crate) fn seconds_ms(v: &str, min_ms: u32, max_ms: u32) -> Option<u32> {
    let (whole, frac) = v.split_once('.').unwrap_or((v, ""));
    let digits = |s: &str, max_len: usize| s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole, 6) || !digits(frac, 3) || (v.contains('.') && frac.is_empty()) {
        return None;
    }
    let ms = whole.parse::<u32>().ok()? * 1000 + format!("{frac:0<3}").parse::<u32>().ok()?;
    (min_ms..=max_ms).contains(&ms).then_some(ms)
}

/// Milliseconds as the URL writes them: seconds, decimals only where needed.
pub fn ms_to_seconds(ms: u32) -> String {
    let s = format!("{}.{:03}", ms / 1000, ms % 1000);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

pub(crate) fn ids(v: &str) -> Option<Vec<String>> {
    let list: Vec<String> = v.split(',').filter(|s| !s.is_empty()).map(str::to_string).collect();
    (!list.is_empty() && list.len() <= 200 && list.iter().all(|s| s.len() <= 200)).then_some(list)
}

/// Parses a query string (with or without the leading `?`): each pair is read by its
/// entry in [`params::PARAMS`]; an unknown key or a bad value gives a notice.
pub fn parse(query: &str) -> (ViewState, Vec<Notice>) {
    let mut st = ViewState::default();
    let mut notes = Vec::new();
    let q = query.strip_prefix('?').unwrap_or(query);
    for (k, v) in form_urlencoded::parse(q.as_bytes()) {
        let (k, v) = (k.as_ref(), v.as_ref());
        match params::PARAMS.iter().find(|p| p.key == k) {
            Some(p) => (p.read)(&mut st, v, &mut |shown, (zh, en)| notes.push(notice(k, shown, zh, en))),
            None => notes.push(notice(k, v, "未知参数", "unknown parameter")),
        }
    }
    (st, notes)
}

impl ViewState {
    /// The query string for this state, defaults left out, in a stable order (with `?`,
    /// or empty for the all-default view).
    pub fn to_query(&self) -> String {
        let pairs: Vec<(&str, String)> =
            params::PARAMS.iter().filter_map(|p| (p.write)(self).map(|v| (p.key, v))).collect();
        if pairs.is_empty() {
            return String::new();
        }
        let body: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", utf8_percent_encode(v, VALUE))).collect();
        format!("?{}", body.join("&"))
    }

    /// The same view at another node (period, filters and language kept).
    pub fn at_node(&self, id: Option<&str>) -> ViewState {
        ViewState { node: id.map(str::to_string), slide: None, page: None, ..self.clone() }
    }
}

#[cfg(test)]
mod tests;
