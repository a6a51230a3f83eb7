//! Employment rates by county, planned before `employed` is split: within each city the
//! counties differ as real ones do (2 to 8 points from best to worst) and at least one
//! falls below the employment-rate target, while the city's total (published or not) and
//! every published figure below are kept. Sites then vary around their county's rate.

use super::apportion::apportion;
use super::engine::{order, published_floor, rate_cap};
use super::{GTree, GenError};
use crate::metric::{Metric, CHANNELS};
use crate::model::Level;
use rand::Rng;

/// The least and most spread of employment rates among a city's counties (fractions), in
/// every month.
pub const SPREAD: (f64, f64) = (0.02, 0.08);

/// The spread planned at the anchor month: inside [`SPREAD`] with room for the months
/// around it (the Spring Festival dip, the decline into the past, the drift after).
const PLANNED: (f64, f64) = (0.035, 0.065);

/// The most a county's employment drifts per month after an anchor month (a fraction of
/// its employed): about one point a year either way.
pub const DRIFT: f64 = 0.0008;

/// The employment-rate target a node works to: its own, else its nearest ancestor's.
fn target(t: &GTree, mut i: usize) -> Option<f64> {
    loop {
        if let Some(g) = t.nodes[i].targets.employment_rate {
            return Some(g);
        }
        i = t.nodes[i].parent?;
    }
}

/// What is already settled below each node: the least employed its published figures
/// need, the labour under published employed counts, and the most employed it can hold.
struct Below {
    employed: Vec<u64>,
    pinned_labour: Vec<u64>,
    most: Vec<u64>,
}

fn below(t: &GTree) -> Below {
    let ord = order(t, Level::Building);
    // The least each node's employed can be, from the published employed and channels below.
    let mut employed = published_floor(t, &ord, Level::Building, Metric::Employed);
    for &ch in CHANNELS {
        let f = published_floor(t, &ord, Level::Building, ch);
        for (e, v) in employed.iter_mut().zip(f) {
            *e = (*e).max(v);
        }
    }
    let n = t.nodes.len();
    let (mut pinned_labour, mut most) = (vec![0u64; n], vec![0u64; n]);
    for &i in ord.iter().rev() {
        let node = &t.nodes[i];
        let l = node.v[Metric::Labour.index()];
        if let Some(e) = node.fixed(Metric::Employed) {
            pinned_labour[i] = l;
            most[i] = e;
            continue;
        }
        let cap = rate_cap(t.done, Metric::Employed, node.level, &node.v).min(l);
        pinned_labour[i] = node.kids.iter().map(|&k| pinned_labour[k]).sum();
        most[i] = if node.kids.is_empty() { cap } else { cap.min(node.kids.iter().map(|&k| most[k]).sum()) };
    }
    Below { employed, pinned_labour, most }
}

/// Pins `employed` at every county without a published figure (see the module docs).
pub(super) fn plan_counties(t: &mut GTree) -> Result<(), GenError> {
    let b = below(t);
    let cities: Vec<usize> = (0..t.nodes.len()).filter(|&i| t.nodes[i].level == Level::City).collect();
    for c in cities {
        plan_city(t, c, &b)?;
    }
    Ok(())
}

/// Shifts the deviations `d` so that, weighted by the free labour `open`, they average
/// zero (leaving out `skip`, which is held where it was put).
fn centre(d: &mut [f64], open: &[f64], skip: Option<usize>) {
    let w: f64 = (0..d.len()).filter(|&j| Some(j) != skip).map(|j| open[j]).sum();
    let shift = d.iter().zip(open).map(|(x, o)| x * o).sum::<f64>() / w.max(1.0);
    for (j, x) in d.iter_mut().enumerate() {
        if Some(j) != skip {
            *x -= shift;
        }
    }
}

