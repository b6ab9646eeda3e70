//! Every diagnostic message comes from a real bad input, with its English text as the corpus
//! tool prints it; and the app's languages render real diagnostics.

use std::collections::HashSet;
use steppe::core::corpus::diagnostic::{Arg, Diagnostic, Message, Msg};
use steppe::core::corpus::index::{MAX_FACET_ACTORS, MAX_FACET_LANGUAGES};
use steppe::core::corpus::json::{self, Value};
use steppe::core::corpus::lint::lint;
use steppe::core::corpus::validate::{MAX_FILE_BYTES, MAX_LIST_ITEMS, MAX_TEXT_LANGUAGES};
use steppe::core::corpus::{validate, validate_bytes};
use steppe::core::interchange::{import, storymap, timelinejs};
use steppe::core::text::lang::Lang;

/// Keys no file can bring out: the browser's own failure to read a file, the loading
/// worker stopping part-way (out of memory), and a `\u` escape that decodes to no
/// character (every hex value outside the surrogates is one).
const NOT_FROM_A_FILE: &[Msg] = &[
    Msg::FileUnreadable,
    Msg::ReadingStopped,
    Msg::JsonNotACharacter,
];

const EVENT: &str =
    r#"{"id":"e","date":"2022-01-05","title":{"en":"E"},"type":"protest","sources":["s"]}"#;
const ACTOR: &str = r#"{"id":"a","name":{"en":"A"},"kind":"state"}"#;
const SOURCE: &str = r#"{"id":"s","outlet":"O","title":"T","lang":"en"}"#;

fn corpus(actors: &str, sources: &str, events: &str) -> String {
    format!(
        r#"{{"format":"steppe-corpus","version":1,"meta":{{"title":{{"en":"T"}}}},"actors":[{actors}],"sources":[{sources}],"questions":[],"events":[{events}]}}"#
    )
}

/// The small valid corpus with `from` replaced by `to` (exactly once).
fn with(from: &str, to: &str) -> String {
    let text = corpus(ACTOR, SOURCE, EVENT);
    assert_eq!(text.matches(from).count(), 1, "{from}");
    text.replacen(from, to, 1)
}

/// The one event with `field` (its first occurrence) replaced.
fn event(from: &str, to: &str) -> String {
    corpus(ACTOR, SOURCE, &EVENT.replacen(from, to, 1))
}

fn source(from: &str, to: &str) -> String {
    corpus(ACTOR, &SOURCE.replacen(from, to, 1), EVENT)
}

