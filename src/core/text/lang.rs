//! The interface languages.

/// Interface languages, in the order of the table's columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Ru,
    Zh,
    Kk,
}

impl Lang {
    /// Every interface language.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Ru, Lang::Zh, Lang::Kk];

    /// The BCP 47 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Zh => "zh",
            Lang::Kk => "kk",
        }
    }

    /// This language's entry of a row written in [`Lang::ALL`] order (en, ru, zh, kk).
    pub fn pick<T>(self, row: [T; 4]) -> T {
        let [en, ru, zh, kk] = row;
        match self {
            Lang::En => en,
            Lang::Ru => ru,
            Lang::Zh => zh,
            Lang::Kk => kk,
        }
    }

    /// The languages corpus text is looked up in, in order, for this interface language:
    /// Kazakh readers read Russian before English; everyone falls back to English last.
    pub fn fallback_chain(self) -> &'static [&'static str] {
        match self {
            Lang::En => &["en"],
            Lang::Ru => &["ru", "en"],
            Lang::Zh => &["zh", "en"],
            Lang::Kk => &["kk", "ru", "en"],
        }
    }

    /// Reads a code ("ru", "zh-Hans", "kk-KZ"); unknown codes give `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_falls_back_to_russian_then_english() {
        assert_eq!(Lang::Kk.fallback_chain(), ["kk", "ru", "en"]);
        assert_eq!(Lang::Ru.fallback_chain(), ["ru", "en"]);
        assert_eq!(Lang::Zh.fallback_chain(), ["zh", "en"]);
        assert_eq!(Lang::En.fallback_chain(), ["en"]);
    }
}
