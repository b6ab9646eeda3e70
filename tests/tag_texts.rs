//! Translatable tags and actor roles: the `tags` table and roles as text in several
//! languages, read, checked with located diagnostics, searched and exported.

use steppe::core::corpus::diagnostic::{Diagnostic, Severity};
use steppe::core::corpus::{parse, tag_text, validate, Label};
use steppe::core::interchange::export::{subset, write, ExportFormat};
use steppe::core::query::{run, Filter};

const SMALL: &str = include_str!("fixtures/small.json");

/// The small fixture with a `tags` table (`table`, a JSON value) and edits `from` -> `to`.
fn with(table: &str, edits: &[(&str, &str)]) -> String {
    let mut text = SMALL.replacen(
        "\"events\": [",
        &format!("\"tags\": {table},\n  \"events\": ["),
        1,
    );
    for (from, to) in edits {
        assert_eq!(text.matches(from).count(), 1, "{from:?}");
        text = text.replacen(from, to, 1);
    }
    text
}

const TABLE: &str = r#"{ "csto": { "en": "CSTO", "ru": "ОДКБ", "zh": "集安组织", "kk": "ҰҚШҰ" },
    "withdrawal": { "en": "withdrawal", "ru": "вывод войск" } }"#;

const ROLE: (&str, &str) = (
    r#""role": "organiser""#,
    r#""role": { "en": "organiser", "ru": "организатор" }"#,
);

fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].matches('\n').count() + 1
}

fn of(v: &[Diagnostic], severity: Severity) -> Vec<Diagnostic> {
    v.iter()
        .filter(|d| d.severity == severity)
        .cloned()
        .collect()
}

#[test]
fn both_shapes_of_role_and_the_tags_table_are_read() {
    let text = with(
        TABLE,
        &[
            ROLE,
            (
                r#""tags": [ "csto" ]"#,
                r#""tags": [ "csto", "withdrawal" ]"#,
            ),
        ],
    );
    let v = validate(&text);
    assert!(v.diagnostics.is_empty(), "{:#?}", v.diagnostics);
    assert_eq!(v.file.tags.len(), 2);
    assert_eq!(v.file.tags["csto"].get("kk"), "ҰҚШҰ");
    let e1 = v.file.events.iter().find(|e| e.id == "e1").unwrap();
    let role = e1.actors[0].role.as_ref().unwrap();
    assert!(matches!(role, Label::Text(_)));
    assert_eq!(role.get("ru"), "организатор");
    // A plain role stays a plain string, shown as written in every language.
    let plain = validate(SMALL);
    let e1 = plain.file.events.iter().find(|e| e.id == "e1").unwrap();
    assert_eq!(e1.actors[0].role, Some(Label::Plain("organiser".into())));
    assert_eq!(e1.actors[0].role.as_ref().unwrap().get("kk"), "organiser");
    assert!(plain.file.tags.is_empty());
}

#[test]
fn tags_and_roles_fall_back_from_kazakh_to_russian_to_english() {
    let text = with(
        TABLE,
        &[
            ROLE,
            (
                r#""tags": [ "csto" ]"#,
                r#""tags": [ "csto", "withdrawal", "riot" ]"#,
            ),
        ],
    );
    let (c, d) = parse(&text);
    assert!(d.is_empty(), "{d:#?}");
    assert_eq!(c.tag("csto", "kk"), (Some("kk".into()), "ҰҚШҰ".into()));
    assert_eq!(
        c.tag("withdrawal", "kk"),
        (Some("ru".into()), "вывод войск".into())
    );
    assert_eq!(
        c.tag("withdrawal", "zh"),
        (Some("en".into()), "withdrawal".into())
    );
    // A tag without an entry is shown as its id.
    assert_eq!(c.tag("riot", "ru"), (None, "riot".into()));
    let e1 = &c.events[c.event_index("e1").unwrap()];
    let role = e1.actors[0].role.as_ref().unwrap();
    assert_eq!(role.pick("kk"), (Some("ru"), "организатор"));
    assert_eq!(role.pick("zh"), (Some("en"), "organiser"));
}

