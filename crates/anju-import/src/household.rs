//! One household as a register row describes it, and its counts: each a definition from
//! docs/registers.md, so that a building's figures are the sum over its households.

use crate::columns::Field;
use anju_data::metric::{Metric, N_METRICS};
use anju_data::model::Period;

pub use anju_data::domain::Risk;

/// The employment-channel columns, in [`Household::channels`] order.
pub const CHANNEL_FIELDS: [Field; 5] =
    [Field::Away, Field::NearHome, Field::Workshop, Field::WelfarePost, Field::SelfEmployed];

/// The special-group columns, in [`Household::groups`] order (each bound to its metric by
/// [`Field::metric`], never by position).
pub const GROUP_FIELDS: [Field; 7] = [
    Field::LeftBehindChildren,
    Field::EmptyNestElderly,
    Field::Disabled,
    Field::SeverelyDisabled,
    Field::SubsistenceAllowance,
    Field::Elderly75Plus,
    Field::PartyMembers,
];

/// A valid household.
#[derive(Clone, Debug, PartialEq)]
pub struct Household {
    pub period: Period,
    /// 市, 县, 安置点, 社区 (may be empty), 网格 (may be empty), 楼栋.
    pub path: [String; 6],
    pub size: u64,
    pub labour: u64,
    /// In [`CHANNEL_FIELDS`] order.
    pub channels: [u64; 5],
    pub income: Option<f64>,
    pub trained: u64,
    /// In [`GROUP_FIELDS`] order.
    pub groups: [u64; 7],
    pub colour: Risk,
    pub monitored: bool,
    pub eliminated: bool,
    /// The sheet it was read from (empty for a CSV): one building and period in two
    /// sheets of a workbook is found as in two files.
    pub sheet: std::sync::Arc<str>,
}

impl Household {
    /// This household's counts, one per metric. Each line is a definition from
    /// docs/registers.md; a building's figures are the sum over its households.
    pub fn metrics(&self) -> [u64; N_METRICS] {
        use Metric::*;
        let mut m = [0u64; N_METRICS];
        let mut set = |k: Metric, v: u64| m[k.index()] = v;
        let employed: u64 = self.channels.iter().sum();
        set(Households, 1);
        set(People, self.size);
        set(Labour, self.labour);
        set(LabourHouseholds, u64::from(self.labour > 0));
        set(Employed, employed);
        set(EmployedHouseholds, u64::from(employed > 0));
        set(ZeroEmploymentHouseholds, u64::from(self.labour > 0 && employed == 0));
        for (f, v) in CHANNEL_FIELDS.iter().zip(self.channels) {
            set(f.metric().expect("a channel column"), v);
        }
        set(Trained, self.trained);
        for (f, v) in GROUP_FIELDS.iter().zip(self.groups) {
            set(f.metric().expect("a group column"), v);
        }
        set(MonitoredHouseholds, u64::from(self.monitored));
        set(MonitoredPeople, if self.monitored { self.size } else { 0 });
        set(RiskEliminatedHouseholds, u64::from(self.eliminated));
        set(RiskEliminatedPeople, if self.eliminated { self.size } else { 0 });
        let colour = self.colour.metric();
        set(colour, 1);
        if let Some(v) = self.income {
            set(IncomePeople, self.size);
            set(LowIncomeHouseholds, u64::from(v < anju_data::view::staff::LOW_INCOME_YUAN));
        }
        m[SubsistenceHouseholds.index()] = u64::from(m[SubsistenceAllowance.index()] > 0);
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use anju_data::domain::Group;

    /// The register's group columns and the dashboard's filter groups are paired by the
    /// metric each reads, never by position: walked in reverse, every column still finds
    /// the group of its own metric and name.
    #[test]
    fn group_columns_bind_to_the_filter_groups_by_metric_not_position() {
        for f in GROUP_FIELDS.iter().rev() {
            let m = f.metric().expect("a group column reads a metric");
            let g = Group::ALL.iter().rev().find(|g| g.metric() == m).expect("a filter group for each column");
            assert_eq!(g.key(), m.key(), "{}", f.header());
        }
        // And a household's counts land on the metric of each column, whatever its index.
        let mut h = Household {
            period: Period::parse("2025-06").unwrap(),
            path: Default::default(),
            size: 9,
            labour: 0,
            channels: [0; 5],
            income: None,
            trained: 0,
            groups: [1, 2, 3, 4, 5, 6, 7],
            colour: Risk::Green,
            monitored: false,
            eliminated: false,
            sheet: Default::default(),
        };
        let m = h.metrics();
        for (k, f) in GROUP_FIELDS.iter().enumerate() {
            assert_eq!(m[f.metric().unwrap().index()], k as u64 + 1, "{}", f.header());
        }
        h.colour = Risk::Red;
        assert_eq!(h.metrics()[Metric::RiskRed.index()], 1);
    }
}
