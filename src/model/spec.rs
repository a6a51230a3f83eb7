//! What a chart shows, as plain data: drawn on canvas and repeated as a table.

use crate::i18n::{colon, tr};
use anju_data::disclosure::MARK;
use anju_data::format::{self, Lang};
use anju_data::view::axis::{Scale, ValueAxis};
use anju_data::view::measure::Measure;

/// A value axis as drawn: its range (by [`ValueAxis::fit`], the one rule), its ticks as
/// they read, and, where it does not start at zero, a note saying where it does.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub scale: ValueAxis,
    pub ticks: Vec<(f64, String)>,
    pub note: Option<String>,
}

impl Axis {
    /// The axis of `measure` for `values` (a target among them): counts from zero,
    /// rates, shares and incomes from a round baseline (rates within 100 %).
    pub fn of(measure: Measure, values: impl IntoIterator<Item = f64>, lang: Lang) -> Axis {
        let (scale, cap) = match measure {
            Measure::Count(_) => (Scale::Amount, None),
            Measure::EmploymentRate | Measure::Share(_) => (Scale::Level, Some(1.0)),
            Measure::IncomePerCapita => (Scale::Level, None),
        };
        let axis = ValueAxis::fit(values, scale, cap);
        let text = |v: f64| match measure {
            Measure::EmploymentRate | Measure::Share(_) => percent_tick(v, axis.step),
            Measure::IncomePerCapita => format::group_digits(v.round() as u64),
            Measure::Count(_) => format::count(v.round() as u64, lang),
        };
        Axis {
            ticks: axis.ticks().into_iter().map(|v| (v, text(v))).collect(),
            note: (!axis.from_zero_start()).then(|| match lang {
                Lang::Zh => format!("坐标自{}起", text(axis.lo)),
                Lang::En => format!("axis from {}", text(axis.lo)),
            }),
            scale: axis,
        }
    }
}

/// A rate tick as a percent with as many decimals as the step needs ("90%", "92.5%").
pub fn percent_tick(v: f64, step: f64) -> String {
    let pct_step = step * 100.0;
    let decimals = if (pct_step - pct_step.round()).abs() < 1e-9 {
        0
    } else if (pct_step * 10.0 - (pct_step * 10.0).round()).abs() < 1e-9 {
        1
    } else {
        2
    };
    format!("{:.*}%", decimals, v * 100.0)
}

/// One bar of a bar chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: Option<f64>,
    /// Hidden on a public display: drawn as a fixed-size hatched mark, never to scale.
    pub hidden: bool,
    /// The value as people read it ("94.7%", "2.3万").
    pub text: String,
    pub color: &'static str,
    /// Where a click on this bar goes.
    pub href: Option<String>,
}

/// One line of a trend chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub name: String,
    pub color: &'static str,
    pub values: Vec<Option<f64>>,
    pub texts: Vec<String>,
    /// The line's value axis (left or right).
    pub axis: Axis,
    pub right_axis: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ChartSpec {
    Bars {
        bars: Vec<Bar>,
        target: Option<(f64, String)>,
        axis: Axis,
        value_header: String,
    },
    Trend {
        periods: Vec<String>,
        lines: Vec<Line>,
    },
    /// A place's children on a map (boxed: it holds their rings).
    Map(Box<crate::model::map::MapSpec>),
    /// Nothing to draw, and why (said on the canvas and in the table).
    Empty(String),
}

impl ChartSpec {
    /// The tooltip for item `i` (a bar, or a period of the trend with every line's value),
    /// in `lang`'s punctuation; a hidden value says it is hidden, not only `*`.
    pub fn tip(&self, i: usize, lang: Lang) -> Option<String> {
        let colon = colon(lang);
        let value = |t: &str| if t == MARK { tr(lang, "已隐藏 *", "hidden *").to_string() } else { t.to_string() };
        match self {
            ChartSpec::Bars { bars, .. } => bars.get(i).map(|b| format!("{}{colon}{}", b.label, value(&b.text))),
            ChartSpec::Trend { periods, lines } => periods.get(i).map(|p| {
                let parts: Vec<String> = lines
                    .iter()
                    .map(|l| format!("{} {}", l.name, l.texts.get(i).map(|t| value(t)).unwrap_or_default()))
                    .collect();
                format!("{p}  {}", parts.join(" · "))
            }),
            ChartSpec::Map(m) => m.places.get(i).map(|p| format!("{}{colon}{}", p.label, value(&p.text))),
            ChartSpec::Empty(_) => None,
        }
    }

    /// Where a click on item `i` goes, if anywhere.
    pub fn href(&self, i: usize) -> Option<&str> {
        match self {
            ChartSpec::Bars { bars, .. } => bars.get(i).and_then(|b| b.href.as_deref()),
            ChartSpec::Map(m) => m.places.get(i).map(|p| p.href.as_str()),
            _ => None,
        }
    }

    /// Whether any item is a link.
    pub fn clickable(&self) -> bool {
        match self {
            ChartSpec::Bars { bars, .. } => bars.iter().any(|b| b.href.is_some()),
            ChartSpec::Map(m) => !m.places.is_empty(),
            _ => false,
        }
    }

    /// Rows for the text alternative: a header, then one row per item.
    pub fn table(&self, first_header: &str) -> (Vec<String>, Vec<Vec<String>>) {
        match self {
            ChartSpec::Bars { bars, value_header, .. } => (
                vec![first_header.to_string(), value_header.clone()],
                bars.iter().map(|b| vec![b.label.clone(), b.text.clone()]).collect(),
            ),
            ChartSpec::Trend { periods, lines } => {
                let mut head = vec![first_header.to_string()];
                head.extend(lines.iter().map(|l| l.name.clone()));
                let rows = periods
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        let mut r = vec![p.clone()];
                        r.extend(lines.iter().map(|l| l.texts.get(i).cloned().unwrap_or_default()));
                        r
                    })
                    .collect();
                (head, rows)
            }
            ChartSpec::Map(m) => (vec![first_header.to_string(), m.value_header.clone()], m.rows()),
            ChartSpec::Empty(why) => (vec![first_header.to_string()], vec![vec![why.clone()]]),
        }
    }

    /// For the map, each table row's node id and point inside it in a `w`×`h` box (CSS px
    /// from the canvas's top-left corner): the hooks tests click by.
    pub fn marks(&self, w: f64, h: f64) -> Vec<Option<(String, f64, f64)>> {
        match self {
            ChartSpec::Map(m) => m.marks(w, h),
            _ => Vec::new(),
        }
    }
}
