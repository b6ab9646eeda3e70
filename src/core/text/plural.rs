//! Plural categories and digit grouping for the interface languages.
//!
//! CLDR's rules for whole numbers in the four interface languages: the interface writes
//! every count with them (`ui/intl.rs`), and a component test checks them against the
//! browser's `Intl.PluralRules` and `Intl.NumberFormat` (headless builds lack Kazakh's data).
//! Rules: Unicode CLDR, "Language Plural Rules" (plurals.xml, integer cases).

use super::lang::Lang;

/// A CLDR plural category. Only the ones the interface languages use for whole numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    One,
    Few,
    Many,
    Other,
}

impl Category {
    /// Reads CLDR's name ("one", "few", ...), as `Intl.PluralRules.select` returns it.
    pub fn from_name(name: &str) -> Option<Category> {
        Some(match name {
            "one" => Category::One,
            "few" => Category::Few,
            "many" => Category::Many,
            "other" => Category::Other,
            _ => return None,
        })
    }
}

/// The categories a language distinguishes, in the order the translation table writes its
/// forms (separated by `|`).
pub fn categories(lang: Lang) -> &'static [Category] {
    use Category::*;
    match lang {
        Lang::En | Lang::Kk => &[One, Other],
        Lang::Ru => &[One, Few, Many, Other],
        Lang::Zh => &[Other],
    }
}

/// The form for `cat` of a text holding one form per plural category of `lang`, separated
/// by `|`, in the order of [`categories`] (the last form when the text has fewer).
pub fn form(lang: Lang, text: &'static str, cat: Category) -> &'static str {
    let at = categories(lang).iter().position(|&c| c == cat).unwrap_or(0);
    text.split('|')
        .nth(at)
        .or_else(|| text.split('|').next_back())
        .unwrap_or(text)
}

/// `template` with each `{name}` replaced by `value(name)` (left as it is when that is
/// `None`), in one pass: text a value brings in is never read again, so a corpus title or
/// a file name holding "{n}" is shown as it was written.
pub fn fill(template: &str, mut value: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, from) = rest.split_at(open);
        out.push_str(before);
        let name = from.get(1..).and_then(|s| s.split_once('}'));
        match name.and_then(|(name, after)| Some((value(name)?, after))) {
            Some((v, after)) => {
                out.push_str(&v);
                rest = after;
            }
            None => {
                out.push('{');
                rest = from.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

/// CLDR's category of a whole number `n` in `lang`.
pub fn category(lang: Lang, n: u64) -> Category {
    match lang {
        Lang::En | Lang::Kk if n == 1 => Category::One,
        Lang::En | Lang::Kk | Lang::Zh => Category::Other,
        Lang::Ru => {
            let (d, h) = (n % 10, n % 100);
            if d == 1 && h != 11 {
                Category::One
            } else if (2..=4).contains(&d) && !(12..=14).contains(&h) {
                Category::Few
            } else {
                Category::Many
            }
        }
    }
}

/// `n` with its digits grouped as the language writes them: "100,000" in English and
/// Chinese; "100 000" (a no-break space) in Russian and Kazakh.
pub fn group_digits(lang: Lang, n: u64) -> String {
    let sep = match lang {
        Lang::En | Lang::Zh => ',',
        Lang::Ru | Lang::Kk => '\u{a0}',
    };
    // CLDR groups from four digits in all four ("1,000", "1 000"), as browsers write them.
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// `x` with one decimal, grouped and with the language's decimal sign ("1,234.5",
/// "1\u{a0}234,5"), as CLDR writes it.
pub fn group_decimal(lang: Lang, x: f64) -> String {
    let tenths = (x.abs() * 10.0).round();
    // Beyond what a count of megabytes reaches, the plain text is exact enough.
    if !(tenths.is_finite() && tenths < 9.0e15) {
        return crate::text::fixed::fixed(x, 1);
    }
    let tenths = tenths as u64;
    let sign = if x.is_sign_negative() && tenths > 0 {
        "-"
    } else {
        ""
    };
    let point = match lang {
        Lang::En | Lang::Zh => '.',
        Lang::Ru | Lang::Kk => ',',
    };
    format!(
        "{sign}{}{point}{}",
        group_digits(lang, tenths / 10),
        tenths % 10
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use Category::*;

    #[test]
    fn decimals_are_grouped_with_the_language_decimal_sign() {
        assert_eq!(group_decimal(Lang::En, 35.44), "35.4");
        assert_eq!(group_decimal(Lang::Ru, 35.45), "35,5");
        assert_eq!(group_decimal(Lang::En, 1234.56), "1,234.6");
        assert_eq!(group_decimal(Lang::Kk, 12345.0), "12\u{a0}345,0");
        assert_eq!(group_decimal(Lang::Zh, 0.04), "0.0");
        assert_eq!(group_decimal(Lang::En, -2.5), "-2.5");
    }

    #[test]
    fn russian_has_one_few_many() {
        let cases = [
            (0, Many),
            (1, One),
            (2, Few),
            (4, Few),
            (5, Many),
            (11, Many),
            (12, Many),
            (14, Many),
            (21, One),
            (22, Few),
            (25, Many),
            (101, One),
            (111, Many),
            (1004, Few),
        ];
        for (n, c) in cases {
            assert_eq!(category(Lang::Ru, n), c, "{n}");
        }
    }

    #[test]
    fn kazakh_english_and_chinese() {
        assert_eq!(category(Lang::Kk, 1), One);
        assert_eq!(category(Lang::Kk, 5), Other);
        assert_eq!(category(Lang::Kk, 21), Other);
        assert_eq!(category(Lang::En, 1), One);
        assert_eq!(category(Lang::En, 0), Other);
        assert_eq!(category(Lang::Zh, 1), Other);
        assert_eq!(category(Lang::Zh, 5), Other);
        // Every answer is one of the language's own categories.
        for l in Lang::ALL {
            for n in 0..200 {
                assert!(categories(l).contains(&category(l, n)), "{l:?} {n}");
            }
        }
        assert_eq!(Category::from_name("few"), Some(Few));
        assert_eq!(Category::from_name("two"), None);
    }

    #[test]
    fn digits_grouped() {
        assert_eq!(group_digits(Lang::En, 100_000), "100,000");
        assert_eq!(group_digits(Lang::Zh, 1_234_567), "1,234,567");
        assert_eq!(group_digits(Lang::En, 999), "999");
        assert_eq!(group_digits(Lang::En, 1000), "1,000");
        assert_eq!(group_digits(Lang::Ru, 1000), "1\u{a0}000");
        assert_eq!(group_digits(Lang::Ru, 100_000), "100\u{a0}000");
        assert_eq!(group_digits(Lang::Kk, 12_345), "12\u{a0}345");
        assert_eq!(group_digits(Lang::Kk, 0), "0");
    }
}
