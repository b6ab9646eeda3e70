#![cfg(not(target_arch = "wasm32"))]
//! Hostile input, as an attacker would craft it in Steppe's own format: the reader stays
//! linear (proven by counting steps, not by timing), memory stays within the budgets,
//! nothing panics, and a fault stays in its record.

use steppe::core::corpus::diagnostic::{Diagnostic, Severity};
use steppe::core::corpus::index::{MAX_FACET_ACTORS, MAX_FACET_LANGUAGES};
use steppe::core::corpus::validate::{MAX_DIAGNOSTICS, MAX_LIST_ITEMS, MAX_TEXT_LANGUAGES};
use steppe::core::corpus::{parse, parse_bytes, validate, validate_bytes, work, Corpus};
use steppe::core::link::view_state::decode;
use steppe::core::text::lang::Lang;

const HEAD: &str = r#"{"format":"steppe-corpus","version":1,"meta":{"title":{"en":"t"}},"#;
const ONE_SOURCE: &str = r#""sources":[{"id":"s","outlet":"O","title":"T","lang":"en"}],"#;

fn event(id: &str, actors: &str) -> String {
    format!(
        r#"{{"id":"{id}","date":"2022-01-01","place":{{"name":{{"en":"P"}},"lat":1,"lon":1,"precision":"city"}},"title":{{"en":"T"}},"type":"protest","actors":[{actors}],"sources":["s"]}}"#
    )
}

fn corpus(actors: &str, sources: &str, events: &str) -> String {
    format!("{HEAD}\"actors\":[{actors}],{sources}\"events\":[{events}]}}")
}

