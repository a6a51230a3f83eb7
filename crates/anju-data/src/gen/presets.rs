//! Presets: `demo` (the real figures of domain.md), `province` and `national` (benchmarks).

use super::engine::{derive, split, split_income, split_partition};
use super::specs::{self, CHANNEL_ABSORB, CHANNEL_RATIOS, RISK_ABSORB, RISK_RATIOS};
use super::{names, time, GTree, GenError};
use crate::metric::Metric;
use crate::model::{Level, Meta, Period};
use crate::rollup::round_fen;
use rand::Rng;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    Demo,
    Province,
    National,
}

impl Preset {
    pub fn parse(s: &str) -> Option<Preset> {
        match s {
            "demo" => Some(Preset::Demo),
            "province" => Some(Preset::Province),
            "national" => Some(Preset::National),
            _ => None,
        }
    }
}

pub use crate::write::Generated;

/// 24 months ending with `last`.
pub fn monthly(last: Period, n: usize) -> Vec<Period> {
    (0..n as i32).map(|k| Period::from_ordinal(last.ordinal() - (n as i32 - 1) + k)).collect()
}

pub fn generate(preset: Preset, seed: u64) -> Result<Generated, GenError> {
    match preset {
        Preset::Demo => run(seed, 24, |t| (super::presets_demo::plan(t), 0.0)),
        Preset::Province => generate_scale(&PROVINCE, seed, 24),
        Preset::National => generate_scale(&NATIONAL, seed, 24),
    }
}

/// A synthetic dataset of any shape (benchmarks, property tests).
pub fn generate_scale(s: &Scale, seed: u64, periods: usize) -> Result<Generated, GenError> {
    run(seed, periods, |t| (synthetic(t, s), s.people_per_building))
}

fn run(seed: u64, n_periods: usize, plan: impl FnOnce(&mut GTree) -> (Meta, f64)) -> Result<Generated, GenError> {
    let periods = monthly(Period { year: 2025, month: 6 }, n_periods.max(1));
    let mut t = GTree::new(seed, periods.clone());
    let (meta, people_per_building) = plan(&mut t);
    build(&mut t, people_per_building)?;
    let root = t.nodes[0].id.clone();
    let nodes = time::finish(&mut t);
    Ok(Generated { meta, periods, nodes, root })
}

/// Natural counts for a site of `p` people (`ppb`: people per building, 0 = by size).
fn natural_structure(p: u64, ppb: f64) -> (u64, u64, u64) {
    let c = if p >= 9000 {
        (p as f64 / 6000.0).round().clamp(2.0, 4.0) as u64
    } else if p >= 2500 {
        1
    } else {
        0
    };
    // Every site is divided into grids (网格化管理), the smallest into one.
    let g = ((p as f64 / 650.0).round() as u64).max(1);
    let ppb = if ppb > 0.0 {
        ppb
    } else if p >= 5000 {
        195.0
    } else if p >= 1000 {
        110.0
    } else {
        55.0
    };
    let b = ((p as f64 / ppb).ceil() as u64).max(1);
    (c, g, b)
}

fn rollup_own_counts(t: &mut GTree) {
    let order = t.preorder();
    for &i in order.iter().rev() {
        for m in [Metric::Sites, Metric::Communities, Metric::Grids, Metric::Buildings] {
            let own = u64::from(t.nodes[i].level.own_count_metric() == Some(m));
            let sum: u64 = t.nodes[i].kids.iter().map(|&c| t.nodes[c].v[m.index()]).sum();
            t.nodes[i].v[m.index()] = own + sum;
        }
    }
}

