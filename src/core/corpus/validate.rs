//! Reads a corpus file into the model, reporting every problem with its location.
//!
//! Records (actors, sources, events) with errors are left out and counted; the rest
//! loads. Unknown fields are warnings. Nothing here panics, whatever the input.

use super::model::*;
use crate::corpus::diagnostic::{Diagnostic, Severity};
use crate::corpus::json::{self, LineIndex, Member, Node, Value};
use crate::time::date::PartialDate;
use std::collections::{BTreeMap, HashSet};

/// Files larger than this are refused before parsing (the browser keeps it all in memory).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// Longest allowed title, in characters.
pub const MAX_TITLE_CHARS: usize = 300;
/// Longest allowed summary per language, in characters.
pub const MAX_SUMMARY_CHARS: usize = 5000;
/// Longest allowed id, in bytes.
pub const MAX_ID_LEN: usize = 64;
/// Longest allowed short string (names, outlets, roles, tags), in characters.
pub const MAX_NAME_CHARS: usize = 300;
/// Longest allowed link.
pub const MAX_URL_LEN: usize = 2048;

/// How many records of each table were left out because of errors.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Dropped {
    pub actors: usize,
    pub sources: usize,
    pub events: usize,
}

/// The outcome of reading a file: what loaded, what was left out, and every diagnostic.
#[derive(Debug, Clone, PartialEq)]
pub struct Validated {
    pub file: CorpusFile,
    pub dropped: Dropped,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads `text` as a corpus. Always returns a (possibly empty) corpus and its diagnostics.
pub fn validate(text: &str) -> Validated {
    let mut r = Reader {
        text,
        lines: LineIndex::new(text),
        diags: Vec::new(),
    };
    let mut file = CorpusFile {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        meta: Meta::default(),
        actors: Vec::new(),
        sources: Vec::new(),
        events: Vec::new(),
    };
    let mut dropped = Dropped::default();
    if text.len() > MAX_FILE_BYTES {
        r.push(
            Severity::Error,
            "",
            0,
            format!(
                "the file is {:.1} MB; the limit is {} MB",
                text.len() as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ),
        );
        return Validated {
            file,
            dropped,
            diagnostics: r.diags,
        };
    }
    let root = match json::parse(text) {
        Ok(n) => n,
        Err(e) => {
            r.push(
                Severity::Error,
                "",
                e.offset,
                format!("malformed JSON: {}", e.message),
            );
            return Validated {
                file,
                dropped,
                diagnostics: r.diags,
            };
        }
    };
    let Some(top) = r.object(&root, "") else {
        return Validated {
            file,
            dropped,
            diagnostics: r.diags,
        };
    };
    r.unknown(
        &top,
        &["format", "version", "meta", "actors", "sources", "events"],
    );
    match top.get("format") {
        Some(n) => {
            if let Some(f) = r.string(n, "format") {
                if f != FORMAT_NAME {
                    r.push(
                        Severity::Error,
                        "format",
                        n.start,
                        format!("expected \"{FORMAT_NAME}\", found {f:?}"),
                    );
                }
            }
        }
        None => r.missing(&top, "format"),
    }
    if let Some(n) = r.required(&top, "version") {
        if let Some(v) = r.integer(n, "version", 0, u32::MAX as i64) {
            if v != i64::from(FORMAT_VERSION) {
                r.push(
                    Severity::Error,
                    "version",
                    n.start,
                    format!("this build reads format version {FORMAT_VERSION}, found version {v}"),
                );
            }
        }
    }
    if let Some(n) = r.required(&top, "meta") {
        if let Some(m) = r.meta(n) {
            file.meta = m;
        }
    }

    // Actors and sources first: events refer to them.
    for (i, n) in r.array_items(&top, "actors") {
        let path = format!("actors[{i}]");
        match r.record(n, &path, Reader::actor) {
            Some(a) => file.actors.push(a),
            None => dropped.actors += 1,
        }
    }
    for (i, n) in r.array_items(&top, "sources") {
        let path = format!("sources[{i}]");
        match r.record(n, &path, Reader::source) {
            Some(s) => file.sources.push(s),
            None => dropped.sources += 1,
        }
    }
    r.dedupe(
        &mut file.actors,
        |a| &a.id,
        "actors",
        &top,
        &mut dropped.actors,
    );
    r.dedupe(
        &mut file.sources,
        |s| &s.id,
        "sources",
        &top,
        &mut dropped.sources,
    );
    let actor_ids: HashSet<&str> = file.actors.iter().map(|a| a.id.as_str()).collect();
    let source_ids: HashSet<&str> = file.sources.iter().map(|s| s.id.as_str()).collect();
    let refs = Refs {
        actors: &actor_ids,
        sources: &source_ids,
    };
    let mut events = Vec::new();
    for (i, n) in r.array_items(&top, "events") {
        let path = format!("events[{i}]");
        match r.record(n, &path, |r, o, p| r.event(o, p, &refs)) {
            Some(e) => events.push(e),
            None => dropped.events += 1,
        }
    }
    file.events = events;
    r.dedupe(
        &mut file.events,
        |e| &e.id,
        "events",
        &top,
        &mut dropped.events,
    );
    Validated {
        file,
        dropped,
        diagnostics: r.diags,
    }
}

struct Refs<'a> {
    actors: &'a HashSet<&'a str>,
    sources: &'a HashSet<&'a str>,
}

