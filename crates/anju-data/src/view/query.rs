//! The URL is the state (shared/ui-contract.md). Parsing never fails: a malformed or
//! unknown parameter falls back to its default and yields a [`Notice`] saying so.

use super::measure::Measure;
use super::staff::Threshold;
use crate::format::Lang;
use crate::model::Period;
use crate::text::clip;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// What stays readable in a query value: ids, lists and paths (`a,b`, `data/x.json`).
const VALUE: &AsciiSet =
    &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~').remove(b',').remove(b'/');

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ViewMode {
    #[default]
    Dashboard,
    Screen,
    Present,
}

impl ViewMode {
    pub fn key(self) -> &'static str {
        match self {
            ViewMode::Dashboard => "dashboard",
            ViewMode::Screen => "screen",
            ViewMode::Present => "present",
        }
    }
}

/// Special groups staff filter by. Each reads one stored metric.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    LeftBehindChildren,
    EmptyNestElderly,
    Disabled,
    SeverelyDisabled,
    SubsistenceAllowance,
    Elderly75Plus,
    PartyMembers,
    Monitored,
}

impl Group {
    pub const ALL: [Group; 8] = [
        Group::LeftBehindChildren,
        Group::EmptyNestElderly,
        Group::Disabled,
        Group::SeverelyDisabled,
        Group::SubsistenceAllowance,
        Group::Elderly75Plus,
        Group::PartyMembers,
        Group::Monitored,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Group::LeftBehindChildren => "left_behind_children",
            Group::EmptyNestElderly => "empty_nest_elderly",
            Group::Disabled => "disabled",
            Group::SeverelyDisabled => "severely_disabled",
            Group::SubsistenceAllowance => "subsistence_allowance",
            Group::Elderly75Plus => "elderly_75_plus",
            Group::PartyMembers => "party_members",
            Group::Monitored => "monitored",
        }
    }
    pub fn parse(s: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.key() == s)
    }
    pub fn metric(self) -> crate::Metric {
        use crate::Metric::*;
        match self {
            Group::LeftBehindChildren => LeftBehindChildren,
            Group::EmptyNestElderly => EmptyNestElderly,
            Group::Disabled => Disabled,
            Group::SeverelyDisabled => SeverelyDisabled,
            Group::SubsistenceAllowance => SubsistenceAllowance,
            Group::Elderly75Plus => Elderly75Plus,
            Group::PartyMembers => PartyMembers,
            Group::Monitored => MonitoredPeople,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Risk {
    Red,
    Yellow,
    Green,
}

impl Risk {
    pub const ALL: [Risk; 3] = [Risk::Red, Risk::Yellow, Risk::Green];
    pub fn key(self) -> &'static str {
        match self {
            Risk::Red => "red",
            Risk::Yellow => "yellow",
            Risk::Green => "green",
        }
    }
    pub fn parse(s: &str) -> Option<Risk> {
        Risk::ALL.into_iter().find(|r| r.key() == s)
    }
    pub fn metric(self) -> crate::Metric {
        match self {
            Risk::Red => crate::Metric::RiskRed,
            Risk::Yellow => crate::Metric::RiskYellow,
            Risk::Green => crate::Metric::RiskGreen,
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
    /// Whether the view needs every building under the node loaded (the where-to-go list
    /// and the alerts look at all of them).
    pub fn needs_subtree(&self) -> bool {
        !self.groups.is_empty() || !self.alerts.is_empty()
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
    !s.is_empty()
        && s.len() <= 300
        && s.ends_with(".json")
        && !s.starts_with('/')
        && !s.starts_with('\\')
        && !s.contains("//")
        && !s.contains(':')
        && !s.contains('\\')
        && !s.contains('?')
        && !s.contains('#')
        && !s.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// Seconds, with at most three decimals, between `min_ms` and `max_ms`; as milliseconds.
fn seconds_ms(v: &str, min_ms: u32, max_ms: u32) -> Option<u32> {
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

fn ids(v: &str) -> Option<Vec<String>> {
    let list: Vec<String> = v.split(',').filter(|s| !s.is_empty()).map(str::to_string).collect();
    (!list.is_empty() && list.len() <= 200 && list.iter().all(|s| s.len() <= 200)).then_some(list)
}

/// Parses a query string (with or without the leading `?`).
pub fn parse(query: &str) -> (ViewState, Vec<Notice>) {
    let mut st = ViewState::default();
    let mut notes = Vec::new();
    let q = query.strip_prefix('?').unwrap_or(query);
    for (k, v) in form_urlencoded::parse(q.as_bytes()) {
        let (k, v) = (k.as_ref(), v.as_ref());
        let bad = |zh: &str, en: &str| notice(k, v, zh, en);
        match k {
            "node" if !v.is_empty() && v.len() <= 200 => st.node = Some(v.to_string()),
            "node" => notes.push(bad("节点编号为空或过长", "the node id is empty or too long")),
            "view" => match v {
                "dashboard" => st.view = ViewMode::Dashboard,
                "screen" => st.view = ViewMode::Screen,
                "present" => st.view = ViewMode::Present,
                _ => notes.push(bad("应为 dashboard、screen 或 present", "expected dashboard, screen or present")),
            },
            "metric" => match Measure::parse(v) {
                Some(m) => st.metric = Some(m),
                None => notes.push(bad("未知指标", "unknown metric")),
            },
            "group" => {
                for part in v.split(',').filter(|s| !s.is_empty()) {
                    match Group::parse(part) {
                        Some(g) if !st.groups.contains(&g) => st.groups.push(g),
                        Some(_) => {}
                        None => notes.push(notice(k, part, "未知群体", "unknown group")),
                    }
                }
            }
            "risk" => {
                for part in v.split(',').filter(|s| !s.is_empty()) {
                    match Risk::parse(part) {
                        Some(r) if !st.risks.contains(&r) => st.risks.push(r),
                        Some(_) => {}
                        None => {
                            notes.push(notice(k, part, "应为 red、yellow 或 green", "expected red, yellow or green"))
                        }
                    }
                }
            }
            "period" => match Period::parse(v) {
                Some(p) => st.period = Some(p),
                None => notes.push(bad("应为 YYYY-MM", "expected YYYY-MM")),
            },
            "compare" => match Period::parse(v) {
                Some(p) => st.compare = Some(p),
                None => notes.push(bad("应为 YYYY-MM", "expected YYYY-MM")),
            },
            "slide" => match v.parse::<u32>() {
                Ok(n) if n >= 1 => st.slide = Some(n),
                _ => notes.push(bad("应为从 1 开始的页码", "expected a slide number from 1")),
            },
            "lang" => match v {
                "zh" => st.lang = Lang::Zh,
                "en" => st.lang = Lang::En,
                _ => notes.push(bad("应为 zh 或 en", "expected zh or en")),
            },
            "data" if data_url_ok(v) => st.data = Some(v.to_string()),
            "data" => {
                notes.push(bad("只接受同源的相对 .json 地址", "only a same-origin relative .json URL is accepted"))
            }
            "suppress" => match v {
                "1" => st.suppress = true,
                "0" => st.suppress = false,
                _ => notes.push(bad("应为 1 或 0", "expected 1 or 0")),
            },
            "kiosk" => match v {
                "1" => st.kiosk = true,
                "0" => st.kiosk = false,
                _ => notes.push(bad("应为 1 或 0", "expected 1 or 0")),
            },
            "interval" => match seconds_ms(v, 50, 3_600_000) {
                Some(ms) => st.interval_ms = Some(ms),
                None => notes.push(bad("应为 0.05 到 3600 秒", "expected 0.05 to 3600 seconds")),
            },
            "refresh" => match seconds_ms(v, 1000, 86_400_000) {
                Some(ms) => st.refresh_ms = Some(ms),
                None => notes.push(bad("应为 1 到 86400 秒", "expected 1 to 86400 seconds")),
            },
            "tour" => match ids(v) {
                Some(list) => st.tour = list,
                None => notes.push(bad("应为逗号分隔的节点编号", "expected comma-separated node ids")),
            },
            "alert" => {
                for part in v.split(',').filter(|s| !s.is_empty()) {
                    match Threshold::parse(part) {
                        Some(a) if !st.alerts.contains(&a) => st.alerts.push(a),
                        Some(_) => {}
                        None => notes.push(notice(k, part, "未知预警", "unknown alert")),
                    }
                }
            }
            "page" => match v.parse::<u32>() {
                Ok(n) if (1..=1_000_000).contains(&n) => st.page = Some(n),
                _ => notes.push(bad("应为从 1 开始的页码", "expected a page number from 1")),
            },
            "sort" => match Sort::parse(v) {
                Some(s) => st.sort = Some(s),
                None => notes.push(bad("未知排序列", "unknown sort column")),
            },
            _ => notes.push(notice(k, v, "未知参数", "unknown parameter")),
        }
    }
    (st, notes)
}

impl ViewState {
    /// The query string for this state, defaults left out, in a stable order (with `?`,
    /// or empty for the all-default view).
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(n) = &self.node {
            pairs.push(("node", n.clone()));
        }
        if self.view != ViewMode::Dashboard {
            pairs.push(("view", self.view.key().into()));
        }
        if let Some(m) = self.metric {
            pairs.push(("metric", m.key()));
        }
        if !self.groups.is_empty() {
            pairs.push(("group", self.groups.iter().map(|g| g.key()).collect::<Vec<_>>().join(",")));
        }
        if !self.risks.is_empty() {
            pairs.push(("risk", self.risks.iter().map(|r| r.key()).collect::<Vec<_>>().join(",")));
        }
        if let Some(p) = self.period {
            pairs.push(("period", p.to_string()));
        }
        if let Some(p) = self.compare {
            pairs.push(("compare", p.to_string()));
        }
        if let Some(n) = self.slide {
            pairs.push(("slide", n.to_string()));
        }
        if self.lang == Lang::En {
            pairs.push(("lang", "en".into()));
        }
        if let Some(d) = &self.data {
            pairs.push(("data", d.clone()));
        }
        if self.suppress {
            pairs.push(("suppress", "1".into()));
        }
        if let Some(v) = self.interval_ms {
            pairs.push(("interval", ms_to_seconds(v)));
        }
        if let Some(v) = self.refresh_ms {
            pairs.push(("refresh", ms_to_seconds(v)));
        }
        if !self.tour.is_empty() {
            pairs.push(("tour", self.tour.join(",")));
        }
        if self.kiosk {
            pairs.push(("kiosk", "1".into()));
        }
        if let Some(sort) = self.sort {
            pairs.push(("sort", sort.key()));
        }
        if let Some(n) = self.page {
            pairs.push(("page", n.to_string()));
        }
        if !self.alerts.is_empty() {
            pairs.push(("alert", self.alerts.iter().map(|a| a.key()).collect::<Vec<_>>().join(",")));
        }
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
mod tests {
    use super::*;
    use crate::Metric;

    #[test]
    fn empty_query_is_the_default_view() {
        let (st, notes) = parse("");
        assert_eq!(st, ViewState::default());
        assert!(notes.is_empty());
        assert_eq!(st.to_query(), "");
    }

    #[test]
    fn table_pages_are_in_the_url_and_reset_on_a_drill() {
        let (st, notes) = parse("node=x&page=3");
        assert_eq!((st.page, notes.len()), (Some(3), 0));
        assert_eq!(st.to_query(), "?node=x&page=3");
        assert_eq!(st.at_node(Some("y")).page, None);
        for bad in ["page=0", "page=-1", "page=x", "page=1000001"] {
            let (st, notes) = parse(bad);
            assert_eq!((st.page, notes.len()), (None, 1), "{bad}");
        }
    }

    #[test]
    fn seconds_allow_decimals_within_range() {
        assert_eq!(seconds_ms("20", 50, 3_600_000), Some(20_000));
        assert_eq!(seconds_ms("0.05", 50, 3_600_000), Some(50));
        assert_eq!(seconds_ms("1.5", 50, 3_600_000), Some(1_500));
        assert_eq!(seconds_ms("2.125", 50, 3_600_000), Some(2_125));
        for bad in ["", ".", "1.", ".5", "0.01", "1.2345", "-1", "+1", "1e3", "3601", "abc", "9999999999", "1,5", " 1"]
        {
            assert_eq!(seconds_ms(bad, 50, 3_600_000), None, "{bad:?}");
        }
        for ms in [50, 999, 1_000, 1_500, 20_000, 3_600_000] {
            assert_eq!(seconds_ms(&ms_to_seconds(ms), 50, 3_600_000), Some(ms));
        }
        assert_eq!(ms_to_seconds(20_000), "20");
        assert_eq!(ms_to_seconds(50), "0.05");
    }

    #[test]
    fn every_parameter_round_trips() {
        let q = "?node=520603&view=screen&metric=employment_rate&group=disabled,left_behind_children&risk=red,yellow&period=2024-06&compare=2023-06&slide=3&lang=en&data=data/province/index.json&suppress=1&interval=30&refresh=60&tour=520603,520621&kiosk=1&sort=-people&alert=zero_employment,below_target";
        let (st, notes) = parse(q);
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(st.node.as_deref(), Some("520603"));
        assert_eq!(st.view, ViewMode::Screen);
        assert_eq!(st.metric, Some(Measure::EmploymentRate));
        assert_eq!(st.groups, vec![Group::Disabled, Group::LeftBehindChildren]);
        assert_eq!(st.risks, vec![Risk::Red, Risk::Yellow]);
        assert_eq!(st.period.unwrap().to_string(), "2024-06");
        assert_eq!(st.lang, Lang::En);
        assert_eq!(st.data.as_deref(), Some("data/province/index.json"));
        assert_eq!(st.tour, vec!["520603", "520621"]);
        assert_eq!(st.sort, Some(Sort { by: Some(Measure::Count(Metric::People)), desc: true }));
        assert_eq!(st.alerts, vec![Threshold::ZeroEmployment, Threshold::BelowTarget]);
        assert!(st.needs_subtree());
        assert_eq!(st.to_query(), q);
        assert_eq!(parse(&st.to_query()).0, st);
    }

    #[test]
    fn malformed_parameters_fall_back_with_a_notice() {
        let (st, notes) = parse("view=tv&metric=happiness&group=disabled,aliens&risk=purple&period=2024-13&slide=0&lang=fr&suppress=yes&interval=0.01&refresh=abc&kiosk=2&sort=-nope&bogus=1&node=");
        assert_eq!(st.view, ViewMode::Dashboard);
        assert_eq!(st.metric, None);
        assert_eq!(st.groups, vec![Group::Disabled]);
        assert!(st.risks.is_empty());
        assert_eq!(st.lang, Lang::Zh);
        let params: Vec<&str> = notes.iter().map(|n| n.param.as_str()).collect();
        assert_eq!(
            params,
            [
                "view", "metric", "group", "risk", "period", "slide", "lang", "suppress", "interval", "refresh",
                "kiosk", "sort", "bogus", "node"
            ]
        );
        assert!(notes.iter().all(|n| n.zh.contains("无效") && n.en.contains("invalid")));
    }

    #[test]
    fn data_must_be_same_origin_and_relative() {
        for bad in [
            "https://evil.example/x.json",
            "//evil.example/x.json",
            "/abs/index.json",
            "javascript:alert(1)",
            "data/x.txt",
            "a\\b.json",
            "data/x.json?x=1",
            "data:text/json,{}",
        ] {
            let (st, notes) =
                parse(&format!("data={}", form_urlencoded::byte_serialize(bad.as_bytes()).collect::<String>()));
            assert_eq!(st.data, None, "{bad}");
            assert_eq!(notes.len(), 1, "{bad}");
        }
        assert!(data_url_ok("data/province/index.json"));
        assert!(data_url_ok("../other/index.json"));
    }

    #[test]
    fn hostile_values_are_clipped_in_notices() {
        let long = "x".repeat(10_000);
        let (_, notes) = parse(&format!("{long}={long}"));
        assert!(notes[0].zh.chars().count() < 200);
    }

    #[test]
    fn moving_to_another_node_keeps_the_rest() {
        let (st, _) = parse("node=a&lang=en&group=disabled&slide=2");
        let next = st.at_node(Some("b"));
        assert_eq!(next.to_query(), "?node=b&group=disabled&lang=en");
        assert_eq!(st.at_node(None).to_query(), "?group=disabled&lang=en");
    }
}
