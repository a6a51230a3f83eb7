//! The relations between counts that must hold at every node and period: one table, read
//! by the validator (a located problem per broken relation), the generator (caps and
//! partitions it builds by construction) and the register aggregator (each household row).
//! `docs/data-format.md` lists them with their reasons.
//!
//! Every relation is linear (a sum of counts, some subtracted, compared with another), so
//! one that holds at every building holds at every node above it by summation.

use crate::metric::{Metric, N_METRICS};

/// One count in a relation, added or subtracted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    pub minus: bool,
    pub m: Metric,
}

const fn p(m: Metric) -> Term {
    Term { minus: false, m }
}
const fn n(m: Metric) -> Term {
    Term { minus: true, m }
}

/// How the two sides compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rel {
    /// `lhs ≤ rhs` ("no count exceeds its total").
    AtMost,
    /// `lhs = rhs` (the parts add up to the whole).
    Equals,
}

/// `lhs (≤ | =) rhs`, with why it holds (for the documentation and messages).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Relation {
    pub lhs: &'static [Term],
    pub rel: Rel,
    pub rhs: &'static [Term],
}

const fn le(lhs: &'static [Term], rhs: &'static [Term]) -> Relation {
    Relation { lhs, rel: Rel::AtMost, rhs }
}
const fn eq(lhs: &'static [Term], rhs: &'static [Term]) -> Relation {
    Relation { lhs, rel: Rel::Equals, rhs }
}

/// Every relation. Sources: the definitions in `docs/registers.md` (a household is employed
/// when someone in it works, zero-employment when it has labour and nobody works) and
/// plain inclusion (a group is part of the people, a household holds at least one person).
pub const RELATIONS: &[Relation] = {
    use Metric::*;
    &[
        // People and dwellings.
        le(&[p(Households)], &[p(People)]),
        le(&[p(IncomePeople)], &[p(People)]),
        le(&[p(OccupiedDwellings)], &[p(Dwellings)]),
        le(&[p(AccessibleDwellings)], &[p(Dwellings)]),
        // Labour and employment: a labour household is employed or zero-employment, and
        // one with nobody in work holds at least one labourer out of work.
        le(&[p(Labour)], &[p(People)]),
        le(&[p(LabourHouseholds)], &[p(Households)]),
        le(&[p(LabourHouseholds)], &[p(Labour)]),
        le(&[p(Employed)], &[p(Labour)]),
        le(&[p(EmployedHouseholds)], &[p(LabourHouseholds)]),
        le(&[p(EmployedHouseholds)], &[p(Employed)]),
        le(&[p(ZeroEmploymentHouseholds)], &[p(LabourHouseholds)]),
        eq(&[p(LabourHouseholds)], &[p(EmployedHouseholds), p(ZeroEmploymentHouseholds)]),
        le(&[p(LabourHouseholds), n(EmployedHouseholds)], &[p(Labour), n(Employed)]),
        eq(&[p(Employed)], &[p(Away), p(NearHome), p(Workshop), p(WelfarePosts), p(SelfEmployed)]),
        le(&[p(Trained)], &[p(Labour)]),
        le(&[p(Certified)], &[p(Trained)]),
        // Income and return-to-poverty monitoring.
        le(&[p(LowIncomeHouseholds)], &[p(Households)]),
        le(&[p(MonitoredHouseholds)], &[p(Households)]),
        le(&[p(MonitoredPeople)], &[p(People)]),
        le(&[p(MonitoredHouseholds)], &[p(MonitoredPeople)]),
        le(&[p(RiskEliminatedHouseholds)], &[p(MonitoredHouseholds)]),
        le(&[p(RiskEliminatedPeople)], &[p(MonitoredPeople)]),
        le(&[p(RiskEliminatedHouseholds)], &[p(RiskEliminatedPeople)]),
        // The households still under assistance hold at least one person each.
        le(&[p(MonitoredHouseholds), n(RiskEliminatedHouseholds)], &[p(MonitoredPeople), n(RiskEliminatedPeople)]),
        eq(&[p(Households)], &[p(RiskRed), p(RiskYellow), p(RiskGreen)]),
        // Special groups are parts of the people.
        le(&[p(LeftBehindChildren)], &[p(People)]),
        le(&[p(EmptyNestElderly)], &[p(People)]),
        le(&[p(Disabled)], &[p(People)]),
        le(&[p(SeverelyDisabled)], &[p(Disabled)]),
        le(&[p(SubsistenceAllowance)], &[p(People)]),
        le(&[p(SubsistenceHouseholds)], &[p(Households)]),
        le(&[p(SubsistenceHouseholds)], &[p(SubsistenceAllowance)]),
        le(&[p(Elderly75Plus)], &[p(People)]),
        le(&[p(PartyMembers)], &[p(People)]),
        // Services and governance.
        le(&[p(ChildrenInSchool)], &[p(People)]),
        le(&[p(MedicalInsured)], &[p(People)]),
        le(&[p(PensionInsured)], &[p(People)]),
        le(&[p(FamilyDoctorSigned)], &[p(People)]),
        le(&[p(Satisfied)], &[p(SatisfactionSurveyed)]),
        le(&[p(SatisfactionSurveyed)], &[p(Households)]),
        le(&[p(FeePaidHouseholds)], &[p(FeeHouseholds)]),
        le(&[p(FeeHouseholds)], &[p(Households)]),
    ]
};

