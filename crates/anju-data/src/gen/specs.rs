//! The synthetic ratios, in the order metrics are generated (each may depend on those
//! before it). Ratios are anchored on the seeds where they give one: 4.5 people per
//! household (平远新城 22,438 / 4,958), about 26% on subsistence allowance (5,776 / 22,438),
//! 1% left-behind children (226 / 22,438), 4.7% disabled (1,045 / 22,438), about 92% medical
//! insurance (near-universal; 六盘水 insures about 90% of its people) and 54% pension enrolment
//! (六盘水), 2% of households monitored (万山区).

use super::engine::{no_cap, no_floor, Spec};
use crate::metric::Metric::{self, *};

const fn at(m: Metric) -> usize {
    m.index()
}

/// `spec!(metric, natural value, spread)`, optionally `floor f`. Upper bounds come from
/// the relations table, not from here.
macro_rules! spec {
    ($m:expr, $nat:expr, $spread:expr) => {
        Spec { m: $m, nat: $nat, spread: $spread, floor: no_floor, cap: no_cap, sum_up: false }
    };
    ($m:expr, $nat:expr, $spread:expr, floor $floor:expr) => {
        Spec { m: $m, nat: $nat, spread: $spread, floor: $floor, cap: no_cap, sum_up: false }
    };
    ($m:expr, $nat:expr, $spread:expr, cap $cap:expr) => {
        Spec { m: $m, nat: $nat, spread: $spread, floor: no_floor, cap: $cap, sum_up: false }
    };
}

/// Metrics split before the employment channels.
pub(super) fn before_channels() -> Vec<Spec> {
    vec![
        spec!(Households, |v| v[at(People)] as f64 / 4.5, 0.12, floor | v | v[at(People)].div_ceil(10)),
        // Every relocated household lives in a dwelling (occupied dwellings = households, set
        // before this), and some dwellings stand empty.
        spec!(Dwellings, |v| v[at(Households)] as f64 * 1.06, 0.04, floor | v | v[at(Households)]),
        spec!(AccessibleDwellings, |v| v[at(Dwellings)] as f64 * 0.07, 0.4),
        spec!(Units, |v| v[at(Buildings)] as f64 * 1.8, 0.3, floor | v | v[at(Buildings)]),
        spec!(Labour, |v| v[at(People)] as f64 * 0.46, 0.08),
        spec!(LabourHouseholds, |v| v[at(Households)] as f64 * 0.89, 0.06, floor | v | v[at(Labour)].div_ceil(6)),
        spec!(Employed, |v| v[at(Labour)] as f64 * 0.93, 0.03),
        // Zero-employment households (the rest of the labour households) are kept near
        // zero, as the policy demands: about 0.3 % of labour households.
        spec!(
            EmployedHouseholds,
            |v| v[at(LabourHouseholds)] as f64 * 0.997,
            0.002,
            floor | v | v[at(Employed)].div_ceil(8).min(v[at(LabourHouseholds)])
        ),
    ]
}

/// Employment channels (parts of `employed`); self-employment absorbs each remainder.
pub(super) const CHANNEL_RATIOS: &[(Metric, f64)] =
    &[(Away, 0.45), (NearHome, 0.30), (Workshop, 0.09), (WelfarePosts, 0.09), (SelfEmployed, 0.07)];
pub(super) const CHANNEL_ABSORB: usize = 4;

/// Risk colours (parts of `households`); green absorbs.
pub(super) const RISK_RATIOS: &[(Metric, f64)] = &[(RiskRed, 0.012), (RiskYellow, 0.05), (RiskGreen, 0.938)];
pub(super) const RISK_ABSORB: usize = 2;

