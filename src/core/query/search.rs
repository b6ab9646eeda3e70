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
    let mut rest = s;
    while !rest.is_empty() {
        // A run of printable ASCII (no spaces): copied and lowered in one go rather than
        // char by char, most of a Latin text.
        let run = rest.bytes().take_while(u8::is_ascii_graphic).count();
        if let Some((head, tail)) = rest.split_at_checked(run).filter(|_| run > 0) {
            if space && out.len() > start {
                out.push(' ');
            }
            space = false;
            let at = out.len();
            out.push_str(head);
            if let Some(new) = out.get_mut(at..) {
                new.make_ascii_lowercase();
            }
            rest = tail;
            continue;
        }
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        rest = chars.as_str();
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && out.len() > start {
            out.push(' ');
        }
        space = false;
        // Basic Cyrillic (Russian, most of Kazakh) lowers by a fixed offset, without
        // searching the Unicode tables; `folds_like_the_unicode_tables` checks every char.
        let lower = match c {
            _ if c.is_ascii() => c.to_ascii_lowercase(),
            'Ѐ'..='Џ' => shift(c, 0x50),
            'А'..='Я' => shift(c, 0x20),
            'а'..='џ' => c,
            _ => {
                for l in c.to_lowercase() {
                    out.push(if l == 'ё' { 'е' } else { l });
                }
                continue;
            }
        };
        out.push(if lower == 'ё' { 'е' } else { lower });
    }
}

/// `c` moved `by` code points on (`c` itself should that not be a char).
fn shift(c: char, by: u32) -> char {
    u32::from(c)
        .checked_add(by)
        .and_then(char::from_u32)
        .unwrap_or(c)
}

/// What a search means for one event: every word of the (normalized) query is in its
/// (normalized) text. The corpus-wide search ([`crate::query::filter::text_matches`]) is
/// tested against it.
#[cfg(test)]
pub fn matches(haystack: &str, query: &str) -> bool {
    query.split(' ').all(|t| haystack.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_like_the_unicode_tables() {
        // Every char, against the plain fold the fast paths stand in for.
        for c in (0..=0x10_ffffu32).filter_map(char::from_u32) {
            let plain: String = c
                .to_lowercase()
                .map(|l| if l == 'ё' { 'е' } else { l })
                .collect();
            let plain = if c.is_whitespace() {
                String::new()
            } else {
                plain
            };
            assert_eq!(
                normalize(&c.to_string()),
                plain,
                "{c:?} U+{:04X}",
                u32::from(c)
            );
        }
        assert_eq!(normalize("ЁЛКА Ѐ Ўзбек"), "елка ѐ ўзбек");
    }

    /// The fold char by char, as it was before its fast paths.
    fn plain_normalize(s: &str) -> String {
        let mut out = String::new();
        let mut space = false;
        for c in s.chars() {
            if c.is_whitespace() {
                space = true;
                continue;
            }
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            for l in c.to_lowercase() {
                out.push(if l == 'ё' { 'е' } else { l });
            }
        }
        out
    }

    #[test]
    fn mixed_texts_fold_as_char_by_char() {
        let alphabet: Vec<char> = "aZ9-\u{1} \t\n\u{b}\u{a0}\u{3000}ЁёЯяЖҚқӘӀİßΣ漢字\u{7f}\u{0}"
            .chars()
            .collect();
        let mut rng = crate::corpus::generate::Rng::new(9);
        for _ in 0..20_000 {
            let len = rng.below(12);
            let s: String = (0..len)
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect();
            assert_eq!(normalize(&s), plain_normalize(&s), "{s:?}");
            let mut appended = "Prefix ".to_string();
            normalize_into(&s, &mut appended);
            assert_eq!(appended, format!("Prefix {}", plain_normalize(&s)), "{s:?}");
        }
    }

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
