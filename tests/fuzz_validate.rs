#![cfg(not(target_arch = "wasm32"))]
//! Property tests with hostile inputs: the JSON reader, the validator, the URL decoder and
//! the date parser never panic, keep their output bounded, and keep faults in their record.
//!
//! Bounded for CI (a few hundred cases each, seconds in all). `make fuzz` runs the same
//! properties in release with many more cases: `STEPPE_FUZZ_CASES=N` sets the count.

use proptest::prelude::*;
use steppe::core::corpus::diagnostic::Diagnostic;
use steppe::core::corpus::json;
use steppe::core::corpus::validate::check_url;
use steppe::core::corpus::{parse, validate_bytes};
use steppe::core::link::view_state::{decode, encode, MAX_NOTICES};
use steppe::core::text::lang::Lang;
use steppe::core::time::date::PartialDate;

#[test]
fn the_fixture_has_four_event_records() {
    let spans = event_spans();
    assert_eq!(spans.len(), 4);
    assert!(SMALL[spans[0].0..spans[0].1].contains("Troops arrive"));
    assert!(SMALL[spans[3].0..spans[3].1].contains("Withdrawal begins"));
}

const SMALL: &str = include_str!("fixtures/small.json");

/// Cases per property: `STEPPE_FUZZ_CASES` if set, else `ci`.
fn cases(ci: u32) -> u32 {
    std::env::var("STEPPE_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(ci)
}

/// Byte spans of the four event records of the small fixture (from `{ "id": "eN"` to the
/// start of the next record), in file order: e3, e1, e2, e4.
fn event_spans() -> Vec<(usize, usize)> {
    let events = SMALL.find("\"events\"").expect("an events array");
    let starts: Vec<usize> = SMALL[events..]
        .match_indices("{ \"id\": \"e")
        .map(|(i, _)| events + i)
        .collect();
    let last = SMALL.rfind(']').expect("the closing bracket");
    starts
        .iter()
        .enumerate()
        .map(|(i, &a)| (a, starts.get(i + 1).copied().unwrap_or(last)))
        .collect()
}

/// Located, short, free of control characters: what every diagnostic must be.
fn well_formed(text: &str, diags: &[Diagnostic]) -> Result<(), TestCaseError> {
    let lines = text.lines().count().max(1) + 1;
    for d in diags {
        prop_assert!(d.line >= 1 && d.column >= 1 && d.line <= lines, "{d:?}");
        prop_assert!(d.path.chars().count() <= 200, "{}", d.path);
        prop_assert!(!d.path.chars().any(char::is_control), "{d:?}");
        // In every language the app shows it in, not only the corpus tool's English.
        for lang in Lang::ALL {
            let text = d.message.text(lang);
            prop_assert!(text.chars().count() <= 400, "{text}");
            prop_assert!(!text.chars().any(char::is_control), "{d:?}");
        }
    }
    Ok(())
}

/// Pieces an attacker would paste into a JSON file.
fn hostile_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        (0usize..300).prop_map(|n| "[".repeat(n)),
        (0usize..300).prop_map(|n| "]".repeat(n)),
        (0usize..300).prop_map(|n| "{\"a\":".repeat(n)),
        (0usize..300).prop_map(|n| "}".repeat(n)),
        (0usize..300, 0usize..300).prop_map(|(a, b)| format!("{}{}", "[".repeat(a), "]".repeat(b))),
        Just("\"\\ud800\"".to_string()),
        Just("\"\\udc00\\ud800\"".to_string()),
        Just("\"\\ud800\\u0041\"".to_string()),
        Just("\"\\u12\"".to_string()),
        Just("\"\\x\"".to_string()),
        Just("\"\\".to_string()),
        Just("1e400".to_string()),
        Just("-1e-400".to_string()),
        Just("1.".to_string()),
        (1usize..2000).prop_map(|n| format!("1{}", "0".repeat(n))),
        (0usize..20_000).prop_map(|n| format!("\"{}\"", "é".repeat(n))),
        "[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{200b}-\\u{200f}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}]{0,20}",
        Just("\u{feff}".to_string()),
        Just("\"javascript:alert(1)\"".to_string()),
        Just("\"<!--<script>\"".to_string()),
        "\\PC{0,30}",
        "[\\[\\]{}\",:0-9a-z.eE+\\- \\\\u]{0,60}",
        (prop::sample::select(vec!["\"a\":1,", "{}", "[],", "\"id\":\"x\",", "null,"]), 0usize..500)
            .prop_map(|(s, n)| s.repeat(n)),
    ]
}