/// An object node with its members and path.
struct Obj<'a> {
    node: &'a Node,
    members: &'a [Member],
    path: String,
}

impl<'a> Obj<'a> {
    fn get(&self, key: &str) -> Option<&'a Node> {
        self.members.iter().find(|m| m.key == key).map(|m| &m.node)
    }

    fn child(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }
}

struct Reader<'t> {
    text: &'t str,
    lines: LineIndex,
    diags: Vec<Diagnostic>,
}

impl<'t> Reader<'t> {
    fn push(&mut self, severity: Severity, path: &str, offset: usize, message: String) {
        let (line, column) = self.lines.locate(self.text, offset);
        self.diags.push(Diagnostic {
            severity,
            path: path.to_string(),
            line,
            column,
            message,
        });
    }

    fn error(&mut self, path: &str, node: &Node, message: String) {
        self.push(Severity::Error, path, node.start, message);
    }

    fn errors(&self) -> usize {
        self.diags.iter().filter(|d| d.is_error()).count()
    }

    /// Runs `read` on one record; returns it only if reading it added no error.
    fn record<T>(
        &mut self,
        n: &Node,
        path: &str,
        read: impl FnOnce(&mut Self, &Obj, &str) -> Option<T>,
    ) -> Option<T> {
        let before = self.errors();
        let obj = self.object(n, path)?;
        let value = read(self, &obj, path);
        if self.errors() > before {
            None
        } else {
            value
        }
    }

