//! The KPI tiles as plain data: `raw` is the unformatted number (the test hook), `text`
//! what officials read (万, percent with one decimal, yuan). The dashboard, the slides'
//! overview and the big screen lay out the same tiles.

use crate::i18n::tr;
use anju_data::disclosure::{Shown, MARK};
use anju_data::domain::{Group, Risk};
use anju_data::format::{self, Lang};
use anju_data::view::measure::{self, Measure};
use anju_data::view::published::{claim_for, hover, mark};
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
    s: Shown<'a>,
    ix: NodeIx,
    n: &'a Node,
    t: usize,
    lang: Lang,
}

impl At<'_> {
    /// A plain count: raw value, official form, and its source where published (a
    /// hidden count shows the mark, and no source: its words would give it away).
    fn count(&self, m: Metric, label: &'static str, unit: &str) -> Tile {
        let (n, t, lang) = (self.n, self.t, self.lang);
        let pk = &self.ds.period_keys[t];
        let v = self.s.count(self.ix, m, t);
        Tile {
            key: m.key(),
            label,
            raw: v.map_or_else(|| MARK.to_string(), |v| v.to_string()),
            text: format!("{}{}", self.s.count_text(self.ix, m, t, lang), if v.is_some() { unit } else { "" }),
            sub: None,
            status: "",
            source: v.and_then(|_| published(self.ds, n, m.key(), pk, lang)),
        }
    }

    /// The employment rate against its target.
    fn rate(&self) -> Tile {
        let (n, lang) = (self.n, self.lang);
        let pk = &self.ds.period_keys[self.t];
        let m = Measure::EmploymentRate;
        let rate = self.s.value(self.ix, m, self.t);
        let target = measure::target(self.ds, self.ix, m);
        let hidden = self.s.hides(self.ix, m, self.t);
        Tile {
            key: "employment_rate",
            label: tr(lang, "就业率", "Employment rate"),
            raw: self.s.raw(self.ix, m, self.t),
            text: self.s.text(self.ix, m, self.t, lang),
            sub: target.map(|g| format!("{}{}", tr(lang, "目标 ", "Target "), format::percent_of(g))),
            status: status(Measure::EmploymentRate, rate, target),
            // A published rate is shown as written (92.09%); the hover gives both it and
            // the rate the counts give (92.10%), which is also the tile's data-value.
            source: published(self.ds, n, "employment_rate", pk, lang).filter(|_| !hidden).map(|mut p| {
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
        let (lang, m, ix, t) = (self.lang, Measure::IncomePerCapita, self.ix, self.t);
        let growth = self.s.growth(ix, m, t);
        let growth_hidden = self.s.hides_growth(ix, m, t);
        // Whether there was a figure a year earlier is itself hidden with it.
        let year_earlier = anju_data::view::growth::year_before(self.ds, t)
            .is_some_and(|b| self.n.income.get(b).is_some())
            || growth_hidden;
        let hidden = self.s.hides(ix, m, t);
        Tile {
            key: "income_per_capita",
            label: tr(lang, "人均纯收入", "Per-capita net income"),
            raw: self.s.raw(ix, m, t),
            text: self.s.figure_text(ix, m, t, lang),
            sub: Some(match (growth, year_earlier) {
                (_, true) if growth_hidden => format!("{}{MARK}", tr(lang, "同比 ", "Year on year ")),
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
            source: published(self.ds, self.n, "income_per_capita", &self.ds.period_keys[t], lang).filter(|_| !hidden),
        }
    }

    /// Monitored households, with how many have had their risk eliminated.
    fn monitored(&self, unit: &str) -> Tile {
        let (t, lang) = (self.t, self.lang);
        let (mh, el) = (Metric::MonitoredHouseholds, Metric::RiskEliminatedHouseholds);
        let mut tile = self.count(mh, tr(lang, "监测户", "Monitored households"), unit);
        let (count, share) = (self.s.count_text(self.ix, el, t, lang), self.s.percent_text(self.ix, el, mh, t));
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
        // A hidden count says nothing, not even whether it is zero.
        let Some(z) = self.s.count(self.ix, Metric::ZeroEmploymentHouseholds, self.t) else {
            return tile;
        };
        tile.status = if z > 0 { "bad" } else { "good" };
        let sub =
            if z > 0 { tr(lang, "需动态清零", "must be brought to zero") } else { tr(lang, "已清零", "none") };
        tile.sub = Some(sub.to_string());
        tile
    }
}

/// Every tile for node `ix` at period `t`, with a tile per selected special group, as
/// `s` lets it be shown (on a public display, hidden figures show [`MARK`]).
pub fn tiles(s: Shown, ix: NodeIx, t: usize, lang: Lang, groups: &[Group]) -> Vec<Tile> {
    let ds = s.ds;
    let n = ds.node(ix);
    let at = At { ds, s, ix, n, t, lang };
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
    for &g in groups {
        let m = g.metric();
        let share = format!("{}{}", tr(lang, "占人口 ", "of people: "), s.percent_text(ix, m, Metric::People, t));
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

/// A tile per selected risk colour (`kpi-risk_red`, `kpi-risk_yellow`): its households
/// and their share of all households. Red and yellow are problems: "bad" while any are
/// left, "good" at none; a hidden count says neither.
pub fn risk_tiles(s: Shown, ix: NodeIx, t: usize, lang: Lang, risks: &[Risk]) -> Vec<Tile> {
    let ds = s.ds;
    let at = At { ds, s, ix, n: ds.node(ix), t, lang };
    risks
        .iter()
        .map(|&r| {
            let m = r.metric();
            let mut tile = at.count(m, lang.pick(m.zh(), m.en()), tr(lang, "户", ""));
            tile.sub =
                Some(format!("{}{}", tr(lang, "占户数 ", "of households: "), s.percent_text(ix, m, m.share_base(), t)));
            tile.status = match (r, s.count(ix, m, t)) {
                (Risk::Green, _) | (_, None) => "",
                (_, Some(0)) => "good",
                (_, Some(_)) => "bad",
            };
            tile
        })
        .collect()
}
