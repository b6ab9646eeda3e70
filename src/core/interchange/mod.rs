//! Other formats in and out: TimelineJS3 and StoryMapJS JSON, CSV (ACLED-style columns or
//! the generic mapping in `docs/import-export.md`), and exports of a filtered view.
//!
//! An import yields a [`CorpusFile`] plus located diagnostics for everything it could not
//! map; the caller then runs the ordinary validator on it, so an imported corpus passes the
//! same checks as a hand-written one. Imported text is reduced to plain text (see
//! [`plain_text`]) and links go through [`check_url`]: nothing imported is ever markup.

pub mod csv;
pub mod export;
pub mod single_file;
pub mod storymap;
pub mod timelinejs;

use crate::corpus::diagnostic::{Diagnostic, Message, Msg, Severity};
use crate::corpus::json::{self, LineIndex, Member, Node, Value};
use crate::corpus::validate::{
    check_url, validate_bytes_reporting, MAX_ID_LEN, MAX_NAME_CHARS, MAX_TITLE_CHARS,
};
use crate::corpus::{
    encoding, Actor, ActorKind, Corpus, CorpusFile, Meta, Source, Text, FORMAT_NAME, FORMAT_VERSION,
};
use std::collections::{HashMap, HashSet};

/// The formats a file may be read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Steppe,
    TimelineJs,
    StoryMap,
    Csv,
}

impl Format {
    /// The format's usual name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Steppe => "Steppe JSON",
            Format::TimelineJs => "TimelineJS3 JSON",
            Format::StoryMap => "StoryMapJS JSON",
            Format::Csv => "CSV",
        }
    }
}

/// What an import made, and what it could not map.
#[derive(Debug, Clone)]
pub struct Imported {
    pub format: Format,
    pub file: CorpusFile,
    /// Located in the imported file (its lines and columns, its JSON paths or CSV columns).
    pub diagnostics: Vec<Diagnostic>,
}

/// Which format `text` is in: CSV by a `.csv`/`.tsv`/`.txt` name or when it is not JSON;
/// StoryMapJS when the top-level object has `storymap`; Steppe when it declares
/// `"format": "steppe-corpus"` (or names no other format, so the validator speaks);
/// TimelineJS when it has `events` and no `format`.
pub fn detect(name: &str, text: &str) -> Format {
    if let Some(format) = detect_by_head(name, text) {
        return format;
    }
    match json::parse(text) {
        Ok(Node {
            value: Value::Object(members),
            ..
        }) => {
            let has = |k: &str| members.iter().any(|m| m.key == k);
            if has("storymap") {
                Format::StoryMap
            } else if has("events") && !has("format") {
                Format::TimelineJs
            } else {
                Format::Steppe
            }
        }
        _ => Format::Steppe,
    }
}

/// How many characters of a file's start (after white space) [`detect`] looks in for a
/// Steppe corpus' format name.
const HEAD_CHARS: usize = 4096;

/// The format as the start of a file tells it: CSV by the file's name or a first character
/// that starts no JSON, Steppe when the format's name is in its first [`HEAD_CHARS`]
/// characters; `None` when only reading the whole file can tell.
fn detect_by_head(name: &str, head: &str) -> Option<Format> {
    let lower = name.to_ascii_lowercase();
    let body = head.trim_start_matches('\u{feff}').trim_start();
    if [".csv", ".tsv", ".txt"].iter().any(|e| lower.ends_with(e))
        || !(body.starts_with('{') || body.starts_with('['))
    {
        return Some(Format::Csv);
    }
    // The top-level keys, without reading a large file twice: a Steppe file names its
    // format in its first lines.
    let head: String = body.chars().take(HEAD_CHARS).collect();
    head.contains(&format!("\"{FORMAT_NAME}\""))
        .then_some(Format::Steppe)
}

/// Reads a file in any of the import formats; `None` for a Steppe corpus (read it with the
/// validator directly) or a file that is not text.
pub fn import(name: &str, bytes: &[u8]) -> Option<Imported> {
    // A Steppe corpus says so in its first lines: the validator reads it, and the whole
    // file (350 MB for a million events) is not decoded a first time here. (Decoding a
    // prefix gives a prefix of the whole file's text, so this answers as `detect` would.)
    let head = bytes.get(..HEAD_CHARS * 4).unwrap_or(bytes);
    if detect_by_head(name, &String::from_utf8_lossy(head)) == Some(Format::Steppe) {
        return None;
    }
    let (text, _) = encoding::decode(bytes).ok()?;
    let format = detect(name, &text);
    let mut im = match format {
        Format::Steppe => return None,
        Format::TimelineJs => timelinejs::import(&text),
        Format::StoryMap => storymap::import(&text),
        Format::Csv => csv::import(&text),
    };
    // A CSV has no title of its own (nor a JSON file without one): the file's name is it.
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s).trim();
    if im.file.meta.title == Builder::default_title(format) && !stem.is_empty() {
        im.file.meta.title = Text::en(clip(stem, MAX_TITLE_CHARS).0);
    }
    Some(im)
}

