//! What a KPI, a ranking or a table column shows: a stored count or a rate derived from
//! counts. Ranking and sorting live here so that they are tested natively.

use crate::dataset::{Dataset, NodeIx};
use crate::disclosure::Shown;
use crate::format::{self, Lang};
use crate::metric::Metric;
use crate::model::Node;
use crate::relations::MetricSet;
use std::cmp::Ordering;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Measure {
    Count(Metric),
    /// employed / labour
    EmploymentRate,
    /// Per-capita net income (yuan), weighted by `income_people`.
    IncomePerCapita,
    /// A count as a share of its whole ([`Metric::share_base`]): a group's people of all
    /// people (`disabled_share`), red-risk households of all households (`risk_red_share`).
    Share(Metric),
}

impl Measure {
    pub fn key(self) -> String {
        match self {
            Measure::Count(m) => m.key().to_string(),
            Measure::EmploymentRate => "employment_rate".into(),
            Measure::IncomePerCapita => "income_per_capita".into(),
            Measure::Share(m) => format!("{}_share", m.key()),
        }
    }

    pub fn parse(s: &str) -> Option<Measure> {
        match s {
            "employment_rate" => Some(Measure::EmploymentRate),
            "income_per_capita" => Some(Measure::IncomePerCapita),
            other => match other.strip_suffix("_share") {
                Some(m) => Metric::from_key(m).map(Measure::Share),
                None => Metric::from_key(other).map(Measure::Count),
            },
        }
    }

    pub fn label(self, lang: Lang) -> String {
        match (self, lang) {
            (Measure::Share(m), Lang::Zh) => format!("{}占比", m.zh()),
            (Measure::Share(m), Lang::En) => format!("{} (share)", m.en()),
            _ => self.plain_label(lang).to_string(),
        }
    }

    /// The label with the unit a spreadsheet column needs: "搬迁人口（人）", "就业率（%）",
    /// "人均纯收入（元）"; English "People (people)".
    pub fn header(self, lang: Lang) -> String {
        let unit = match self {
            Measure::Count(m) => m.unit().word(lang),
            Measure::EmploymentRate | Measure::Share(_) => "%",
            Measure::IncomePerCapita => lang.pick("元", "yuan"),
        };
        match lang {
            Lang::Zh => format!("{}（{unit}）", self.label(lang)),
            Lang::En => format!("{} ({unit})", self.label(lang)),
        }
    }

