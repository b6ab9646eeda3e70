//! When each language's sources first reported each event: worked out once per corpus, so
//! a filter change only looks the answers up.

use crate::corpus::Corpus;

/// One language's reports of one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LangReport {
    /// Index into `Corpus::languages`.
    pub lang: u32,
    /// How many of the event's sources are in this language.
    pub sources: u32,
    /// The earliest publication date among them (first minute), if any is dated.
    pub first: Option<i64>,
}

/// Per event: its reports by language (sorted by language index) and which languages were
/// first. Sources in languages past the facet cap have no column and are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reports {
    /// All events' reports, one run per event.
    all: Vec<LangReport>,
    /// Per event: start of its run in `all`; one more entry marks the end.
    starts: Vec<usize>,
}

impl Reports {
    /// Builds the table: linear in the events' source lists.
    pub fn new(c: &Corpus) -> Self {
        let mut all = Vec::new();
        let mut starts = Vec::with_capacity(c.events.len().saturating_add(1));
        for sources in (0..c.len()).map(|i| c.event_sources(i)) {
            starts.push(all.len());
            let run_start = all.len();
            for s in sources.iter().filter_map(|&s| c.sources.get(s as usize)) {
                let Some(lang) = c
                    .language_index(&s.lang)
                    .and_then(|l| u32::try_from(l).ok())
                else {
                    continue;
                };
                let date = s.published.map(|d| d.start_minute());
                let run = all.get_mut(run_start..).unwrap_or_default();
                match run.iter_mut().find(|r: &&mut LangReport| r.lang == lang) {
                    Some(r) => {
                        r.sources = r.sources.saturating_add(1);
                        r.first = match (r.first, date) {
                            (Some(a), Some(b)) => Some(a.min(b)),
                            (a, b) => a.or(b),
                        };
                    }
                    None => all.push(LangReport {
                        lang,
                        sources: 1,
                        first: date,
                    }),
                }
            }
            if let Some(run) = all.get_mut(run_start..) {
                run.sort_by_key(|r| r.lang);
            }
        }
        starts.push(all.len());
        Reports { all, starts }
    }

    /// The reports of `event`, by language index.
    pub fn of(&self, event: usize) -> &[LangReport] {
        let (Some(&a), Some(&b)) = (
            self.starts.get(event),
            self.starts.get(event.saturating_add(1)),
        ) else {
            return &[];
        };
        self.all.get(a..b).unwrap_or_default()
    }

    /// The report of `event` in language `lang`, if its sources include that language.
    pub fn get(&self, event: usize, lang: u32) -> Option<LangReport> {
        self.of(event).iter().find(|r| r.lang == lang).copied()
    }

    /// The earliest dated report of `event`, any language.
    pub fn earliest(&self, event: usize) -> Option<i64> {
        self.of(event).iter().filter_map(|r| r.first).min()
    }

    /// Whether `lang` was (one of) the first to report `event`: its earliest dated source is
    /// the earliest of all. None is first when no source is dated.
    pub fn is_first(&self, event: usize, lang: u32) -> bool {
        match (
            self.earliest(event),
            self.get(event, lang).and_then(|r| r.first),
        ) {
            (Some(e), Some(f)) => e == f,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse;
    use crate::time::date::PartialDate;

    const CORPUS: &str = include_str!("../../../public/corpus.json");

    fn lang(c: &Corpus, code: &str) -> u32 {
        c.language_index(code).unwrap() as u32
    }

    #[test]
    fn counts_sources_and_finds_the_first_language() {
        let (c, _) = parse(CORPUS);
        let r = Reports::new(&c);
        // The 225 death toll: three English-or-Russian dated sources on 15 January, one undated Kazakh.
        let e = c.event_index("kz-2022-01-15-death-toll-225").unwrap();
        let en = r.get(e, lang(&c, "en")).unwrap();
        assert_eq!(en.sources, 2);
        assert_eq!(en.first, Some(PartialDate::ymd(2022, 1, 15).start_minute()));
        let kk = r.get(e, lang(&c, "kk")).unwrap();
        assert_eq!((kk.sources, kk.first), (1, None));
        assert!(r.is_first(e, lang(&c, "en")) && r.is_first(e, lang(&c, "ru")));
        assert!(!r.is_first(e, lang(&c, "kk")));
        assert!(r.get(e, lang(&c, "zh")).is_none());
        // Runs are sorted by language and each language appears once.
        for i in 0..c.len() {
            let langs: Vec<u32> = r.of(i).iter().map(|x| x.lang).collect();
            assert!(langs.windows(2).all(|w| w[0] < w[1]), "{}", c.events[i].id);
            let total: u32 = r.of(i).iter().map(|x| x.sources).sum();
            assert!(total as usize <= c.event_sources(i).len());
        }
    }

    #[test]
    fn an_earlier_language_wins() {
        let (c, _) = parse(CORPUS);
        let r = Reports::new(&c);
        // The 164 toll: RFE/RL (English) is dated 10 January, RBC (Russian) is undated.
        let e = c
            .event_index("kz-2022-01-09-government-channel-164-dead")
            .unwrap();
        assert!(r.is_first(e, lang(&c, "en")));
        assert!(!r.is_first(e, lang(&c, "ru")));
        assert_eq!(
            r.earliest(e),
            Some(PartialDate::ymd(2022, 1, 10).start_minute())
        );
        // Out of range is empty, not a panic.
        assert!(r.of(c.len() + 5).is_empty());
        assert_eq!(r.earliest(usize::MAX), None);
    }
}
