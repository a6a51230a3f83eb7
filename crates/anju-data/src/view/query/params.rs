//! Every URL parameter, once: its key, how a value is read into [`ViewState`] (and the
//! notice when it cannot be), and how the state writes it back. [`super::parse`] and
//! [`ViewState::to_query`] both loop over [`PARAMS`]; the table's order is the written
//! URL's order. A new parameter is one entry here and one field of `ViewState`.

use super::{data_url_ok, ids, ms_to_seconds, seconds_ms, Group, Risk, Sort, ViewMode, ViewState};
use crate::format::Lang;
use crate::model::Period;
use crate::view::measure::Measure;
use crate::view::staff::Threshold;

/// Why a value cannot be used, in Chinese and English (shown in a notice).
pub(super) type Why = (&'static str, &'static str);

/// Reports a value that cannot be used: the value as shown (a list reports each bad part
/// by itself) and why.
pub(super) type Bad<'a> = dyn FnMut(&str, Why) + 'a;

/// One URL parameter.
pub(super) struct Param {
    pub key: &'static str,
    /// Reads a value into the state, or reports it; the state keeps its default then.
    pub read: fn(&mut ViewState, &str, &mut Bad),
    /// The value to write, or `None` where the state has the default (left out).
    pub write: fn(&ViewState) -> Option<String>,
}

const PERIOD: Why = ("应为 YYYY-MM", "expected YYYY-MM");
const SWITCH: Why = ("应为 1 或 0", "expected 1 or 0");

/// A comma-separated list of keys, each read by `parse`, duplicates dropped; each unknown
/// part reported by itself.
fn list<T: PartialEq>(v: &str, into: &mut Vec<T>, parse: fn(&str) -> Option<T>, why: Why, bad: &mut Bad) {
    for part in v.split(',').filter(|s| !s.is_empty()) {
        match parse(part) {
            Some(x) if !into.contains(&x) => into.push(x),
            Some(_) => {}
            None => bad(part, why),
        }
    }
}

/// A month, `YYYY-MM`.
fn month(v: &str, into: &mut Option<Period>, bad: &mut Bad) {
    match Period::parse(v) {
        Some(p) => *into = Some(p),
        None => bad(v, PERIOD),
    }
}

/// `1` or `0`.
fn switch(v: &str, into: &mut bool, bad: &mut Bad) {
    match v {
        "1" => *into = true,
        "0" => *into = false,
        _ => bad(v, SWITCH),
    }
}

fn keys<T: Copy>(list: &[T], key: fn(T) -> &'static str) -> Option<String> {
    (!list.is_empty()).then(|| list.iter().map(|&x| key(x)).collect::<Vec<_>>().join(","))
}

/// A page number from 1.
fn from_one(v: &str, max: u32) -> Option<u32> {
    v.parse::<u32>().ok().filter(|n| (1..=max).contains(n))
}

