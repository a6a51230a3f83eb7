//! A published figure as the page shows it: in its source's words (约29.3万, 2万余,
//! 92.09 %), marked 公布 with the date the source gives when that is not the period on
//! screen ("2022年3月公布"), and a hover naming the source, its date and the words. The
//! stored count still feeds every sum and the `data-value` hooks.

use crate::format::Lang;
use crate::model::{Claim, Meta, Node};
use crate::published::{FigureDate, Reading};

/// The claim that `field` of `n`, at dataset period `period`, is as published.
pub fn claim_for<'a>(n: &'a Node, field: &str, period: &str) -> Option<&'a Claim> {
    n.published.iter().find(|c| c.period == period && c.fields.iter().any(|f| f == field))
}

/// The figure in its source's words where they differ from the usual forms ("约29.3万",
/// "2万余", "92.09%"); `None` where the figure is not published or is exact.
pub fn written_form(n: &Node, field: &str, period: &str, lang: Lang) -> Option<String> {
    let words = claim_for(n, field, period)?.written.get(field)?;
    Reading::parse(words)?.shown(words, lang)
}

/// The mark beside a published figure: "公布" when the source dates it the period on
/// screen, "2022年3月公布" when it dates it otherwise, "公布（未注明日期）" when it does not
/// say.
pub fn mark(c: &Claim, lang: Lang) -> String {
    match (FigureDate::parse(&c.date), lang) {
        (Some(d), Lang::Zh) if d.is_period(&c.period) => "公布".into(),
        (Some(d), Lang::En) if d.is_period(&c.period) => "published".into(),
        (Some(FigureDate::Unstated) | None, Lang::Zh) => "公布（未注明日期）".into(),
        (Some(FigureDate::Unstated) | None, Lang::En) => "published (date not stated)".into(),
        (Some(d), Lang::Zh) => format!("{}公布", d.label(lang)),
        (Some(d), Lang::En) => format!("published {}", d.label(lang)),
    }
}

/// The hover: the source (title, publisher, its date), the date the figure refers to,
/// the source's words for `field` when given, and the claim's note.
pub fn hover(meta: &Meta, c: &Claim, field: Option<&str>, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut parts = Vec::new();
    match meta.sources.get(&c.source) {
        Some(s) => {
            parts.push(format!("{}{}", if zh { "来源：" } else { "Source: " }, s.title));
            parts.extend([&s.publisher, &s.date, &s.note].into_iter().filter(|x| !x.is_empty()).cloned());
        }
        None => parts.push(c.source.clone()),
    }
    let date = FigureDate::parse(&c.date).unwrap_or(FigureDate::Unstated).label(lang);
    parts.push(format!("{}{date}", if zh { "数字所指日期：" } else { "Figures dated: " }));
    if let Some(words) = field.and_then(|f| c.written.get(f)) {
        parts.push(format!("{}“{words}”", if zh { "原文：" } else { "As written: " }));
    }
    if !c.note.is_empty() {
        parts.push(c.note.clone());
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Level, Source};
    use std::collections::BTreeMap;

    fn claim(date: &str) -> Claim {
        Claim {
            source: "s".into(),
            fields: vec!["people".into(), "employment_rate".into(), "labour".into()],
            period: "2025-06".into(),
            date: date.into(),
            written: crate::published::Words(vec![
                ("people".to_string(), "29.3万".to_string()),
                ("employment_rate".to_string(), "92.09%".to_string()),
                ("labour".to_string(), "29586".to_string()),
            ]),
            note: "注".into(),
        }
    }

    #[test]
    fn figures_read_as_written() {
        let mut n = Node::new("1", "甲", Level::City);
        n.published.push(claim("2022-03"));
        assert_eq!(written_form(&n, "people", "2025-06", Lang::Zh).as_deref(), Some("约29.3万"));
        assert_eq!(written_form(&n, "people", "2025-06", Lang::En).as_deref(), Some("about 293,000"));
        assert_eq!(written_form(&n, "employment_rate", "2025-06", Lang::Zh).as_deref(), Some("92.09%"));
        assert_eq!(written_form(&n, "labour", "2025-06", Lang::Zh), None, "exact: the usual form");
        assert_eq!(written_form(&n, "people", "2025-05", Lang::Zh), None, "another period");
        assert_eq!(written_form(&n, "households", "2025-06", Lang::Zh), None);
    }

    #[test]
    fn marks_and_hovers_say_when() {
        assert_eq!(mark(&claim("2025-06"), Lang::Zh), "公布");
        assert_eq!(mark(&claim("2022-03"), Lang::Zh), "2022年3月公布");
        assert_eq!(mark(&claim("2022-03"), Lang::En), "published Mar 2022");
        assert_eq!(mark(&claim("2021"), Lang::Zh), "2021年公布");
        assert_eq!(mark(&claim(""), Lang::Zh), "公布（未注明日期）");
        let meta = Meta {
            title: Default::default(),
            as_of: "2025-06-30".into(),
            provenance: Default::default(),
            sources: BTreeMap::from([(
                "s".to_string(),
                Source {
                    title: "报道".into(),
                    publisher: "人民网".into(),
                    date: "2023-11-08".into(),
                    note: String::new(),
                },
            )]),
            basis: Default::default(),
        };
        assert_eq!(
            hover(&meta, &claim("2023-11"), Some("people"), Lang::Zh),
            "来源：报道 · 人民网 · 2023-11-08 · 数字所指日期：2023年11月 · 原文：“29.3万” · 注"
        );
        assert!(hover(&meta, &claim(""), None, Lang::En).contains("Figures dated: date not stated"));
    }
}
