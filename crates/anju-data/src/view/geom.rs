//! Chart geometry in CSS pixels: where bars and points are, and what a pointer is over.
//! Drawing (plotters) and hit-testing both use these numbers, so they cannot disagree.

use super::axis::ValueAxis;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn contains(&self, px: f64, py: f64) -> bool {
        px >= self.x && px <= self.x + self.w && py >= self.y && py <= self.y + self.h
    }
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
}

/// The smallest "nice" number (1, 2, 2.5 or 5 × 10ⁿ) at or above `v`, for axis ends.
pub fn nice_ceil(v: f64) -> f64 {
    if !(v.is_finite() && v > 0.0) {
        return 1.0;
    }
    let mag = 10f64.powf(v.log10().floor());
    for step in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if step * mag >= v * (1.0 - 1e-12) {
            return step * mag;
        }
    }
    10.0 * mag
}

/// A horizontal bar chart: one row per item, labels on the left.
#[derive(Clone, Debug, PartialEq)]
pub struct HBars {
    /// Where the bars are drawn (right of the labels).
    pub plot: Rect,
    /// One band per row: the full row, labels included, for generous hit areas.
    pub rows: Vec<Rect>,
    /// The bars themselves (width 0 for undefined values, and at the axis's start).
    pub bars: Vec<Rect>,
    /// The value axis: its start at the plot's left edge, its end at the right.
    pub axis: ValueAxis,
}

impl HBars {
    /// Lays out `values` (None = undefined) on `axis` in a `width`×`height` box, with
    /// `label_w` pixels for names on the left, `value_w` on the right for the value
    /// text, [`HBars::TOP`] above for a target's label and [`HBars::BOTTOM`] below for
    /// the ticks.
    pub fn layout(
        width: f64,
        height: f64,
        values: &[Option<f64>],
        label_w: f64,
        value_w: f64,
        axis: ValueAxis,
    ) -> HBars {
        let (top, bottom) = (Self::TOP, Self::BOTTOM);
        let plot =
            Rect { x: label_w, y: top, w: (width - label_w - value_w).max(10.0), h: (height - top - bottom).max(10.0) };
        let n = values.len().max(1) as f64;
        let band = plot.h / n;
        let bar_h = (band * 0.68).min(28.0);
        let mut rows = Vec::with_capacity(values.len());
        let mut bars = Vec::with_capacity(values.len());
        for (i, v) in values.iter().enumerate() {
            let y = plot.y + band * i as f64;
            rows.push(Rect { x: 0.0, y, w: width, h: band });
            let frac = v.map(|v| axis.frac(v)).unwrap_or(0.0);
            bars.push(Rect { x: plot.x, y: y + (band - bar_h) / 2.0, w: plot.w * frac, h: bar_h });
        }
        HBars { plot, rows, bars, axis }
    }

    /// Room above the bars (a target's label) and below them (the ticks), in CSS px.
    pub const TOP: f64 = 18.0;
    pub const BOTTOM: f64 = 24.0;

    /// The row under the pointer, if any.
    pub fn hit(&self, px: f64, py: f64) -> Option<usize> {
        self.rows.iter().position(|r| r.contains(px, py))
    }

    /// The x of a value (for target lines and ticks).
    pub fn x_of(&self, v: f64) -> f64 {
        self.plot.x + self.plot.w * self.axis.frac(v)
    }
}

/// A time axis: `n` points evenly across `plot`.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeAxis {
    pub plot: Rect,
    pub n: usize,
}

impl TimeAxis {
    pub fn x_of(&self, i: usize) -> f64 {
        if self.n <= 1 {
            self.plot.x + self.plot.w / 2.0
        } else {
            self.plot.x + self.plot.w * i as f64 / (self.n - 1) as f64
        }
    }
    /// The point nearest the pointer, when it is over the plot.
    pub fn nearest(&self, px: f64, py: f64) -> Option<usize> {
        let slack = 12.0;
        if self.n == 0
            || px < self.plot.x - slack
            || px > self.plot.right() + slack
            || py < self.plot.y
            || py > self.plot.bottom()
        {
            return None;
        }
        if self.n == 1 {
            return Some(0);
        }
        let f = ((px - self.plot.x) / self.plot.w * (self.n - 1) as f64).round();
        Some(f.clamp(0.0, (self.n - 1) as f64) as usize)
    }
    /// The y of `v` on a value axis from `lo` (bottom) to `hi` (top).
    pub fn y_of(&self, v: f64, lo: f64, hi: f64) -> f64 {
        let span = if hi > lo { hi - lo } else { 1.0 };
        self.plot.bottom() - self.plot.h * ((v - lo) / span).clamp(0.0, 1.0)
    }
}