pub(super) const PARAMS: &[Param] = &[
    Param {
        key: "node",
        // No id holds a control character: such a link is damaged, and is said to be.
        read: |st, v, bad| match v.is_empty() || v.len() > crate::text::ID_MAX || v.chars().any(char::is_control) {
            true => bad(
                v,
                ("节点编号为空、过长或含控制字符", "the node id is empty, too long or holds a control character"),
            ),
            false => st.node = Some(v.to_string()),
        },
        write: |st| st.node.clone(),
    },
    Param {
        key: "view",
        read: |st, v, bad| match ViewMode::ALL.into_iter().find(|m| m.key() == v) {
            Some(m) => st.view = m,
            None => {
                bad(v, ("应为 dashboard、screen、present 或 import", "expected dashboard, screen, present or import"))
            }
        },
        write: |st| (st.view != ViewMode::Dashboard).then(|| st.view.key().into()),
    },
    Param {
        key: "metric",
        read: |st, v, bad| match Measure::parse(v) {
            Some(m) => st.metric = Some(m),
            None => bad(v, ("未知指标", "unknown metric")),
        },
        write: |st| st.metric.map(|m| m.key()),
    },
    Param {
        key: "group",
        read: |st, v, bad| list(v, &mut st.groups, Group::parse, ("未知群体", "unknown group"), bad),
        write: |st| keys(&st.groups, Group::key),
    },
    Param {
        key: "risk",
        read: |st, v, bad| {
            list(v, &mut st.risks, Risk::parse, ("应为 red、yellow 或 green", "expected red, yellow or green"), bad)
        },
        write: |st| keys(&st.risks, Risk::key),
    },
    Param {
        key: "period",
        read: |st, v, bad| month(v, &mut st.period, bad),
        write: |st| st.period.map(|p| p.to_string()),
    },
    Param {
        key: "compare",
        read: |st, v, bad| month(v, &mut st.compare, bad),
        write: |st| st.compare.map(|p| p.to_string()),
    },
    Param {
        key: "slide",
        // 0 is the cover (`../shared/ui-contract.md`), where a deck without `slide` opens.
        read: |st, v, bad| match v.parse::<u32>() {
            Ok(n) => st.slide = Some(n),
            Err(_) => bad(v, ("应为页码（0 为封面）", "expected a slide number (0 is the cover)")),
        },
        write: |st| st.slide.map(|n| n.to_string()),
    },
    Param {
        key: "lang",
        read: |st, v, bad| match v {
            "zh" => st.lang = Lang::Zh,
            "en" => st.lang = Lang::En,
            _ => bad(v, ("应为 zh 或 en", "expected zh or en")),
        },
        write: |st| (st.lang == Lang::En).then(|| "en".into()),
    },
    Param {
        key: "data",
        read: |st, v, bad| {
            match data_url_ok(v) {
            true => st.data = Some(v.to_string()),
            false => bad(v, ("只接受同源的相对 .json 地址，或本浏览器中导入的 local:<名称>", "only a same-origin relative .json URL, or local:<name> for a dataset imported in this browser, is accepted")),
        }
        },
        write: |st| st.data.clone(),
    },
    Param {
        key: "suppress",
        read: |st, v, bad| switch(v, &mut st.suppress, bad),
        write: |st| st.suppress.then(|| "1".into()),
    },
    Param {
        key: "interval",
        read: |st, v, bad| match seconds_ms(v, 50, 3_600_000) {
            Some(ms) => st.interval_ms = Some(ms),
            None => bad(v, ("应为 0.05 到 3600 秒", "expected 0.05 to 3600 seconds")),
        },
        write: |st| st.interval_ms.map(ms_to_seconds),
    },
    Param {
        key: "refresh",
        read: |st, v, bad| match seconds_ms(v, 1000, 86_400_000) {
            Some(ms) => st.refresh_ms = Some(ms),
            None => bad(v, ("应为 1 到 86400 秒", "expected 1 to 86400 seconds")),
        },
        write: |st| st.refresh_ms.map(ms_to_seconds),
    },
    Param {
        key: "tour",
        read: |st, v, bad| match ids(v) {
            Some(list) => st.tour = list,
            None => bad(v, ("应为逗号分隔的节点编号", "expected comma-separated node ids")),
        },
        write: |st| (!st.tour.is_empty()).then(|| st.tour.join(",")),
    },
    Param { key: "kiosk", read: |st, v, bad| switch(v, &mut st.kiosk, bad), write: |st| st.kiosk.then(|| "1".into()) },
    Param {
        key: "sort",
        read: |st, v, bad| match Sort::parse(v) {
            Some(s) => st.sort = Some(s),
            None => bad(v, ("未知排序列", "unknown sort column")),
        },
        write: |st| st.sort.map(Sort::key),
    },
    Param {
        key: "page",
        read: |st, v, bad| match from_one(v, 1_000_000) {
            Some(n) => st.page = Some(n),
            None => bad(v, ("应为从 1 开始的页码", "expected a page number from 1")),
        },
        write: |st| st.page.map(|n| n.to_string()),
    },
    Param {
        key: "alert",
        read: |st, v, bad| list(v, &mut st.alerts, Threshold::parse, ("未知预警", "unknown alert"), bad),
        write: |st| keys(&st.alerts, Threshold::key),
    },
];
