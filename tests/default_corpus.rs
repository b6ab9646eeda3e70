//! The bundled corpus validates cleanly and keeps every source the 2022-01-09 blog post cites.

use steppe::core::corpus::{parse, validate};

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
        assert!(
            c.event_sources
                .iter()
                .flatten()
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
}
