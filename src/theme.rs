//! The palette, defined once. The charts read these constants; the stylesheet reads the
//! same colours as custom properties (`var(--good)` and the rest), which the app sets on
//! the page's root at start from [`CSS_PROPERTIES`]. A colour changed here changes both.

use anju_data::domain::Risk;
use anju_data::Metric;

/// Links, the first series, the default bar.
pub const ACCENT: &str = "#1a66da";
/// At or past the target.
pub const GOOD: &str = "#2e7d32";
/// Short of the target, a problem.
pub const BAD: &str = "#c62828";
/// A warning (yellow risk, the synthesised-data banner's border).
pub const WARN: &str = "#f9a825";
/// The "others together" bar of a long ranking.
pub const OTHERS: &str = "#8c959f";
/// The second series of the trend (income).
pub const SECOND: &str = "#e67e22";
/// A selected alert chip.
pub const ALERT: &str = "#6a1b9a";

/// Employment channels, in `anju_data::metric::CHANNELS` order.
pub const CHANNELS: [&str; 5] = [ACCENT, "#0f9d8a", "#8e44ad", SECOND, "#7f8c8d"];

/// Chart text, secondary text and grid lines: (light page, dark big screen).
pub const CHART_FG: (&str, &str) = ("#1d2733", "#e6edf5");
pub const CHART_MUTED: (&str, &str) = ("#5b6b7c", "#96a5b9");
pub const CHART_GRID: (&str, &str) = ("#e1e6ec", "#3c485a");

/// The map: a place without a value (the same on a dark screen: a fill means one thing);
/// borders between places and the fill of a hole (the card's background, light and
/// dark); the outline of the place in view.
pub const MAP_NO_DATA: &str = "#d9dde3";
pub const MAP_EDGE: (&str, &str) = ("#ffffff", "#0b1220");
pub const MAP_OUTLINE: (&str, &str) = ("#5b6b7c", "#96a5b9");
/// The ground a county's sites stand on (its area, no value of its own): lighter than "no
/// data", so that the two never read as one.
pub const MAP_GROUND: (&str, &str) = ("#f1f3ef", "#1b2738");
/// The place outlined on a map (under the pointer, or on show on the big screen).
pub const MAP_FOCUS: (&str, &str) = ("#111827", "#ffd166");

/// The seven-colour marking (七彩标记) of buildings' notice boards: per group, its colour
/// and the colour's name in both languages.
pub const SEVEN_COLOURS: [(Metric, &str, &str, &str); 7] = [
    (Metric::PartyMembers, "#d32f2f", "赤", "red"),
    (Metric::LeftBehindChildren, "#f57c00", "橙", "orange"),
    (Metric::EmptyNestElderly, "#fbc02d", "黄", "yellow"),
    (Metric::Disabled, "#388e3c", "绿", "green"),
    (Metric::SubsistenceHouseholds, "#00838f", "青", "cyan"),
    (Metric::SeverelyDisabled, "#1565c0", "蓝", "blue"),
    (Metric::Elderly75Plus, ALERT, "紫", "purple"),
];

/// A risk colour's swatch.
pub fn risk(r: Risk) -> &'static str {
    match r {
        Risk::Red => BAD,
        Risk::Yellow => WARN,
        Risk::Green => GOOD,
    }
}

/// What the stylesheet reads: custom property and colour.
pub const CSS_PROPERTIES: [(&str, &str); 5] =
    [("--accent", ACCENT), ("--good", GOOD), ("--bad", BAD), ("--warn", WARN), ("--alert", ALERT)];

#[cfg(test)]
mod tests {
    use super::*;

    /// The stylesheet names no colour the palette defines: it reads them as properties.
    #[test]
    fn the_stylesheet_reads_the_palette_and_does_not_repeat_it() {
        let css = include_str!("../style/main.css").to_ascii_lowercase();
        for (prop, colour) in CSS_PROPERTIES {
            assert!(css.contains(&format!("var({prop})")), "the stylesheet uses {prop}");
            assert!(!css.contains(colour), "main.css repeats {colour}; write var({prop})");
        }
    }
}
