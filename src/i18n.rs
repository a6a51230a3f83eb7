//! Every user-visible string exists in Simplified Chinese (default) and English. Strings
//! sit where they are used, as `tr(lang, "中文", "English")`, so neither can be forgotten.

use anju_data::format::Lang;
use anju_data::model::Text;
use anju_data::{Level, Node};

pub fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// `inner` in brackets after a value, as each language writes it: "12（3.4%）", "12 (3.4%)".
pub fn paren(lang: Lang, inner: &str) -> String {
    match lang {
        Lang::Zh => format!("（{inner}）"),
        Lang::En => format!(" ({inner})"),
    }
}

/// The colon between a name and what is said of it: "万山区：…", "Wanshan: …".
pub fn colon(lang: Lang) -> &'static str {
    tr(lang, "：", ": ")
}

pub fn level(l: Level, lang: Lang) -> &'static str {
    tr(lang, l.zh(), l.en())
}

/// The node's name in the interface language (English falls back to Chinese).
pub fn name(n: &Node, lang: Lang) -> String {
    match (lang, &n.name_en) {
        (Lang::En, Some(en)) if !en.trim().is_empty() => en.clone(),
        _ => n.name.clone(),
    }
}

/// A text of the data (a title, a note) in the interface language, falling back to
/// Chinese where English is missing.
pub fn text(t: &Text, lang: Lang) -> &str {
    if lang == Lang::En && !t.en.is_empty() {
        &t.en
    } else {
        &t.zh
    }
}

/// The other interface language, as the link that switches to it says it.
pub fn other_lang(lang: Lang) -> (Lang, &'static str) {
    match lang {
        Lang::Zh => (Lang::En, "English"),
        Lang::En => (Lang::Zh, "中文"),
    }
}

pub fn lang_tag(lang: Lang) -> &'static str {
    tr(lang, "zh-CN", "en")
}