/// A rate officials read (numerator / denominator, as a per cent): the key a claim or a
/// URL names it by, and its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rate {
    pub key: &'static str,
    pub num: Metric,
    pub den: Metric,
    pub zh: &'static str,
    pub en: &'static str,
}

/// The rates derived from counts. Each is also a `≤` relation of the table, so it never
/// exceeds 100 %.
pub const RATES: &[Rate] = {
    use Metric::*;
    &[
        Rate { key: "employment_rate", num: Employed, den: Labour, zh: "就业率", en: "Employment rate" },
        Rate { key: "occupancy_rate", num: OccupiedDwellings, den: Dwellings, zh: "入住率", en: "Occupancy rate" },
        Rate {
            key: "satisfaction_rate",
            num: Satisfied,
            den: SatisfactionSurveyed,
            zh: "群众满意度",
            en: "Satisfaction rate",
        },
        Rate {
            key: "fee_payment_rate",
            num: FeePaidHouseholds,
            den: FeeHouseholds,
            zh: "缴费率",
            en: "Fee payment rate",
        },
        Rate {
            key: "family_doctor_rate",
            num: FamilyDoctorSigned,
            den: People,
            zh: "家庭医生签约覆盖率",
            en: "Family-doctor coverage",
        },
        Rate {
            key: "medical_insurance_rate",
            num: MedicalInsured,
            den: People,
            zh: "医保参保率",
            en: "Medical insurance enrolment",
        },
    ]
};

impl Rate {
    pub fn by_key(key: &str) -> Option<&'static Rate> {
        RATES.iter().find(|r| r.key == key)
    }
}

/// A set of metrics (the ones a file carries), one bit each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MetricSet(u128);

const _: () = assert!(N_METRICS <= 128, "MetricSet holds at most 128 metrics");

impl MetricSet {
    pub const ALL: MetricSet = MetricSet(if N_METRICS == 128 { u128::MAX } else { (1u128 << N_METRICS) - 1 });
    pub fn insert(&mut self, m: Metric) {
        self.0 |= 1 << m.index();
    }
    pub fn contains(self, m: Metric) -> bool {
        self.0 & (1 << m.index()) != 0
    }
    /// How many metrics of the set come before `m` (its place in a list of the set's
    /// values kept in metric order).
    pub fn rank(self, m: Metric) -> usize {
        (self.0 & ((1u128 << m.index()) - 1)).count_ones() as usize
    }
    pub fn union(self, other: MetricSet) -> MetricSet {
        MetricSet(self.0 | other.0)
    }
    /// Whether the two sets share a metric.
    pub fn intersects(self, other: MetricSet) -> bool {
        self.0 & other.0 != 0
    }
}