/// What reading a file of any supported format gave.
#[derive(Debug)]
pub struct Read {
    pub corpus: Corpus,
    /// The import's diagnostics (located in the original file) first, then the validator's.
    pub diagnostics: Vec<Diagnostic>,
    /// The name of the format the file was imported from; `None` for a Steppe corpus.
    pub imported: Option<String>,
}

/// Reads any supported file as a corpus, as the page and its loading worker both do: a
/// Steppe corpus through the validator, another format imported first and then validated.
/// `progress` hears how many events the validator has read, of how many. The file's bytes
/// are let go once read, before the index is built, which reuses their memory (a million
/// events: 350 MB less at the peak).
pub fn read_any(name: &str, bytes: Vec<u8>, progress: &mut dyn FnMut(usize, usize)) -> Read {
    match import(name, &bytes) {
        None => {
            let v = validate_bytes_reporting(&bytes, progress);
            drop(bytes);
            let (corpus, diagnostics) = v.into_corpus();
            Read {
                corpus,
                diagnostics,
                imported: None,
            }
        }
        Some(im) => {
            drop(bytes);
            let text = serde_json::to_vec(&im.file).unwrap_or_default();
            let v = validate_bytes_reporting(&text, progress);
            drop(text);
            let (corpus, checked) = v.into_corpus();
            let mut diagnostics = im.diagnostics;
            diagnostics.extend(checked);
            Read {
                corpus,
                diagnostics,
                imported: Some(im.format.name().to_string()),
            }
        }
    }
}

/// Markup reduced to the text a reader would see: tags removed (with the content of
/// `script` and `style`), the common entities decoded, runs of white space collapsed.
/// The result is only ever shown as text; this just keeps `<b>` out of titles.
pub fn plain_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(lt) = rest.find('<') {
        out.push_str(rest.get(..lt).unwrap_or(""));
        let tail = rest.get(lt..).unwrap_or("");
        // "<" starts a tag only before a letter, "/", "!" or "?": "1 < 2" is text.
        let opens = tail
            .chars()
            .nth(1)
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'));
        if !opens {
            out.push('<');
            rest = tail.get(1..).unwrap_or("");
            continue;
        }
        let Some(gt) = tail.find('>') else {
            // A lone "<" is text.
            out.push_str(tail);
            rest = "";
            break;
        };
        let tag = tail.get(1..gt).unwrap_or("").to_ascii_lowercase();
        rest = tail.get(gt.saturating_add(1)..).unwrap_or("");
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if !tag.starts_with('/') && (name == "script" || name == "style") {
            let close = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            rest = match lower.find(&close) {
                Some(i) => {
                    let after = rest.get(i..).unwrap_or("");
                    after
                        .find('>')
                        .and_then(|g| after.get(g.saturating_add(1)..))
                        .unwrap_or("")
                }
                None => "",
            };
        }
        if matches!(
            name.as_str(),
            "br" | "p" | "div" | "li" | "h1" | "h2" | "h3"
        ) {
            out.push(' ');
        }
    }
    out.push_str(rest);
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `max` characters of `s`; the flag says whether it was cut.
pub(crate) fn clip(s: &str, max: usize) -> (String, bool) {
    match s.char_indices().nth(max) {
        Some((i, _)) => (s.get(..i).unwrap_or("").to_string(), true),
        None => (s.to_string(), false),
    }
}

/// A file or id name made from free text (`fallback` when nothing is left of it).
pub fn slug_of(s: &str, fallback: &str) -> String {
    match slug(s) {
        x if x.is_empty() => fallback.to_string(),
        x => x,
    }
}

/// An id made from free text: lower-case ASCII letters and digits joined by '-'.
pub(crate) fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Builds a corpus from imported records: unique ids, actors and sources by name, and the
/// diagnostics located in the imported text.
pub(crate) struct Builder<'t> {
    text: &'t str,
    lines: LineIndex,
    pub file: CorpusFile,
    pub diagnostics: Vec<Diagnostic>,
    actors: HashMap<String, String>,
    sources: HashMap<(String, String, String), String>,
    ids: HashSet<String>,
    format: Format,
}

