use super::*;
use crate::corpus::parse;
use crate::time::date::PartialDate;

fn small() -> Corpus {
    let (c, diags) = parse(include_str!("../../../tests/fixtures/small.json"));
    assert!(diags.is_empty(), "{diags:?}");
    c
}

fn ids(c: &Corpus, r: &QueryResult) -> Vec<String> {
    r.matches.iter().map(|i| c.events[i].id.clone()).collect()
}

fn filter(actors: &[&str], languages: &[&str]) -> Filter {
    Filter {
        actors: actors.iter().map(|s| s.to_string()).collect(),
        languages: languages.iter().map(|s| s.to_string()).collect(),
        ..Filter::default()
    }
}

#[test]
fn no_filter_matches_everything_in_date_order() {
    let c = small();
    let r = run(&c, &Filter::default());
    // "2022-01" (the whole month) sorts before the days inside it.
    assert_eq!(ids(&c, &r), ["e2", "e1", "e3", "e4"]);
    assert_eq!(r.actor_counts, [2, 1, 1, 1]); // russia, china, protesters, experts (claimant)
}

#[test]
fn any_of_within_a_facet_all_of_across() {
    let c = small();
    assert_eq!(
        ids(&c, &run(&c, &filter(&["china", "protesters"], &[]))),
        ["e1", "e3"]
    );
    assert_eq!(ids(&c, &run(&c, &filter(&["russia"], &["zh"]))), ["e3"]);
    assert_eq!(
        ids(&c, &run(&c, &filter(&[], &["zh", "en"]))),
        ["e2", "e1", "e3", "e4"]
    );
    assert_eq!(ids(&c, &run(&c, &filter(&[], &["ru"]))), ["e3", "e4"]);
}

#[test]
fn all_together_requires_every_actor() {
    let c = small();
    let mut f = filter(&["russia", "china"], &[]);
    assert_eq!(ids(&c, &run(&c, &f)), ["e3", "e4"]);
    f.all_actors = true;
    let r = run(&c, &f);
    assert_eq!(ids(&c, &r), ["e3"]);
    // Counts in all-together mode: adding an actor narrows further.
    assert_eq!(r.actor_counts, [1, 1, 0, 0]);
}

#[test]
fn facet_counts_ignore_their_own_facet() {
    let c = small();
    let r = run(&c, &filter(&["russia"], &["en"]));
    assert_eq!(ids(&c, &r), ["e4"]);
    let lang = |code: &str| r.language_counts[c.language_index(code).unwrap()];
    // Languages counted among Russia's events, whatever language is selected.
    assert_eq!((lang("zh"), lang("ru"), lang("en")), (1, 2, 1));
    // Actors counted among English-source events.
    let actor = |id: &str| r.actor_counts[c.actor_index(id).unwrap()];
    assert_eq!(
        (actor("russia"), actor("protesters"), actor("china")),
        (1, 1, 0)
    );
}

#[test]
fn empty_results_and_unknown_ids() {
    let c = small();
    let r = run(&c, &filter(&["protesters"], &["zh"]));
    assert_eq!(r.count(), 0);
    assert_eq!(run(&c, &filter(&["no-such-actor"], &[])).count(), 0);
    assert_eq!(
        run(&c, &filter(&["no-such-actor", "china"], &[])).count(),
        1
    );
    let mut f = filter(&["nobody", "russia"], &[]);
    f.all_actors = true;
    assert_eq!(run(&c, &f).count(), 0);
}

#[test]
fn text_search_in_every_script() {
    let c = small();
    let t = |q: &str| {
        ids(
            &c,
            &run(
                &c,
                &Filter {
                    text: q.into(),
                    ..Filter::default()
                },
            ),
        )
    };
    assert_eq!(t("枪支"), ["e2", "e3"]); // a Chinese source title
    assert_eq!(t("ВОЙСК"), ["e3"]); // Russian title, any case
    assert_eq!(t("қытай"), ["e3"]); // Kazakh actor name
    assert_eq!(t("gas prices"), ["e1"]); // summary
    assert_eq!(t("nur-sultan"), ["e4"]); // place
    assert_eq!(t("csto"), ["e4"]); // tag
    assert!(t("nothing like this").is_empty());
    assert_eq!(t("   ").len(), 4);
}

