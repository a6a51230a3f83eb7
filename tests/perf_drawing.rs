//! When a view counts as drawn (`anju::perf::Drawing`): every chart on the page has
//! painted for it, whether the view was built whole or keeps its charts from place to place.

use anju::perf::Drawing;

/// Two places' keys (`anju::perf::PlaceKey` sets the top bit).
const A: u64 = 1 << 63 | 1;
const B: u64 = 1 << 63 | 2;

#[test]
fn a_view_built_whole_is_drawn_when_each_of_its_charts_has_painted() {
    let mut d = Drawing::new();
    let view = d.begin(None);
    let (a, b) = (d.mounted(), d.mounted());
    assert!(!d.drawn());
    d.painted(a, None);
    assert!(!d.drawn(), "one chart of two painted");
    d.painted(b, None);
    assert!(d.drawn());
    assert!(d.awaits(view));
    d.finish();
    assert!(!d.drawn(), "nothing awaited once drawn");
    d.painted(a, None);
    assert!(!d.drawn(), "a redraw after is not a new view");
}

#[test]
fn the_next_view_built_whole_waits_for_its_own_charts_not_the_old_ones() {
    let mut d = Drawing::new();
    d.begin(None);
    let old = d.mounted();
    d.painted(old, None);
    assert!(d.drawn());
    d.finish();
    let second = d.begin(None);
    assert!(!d.drawn(), "the old chart painted the old view");
    let new = d.mounted();
    d.gone(old);
    assert!(!d.drawn(), "the new chart has not painted");
    d.painted(new, None);
    assert!(d.drawn() && d.awaits(second));
}

#[test]
fn a_place_in_a_view_that_keeps_its_charts_is_drawn_when_each_has_painted_it() {
    let mut d = Drawing::new();
    d.begin(Some(A));
    let (map, ranking) = (d.mounted(), d.mounted());
    d.painted(map, Some(A));
    d.painted(ranking, Some(A));
    assert!(d.drawn());
    d.finish();
    // A drill: the charts stay and paint the next place.
    d.begin(Some(B));
    assert!(!d.drawn());
    d.painted(map, Some(B));
    assert!(!d.drawn());
    d.painted(ranking, Some(B));
    assert!(d.drawn());
}

#[test]
fn charts_that_painted_the_place_before_it_was_awaited_count() {
    // The charts' effects may run before the view's own.
    let mut d = Drawing::new();
    d.begin(Some(A));
    let c = d.mounted();
    d.painted(c, Some(A));
    d.finish();
    d.painted(c, Some(B));
    assert!(!d.drawn(), "nothing awaited yet");
    d.begin(Some(B));
    assert!(d.drawn());
}

#[test]
fn a_chart_built_for_the_next_place_must_paint_it_and_one_gone_holds_nothing_back() {
    let mut d = Drawing::new();
    d.begin(Some(A));
    let (trend, ranking) = (d.mounted(), d.mounted());
    d.painted(trend, Some(A));
    d.painted(ranking, Some(A));
    d.finish();
    // Into a leaf: the ranking goes, and a building's chart comes.
    d.begin(Some(B));
    d.gone(ranking);
    let fresh = d.mounted();
    d.painted(trend, Some(B));
    assert!(!d.drawn(), "the chart mounted for the place has not painted");
    d.painted(fresh, Some(B));
    assert!(d.drawn());
}

#[test]
fn a_view_with_no_chart_is_drawn_at_once() {
    let mut d = Drawing::new();
    assert!(!d.drawn(), "nothing awaited");
    d.begin(None);
    assert!(d.drawn());
}
