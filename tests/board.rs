//! The big screen's board and the charts' text, on the demo data: the top and the bottom
//! of a long ranking with the place on show, bars on the shared axis, and text sizing
//! that survives a box not yet laid out.

mod common;

use anju::model::{board, ranking};
use anju_data::disclosure::Shown;
use anju_data::domain::Lang;
use anju_data::view::measure::Measure;
use anju_data::{Dataset, Metric, NodeIx};
use common::demo;

/// Employed over labour, from the stored counts.
fn rate(ds: &Dataset, i: NodeIx, t: usize) -> f64 {
    let n = ds.node(i);
    n.m.get(Metric::Employed, t) as f64 / n.m.get(Metric::Labour, t) as f64
}

#[test]
fn the_board_shows_the_top_and_the_bottom_and_the_carousels_place() {
    let ds = demo();
    let t = ds.latest();
    let county = ds.find("530628").unwrap();
    let total = ds.kids[county].len();
    assert_eq!(total, 42);
    let b = board::board(Shown::new(&ds, false), county, Measure::EmploymentRate, t, None, Lang::Zh);
    assert_eq!(b.total, total);
    // One row fewer than the board holds: the gap mark takes its place.
    assert_eq!(b.rows.len(), board::ROWS - 1);
    let ranks: Vec<usize> = b.rows.iter().map(|r| r.rank).collect();
    let top = (board::ROWS - 1).div_ceil(2);
    assert_eq!(ranks[..top], (1..=top).collect::<Vec<_>>()[..], "the leaders");
    assert_eq!(ranks.last(), Some(&total), "the last place is on the board");
    assert_eq!(b.rows.iter().filter(|r| r.gap_before).count(), 1);
    assert!(b.rows[top].gap_before);
    assert!(b.head.ends_with(&format!("共 {total}")));
    // A place from the middle, on show, sits between two gaps with its own rank.
    let ranked = anju_data::view::measure::rank_children(&ds, county, Measure::EmploymentRate, t);
    let middle = ranked[total / 2].0;
    let b = board::board(Shown::new(&ds, false), county, Measure::EmploymentRate, t, Some(middle), Lang::Zh);
    let row = b.rows.iter().find(|r| r.focus).unwrap();
    assert_eq!((row.ix, row.rank), (middle, total / 2 + 1));
    assert_eq!(b.rows.iter().filter(|r| r.gap_before).count(), 2);
    assert_eq!(b.rows.last().unwrap().rank, total);
    assert!(b.rows.len() + 2 <= board::ROWS);
    // Bars on the axis every chart uses: from a round baseline, which the board states.
    let goal = anju_data::view::measure::target(&ds, county, Measure::EmploymentRate).unwrap();
    let values = ranked.iter().filter_map(|r| r.1).chain([goal]);
    let axis = anju::model::spec::Axis::of(Measure::EmploymentRate, values, Lang::Zh);
    assert_eq!(b.axis_note, axis.note);
    for r in &b.rows {
        let v = rate(&ds, r.ix, t);
        assert_eq!(r.status, if v >= goal { "good" } else { "bad" }, "{}", r.name);
        assert_eq!(r.width, format!("{:.1}%", axis.scale.frac(v) * 100.0));
    }
    // Every rank shown once, in order, for every place in focus and board size.
    for slots in [3, 4, 5, 17, 18, 41, 42, 50] {
        for f in std::iter::once(None).chain((0..total).map(Some)) {
            let r = board::shown_ranks(total, slots, f);
            assert!(r.windows(2).all(|w| w[0] < w[1]));
            assert!(r.len() <= slots.max(3));
            if let Some(f) = f {
                assert!(r.contains(&f), "{slots} {f}");
            }
            assert_eq!(r.last(), Some(&(total - 1)));
        }
    }
}

/// A chart's box before layout is 0 px wide: sizing its text must not panic (it did: a
/// clamp with crossed bounds blanked the page).
#[test]
fn text_sizes_of_a_box_not_yet_laid_out() {
    let ds = demo();
    let t = ds.latest();
    let spec = ranking::ranking_spec(
        Shown::new(&ds, false),
        ds.root,
        Measure::EmploymentRate,
        t,
        Lang::Zh,
        |id| id.into(),
        ranking::TOP_N,
    );
    for w in [0.0, 1.0, 9.0, 390.0, 5000.0] {
        let (small, label) = anju::charts::draw::text_sizes(&spec, w, 300.0);
        assert!(small >= 11.0 && label >= small && label <= 14.0, "{w}: {small} {label}");
    }
}

/// The slide's ranking: each value sits right of the plot, where the target line, inside
/// the plot, cannot cross it (it printed over the values), and fits before the edge.
#[test]
fn the_target_line_stays_clear_of_the_values() {
    let ds = demo();
    let t = ds.latest();
    let county = ds.find("530628").unwrap();
    let spec =
        ranking::ranking_spec(Shown::new(&ds, false), county, Measure::EmploymentRate, t, Lang::Zh, |id| id.into(), 20);
    let anju::model::spec::ChartSpec::Bars { bars, target, .. } = &spec else { panic!("bars") };
    let (w, h) = (1100.0, 504.0);
    let layout = anju::charts::draw::bar_layout(&spec, w, h).unwrap();
    let (_, size) = anju::charts::draw::text_sizes(&spec, w, h);
    let x = layout.x_of(target.as_ref().unwrap().0);
    assert!(x <= layout.plot.right());
    for b in bars {
        let text_left = w - 4.0 - anju_data::text::em_width(&b.text) * size;
        assert!(text_left > layout.plot.right(), "{}: {text_left} vs {}", b.text, layout.plot.right());
    }
}

/// The big screen's centre: on a 16:9 wall the map above the trend, both shorter by what
/// the panel lacks (taller tiles above at a county), together giving up exactly that; on a
/// wider wall side by side; without a map the trend alone, which never needs to give up.
#[test]
fn the_centre_shares_its_height_and_gives_up_what_the_panel_lacks() {
    use anju::model::screen::{centre_layout, CHART_W, GAP};
    let stacked = |h: f64| centre_layout(CHART_W, h, true);
    let full = stacked(0.0);
    assert_eq!((full.map, full.trend, full.side_by_side), (Some((CHART_W, 224.0)), (CHART_W, 176.0), false));
    assert_eq!(stacked(700.0), full, "room to spare: as designed");
    let short = stacked(633.0);
    let given_up = (224.0 - short.map.unwrap().1) + (176.0 - short.trend.1);
    assert!((given_up - 30.0).abs() < 1e-9, "663 − 633 = 30 px given up: {given_up}");
    assert!(stacked(10.0).map.unwrap().1 > 100.0, "never below a readable map");
    let wide = centre_layout(2.0 * CHART_W + GAP + 100.0, 633.0, true);
    assert!(wide.side_by_side && wide.map.unwrap().0 == CHART_W + 100.0 && wide.trend.1 == 450.0 - 30.0);
    assert_eq!(centre_layout(CHART_W, 400.0, false).trend, (CHART_W, 300.0));
}