/// Everything else, after the channels.
pub(super) fn after_channels() -> Vec<Spec> {
    vec![
        spec!(Trained, |v| v[at(Labour)] as f64 * 0.19, 0.3),
        spec!(Certified, |v| v[at(Trained)] as f64 * 0.55, 0.2),
        spec!(TrainingSessions, |v| v[at(Trained)] as f64 / 55.0, 0.3),
        spec!(LowIncomeHouseholds, |v| v[at(Households)] as f64 * 0.07, 0.5),
        spec!(MonitoredHouseholds, |v| v[at(Households)] as f64 * 0.02, 0.5),
        spec!(
            MonitoredPeople,
            |v| v[at(MonitoredHouseholds)] as f64 * 4.3,
            0.1,
            floor | v | v[at(MonitoredHouseholds)]
        ),
        spec!(RiskEliminatedHouseholds, |v| v[at(MonitoredHouseholds)] as f64 * 0.46, 0.3),
        // People out of risk are the members of the households out of risk: as many per
        // household as the monitored households hold.
        spec!(
            RiskEliminatedPeople,
            |v| v[at(RiskEliminatedHouseholds)] as f64 * v[at(MonitoredPeople)] as f64
                / v[at(MonitoredHouseholds)].max(1) as f64,
            0.05,
            cap | v | v[at(RiskEliminatedHouseholds)] * 10
        ),
        spec!(LeftBehindChildren, |v| v[at(People)] as f64 * 0.010, 0.4),
        spec!(EmptyNestElderly, |v| v[at(People)] as f64 * 0.006, 0.5),
        spec!(Disabled, |v| v[at(People)] as f64 * 0.047, 0.3),
        spec!(SeverelyDisabled, |v| v[at(Disabled)] as f64 * 0.3, 0.3),
        spec!(SubsistenceAllowance, |v| v[at(People)] as f64 * 0.25, 0.2),
        spec!(
            SubsistenceHouseholds,
            |v| v[at(SubsistenceAllowance)] as f64 / 3.8,
            0.1,
            floor | v | v[at(SubsistenceAllowance)].div_ceil(10).min(v[at(Households)])
        ),
        spec!(Elderly75Plus, |v| v[at(People)] as f64 * 0.03, 0.3),
        spec!(PartyMembers, |v| v[at(People)] as f64 * 0.007, 0.4),
        spec!(SchoolKindergarten, |v| v[at(People)] as f64 * 0.045, 0.2),
        spec!(SchoolPrimary, |v| v[at(People)] as f64 * 0.11, 0.2),
        spec!(SchoolMiddle, |v| v[at(People)] as f64 * 0.05, 0.2),
        spec!(ChildrenInSchool, |v| v[at(People)] as f64 * 0.175, 0.1),
        spec!(Clinics, |v| v[at(People)] as f64 / 9000.0, 0.3),
        spec!(MedicalInsured, |v| v[at(People)] as f64 * 0.92, 0.04),
        spec!(PensionInsured, |v| v[at(People)] as f64 * 0.535, 0.08),
        spec!(FamilyDoctorSigned, |v| v[at(People)] as f64 * 0.9, 0.08),
        spec!(ServiceCentres, |v| v[at(Sites)] as f64 * 0.8, 0.2),
        spec!(GridWorkers, |v| v[at(Grids)] as f64 * 0.8, 0.3),
        spec!(BuildingHeads, |v| v[at(Buildings)] as f64 * 0.9, 0.1),
        spec!(CommunityStewards, |v| v[at(People)] as f64 / 700.0, 0.3),
        spec!(TenHouseholdUnits, |v| v[at(Households)] as f64 / 12.0, 0.1),
        spec!(ManagementUnits, |v| v[at(Sites)] as f64 * 0.9, 0.1),
        spec!(GovernanceCentres, |v| v[at(Sites)] as f64 * 0.67, 0.2),
        spec!(PoliceRooms, |v| v[at(People)] as f64 / 6000.0, 0.3),
        spec!(FireStations, |v| v[at(People)] as f64 / 3000.0, 0.3),
        spec!(Cameras, |v| v[at(Buildings)] as f64 * 9.0, 0.3),
        spec!(MediationRooms, |v| v[at(Communities)] as f64 + v[at(Sites)] as f64 * 0.3, 0.2),
        // At least ten households (or all of them) are surveyed: a rate over one or two
        // answers would read 0 % or 100 %.
        spec!(SatisfactionSurveyed, |v| v[at(Households)] as f64 * 0.6, 0.2, floor | v | v[at(Households)].min(10)),
        spec!(Satisfied, |v| v[at(SatisfactionSurveyed)] as f64 * 0.95, 0.04),
        spec!(FeeHouseholds, |v| v[at(Households)] as f64 * 0.97, 0.02),
        spec!(FeePaidHouseholds, |v| v[at(FeeHouseholds)] as f64 * 0.93, 0.05),
        spec!(Workshops, |v| v[at(People)] as f64 / 1700.0, 0.4),
        spec!(IndustryProjects, |v| v[at(People)] as f64 / 1250.0, 0.4),
    ]
}

/// A planned value set beforehand (people, structure), split with its sum kept.
pub(super) fn planned(m: Metric, floor: fn(&[u64]) -> u64) -> Spec {
    Spec { m, nat: planned_nat(m), spread: 0.0, floor, cap: no_cap, sum_up: true }
}

fn planned_nat(m: Metric) -> fn(&[u64]) -> f64 {
    // One function per metric because fn pointers cannot capture `m`.
    match m {
        People => |v| v[at(People)] as f64,
        Communities => |v| v[at(Communities)] as f64,
        Grids => |v| v[at(Grids)] as f64,
        _ => |v| v[at(Buildings)] as f64,
    }
}
