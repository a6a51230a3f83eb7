//! Small text helpers for untrusted text: names and titles come from data files that may
//! be hostile or simply broken, and end up in the page, on canvases and in exported files.

use serde::{Deserialize, Deserializer};
use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;

/// `s` in lines of at most `max_em` ems ([`em_width`]), for text drawn where it cannot
/// wrap by itself (a canvas, an SVG). A line breaks after the last list mark (`›`, `、`,
/// `，`, `；`: a place's path or a list keeps its items whole) that fits in the line's
/// second half, else after the last space that fits, else between grapheme clusters; never
/// empty, and a single cluster wider than the room gets a line of its own.
pub fn wrap(s: &str, max_em: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut rest = s.trim();
    while !rest.is_empty() {
        if em_width(rest) <= max_em {
            lines.push(rest.to_string());
            break;
        }
        let (mut used, mut end, mut mark, mut space) = (0.0, 0, None, None);
        for (i, g) in rest.grapheme_indices(true) {
            used += em_width(g);
            if used > max_em && end > 0 {
                break;
            }
            end = i + g.len();
            if matches!(g, "›" | "、" | "，" | "；") && used >= max_em / 2.0 {
                mark = Some(end);
            } else if g == " " {
                space = Some(end);
            }
        }
        let cut = mark.or(space).unwrap_or(end);
        lines.push(rest[..cut].trim_end().to_string());
        rest = rest[cut..].trim_start();
    }
    lines
}

/// At most `max` characters of `s`, with "…" when cut. The cut falls between grapheme
/// clusters (`unicode-segmentation`), never inside a flag, an emoji's ZWJ sequence or a
/// letter with its marks. Used wherever untrusted text (names, ids, a URL's values) is
/// shown or echoed, so reordering and invisible characters are dropped (a right-to-left
/// override would scramble the message around the echo) and each control character is
/// shown as U+FFFD (the echo shows that something unprintable was there).
pub fn clip(s: &str, max: usize) -> String {
    let s = &*shown(s);
    if s.char_indices().nth(max).is_none() {
        return s.to_string();
    }
    let mut chars = 0;
    let mut end = 0;
    for (i, g) in s.grapheme_indices(true) {
        chars += g.chars().count();
        if chars > max {
            break;
        }
        end = i + g.len();
    }
    format!("{}…", &s[..end])
}

/// How wide `s` is drawn, in ems of the chart font: a CJK (or other wide) character one
/// em, ASCII about 0.56. An estimate for laying out canvas text, which cannot be measured
/// before it is drawn on every backend (the SVG export has no text metrics).
pub fn em_width(s: &str) -> f64 {
    s.chars().map(|c| if c.is_ascii() { 0.56 } else { 1.0 }).sum()
}

/// `s` as it fits in `max_em` ems ([`em_width`]): whole, or cut between grapheme clusters
/// with "…" so that the text and its ellipsis together fit, so a label drawn right-aligned
/// in that room starts with its first character and ends with the ellipsis.
pub fn fit(s: &str, max_em: f64) -> String {
    if em_width(s) <= max_em {
        return s.to_string();
    }
    let room = max_em - em_width("…");
    let (mut used, mut end) = (0.0, 0);
    for (i, g) in s.grapheme_indices(true) {
        used += em_width(g);
        if used > room {
            break;
        }
        end = i + g.len();
    }
    format!("{}…", &s[..end])
}

/// Default_Ignorable_Code_Point (Unicode's DerivedCoreProperties.txt): characters that
/// render as nothing on their own (joiners, fillers, variation selectors, tags).
fn ignorable(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}'..='\u{1160}' | '\u{17B4}'..='\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
        | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}'
        | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// Whether `c` only ever attaches to the character before it (a combining mark, a
/// spacing mark, a joiner): after a letter it joins that letter's grapheme cluster. Read
/// from the segmentation tables already needed for clipping, rather than another table.
fn attaches(c: char) -> bool {
    let mut pair = [0u8; 8];
    pair[0] = b'a';
    let n = 1 + c.encode_utf8(&mut pair[1..]).len();
    std::str::from_utf8(&pair[..n]).is_ok_and(|s| s.graphemes(true).count() == 1)
}

