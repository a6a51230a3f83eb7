//! The KPI tiles as plain data: `raw` is the unformatted number (the test hook), `text`
//! what officials read (万, percent with one decimal, yuan). The dashboard, the slides'
//! overview and the big screen lay out the same tiles.

use crate::i18n::tr;
use anju_data::domain::Group;
use anju_data::format::{self, Lang};
use anju_data::view::measure::{self, Measure};
use anju_data::view::published::{claim_for, hover, mark, written_form};
use anju_data::{Dataset, Metric, Node, NodeIx};

/// A value against its target as a CSS class: "good" when it meets it
/// ([`Measure::meets`], the one rule), "bad" when not, "" without a value or a target.
pub fn status(m: Measure, value: Option<f64>, target: Option<f64>) -> &'static str {
    match (value, target) {
        (Some(v), Some(g)) if m.meets(v, g) => "good",
        (Some(_), Some(_)) => "bad",
        _ => "",
    }
}

/// One tile, computed; the component only lays it out.
#[derive(Clone, Debug, PartialEq)]
pub struct Tile {
    pub key: &'static str,
    pub label: &'static str,
    /// The unformatted number, or empty where undefined.
    pub raw: String,
    pub text: String,
    pub sub: Option<String>,
    /// "", "good", "bad": a problem is shown as one.
    pub status: &'static str,
    /// Published: the mark ("公布", "2022年3月公布") and the hover naming source and date.
    pub source: Option<Published>,
}

/// How a published figure is marked.
#[derive(Clone, Debug, PartialEq)]
pub struct Published {
    pub mark: String,
    pub hover: String,
}

/// The mark and hover of `field` at `n` if it is published for `period`.
pub fn published(ds: &Dataset, n: &Node, field: &str, period: &str, lang: Lang) -> Option<Published> {
    let c = claim_for(n, field, period)?;
    Some(Published { mark: mark(c, lang), hover: hover(&ds.meta, c, Some(field), lang) })
}

/// Where a tile is computed: the node, the period and how to write it.
struct At<'a> {
    ds: &'a Dataset,
    ix: NodeIx,
    n: &'a Node,
    t: usize,
    lang: Lang,
    sup: bool,
}

