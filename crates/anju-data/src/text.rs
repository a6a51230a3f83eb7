//! Small text helpers shared by messages and the UI.

/// At most `max` characters of `s` (never splitting a character), with "…" when cut.
/// Used wherever untrusted text (names, ids) is echoed into a message.
pub fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((i, _)) => format!("{}…", &s[..i]),
    }
}

#[cfg(test)]
mod tests {
    use super::clip;

    #[test]
    fn clips_on_char_boundaries() {
        assert_eq!(clip("平远新城", 2), "平远…");
        assert_eq!(clip("abc", 3), "abc");
        assert_eq!(clip("", 0), "");
    }
}