impl<'t> Builder<'t> {
    pub fn new(text: &'t str, format: Format) -> Self {
        Builder {
            text,
            lines: LineIndex::new(text),
            file: CorpusFile {
                format: FORMAT_NAME.to_string(),
                version: FORMAT_VERSION,
                meta: Meta {
                    title: Self::default_title(format),
                    ..Meta::default()
                },
                actors: Vec::new(),
                sources: Vec::new(),
                questions: Vec::new(),
                tags: Default::default(),
                events: Vec::new(),
            },
            diagnostics: Vec::new(),
            actors: HashMap::new(),
            sources: HashMap::new(),
            ids: HashSet::new(),
            format,
        }
    }

    /// The corpus title until the file gives one.
    pub fn default_title(format: Format) -> Text {
        Text::en(format!("Imported from {}", format.name()))
    }

    /// A diagnostic at a byte offset of the imported text.
    pub fn at(&mut self, severity: Severity, offset: usize, path: &str, message: Message) {
        let (line, column) = self.lines.locate(self.text, offset);
        self.diagnostics.push(Diagnostic {
            severity,
            path: path.to_string(),
            line,
            column,
            message,
        });
    }

    /// A warning at a byte offset: something was left out or changed.
    pub fn warn(&mut self, offset: usize, path: &str, message: Message) {
        self.at(Severity::Warning, offset, path, message);
    }

    /// An id not used yet, made from `hint` (or `fallback` when it gives nothing).
    pub fn unique_id(&mut self, hint: &str, fallback: &str) -> String {
        let valid = |s: &str| {
            !s.is_empty()
                && s.len() <= MAX_ID_LEN
                && s.bytes()
                    .next()
                    .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        };
        let base = if valid(hint) {
            hint.to_string()
        } else {
            match slug(hint) {
                s if s.is_empty() => fallback.to_string(),
                s => s,
            }
        };
        let mut id = base.clone();
        let mut n = 2u32;
        while self.ids.contains(&id) {
            id = format!("{base}-{n}");
            n = n.saturating_add(1);
        }
        self.ids.insert(id.clone());
        id
    }

    /// The id of the actor named `name`, added on first use.
    pub fn actor(&mut self, name: &str) -> Option<String> {
        let (name, _) = clip(&plain_text(name), MAX_NAME_CHARS);
        if name.is_empty() {
            return None;
        }
        if let Some(id) = self.actors.get(&name) {
            return Some(id.clone());
        }
        let id = self.unique_id(&slug(&name), "actor");
        self.file.actors.push(Actor {
            id: id.clone(),
            name: Text::en(name.clone()),
            kind: ActorKind::Group,
            country: None,
            color: None,
        });
        self.actors.insert(name, id.clone());
        Some(id)
    }

    /// The id of a source (added on first use). A link that is not http(s) is left out with
    /// a warning at `offset`.
    pub fn source(
        &mut self,
        outlet: &str,
        title: &str,
        url: Option<&str>,
        lang: &str,
        at: (usize, &str),
    ) -> String {
        let url = url
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .and_then(|u| match check_url(u) {
                Ok(()) => Some(u.to_string()),
                Err(msg) => {
                    let m = Message::new(Msg::LinkLeftOut)
                        .quoted("link", u)
                        .sub("why", msg);
                    self.warn(at.0, at.1, m);
                    None
                }
            });
        let outlet = match clip(&plain_text(outlet), MAX_NAME_CHARS).0 {
            o if o.is_empty() => url
                .as_deref()
                .and_then(|u| u.split('/').nth(2))
                .unwrap_or("unnamed")
                .to_string(),
            o => o,
        };
        let title = match clip(&plain_text(title), MAX_TITLE_CHARS).0 {
            t if t.is_empty() => outlet.clone(),
            t => t,
        };
        let lang = if crate::corpus::validate::is_bcp47(lang) {
            lang.to_string()
        } else {
            "en".to_string()
        };
        let key = (
            outlet.clone(),
            url.clone().unwrap_or(title.clone()),
            lang.clone(),
        );
        if let Some(id) = self.sources.get(&key) {
            return id.clone();
        }
        let id = self.unique_id(&format!("src-{}", slug(&outlet)), "source");
        self.file.sources.push(Source {
            id: id.clone(),
            outlet,
            outlet_kind: None,
            url,
            title,
            title_en: None,
            lang: lang.clone(),
            published: None,
        });
        self.sources.insert(key, id.clone());
        id
    }

    /// The source every event without one cites: the imported file itself.
    pub fn file_source(&mut self) -> String {
        let title = self.file.meta.title.get("en").to_string();
        let outlet = format!("{} file", self.format.name());
        self.source(&outlet, &title, None, "en", (0, ""))
    }

    pub fn finish(self) -> Imported {
        Imported {
            format: self.format,
            file: self.file,
            diagnostics: self.diagnostics,
        }
    }
}

