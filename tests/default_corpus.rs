//! The bundled corpus validates cleanly, passes the lint, and keeps every source the
//! 2022-01-09 blog post cites.

use steppe::core::corpus::lint::lint;
use steppe::core::corpus::{parse, validate, NamedEnum};

const CORPUS: &str = include_str!("../public/corpus.json");

/// The four bilingual titles the blog post cites: (original, English) exactly as it gives them.
const SEED_TITLES: [(&str, &str); 4] = [
    ("“失落的卫星国”哈萨克斯坦:难以“独立行走”的通胀与坚戈", "In the \"Lost Satellite Nation\" Kazakhstan: Inflation and [Currency] Tenge are Struggling to \"Walk Independently\""),
    ("哈萨克斯坦不明人员发放枪支", "Firearms were distributed by unknown persons in Kazakhstan"),
    ("俄专家认为哈萨克斯坦大规模抗议背后有西方黑手", "Russian experts believe that there are Western black hands behind the mass protests in Kazakhstan"),
    ("2500名俄军到哈平叛 \"战斗民族\"怎么打?", "2500 Russian troops to Kazakhstan to put down the rebellion. How to fight the \"fighting nation\"?"),
];

#[test]
fn validates_with_zero_errors_or_warnings() {
    let v = validate(CORPUS);
    assert!(v.diagnostics.is_empty(), "{:#?}", v.diagnostics);
}

#[test]
fn passes_the_lint_with_no_warning() {
    let warnings = lint(CORPUS);
    assert!(warnings.is_empty(), "{:#?}", warnings);
}

#[test]
fn cites_russian_and_kazakh_sources_and_tags_scripts() {
    let (c, _) = parse(CORPUS);
    let count = |l: &str| c.sources.iter().filter(|s| s.lang == l).count();
    assert!(
        count("ru") >= 10,
        "{} Russian-language sources",
        count("ru")
    );
    assert!(count("kk") >= 3, "{} Kazakh-language sources", count("kk"));
    // Russian state outlets are cited in Russian, not only through their English editions.
    assert!(
        c.sources
            .iter()
            .any(|s| s.lang == "ru" && s.url.as_deref().is_some_and(|u| u.contains("tass.ru"))),
        "no Russian-language TASS page"
    );
    for (id, lang) in [
        ("sputnik-cn-mfa", "zh-Hant"),
        ("sputnik-sr-airport", "sr-Latn"),
        ("avia-pro-airport", "ru"),
    ] {
        let s = c
            .sources
            .iter()
            .find(|s| s.id == id)
            .unwrap_or_else(|| panic!("no {id}"));
        assert_eq!(s.lang, lang, "{id}");
    }
    for mirror in [
        "pledgetimes.com",
        "urdupoint.com",
        "lyricsworld",
        "hpcigar",
        "newsbadshah",
        "ukrainetoday.org",
        "neamco",
        "cxtvnews",
    ] {
        assert!(
            !c.sources
                .iter()
                .any(|s| s.url.as_deref().is_some_and(|u| u.contains(mirror))),
            "a link still goes to {mirror}"
        );
    }
}

#[test]
fn is_large_and_varied_enough() {
    let (c, _) = parse(CORPUS);
    assert!(c.len() >= 50, "{} events", c.len());
    assert!(c.actors.len() >= 10, "{} actors", c.actors.len());
    assert!(c.languages.len() >= 4, "{:?}", c.languages);
    for l in ["zh", "ru", "en"] {
        assert!(c.language_index(l).is_some(), "no {l} source");
    }
    for a in [
        "russia",
        "china",
        "usa",
        "kz-government",
        "protesters",
        "csto",
        "russian-media",
        "chinese-media",
    ] {
        assert!(c.actor_index(a).is_some(), "no actor {a}");
    }
    for a in &c.actors {
        for l in ["en", "ru", "zh", "kk"] {
            assert!(a.name.exact(l).is_some(), "actor {} lacks a {l} name", a.id);
        }
    }
}