/// Values that are valid JSON grammar but hostile: what may sit in one field of one record.
fn hostile_value() -> impl Strategy<Value = String> {
    prop_oneof![
        (60usize..400).prop_map(|n| format!("{}{}", "[".repeat(n), "]".repeat(n))),
        (60usize..400).prop_map(|n| format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n))),
        Just("1e400".to_string()),
        Just("-1e999".to_string()),
        Just("\"\\ud800\"".to_string()),
        Just("\"a\\ud800\\u0041\"".to_string()),
        Just("\"\\udfff\"".to_string()),
        Just("\"\\u00zz\"".to_string()),
        Just("\"\\q\"".to_string()),
        (0usize..50_000).prop_map(|n| format!("\"{}\"", "x".repeat(n))),
        "\"[a-z\\u{202e}\\u{200b}<>]{0,40}\"",
        Just("{\"en\":1,\"en\":2}".to_string()),
        Just("null".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(300)))]

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,400}") {
        let (_, d) = parse(&s);
        well_formed(&s, &d)?;
    }

    #[test]
    fn json_shaped_noise_never_panics(s in "[\\[\\]{}\",:0-9a-z.eE+\\- \\\\u]{0,300}") {
        let (_, d) = parse(&s);
        well_formed(&s, &d)?;
    }

    /// Hostile pieces glued together, alone or pasted into a valid corpus.
    #[test]
    fn hostile_pieces_never_panic(
        pieces in prop::collection::vec(hostile_piece(), 1..6),
        at in 0usize..SMALL.len(),
        alone in any::<bool>(),
    ) {
        let junk = pieces.concat();
        let text = if alone {
            junk
        } else {
            let mut at = at;
            while !SMALL.is_char_boundary(at) { at -= 1; }
            format!("{}{}{}", &SMALL[..at], junk, &SMALL[at..])
        };
        if let Ok(root) = json::parse(&text) {
            prop_assert!(root.start <= root.end && root.end <= text.len());
        }
        let (_, d) = parse(&text);
        well_formed(&text, &d)?;
    }

    /// A hostile value in one field of one event drops at most that event.
    #[test]
    fn a_hostile_field_costs_at_most_its_record(
        value in hostile_value(),
        field in prop::sample::select(vec!["\"Troops arrive\"", "43.25667", "\"2022-01-06\"", "\"military\"", "[ \"zh1\", \"ru1\" ]", "\"organiser\""]),
        extra in any::<bool>(),
    ) {
        let text = if extra {
            // In an unknown field: ignored, nothing is lost.
            SMALL.replacen("\"id\": \"e3\",", &format!("\"id\": \"e3\", \"notes\": {value},"), 1)
        } else {
            SMALL.replacen(field, &value, 1)
        };
        let (c, d) = parse(&text);
        well_formed(&text, &d)?;
        prop_assert!(c.len() >= if extra { 4 } else { 3 }, "{} events: {:#?}", c.len(), d);
        prop_assert_eq!(c.actors.len() + c.dropped.actors, 4);
    }

    /// A hostile value in the tags table, as a table, an entry or a key, loses no event.
    #[test]
    fn a_hostile_tags_table_costs_no_event(value in hostile_value(), as_table in any::<bool>()) {
        let table = if as_table {
            value
        } else {
            format!("{{ \"csto\": {value}, {value}: {{ \"en\": \"x\" }}, \"riot\": {{ \"ru\": \"беспорядки\" }} }}")
        };
        let text = SMALL.replacen("\"events\": [", &format!("\"tags\": {table},\n  \"events\": ["), 1);
        let (c, d) = parse(&text);
        well_formed(&text, &d)?;
        // A key that is not a string makes the file malformed JSON: nothing loads, located.
        if json::parse(&text).is_ok() {
            prop_assert_eq!(c.len(), 4, "{:#?}", d);
        }
    }

    /// Arbitrary bytes, UTF-16-looking ones included.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600), wide in any::<bool>()) {
        let bytes = if wide { bytes.iter().flat_map(|&b| [b, 0]).collect() } else { bytes };
        let v = validate_bytes(&bytes);
        well_formed(&String::from_utf8_lossy(&bytes), &v.diagnostics)?;
    }

    /// Edits of a valid corpus: delete, duplicate or replace a span.
    #[test]
    fn mutated_corpus_never_panics_and_keeps_good_records(
        at in 0usize..SMALL.len(),
        len in 0usize..40,
        insert in prop::sample::select(vec!["", "\"", "{", "}", "[", "]", ",", "-1e308", "null", "\"2022-02-30\"", "\"javascript:x\"", "99999", "\"\\ud800\"", "true"]),
    ) {
        let mut cut_at = at;
        while !SMALL.is_char_boundary(cut_at) { cut_at -= 1; }
        let mut end = (cut_at + len).min(SMALL.len());
        while !SMALL.is_char_boundary(end) { end -= 1; }
        let text = format!("{}{}{}", &SMALL[..cut_at], insert, &SMALL[end..]);
        let (corpus, diags) = parse(&text);
        prop_assert!(corpus.len() <= 4);
        well_formed(&text, &diags)?;
        // An edit inside one event's record that leaves the file valid JSON loses at most
        // that event: every other one loads.
        let spans = event_spans();
        if let Some(k) = spans.iter().position(|&(a, b)| a < cut_at && end < b) {
            if serde_json::from_str::<serde_json::Value>(&text).is_ok() {
                for (j, id) in ["e3", "e1", "e2", "e4"].iter().enumerate() {
                    prop_assert!(
                        j == k || corpus.event_index(id).is_some(),
                        "{id} was lost by an edit of event {k}: {diags:?}"
                    );
                }
            }
        }
    }

    /// Any fragment opens: notices are few, short and escaped, and the state it gives
    /// survives a round trip through a link.
    #[test]
    fn url_fragments_never_panic_and_round_trip(
        parts in prop::collection::vec(prop_oneof![
            "[a-z]{1,3}=[^&]{0,40}",
            "(a|l|q|t|m|e|ui|all|embed)=[%0-9A-Fa-f,.+\\-:TZ ]{0,40}",
            "(a|l|q|e)=(%[0-9A-F]{2}){0,30}",
            Just("t=2022-01-03..2022-01-10T12%3A30".to_string()),
            Just("m=76.9,43.2,4.5".to_string()),
            "\\PC{0,60}",
            (0usize..20_000).prop_map(|n| format!("q={}", "%F0%9F%98%80".repeat(n / 12))),
        ], 0..12),
    ) {
        let fragment = format!("#{}", parts.join("&"));
        let (state, notices) = decode(&fragment);
        prop_assert!(notices.len() <= MAX_NOTICES + 1);
        for n in &notices {
            prop_assert!(n.chars().count() <= 80, "{n}");
            prop_assert!(!n.chars().any(char::is_control), "{n:?}");
        }
        prop_assert!(state.filter.text.chars().count() <= 500);
        let (again, notices) = decode(&encode(&state));
        prop_assert!(notices.is_empty(), "{notices:?}");
        prop_assert_eq!(&again.filter, &state.filter);
        prop_assert_eq!(&again.selected, &state.selected);
        prop_assert_eq!((again.lang, again.embed), (state.lang, state.embed));
    }

    /// Any text: a date parses to a valid date that writes back to the same date, or fails
    /// with a short message.
    #[test]
    fn dates_parse_strictly_and_round_trip(
        s in prop_oneof![
            "\\PC{0,40}",
            "-?[0-9]{4,5}(-[0-9]{2}(-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,3})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?)?)?",
            "[0-9T:+\\-Z. ]{0,30}",
        ],
    ) {
        match PartialDate::parse(&s) {
            Ok(d) => {
                prop_assert!(d.validate().is_ok());
                prop_assert!(d.start_minute() < d.end_minute());
                prop_assert_eq!(PartialDate::parse(&d.to_iso()), Ok(d));
            }
            Err(e) => prop_assert!(e.message.to_string().chars().count() <= 200, "{}", e.message),
        }
    }

    /// Links: accepted ones are plain http(s) with a host; rejections are short.
    #[test]
    fn links_are_checked_without_panics(
        s in prop_oneof![
            "\\PC{0,80}",
            "(https?|HTTP|javascript|data)://[a-z0-9.\\-@:\\[\\]_%\\u{202e}\\u{200b}]{0,30}(/[^ ]{0,20})?",
        ],
    ) {
        match check_url(&s) {
            Ok(()) => {
                let lower = s.to_ascii_lowercase();
                prop_assert!(lower.starts_with("http://") || lower.starts_with("https://"));
                prop_assert!(!s.chars().any(|c| c.is_control() || c.is_whitespace()));
                prop_assert!(!s.contains(['\u{202e}', '\u{200b}']), "{s:?}");
            }
            Err(e) => prop_assert!(e.to_string().chars().count() <= 300, "{e}"),
        }
    }
}
