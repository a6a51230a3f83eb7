//! How the map colours values and what its legend says of each colour: classes around a
//! target and by quantile, and a legend that reads as a scale without gaps.

use anju::model::map::{legend, Classes, Swatch, DIVERGING, SEQUENTIAL};
use anju_data::domain::Lang;
use anju_data::view::measure::Measure;
use anju_data::Metric;

#[test]
fn a_value_at_the_target_is_never_short_of_it() {
    let c = Classes::of(Measure::EmploymentRate, &[0.8, 0.9, 1.0], Some(0.9));
    assert_eq!(c.colour(0.9), DIVERGING[2]);
    assert_eq!(c.colour(0.8999999999999999), DIVERGING[2], "a sum a hair short meets");
    assert_eq!(c.colour(0.89), DIVERGING[1]);
    assert_eq!(c.colour(0.8), DIVERGING[0]);
    assert_eq!(c.colour(1.0), DIVERGING[3]);
    // One value only: one class, a mid shade.
    let one = Classes::of(Measure::Count(Metric::People), &[5.0, 5.0], None);
    assert_eq!(one.colours, vec![SEQUENTIAL[2]]);
    assert_eq!(one.colour(5.0), SEQUENTIAL[2]);
}

/// The legend runs from the lowest to the highest class a place is in, an empty class
/// between them too, and none beyond them.
#[test]
fn the_legend_is_a_scale_without_gaps() {
    // Far short and well past, nothing between: all four classes, the two empty ones too.
    let (values, t) = ([0.5, 0.98], 0.9);
    let c = Classes::of(Measure::EmploymentRate, &values, Some(t));
    assert_eq!((c.class(0.5), c.class(0.98)), (0, 3));
    let words = legend(Measure::EmploymentRate, &c, &values, Some(t), Lang::En, false, false);
    let fills: Vec<_> = words.iter().filter(|(s, _)| matches!(s, Swatch::Fill(_))).collect();
    assert_eq!(fills.len(), 4, "{words:?}");
    // Only the lowest class: no empty class above it is listed.
    let words = legend(Measure::EmploymentRate, &c, &[0.5], Some(t), Lang::En, false, false);
    assert_eq!(words.iter().filter(|(s, _)| matches!(s, Swatch::Fill(_))).count(), 1, "{words:?}");
}