#[test]
fn keeps_every_seed_title_with_its_translation() {
    let (c, _) = parse(CORPUS);
    for (original, english) in SEED_TITLES {
        let s = c
            .sources
            .iter()
            .find(|s| s.title == original)
            .unwrap_or_else(|| panic!("missing {original}"));
        assert_eq!(s.title_en.as_deref(), Some(english));
        assert_eq!(s.lang, "zh");
        assert_eq!(s.title.trim(), s.title, "{original} is not verbatim");
        assert!(
            (0..c.len())
                .flat_map(|i| c.event_sources(i))
                .any(|&i| c.sources[i as usize].id == s.id),
            "{original} is cited by no event"
        );
    }
    let blog = c
        .sources
        .iter()
        .find(|s| s.title == "Kazakhstan Uprise Endangering Russian and Chinese Interests")
        .expect("the blog post is a source");
    assert_eq!(
        (blog.lang.as_str(), blog.published.map(|d| d.to_iso())),
        ("en", Some("2022-01-09".to_string()))
    );
}

#[test]
fn conflicting_figures_are_kept_apart_and_attributed() {
    let (c, _) = parse(CORPUS);
    // Troop numbers, hashrate, funding and outage each appear as several claims with their own claimants.
    for needles in [
        &["2,500", "2,030", "3,600"][..],
        &["12", "13"][..],
        &["1.5", "1.34"][..],
        &["111"][..],
    ] {
        for n in needles {
            let claims: Vec<_> = c
                .events
                .iter()
                .filter(|e| {
                    e.claim.is_some()
                        && (e.title.get("en").contains(n)
                            || e.summary.as_ref().is_some_and(|s| s.get("en").contains(n)))
                })
                .collect();
            assert!(!claims.is_empty(), "no claim mentions {n}");
        }
    }
    let claimants: std::collections::HashSet<&str> = c
        .events
        .iter()
        .filter_map(|e| e.claim.as_ref())
        .map(|cl| cl.claimant.as_str())
        .collect();
    for who in ["tokayev", "sputnik", "blog-author", "rt", "cgtn"] {
        assert!(claimants.contains(who), "no claim by {who}");
    }
    // Each disputed figure is its own claim event, with its own claimant.
    for (id, who, figure) in [
        (
            "kz-2022-01-chinese-media-2500-paratroopers",
            "chinese-media",
            "2,500",
        ),
        ("kz-2022-01-10-tokayev-2030-troops", "tokayev", "2,030"),
        ("kz-2022-01-16-sputnik-csto-3600", "sputnik", "3,600"),
        (
            "kz-2022-01-09-blog-bitcoin-mining-down-12",
            "blog-author",
            "12%",
        ),
        ("kz-2022-01-05-bitcoin-hashrate-falls-13", "coindesk", "13%"),
        (
            "kz-2022-01-russian-experts-us-funding-1-5m",
            "russian-experts",
            "1.5",
        ),
        ("kz-2022-01-14-cgtn-ned-funding-claim", "cgtn", "1 million"),
        ("kz-2022-02-22-rt-ned-2021-grants", "rt", "1.34"),
        (
            "kz-2022-01-09-blog-almaty-mobile-restored",
            "blog-author",
            "four days",
        ),
        (
            "kz-2022-01-10-almaty-internet-back-111-hours",
            "rferl",
            "111",
        ),
    ] {
        let e = c
            .events
            .iter()
            .find(|e| e.id == id)
            .unwrap_or_else(|| panic!("no {id}"));
        assert_eq!(
            e.claim.as_ref().map(|cl| cl.claimant.as_str()),
            Some(who),
            "{id}"
        );
        let text = format!(
            "{} {}",
            e.title.get("en"),
            e.summary.as_ref().map_or("", |s| s.get("en"))
        );
        assert!(text.contains(figure), "{id} does not state {figure}");
    }
}

#[test]
fn unnamed_outlets_are_not_pinned_to_a_city_and_seed_claims_end_by_the_post() {
    let (c, _) = parse(CORPUS);
    for id in [
        "kz-2022-01-russian-experts-western-black-hands",
        "kz-2022-01-russian-media-blame-ngos-almaty",
        "kz-2022-01-russian-experts-us-funding-1-5m",
        "kz-2022-01-chinese-media-2500-paratroopers",
        "kz-2022-01-russian-tv-shows-armour",
        "kz-2022-01-chinese-media-warn-expatriates",
    ] {
        let e = c
            .events
            .iter()
            .find(|e| e.id == id)
            .unwrap_or_else(|| panic!("no {id}"));
        assert_ne!(e.place.as_ref().unwrap().precision.as_str(), "city", "{id}");
        assert_eq!(
            e.end.map(|d| d.to_iso()).as_deref(),
            Some("2022-01-09"),
            "{id}"
        );
        assert_eq!(e.date.to_iso().len(), 10, "{id} has a day-precision start");
    }
}