/// Shares `rest` employed among the free counties, best to worst within the realistic
/// spread (published counties' rates included), judged on the whole counts each try gives
/// (small counties round, bounds clamp): the deviations `d` are widened or narrowed about
/// the mean until the spread is as planned and a county is below the target `goal`.
#[allow(clippy::too_many_arguments)]
fn spread_out(
    rest: u64,
    free: &[usize],
    base: &[f64],
    open: &[f64],
    mean: f64,
    d: &mut [f64],
    bounds: (&[u64], &[u64]),
    fixed_rates: &[f64],
    goal: f64,
    labour: &dyn Fn(usize) -> u64,
) -> Option<Vec<u64>> {
    let mut parts = None;
    for _ in 0..40 {
        let w: Vec<f64> = (0..free.len()).map(|j| base[j] + (mean + d[j]).clamp(0.5, 0.97) * open[j]).collect();
        let Some(p) = apportion(rest, &w, bounds.0, bounds.1) else { break };
        let got: Vec<f64> = fixed_rates
            .iter()
            .copied()
            .chain(p.iter().zip(free).map(|(&e, &k)| e as f64 / labour(k).max(1) as f64))
            .collect();
        let sp = spread(&got);
        let ok_below = got.iter().any(|r| *r < goal) || free.len() < 2;
        parts = Some(p);
        let scale = if sp < PLANNED.0 || !ok_below {
            1.2
        } else if sp > PLANNED.1 {
            0.85
        } else {
            break;
        };
        // Scaled about the mean, the county below the target only goes further below.
        d.iter_mut().for_each(|x| *x *= scale);
        centre(d, open, None);
    }
    parts
}

/// Where the counties' bounds left none below the target `goal`, the lowest free county
/// goes just below it (its employed `parts[j]` lowered, never under `lo[j]`).
fn one_below(t: &mut GTree, free: &[usize], parts: &mut [u64], lo: &[u64], fixed_rates: &[f64], goal: f64) {
    let below_now = fixed_rates.iter().any(|r| *r < goal)
        || parts.iter().zip(free).any(|(&e, &k)| (e as f64) < goal * t.nodes[k].v[Metric::Labour.index()] as f64);
    if !below_now && free.len() > 1 {
        let j = (0..free.len())
            .min_by(|&a, &b| {
                let r = |j: usize| parts[j] as f64 / t.nodes[free[j]].v[Metric::Labour.index()].max(1) as f64;
                r(a).total_cmp(&r(b))
            })
            .unwrap_or(0);
        let l = t.nodes[free[j]].v[Metric::Labour.index()] as f64;
        let want = ((goal - t.rng.random_range(0.004..0.012)) * l).floor() as u64;
        parts[j] = want.max(lo[j]).min(parts[j]);
    }
}

fn spread(rates: &[f64]) -> f64 {
    rates.iter().cloned().fold(f64::MIN, f64::max) - rates.iter().cloned().fold(f64::MAX, f64::min)
}