/// Lays out structure below the sites and splits every metric. The preset has created the
/// tree down to sites with planned people in `v[people]`.
fn build(t: &mut GTree, ppb: f64) -> Result<(), GenError> {
    rollup_own_counts(t);
    split(t, &specs::planned(Metric::People, |v| v[Metric::Sites.index()]), Level::Site)?;
    // Planned structure per site, then split so that published totals hold.
    for i in 0..t.nodes.len() {
        if t.nodes[i].level == Level::Site {
            let (c, g, b) = natural_structure(t.nodes[i].v[Metric::People.index()], ppb);
            let v = &mut t.nodes[i].v;
            v[Metric::Communities.index()] = c;
            v[Metric::Grids.index()] = g;
            v[Metric::Buildings.index()] = b;
        }
    }
    split(t, &specs::planned(Metric::Communities, |_| 0), Level::Site)?;
    split(t, &specs::planned(Metric::Grids, |_| 0), Level::Site)?;
    split(
        t,
        &specs::planned(Metric::Buildings, |v| v[Metric::Grids.index()].max(v[Metric::Communities.index()]).max(1)),
        Level::Site,
    )?;
    let sites: Vec<usize> = (0..t.nodes.len()).filter(|&i| t.nodes[i].level == Level::Site).collect();
    for s in sites {
        let p = t.nodes[s].v[Metric::People.index()];
        t.fix(s, Metric::People, p);
        expand_site(t, s);
    }
    rollup_own_counts(t);
    split(t, &specs::planned(Metric::People, |v| v[Metric::Buildings.index()]), Level::Building)?;
    for m in [Metric::People, Metric::Sites, Metric::Communities, Metric::Grids, Metric::Buildings] {
        t.done.insert(m);
    }
    for spec in specs::before_channels() {
        if spec.m == Metric::Dwellings {
            // Each relocated household occupies one dwelling (梵瑞社区's pinned occupied
            // dwellings stay as pinned).
            for n in &mut t.nodes {
                if n.fixed(Metric::OccupiedDwellings).is_none() {
                    n.v[Metric::OccupiedDwellings.index()] = n.v[Metric::Households.index()];
                }
            }
            t.done.insert(Metric::OccupiedDwellings);
        }
        if spec.m == Metric::Employed {
            super::employment::plan_counties(t)?;
        }
        if spec.m == Metric::EmployedHouseholds {
            // Zero-employment households are derived (labour households − employed ones):
            // a published count of them pins the employed households instead.
            for i in 0..t.nodes.len() {
                if let Some(z) = t.nodes[i].fixed(Metric::ZeroEmploymentHouseholds) {
                    let lh = t.nodes[i].v[Metric::LabourHouseholds.index()];
                    t.fix(i, Metric::EmployedHouseholds, lh.saturating_sub(z));
                }
            }
        }
        split(t, &spec, Level::Building)?;
    }
    derive(t, Metric::ZeroEmploymentHouseholds);
    for n in &mut t.nodes {
        n.v[Metric::IncomePeople.index()] = n.v[Metric::People.index()];
    }
    t.done.insert(Metric::IncomePeople);
    split_partition(t, Metric::Employed, CHANNEL_RATIOS, CHANNEL_ABSORB, 0.35)?;
    split_partition(t, Metric::Households, RISK_RATIOS, RISK_ABSORB, 0.8)?;
    for spec in specs::after_channels() {
        split(t, &spec, Level::Building)?;
    }
    // Income grows at each county's own pace (万山区's published 12.63 % is its own).
    for i in 0..t.nodes.len() {
        if t.nodes[i].level == Level::County && t.nodes[i].income_yoy.is_none() {
            t.nodes[i].income_yoy = Some(t.rng.random_range(1.05..1.12));
        }
    }
    let root_income = round_fen(10_900.0 * t.rng.random_range(0.98..1.02));
    split_income(t, root_income, 0.1);
    Ok(())
}

/// Creates communities, grids and buildings under a site from its planned counts. Named
/// communities (from the plan) come first and keep their fixed figures.
fn expand_site(t: &mut GTree, s: usize) {
    use super::apportion::apportion;
    let v = t.nodes[s].v;
    let (p, c, g, b) = (
        v[Metric::People.index()],
        v[Metric::Communities.index()],
        v[Metric::Grids.index()],
        v[Metric::Buildings.index()],
    );
    let sid = t.nodes[s].id.clone();
    let mut holders: Vec<(usize, u64)> = Vec::new(); // (node, buildings under it)
    let named: Vec<usize> = t.nodes[s].kids.clone();
    if c > 0 {
        let mut comms = named.clone();
        let mut used: std::collections::HashSet<String> = comms.iter().map(|&k| t.nodes[k].name.clone()).collect();
        while (comms.len() as u64) < c {
            let (zh, en) = names::community(&mut t.rng, &mut used);
            let ix = t.add(Some(s), format!("{sid}-C{}", comms.len() + 1), zh, Some(en), Level::Community);
            comms.push(ix);
        }
        let weights: Vec<f64> = comms
            .iter()
            .map(|&k| t.nodes[k].fixed(Metric::People).map(|f| f as f64).unwrap_or_else(|| p as f64 / c as f64))
            .collect();
        let fixed_or =
            |t: &GTree, k: usize, m: Metric, lo: u64, hi: u64| t.nodes[k].fixed(m).map(|f| (f, f)).unwrap_or((lo, hi));
        let (glo, ghi): (Vec<u64>, Vec<u64>) =
            comms.iter().map(|&k| fixed_or(t, k, Metric::Grids, u64::from(g >= c), g)).unzip();
        let grids = apportion(g, &weights, &glo, &ghi).unwrap_or_else(|| vec![0; comms.len()]);
        let (blo, bhi): (Vec<u64>, Vec<u64>) =
            comms.iter().zip(&grids).map(|(&k, &gk)| fixed_or(t, k, Metric::Buildings, gk.max(1), b)).unzip();
        let blds = apportion(b, &weights, &blo, &bhi).unwrap_or_else(|| vec![1; comms.len()]);
        for ((&k, &gk), &bk) in comms.iter().zip(&grids).zip(&blds) {
            add_grids(t, k, gk, bk, &mut holders);
        }
    } else {
        add_grids(t, s, g, b, &mut holders);
    }
    let avg = p as f64 / b.max(1) as f64;
    let (lo_f, hi_f) = if avg > 120.0 { (8, 18) } else { (3, 7) };
    let mut n = 0;
    for (h, count) in holders {
        let hid = t.nodes[h].id.clone();
        for _ in 0..count {
            n += 1;
            let (zh, en) = names::building(n);
            let ix = t.add(Some(h), format!("{hid}-B{n}"), zh, Some(en), Level::Building);
            let w: f64 = t.rng.random_range(0.6..1.4);
            t.nodes[ix].v[Metric::People.index()] = (avg * w).round().max(1.0) as u64;
            t.nodes[ix].floors = t.rng.random_range(lo_f..=hi_f);
        }
    }
}