    fn plain_label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Measure::Count(Metric::People), Lang::Zh) => "搬迁人口",
            (Measure::Count(m), Lang::Zh) => m.zh(),
            (Measure::Count(m), Lang::En) => m.en(),
            (Measure::EmploymentRate, Lang::Zh) => "就业率",
            (Measure::EmploymentRate, Lang::En) => "Employment rate",
            (Measure::IncomePerCapita, Lang::Zh) => "人均纯收入",
            (Measure::IncomePerCapita, Lang::En) => "Per-capita net income",
            (Measure::Share(m), _) => m.key(),
        }
    }

    /// The counts the measure is computed from (a rate's numerator and denominator, an
    /// income's people): hiding any of them hides it.
    pub fn inputs(self) -> MetricSet {
        let of = |ms: &[Metric]| {
            let mut set = MetricSet::default();
            ms.iter().for_each(|&m| set.insert(m));
            set
        };
        match self {
            Measure::Count(m) => of(&[m]),
            Measure::EmploymentRate => of(&[Metric::Employed, Metric::Labour]),
            Measure::IncomePerCapita => of(&[Metric::IncomePeople]),
            Measure::Share(m) => of(&[m, m.share_base()]),
        }
    }

    /// The value at period `t`; `None` where it is undefined (a rate over zero).
    pub fn value(self, n: &Node, t: usize) -> Option<f64> {
        match self {
            Measure::Count(m) => Some(n.m.get(m, t) as f64),
            Measure::EmploymentRate => {
                let labour = n.m.get(Metric::Labour, t);
                (labour > 0).then(|| n.m.get(Metric::Employed, t) as f64 / labour as f64)
            }
            Measure::IncomePerCapita => n.income.get(t),
            Measure::Share(m) => {
                let whole = n.m.get(m.share_base(), t);
                (whole > 0).then(|| n.m.get(m, t) as f64 / whole as f64)
            }
        }
    }

    /// Formatted for people: 万 for counts, one-decimal percent, yuan.
    pub fn format(self, v: Option<f64>, lang: Lang) -> String {
        match (self, v) {
            (_, None) => "—".into(),
            (Measure::Count(_), Some(v)) => format::count(v as u64, lang),
            (Measure::EmploymentRate, Some(v)) => format::percent_of(v),
            (Measure::IncomePerCapita, Some(v)) => format::yuan(v, lang),
            (Measure::Share(_), Some(v)) => format::percent_of(v),
        }
    }

    /// [`format`](Self::format), except where that would make a figure short of its
    /// `target` read as the target (91.9996 % against 92 % is not "92.0%" beside a red
    /// mark): then truncated at the first precision that tells the two apart, so it stays
    /// on its side ("91.99%", "94.98%"; income to the fen below).
    pub fn format_against(self, v: Option<f64>, target: Option<f64>, lang: Lang) -> String {
        let plain = self.format(v, lang);
        let (Some(v), Some(g)) = (v, target) else { return plain };
        if self.meets(v, g) || plain != self.format(Some(g), lang) {
            return plain;
        }
        match self {
            Measure::EmploymentRate | Measure::Share(_) => (2..=6)
                .map(|d| {
                    let p = 10f64.powi(d);
                    (
                        format!("{:.*}%", d as usize, (v * 100.0 * p).floor() / p),
                        format!("{:.*}%", d as usize, g * 100.0),
                    )
                })
                .find(|(a, b)| a != b)
                .map_or(plain, |(a, _)| a),
            Measure::IncomePerCapita => crate::format::yuan((v * 100.0).floor() / 100.0, lang),
            Measure::Count(_) => plain,
        }
    }

    /// The figure as people read it, in its source's words where it is published for
    /// `period` ("约29.3万", "92.09%"; see `view::published`), else as
    /// [`format_against`](Self::format_against) its `target`. Public displays read it
    /// through [`crate::disclosure::Shown::text`], which hides what must be.
    pub fn shown(self, n: &Node, t: usize, period: &str, target: Option<f64>, lang: Lang) -> String {
        super::published::written_form(n, &self.key(), period, lang)
            .unwrap_or_else(|| self.format_against(self.value(n, t), target, lang))
    }

    /// Whether `value` meets `target` for this measure: at or above it where more is
    /// better, at or below where less is. The one rule for every tile, bar, board row and
    /// alert. A rate computed from sums may land a hair past the target it equals
    /// (0.8999999999999999 for 0.9), so the comparison allows 10⁻¹² of slack.
    pub fn meets(self, value: f64, target: f64) -> bool {
        const SLACK: f64 = 1e-12;
        if self.higher_is_better() {
            value + SLACK >= target
        } else {
            value <= target + SLACK
        }
    }

    /// For problems such as zero-employment households, less is better.
    pub fn higher_is_better(self) -> bool {
        !matches!(
            self,
            Measure::Count(
                Metric::ZeroEmploymentHouseholds
                    | Metric::MonitoredHouseholds
                    | Metric::MonitoredPeople
                    | Metric::RiskRed
                    | Metric::RiskYellow
                    | Metric::LowIncomeHouseholds
            )
        )
    }
}

/// The target for `measure` at a node: its own, else its nearest ancestor's.
/// A measure that has no targets answers at once: every shown figure asks (`Shown::text`).
pub fn target(ds: &Dataset, ix: NodeIx, measure: Measure) -> Option<f64> {
    let pick = |n: &Node| match measure {
        Measure::EmploymentRate => n.targets.employment_rate,
        Measure::IncomePerCapita => n.targets.income_per_capita,
        Measure::Count(_) | Measure::Share(_) => None,
    };
    if matches!(measure, Measure::Count(_) | Measure::Share(_)) {
        return None;
    }
    let mut cur = Some(ix);
    while let Some(i) = cur {
        if let Some(v) = pick(ds.node(i)) {
            return Some(v);
        }
        cur = ds.parent[i];
    }
    None
}