/// Whether `s` shows nothing: only white space, control and default-ignorable characters
/// (U+2060, U+3164, tags…) and marks with nothing to sit on. Such a name is
/// empty to a reader, and a blank clickable row to the page.
pub fn shows_nothing(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || c.is_control() || ignorable(c) || attaches(c))
}

/// Characters that reorder or hide the text around them: bidirectional embeddings,
/// overrides and isolates (a right-to-left override in a name would flip the rest of a
/// line, a trick to disguise text), the byte-order mark and zero-width spaces.
fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}')
}

/// `s` without reordering and invisible characters, each control character as U+FFFD.
fn shown(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| invisible(c) || c.is_control()) {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars().filter(|&c| !invisible(c)).map(|c| if c.is_control() { '\u{FFFD}' } else { c }).collect()
}

/// The form in which a name or title is shown anywhere: control characters become spaces
/// (runs collapsed, ends trimmed), reordering and invisible characters are dropped, and
/// the result is clipped to `max` characters. Markup is left as it is: it is only ever
/// shown as text (the DOM's text nodes, canvas text, CSV cells, escaped SVG).
pub fn clean(s: &str, max: usize) -> String {
    let mut out = String::with_capacity(s.len().min(max * 4 + 4));
    let mut space = false;
    for c in s.chars() {
        if invisible(c) {
            continue;
        }
        if c.is_control() || c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    clip(&out, max)
}

/// Longest node id, in bytes of UTF-8: the validator refuses longer ids, and the URL
/// parser accepts ids up to it, so every valid node can be opened by a link.
pub const ID_MAX: usize = 200;

/// Longest name kept: a place name is rarely over 30 characters; anything longer is
/// clipped so that one bad row cannot swamp a table, a chart or an export.
pub const NAME_MAX: usize = 120;
/// Longest title or source text kept.
pub const TEXT_MAX: usize = 300;
/// Longest provenance kept: a paragraph (the demo's English one is about 1,100
/// characters; clipped at `TEXT_MAX` it lost its last two thirds on screen).
pub const PROSE_MAX: usize = 2_000;

/// serde: a name, cleaned as it is read.
pub fn de_name<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = Cow::<str>::deserialize(d)?;
    Ok(clean(&s, NAME_MAX))
}

/// serde: an optional name, cleaned as it is read.
pub fn de_opt_name<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<Cow<str>>::deserialize(d)?.map(|s| clean(&s, NAME_MAX)))
}

/// serde: a title or other free text, cleaned as it is read.
pub fn de_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = Cow::<str>::deserialize(d)?;
    Ok(clean(&s, TEXT_MAX))
}

/// serde: a paragraph (a dataset's provenance), cleaned as it is read.
pub fn de_prose<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = Cow::<str>::deserialize(d)?;
    Ok(clean(&s, PROSE_MAX))
}

