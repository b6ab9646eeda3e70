//! Bad input is a feature: every malformed corpus gets clear, located diagnostics.

use steppe::core::corpus::diagnostic::{Diagnostic, Severity};
use steppe::core::corpus::validate::MAX_FILE_BYTES;
use steppe::core::corpus::{parse, refuse_size, validate};

const SMALL: &str = include_str!("fixtures/small.json");

/// The small fixture with `from` replaced by `to` (exactly once).
fn mutate(from: &str, to: &str) -> String {
    assert_eq!(
        SMALL.matches(from).count(),
        1,
        "fixture must contain {from:?} once"
    );
    SMALL.replacen(from, to, 1)
}

fn errors(text: &str) -> Vec<Diagnostic> {
    validate(text)
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

/// Exactly one error, at `path`, whose message contains `msg`; returns it.
fn one_error(text: &str, path: &str, msg: &str) -> Diagnostic {
    let e = errors(text);
    assert_eq!(e.len(), 1, "expected one error, got {e:#?}");
    assert_eq!(e[0].path, path, "{e:#?}");
    assert!(
        e[0].message.to_string().contains(msg),
        "message {:?} lacks {msg:?}",
        e[0].message
    );
    e[0].clone()
}

fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].matches('\n').count() + 1
}

#[test]
fn the_fixture_is_clean() {
    let v = validate(SMALL);
    assert!(v.diagnostics.is_empty(), "{:#?}", v.diagnostics);
    assert_eq!(
        (
            v.file.actors.len(),
            v.file.sources.len(),
            v.file.events.len()
        ),
        (4, 3, 4)
    );
}

#[test]
fn malformed_json_is_located() {
    let text = SMALL.replacen("\"version\": 1,", "\"version\": 1,,", 1);
    let e = one_error(&text, "", "malformed JSON");
    assert_eq!((e.line, e.column), (3, 16)); // the second comma
    let (c, d) = parse("");
    assert!(c.is_empty() && d[0].message.to_string().contains("malformed JSON"));
    let e = one_error("[1, 2]", "", "expected an object, found an array");
    assert_eq!((e.line, e.column), (1, 1));
}

#[test]
fn impossible_dates_name_the_field() {
    let text = mutate(
        "\"date\": { \"year\": 2022, \"month\": 1, \"day\": 2 }",
        "\"date\": { \"year\": 2022, \"month\": 2, \"day\": 30 }",
    );
    let e = one_error(
        &text,
        "events[1].date.day",
        "2022-02 has 28 days, found day 30",
    );
    assert_eq!(e.line, line_of(&text, "\"day\": 30"));
    one_error(
        &mutate("\"date\": \"2022-01-06\"", "\"date\": \"2022-02-30\""),
        "events[0].date",
        "found day 30",
    );
    one_error(
        &mutate("\"date\": \"2022-01-06\"", "\"date\": \"6 Jan 2022\""),
        "events[0].date",
        "expected a date like",
    );
    one_error(
        &mutate("\"month\": 1, \"day\": 2", "\"month\": \"1\", \"day\": 2"),
        "events[1].date.month",
        "expected a number, found a string",
    );
    one_error(
        &mutate("\"end\": \"2022-01-13\"", "\"end\": \"2022-01-09\""),
        "events[3].end",
        "before the start",
    );
}

#[test]
fn wrong_types_and_missing_fields() {
    one_error(
        &mutate("\"lat\": 43.25667", "\"lat\": \"43.2\""),
        "events[0].place.lat",
        "expected a number, found a string",
    );
    one_error(
        &mutate("\"type\": \"protest\",", ""),
        "events[1].type",
        "missing required field \"type\"",
    );
    one_error(
        &mutate("\"type\": \"protest\"", "\"type\": \"riot\""),
        "events[1].type",
        "expected one of economic, protest",
    );
    one_error(
        &mutate(
            "\"title\": { \"en\": \"Troops arrive\", \"ru\": \"Прибытие войск\" }",
            "\"title\": { \"ru\": \"Прибытие войск\" }",
        ),
        "events[0].title",
        "English",
    );
    one_error(
        &mutate(
            "\"title\": { \"en\": \"Withdrawal begins\" }",
            "\"title\": { \"en\": \"  \" }",
        ),
        "events[3].title.en",
        "empty",
    );
    one_error(
        &mutate("\"sources\": [ \"en1\" ] },", "\"sources\": [] },"),
        "events[1].sources",
        "at least one source",
    );
    one_error(
        &mutate("\"disputed\": true", "\"disputed\": \"yes\""),
        "events[2].claim.disputed",
        "true or false",
    );
}