impl Relation {
    /// Every metric the relation names, left side first.
    pub fn metrics(&self) -> impl Iterator<Item = Metric> + '_ {
        self.lhs.iter().chain(self.rhs).map(|t| t.m)
    }

    /// Whether every metric it names is known (so that it can be checked).
    pub fn applies(&self, known: MetricSet) -> bool {
        self.metrics().all(|m| known.contains(m))
    }

    /// Both sides evaluated with `get`, in i128 so that no u64 count can overflow them.
    pub fn sides(&self, get: impl Fn(Metric) -> u64) -> (i128, i128) {
        let side = |ts: &[Term]| -> i128 {
            ts.iter().map(|t| if t.minus { -(get(t.m) as i128) } else { get(t.m) as i128 }).sum()
        };
        (side(self.lhs), side(self.rhs))
    }

    pub fn holds(&self, get: impl Fn(Metric) -> u64) -> bool {
        let (l, r) = self.sides(get);
        match self.rel {
            Rel::AtMost => l <= r,
            Rel::Equals => l == r,
        }
    }

    /// `a ≤ b` between two single counts, if the relation is of that shape.
    pub fn as_pair(&self) -> Option<(Metric, Metric)> {
        match (self.lhs, self.rel, self.rhs) {
            ([a], Rel::AtMost, [b]) if !a.minus && !b.minus => Some((a.m, b.m)),
            _ => None,
        }
    }

    /// `whole = Σ parts`, if the relation is of that shape.
    pub fn as_partition(&self) -> Option<(Metric, Vec<Metric>)> {
        match (self.lhs, self.rel) {
            ([w], Rel::Equals) if !w.minus && self.rhs.iter().all(|t| !t.minus) => {
                Some((w.m, self.rhs.iter().map(|t| t.m).collect()))
            }
            _ => None,
        }
    }

    /// One side as text: "有劳动力户 − 就业户" (`zh`) or "labour_households - employed_households".
    pub fn side_text(terms: &[Term], zh: bool) -> String {
        let mut s = String::new();
        for (i, t) in terms.iter().enumerate() {
            match (i, t.minus, zh) {
                (0, false, _) => {}
                (0, true, _) => s.push('−'),
                (_, false, true) => s.push_str(" + "),
                (_, true, true) => s.push_str(" − "),
                (_, false, false) => s.push_str(" + "),
                (_, true, false) => s.push_str(" - "),
            }
            s.push_str(if zh { t.m.zh() } else { t.m.key() });
        }
        s
    }

    /// What a broken relation says, given its two sides' values (Chinese, English):
    /// "劳动力（5）超过了人口（3）"; for parts and their whole, "已就业（10）不等于其分项之和（8）".
    pub fn broken_text(&self, l: i128, r: i128) -> (String, String) {
        let (l, r) = (int(l), int(r));
        let (lz, le) = (Relation::side_text(self.lhs, true), Relation::side_text(self.lhs, false));
        let (rz, re) = (Relation::side_text(self.rhs, true), Relation::side_text(self.rhs, false));
        match self.rel {
            Rel::AtMost => (format!("{lz}（{l}）超过了{rz}（{r}）"), format!("{le} ({l}) exceeds {re} ({r})")),
            Rel::Equals => {
                (format!("{lz}（{l}）不等于其分项之和（{r}）"), format!("{le} ({l}) is not the sum of {re} ({r})"))
            }
        }
    }

    /// The relation as a formula, for documentation and summaries.
    pub fn formula(&self, zh: bool) -> String {
        let op = match self.rel {
            Rel::AtMost => " ≤ ",
            Rel::Equals => " = ",
        };
        format!("{}{op}{}", Relation::side_text(self.lhs, zh), Relation::side_text(self.rhs, zh))
    }
}