/// Where a tooltip of `size` (w, h) goes beside a pointer at `at`, inside a window of
/// `bounds` (w, h), all in one unit: `gap` right of and below the pointer, flipped to the
/// left or above where it would cross the window's edge, and kept `gap / 3` inside it
/// when it fits neither way (a phone). Returns its top-left corner.
pub fn tip_position(at: (f64, f64), size: (f64, f64), bounds: (f64, f64), gap: f64) -> (f64, f64) {
    let margin = gap / 3.0;
    let place = |p: f64, len: f64, limit: f64| {
        if p + gap + len <= limit - margin {
            p + gap
        } else if p - gap - len >= margin {
            p - gap - len
        } else {
            (limit - margin - len).min(p + gap).max(margin)
        }
    };
    (place(at.0, size.0, bounds.0), place(at.1, size.1, bounds.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_numbers() {
        assert_eq!(nice_ceil(0.0), 1.0);
        assert_eq!(nice_ceil(7.0), 10.0);
        assert_eq!(nice_ceil(2.0), 2.0);
        assert_eq!(nice_ceil(21.0), 25.0);
        assert_eq!(nice_ceil(293_000.0), 500_000.0);
        assert_eq!(nice_ceil(0.958), 1.0);
        assert_eq!(nice_ceil(f64::NAN), 1.0);
    }

    #[test]
    fn bars_are_proportional_and_hit_by_row() {
        let axis = ValueAxis { lo: 0.0, hi: 100.0, step: 25.0 };
        let l = HBars::layout(400.0, 242.0, &[Some(50.0), Some(100.0), None, Some(25.0)], 100.0, 60.0, axis);
        assert_eq!(l.plot, Rect { x: 100.0, y: 18.0, w: 240.0, h: 200.0 });
        assert_eq!(l.bars[1].w, 240.0);
        assert_eq!(l.bars[0].w, 120.0);
        assert_eq!(l.bars[2].w, 0.0);
        // Each row is 50 px tall; the middle of row 2 is at y = 18 + 125.
        assert_eq!(l.hit(150.0, 143.0), Some(2));
        assert_eq!(l.hit(10.0, 19.0), Some(0), "the label counts as the row");
        assert_eq!(l.hit(150.0, 230.0), None, "below the last row");
        assert_eq!(l.hit(150.0, 12.0), None, "above the first row");
        // The bar's centre is inside its row and its bar.
        let b = l.bars[3];
        assert_eq!(l.hit(b.x + b.w / 2.0, b.y + b.h / 2.0), Some(3));
        assert_eq!(l.x_of(50.0), 220.0);
        // On an axis from 90 %, 95 % is half way.
        let rates = HBars::layout(400.0, 242.0, &[Some(0.95)], 100.0, 60.0, ValueAxis { lo: 0.9, hi: 1.0, step: 0.02 });
        assert!((rates.bars[0].w - 120.0).abs() < 1e-9);
    }

    #[test]
    fn empty_and_zero_charts_do_not_divide_by_zero() {
        let axis = ValueAxis::fit([0.0], super::super::axis::Scale::Amount, None);
        let l = HBars::layout(300.0, 100.0, &[], 80.0, 40.0, axis);
        assert!(l.bars.is_empty());
        assert_eq!(l.hit(100.0, 50.0), None);
        let l = HBars::layout(300.0, 100.0, &[Some(0.0), Some(0.0)], 80.0, 40.0, axis);
        assert!(l.bars.iter().all(|b| b.w == 0.0 && b.w.is_finite()));
    }

    #[test]
    fn tooltips_stay_in_the_window() {
        // Room on the right and below: beside the pointer.
        assert_eq!(tip_position((100.0, 100.0), (200.0, 30.0), (1280.0, 800.0), 12.0), (112.0, 112.0));
        // Near the right and bottom edges: flipped to the other side of the pointer.
        assert_eq!(tip_position((1200.0, 790.0), (200.0, 30.0), (1280.0, 800.0), 12.0), (988.0, 748.0));
        // A phone narrower than pointer ± tooltip: inside, with the margin.
        let (x, _) = tip_position((200.0, 100.0), (336.0, 30.0), (390.0, 844.0), 12.0);
        assert_eq!(x, 390.0 - 4.0 - 336.0);
        let (x, _) = tip_position((380.0, 100.0), (336.0, 30.0), (390.0, 844.0), 12.0);
        assert!(x >= 4.0 && x + 336.0 <= 386.0);
    }

    #[test]
    fn time_axis_nearest_point() {
        let a = TimeAxis { plot: Rect { x: 50.0, y: 10.0, w: 230.0, h: 100.0 }, n: 24 };
        assert_eq!(a.x_of(0), 50.0);
        assert_eq!(a.x_of(23), 280.0);
        assert_eq!(a.nearest(50.0, 50.0), Some(0));
        assert_eq!(a.nearest(279.0, 50.0), Some(23));
        assert_eq!(a.nearest(a.x_of(7) + 4.0, 50.0), Some(7));
        assert_eq!(a.nearest(400.0, 50.0), None);
        assert_eq!(a.nearest(100.0, 200.0), None);
        assert_eq!(a.y_of(0.5, 0.0, 1.0), 60.0);
        let one = TimeAxis { plot: a.plot, n: 1 };
        assert_eq!(one.nearest(60.0, 50.0), Some(0));
        assert_eq!(one.x_of(0), 165.0);
    }
}