/// Orders by value (undefined values last), ties by name, so rankings are stable.
pub fn compare(a: (Option<f64>, &str), b: (Option<f64>, &str), desc: bool) -> Ordering {
    let by_value = match (a.0, b.0) {
        (Some(x), Some(y)) => {
            let o = x.total_cmp(&y);
            if desc {
                o.reverse()
            } else {
                o
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    by_value.then_with(|| a.1.cmp(b.1))
}

/// The children of `ix` ranked by `measure` at `t`, most first: a rate or an income
/// best first, a count most first, problems included (staff ask where the red-risk
/// households are, not where they are fewest; the colour against a target says which
/// way is good). A hidden value (on a public display) ranks with the undefined ones,
/// last, so that its place in the order cannot bound it.
pub fn rank_children<'a>(
    shown: impl Into<Shown<'a>>,
    ix: NodeIx,
    measure: Measure,
    t: usize,
) -> Vec<(NodeIx, Option<f64>)> {
    let s = shown.into();
    let ds = s.ds;
    let mut out: Vec<(NodeIx, Option<f64>)> = ds.kids[ix].iter().map(|&c| (c, s.value(c, measure, t))).collect();
    crate::order::sort_by(&mut out, |a, b| compare((a.1, &ds.node(a.0).name), (b.1, &ds.node(b.0).name), true));
    out
}

/// `measure` over several places taken together (the "others" bar of a long ranking):
/// counts add up, rates and shares are pooled (Σ employed / Σ labour), income is the mean
/// weighted by `income_people`. Sums are in u128, so no count can overflow them. On a
/// public display, `None` when any of the places' figures is hidden (the sum with the
/// shown ones would give it back).
pub fn pooled<'a>(shown: impl Into<Shown<'a>>, nodes: &[NodeIx], measure: Measure, t: usize) -> Option<f64> {
    let s = shown.into();
    let ds = s.ds;
    if nodes.iter().any(|&c| s.hides(c, measure, t)) {
        return None;
    }
    let sum = |m: Metric| nodes.iter().map(|&c| u128::from(ds.node(c).m.get(m, t))).sum::<u128>();
    let ratio = |num: u128, den: u128| (den > 0).then(|| num as f64 / den as f64);
    match measure {
        Measure::Count(m) => Some(sum(m) as f64),
        Measure::EmploymentRate => ratio(sum(Metric::Employed), sum(Metric::Labour)),
        Measure::Share(m) => ratio(sum(m), sum(m.share_base())),
        Measure::IncomePerCapita => crate::rollup::weighted_income(nodes.iter().map(|&c| ds.node(c)), t),
    }
}

/// The children sorted for the table: by a measure (or by name when `by` is `None`);
/// hidden values sort last, as in [`rank_children`].
pub fn sort_children<'a>(
    shown: impl Into<Shown<'a>>,
    ix: NodeIx,
    by: Option<Measure>,
    desc: bool,
    t: usize,
) -> Vec<NodeIx> {
    let s = shown.into();
    let ds = s.ds;
    let mut kids = ds.kids[ix].to_vec();
    match by {
        None => crate::order::sort_by(&mut kids, |&a, &b| {
            let o = ds.node(a).name.cmp(&ds.node(b).name);
            if desc {
                o.reverse()
            } else {
                o
            }
        }),
        Some(m) => {
            // Each value once (on a public display each is a lookup), not per comparison.
            let mut keyed: Vec<(NodeIx, Option<f64>)> = kids.iter().map(|&c| (c, s.value(c, m, t))).collect();
            crate::order::sort_by(&mut keyed, |a, b| {
                compare((a.1, &ds.node(a.0).name), (b.1, &ds.node(b.0).name), desc)
            });
            kids = keyed.into_iter().map(|(c, _)| c).collect();
        }
    }
    kids
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering::*;

    /// One rule, both directions: at the target meets it, a rate a hair under the target
    /// it equals meets it, a tenth of a point under does not; for a count where less is
    /// better the comparison turns round.
    #[test]
    fn meeting_a_target_is_one_rule() {
        let rate = Measure::EmploymentRate;
        assert!(rate.meets(0.9, 0.9));
        // Short of the target, never written as it; at or past it, the usual one decimal.
        let zh = Lang::Zh;
        assert_eq!(rate.format_against(Some(27_219.0 / 29_586.0), Some(0.92), zh), "91.99%");
        assert_eq!(rate.format_against(Some(0.9498), Some(0.95), zh), "94.98%");
        assert_eq!(rate.format_against(Some(0.949_999_9), Some(0.95), zh), "94.99%");
        assert_eq!(rate.format_against(Some(0.9249), Some(0.925), zh), "92.49%");
        assert_eq!(rate.format_against(Some(0.9), Some(0.9), zh), "90.0%");
        assert_eq!(rate.format_against(Some(27.0 / 30.0), Some(0.9), zh), "90.0%");
        assert_eq!(rate.format_against(Some(0.9512), Some(0.95), zh), "95.1%");
        assert_eq!(rate.format_against(Some(0.91), Some(0.95), zh), "91.0%");
        assert_eq!(rate.format_against(Some(0.919_96), None, zh), "92.0%");
        let income = Measure::IncomePerCapita;
        assert_eq!(income.format_against(Some(9_999.996), Some(10_000.0), zh), income.format(Some(9_999.99), zh));
        assert_eq!(income.format_against(Some(10_000.004), Some(10_000.0), zh), income.format(Some(10_000.0), zh));
        assert!(rate.meets(0.899_999_999_999_999_9, 0.9));
        assert!(rate.meets(27.0 / 30.0, 0.9));
        assert!(!rate.meets(0.899, 0.9));
        assert!(rate.meets(0.95, 0.9));
        let zero = Measure::Count(Metric::ZeroEmploymentHouseholds);
        assert!(zero.meets(0.0, 0.0));
        assert!(!zero.meets(1.0, 0.0));
        assert!(!zero.meets(0.5, 0.4) && zero.meets(0.3, 0.4));
    }

    #[test]
    fn pooled_rates_are_not_averages_of_rates() {
        // Two buildings of 2^63 people each: their sum does not fit a u64 and must not wrap.
        let half = 1u64 << 63;
        let idx = format!(
            r#"{{"format":"anju-dataset","schema_version":1,"kind":"index",
            "dataset":{{"title":{{"zh":"t"}},"as_of":"2025-06-30"}},"root":"g","periods":["2025-06"],
            "nodes":[{{"id":"g","name":"G","level":"grid","children":["a","b"],
                "m":{{"people":{max},"labour":100,"employed":10,"away":10,"grids":1,"buildings":2}}}},
              {{"id":"a","name":"A","level":"building","m":{{"people":{half},"labour":10,"employed":10,"away":10,"buildings":1}}}},
              {{"id":"b","name":"B","level":"building","m":{{"people":{rest},"labour":90,"employed":0,"buildings":1}}}}]}}"#,
            max = u64::MAX,
            rest = u64::MAX - half
        );
        let ds = match Dataset::from_index("t.json", idx.as_bytes()) {
            Ok(ds) => ds,
            Err(p) => panic!("{:?}", p.list),
        };
        let kids = ds.kids[ds.root].clone();
        assert_eq!(pooled(&ds, &kids, Measure::EmploymentRate, 0), Some(0.1));
        assert_eq!(pooled(&ds, &kids, Measure::Count(Metric::People), 0), Some(u64::MAX as f64));
        assert_eq!(pooled(&ds, &kids, Measure::Share(Metric::Disabled), 0), Some(0.0));
        assert_eq!(pooled(&ds, &[], Measure::EmploymentRate, 0), None);
    }

    #[test]
    fn parse_and_keys() {
        for k in ["people", "employment_rate", "income_per_capita", "zero_employment_households", "disabled_share"] {
            assert_eq!(Measure::parse(k).unwrap().key(), k);
        }
        assert_eq!(Measure::parse("nope"), None);
        assert_eq!(Measure::parse("nope_share"), None);
        assert_eq!(Measure::parse("disabled_share"), Some(Measure::Share(Metric::Disabled)));
    }

    #[test]
    fn rates_over_zero_are_undefined() {
        let n = Node::new("a", "a", crate::Level::Building);
        assert_eq!(Measure::EmploymentRate.value(&n, 0), None);
        assert_eq!(Measure::EmploymentRate.format(None, Lang::Zh), "—");
        assert_eq!(Measure::Count(Metric::People).value(&n, 0), Some(0.0));
    }

    #[test]
    fn ordering_puts_undefined_last_and_breaks_ties_by_name() {
        assert_eq!(compare((Some(2.0), "b"), (Some(1.0), "a"), true), Less);
        assert_eq!(compare((Some(2.0), "b"), (Some(1.0), "a"), false), Greater);
        assert_eq!(compare((None, "a"), (Some(0.0), "b"), true), Greater);
        assert_eq!(compare((None, "a"), (Some(0.0), "b"), false), Greater);
        assert_eq!(compare((Some(1.0), "甲"), (Some(1.0), "乙"), true), "甲".cmp("乙"));
        assert_eq!(compare((None, "a"), (None, "b"), true), Less);
    }

    #[test]
    fn less_is_better_for_problems() {
        assert!(!Measure::Count(Metric::ZeroEmploymentHouseholds).higher_is_better());
        assert!(Measure::EmploymentRate.higher_is_better());
    }
}