#[test]
fn bad_tag_tables_and_roles_are_located() {
    let cases: [(String, &str, &str, &str); 7] = [
        (
            with("[\"csto\"]", &[]),
            "tags",
            "expected an object of tag ids",
            "\"tags\"",
        ),
        (
            with(r#"{ "csto": "ОДКБ" }"#, &[]),
            "tags.csto",
            "expected an object of texts by language code",
            "\"csto\": \"ОДКБ\"",
        ),
        (
            with(r#"{ "csto": {} }"#, &[]),
            "tags.csto",
            "expected a text in at least one language",
            "\"csto\": {}",
        ),
        (
            with(r#"{ "csto": { "english": "CSTO" } }"#, &[]),
            "tags.csto.english",
            "BCP 47",
            "\"english\"",
        ),
        (
            with(r#"{ "": { "en": "nothing" } }"#, &[]),
            "tags[\"\"]",
            "expected a tag id of 1 to 300 characters",
            "\"\": {",
        ),
        (
            with("{}", &[(r#""role": "organiser""#, r#""role": 7"#)]),
            "events[1].actors[0].role",
            "expected a role as a string or as an object of texts by language code, found a number",
            "\"role\": 7",
        ),
        (
            with(
                "{}",
                &[(r#""role": "organiser""#, r#""role": { "ru": "" }"#)],
            ),
            "events[1].actors[0].role.ru",
            "expected text, found an empty string",
            "\"role\": {",
        ),
    ];
    for (text, path, msg, at) in cases {
        let v = validate(&text);
        let errors = of(&v.diagnostics, Severity::Error);
        assert_eq!(errors.len(), 1, "{path}: {errors:#?}");
        let e = &errors[0];
        assert_eq!(e.path, path);
        assert!(e.message.to_string().contains(msg), "{path}: {}", e.message);
        assert_eq!(e.line, line_of(&text, at), "{path}: {e:?}");
    }
    // A bad entry is left out; the rest of the table and every event still load.
    let v = validate(&with(r#"{ "csto": { "en": "CSTO" }, "x": 1 }"#, &[]));
    assert_eq!(v.file.tags.len(), 1);
    assert_eq!(v.file.events.len(), 4);
    // A bad role leaves its event out, as any other bad field does.
    let v = validate(&with("{}", &[(r#""role": "organiser""#, r#""role": []"#)]));
    assert_eq!(v.dropped.events, 1);
}

#[test]
fn unused_entries_are_warnings_and_unknown_ids_are_fine() {
    let text = with(
        TABLE,
        &[(r#""tags": [ "csto" ]"#, r#""tags": [ "csto", "curfew" ]"#)],
    );
    let v = validate(&text);
    assert!(of(&v.diagnostics, Severity::Error).is_empty());
    let w = of(&v.diagnostics, Severity::Warning);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(w[0].path, "tags.withdrawal");
    assert_eq!(w[0].line, line_of(&text, "\"withdrawal\": {"));
    assert!(
        w[0].message.to_string().contains("no event uses it"),
        "{}",
        w[0].message
    );
}

#[test]
fn an_export_keeps_the_tag_texts_of_its_events_and_flat_formats_write_english() {
    let text = with(
        TABLE,
        &[
            ROLE,
            (
                r#""type": "protest","#,
                r#""type": "protest", "tags": [ "withdrawal" ],"#,
            ),
        ],
    );
    let (c, d) = parse(&text);
    assert!(d.is_empty(), "{d:#?}");
    let mut f = Filter::default();
    f.actors.push("protesters".into());
    let m = run(&c, &f).matches;
    let file = subset(&c, Some(&m));
    assert_eq!(file.tags.keys().collect::<Vec<_>>(), ["withdrawal"]);
    let json = write(&file, ExportFormat::Steppe);
    let v = validate(&json);
    assert!(v.diagnostics.is_empty(), "{:#?}", v.diagnostics);
    assert_eq!(v.file, file);
    assert!(json.contains("вывод войск") && json.contains("организатор"));

    let all = subset(&c, None);
    assert_eq!(all.tags.len(), 2);
    assert_eq!(tag_text(&all.tags, "csto", "en"), "CSTO");
    let csv = write(&all, ExportFormat::Csv);
    assert!(csv.contains(",CSTO,"), "{csv}");
    assert!(!csv.contains("ОДКБ"));
    let geo = write(&all, ExportFormat::GeoJson);
    assert!(geo.contains("\"tags\":\"CSTO\""), "{geo}");
    let tl = write(&all, ExportFormat::TimelineJs);
    let tl: serde_json::Value = serde_json::from_str(&tl).unwrap();
    let groups: Vec<&str> = tl["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["group"].as_str())
        .collect();
    assert_eq!(groups, ["withdrawal", "CSTO"]);
}

#[test]
fn tags_are_found_by_their_texts_in_every_language() {
    let (c, _) = parse(&with(TABLE, &[]));
    for q in ["ОДКБ", "集安", "ҰҚШҰ", "csto"] {
        let f = Filter {
            text: q.into(),
            ..Filter::default()
        };
        let r = run(&c, &f);
        assert_eq!(r.matches.count(), 1, "{q}");
    }
}