fn plan_city(t: &mut GTree, c: usize, b: &Below) -> Result<(), GenError> {
    let counties: Vec<usize> = t.nodes[c].kids.iter().copied().filter(|&k| t.nodes[k].level == Level::County).collect();
    let labour = |t: &GTree, k: usize| t.nodes[k].v[Metric::Labour.index()];
    let free: Vec<usize> = counties.iter().copied().filter(|&k| t.nodes[k].fixed(Metric::Employed).is_none()).collect();
    // Each free county: its published part below (employed, labour) and the labour left free.
    let base: Vec<f64> = free.iter().map(|&k| b.employed[k] as f64).collect();
    let open: Vec<f64> = free.iter().map(|&k| labour(t, k).saturating_sub(b.pinned_labour[k]) as f64).collect();
    let open_sum: f64 = open.iter().sum();
    if free.is_empty() || open_sum == 0.0 {
        return Ok(());
    }
    let goal = target(t, c).unwrap_or(0.93);
    let fixed_e: u64 = counties.iter().filter_map(|&k| t.nodes[k].fixed(Metric::Employed)).sum();
    let total = match t.nodes[c].fixed(Metric::Employed) {
        Some(e) => e,
        None => {
            let all_l: f64 = counties.iter().map(|&k| labour(t, k) as f64).sum();
            let mean = (goal + t.rng.random_range(0.003..0.015)).min(0.975);
            ((mean * all_l).round() as u64).max(fixed_e + b.employed[c])
        }
    };
    let rest = total.saturating_sub(fixed_e);
    // The free labour's mean rate that meets the city's total.
    let mean = ((rest as f64 - base.iter().sum::<f64>()) / open_sum).clamp(0.5, 0.99);
    // The published counties' rates, which the plan works around.
    let fixed_rates: Vec<f64> = counties
        .iter()
        .filter_map(|&k| t.nodes[k].fixed(Metric::Employed).map(|e| e as f64 / labour(t, k).max(1) as f64))
        .collect();
    let county_rate = |t: &GTree, j: usize, d: f64| (base[j] + (mean + d) * open[j]) / labour(t, free[j]).max(1) as f64;
    let rates = |t: &GTree, d: &[f64]| -> Vec<f64> {
        fixed_rates.iter().copied().chain((0..d.len()).map(|j| county_rate(t, j, d[j]))).collect()
    };
    let centre = |d: &mut [f64], skip: Option<usize>| centre(d, &open, skip);
    let s = t.rng.random_range(0.012..0.028);
    let mut d: Vec<f64> = (0..free.len()).map(|_| s * t.rng.random_range(-1.0..1.0)).collect();
    centre(&mut d, None);
    // At least one county below the target: the lowest free one, if none is yet; the
    // others make up for it, so the city's total stays.
    if !rates(t, &d).iter().any(|r| *r < goal) && free.len() > 1 {
        let k = (0..d.len()).min_by(|&a, &b| county_rate(t, a, d[a]).total_cmp(&county_rate(t, b, d[b]))).unwrap_or(0);
        let want = goal - t.rng.random_range(0.004..0.012);
        d[k] = (want * labour(t, free[k]) as f64 - base[k]) / open[k].max(1.0) - mean;
        centre(&mut d, Some(k));
    }
    let lo: Vec<u64> = free.iter().map(|&k| b.employed[k]).collect();
    let hi: Vec<u64> = free.iter().zip(&lo).map(|(&k, &l)| b.most[k].max(l)).collect();
    let employed = |k: usize| labour(t, k);
    let parts = spread_out(rest, &free, &base, &open, mean, &mut d, (&lo, &hi), &fixed_rates, goal, &employed);
    let mut parts = parts.ok_or_else(|| GenError::Infeasible {
        node: t.nodes[c].id.clone(),
        metric: Metric::Employed.key(),
        why: format!("{rest} employed cannot be shared among its counties within their bounds"),
    })?;
    // A city whose total is not published may simply have fewer employed.
    if t.nodes[c].fixed(Metric::Employed).is_none() {
        one_below(t, &free, &mut parts, &lo, &fixed_rates, goal);
    }
    for (&k, &e) in free.iter().zip(&parts) {
        t.fix(k, Metric::Employed, e);
    }
    drift_counties(t, &counties);
    Ok(())
}

/// Months after an anchor month drift a little each way, the lowest county never up, so
/// that the spread and the county below the target hold in every month; into the past,
/// a city's counties decline alike.
fn drift_counties(t: &mut GTree, counties: &[usize]) {
    let lowest = counties.iter().copied().min_by(|&a, &b| {
        let r = |k: usize| {
            t.nodes[k].fixed(Metric::Employed).unwrap_or(0) as f64 / t.nodes[k].v[Metric::Labour.index()].max(1) as f64
        };
        r(a).total_cmp(&r(b))
    });
    // Into the past, the counties of a city decline alike (2 % to 6 %, half a point apart).
    let decline = t.rng.random_range(0.02..0.06);
    for &k in counties {
        // Mostly up, as everywhere; the lowest county never up.
        let hi = if Some(k) == lowest { 0.0 } else { DRIFT };
        t.nodes[k].drift = Some(t.rng.random_range(-DRIFT / 2.0..=hi));
        t.nodes[k].decline = Some(decline + t.rng.random_range(-0.0025..0.0025));
    }
}