impl At<'_> {
    /// A plain count: raw value, official form, and its source where published.
    fn count(&self, m: Metric, label: &'static str, unit: &str) -> Tile {
        let (n, t, lang, sup) = (self.n, self.t, self.lang, self.sup);
        let pk = &self.ds.period_keys[t];
        let v = n.m.get(m, t);
        let shown = match written_form(n, m.key(), pk, lang) {
            Some(w) if !(sup && (v == 1 || v == 2)) => w,
            _ => format::count_s(v, lang, sup),
        };
        Tile {
            key: m.key(),
            label,
            raw: format::raw_s(v, sup),
            text: format!("{shown}{unit}"),
            sub: None,
            status: "",
            source: published(self.ds, n, m.key(), pk, lang),
        }
    }

    /// The employment rate against its target.
    fn rate(&self) -> Tile {
        let (n, lang) = (self.n, self.lang);
        let pk = &self.ds.period_keys[self.t];
        let rate = Measure::EmploymentRate.value(n, self.t);
        let target = measure::target(self.ds, self.ix, Measure::EmploymentRate);
        Tile {
            key: "employment_rate",
            label: tr(lang, "就业率", "Employment rate"),
            raw: rate.map(|r| r.to_string()).unwrap_or_default(),
            text: written_form(n, "employment_rate", pk, lang)
                .unwrap_or_else(|| Measure::EmploymentRate.format(rate, lang)),
            sub: target.map(|g| format!("{}{}", tr(lang, "目标 ", "Target "), format::percent_of(g))),
            status: status(Measure::EmploymentRate, rate, target),
            // A published rate is shown as written (92.09%); the hover gives both it and
            // the rate the counts give (92.10%), which is also the tile's data-value.
            source: published(self.ds, n, "employment_rate", pk, lang).map(|mut p| {
                if let Some(r) = rate {
                    p.hover =
                        format!("{} · {}{:.2}%", p.hover, tr(lang, "按人数计算：", "From the counts: "), r * 100.0);
                }
                p
            }),
        }
    }

    /// Per-capita net income with its growth on a year before.
    fn income(&self) -> Tile {
        let lang = self.lang;
        let income = self.n.income.get(self.t);
        let growth = measure::yoy_growth(self.ds, self.ix, Measure::IncomePerCapita, self.t);
        let year_earlier = measure::year_before(self.ds, self.t).is_some_and(|b| self.n.income.get(b).is_some());
        Tile {
            key: "income_per_capita",
            label: tr(lang, "人均纯收入", "Per-capita net income"),
            raw: income.map(|v| v.to_string()).unwrap_or_default(),
            text: Measure::IncomePerCapita.format(income, lang),
            sub: Some(match (growth, year_earlier) {
                (Some(g), _) => format!(
                    "{}{}{}",
                    tr(lang, "同比 ", "Year on year "),
                    if g >= 0.0 { "+" } else { "" },
                    format::percent_of(g)
                ),
                // A year earlier there was nothing to grow from.
                (None, true) => format!("{}—", tr(lang, "同比 ", "Year on year ")),
                (None, false) => tr(lang, "无上年同期数据", "No figure a year earlier").to_string(),
            }),
            status: "",
            source: published(self.ds, self.n, "income_per_capita", &self.ds.period_keys[self.t], lang),
        }
    }

    /// Monitored households, with how many have had their risk eliminated.
    fn monitored(&self, unit: &str) -> Tile {
        let (n, t, lang, sup) = (self.n, self.t, self.lang, self.sup);
        let mh = n.m.get(Metric::MonitoredHouseholds, t);
        let el = n.m.get(Metric::RiskEliminatedHouseholds, t);
        let mut tile = self.count(Metric::MonitoredHouseholds, tr(lang, "监测户", "Monitored households"), unit);
        let (count, share) = (format::count_s(el, lang, sup), format::percent_s(el, mh, sup));
        tile.sub = Some(match lang {
            Lang::Zh => format!("已消除风险 {count} 户（{share}）"),
            Lang::En => format!("risk eliminated: {count} ({share})"),
        });
        tile
    }

    /// Zero-employment households: any is a problem (the policy target is none).
    fn zero_employment(&self, unit: &str) -> Tile {
        let lang = self.lang;
        let mut tile =
            self.count(Metric::ZeroEmploymentHouseholds, tr(lang, "零就业家庭", "Zero-employment households"), unit);
        let z = self.n.m.get(Metric::ZeroEmploymentHouseholds, self.t);
        tile.status = if z > 0 { "bad" } else { "good" };
        let sub =
            if z > 0 { tr(lang, "需动态清零", "must be brought to zero") } else { tr(lang, "已清零", "none") };
        tile.sub = Some(sub.to_string());
        tile
    }
}

/// Every tile for node `ix` at period `t`, with a tile per selected special group;
/// `sup` shows counts of 1 and 2 as "<3".
pub fn tiles(ds: &Dataset, ix: NodeIx, t: usize, lang: Lang, sup: bool, groups: &[Group]) -> Vec<Tile> {
    let n = ds.node(ix);
    let at = At { ds, ix, n, t, lang, sup };
    let (ren, hu) = (tr(lang, "人", ""), tr(lang, "户", ""));
    let mut out = vec![
        at.count(Metric::People, tr(lang, "搬迁人口", "People"), ren),
        at.count(Metric::Households, tr(lang, "搬迁户数", "Households"), hu),
        at.count(Metric::Labour, tr(lang, "劳动力", "Labour force"), ren),
        at.count(Metric::Employed, tr(lang, "已就业", "Employed"), ren),
        at.rate(),
        at.count(Metric::WelfarePosts, tr(lang, "公益性岗位", "Public-welfare posts"), ren),
        at.income(),
        at.monitored(hu),
        at.count(Metric::MonitoredPeople, tr(lang, "监测人口", "Monitored people"), ren),
        at.zero_employment(hu),
        at.count(Metric::Trained, tr(lang, "培训人数", "Trainees"), ren),
    ];
    // Special groups: each its count and share of people, never added together.
    let people = n.m.get(Metric::People, t);
    for &g in groups {
        let m = g.metric();
        let share = format!("{}{}", tr(lang, "占人口 ", "of people: "), format::percent_s(n.m.get(m, t), people, sup));
        match out.iter_mut().find(|x| x.key == m.key()) {
            Some(existing) => existing.sub = Some(share),
            None => {
                let mut tile = at.count(m, g.label(lang), ren);
                tile.sub = Some(share);
                tile.status = "group";
                out.push(tile);
            }
        }
    }
    out
}
