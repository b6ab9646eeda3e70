//! Round trips through the exchange formats, on the bundled corpus: what a format can hold
//! comes back unchanged.

use steppe::core::corpus::{parse, tag_text, validate, Corpus, CorpusFile, Event};
use steppe::core::interchange::export::{subset, write, ExportFormat};
use steppe::core::interchange::{csv, import, timelinejs, Format};
use steppe::core::time::date::PartialDate;

const CORPUS: &str = include_str!("../public/corpus.json");

fn bundled() -> (Corpus, CorpusFile) {
    let (c, d) = parse(CORPUS);
    assert!(d.is_empty());
    let file = subset(&c, None);
    (c, file)
}

/// The imported file passes the validator with nothing to say.
fn valid(file: &CorpusFile) -> CorpusFile {
    let v = validate(&serde_json::to_string(file).unwrap());
    assert!(v.diagnostics.is_empty(), "{:#?}", v.diagnostics);
    v.file
}

fn source<'a>(f: &'a CorpusFile, id: &str) -> &'a steppe::core::corpus::Source {
    f.sources.iter().find(|s| s.id == id).unwrap()
}

fn actor_name(f: &CorpusFile, id: &str) -> String {
    f.actors
        .iter()
        .find(|a| a.id == id)
        .unwrap()
        .name
        .get("en")
        .to_string()
}

fn en(e: &Event) -> (String, Option<String>) {
    (
        e.title.get("en").to_string(),
        e.summary.as_ref().map(|s| s.get("en").to_string()),
    )
}

#[test]
fn steppe_to_timelinejs_and_back_keeps_what_timelinejs_holds() {
    let (_, file) = bundled();
    let tl = timelinejs::export(&file);
    let back = import("story.json", tl.as_bytes()).expect("an import format");
    assert_eq!(back.format, Format::TimelineJs);
    assert!(back.diagnostics.is_empty(), "{:#?}", back.diagnostics);
    let back = valid(&back.file);
    assert_eq!(back.meta.title.get("en"), file.meta.title.get("en"));
    assert_eq!(back.events.len(), file.events.len());
    for (a, b) in file.events.iter().zip(&back.events) {
        assert_eq!(a.id, b.id);
        // TimelineJS dates have no UTC offset.
        let local = |d: PartialDate| PartialDate {
            offset_minutes: None,
            ..d
        };
        assert_eq!(
            (local(a.date), a.end.map(local)),
            (b.date, b.end),
            "{}",
            a.id
        );
        assert_eq!(en(a), en(b), "{}", a.id);
        // The group is the first tag's English text, which becomes the tag on the way back.
        assert_eq!(
            a.tags.first().map(|t| tag_text(&file.tags, t, "en")),
            b.tags.first().map(String::as_str),
            "{}",
            a.id
        );
        let (sa, sb) = (source(&file, &a.sources[0]), source(&back, &b.sources[0]));
        assert_eq!(
            (&sa.outlet, &sa.url, &sa.title),
            (&sb.outlet, &sb.url, &sb.title),
            "{}",
            a.id
        );
    }
}

#[test]
fn steppe_to_csv_and_back_keeps_every_csv_field() {
    let (_, file) = bundled();
    let text = write(&file, ExportFormat::Csv);
    let back = import("view.csv", text.as_bytes()).expect("an import format");
    assert_eq!(back.format, Format::Csv);
    assert!(back.diagnostics.is_empty(), "{:#?}", back.diagnostics);
    let back = valid(&back.file);
    assert_eq!(back.events.len(), file.events.len());
    for (a, b) in file.events.iter().zip(&back.events) {
        assert_eq!(a.id, b.id);
        assert_eq!((a.date, a.end, a.kind), (b.date, b.end, b.kind), "{}", a.id);
        assert_eq!(en(a), en(b), "{}", a.id);
        let place = |e: &Event| {
            e.place.as_ref().map(|p| {
                (
                    p.name.get("en").to_string(),
                    p.lat,
                    p.lon,
                    p.precision,
                    p.country.clone(),
                )
            })
        };
        assert_eq!(place(a), place(b), "{}", a.id);
        // Tags are written as their English text, which becomes the tag on the way back.
        let tags_en: Vec<&str> = a
            .tags
            .iter()
            .map(|t| tag_text(&file.tags, t, "en"))
            .collect();
        assert_eq!(tags_en, b.tags, "{}", a.id);
        let actors = |f: &CorpusFile, e: &Event| {
            e.actors
                .iter()
                .map(|x| actor_name(f, &x.id))
                .collect::<Vec<_>>()
        };
        assert_eq!(actors(&file, a), actors(&back, b), "{}", a.id);
        let claim = |f: &CorpusFile, e: &Event| {
            e.claim
                .as_ref()
                .map(|c| (actor_name(f, &c.claimant), c.disputed))
        };
        assert_eq!(claim(&file, a), claim(&back, b), "{}", a.id);
        let srcs = |f: &CorpusFile, e: &Event| {
            e.sources
                .iter()
                .map(|s| {
                    let s = source(f, s);
                    (s.outlet.clone(), s.url.clone(), s.lang.clone())
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(srcs(&file, a), srcs(&back, b), "{}", a.id);
    }
}

#[test]
fn an_event_without_a_place_goes_out_and_comes_back_without_one() {
    let text = "id,date,title,sources\nx1,2022-01-05,Statement,TASS\n";
    let im = import("Statements 2022.csv", text.as_bytes()).unwrap();
    // A CSV has no title: the file's name stands for it.
    assert_eq!(im.file.meta.title.get("en"), "Statements 2022");
    let file = valid(&im.file);
    assert!(file.events[0].place.is_none());
    let g: serde_json::Value = serde_json::from_str(&write(&file, ExportFormat::GeoJson)).unwrap();
    assert!(g["features"][0]["geometry"].is_null());
    let again = import("b.csv", write(&file, ExportFormat::Csv).as_bytes()).unwrap();
    assert!(again.file.events[0].place.is_none());
}

#[test]
fn hostile_text_stays_text_and_bad_links_are_dropped() {
    let text = "date,title,notes,sources,source_urls\n2022-01-05,\"<img src=x onerror=alert(1)>Hi\",\"<script>alert(1)</script>ok\",X,javascript:alert(1)\n2022-01-06,\"=HYPERLINK(\"\"http://evil\"\")\",,Y,https://example.org/y\n";
    let im = csv::import(text);
    let f = valid(&im.file);
    assert_eq!(f.events[0].title.get("en"), "Hi");
    assert_eq!(f.events[0].summary.as_ref().unwrap().get("en"), "ok");
    assert!(f
        .sources
        .iter()
        .all(|s| s.url.as_deref() != Some("javascript:alert(1)")));
    assert_eq!(
        (
            im.diagnostics.len(),
            im.diagnostics[0].line,
            im.diagnostics[0].path.as_str()
        ),
        (1, 2, "source_urls")
    );
    // A formula written back out is defused for spreadsheets.
    let out = write(&f, ExportFormat::Csv);
    assert!(out.contains(",\"'=HYPERLINK(\"\"http://evil"), "{out}");
}