/// A JSON object's member by key.
pub(crate) fn member<'a, 't>(members: &'a [Member<'t>], key: &str) -> Option<&'a Node<'t>> {
    members.iter().find(|m| m.key == key).map(|m| &m.node)
}

/// A JSON value as text: strings as they are, numbers written plainly.
pub(crate) fn scalar(n: &Node) -> Option<String> {
    match &n.value {
        Value::String(s) => Some(s.to_string()),
        Value::Number(x) if x.fract() == 0.0 && x.abs() < 1e15 => Some(format!("{}", *x as i64)),
        Value::Number(x) => Some(x.to_string()),
        _ => None,
    }
}

/// `members[key]` as text, when it is a string or a number.
pub(crate) fn text_of(members: &[Member], key: &str) -> Option<String> {
    member(members, key).and_then(scalar)
}

/// `members[key]` as an object's members.
/// A slide's or event's `text.headline` and `text.text` (TimelineJS and StoryMapJS write
/// both the same way), reduced to plain text; empty where absent.
pub(crate) fn headline_and_body(members: &[Member]) -> (String, String) {
    let tx = object_of(members, "text").unwrap_or(&[]);
    let plain = |key| text_of(tx, key).map(|t| plain_text(&t)).unwrap_or_default();
    (plain("headline"), plain("text"))
}

pub(crate) fn object_of<'a, 't>(members: &'a [Member<'t>], key: &str) -> Option<&'a [Member<'t>]> {
    match member(members, key).map(|n| &n.value) {
        Some(Value::Object(m)) => Some(m),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_plain_text() {
        assert_eq!(plain_text("<b>Bold</b> &amp; <i>it</i>"), "Bold & it");
        assert_eq!(
            plain_text("a<script>alert(1)</script>b<style>x{}</style>c"),
            "abc"
        );
        assert_eq!(plain_text("line<br>next<p>para</p>"), "line next para");
        assert_eq!(plain_text("1 < 2 and 3 > 2"), "1 < 2 and 3 > 2");
        assert_eq!(plain_text("&lt;script&gt;"), "<script>");
        assert_eq!(
            plain_text("unclosed <img src=x onerror=alert(1)"),
            "unclosed <img src=x onerror=alert(1)"
        );
    }

    #[test]
    fn formats_are_detected_by_name_and_content() {
        assert_eq!(detect("a.csv", "{}"), Format::Csv);
        assert_eq!(detect("a.json", "event_date,latitude\n"), Format::Csv);
        assert_eq!(detect("a.json", r#"{"events": []}"#), Format::TimelineJs);
        assert_eq!(
            detect("a.json", r#"{"storymap": {"slides": []}}"#),
            Format::StoryMap
        );
        assert_eq!(
            detect("a.json", r#"{"format": "steppe-corpus", "events": []}"#),
            Format::Steppe
        );
        assert_eq!(detect("a.json", "{ broken"), Format::Steppe);
    }

    #[test]
    fn a_steppe_corpus_is_told_by_its_start_without_decoding_all_of_it() {
        let events = "{\"id\": \"e\"},".repeat(100_000);
        let file = format!("{{\"format\": \"steppe-corpus\", \"events\": [{events}]}}");
        crate::corpus::work::reset();
        assert!(import("big.json", file.as_bytes()).is_none());
        assert!(
            crate::corpus::work::steps() < 1_000,
            "{} steps for {} bytes",
            crate::corpus::work::steps(),
            file.len()
        );
        // The same start in a CSV file's name, or another format: decoded and imported.
        assert!(import("big.csv", file.as_bytes()).is_some());
        assert!(import("t.json", br#"{"events": []}"#).is_some());
        // Past the start, the name no longer counts: the whole file is read to tell.
        let late = format!(
            "{{\"events\": [], \"x\": \"{}\", \"format\": \"steppe-corpus\"}}",
            " ".repeat(20_000)
        );
        assert!(import("late.json", late.as_bytes()).is_none());
    }

    #[test]
    fn ids_are_unique_and_valid() {
        let mut b = Builder::new("", Format::Csv);
        assert_eq!(b.unique_id("Almaty Airport", "e"), "almaty-airport");
        assert_eq!(b.unique_id("Almaty Airport", "e"), "almaty-airport-2");
        assert_eq!(b.unique_id("Алматы", "event"), "event");
        assert_eq!(b.actor("CSTO").as_deref(), Some("csto"));
        assert_eq!(b.actor("CSTO").as_deref(), Some("csto"));
        assert_eq!(b.file.actors.len(), 1);
        let s = b.source("Reuters", "", Some("javascript:alert(1)"), "en", (0, "x"));
        assert!(b.file.sources.iter().any(|x| x.id == s && x.url.is_none()));
        assert_eq!(b.diagnostics.len(), 1);
    }
}
