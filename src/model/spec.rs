//! What a chart shows, as plain data: drawn on canvas and repeated as a table.

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
    /// The value axis: bottom and top.
    pub range: (f64, f64),
    /// Axis tick labels at the bottom and the top of the range.
    pub range_text: (String, String),
    pub right_axis: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ChartSpec {
    Bars {
        bars: Vec<Bar>,
        target: Option<(f64, String)>,
        max: Option<f64>,
        value_header: String,
    },
    Trend {
        periods: Vec<String>,
        lines: Vec<Line>,
    },
    /// Nothing to draw, and why (said on the canvas and in the table).
    Empty(String),
}

impl ChartSpec {
    /// The tooltip for item `i` (a bar, or a period of the trend with every line's value).
    pub fn tip(&self, i: usize) -> Option<String> {
        match self {
            ChartSpec::Bars { bars, .. } => bars.get(i).map(|b| format!("{}：{}", b.label, b.text)),
            ChartSpec::Trend { periods, lines } => periods.get(i).map(|p| {
                let parts: Vec<String> = lines
                    .iter()
                    .map(|l| format!("{} {}", l.name, l.texts.get(i).cloned().unwrap_or_default()))
                    .collect();
                format!("{p}  {}", parts.join(" · "))
            }),
            ChartSpec::Empty(_) => None,
        }
    }

    /// Where a click on item `i` goes, if anywhere.
    pub fn href(&self, i: usize) -> Option<&str> {
        match self {
            ChartSpec::Bars { bars, .. } => bars.get(i).and_then(|b| b.href.as_deref()),
            _ => None,
        }
    }

    /// Whether any item is a link.
    pub fn clickable(&self) -> bool {
        matches!(self, ChartSpec::Bars { bars, .. } if bars.iter().any(|b| b.href.is_some()))
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
            ChartSpec::Empty(why) => (vec![first_header.to_string()], vec![vec![why.clone()]]),
        }
    }
}