#[test]
fn disputes_are_grouped_by_question_with_their_answers() {
    let (c, _) = parse(CORPUS);
    let answers = |q: &str| -> Vec<(&str, &str, &str)> {
        c.events
            .iter()
            .filter_map(|e| Some((e, e.claim.as_ref()?)))
            .filter(|(_, cl)| cl.question.as_deref() == Some(q))
            .map(|(e, cl)| {
                let a = cl.answer.as_ref().map_or("", |a| a.get("en"));
                (e.id.as_str(), cl.claimant.as_str(), a)
            })
            .collect()
    };
    for (q, expected) in [
        (
            "csto-troop-numbers",
            &[
                (
                    "kz-2022-01-chinese-media-2500-paratroopers",
                    "chinese-media",
                    "2,500",
                ),
                ("kz-2022-01-10-tokayev-2030-troops", "tokayev", "2,030"),
                ("kz-2022-01-16-sputnik-csto-3600", "sputnik", "3,600"),
            ][..],
        ),
        (
            "bitcoin-hashrate-fall",
            &[
                ("kz-2022-01-05-bitcoin-hashrate-falls-13", "coindesk", "13%"),
                (
                    "kz-2022-01-09-blog-bitcoin-mining-down-12",
                    "blog-author",
                    "12%",
                ),
            ][..],
        ),
        (
            "us-funding-kz-ngos",
            &[
                (
                    "kz-2022-01-russian-experts-us-funding-1-5m",
                    "russian-experts",
                    "$1.5 million",
                ),
                ("kz-2022-01-14-cgtn-ned-funding-claim", "cgtn", "$1 million"),
                ("kz-2022-02-22-rt-ned-2021-grants", "rt", "$1.34 million"),
            ][..],
        ),
        (
            "almaty-outage-length",
            &[
                (
                    "kz-2022-01-09-blog-almaty-mobile-restored",
                    "blog-author",
                    "four days",
                ),
                (
                    "kz-2022-01-10-almaty-internet-back-111-hours",
                    "rferl",
                    "111 hours",
                ),
            ][..],
        ),
        (
            "death-toll",
            &[
                (
                    "kz-2022-01-09-government-channel-164-dead",
                    "kz-government",
                    "164",
                ),
                (
                    "kz-2022-01-15-death-toll-225",
                    "kz-prosecutor-general",
                    "225",
                ),
                (
                    "kz-2022-03-toll-revised-230",
                    "kz-prosecutor-general",
                    "230",
                ),
            ][..],
        ),
    ] {
        let got = answers(q);
        for (id, who, figure) in expected {
            let Some(&(_, claimant, answer)) = got.iter().find(|(i, _, _)| i == id) else {
                panic!("{id} does not answer {q}: {got:?}");
            };
            assert_eq!(claimant, *who, "{id}");
            assert!(answer.contains(figure), "{id}: {answer:?} lacks {figure}");
            // The answer is what the event's own text says.
            let e = c.events.iter().find(|e| e.id == *id).unwrap();
            let text = format!(
                "{} {}",
                e.title.get("en"),
                e.summary.as_ref().map_or("", |s| s.get("en"))
            );
            let digits = figure
                .trim_start_matches('$')
                .trim_end_matches(" million")
                .trim_end_matches('%');
            assert!(text.contains(digits), "{id}: {digits:?} not in its text");
        }
    }
    // Every question is answered at least twice and every answer's question exists.
    for q in &c.questions {
        assert!(
            answers(&q.id).len() >= 2,
            "{} has {:?}",
            q.id,
            answers(&q.id)
        );
        for l in ["en", "ru", "zh", "kk"] {
            assert!(q.text.exact(l).is_some(), "{} lacks {l}", q.id);
        }
    }
}