fn date(d: &str) -> String {
    event(r#""2022-01-05""#, d)
}

fn title(t: &str) -> String {
    event(r#""title":{"en":"E"}"#, &format!(r#""title":{t}"#))
}

fn url(u: &str) -> String {
    source(r#""lang""#, &format!(r#""url":"{u}","lang""#))
}

enum Input {
    Corpus(String),
    Bytes(Vec<u8>),
    Import(&'static str, String),
    TimelineJs(&'static str),
    StoryMap(&'static str),
    Lint(String),
    /// What the JSON reader says of an unreadable value (the validator shows it wherever
    /// such a value stands for a field; an over-deep one never can).
    Json(String),
}

fn messages(input: &Input) -> Vec<Message> {
    let of = |ds: Vec<Diagnostic>| ds.into_iter().map(|d| d.message).collect();
    match input {
        Input::Corpus(text) => of(validate(text).diagnostics),
        Input::Bytes(bytes) => of(validate_bytes(bytes).diagnostics),
        Input::Import(name, text) => of(import(name, text.as_bytes()).unwrap().diagnostics),
        Input::TimelineJs(text) => of(timelinejs::import(text).diagnostics),
        Input::StoryMap(text) => of(storymap::import(text).diagnostics),
        Input::Lint(text) => of(lint(text)),
        Input::Json(text) => {
            let mut out = Vec::new();
            let mut todo = vec![json::parse(text).unwrap()];
            while let Some(n) = todo.pop() {
                match n.value {
                    Value::Invalid(m) => out.push(*m),
                    Value::Array(items) => todo.extend(items),
                    Value::Object(members) => todo.extend(members.into_iter().map(|m| m.node)),
                    _ => {}
                }
            }
            out
        }
    }
}

/// Every key in a message, its arguments' included.
fn keys(m: &Message, out: &mut HashSet<Msg>) {
    out.insert(m.key);
    for (_, a) in &m.args {
        if let Arg::Msg(inner) = a {
            keys(inner, out);
        }
    }
}

fn has(m: &Message, key: Msg) -> bool {
    let mut k = HashSet::new();
    keys(m, &mut k);
    k.contains(&key)
}

fn cases() -> Vec<(Msg, Input, &'static str)> {
    use Input::*;
    use Msg::*;
    let many_tags: Vec<String> = (0..=MAX_LIST_ITEMS).map(|i| format!("\"t{i}\"")).collect();
    let many_langs: Vec<String> = (0..=MAX_TEXT_LANGUAGES)
        .map(|i| format!(r#""qa-{i}":"x""#))
        .collect();
    let empty_events = vec!["{}"; 2_100].join(",");
    vec![
        (WideEncoding, Bytes(vec![0xFF, 0xFE, b'{', 0, b'}', 0]), "this file is UTF-16 (little-endian, with a byte-order mark), not UTF-8: save it as UTF-8 (in most editors: \"Save as…\", encoding \"UTF-8\") and open it again"),
        (EncodingWithMark, Bytes(vec![0xFF, 0xFE, b'{', 0, b'}', 0]), "this file is UTF-16 (little-endian, with a byte-order mark), not UTF-8: save it as UTF-8 (in most editors: \"Save as…\", encoding \"UTF-8\") and open it again"),
        (Encoding, Bytes(vec![0, b'{', 0, b'}']), "this file is UTF-16 (big-endian), not UTF-8: save it as UTF-8 (in most editors: \"Save as…\", encoding \"UTF-8\") and open it again"),
        (InvalidUtf8, Bytes(b"{\"a\": \"x\xFFy\"}".to_vec()), "invalid UTF-8 (0xFF) replaced by U+FFFD: the file is not valid UTF-8 here"),
        (MoreInvalidUtf8, Bytes(b"\xFF ".repeat(25)), "5 more invalid UTF-8 sequences after this one were replaced by U+FFFD"),
        // Zero bytes: the pages of a zeroed allocation are not touched, and the size is judged first.
        (FileTooBig, Bytes(vec![0; MAX_FILE_BYTES + 1]), "the file is 409.6 MB; reading a file takes about 5 times its size in memory, so the memory budget of 2048 MB allows files of at most 409 MB"),
        (TooManyDiagnostics, Corpus(corpus(ACTOR, SOURCE, &empty_events)), "500 problems more (500 errors) from here on are not listed: only the first 10000 are"),
        (Problems, Corpus(corpus(ACTOR, SOURCE, &empty_events)), "500 problems more (500 errors) from here on are not listed: only the first 10000 are"),
        (Errors, Corpus(corpus(ACTOR, SOURCE, &empty_events)), "500 problems more (500 errors) from here on are not listed: only the first 10000 are"),
        (MalformedJson, Corpus("{,}".into()), "malformed JSON: expected a quoted key in an object, found ','"),
        (JsonFound, Corpus("{,}".into()), "malformed JSON: expected a quoted key in an object, found ','"),
        (JsonQuotedKey, Corpus("{,}".into()), "malformed JSON: expected a quoted key in an object, found ','"),
        (JsonFoundEnd, Corpus("[1,".into()), "malformed JSON: expected a JSON value, found the end of the file"),
        (JsonValueExpected, Corpus("[1,".into()), "malformed JSON: expected a JSON value, found the end of the file"),
        (JsonEndOfDocument, Corpus("{} x".into()), "malformed JSON: expected the end of the document after the top-level value, found 'x'"),
        (JsonMismatchedBracket, Corpus(format!("{}{}", "[".repeat(70), "}".repeat(70))), "malformed JSON: mismatched bracket, found '}'"),
        (JsonCloseArray, Corpus("[".repeat(70)), "malformed JSON: expected ']' to close an array, found the end of the file"),
        (JsonCloseObject, Corpus(format!("{}{{", "[".repeat(64))), "malformed JSON: expected '}' to close an object, found the end of the file"),
        (JsonDigit, Corpus("-x".into()), "malformed JSON: expected a digit, found 'x'"),
        (JsonDigitAfterPoint, Corpus("1.".into()), "malformed JSON: expected a digit after the decimal point, found the end of the file"),
        (JsonDigitInExponent, Corpus("1e".into()), "malformed JSON: expected a digit in the exponent, found the end of the file"),
        (JsonClosingQuote, Corpus("\"abc".into()), "malformed JSON: expected a closing quote, found the end of the file"),
        (JsonControlInString, Corpus("\"a\tb\"".into()), "malformed JSON: control characters must be escaped inside strings, found '\\t'"),
        (JsonArraySeparator, Corpus("[1 2]".into()), "malformed JSON: expected ',' or ']' in an array, found '2'"),
        (JsonColon, Corpus("{\"a\" 1}".into()), "malformed JSON: expected ':' after an object key, found '1'"),
        (JsonObjectSeparator, Corpus("{\"a\":1 2}".into()), "malformed JSON: expected ',' or '}' in an object, found '2'"),
        (JsonTooManyValues, Corpus(format!("[{}0]", "0,".repeat(6_000_000))), "the file holds more than 6000000 JSON values, the limit that keeps memory bounded; the next one starts here"),
        (JsonTooDeep, Json(format!("{}{}", "[".repeat(70), "]".repeat(70))), "nesting deeper than 64 levels"),
        (JsonNumberRange, Corpus(title(r#"{"en":1e400}"#)), "the number 1e400 is out of range (beyond ±1.8e308)"),
        (JsonUnknownEscape, Corpus(title(r#"{"en":"a\xb"}"#)), "unknown escape \\x: a string may use \\n, \\t, \\\", \\\\, \\/, \\b, \\f, \\r and \\u followed by four hex digits"),
        (JsonHexAfterU, Corpus(title(r#"{"en":"\u12"}"#)), "expected four hex digits after \\u"),
        (JsonLoneLowSurrogate, Corpus(title(r#"{"en":"\udc00"}"#)), "\\udc00 is the second half of a UTF-16 surrogate pair, without a first half"),
        (JsonLoneHighSurrogate, Corpus(title(r#"{"en":"\ud800x"}"#)), "\\ud800 is the first half of a UTF-16 surrogate pair, without its second half"),
        (ExpectedFound, Corpus("[1, 2]".into()), "expected an object, found an array"),
        (KindObject, Corpus("[1, 2]".into()), "expected an object, found an array"),
        (KindArray, Corpus("[1, 2]".into()), "expected an object, found an array"),
        (KindString, Corpus(title(r#"{"en":5}"#)), "expected a string, found a number"),
        (KindNumber, Corpus(title(r#"{"en":5}"#)), "expected a string, found a number"),
        (KindNull, Corpus(title(r#"{"en":null}"#)), "expected a string, found null"),
        (KindBoolean, Corpus(title(r#"{"en":true}"#)), "expected a string, found a boolean"),
        (KindTrueOrFalse, Corpus(event(r#""sources""#, r#""claim":{"claimant":"a","disputed":"yes"},"sources""#)), "expected true or false, found a string"),
        (KindDate, Corpus(date("5")), "expected a date string or object, found a number"),
        (WrongVersion, Corpus(with(r#""version":1"#, r#""version":2"#)), "this build reads format version 1, found version 2"),
        (DuplicateId, Corpus(corpus(ACTOR, SOURCE, &format!("{EVENT},{EVENT}"))), "duplicate id \"e\": events[0] already uses it; this record is left out"),
        (DuplicateKey, Corpus(with(r#""meta":{"#, r#""meta":{"title":{"en":"U"},"#)), "the key \"title\" appears more than once; the last one is used"),
        (UnknownField, Corpus(event(r#""sources""#, r#""colour":1,"sources""#)), "unknown field \"colour\" is ignored (expected one of: id, date, end, place, title, summary, actors, type, tags, claim, sources)"),
        (MissingField, Corpus(event(r#""title":{"en":"E"},"#, "")), "missing required field \"title\""),
        (BidiOpen, Corpus(title("{\"en\":\"a\u{202e}b\"}")), "this text leaves a bidirectional override, embedding or isolate open; it is closed at the end of the text, so it cannot reverse what is shown beside it"),
        (EmptyText, Corpus(title(r#"{"en":"  "}"#)), "expected text, found an empty string"),
        (TooLong, Corpus(source(r#""O""#, &format!("\"{}\"", "x".repeat(301)))), "expected at most 300 characters, found 301"),
        (WholeNumberRange, Corpus(date(r#"{"year":2022,"month":1.5}"#)), "expected a whole number from 0 to 255, found 1.5"),
        (NumberRange, Corpus(event(r#""sources""#, r#""place":{"name":{"en":"P"},"lat":91,"lon":1,"precision":"city"},"sources""#)), "expected a number from -90 to 90, found 91"),
        (BadId, Corpus(event(r#""id":"e""#, r#""id":"E!""#)), "expected an id of 1 to 64 lower-case letters, digits, '-' or '_', starting with a letter or digit, found \"E!\""),
        (OneOf, Corpus(event("protest", "riot")), "expected one of economic, protest, violence, security, political, military, diplomatic, statement, communications, other, found \"riot\""),
        (BadLangCode, Corpus(source(r#""lang":"en""#, r#""lang":"english""#)), "expected a BCP 47 language code like \"en\", \"zh\" or \"kk-Cyrl\", found \"english\""),
        (BadLangKey, Corpus(title(r#"{"en":"E","English":"E"}"#)), "expected a BCP 47 language code as key, like \"en\" or \"zh\", found \"English\""),
        (BadCountry, Corpus(with(r#""kind":"state""#, r#""kind":"state","country":"kz""#)), "expected an ISO 3166-1 alpha-2 code like \"KZ\", found \"kz\""),
        (TooManyLanguages, Corpus(title(&format!(r#"{{"en":"E",{}}}"#, many_langs.join(",")))), "this text is in 34 languages; only 32 are read (English and the first 31 others), the other 2 from here on are ignored"),
        (NoEnglish, Corpus(title(r#"{"ru":"Е"}"#)), "expected an English (\"en\") text among the languages"),
        (MinuteNeedsHour, Corpus(date(r#"{"year":2022,"month":1,"day":5,"minute":3}"#)), "a minute needs an hour"),
        (BadOffset, Corpus(date(r#"{"year":2022,"utc_offset":"+6"}"#)), "expected an offset like \"+06:00\" or \"Z\", found \"+6\""),
        (TooManyItems, Corpus(event(r#""sources""#, &format!(r#""tags":[{}],"sources""#, many_tags.join(",")))), "this list has 101 entries; only the first 100 are read, the other 1 from here on are ignored"),
        (BadColour, Corpus(with(r#""kind":"state""#, r#""kind":"state","color":"red""#)), "expected a colour like \"#1f77b4\", found \"red\""),
        (EndBeforeStart, Corpus(event(r#""sources""#, r#""end":"2021","sources""#)), "the end 2021 is before the start 2022-01-05"),
        (NoSources, Corpus(event(r#"["s"]"#, "[]")), "expected at least one source id, found an empty list"),
        (UnknownActor, Corpus(event(r#""sources""#, r#""actors":[{"id":"zz"}],"sources""#)), "unknown actor id \"zz\": no valid actor has this id"),
        (UnknownSource, Corpus(event(r#"["s"]"#, r#"["zz"]"#)), "unknown source id \"zz\": no valid source has this id"),
        (UnknownQuestion, Corpus(event(r#""sources""#, r#""claim":{"claimant":"a","disputed":true,"question":"zz"},"sources""#)), "unknown question id \"zz\": no valid question has this id"),
        (ActorFacetBudget, Corpus(many_actors(MAX_FACET_ACTORS + 1)), "the corpus has 257 actors; the 256 named by the most events are offered as filters, the other 1 (this one first) are not, though they still show on their events and are found by search"),
        (LanguageFacetBudget, Corpus(many_source_languages(MAX_FACET_LANGUAGES + 1)), "the corpus' sources are in 65 languages; the 64 most used are offered as filters, the other 1 (\"qa-9\" first) are not"),
        (SearchBudget, Corpus(wide_search_text(150)), "the search text budget (128 MB) is used up here: this event and the 1 after it are not found by search"),
        (LinkTooLong, Corpus(url(&format!("https://x.org/{}", "a".repeat(2100)))), "expected a link of at most 2048 characters, found 2114"),
        (NotHttpScheme, Corpus(url("javascript:alert(1)")), "expected an http:// or https:// link, found a javascript: link"),
        (NotHttp, Corpus(url("example.org")), "expected an http:// or https:// link, found \"example.org\""),
        (LinkBadChar, Corpus(url("https://x.org/a b")), "a link must not contain spaces, control characters or invisible formatting characters; found U+0020 at character 16"),
        (LinkIn, Corpus(url("https://u@x.org")), "a link must not put a user name or password before its host (…@host), in \"https://u@x.org\""),
        (LinkUserInfo, Corpus(url("https://u@x.org")), "a link must not put a user name or password before its host (…@host), in \"https://u@x.org\""),
        (LinkNoHost, Corpus(url("https://")), "expected a host name after the scheme, in \"https://\""),
        (LinkIpv6Close, Corpus(url("https://[::1")), "expected ']' after an IPv6 address, in \"https://[::1\""),
        (LinkIpv6, Corpus(url("https://[zz]")), "expected an IPv6 address between '[' and ']', in \"https://[zz]\""),
        (LinkPortAfterBracket, Corpus(url("https://[::1]x")), "expected ':' and a port after ']', in \"https://[::1]x\""),
        (LinkPort, Corpus(url("https://x.org:0")), "expected a port from 1 to 65535 after ':', in \"https://x.org:0\""),
        (LinkHost, Corpus(url("https://-x.org")), "expected a host name of letters, digits, hyphens and dots, in \"https://-x.org\""),
        (DateSyntax, Corpus(date(r#""soon""#)), "expected a date like 2022, 2022-01, 2022-01-05 or 2022-01-05T14:30+06:00, found \"soon\""),
        (YearRange, Corpus(date(r#""12345""#)), "expected a year from -9999 to 9999, found 12345"),
        (MonthRange, Corpus(date(r#""2022-13""#)), "expected a month from 1 to 12, found 13"),
        (DayNeedsMonth, Corpus(date(r#"{"year":2022,"day":5}"#)), "a day needs a month"),
        (DaysInMonth, Corpus(date(r#""2022-02-30""#)), "2022-02 has 28 days, found day 30"),
        (TimeNeedsDay, Corpus(date(r#"{"year":2022,"month":1,"hour":3}"#)), "a time needs a day"),
        (HourRange, Corpus(date(r#""2022-01-05T24:00""#)), "expected an hour from 0 to 23, found 24"),
        (MinuteRange, Corpus(date(r#""2022-01-05T12:60""#)), "expected a minute from 0 to 59, found 60"),
        (OffsetRange, Corpus(date(r#""2022-01-05T12:00+15:00""#)), "expected an offset within ±14:00, found 900 minutes"),
        (LooseDate, Import("e.csv", "date,title\nsoon,T\n".into()), "row left out: expected a date like 2022-01-05 or 5 January 2022, found \"soon\""),
        (RowLeftOut, Import("e.csv", "date,title\nsoon,T\n".into()), "row left out: expected a date like 2022-01-05 or 5 January 2022, found \"soon\""),
        (CsvEmpty, Import("e.csv", String::new()), "the file is empty: a CSV import needs a header row and one row per event"),
        (CsvUnmappedColumn, Import("e.csv", "date,title,colour\n2022-01-05,T,red\n".into()), "column \"colour\" is not mapped and was left out (see the column list in docs/import-export.md)"),
        (CsvNoDate, Import("e.csv", "title\nT\n".into()), "no date column: name one \"date\" or \"event_date\""),
        (CsvExtraFields, Import("e.csv", "date,title\n2022-01-05,T,x\n".into()), "the row has 3 fields, the header 2: the extra ones are left out"),
        (RowNoDate, Import("e.csv", "date,title\n,T\n".into()), "row left out: it has no date"),
        (CsvEndBeforeDate, Import("e.csv", "date,end,title\n2022-01-05,2021-01-01,T\n".into()), "end date before the date left out"),
        (EndDateLeftOut, Import("e.csv", "date,end,title\n2022-01-05,later,T\n".into()), "end date left out: expected a date like 2022-01-05 or 5 January 2022, found \"later\""),
        (CsvPrecision, Import("e.csv", "date,lat,lon,precision\n2022-01-05,1,2,street\n".into()), "precision \"street\" not known: \"city\" used (use exact, city, region, country or ACLED's 1, 2, 3)"),
        (CsvPlace, Import("e.csv", "date,lat\n2022-01-05,1\n".into()), "place left out: it needs a latitude (-90 to 90) and a longitude (-180 to 180)"),
        (CsvEventType, Import("e.csv", "date,type\n2022-01-05,party\n".into()), "event type \"party\" not known: \"other\" used"),
        (TitleShortened, Import("e.csv", format!("date,title\n2022-01-05,{}\n", "x".repeat(400))), "title shortened to 300 characters"),
        (LinkLeftOut, Import("e.csv", "date,url\n2022-01-05,javascript:x\n".into()), "link \"javascript:x\" left out: expected an http:// or https:// link, found a javascript: link"),
        (NotAnObjectLeftOut, TimelineJs(r#"{"events":[1]}"#), "left out: expected an object"),
        (TimelineNotObject, TimelineJs("[]"), "expected a TimelineJS object with \"events\""),
        (TimelineNoEvents, TimelineJs(r#"{"events":1}"#), "expected an array \"events\""),
        (TimelineEra, TimelineJs(r#"{"events":[],"eras":[{}]}"#), "era left out: it needs a start_date, an end_date and a headline"),
        (EventLeftOut, TimelineJs(r#"{"events":[{"start_date":{"year":"MMXXII"}}]}"#), "event left out: year must be a whole number, found \"MMXXII\""),
        (NotWholeNumber, TimelineJs(r#"{"events":[{"start_date":{"year":"MMXXII"}}]}"#), "event left out: year must be a whole number, found \"MMXXII\""),
        (DateNeedsYear, TimelineJs(r#"{"events":[{"start_date":{"month":1}}]}"#), "event left out: a date needs a \"year\""),
        (OutOfRange, TimelineJs(r#"{"events":[{"start_date":{"year":2022,"month":300}}]}"#), "event left out: month 300 is out of range"),
        (EventNoStart, TimelineJs(r#"{"events":[{}]}"#), "event left out: it has no start_date"),
        (TimelineEndBeforeStart, TimelineJs(r#"{"events":[{"start_date":{"year":2022},"end_date":{"year":2021}}]}"#), "end date before the start left out"),
        (StorymapNoSlides, StoryMap(r#"{"storymap":{}}"#), "expected an array storymap.slides"),
        (SlideLeftOut, StoryMap(r#"{"storymap":{"slides":[{"type":"overview"},{"date":"soon"}]}}"#), "slide left out: expected a date like 2022-01-05 or 5 January 2022, found \"soon\""),
        (SlideNoDate, StoryMap(r#"{"storymap":{"slides":[{"type":"overview"},{}]}}"#), "slide left out: it has no \"date\" (StoryMapJS slides carry none; add one such as \"date\": \"2022-01-05\")"),
        (StorymapPlace, StoryMap(r#"{"storymap":{"slides":[{"type":"overview"},{"date":"2022","location":{"lat":100,"lon":0}}]}}"#), "place left out: it needs lat (-90 to 90) and lon (-180 to 180)"),
        (LintScript, Lint(source(r#""title":"T""#, r#""title":"Привет""#)), "text in Cyrillic script is tagged \"en\", which is written in Latin; fix the language tag or give the text in that language"),
        (ScriptCyrillic, Lint(source(r#""title":"T""#, r#""title":"Привет""#)), "text in Cyrillic script is tagged \"en\", which is written in Latin; fix the language tag or give the text in that language"),
        (ScriptLatin, Lint(source(r#""title":"T""#, r#""title":"Привет""#)), "text in Cyrillic script is tagged \"en\", which is written in Latin; fix the language tag or give the text in that language"),
        (ScriptHan, Lint(source(r#""title":"T""#, r#""title":"你好""#)), "text in Chinese characters script is tagged \"en\", which is written in Latin; fix the language tag or give the text in that language"),
        (ScriptArabic, Lint(source(r#""title":"T""#, r#""title":"مرحبا""#)), "text in Arabic script is tagged \"en\", which is written in Latin; fix the language tag or give the text in that language"),
        (LintLabelEnd, Lint(source(r#""title":"T""#, r#""title":"News (O, 2022)""#)), "the title ends with \"(O, 2022)\", which looks like a label; give the headline as published and put the outlet and date in their fields"),
        (LintLabelStart, Lint(source(r#""outlet":"O","title":"T""#, r#""outlet":"Outlet","title":"Outlet: news""#)), "the title starts with the outlet's name and a colon, which looks like a label; give the headline as published"),
        (LintSummaryLanguage, Lint(event(r#""sources""#, r#""summary":{"ru":"Текст"},"sources""#)), "the summary is in ru but the sources are in en; add a summary in a source language"),
        (KindTagTable, Corpus(with(r#""questions":[]"#, r#""tags":5,"questions":[]"#)), "expected an object of tag ids to texts by language code, found a number"),
        (TagIdKey, Corpus(with(r#""questions":[]"#, r#""tags":{" ":{"en":"x"}},"questions":[]"#)), "expected a tag id of 1 to 300 characters as key, found \" \""),
        (KindLabelText, Corpus(with(r#""questions":[]"#, r#""tags":{"t":5},"questions":[]"#)), "expected an object of texts by language code, found a number"),
        (EmptyLabelText, Corpus(with(r#""questions":[]"#, r#""tags":{"t":{}},"questions":[]"#)), "expected a text in at least one language, found an empty object"),
        (UnusedTag, Corpus(with(r#""questions":[]"#, r#""tags":{"t":{"en":"x"}},"questions":[]"#)), "the tag \"t\" has texts here but no event uses it"),
        (KindRole, Corpus(event(r#""sources""#, r#""actors":[{"id":"a","role":5}],"sources""#)), "expected a role as a string or as an object of texts by language code, found a number"),
        (LintCityPrecision, Lint(corpus(ACTOR, r#"{"id":"s","outlet":"unnamed source","title":"T","lang":"en"}"#, &EVENT.replacen(r#""sources""#, r#""place":{"name":{"en":"P"},"lat":1,"lon":1,"precision":"city"},"sources""#, 1))), "city precision, but every source is an unnamed outlet; where it spoke is not known, so use \"country\" or \"region\""),
    ]
}

fn many_actors(n: usize) -> String {
    let actors: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id":"a{i}","name":{{"en":"A"}},"kind":"state"}}"#))
        .collect();
    let events: Vec<String> = (0..n)
        .map(|i| {
            EVENT.replacen(
                r#""id":"e""#,
                &format!(r#""id":"e{i}","actors":[{{"id":"a{i}"}}]"#),
                1,
            )
        })
        .collect();
    corpus(&actors.join(","), SOURCE, &events.join(","))
}

fn many_source_languages(n: usize) -> String {
    let sources: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id":"s{i}","outlet":"O","title":"T","lang":"qa-{i}"}}"#))
        .collect();
    let events: Vec<String> = (0..n)
        .map(|i| {
            EVENT
                .replacen(r#""id":"e""#, &format!(r#""id":"e{i}""#), 1)
                .replacen(r#"["s"]"#, &format!(r#"["s{i}"]"#), 1)
        })
        .collect();
    corpus(ACTOR, &sources.join(","), &events.join(","))
}

/// Events naming 100 actors of 32 long names each: about 0.95 MB of search text apiece.
fn wide_search_text(n: usize) -> String {
    let names: Vec<String> = (0..MAX_TEXT_LANGUAGES)
        .map(|i| format!(r#""qa-{i}":"{}""#, "n".repeat(290)))
        .collect();
    let actors: Vec<String> = (0..MAX_LIST_ITEMS)
        .map(|i| {
            format!(
                r#"{{"id":"a{i}","name":{{"en":"A",{}}},"kind":"state"}}"#,
                names.join(",")
            )
        })
        .collect();
    let refs: Vec<String> = (0..MAX_LIST_ITEMS)
        .map(|i| format!(r#"{{"id":"a{i}"}}"#))
        .collect();
    let events: Vec<String> = (0..n)
        .map(|i| {
            EVENT.replacen(
                r#""id":"e""#,
                &format!(r#""id":"e{i}","actors":[{}]"#, refs.join(",")),
                1,
            )
        })
        .collect();
    corpus(&actors.join(","), SOURCE, &events.join(","))
}

#[test]
fn every_message_comes_from_a_real_input() {
    let mut seen: HashSet<Msg> = HashSet::new();
    let mut wrong = Vec::new();
    for (key, input, english) in cases() {
        let ms = messages(&input);
        let Some(m) = ms.iter().find(|m| has(m, key)) else {
            panic!("{key:?} not produced: {ms:#?}");
        };
        keys(m, &mut seen);
        let text = m.to_string();
        if text != english {
            wrong.push(format!("{key:?}: {text:?}"));
        }
        // Rendered in every language, every placeholder filled.
        for lang in Lang::ALL {
            let t = m.text(lang);
            assert!(
                !t.contains('{') || t.contains("\"{"),
                "{key:?} in {lang:?}: {t}"
            );
        }
    }
    assert!(
        wrong.is_empty(),
        "English texts differ:\n{}",
        wrong.join("\n")
    );
    let missing: Vec<&Msg> = Msg::ALL
        .iter()
        .filter(|k| !seen.contains(k) && !NOT_FROM_A_FILE.contains(k))
        .collect();
    assert!(missing.is_empty(), "no input brings out {missing:?}");
}

#[test]
fn real_diagnostics_read_in_russian() {
    let first = |text: &str| validate(text).diagnostics.remove(0);
    let d = first(&date(r#""2022-02-30""#));
    assert_eq!(d.path, "events[0].date");
    assert_eq!(
        d.message.text(Lang::Ru),
        "2022-02: дней в месяце — 28, найден день 30"
    );
    let d = first(&event(r#""sources""#, r#""colour":1,"sources""#));
    assert_eq!(
        d.message.text(Lang::Ru),
        "неизвестное поле \"colour\" пропущено (допустимы: id, date, end, place, title, summary, actors, type, tags, claim, sources)"
    );
    let d = first(&url("javascript:alert(1)"));
    assert_eq!(
        d.message.text(Lang::Ru),
        "ожидалась ссылка http:// или https://, найдена ссылка javascript:"
    );
    let d = first("[1,");
    assert_eq!(
        d.message.text(Lang::Ru),
        "ошибка в JSON: ожидалось значение JSON, найдено: конец файла"
    );
    assert_eq!(
        d.message.text(Lang::Zh),
        "JSON 格式错误：应为 JSON 值，实际为 文件末尾"
    );
    // The corpus tool's English is the same message.
    assert_eq!(
        d.render("c.json"),
        "c.json:1:4: error: malformed JSON: expected a JSON value, found the end of the file"
    );
}

#[test]
fn counts_in_real_diagnostics_take_the_plural_form() {
    // 20 places are listed one by one; the count is of the ones after them.
    let more = |n: usize| {
        validate_bytes(&b"\xFF ".repeat(20 + n))
            .diagnostics
            .into_iter()
            .find(|d| d.message.key == Msg::MoreInvalidUtf8)
            .unwrap()
            .message
    };
    assert_eq!(
        more(1).text(Lang::Ru),
        "после этой заменена на U+FFFD ещё 1 недопустимая последовательность UTF-8"
    );
    assert_eq!(
        more(5).text(Lang::Ru),
        "после этой заменено на U+FFFD ещё 5 недопустимых последовательностей UTF-8"
    );
    assert_eq!(
        more(3).text(Lang::Ru),
        "после этой заменены на U+FFFD ещё 3 недопустимые последовательности UTF-8"
    );
    let over = |events: usize| {
        let all = vec!["{}"; events].join(",");
        validate(&corpus(ACTOR, SOURCE, &all))
            .diagnostics
            .pop()
            .unwrap()
            .message
    };
    // Each empty event has 5 missing fields: 2,001 events make 10,005 errors.
    assert_eq!(
        over(2_001).text(Lang::Ru),
        "начиная с этого места не перечислены ещё: 5 проблем (5 ошибок); показаны только первые 10000"
    );
    assert_eq!(
        over(2_001).to_string(),
        "5 problems more (5 errors) from here on are not listed: only the first 10000 are"
    );
}
