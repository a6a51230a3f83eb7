//! The field's own words, owned by the data crate so that every client (the dashboard,
//! the `anju` command, the import library) reads one definition: the display language,
//! the special groups (特殊群体) staff filter by and the risk colours of 防返贫监测. Each
//! reads one stored metric, bound by name ([`Group::metric`], [`Risk::metric`]), never by
//! its position in a list.

/// `Lang::Zh` is the default everywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The one of a pair of words that is in this language.
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
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
    /// The group as a filter chip, a column and a tile call it.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Group::Monitored => lang.pick("监测对象", "Monitored"),
            Group::SubsistenceAllowance => lang.pick("低保对象", "Subsistence allowance"),
            other => lang.pick(other.metric().zh(), other.metric().en()),
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
    /// The colour's name, as a filter chip says it.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Risk::Red => lang.pick("红色", "Red"),
            Risk::Yellow => lang.pick("黄色", "Yellow"),
            Risk::Green => lang.pick("绿色", "Green"),
        }
    }
    /// The colour with how often its households are visited (防返贫监测 practice in the
    /// seeds: red daily, yellow weekly, green monthly).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Risk::Red => lang.pick("红色（每日走访）", "Red (visit daily)"),
            Risk::Yellow => lang.pick("黄色（每周走访）", "Yellow (visit weekly)"),
            Risk::Green => lang.pick("绿色（每月走访）", "Green (visit monthly)"),
        }
    }
}