/// A side's value as text. Sides are sums of a few u64 counts; one past u64's range (only
/// hostile data gets there) reads as "> 18446744073709551615", which keeps 128-bit
/// formatting out of the browser's bundle.
fn int(v: i128) -> String {
    let sign = if v < 0 { "-" } else { "" };
    match u64::try_from(v.unsigned_abs()) {
        Ok(x) => format!("{sign}{x}"),
        Err(_) => format!("{sign}> {}", u64::MAX),
    }
}

/// `a ≤ b` pairs of single counts (the generator's caps).
pub fn at_most_pairs() -> impl Iterator<Item = (Metric, Metric)> {
    RELATIONS.iter().filter_map(Relation::as_pair)
}

/// `whole = Σ parts` relations (the generator builds them as two-way tables).
pub fn partitions() -> impl Iterator<Item = (Metric, Vec<Metric>)> {
    RELATIONS.iter().filter_map(Relation::as_partition)
}

/// The relations broken by one set of values (a node at one period, or a household).
pub fn broken(get: impl Fn(Metric) -> u64 + Copy) -> impl Iterator<Item = &'static Relation> {
    RELATIONS.iter().filter(move |r| !r.holds(get))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_relation_is_listed_once_and_names_distinct_metrics() {
        for (i, r) in RELATIONS.iter().enumerate() {
            assert!(!RELATIONS[..i].contains(r), "{} twice", r.formula(false));
            let ms: Vec<Metric> = r.metrics().collect();
            for (j, m) in ms.iter().enumerate() {
                assert!(!ms[..j].contains(m), "{} names {} twice", r.formula(false), m.key());
            }
        }
    }

    #[test]
    fn the_household_relations_read_as_the_issue_states_them() {
        let f: Vec<String> = RELATIONS.iter().map(|r| r.formula(false)).collect();
        assert!(f.contains(&"labour_households = employed_households + zero_employment_households".to_string()));
        assert!(f.contains(&"labour_households - employed_households ≤ labour - employed".to_string()));
        assert!(f.contains(&"households = risk_red + risk_yellow + risk_green".to_string()));
        assert_eq!(
            RELATIONS.iter().find(|r| r.lhs.len() == 2).unwrap().formula(true),
            "有劳动力户 − 就业户 ≤ 劳动力 − 已就业"
        );
    }

    #[test]
    fn sides_and_holds() {
        use Metric::*;
        let r = RELATIONS.iter().find(|r| r.lhs.len() == 2).unwrap();
        // 10 labour households, 8 employed: 2 without work need at least 2 labourers out of work.
        let get = |lh, eh, l, e| {
            move |m: Metric| match m {
                LabourHouseholds => lh,
                EmployedHouseholds => eh,
                Labour => l,
                Employed => e,
                _ => 0,
            }
        };
        assert!(r.holds(get(10, 8, 20, 18)));
        assert!(!r.holds(get(10, 8, 20, 19)));
        assert_eq!(r.sides(get(u64::MAX, 0, 0, u64::MAX)), (u64::MAX as i128, -(u64::MAX as i128)));
    }

    #[test]
    fn every_rate_is_bounded_by_a_relation() {
        for r in RATES {
            assert!(at_most_pairs().any(|p| p == (r.num, r.den)), "{}", r.key);
            assert_eq!(Rate::by_key(r.key), Some(r));
        }
    }

    #[test]
    fn sides_print_whole_numbers_of_any_size() {
        assert_eq!(int(0), "0");
        assert_eq!(int(-42), "-42");
        assert_eq!(int(u64::MAX as i128), "18446744073709551615");
        assert_eq!(int(u64::MAX as i128 * 3), "> 18446744073709551615");
        assert_eq!(int(-(u64::MAX as i128) * 3), "-> 18446744073709551615");
    }

    #[test]
    fn metric_sets() {
        let mut s = MetricSet::default();
        assert!(!s.contains(Metric::People));
        s.insert(Metric::People);
        assert!(s.contains(Metric::People) && !s.contains(Metric::Households));
        assert!(MetricSet::ALL.contains(*Metric::ALL.last().unwrap()));
        let r = RELATIONS[0];
        assert!(!r.applies(s));
        s.insert(Metric::Households);
        assert!(r.applies(s));
    }
}