    fn object<'n>(&mut self, n: &'n Node, path: &str) -> Option<Obj<'n>> {
        match &n.value {
            Value::Object(members) => {
                let mut seen = HashSet::new();
                for m in members {
                    if !seen.insert(m.key.as_str()) {
                        self.push(
                            Severity::Warning,
                            path,
                            m.key_start,
                            format!(
                                "the key {:?} appears more than once; the first one is used",
                                m.key
                            ),
                        );
                    }
                }
                Some(Obj {
                    node: n,
                    members,
                    path: path.to_string(),
                })
            }
            v => {
                self.error(
                    path,
                    n,
                    format!("expected an object, found {}", v.kind_name()),
                );
                None
            }
        }
    }

    fn unknown(&mut self, o: &Obj, allowed: &[&str]) {
        for m in o.members {
            if !allowed.contains(&m.key.as_str()) {
                self.push(
                    Severity::Warning,
                    &o.child(&m.key),
                    m.key_start,
                    format!(
                        "unknown field {:?} is ignored (expected one of: {})",
                        m.key,
                        allowed.join(", ")
                    ),
                );
            }
        }
    }

    fn missing(&mut self, o: &Obj, key: &str) {
        let at = o.node.start;
        self.push(
            Severity::Error,
            &o.child(key),
            at,
            format!("missing required field {key:?}"),
        );
    }

    fn required<'n>(&mut self, o: &Obj<'n>, key: &str) -> Option<&'n Node> {
        let n = o.get(key);
        if n.is_none() {
            self.missing(o, key);
        }
        n
    }

    fn array_items<'n>(&mut self, o: &Obj<'n>, key: &str) -> Vec<(usize, &'n Node)> {
        match o.get(key) {
            None => {
                self.missing(o, key);
                Vec::new()
            }
            Some(n) => match &n.value {
                Value::Array(items) => items.iter().enumerate().collect(),
                v => {
                    self.error(
                        &o.child(key),
                        n,
                        format!("expected an array, found {}", v.kind_name()),
                    );
                    Vec::new()
                }
            },
        }
    }

    fn string(&mut self, n: &Node, path: &str) -> Option<String> {
        match &n.value {
            Value::String(s) => Some(s.clone()),
            v => {
                self.error(
                    path,
                    n,
                    format!("expected a string, found {}", v.kind_name()),
                );
                None
            }
        }
    }

    /// A string of 1..=`max` characters (after trimming).
    fn short(&mut self, n: &Node, path: &str, max: usize) -> Option<String> {
        let s = self.string(n, path)?;
        let chars = s.chars().count();
        if s.trim().is_empty() {
            self.error(path, n, "expected text, found an empty string".into());
            None
        } else if chars > max {
            self.error(
                path,
                n,
                format!("expected at most {max} characters, found {chars}"),
            );
            None
        } else {
            Some(s)
        }
    }

    fn opt_short(&mut self, o: &Obj, key: &str, max: usize) -> Option<String> {
        o.get(key).and_then(|n| self.short(n, &o.child(key), max))
    }

    fn req_short(&mut self, o: &Obj, key: &str, max: usize) -> Option<String> {
        self.required(o, key)
            .and_then(|n| self.short(n, &o.child(key), max))
    }

    fn integer(&mut self, n: &Node, path: &str, min: i64, max: i64) -> Option<i64> {
        match n.value {
            Value::Number(x) if x.fract() == 0.0 && x >= min as f64 && x <= max as f64 => {
                Some(x as i64)
            }
            Value::Number(x) => {
                self.error(
                    path,
                    n,
                    format!("expected a whole number from {min} to {max}, found {x}"),
                );
                None
            }
            ref v => {
                self.error(
                    path,
                    n,
                    format!("expected a number, found {}", v.kind_name()),
                );
                None
            }
        }
    }

    fn number(&mut self, o: &Obj, key: &str, min: f64, max: f64) -> Option<f64> {
        let n = self.required(o, key)?;
        match n.value {
            Value::Number(x) if (min..=max).contains(&x) => Some(x),
            Value::Number(x) => {
                self.error(
                    &o.child(key),
                    n,
                    format!("expected a number from {min} to {max}, found {x}"),
                );
                None
            }
            ref v => {
                self.error(
                    &o.child(key),
                    n,
                    format!("expected a number, found {}", v.kind_name()),
                );
                None
            }
        }
    }

    fn boolean(&mut self, o: &Obj, key: &str) -> Option<bool> {
        let n = self.required(o, key)?;
        match n.value {
            Value::Bool(b) => Some(b),
            ref v => {
                self.error(
                    &o.child(key),
                    n,
                    format!("expected true or false, found {}", v.kind_name()),
                );
                None
            }
        }
    }

    fn id(&mut self, o: &Obj) -> Option<String> {
        let n = self.required(o, "id")?;
        let path = o.child("id");
        let s = self.string(n, &path)?;
        let ok = !s.is_empty()
            && s.len() <= MAX_ID_LEN
            && s.bytes()
                .next()
                .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if ok {
            Some(s)
        } else {
            self.error(&path, n, format!(
                "expected an id of 1 to {MAX_ID_LEN} lower-case letters, digits, '-' or '_', starting with a letter or digit, found {s:?}"
            ));
            None
        }
    }

    fn enum_value<T: NamedEnum>(&mut self, o: &Obj, key: &str) -> Option<T> {
        let n = self.required(o, key)?;
        let path = o.child(key);
        let s = self.string(n, &path)?;
        let v = T::parse(&s);
        if v.is_none() {
            let all: Vec<&str> = T::ALL.iter().map(|k| k.as_str()).collect();
            self.error(
                &path,
                n,
                format!("expected one of {}, found {s:?}", all.join(", ")),
            );
        }
        v
    }

    fn lang_code(&mut self, n: &Node, path: &str) -> Option<String> {
        let s = self.string(n, path)?;
        if is_bcp47(&s) {
            Some(s)
        } else {
            self.error(path, n, format!("expected a BCP 47 language code like \"en\", \"zh\" or \"kk-Cyrl\", found {s:?}"));
            None
        }
    }

    fn country(&mut self, o: &Obj) -> Option<String> {
        let n = o.get("country")?;
        let path = o.child("country");
        let s = self.string(n, &path)?;
        if s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase()) {
            Some(s)
        } else {
            self.error(
                &path,
                n,
                format!("expected an ISO 3166-1 alpha-2 code like \"KZ\", found {s:?}"),
            );
            None
        }
    }

    /// Multilingual text; `max` characters per language; English required if `need_en`.
    fn text(&mut self, n: &Node, path: &str, max: usize, need_en: bool) -> Option<Text> {
        let o = self.object(n, path)?;
        let mut out = BTreeMap::new();
        for m in o.members {
            let p = o.child(&m.key);
            let key_ok = is_bcp47(&m.key);
            if !key_ok {
                self.push(
                    Severity::Error,
                    &p,
                    m.key_start,
                    format!(
                        "expected a BCP 47 language code as key, like \"en\" or \"zh\", found {:?}",
                        m.key
                    ),
                );
            }
            if let (Some(s), true) = (self.short(&m.node, &p, max), key_ok) {
                out.entry(m.key.clone()).or_insert(s);
            }
        }
        if need_en && !out.contains_key("en") && o.get("en").is_none() {
            self.error(
                path,
                n,
                "expected an English (\"en\") text among the languages".into(),
            );
            return None;
        }
        Some(Text(out))
    }

    fn date(&mut self, n: &Node, path: &str) -> Option<PartialDate> {
        match &n.value {
            Value::String(s) => match PartialDate::parse(s) {
                Ok(d) => Some(d),
                Err(e) => {
                    self.error(path, n, e.message);
                    None
                }
            },
            Value::Object(_) => {
                let o = self.object(n, path)?;
                self.unknown(
                    &o,
                    &[
                        "year",
                        "month",
                        "day",
                        "hour",
                        "minute",
                        "utc_offset",
                        "display_date",
                    ],
                );
                let field = |r: &mut Self, key: &str, min: i64, max: i64| -> Option<Option<i64>> {
                    match o.get(key) {
                        None => Some(None),
                        Some(n) => r.integer(n, &o.child(key), min, max).map(Some),
                    }
                };
                let year = field(self, "year", i64::MIN / 2, i64::MAX / 2)?;
                let month = field(self, "month", 0, 255)?;
                let day = field(self, "day", 0, 255)?;
                let hour = field(self, "hour", 0, 255)?;
                let minute = field(self, "minute", 0, 255)?;
                let Some(year) = year else {
                    self.missing(&o, "year");
                    return None;
                };
                if minute.is_some() && hour.is_none() {
                    self.error(&o.child("minute"), n, "a minute needs an hour".into());
                    return None;
                }
                let offset = match o.get("utc_offset") {
                    None => None,
                    Some(on) => {
                        let s = self.string(on, &o.child("utc_offset"))?;
                        match PartialDate::parse(&format!("2000-01-01T00:00{s}")) {
                            Ok(d) if d.offset_minutes.is_some() => d.offset_minutes,
                            _ => {
                                self.error(
                                    &o.child("utc_offset"),
                                    on,
                                    format!(
                                        "expected an offset like \"+06:00\" or \"Z\", found {s:?}"
                                    ),
                                );
                                return None;
                            }
                        }
                    }
                };
                let d = PartialDate {
                    year: year.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
                    month: month.map(|m| m as u8),
                    day: day.map(|d| d as u8),
                    time: hour.map(|h| (h as u8, minute.unwrap_or(0) as u8)),
                    offset_minutes: offset,
                };
                match d.validate() {
                    Ok(()) => Some(d),
                    Err(e) => {
                        let at = o.get(e.field).unwrap_or(n);
                        let p = if e.field.is_empty() {
                            path.to_string()
                        } else {
                            o.child(e.field)
                        };
                        self.error(&p, at, e.message);
                        None
                    }
                }
            }
            v => {
                self.error(
                    path,
                    n,
                    format!("expected a date string or object, found {}", v.kind_name()),
                );
                None
            }
        }
    }

    fn string_list(
        &mut self,
        o: &Obj,
        key: &str,
        item: impl Fn(&mut Self, &Node, &str) -> Option<String>,
    ) -> Vec<String> {
        let mut out = Vec::new();
        if o.get(key).is_none() {
            return out;
        }
        for (i, n) in self.array_items(o, key) {
            if let Some(s) = item(self, n, &format!("{}[{i}]", o.child(key))) {
                out.push(s);
            }
        }
        out
    }

    fn meta(&mut self, n: &Node) -> Option<Meta> {
        let o = self.object(n, "meta")?;
        self.unknown(
            &o,
            &[
                "title",
                "description",
                "languages",
                "license",
                "attribution",
                "updated",
            ],
        );
        let title = self
            .required(&o, "title")
            .and_then(|t| self.text(t, "meta.title", MAX_TITLE_CHARS, true));
        let description = o
            .get("description")
            .and_then(|t| self.text(t, "meta.description", MAX_SUMMARY_CHARS, false));
        let languages = self.string_list(&o, "languages", |r, n, p| r.lang_code(n, p));
        let license = self.opt_short(&o, "license", MAX_NAME_CHARS);
        let attribution = self.opt_short(&o, "attribution", MAX_SUMMARY_CHARS);
        let updated = o.get("updated").and_then(|d| self.date(d, "meta.updated"));
        Some(Meta {
            title: title.unwrap_or_default(),
            description,
            languages,
            license,
            attribution,
            updated,
        })
    }

    fn actor(&mut self, o: &Obj, path: &str) -> Option<Actor> {
        self.unknown(o, &["id", "name", "kind", "country", "color"]);
        let id = self.id(o);
        let name = self
            .required(o, "name")
            .and_then(|n| self.text(n, &format!("{path}.name"), MAX_NAME_CHARS, true));
        let kind = self.enum_value::<ActorKind>(o, "kind");
        let country = self.country(o);
        let color = match o.get("color") {
            None => None,
            Some(n) => {
                let p = o.child("color");
                let s = self.string(n, &p)?;
                let ok = s.len() == 7
                    && s.starts_with('#')
                    && s[1..].bytes().all(|b| b.is_ascii_hexdigit());
                if !ok {
                    self.error(
                        &p,
                        n,
                        format!("expected a colour like \"#1f77b4\", found {s:?}"),
                    );
                }
                Some(s)
            }
        };
        Some(Actor {
            id: id?,
            name: name?,
            kind: kind?,
            country,
            color,
        })
    }

    fn source(&mut self, o: &Obj, _path: &str) -> Option<Source> {
        self.unknown(
            o,
            &[
                "id",
                "outlet",
                "outlet_kind",
                "url",
                "title",
                "title_en",
                "lang",
                "published",
            ],
        );
        let id = self.id(o);
        let outlet = self.req_short(o, "outlet", MAX_NAME_CHARS);
        let outlet_kind = if o.get("outlet_kind").is_some() {
            Some(self.enum_value::<OutletKind>(o, "outlet_kind")?)
        } else {
            None
        };
        let url = match o.get("url") {
            None => None,
            Some(n) => Some(self.url(n, &o.child("url"))?),
        };
        let title = self.req_short(o, "title", MAX_TITLE_CHARS);
        let title_en = self.opt_short(o, "title_en", MAX_TITLE_CHARS);
        let lang = self
            .required(o, "lang")
            .and_then(|n| self.lang_code(n, &o.child("lang")));
        let published = o
            .get("published")
            .and_then(|n| self.date(n, &o.child("published")));
        Some(Source {
            id: id?,
            outlet: outlet?,
            outlet_kind,
            url,
            title: title?,
            title_en,
            lang: lang?,
            published,
        })
    }

    fn url(&mut self, n: &Node, path: &str) -> Option<String> {
        let s = self.string(n, path)?;
        match check_url(&s) {
            Ok(()) => Some(s),
            Err(msg) => {
                self.error(path, n, msg);
                None
            }
        }
    }

    fn place(&mut self, n: &Node, path: &str) -> Option<Place> {
        let o = self.object(n, path)?;
        self.unknown(&o, &["name", "lat", "lon", "precision", "country"]);
        let name = self
            .required(&o, "name")
            .and_then(|t| self.text(t, &o.child("name"), MAX_NAME_CHARS, true));
        let lat = self.number(&o, "lat", -90.0, 90.0);
        let lon = self.number(&o, "lon", -180.0, 180.0);
        let precision = self.enum_value::<PlacePrecision>(&o, "precision");
        let country = self.country(&o);
        Some(Place {
            name: name?,
            lat: lat?,
            lon: lon?,
            precision: precision?,
            country,
        })
    }

    fn event(&mut self, o: &Obj, _path: &str, refs: &Refs) -> Option<Event> {
        self.unknown(
            o,
            &[
                "id", "date", "end", "place", "title", "summary", "actors", "type", "tags",
                "claim", "sources",
            ],
        );
        let id = self.id(o);
        let date = self
            .required(o, "date")
            .and_then(|n| self.date(n, &o.child("date")));
        let end = match o.get("end") {
            None => None,
            Some(n) => {
                let e = self.date(n, &o.child("end"))?;
                if let Some(d) = date {
                    if e.end_minute() < d.end_minute() && e.start_minute() < d.start_minute() {
                        self.error(
                            &o.child("end"),
                            n,
                            format!("the end {e} is before the start {d}"),
                        );
                    }
                }
                Some(e)
            }
        };
        let place = self
            .required(o, "place")
            .and_then(|n| self.place(n, &o.child("place")));
        let title = self
            .required(o, "title")
            .and_then(|n| self.text(n, &o.child("title"), MAX_TITLE_CHARS, true));
        let summary = o
            .get("summary")
            .and_then(|n| self.text(n, &o.child("summary"), MAX_SUMMARY_CHARS, false));
        let kind = self.enum_value::<EventType>(o, "type");
        let tags = self.string_list(o, "tags", |r, n, p| r.short(n, p, MAX_NAME_CHARS));
        let mut actors = Vec::new();
        if o.get("actors").is_some() {
            for (i, n) in self.array_items(o, "actors") {
                let p = format!("{}[{i}]", o.child("actors"));
                let Some(a) = self.object(n, &p) else {
                    continue;
                };
                self.unknown(&a, &["id", "role"]);
                let role = self.opt_short(&a, "role", MAX_NAME_CHARS);
                if let Some(idn) = self.required(&a, "id") {
                    if let Some(id) = self.reference(idn, &a.child("id"), refs.actors, "actor") {
                        actors.push(ActorRef { id, role });
                    }
                }
            }
        }
        let claim = match o.get("claim") {
            None => None,
            Some(n) => {
                let c = self.object(n, &o.child("claim"))?;
                self.unknown(&c, &["claimant", "disputed"]);
                let claimant = self
                    .required(&c, "claimant")
                    .and_then(|n| self.reference(n, &c.child("claimant"), refs.actors, "actor"));
                let disputed = self.boolean(&c, "disputed");
                Some(Claim {
                    claimant: claimant?,
                    disputed: disputed?,
                })
            }
        };
        let sources = self.string_list(o, "sources", |r, n, p| {
            r.reference(n, p, refs.sources, "source")
        });
        match o.get("sources") {
            None => self.missing(o, "sources"),
            Some(n) if matches!(&n.value, Value::Array(a) if a.is_empty()) => self.error(
                &o.child("sources"),
                n,
                "expected at least one source id, found an empty list".into(),
            ),
            _ => {}
        }
        Some(Event {
            id: id?,
            date: date?,
            end,
            place: place?,
            title: title?,
            summary,
            actors,
            kind: kind?,
            tags,
            claim,
            sources,
        })
    }

    fn reference(
        &mut self,
        n: &Node,
        path: &str,
        known: &HashSet<&str>,
        what: &str,
    ) -> Option<String> {
        let s = self.string(n, path)?;
        if known.contains(s.as_str()) {
            Some(s)
        } else {
            self.error(
                path,
                n,
                format!("unknown {what} id {s:?}: no valid {what} has this id"),
            );
            None
        }
    }

    /// Keeps the first record of each id; reports and drops the others.
    fn dedupe<T>(
        &mut self,
        items: &mut Vec<T>,
        id: impl Fn(&T) -> &String,
        table: &str,
        top: &Obj,
        dropped: &mut usize,
    ) {
        let mut seen = HashSet::new();
        let mut dups = Vec::new();
        for (i, item) in items.iter().enumerate() {
            if !seen.insert(id(item).clone()) {
                dups.push(i);
            }
        }
        if dups.is_empty() {
            return;
        }
        // Locate each duplicate by finding the n-th record with that id in the source tree.
        let nodes: Vec<&Node> = match top.get(table).map(|n| &n.value) {
            Some(Value::Array(a)) => a.iter().collect(),
            _ => Vec::new(),
        };
        for &i in dups.iter().rev() {
            let Some(dup_id) = items.get(i).map(|item| id(item).clone()) else {
                continue;
            };
            let hits: Vec<(usize, &Node)> = nodes
                .iter()
                .enumerate()
                .filter(|(_, n)| matches!(&n.value, Value::Object(m) if m.iter().any(|m| m.key == "id" && m.node.value == Value::String(dup_id.clone()))))
                .map(|(k, n)| (k, *n))
                .collect();
            let (k, at) = hits.get(1).copied().unwrap_or((i, top.node));
            let first = hits.first().map_or(0, |h| h.0);
            self.error(&format!("{table}[{k}].id"), at, format!("duplicate id {dup_id:?}: {table}[{first}] already uses it; this record is left out"));
            items.remove(i);
            *dropped += 1;
        }
    }
}

/// Accepts only absolute `http:` and `https:` links without spaces or control characters.
pub fn check_url(s: &str) -> Result<(), String> {
    let lower = s.trim_start().to_ascii_lowercase();
    let scheme_ok = lower.starts_with("https://") || lower.starts_with("http://");
    if !scheme_ok {
        let scheme = lower.split(':').next().unwrap_or("");
        return Err(format!(
            "expected an http:// or https:// link, found {}",
            if lower.contains(':') {
                format!("a {scheme}: link")
            } else {
                format!("{s:?}")
            }
        ));
    }
    if s.len() > MAX_URL_LEN {
        return Err(format!(
            "expected a link of at most {MAX_URL_LEN} characters, found {}",
            s.len()
        ));
    }
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) || s != s.trim() {
        return Err("a link must not contain spaces or control characters".into());
    }
    let host = s.split('/').nth(2).unwrap_or("");
    if host.is_empty() {
        return Err(format!(
            "expected a host name after the scheme, found {s:?}"
        ));
    }
    Ok(())
}

/// A pragmatic BCP 47 check: a 2–3 letter primary subtag, then alphanumeric subtags.
pub fn is_bcp47(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}