#[test]
fn coordinates_out_of_range() {
    one_error(
        &mutate("\"lat\": 43.25667", "\"lat\": 95"),
        "events[0].place.lat",
        "from -90 to 90, found 95",
    );
    one_error(
        &mutate("\"lon\": 52.86", "\"lon\": -181"),
        "events[1].place.lon",
        "from -180 to 180",
    );
}

#[test]
fn unknown_references_and_duplicates() {
    one_error(
        &mutate("{ \"id\": \"china\" }", "{ \"id\": \"usa\" }"),
        "events[0].actors[1].id",
        "unknown actor id \"usa\"",
    );
    one_error(
        &mutate("\"claimant\": \"experts\"", "\"claimant\": \"nobody\""),
        "events[2].claim.claimant",
        "unknown actor",
    );
    one_error(
        &mutate("\"sources\": [ \"zh1\" ] }", "\"sources\": [ \"zz\" ] }"),
        "events[2].sources[0]",
        "unknown source id",
    );
    let text = mutate("\"id\": \"e4\"", "\"id\": \"e1\"");
    let e = one_error(
        &text,
        "events[3].id",
        "duplicate id \"e1\": events[1] already uses it",
    );
    assert_eq!(
        e.line,
        line_of(&text, "{ \"id\": \"e1\", \"date\": \"2022-01-11\"")
    );
    let v = validate(&text);
    assert_eq!((v.file.events.len(), v.dropped.events), (3, 1));
    one_error(
        &mutate("\"id\": \"e3\"", "\"id\": \"E 3\""),
        "events[0].id",
        "lower-case",
    );
}

#[test]
fn links_must_be_http() {
    for bad in [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "JAVASCRIPT:alert(1)",
        "ftp://x.org/a",
        "//evil.org",
        "https:// space.org",
        "https://",
    ] {
        let text = mutate(
            "\"url\": \"https://example.org/ru\"",
            &format!("\"url\": {}", serde_json::to_string(bad).unwrap()),
        );
        let e = errors(&text);
        assert!(
            e.iter().any(|d| d.path == "sources[1].url"),
            "{bad}: {e:#?}"
        );
        // The source is left out, so events citing it report an unknown source.
        assert!(validate(&text).file.sources.iter().all(|s| s.id != "ru1"));
    }
    assert!(errors(&mutate(
        "\"url\": \"https://example.org/ru\"",
        "\"url\": \"http://example.org/a?b=c#d\""
    ))
    .is_empty());
}

#[test]
fn html_in_text_is_kept_as_text() {
    let text = mutate(
        "\"Fuel price protest\"",
        "\"<img src=x onerror=alert(1)> & <b>bold</b>\"",
    );
    let (c, d) = parse(&text);
    assert!(d.is_empty());
    let e = &c.events[c.event_index("e1").unwrap()];
    assert_eq!(
        e.title.get("en"),
        "<img src=x onerror=alert(1)> & <b>bold</b>"
    );
}

#[test]
fn over_long_strings_and_huge_files() {
    let long = "x".repeat(301);
    one_error(
        &mutate("\"Withdrawal begins\"", &format!("\"{long}\"")),
        "events[3].title.en",
        "at most 300 characters, found 301",
    );
    // Past the memory budget's file size: refused before it is parsed, located at its start.
    let huge = format!("{}{}", SMALL, " ".repeat(MAX_FILE_BYTES));
    let (c, d) = parse(&huge);
    assert!(c.is_empty());
    assert_eq!(d.len(), 1);
    assert_eq!((d[0].line, d[0].column, d[0].path.as_str()), (1, 1, ""));
    assert!(
        d[0].message
            .to_string()
            .contains("the memory budget of 2048 MB allows files of at most 409 MB"),
        "{}",
        d[0].message
    );
    // By size alone, before a file is read (the CLI and the page ask first): the same error.
    let limit = MAX_FILE_BYTES as u64;
    assert!(refuse_size(limit).is_none());
    let refused = refuse_size(limit + SMALL.len() as u64).unwrap();
    assert_eq!(refused.diagnostics, d);
    assert!(refused.file.events.is_empty());
    // A million generated events (`steppe-corpus generate 1000000`, 357.9 MB) are read.
    const { assert!(MAX_FILE_BYTES > 360_000_000) };
}

