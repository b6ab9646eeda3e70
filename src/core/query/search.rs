//! Text search in any script: case-insensitive substring matching.
//!
//! Chinese has no spaces between words, so matching is by substring, never by word;
//! Cyrillic (Russian, Kazakh) and Latin are folded to lower case, and Russian "ё" is
//! read as "е" as most writers do.

/// Folds `s` for matching: lower case, "ё" as "е", runs of whitespace as one space.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

/// [`normalize`], appending to `out` (whatever it already holds stays as it is), so many
/// texts can be folded into one buffer without a string each.
pub fn normalize_into(s: &str, out: &mut String) {
    let start = out.len();
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && out.len() > start {
            out.push(' ');
        }
        space = false;
        // ASCII lowers the same way, without the Unicode tables.
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for l in c.to_lowercase() {
            out.push(if l == 'ё' { 'е' } else { l });
        }
    }
}

pub fn matches(haystack: &str, query: &str) -> bool {
    query.split(' ').all(|t| haystack.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_every_script() {
        let h = normalize(
            "Массовые ПРОТЕСТЫ в Алматы; 哈萨克斯坦不明人员发放枪支 Almaty Қазақстан Ёлка",
        );
        for q in [
            "протесты",
            "ПРОТЕСТЫ",
            "不明人员",
            "枪支",
            "almaty",
            "ALMATY протест",
            "қазақстан",
            "Елка",
            "ёлка",
        ] {
            assert!(matches(&h, &normalize(q)), "{q}");
        }
        for q in ["протестов", "枪炮", "astana", "almaty astana"] {
            assert!(!matches(&h, &normalize(q)), "{q}");
        }
    }

    #[test]
    fn folds_whitespace() {
        assert_eq!(normalize("  A \n\t B  "), "a b");
    }
}