/// A CSV text cell that a spreadsheet will not run: text starting with `=`, `+`, `-`,
/// `@` (or a tab or carriage return) is a formula to Excel, so it gets a leading
/// apostrophe. Numbers are never text cells (an export writes them as numbers), so a
/// text that looks like "-5" is guarded too: it came from the data, not from a count.
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    if matches!(s.chars().next(), Some('=' | '@' | '+' | '-' | '\t' | '\r')) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// A file name made from untrusted text: no path separators, reserved or control
/// characters, at most 60 characters.
pub fn file_stem(s: &str) -> String {
    let s: String = clean(s, 60)
        .chars()
        .map(|c| if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') { '_' } else { c })
        .collect();
    let s = s.trim_matches(['.', ' ']);
    if s.is_empty() {
        "anju".into()
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn wrap_breaks_at_spaces_and_list_marks_and_keeps_every_character() {
        use super::{em_width, wrap};
        let place = "Place: Guizhou Province › Tongren City › Wanshan District › Wanshan Site No. 1";
        let lines = wrap(place, 30.0);
        assert!(lines.len() > 1 && lines.iter().all(|l| em_width(l) <= 30.0 && !l.is_empty()), "{lines:?}");
        // After a path's mark, so that each place's name stays whole.
        assert_eq!(lines[0], "Place: Guizhou Province › Tongren City ›", "{lines:?}");
        assert_eq!(
            lines.join(" ").split_whitespace().collect::<Vec<_>>(),
            place.split_whitespace().collect::<Vec<_>>()
        );
        // Chinese without spaces: after a list mark that fits, else anywhere.
        let zh = "筛选：残疾人、留守儿童、空巢老人、低保对象、七十五岁以上老人";
        let lines = wrap(zh, 8.0);
        assert!(lines.iter().all(|l| em_width(l) <= 8.0), "{lines:?}");
        assert_eq!(lines.concat(), zh);
        assert_eq!(wrap("短", 8.0), vec!["短"]);
        assert_eq!(wrap("", 8.0), Vec::<String>::new());
        // A cluster wider than the room stands alone, never dropped nor looping.
        assert_eq!(wrap("ab", 0.1), vec!["a", "b"]);
    }

    use super::*;

    /// The shared case ui/long-names: a long name keeps its first character and ends with
    /// the ellipsis, and with it fits the room.
    #[test]
    fn a_long_name_fits_its_room_from_its_first_character() {
        let name = "万山区丹都街道易地扶贫搬迁集中安置区第一期幸福家园";
        let f = fit(name, 10.0);
        assert!(f.starts_with("万山区") && f.ends_with('…'), "{f}");
        assert!(em_width(&f) <= 10.0, "{f}: {}", em_width(&f));
        assert_eq!(f.chars().count(), 10);
        assert_eq!(fit("短名", 10.0), "短名");
        assert_eq!(fit("Building 12", 10.0), "Building 12");
        let flag = "🇨🇳🇨🇳🇨🇳🇨🇳🇨🇳🇨🇳🇨🇳🇨🇳";
        assert!(fit(flag, 5.0).trim_end_matches('…').chars().count() % 2 == 0, "a flag is never split");
    }
    use proptest::prelude::*;

    #[test]
    fn clips_on_char_boundaries() {
        assert_eq!(clip("平远新城", 2), "平远…");
        assert_eq!(clip("abc", 3), "abc");
        assert_eq!(clip("", 0), "");
        // The family emoji is man ZWJ woman ZWJ girl, one cluster: kept whole or left out.
        assert_eq!(clip("👨\u{200D}👩\u{200D}👧", 2), "…");
        assert_eq!(clip("家👨\u{200D}👩\u{200D}👧", 3), "家…");
        // A flag is two regional indicators; a letter and its mark go together.
        assert_eq!(clip("🇨🇳🇨🇳", 3), "🇨🇳…");
        assert_eq!(clip("ae\u{0301}b", 2), "a…");
        assert_eq!(clip("ae\u{0301}b", 3), "ae\u{0301}…");
        // Echoed as typed, but nothing reorders or hides the message around it.
        assert_eq!(clip("\u{202E}未找到", 60), "未找到");
        assert_eq!(clip("5206\u{0}x\u{2066}", 60), "5206\u{FFFD}x");
        assert_eq!(clip("\u{202E}\u{202E}\u{202E}平远新城", 2), "平远…");
    }

    #[test]
    fn names_of_invisible_characters_or_lone_marks_show_nothing() {
        for s in [
            "",
            "  ",
            "\u{2060}",
            "\u{3164}\u{3164}",
            "\u{E0041}\u{E0042}",
            "\u{0301}\u{0308}",
            "\u{200D}\u{FE0F}",
            "\u{115F}\u{1160}\u{FFA0}",
        ] {
            assert!(shows_nothing(s), "{s:?}");
        }
        for s in ["安", "a\u{0301}", "🏠", "\u{2060}x", "1"] {
            assert!(!shows_nothing(s), "{s:?}");
        }
    }

    #[test]
    fn clean_drops_controls_and_reordering() {
        assert_eq!(clean("万山\u{202E}区", 120), "万山区");
        assert_eq!(clean("a\u{0}b\nc\t\td\u{7}", 120), "a b c d");
        assert_eq!(clean("  \u{2066}x\u{2069} ", 120), "x");
        assert_eq!(clean("<script>alert(1)</script>", 120), "<script>alert(1)</script>");
        assert_eq!(clean("🏠安置点", 120), "🏠安置点");
        let long = "长".repeat(10_000);
        assert_eq!(clean(&long, NAME_MAX).chars().count(), NAME_MAX + 1);
    }

    #[test]
    fn csv_cells_never_start_a_formula() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("-cmd|' /C calc'!A0"), "'-cmd|' /C calc'!A0");
        assert_eq!(csv_cell("+"), "'+");
        assert_eq!(csv_cell("-1.2%"), "'-1.2%");
        assert_eq!(csv_cell("29.3万"), "29.3万");
        assert_eq!(csv_cell("万山区"), "万山区");
    }

    #[test]
    fn file_stems_are_safe() {
        assert_eq!(file_stem("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(file_stem("a<b>:c"), "a_b__c");
        assert_eq!(file_stem("\u{202E}"), "anju");
        assert!(file_stem(&"x".repeat(500)).chars().count() <= 61);
    }

    #[test]
    fn every_shown_text_of_a_data_file_is_cleaned_when_read() {
        let src: crate::model::Source =
            serde_json::from_str(r#"{"title":"a\u202eb","publisher":"c\u0007d","date":"2025\n07","note":"e\u2066f"}"#)
                .unwrap();
        assert_eq!(
            (src.title.as_str(), src.publisher.as_str(), src.date.as_str(), src.note.as_str()),
            ("ab", "c d", "2025 07", "ef")
        );
        let claim: crate::model::Claim =
            serde_json::from_str(r#"{"source":"s","fields":["people"],"period":"2025-06","note":"1900多\u202e"}"#)
                .unwrap();
        assert_eq!(claim.note, "1900多");
    }

    /// Bidi_Control, as Unicode's PropList.txt lists it: written out here, apart from the
    /// implementation's own list, as the oracle for "reordering characters are dropped".
    const BIDI_CONTROL: [char; 12] = [
        '\u{061C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}',
        '\u{2067}', '\u{2068}', '\u{2069}',
    ];

    proptest! {
        #[test]
        fn cleaned_text_has_no_controls_and_is_bounded(
            s in prop_oneof![any::<String>(), "[a-z 安居\u{061C}\u{200E}\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069}\t\n]{0,60}"],
            max in 1usize..200,
        ) {
            let c = clean(&s, max);
            prop_assert!(c.chars().count() <= max + 1);
            prop_assert!(!c.chars().any(|ch| ch.is_control() || BIDI_CONTROL.contains(&ch)), "{:?}", c);
            prop_assert!(!c.starts_with(' ') && !c.ends_with(' ') && !c.contains("  "));
            // Nothing else is lost: the visible letters of a short input stay in order.
            let kept: String = s.chars().filter(|ch| ch.is_alphanumeric()).collect();
            if s.chars().count() <= max {
                prop_assert_eq!(c.chars().filter(|ch| ch.is_alphanumeric()).collect::<String>(), kept);
            }
            prop_assert_eq!(clean(&c, max + 1), c.clone());
        }

        #[test]
        fn csv_cells_are_safe(s in any::<String>()) {
            let c = csv_cell(&s);
            let first = c.chars().next();
            let numeric = c.chars().count() > 1 && c.chars().skip(1).all(|ch| ch.is_ascii_digit() || matches!(ch, '.' | ',' | '%'));
            prop_assert!(!matches!(first, Some('=' | '@' | '\t' | '\r')));
            prop_assert!(!matches!(first, Some('+' | '-')) || numeric);
        }
    }
}