fn actor(id: &str, name: &str) -> String {
    format!(r#"{{"id":"{id}","name":{{{name}}},"kind":"state"}}"#)
}

/// Steps to read and index `text`, as the app does.
fn steps(text: &str) -> u64 {
    work::reset();
    let (corpus, diags) = parse(text);
    assert_bounded(&diags);
    drop(corpus);
    work::steps()
}

/// Every diagnostic is located and short, whatever the input echoes.
fn assert_bounded(diags: &[Diagnostic]) {
    assert!(
        diags.len() <= MAX_DIAGNOSTICS + 1,
        "{} diagnostics",
        diags.len()
    );
    for d in diags {
        assert!(d.line >= 1 && d.column >= 1, "{d:?}");
        // Bounded and free of control characters in every language the app shows it in.
        for lang in Lang::ALL {
            let text = d.message.text(lang);
            assert!(text.chars().count() <= 400, "long message: {text}");
            assert!(!text.chars().any(|c| c.is_control()), "{d:?}");
        }
        assert!(d.path.chars().count() <= 200, "long path: {}", d.path);
    }
}

/// Grows a pattern tenfold and checks the work grows about tenfold (≤ 12x), printing the
/// figures (`cargo test --test hostile -- --nocapture`).
fn linear(name: &str, make: impl Fn(usize) -> String, n: usize) {
    let (small, big) = (make(n), make(n * 10));
    let input = big.len() as f64 / small.len() as f64;
    let (a, b) = (steps(&small), steps(&big));
    let ratio = b as f64 / a as f64;
    println!(
        "{name}: {} -> {} bytes (x{input:.1}), {a} -> {b} steps (x{ratio:.2})",
        small.len(),
        big.len()
    );
    assert!(
        ratio <= 12.0 && input >= 9.0,
        "{name}: input grew x{input:.1}, work grew x{ratio:.2}"
    );
}

fn malformed_records(n: usize) -> String {
    let recs: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id":"e{i}","date":"x","zz":1}}"#))
        .collect();
    corpus(&actor("a", r#""en":"A""#), ONE_SOURCE, &recs.join(","))
}

fn shared_id(n: usize) -> String {
    let recs: Vec<String> = (0..n).map(|_| event("dup", r#"{"id":"a"}"#)).collect();
    corpus(&actor("a", r#""en":"A""#), ONE_SOURCE, &recs.join(","))
}

/// One actor's name in `n` languages, named `n` times in all (by `n / 200` events naming
/// it 200 times each, past the list budget).
fn many_languages_many_references(n: usize) -> String {
    let name: Vec<String> = (0..n).map(|i| format!(r#""qa-{i}":"Name {i}""#)).collect();
    let a = actor("a", &format!(r#""en":"A",{}"#, name.join(",")));
    let refs = vec![r#"{"id":"a"}"#; 200].join(",");
    let events: Vec<String> = (0..n / 200)
        .map(|i| event(&format!("e{i}"), &refs))
        .collect();
    corpus(&a, ONE_SOURCE, &events.join(","))
}

fn many_actors(n: usize) -> String {
    let actors: Vec<String> = (0..n)
        .map(|i| actor(&format!("a{i}"), r#""en":"A""#))
        .collect();
    let events: Vec<String> = (0..n)
        .map(|i| event(&format!("e{i}"), &format!(r#"{{"id":"a{i}"}}"#)))
        .collect();
    corpus(&actors.join(","), ONE_SOURCE, &events.join(","))
}

fn many_languages_in_sources(n: usize) -> String {
    let sources: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id":"s{i}","outlet":"O","title":"T","lang":"qa-{i}"}}"#))
        .collect();
    let events: Vec<String> = (0..n)
        .map(|i| event(&format!("e{i}"), "").replace(r#"["s"]"#, &format!(r#"["s{i}"]"#)))
        .collect();
    corpus(
        &actor("a", r#""en":"A""#),
        &format!("\"sources\":[{}],", sources.join(",")),
        &events.join(","),
    )
}

fn deep_fields(n: usize) -> String {
    let deep = format!("{}1{}", "[".repeat(100), "]".repeat(100));
    let events: Vec<String> = (0..n)
        .map(|i| event(&format!("e{i}"), "").replacen('{', &format!("{{\"x\":{deep},"), 1))
        .collect();
    corpus(&actor("a", r#""en":"A""#), ONE_SOURCE, &events.join(","))
}

fn duplicate_keys(n: usize) -> String {
    let keys = vec![r#""title":{"en":"T"}"#; n].join(",");
    corpus(
        &actor("a", r#""en":"A""#),
        ONE_SOURCE,
        &event("e", "").replacen('{', &format!("{{{keys},"), 1),
    )
}

fn long_strings(n: usize) -> String {
    let long = "é".repeat(n);
    let events: Vec<String> = (0..10)
        .map(|i| event(&format!("{long}{i}"), "").replace("\"T\"", &format!("\"{long}\"")))
        .collect();
    corpus(&actor("a", r#""en":"A""#), ONE_SOURCE, &events.join(","))
}

/// Many distinct actors per event, each named in many languages: the search text budget.
fn wide_search_text(n: usize) -> String {
    let name: Vec<String> = (0..MAX_TEXT_LANGUAGES)
        .map(|i| format!(r#""qa-{i}":"{}""#, "n".repeat(290)))
        .collect();
    let name = format!(r#""en":"A",{}"#, name.join(","));
    let actors: Vec<String> = (0..MAX_LIST_ITEMS)
        .map(|i| actor(&format!("a{i}"), &name))
        .collect();
    let refs: Vec<String> = (0..MAX_LIST_ITEMS)
        .map(|i| format!(r#"{{"id":"a{i}"}}"#))
        .collect();
    let events: Vec<String> = (0..n)
        .map(|i| event(&format!("e{i}"), &refs.join(",")))
        .collect();
    corpus(&actors.join(","), ONE_SOURCE, &events.join(","))
}

#[test]
fn many_small_malformed_records_are_linear() {
    linear("malformed records, one line", malformed_records, 2_000);
}

#[test]
fn many_records_sharing_one_id_are_linear() {
    linear("records sharing one id", shared_id, 1_000);
}

#[test]
fn a_text_in_many_languages_named_many_times_is_linear() {
    linear(
        "text in many languages, many references",
        many_languages_many_references,
        2_000,
    );
}

#[test]
fn many_actors_are_linear() {
    linear("many actors", many_actors, 1_000);
}

#[test]
fn many_source_languages_are_linear() {
    linear("many source languages", many_languages_in_sources, 1_000);
}

#[test]
fn deep_nesting_in_many_records_is_linear() {
    linear("deep nesting in every record", deep_fields, 200);
}

#[test]
fn many_duplicate_keys_are_linear() {
    linear("duplicate keys", duplicate_keys, 2_000);
}

#[test]
fn long_strings_are_linear() {
    linear("long strings, echoed", long_strings, 10_000);
}

#[test]
fn invalid_utf8_everywhere_is_linear() {
    let make = |n: usize| {
        let mut bytes = malformed_records(n).into_bytes();
        for b in bytes.iter_mut().filter(|b| **b == b'x') {
            *b = 0xFF;
        }
        bytes
    };
    let run = |bytes: &[u8]| {
        work::reset();
        let (_, d) = parse_bytes(bytes);
        assert_bounded(&d);
        work::steps()
    };
    let (a, b) = (run(&make(1_000)), run(&make(10_000)));
    println!(
        "invalid UTF-8: {a} -> {b} steps (x{:.2})",
        b as f64 / a as f64
    );
    assert!(b as f64 / a as f64 <= 12.0);
}

#[test]
fn memory_stays_within_the_budgets() {
    // Facets: at most MAX_FACET_ACTORS bit sets, whatever the number of actors; the most
    // cited actors come first and keep their filters.
    let n = 3 * MAX_FACET_ACTORS;
    let mut text = many_actors(n);
    // a{n-1} is named by a second event: it is among the most cited.
    text = text.replacen(
        r#"{"id":"a0"}"#,
        &format!(r#"{{"id":"a0"}},{{"id":"a{}"}}"#, n - 1),
        1,
    );
    let (c, d) = parse(&text);
    assert_eq!(c.actors.len(), n);
    assert_eq!(c.by_actor.len(), MAX_FACET_ACTORS);
    assert!(c.actor_index(&format!("a{}", n - 1)).unwrap() < MAX_FACET_ACTORS);
    let w = d
        .iter()
        .find(|d| d.message.to_string().contains("offered as filters"))
        .expect("facet warning");
    assert_eq!(w.severity, Severity::Warning);
    assert!(w.path.starts_with("actors["), "{w:?}");
    // Every actor still shows on its events: each event's actors are the ones it names,
    // in the actors' new order, and the filters' bit sets agree.
    for i in 0..c.len() {
        let named: Vec<&str> = c.events[i].actors.iter().map(|r| r.id.as_str()).collect();
        let indexed: Vec<&str> = c
            .event_actors(i)
            .iter()
            .map(|&a| c.actors[a as usize].id.as_str())
            .collect();
        assert_eq!(indexed, named, "event {i}");
        for (k, set) in c.by_actor.iter().enumerate() {
            assert_eq!(set.contains(i), c.event_actors(i).contains(&(k as u32)));
        }
    }
    // A link naming an actor without a filter drops it, with a notice.
    let outside = &c.actors[MAX_FACET_ACTORS].id;
    let (mut view, _) = decode(&format!("a={},{outside}", c.actors[0].id));
    assert_eq!(view.sanitize(&c), [format!("a={outside}")]);
    assert_eq!(view.filter.actors, [c.actors[0].id.clone()]);

    let (c, d) = parse(&many_languages_in_sources(MAX_FACET_LANGUAGES + 10));
    assert_eq!(c.languages.len(), MAX_FACET_LANGUAGES);
    assert_eq!(c.by_language.len(), MAX_FACET_LANGUAGES);
    assert!(d
        .iter()
        .any(|d| d.path.ends_with(".lang") && d.message.to_string().contains("74 languages")));
    assert_eq!(c.len(), MAX_FACET_LANGUAGES + 10);

    // Languages per text and references per event.
    let (c, d) = parse(&many_languages_many_references(2_000));
    assert_eq!(c.actors[0].name.len(), MAX_TEXT_LANGUAGES);
    assert!((0..c.len()).all(|i| c.event_actors(i).len() == 1));
    assert!(c.events.iter().all(|e| e.actors.len() == MAX_LIST_ITEMS));
    assert!(
        d.iter()
            .any(|d| d.message.to_string().contains("only 32 are read")),
        "{d:#?}"
    );
    assert!(d.iter().any(|d| d
        .message
        .to_string()
        .contains("only the first 100 are read")));
}

#[test]
fn the_search_text_budget_is_reported_where_it_runs_out() {
    // Each event repeats 100 names of 32 x 290 characters: ~0.95 MB of search text.
    let text = wide_search_text(150);
    assert!(text.len() < 3_000_000, "{}", text.len());
    let (c, d) = parse(&text);
    let total: usize = (0..c.len()).map(|i| c.haystack(i).len()).sum();
    assert!(total <= 134 << 20, "{total}");
    let w = d
        .iter()
        .find(|d| d.message.to_string().contains("search text budget"))
        .expect("budget warning");
    assert!(w.path.starts_with("events["), "{w:?}");
    assert_eq!(c.len(), 150);
    assert!((0..c.len()).any(|i| c.haystack(i).is_empty()));
}

#[test]
fn diagnostics_are_capped_and_counted() {
    let (c, d) = parse(&malformed_records(MAX_DIAGNOSTICS));
    assert_eq!(d.len(), MAX_DIAGNOSTICS + 1);
    let last = d.last().unwrap();
    assert!(
        last.message.to_string().contains("are not listed"),
        "{last:?}"
    );
    assert_eq!(last.severity, Severity::Error);
    assert_eq!(c.dropped.events, MAX_DIAGNOSTICS);
}

/// The default corpus' first event, for faults planted in one record.
fn one_bad_record(bad: &str) -> (Corpus, Vec<Diagnostic>) {
    let good = event("good", r#"{"id":"a"}"#);
    let text = corpus(
        &actor("a", r#""en":"A""#),
        ONE_SOURCE,
        &format!("{good},\n{bad},\n{}", good.replace("good", "good2")),
    );
    parse(&text)
}

#[test]
fn a_fault_stays_in_its_record() {
    let plain = event("bad", "");
    for (name, bad, what) in [
        (
            "number out of range",
            plain.replace(r#""lat":1"#, r#""lat":1e400"#),
            "out of range",
        ),
        (
            "broken surrogate",
            plain.replace(r#""en":"T""#, r#""en":"\ud800x""#),
            "surrogate",
        ),
        (
            "lone low surrogate",
            plain.replace(r#""en":"T""#, r#""en":"\udc00""#),
            "surrogate",
        ),
        (
            "unknown escape",
            plain.replace(r#""en":"T""#, r#""en":"a\qb""#),
            "unknown escape",
        ),
        (
            "short \\u escape",
            plain.replace(r#""en":"T""#, r#""en":"\u12""#),
            "four hex digits",
        ),
        (
            "over-deep nesting in a used field",
            plain.replace(
                r#""lat":1"#,
                &format!(r#""lat":{}{}"#, "[".repeat(100), "]".repeat(100)),
            ),
            // The nesting cap is hit 60 levels further in; what the reader sees is the field.
            "expected a number, found an array",
        ),
    ] {
        let (c, d) = one_bad_record(&bad);
        assert_eq!(c.len(), 2, "{name}: {d:#?}");
        assert_eq!(c.dropped.events, 1, "{name}");
        let e: Vec<_> = d.iter().filter(|d| d.is_error()).collect();
        assert_eq!(e.len(), 1, "{name}: {d:#?}");
        assert!(
            e[0].message.to_string().contains(what),
            "{name}: {:?}",
            e[0]
        );
        assert!(e[0].path.starts_with("events[1]."), "{name}: {:?}", e[0]);
        assert_eq!(e[0].line, 2, "{name}: {:?}", e[0]);
    }
    // Over-deep nesting, a huge number or a broken escape in a field that is ignored anyway:
    // the record loads, with a warning for the unknown field.
    for junk in [
        format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
        "1e999".to_string(),
        r#""\ud800""#.to_string(),
    ] {
        let bad = plain.replacen('{', &format!("{{\"notes\":{junk},"), 1);
        let (c, d) = one_bad_record(&bad);
        assert_eq!(c.len(), 3, "{d:#?}");
        assert!(d.iter().all(|d| !d.is_error()) && d.len() == 1, "{d:#?}");
    }
}

#[test]
fn duplicate_keys_keep_the_last_value() {
    let bad = event("dup", "").replace(
        r#""title":{"en":"T"}"#,
        r#""title":{"en":"First"},"title":{"en":"Last"}"#,
    );
    let (c, d) = one_bad_record(&bad);
    let e = &c.events[c.event_index("dup").unwrap()];
    assert_eq!(e.title.get("en"), "Last");
    assert_eq!(d.len(), 1);
    assert!(
        d[0].message.to_string().contains("the last one is used"),
        "{:?}",
        d[0]
    );
    // Inside a text too.
    let bad = event("dup2", "").replace(r#""title":{"en":"T"}"#, r#""title":{"en":"A","en":"B"}"#);
    let (c, _) = one_bad_record(&bad);
    assert_eq!(
        c.events[c.event_index("dup2").unwrap()].title.get("en"),
        "B"
    );
}

#[test]
fn echoed_input_is_short_and_escaped() {
    let huge_id = "x".repeat(1 << 20);
    let bad = event(&huge_id, "");
    let (_, d) = one_bad_record(&bad);
    assert_bounded(&d);
    assert!(
        d.iter()
            .any(|d| d.message.to_string().contains("(1048576 characters)")),
        "{d:#?}"
    );
    // A key made of terminal escape sequences is escaped in the path and the message.
    let key = "\\u001b]0;pwned\\u0007\\u001b[2J";
    let bad = event("k", "").replacen('{', &format!("{{\"{key}\":1,"), 1);
    let (_, d) = one_bad_record(&bad);
    assert_bounded(&d);
    assert!(d[0].path.contains("\\u{1b}]0;pwned"), "{:?}", d[0]);
    assert!(!d[0].path.contains('\u{1b}') && !d[0].message.to_string().contains('\u{1b}'));
}

#[test]
fn utf16_files_are_named() {
    let text = std::fs::read_to_string("tests/fixtures/small.json").unwrap();
    for (le, bom, name) in [
        (true, true, "UTF-16 (little-endian, with a byte-order mark)"),
        (true, false, "UTF-16 (little-endian)"),
        (false, true, "UTF-16 (big-endian, with a byte-order mark)"),
        (false, false, "UTF-16 (big-endian)"),
    ] {
        let mut units: Vec<u16> = text.encode_utf16().collect();
        if bom {
            units.insert(0, 0xFEFF);
        }
        let bytes: Vec<u8> = units
            .iter()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect();
        let v = validate_bytes(&bytes);
        assert_eq!(v.diagnostics.len(), 1);
        let d = &v.diagnostics[0];
        assert!(
            d.message.to_string().contains(name)
                && d.message.to_string().contains("save it as UTF-8"),
            "{d:?}"
        );
        assert_eq!((d.line, d.column), (1, 1));
    }
}

#[test]
fn invalid_utf8_is_replaced_and_located() {
    let text = std::fs::read_to_string("tests/fixtures/small.json").unwrap();
    let mut bytes = text
        .replacen("Protests spread", "Protests spr\u{1}ad", 1)
        .into_bytes();
    let at = bytes.iter().position(|&b| b == 1).unwrap();
    bytes[at] = 0xFF;
    let v = validate_bytes(&bytes);
    assert_eq!(v.file.events.len(), 4, "{:#?}", v.diagnostics);
    let d = &v.diagnostics[0];
    assert_eq!(d.severity, Severity::Warning);
    assert!(
        d.message.to_string().contains("0xFF") && d.message.to_string().contains("U+FFFD"),
        "{d:?}"
    );
    let line = text[..text.find("Protests spread").unwrap()]
        .matches('\n')
        .count()
        + 1;
    let col = text
        .lines()
        .nth(line - 1)
        .unwrap()
        .find("Protests spr")
        .unwrap()
        + 13;
    assert_eq!((d.line, d.column), (line, col));
    assert_eq!(v.file.sources[2].title, "Protests spr\u{fffd}ad");
}

/// The CLI reads the same bytes the app does and prints the same located diagnostics,
/// with control characters escaped.
#[test]
fn the_cli_says_what_the_app_says() {
    use std::process::Command;
    let dir = std::env::temp_dir().join(format!("steppe-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let key = "\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m";
    let mut bytes = corpus(
        &actor("a", r#""en":"A""#),
        ONE_SOURCE,
        &format!(
            "{},\n{}",
            event("e1", "").replacen('{', &format!("{{\"{key}\":1,"), 1),
            event("e2", "").replace("\"T\"", "\"T\u{1}\"")
        ),
    )
    .into_bytes();
    let at = bytes.iter().position(|&b| b == 1).unwrap();
    bytes[at] = 0xC3;
    let file = dir.join("hostile.json");
    std::fs::write(&file, &bytes).unwrap();
    let path = file.to_str().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_steppe-corpus"))
        .args(["check", path])
        .output()
        .unwrap();
    // Diagnostics go to stderr, the summary to stdout: neither carries a control character.
    let stdout = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
    assert!(
        !stdout.chars().any(|c| c.is_control() && c != '\n'),
        "{stdout:?}"
    );
    let v = validate_bytes(&bytes);
    assert!(!v.diagnostics.is_empty());
    for d in &v.diagnostics {
        let prefix = format!("{path}:{}:{}: {}: ", d.line, d.column, d.severity);
        assert!(stdout.contains(&prefix), "{prefix} not in {stdout}");
    }
    assert!(stdout.contains("invalid UTF-8 (0xC3)"), "{stdout}");
    // UTF-16: named, exit 1, no byte offset.
    let utf16: Vec<u8> = "{}".encode_utf16().flat_map(u16::to_le_bytes).collect();
    std::fs::write(&file, utf16).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_steppe-corpus"))
        .args(["check", path])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout.contains(&format!("{path}:1:1: error: this file is UTF-16")),
        "{stdout}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn text_input_and_bytes_agree() {
    let text = malformed_records(50);
    assert_eq!(validate(&text), validate_bytes(text.as_bytes()));
}

#[test]
fn open_right_to_left_overrides_are_closed_within_their_text() {
    let sources = r#""sources":[{"id":"s","outlet":"Evil\u202e Outlet","title":"T","lang":"en"}],"#;
    let text = corpus(&actor("a", r#""en":"A\u2067""#), sources, &event("e", ""));
    let (c, d) = parse(&text);
    assert_eq!(c.sources[0].outlet, "Evil\u{202e} Outlet\u{202c}");
    assert_eq!(c.actors[0].name.get("en"), "A\u{2067}\u{2069}");
    assert_eq!(d.len(), 2, "{d:#?}");
    assert!(d
        .iter()
        .all(|d| d.severity == Severity::Warning
            && d.message.to_string().contains("closed at the end")));
    assert_eq!(d[1].path, "sources[0].outlet");
}

#[test]
fn a_file_of_tiny_values_stops_at_the_value_budget() {
    use steppe::core::corpus::json::MAX_JSON_VALUES;
    let text = format!("[{}0]", "0,".repeat(MAX_JSON_VALUES));
    let v = validate(&text);
    assert_eq!(v.diagnostics.len(), 1);
    let d = &v.diagnostics[0];
    assert!(
        d.message
            .to_string()
            .contains("more than 6000000 JSON values"),
        "{d:?}"
    );
    // The array is the first value: the zero at column 2 * MAX is one too many.
    assert_eq!((d.line, d.column), (1, 2 * MAX_JSON_VALUES));
}

/// The modules that read input deny unchecked arithmetic (overflow would panic in a debug
/// build and wrap silently in a release one); the crate root denies panics and indexing.
#[test]
fn input_facing_modules_deny_unchecked_arithmetic() {
    for module in [
        "corpus/json.rs",
        "corpus/validate.rs",
        "corpus/encoding.rs",
        "corpus/index.rs",
        "corpus/diagnostic.rs",
        "corpus/work.rs",
        "time/date.rs",
        "link/view_state.rs",
    ] {
        let text = std::fs::read_to_string(format!("src/core/{module}")).unwrap();
        assert!(
            text.contains("#![cfg_attr(not(test), deny(clippy::arithmetic_side_effects))]"),
            "src/core/{module} no longer denies clippy::arithmetic_side_effects"
        );
    }
}