#[test]
fn time_range_matches_overlapping_events() {
    let c = small();
    let m = |s: &str| PartialDate::parse(s).unwrap().start_minute();
    let r = |a: &str, b: &str| {
        ids(
            &c,
            &run(
                &c,
                &Filter {
                    range: Some((m(a), m(b))),
                    ..Filter::default()
                },
            ),
        )
    };
    // The month-long claim overlaps any January range; e4 runs 11..13 January.
    assert_eq!(r("2022-01-12", "2022-01-13"), ["e2", "e4"]);
    assert_eq!(r("2022-01-02", "2022-01-03"), ["e2", "e1"]);
    assert_eq!(r("2022-02-01", "2022-03-01"), Vec::<String>::new());
    assert_eq!(r("2021-12-01", "2022-01-01"), Vec::<String>::new());
}

#[test]
fn a_search_finds_the_events_whose_text_holds_every_word() {
    use crate::corpus::generate::generate;
    use crate::query::search::{matches, normalize};
    let c = Corpus::new(generate(3000, 4), Default::default());
    let n = c.len();
    let by_event = |q: &str, within: Option<&Bitset>| -> Vec<usize> {
        let q = normalize(q);
        (0..n)
            .filter(|&i| within.is_none_or(|w| w.contains(i)))
            .filter(|&i| q.is_empty() || matches(c.haystack(i), &q))
            .collect()
    };
    // Words across two events' texts: the end of one and the start of the next.
    let across: Vec<String> = (0..40)
        .map(|i| {
            let (a, b) = (c.haystack(i * 7), c.haystack(i * 7 + 1));
            let tail: String = a
                .chars()
                .rev()
                .take(3)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let head: String = b.chars().take(3).collect();
            tail + &head
        })
        .collect();
    let mut queries: Vec<String> = [
        "a",
        "Al",
        "alm",
        "almaty",
        "ALMATY protest",
        "report 1",
        "outlet",
        "(uz)",
        "zz",
        "",
        "  ",
        "astana almaty",
        "actor 0",
    ]
    .map(String::from)
    .into();
    queries.extend(across);
    // Every fourth event, and a few: both ways of searching within earlier matches.
    let dense: Bitset = {
        let mut b = Bitset::empty(n);
        (0..n).step_by(4).for_each(|i| b.insert(i));
        b
    };
    let sparse: Bitset = {
        let mut b = Bitset::empty(n);
        (0..n).step_by(97).for_each(|i| b.insert(i));
        b
    };
    for q in &queries {
        let all = text_matches(&c, q, None);
        assert_eq!(all.iter().collect::<Vec<_>>(), by_event(q, None), "{q:?}");
        if normalize(q).is_empty() {
            continue;
        }
        for w in [&dense, &sparse] {
            let got = text_matches(&c, q, Some(w));
            assert_eq!(
                got.iter().collect::<Vec<_>>(),
                by_event(q, Some(w)),
                "{q:?} within"
            );
        }
    }
}

#[test]
fn typing_forward_searches_within_the_previous_matches() {
    let c = small();
    let wide = text_matches(&c, "tr", None);
    let narrow = text_matches(&c, "troops", Some(&wide));
    assert_eq!(narrow, text_matches(&c, "troops", None));
    assert!(narrows("tr", "troops") && narrows("Alma", "almaty protest"));
    assert!(!narrows("", "a") && !narrows("troops", "tr") && !narrows("ab", "xab"));
    let f = Filter {
        text: "troops".into(),
        actors: vec!["russia".into()],
        ..Filter::default()
    };
    assert_eq!(run_with_text(&c, &f, &narrow), run(&c, &f));
}

#[test]
fn a_search_alone_is_text_only() {
    let mut f = Filter {
        text: "almaty".into(),
        ..Filter::default()
    };
    assert!(f.is_text_only());
    f.languages.push("ru".into());
    assert!(!f.is_text_only());
    assert!(!Filter::default().is_text_only());
}