/// Puts `g` grids under `parent` and shares `b` buildings among them (or directly under
/// `parent` when it has no grids).
fn add_grids(t: &mut GTree, parent: usize, g: u64, b: u64, holders: &mut Vec<(usize, u64)>) {
    if g == 0 {
        holders.push((parent, b.max(1)));
        return;
    }
    let pid = t.nodes[parent].id.clone();
    let per = super::apportion::apportion(
        b.max(g),
        &vec![1.0; g as usize],
        &vec![1; g as usize],
        &vec![u64::MAX / 4; g as usize],
    )
    .unwrap_or_else(|| vec![1; g as usize]);
    for (k, &bk) in per.iter().enumerate() {
        let (zh, en) = names::grid(k + 1);
        let ix = t.add(Some(parent), format!("{pid}-G{}", k + 1), zh, Some(en), Level::Grid);
        holders.push((ix, bk));
    }
}

/// The shape of a synthetic benchmark dataset.
#[derive(Clone, Debug)]
pub struct Scale {
    pub title: &'static str,
    pub title_en: &'static str,
    pub root_id: &'static str,
    pub cities: usize,
    pub counties_per_city: usize,
    pub sites: u64,
    pub people: u64,
    pub people_per_building: f64,
}

/// About 1.92 million people, 950 sites, 30,000 buildings (Guizhou's scale).
pub const PROVINCE: Scale = Scale {
    title: "省级规模基准数据（合成）",
    title_en: "Province-scale benchmark data (synthetic)",
    root_id: "P52",
    cities: 9,
    counties_per_city: 10,
    sites: 950,
    people: 1_920_000,
    people_per_building: 64.0,
};

/// About 9.6 million people and 35,000 sites (the whole programme).
pub const NATIONAL: Scale = Scale {
    title: "全国规模基准数据（合成）",
    title_en: "National-scale benchmark data (synthetic)",
    root_id: "CN",
    cities: 120,
    counties_per_city: 9,
    sites: 35_000,
    people: 9_600_000,
    people_per_building: 64.0,
};

fn synthetic(t: &mut GTree, s: &Scale) -> Meta {
    use crate::model::Text;
    let root = t.add(None, s.root_id, s.title, Some(s.title_en.into()), Level::Region);
    t.fix(root, Metric::People, s.people);
    t.nodes[root].targets.employment_rate = Some(0.95);
    let n_counties = s.cities * s.counties_per_city;
    let county_w: Vec<f64> = (0..n_counties).map(|_| t.rng.random_range(0.3f64..1.7)).collect();
    let per_county =
        super::apportion::apportion(s.sites, &county_w, &vec![1; n_counties], &vec![u64::MAX / 4; n_counties])
            .unwrap_or_default();
    let avg_site = s.people as f64 / s.sites as f64;
    for ci in 0..s.cities {
        let cid = format!("{}{:03}", s.root_id, ci + 1);
        let c = t.add(
            Some(root),
            cid.clone(),
            format!("合成市{:03}", ci + 1),
            Some(format!("City {:03}", ci + 1)),
            Level::City,
        );
        for k in 0..s.counties_per_city {
            let qid = format!("{cid}{:02}", k + 1);
            let q = t.add(
                Some(c),
                qid.clone(),
                format!("合成县{:03}-{:02}", ci + 1, k + 1),
                Some(format!("County {:03}-{:02}", ci + 1, k + 1)),
                Level::County,
            );
            let mut used = std::collections::HashSet::new();
            for j in 0..per_county[ci * s.counties_per_city + k] {
                let (zh, en) = names::site(&mut t.rng, &mut used);
                let ix = t.add(Some(q), format!("{qid}-S{}", j + 1), zh, Some(en), Level::Site);
                // Long-tailed site sizes: a few very large urban sites, many small ones.
                let u: f64 = t.rng.random_range(0.0f64..1.0);
                t.nodes[ix].v[Metric::People.index()] =
                    (avg_site * 0.35 * (-(1.0 - u).ln() * 2.2 + 0.3)).round().max(30.0) as u64;
            }
        }
    }
    Meta {
        title: Text { zh: s.title.into(), en: s.title_en.into() },
        as_of: "2025-06-30".into(),
        provenance: Text {
            zh: "全部数字为合成数据，仅用于性能基准。".into(),
            en: "Every figure is synthesised, for benchmarks only.".into(),
        },
        sources: Default::default(),
        basis: Default::default(),
    }
}