#[test]
fn unknown_fields_warn_and_keep_the_record() {
    let text = mutate(
        "\"tags\": [ \"csto\" ],",
        "\"tags\": [ \"csto\" ], \"colour\": \"red\",",
    );
    let v = validate(&text);
    assert_eq!(v.diagnostics.len(), 1);
    let w = &v.diagnostics[0];
    assert_eq!(
        (w.severity, w.path.as_str()),
        (Severity::Warning, "events[3].colour")
    );
    assert_eq!(v.file.events.len(), 4);
}

#[test]
fn every_problem_is_reported_and_good_records_still_load() {
    let text = mutate("\"lat\": 43.25667", "\"lat\": 95")
        .replacen("\"type\": \"protest\"", "\"type\": 7", 1)
        .replacen("\"2022-01-11\"", "\"2022-13-11\"", 1);
    let (c, d) = parse(&text);
    let paths: Vec<&str> = d.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(
        paths,
        ["events[0].place.lat", "events[1].type", "events[3].date"]
    );
    assert_eq!(c.len(), 1);
    assert_eq!(c.dropped.events, 3);
    assert_eq!(c.events[0].id, "e2");
}

#[test]
fn wrong_format_or_version() {
    one_error(
        &mutate("\"version\": 1", "\"version\": 2"),
        "version",
        "reads format version 1, found version 2",
    );
    one_error(
        &mutate(
            "\"format\": \"steppe-corpus\"",
            "\"format\": \"timelinejs\"",
        ),
        "format",
        "expected \"steppe-corpus\"",
    );
}

#[test]
fn an_event_without_a_place_loads_and_a_given_place_is_still_checked() {
    let text = mutate(
        r#""place": { "name": { "en": "Kazakhstan" }, "lat": 48.0, "lon": 67.0, "precision": "country" },"#,
        "",
    );
    let (corpus, diags) = parse(&text);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(corpus.len(), 4);
    let e2 = corpus.events.iter().find(|e| e.id == "e2").unwrap();
    assert!(e2.place.is_none());
    // Written out again, it has no "place" key, and reads back the same.
    let json =
        serde_json::to_string(&corpus.events.iter().find(|e| e.id == "e2").unwrap()).unwrap();
    assert!(!json.contains("place"), "{json}");
    // A place that is there must be whole.
    let text = mutate(
        r#""lat": 48.0, "lon": 67.0, "precision": "country""#,
        r#""lat": 48.0, "precision": "country""#,
    );
    one_error(&text, "events[2].place.lon", "missing");
}

/// The small fixture with one question, answered by its claim event.
fn with_question(question_ref: &str) -> String {
    let q = "\"questions\": [{ \"id\": \"toll\", \"text\": { \"en\": \"How many died?\", \"ru\": \"Сколько погибло?\" }, \"unit\": { \"en\": \"dead\" } }],\n  \"events\"";
    mutate("\"disputed\": true", &format!("\"disputed\": true, \"question\": \"{question_ref}\", \"answer\": {{ \"en\": \"about 40\" }}"))
        .replacen("\"events\"", q, 1)
}

#[test]
fn questions_are_read_and_answered() {
    let v = validate(&with_question("toll"));
    assert!(v.diagnostics.is_empty(), "{:#?}", v.diagnostics);
    assert_eq!(v.file.questions.len(), 1);
    assert_eq!(v.file.questions[0].text.get("ru"), "Сколько погибло?");
    let claim = v.file.events.iter().find_map(|e| e.claim.as_ref()).unwrap();
    assert_eq!(claim.question.as_deref(), Some("toll"));
    assert_eq!(claim.answer.as_ref().map(|a| a.get("en")), Some("about 40"));
}

#[test]
fn an_unknown_question_id_is_a_located_error() {
    let text = with_question("tol");
    let e = one_error(
        &text,
        "events[2].claim.question",
        "unknown question id \"tol\"",
    );
    assert_eq!(e.line, line_of(&text, "\"question\": \"tol\""));
    // The claim's event is left out, the others load.
    let v = validate(&text);
    assert_eq!((v.file.events.len(), v.dropped.events), (3, 1));
}

#[test]
fn a_bad_question_record_is_located_and_its_answers_dropped() {
    let text = with_question("toll").replacen("\"text\": {", "\"text\": 5, \"x\": {", 1);
    let e = errors(&text);
    assert!(e.iter().any(|d| d.path == "questions[0].text"), "{e:#?}");
    assert!(
        e.iter().any(|d| d.path == "events[2].claim.question"
            && d.message.to_string().contains("unknown question")),
        "{e:#?}"
    );
}
