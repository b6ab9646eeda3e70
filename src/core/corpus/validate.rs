//! Reads a corpus file into the model, reporting every problem with its location.
//!
//! Records (actors, sources, events) with errors are left out and counted; the rest
//! loads. Unknown fields are warnings. Nothing here panics, whatever the input.
//!
//! The work is linear in the input: every record is read once, errors are counted as they
//! are found (never by rescanning the diagnostics), duplicate ids are found with one hash
//! map, and all diagnostics are located in one pass over the text at the end
//! ([`LineIndex::locate_all`]). `tests/hostile.rs` checks this by counting steps
//! ([`super::work`]). Memory is bounded by the budgets below: what exceeds one is reported
//! where it starts and left out, never allocated.
//!
//! The document is never one JSON tree: [`json::parse_outline`] checks all of it and builds
//! only its outline, and each table (actors, sources, questions, events) is read one record
//! at a time ([`json::items`]): parsed from its span, read into the model, dropped. Offsets
//! stay those of the whole text, so every location is what a whole tree would give.
#![cfg_attr(not(test), deny(clippy::arithmetic_side_effects))]

use super::diagnostic::{is_invisible_format, path_key, quote, Diagnostic, Message, Msg, Severity};
use super::encoding;
use super::index::{self, Corpus};
use super::json::{self, LineIndex, Member, Node, Value};
use super::model::*;
use super::work;
use crate::time::date::PartialDate;
use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

/// The memory reading one file may take, in bytes: the file itself and everything the
/// validator builds from it. A file whose reading would exceed it is refused before anything
/// is allocated, judged by its size (see [`MEMORY_PER_FILE_BYTE`]). 2 GiB: a corpus of a
/// million events (about 350 MB) fits, well below the 4 GiB a 32-bit wasm module can address.
pub const MEMORY_BUDGET: usize = 2 << 30;
/// What reading a file holds at its peak, per byte of the file, rounded up: its bytes (1)
/// and the model and its index (the validator holds one record's JSON tree at a time, so the
/// tree adds nothing that grows with the file). Measured at 4.6 (peak resident memory of
/// `steppe-corpus check`, which indexes too, with 64-bit pointers) on a generated corpus of
/// 1,000,000 events. A file with invalid UTF-8 costs one byte more per byte: it is copied
/// once when the invalid sequences are replaced.
pub const MEMORY_PER_FILE_BYTE: usize = 5;
/// The largest file read within [`MEMORY_BUDGET`] (about 410 MiB); larger ones are refused, and
/// the page stops downloading one past this size.
pub const MAX_FILE_BYTES: usize = MEMORY_BUDGET / MEMORY_PER_FILE_BYTE;
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
/// Most languages one text (a title, a name, a summary) is read in: English and the first
/// others in the file; the rest are ignored with a warning. Every event's search text
/// repeats its actors' names, so this bounds what one name can cost.
pub const MAX_TEXT_LANGUAGES: usize = 32;
/// Most entries read from one list: an event's actors, sources and tags, the corpus'
/// languages. The rest are ignored with a warning.
pub const MAX_LIST_ITEMS: usize = 100;
/// Most diagnostics listed; the others are counted in one last diagnostic.
pub const MAX_DIAGNOSTICS: usize = 10_000;

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
    /// The file's references, resolved to check the budgets (none when the file was not
    /// read to the end): [`Validated::into_corpus`] indexes with them.
    resolved: Option<index::Resolved>,
}

impl Validated {
    /// What loaded, indexed, and every diagnostic. The references the validator resolved are
    /// reused, unless they no longer cover the file's events.
    pub fn into_corpus(self) -> (Corpus, Vec<Diagnostic>) {
        (
            Corpus::resolved(self.file, self.dropped, self.resolved),
            self.diagnostics,
        )
    }
}

fn empty_file() -> CorpusFile {
    CorpusFile {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        meta: Meta::default(),
        actors: Vec::new(),
        sources: Vec::new(),
        questions: Vec::new(),
        tags: Tags::new(),
        events: Vec::new(),
    }
}

/// Reads `text` as a corpus. Always returns a (possibly empty) corpus and its diagnostics.
pub fn validate(text: &str) -> Validated {
    validate_with(
        text,
        &encoding::Replaced::default(),
        &mut |_, _| {},
        json::MAX_JSON_VALUES,
    )
}

/// How many events are read between two progress reports.
pub const PROGRESS_EVERY: usize = 1000;

/// Reads a file's bytes as a corpus, as the CLI and the app both do: a UTF-16 or UTF-32
/// file is recognised and named (nothing loads), invalid UTF-8 is replaced by U+FFFD with a
/// located warning for each place, then the text is read as by [`validate`].
pub fn validate_bytes(bytes: &[u8]) -> Validated {
    validate_bytes_reporting(bytes, &mut |_, _| {})
}

/// Like [`validate_bytes`], telling `progress` how many events have been read, of how many,
/// every [`PROGRESS_EVERY`] events and at the end (for a loading bar).
pub fn validate_bytes_reporting(bytes: &[u8], progress: &mut dyn FnMut(usize, usize)) -> Validated {
    if let Some(refused) = refuse_size(u64::try_from(bytes.len()).unwrap_or(u64::MAX)) {
        return refused;
    }
    match encoding::decode(bytes) {
        Ok((text, replaced)) => validate_with(&text, &replaced, progress, json::MAX_JSON_VALUES),
        Err(message) => Validated {
            file: empty_file(),
            dropped: Dropped::default(),
            diagnostics: vec![Diagnostic::at_start(Severity::Error, message)],
            resolved: None,
        },
    }
}

/// The outcome for a file of `len` bytes if the memory budget refuses it (more than
/// [`MAX_FILE_BYTES`]): nothing loaded, one error at its start. For a caller that knows a
/// file's size before reading it (the CLI from the file system, the page from the file the
/// reader chose), so that a file too big is never read into memory at all.
pub fn refuse_size(len: u64) -> Option<Validated> {
    if len <= u64::try_from(MAX_FILE_BYTES).unwrap_or(u64::MAX) {
        return None;
    }
    let mut r = Reader::new("");
    r.too_big(len);
    Some(Validated {
        file: empty_file(),
        dropped: Dropped::default(),
        diagnostics: r.finish(),
        resolved: None,
    })
}

/// Reads `text` as a corpus, building at most `max_values` JSON values at once.
fn validate_with(
    text: &str,
    replaced: &encoding::Replaced,
    progress: &mut dyn FnMut(usize, usize),
    max_values: usize,
) -> Validated {
    let mut r = Reader::new(text);
    r.progress = Some(progress);
    r.max_values = max_values;
    for (offset, message) in &replaced.places {
        r.push(Severity::Warning, &Path::Text(""), *offset, message.clone());
    }
    if let (Some(&(at, _)), true) = (replaced.places.last(), replaced.more > 0) {
        r.push(
            Severity::Warning,
            &Path::Text(""),
            at,
            Message::new(Msg::MoreInvalidUtf8).count(replaced.more),
        );
    }
    let mut file = empty_file();
    let mut dropped = Dropped::default();
    if text.len() > MAX_FILE_BYTES {
        r.too_big(u64::try_from(text.len()).unwrap_or(u64::MAX));
        return Validated {
            file,
            dropped,
            diagnostics: r.finish(),
            resolved: None,
        };
    }
    // The tables' records are parsed one at a time, in `Reader::table`: the whole document
    // is never one tree.
    let root = match json::parse_outline_limited(text, r.max_values) {
        Ok(n) => n,
        Err(e) => {
            let message = if e.over_budget {
                e.message
            } else {
                Message::new(Msg::MalformedJson).sub("error", e.message)
            };
            r.push(Severity::Error, &Path::Text(""), e.offset, message);
            return Validated {
                file,
                dropped,
                diagnostics: r.finish(),
                resolved: None,
            };
        }
    };
    let Some(top) = r.object(&root, &Path::Text("")) else {
        return Validated {
            file,
            dropped,
            diagnostics: r.finish(),
            resolved: None,
        };
    };
    r.unknown(
        &top,
        &[
            "format",
            "version",
            "meta",
            "actors",
            "sources",
            "questions",
            "tags",
            "events",
        ],
    );
    match top.get("format") {
        Some(n) => {
            if let Some(f) = r.string(n, &Path::Text("format")) {
                if f != FORMAT_NAME {
                    r.push(
                        Severity::Error,
                        &Path::Text("format"),
                        n.start,
                        Message::new(Msg::ExpectedFound)
                            .arg("expected", format!("\"{FORMAT_NAME}\""))
                            .quoted("found", &f),
                    );
                }
            }
        }
        None => r.missing(&top, "format"),
    }
    if let Some(n) = r.required(&top, "version") {
        if let Some(v) = r.integer(n, &Path::Text("version"), 0, i64::from(u32::MAX)) {
            if v != i64::from(FORMAT_VERSION) {
                r.push(
                    Severity::Error,
                    &Path::Text("version"),
                    n.start,
                    Message::new(Msg::WrongVersion)
                        .arg("expected", FORMAT_VERSION)
                        .arg("found", v),
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
    let actors = r.table(
        &top,
        "actors",
        Reader::actor,
        |a| &a.id,
        &mut dropped.actors,
    );
    let sources = r.table(
        &top,
        "sources",
        Reader::source,
        |s| &s.id,
        &mut dropped.sources,
    );
    // Questions are optional: a file without them has none.
    let questions = if top.get("questions").is_some() {
        let mut dropped_questions = 0;
        let q = r.table(
            &top,
            "questions",
            Reader::question,
            |q| &q.id,
            &mut dropped_questions,
        );
        q.0
    } else {
        Vec::new()
    };
    let (tags, tag_at) = r.tags_table(&top);
    let events = {
        let actor_ids: HashSet<&str> = actors.0.iter().map(|a| a.id.as_str()).collect();
        let source_ids: HashSet<&str> = sources.0.iter().map(|s| s.id.as_str()).collect();
        let question_ids: HashSet<&str> =
            questions.iter().map(|q: &Question| q.id.as_str()).collect();
        let refs = Refs {
            actors: &actor_ids,
            sources: &source_ids,
            questions: &question_ids,
        };
        r.table(
            &top,
            "events",
            |r, o, p| r.event(o, p, &refs),
            |e| &e.id,
            &mut dropped.events,
        )
    };
    let (actors, actor_at) = actors;
    let (sources, source_at) = sources;
    let (events, event_at) = events;
    file.actors = actors;
    file.sources = sources;
    file.questions = questions;
    r.unused_tags(&tag_at, &events);
    file.tags = tags;
    file.events = events;
    let resolved = r.budgets(&file, &actor_at, &source_at, &event_at);
    Validated {
        file,
        dropped,
        diagnostics: r.finish(),
        resolved: Some(resolved),
    }
}

/// Records, and where each came from: (index in its array, byte offset). Two vectors, not
/// one of pairs split later: a million events are not held twice.
type Located<T> = (Vec<T>, Vec<(usize, usize)>);

struct Refs<'a> {
    actors: &'a HashSet<&'a str>,
    sources: &'a HashSet<&'a str>,
    questions: &'a HashSet<&'a str>,
}

/// A JSON path, written out only when a diagnostic is listed: the validator passes one to
/// every field it reads, and building each as a string took a fifth of its time.
#[derive(Clone, Copy)]
enum Path<'a> {
    /// Written out already (the top level, a fixed place).
    Text(&'a str),
    /// A member of the object at the parent path.
    Key(&'a Path<'a>, &'a str),
    /// An item of the array at the parent path.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    fn index(&'a self, k: usize) -> Path<'a> {
        Path::Index(self, k)
    }

    /// The path as the diagnostics show it (`events[3].title.en`).
    fn render(&self) -> String {
        match self {
            Path::Text(s) => s.to_string(),
            Path::Key(parent, key) => path_key(&parent.render(), key),
            Path::Index(parent, k) => format!("{}[{k}]", parent.render()),
        }
    }
}

/// An object's members: all of them (nearly always: no key repeats, nothing is allocated),
/// or the last of each key.
enum Members<'a> {
    All(&'a [Member<'a>]),
    Kept(Vec<&'a Member<'a>>),
}

impl<'a> Members<'a> {
    fn iter(&self) -> impl Iterator<Item = &'a Member<'a>> + '_ {
        let (all, kept): (&'a [Member<'a>], &[&'a Member<'a>]) = match self {
            Members::All(all) => (all, &[]),
            Members::Kept(kept) => (&[], kept),
        };
        all.iter().chain(kept.iter().copied())
    }

    fn len(&self) -> usize {
        match self {
            Members::All(all) => all.len(),
            Members::Kept(kept) => kept.len(),
        }
    }
}

/// An object node with its members (the last of each key) and path.
struct Obj<'a> {
    node: &'a Node<'a>,
    members: Members<'a>,
    path: Path<'a>,
}

impl<'a> Obj<'a> {
    fn get(&self, key: &str) -> Option<&'a Node<'a>> {
        work::add(self.members.len());
        // Lengths first, in place: most keys differ in length, and this runs for every
        // field looked up.
        match &self.members {
            Members::All(all) => {
                for m in all.iter() {
                    if m.key.len() == key.len() && m.key.as_bytes() == key.as_bytes() {
                        return Some(&m.node);
                    }
                }
                None
            }
            Members::Kept(kept) => kept.iter().find(|m| m.key.as_ref() == key).map(|m| &m.node),
        }
    }

    fn child<'k>(&'k self, key: &'k str) -> Path<'k> {
        Path::Key(&self.path, key)
    }
}

/// A diagnostic waiting for its line and column (all are located at once, at the end).
struct Pending {
    severity: Severity,
    path: String,
    offset: usize,
    message: Message,
}

struct Reader<'t> {
    text: &'t str,
    pending: Vec<Pending>,
    /// Errors found, listed or not: a record is left out when it adds one.
    errors: usize,
    /// Diagnostics past [`MAX_DIAGNOSTICS`]: how many, how many errors, the first's offset.
    unlisted: (usize, usize, Option<usize>),
    /// Told how many events have been read, of how many.
    progress: Option<&'t mut dyn FnMut(usize, usize)>,
    /// Most JSON values built at once (see [`json::MAX_JSON_VALUES`]).
    max_values: usize,
}

/// The `id` of a record as the file writes it (the last, if written twice), borrowed from
/// the file's text unless it holds escapes.
fn raw_id<'t>(n: &Node<'t>) -> Option<Cow<'t, str>> {
    let Value::Object(members) = &n.value else {
        return None;
    };
    match &members.iter().rev().find(|m| m.key == "id")?.node.value {
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

/// A number as text of bounded length (1e300 is not written with 300 zeros).
fn number_text(x: f64) -> String {
    if x.abs() < 1e15 {
        format!("{x}")
    } else {
        format!("{x:e}")
    }
}

impl<'t> Reader<'t> {
    fn new(text: &'t str) -> Self {
        Reader {
            text,
            pending: Vec::new(),
            errors: 0,
            unlisted: (0, 0, None),
            progress: None,
            max_values: json::MAX_JSON_VALUES,
        }
    }

    fn push(&mut self, severity: Severity, path: &Path, offset: usize, message: Message) {
        if self.room(severity, offset) {
            self.list(severity, &path.render(), offset, message);
        }
    }

    /// Counts a diagnostic and says whether it will be listed. Past [`MAX_DIAGNOSTICS`] it
    /// is only counted, so frequent callers ask first and skip formatting its text.
    fn room(&mut self, severity: Severity, offset: usize) -> bool {
        work::add(1);
        let error = severity == Severity::Error;
        if error {
            self.errors = self.errors.saturating_add(1);
        }
        if self.pending.len() < MAX_DIAGNOSTICS {
            return true;
        }
        let (n, e, first) = &mut self.unlisted;
        *n = n.saturating_add(1);
        *e = e.saturating_add(usize::from(error));
        first.get_or_insert(offset);
        false
    }

    /// Lists a diagnostic [`Reader::room`] made room for.
    fn list(&mut self, severity: Severity, path: &str, offset: usize, message: Message) {
        work::add(path.len().saturating_add(message.args.len()));
        self.pending.push(Pending {
            severity,
            path: path.to_string(),
            offset,
            message,
        });
    }

    /// The diagnostics, located: one pass over the text for all of them.
    fn finish(self) -> Vec<Diagnostic> {
        if self.pending.is_empty() && self.unlisted.0 == 0 {
            // Nothing to locate: a clean file is not scanned for its lines.
            return Vec::new();
        }
        let offsets: Vec<usize> = self.pending.iter().map(|p| p.offset).collect();
        // Lines are indexed only as far as the last diagnostic: a file refused at its first
        // byte is not scanned to its end.
        let last = offsets
            .iter()
            .copied()
            .chain(self.unlisted.2)
            .max()
            .unwrap_or(0);
        let mut end = last.saturating_add(1).min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end = end.saturating_add(1);
        }
        let lines = LineIndex::new(self.text.get(..end).unwrap_or(self.text));
        let located = lines.locate_all(self.text, &offsets);
        let mut out: Vec<Diagnostic> = self
            .pending
            .into_iter()
            .zip(located)
            .map(|(p, (line, column))| Diagnostic {
                severity: p.severity,
                path: p.path,
                line,
                column,
                message: p.message,
            })
            .collect();
        let (n, errors, first) = self.unlisted;
        if n > 0 {
            let (line, column) = lines.locate(self.text, first.unwrap_or(0));
            out.push(Diagnostic {
                severity: if errors > 0 {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                path: String::new(),
                line,
                column,
                message: Message::new(Msg::TooManyDiagnostics)
                    .sub("problems", Message::new(Msg::Problems).count(n))
                    .sub("errors", Message::new(Msg::Errors).count(errors))
                    .arg("max", MAX_DIAGNOSTICS),
            });
        }
        out
    }

    fn too_big(&mut self, len: u64) {
        self.push(
            Severity::Error,
            &Path::Text(""),
            0,
            Message::new(Msg::FileTooBig)
                .arg("size", format!("{:.1}", len as f64 / 1_048_576.0))
                .arg("factor", MEMORY_PER_FILE_BYTE)
                .arg("budget", MEMORY_BUDGET >> 20)
                .arg("limit", MAX_FILE_BYTES >> 20),
        );
    }

    fn error(&mut self, path: &Path, node: &Node, message: Message) {
        self.push(Severity::Error, path, node.start, message);
    }

    fn warn(&mut self, path: &Path, offset: usize, message: Message) {
        self.push(Severity::Warning, path, offset, message);
    }

    /// "expected X, found Y"; for an unreadable value, why it could not be read.
    fn mismatch(&mut self, path: &Path, n: &Node, expected: Msg) {
        if !self.room(Severity::Error, n.start) {
            return;
        }
        let message = match &n.value {
            Value::Invalid(why) => (**why).clone(),
            v => {
                let m = Message::new(Msg::ExpectedFound).sub("expected", expected.into());
                match v.kind() {
                    Some(found) => m.sub("found", found.into()),
                    None => m,
                }
            }
        };
        self.list(Severity::Error, &path.render(), n.start, message);
    }

    /// Runs `read` on one record; returns it only if reading it added no error.
    fn record<T>(
        &mut self,
        n: &Node,
        path: &Path,
        read: impl FnOnce(&mut Self, &Obj, &Path) -> Option<T>,
    ) -> Option<T> {
        let before = self.errors;
        let obj = self.object(n, path)?;
        let value = read(self, &obj, path);
        if self.errors > before {
            None
        } else {
            value
        }
    }

    /// Reads every record of the array `key`, keeping the first record of each id; a later
    /// record with the same id is reported and left out. One hash map, one pass.
    fn table<T>(
        &mut self,
        top: &Obj<'t>,
        key: &str,
        mut read: impl FnMut(&mut Self, &Obj, &Path) -> Option<T>,
        id: impl Fn(&T) -> &String,
        dropped: &mut usize,
    ) -> Located<T> {
        let mut out = (Vec::new(), Vec::new());
        // Keyed by the id as the file has it, borrowed from its text: no copy of every id.
        let mut first: HashMap<Cow<'t, str>, usize> = HashMap::new();
        let Some(table) = top.get(key) else {
            self.missing(top, key);
            return out;
        };
        let total = match &table.value {
            Value::Items(total) => *total,
            Value::Array(items) => items.len(),
            _ => {
                self.mismatch(&top.child(key), table, Msg::KindArray);
                return out;
            }
        };
        let mut progress = if key == "events" {
            self.progress.take()
        } else {
            None
        };
        // One record's tree at a time: each item is parsed, read into the model and dropped.
        for (k, item) in json::items(self.text, table, self.max_values).enumerate() {
            if let Some(report) = progress.as_mut().filter(|_| k % PROGRESS_EVERY == 0) {
                report(k, total);
            }
            let n = match item {
                Ok(n) => n,
                Err(e) => {
                    // Only an item over the values budget: the table stops there.
                    self.push(Severity::Error, &Path::Text(""), e.offset, e.message);
                    break;
                }
            };
            let table_path = Path::Text(key);
            let path = table_path.index(k);
            let Some(t) = self.record(&n, &path, &mut read) else {
                *dropped = dropped.saturating_add(1);
                continue;
            };
            let tid = id(&t);
            work::add(tid.len());
            let as_written = match raw_id(&n) {
                Some(raw) if raw == tid.as_str() => raw,
                _ => Cow::Owned(tid.clone()),
            };
            // One hash per record: the id is looked up and, if new, inserted at once.
            match first.entry(as_written) {
                Entry::Occupied(f) => {
                    let f = *f.get();
                    self.error(
                        &path.key("id"),
                        &n,
                        Message::new(Msg::DuplicateId)
                            .quoted("id", tid)
                            .arg("first", format!("{key}[{f}]")),
                    );
                    *dropped = dropped.saturating_add(1);
                }
                Entry::Vacant(slot) => {
                    slot.insert(k);
                    out.0.push(t);
                    out.1.push((k, n.start));
                }
            }
        }
        if let Some(report) = progress {
            report(total, total);
        }
        out
    }

    fn object<'n>(&mut self, n: &'n Node<'n>, path: &Path<'n>) -> Option<Obj<'n>> {
        let Value::Object(all) = &n.value else {
            self.mismatch(path, n, Msg::KindObject);
            return None;
        };
        work::add(all.len());
        let mut members = Members::All(all);
        // Small objects (every record of the format) are checked pairwise, without a map.
        let small_unique = all.len() <= 12
            && all.iter().enumerate().all(|(i, m)| {
                work::add(i);
                all.iter()
                    .take(i)
                    .all(|o| o.key.len() != m.key.len() || o.key != m.key)
            });
        if all.len() > 1 && !small_unique {
            // The last of each key wins, as in every other JSON reader.
            let mut last: HashMap<&str, usize> = HashMap::with_capacity(all.len());
            for (i, m) in all.iter().enumerate() {
                work::add(m.key.len());
                last.insert(m.key.as_ref(), i);
            }
            if last.len() < all.len() {
                let mut kept = Vec::with_capacity(last.len());
                for (i, m) in all.iter().enumerate() {
                    if last.get(m.key.as_ref()) == Some(&i) {
                        kept.push(m);
                    } else {
                        self.warn(
                            path,
                            m.key_start,
                            Message::new(Msg::DuplicateKey).quoted("key", &m.key),
                        );
                    }
                }
                members = Members::Kept(kept);
            }
        }
        Some(Obj {
            node: n,
            members,
            path: *path,
        })
    }

    fn unknown(&mut self, o: &Obj, allowed: &[&str]) {
        work::add(o.members.len().saturating_mul(allowed.len()));
        for m in o.members.iter() {
            // Lengths first, as in `Obj::get`.
            let known = allowed
                .iter()
                .any(|a| a.len() == m.key.len() && *a == m.key);
            if !known && self.room(Severity::Warning, m.key_start) {
                let message = Message::new(Msg::UnknownField)
                    .quoted("field", &m.key)
                    .arg("allowed", allowed.join(", "));
                self.list(
                    Severity::Warning,
                    &o.child(&m.key).render(),
                    m.key_start,
                    message,
                );
            }
        }
    }

    fn missing(&mut self, o: &Obj, key: &str) {
        let at = o.node.start;
        if self.room(Severity::Error, at) {
            let message = Message::new(Msg::MissingField).arg("field", format!("{key:?}"));
            self.list(Severity::Error, &o.child(key).render(), at, message);
        }
    }

    fn required<'n>(&mut self, o: &Obj<'n>, key: &str) -> Option<&'n Node<'n>> {
        let n = o.get(key);
        if n.is_none() {
            self.missing(o, key);
        }
        n
    }

    fn array_items<'n>(&mut self, o: &Obj<'n>, key: &str) -> Vec<(usize, &'n Node<'n>)> {
        match o.get(key) {
            None => {
                self.missing(o, key);
                Vec::new()
            }
            Some(n) => match &n.value {
                Value::Array(items) => {
                    work::add(items.len());
                    items.iter().enumerate().collect()
                }
                _ => {
                    self.mismatch(&o.child(key), n, Msg::KindArray);
                    Vec::new()
                }
            },
        }
    }

    fn string(&mut self, n: &Node, path: &Path) -> Option<String> {
        match &n.value {
            Value::String(s) => {
                work::add(s.len());
                match close_bidi(s) {
                    None => Some(s.to_string()),
                    Some(closed) => {
                        self.warn(path, n.start, Msg::BidiOpen.into());
                        Some(closed)
                    }
                }
            }
            _ => {
                self.mismatch(path, n, Msg::KindString);
                None
            }
        }
    }

    /// A string of 1..=`max` characters (after trimming).
    fn short(&mut self, n: &Node, path: &Path, max: usize) -> Option<String> {
        let s = self.string(n, path)?;
        let chars = s.chars().count();
        if s.trim().is_empty() {
            self.error(path, n, Msg::EmptyText.into());
            None
        } else if chars > max {
            self.error(
                path,
                n,
                Message::new(Msg::TooLong)
                    .arg("max", max)
                    .arg("found", chars),
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

    fn integer(&mut self, n: &Node, path: &Path, min: i64, max: i64) -> Option<i64> {
        match n.value {
            Value::Number(x) if x.fract() == 0.0 && x >= min as f64 && x <= max as f64 => {
                Some(x as i64)
            }
            Value::Number(x) => {
                self.error(
                    path,
                    n,
                    Message::new(Msg::WholeNumberRange)
                        .arg("min", min)
                        .arg("max", max)
                        .arg("found", number_text(x)),
                );
                None
            }
            _ => {
                self.mismatch(path, n, Msg::KindNumber);
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
                    Message::new(Msg::NumberRange)
                        .arg("min", min)
                        .arg("max", max)
                        .arg("found", number_text(x)),
                );
                None
            }
            _ => {
                self.mismatch(&o.child(key), n, Msg::KindNumber);
                None
            }
        }
    }

    fn boolean(&mut self, o: &Obj, key: &str) -> Option<bool> {
        let n = self.required(o, key)?;
        match n.value {
            Value::Bool(b) => Some(b),
            _ => {
                self.mismatch(&o.child(key), n, Msg::KindTrueOrFalse);
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
            self.error(
                &path,
                n,
                Message::new(Msg::BadId)
                    .arg("max", MAX_ID_LEN)
                    .quoted("found", &s),
            );
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
                Message::new(Msg::OneOf)
                    .arg("allowed", all.join(", "))
                    .quoted("found", &s),
            );
        }
        v
    }

    fn lang_code(&mut self, n: &Node, path: &Path) -> Option<String> {
        let s = self.string(n, path)?;
        if is_bcp47(&s) {
            Some(s)
        } else {
            self.error(path, n, Message::new(Msg::BadLangCode).quoted("found", &s));
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
            self.error(&path, n, Message::new(Msg::BadCountry).quoted("found", &s));
            None
        }
    }

    /// Multilingual text; `max` characters per language; English required if `need_en`.
    /// At most [`MAX_TEXT_LANGUAGES`] languages are read: English and the first others.
    fn text(&mut self, n: &Node, path: &Path, max: usize, need_en: bool) -> Option<Text> {
        let o = self.object(n, path)?;
        let mut out: Vec<(String, String)> = Vec::new();
        let mut others = 0usize;
        let mut warned = false;
        for m in o.members.iter() {
            let p = o.child(&m.key);
            if m.key != "en" {
                if others >= MAX_TEXT_LANGUAGES.saturating_sub(1) {
                    if !warned {
                        warned = true;
                        let total = o.members.len();
                        self.warn(
                            path,
                            m.key_start,
                            Message::new(Msg::TooManyLanguages)
                                .arg("total", total)
                                .arg("max", MAX_TEXT_LANGUAGES)
                                .arg("others", MAX_TEXT_LANGUAGES.saturating_sub(1))
                                .arg("rest", total.saturating_sub(MAX_TEXT_LANGUAGES)),
                        );
                    }
                    continue;
                }
                others = others.saturating_add(1);
            }
            let key_ok = is_bcp47(&m.key);
            if !key_ok {
                self.push(
                    Severity::Error,
                    &p,
                    m.key_start,
                    Message::new(Msg::BadLangKey).quoted("found", &m.key),
                );
            }
            if let (Some(s), true) = (self.short(&m.node, &p, max), key_ok) {
                out.push((m.key.to_string(), s));
            }
        }
        if need_en && !out.iter().any(|(k, _)| k == "en") && o.get("en").is_none() {
            self.error(path, n, Msg::NoEnglish.into());
            return None;
        }
        Some(out.into_iter().collect())
    }

    fn date(&mut self, n: &Node, path: &Path) -> Option<PartialDate> {
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
                // Any whole number a double holds exactly; `validate` then names the range.
                let year = field(self, "year", -9_007_199_254_740_992, 9_007_199_254_740_992)?;
                let month = field(self, "month", 0, 255)?;
                let day = field(self, "day", 0, 255)?;
                let hour = field(self, "hour", 0, 255)?;
                let minute = field(self, "minute", 0, 255)?;
                let Some(year) = year else {
                    self.missing(&o, "year");
                    return None;
                };
                if minute.is_some() && hour.is_none() {
                    self.error(&o.child("minute"), n, Msg::MinuteNeedsHour.into());
                    return None;
                }
                let offset = match o.get("utc_offset") {
                    None => None,
                    Some(on) => {
                        let s = self.string(on, &o.child("utc_offset"))?;
                        match PartialDate::parse_offset(&s) {
                            Some(minutes) => Some(minutes),
                            None => {
                                self.error(
                                    &o.child("utc_offset"),
                                    on,
                                    Message::new(Msg::BadOffset).quoted("found", &s),
                                );
                                return None;
                            }
                        }
                    }
                };
                let small = |v: i64| u8::try_from(v).unwrap_or(u8::MAX);
                let d = PartialDate {
                    year: i32::try_from(year).unwrap_or(if year < 0 { i32::MIN } else { i32::MAX }),
                    month: month.map(small),
                    day: day.map(small),
                    time: hour.map(|h| (small(h), small(minute.unwrap_or(0)))),
                    offset_minutes: offset,
                };
                match d.validate() {
                    Ok(()) => Some(d),
                    Err(e) => {
                        let at = o.get(e.field).unwrap_or(n);
                        let p = if e.field.is_empty() {
                            *path
                        } else {
                            o.child(e.field)
                        };
                        self.error(&p, at, e.message);
                        None
                    }
                }
            }
            _ => {
                self.mismatch(path, n, Msg::KindDate);
                None
            }
        }
    }

    /// The items of the optional list `key`, each read by `item`; at most
    /// [`MAX_LIST_ITEMS`] (the rest are ignored with a warning).
    fn string_list(
        &mut self,
        o: &Obj,
        key: &str,
        item: impl Fn(&mut Self, &Node, &Path) -> Option<String>,
    ) -> Vec<String> {
        if o.get(key).is_none() {
            return Vec::new();
        }
        let items = self.array_items(o, key);
        let path = o.child(key);
        let items = self.capped(items, &path);
        // Exactly the room the items need: a list grown one by one keeps room for four, and
        // a million events each keeping it for one source or tag is 70 MB more.
        let mut out = Vec::with_capacity(items.len());
        for (i, n) in items {
            if let Some(s) = item(self, n, &path.index(i)) {
                out.push(s);
            }
        }
        out
    }

    /// The first [`MAX_LIST_ITEMS`] of `items`, with a warning at the first one left out.
    fn capped<'n>(
        &mut self,
        mut items: Vec<(usize, &'n Node<'n>)>,
        path: &Path,
    ) -> Vec<(usize, &'n Node<'n>)> {
        let total = items.len();
        if let Some(&(_, first_out)) = items.get(MAX_LIST_ITEMS) {
            self.warn(
                path,
                first_out.start,
                Message::new(Msg::TooManyItems)
                    .arg("total", total)
                    .arg("max", MAX_LIST_ITEMS)
                    .arg("rest", total.saturating_sub(MAX_LIST_ITEMS)),
            );
            items.truncate(MAX_LIST_ITEMS);
        }
        items
    }

    fn meta(&mut self, n: &Node) -> Option<Meta> {
        let o = self.object(n, &Path::Text("meta"))?;
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
            .and_then(|t| self.text(t, &Path::Text("meta.title"), MAX_TITLE_CHARS, true));
        let description = o
            .get("description")
            .and_then(|t| self.text(t, &Path::Text("meta.description"), MAX_SUMMARY_CHARS, false));
        let languages = self.string_list(&o, "languages", |r, n, p| r.lang_code(n, p));
        let license = self.opt_short(&o, "license", MAX_NAME_CHARS);
        let attribution = self.opt_short(&o, "attribution", MAX_SUMMARY_CHARS);
        let updated = o
            .get("updated")
            .and_then(|d| self.date(d, &Path::Text("meta.updated")));
        Some(Meta {
            title: title.unwrap_or_default(),
            description,
            languages,
            license,
            attribution,
            updated,
        })
    }

    fn actor(&mut self, o: &Obj, path: &Path) -> Option<Actor> {
        self.unknown(o, &["id", "name", "kind", "country", "color"]);
        let id = self.id(o);
        let name = self
            .required(o, "name")
            .and_then(|n| self.text(n, &path.key("name"), MAX_NAME_CHARS, true));
        let kind = self.enum_value::<ActorKind>(o, "kind");
        let country = self.country(o);
        let color = match o.get("color") {
            None => None,
            Some(n) => {
                let p = o.child("color");
                let s = self.string(n, &p)?;
                let ok = s.len() == 7
                    && s.starts_with('#')
                    && s.bytes().skip(1).all(|b| b.is_ascii_hexdigit());
                if !ok {
                    self.error(&p, n, Message::new(Msg::BadColour).quoted("found", &s));
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

    fn question(&mut self, o: &Obj, path: &Path) -> Option<Question> {
        self.unknown(o, &["id", "text", "unit"]);
        let id = self.id(o);
        let text = self
            .required(o, "text")
            .and_then(|n| self.text(n, &path.key("text"), MAX_TITLE_CHARS, true));
        let unit = match o.get("unit") {
            None => None,
            Some(n) => Some(self.text(n, &path.key("unit"), MAX_NAME_CHARS, true)?),
        };
        Some(Question {
            id: id?,
            text: text?,
            unit,
        })
    }

    fn source(&mut self, o: &Obj, _path: &Path) -> Option<Source> {
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

    fn url(&mut self, n: &Node, path: &Path) -> Option<String> {
        let s = self.string(n, path)?;
        match check_url(&s) {
            Ok(()) => Some(s),
            Err(msg) => {
                self.error(path, n, msg);
                None
            }
        }
    }

    fn place(&mut self, n: &Node, path: &Path) -> Option<Place> {
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

    fn event(&mut self, o: &Obj, _path: &Path, refs: &Refs) -> Option<Event> {
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
                            Message::new(Msg::EndBeforeStart)
                                .arg("end", e)
                                .arg("start", d),
                        );
                    }
                }
                Some(e)
            }
        };
        // An event may have no place; one that is given must be valid.
        let place = match o.get("place") {
            None => Some(None),
            Some(n) => self.place(n, &o.child("place")).map(Some),
        };
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
            let items = self.array_items(o, "actors");
            let list = o.child("actors");
            let items = self.capped(items, &list);
            // Exactly the room needed (see `string_list`).
            actors.reserve_exact(items.len());
            for (i, n) in items {
                let p = list.index(i);
                let Some(a) = self.object(n, &p) else {
                    continue;
                };
                self.unknown(&a, &["id", "role"]);
                let role = a.get("role").and_then(|n| self.role(n, &a.child("role")));
                if let Some(idn) = self.required(&a, "id") {
                    if let Some(id) =
                        self.reference(idn, &a.child("id"), refs.actors, Msg::UnknownActor)
                    {
                        actors.push(ActorRef { id, role });
                    }
                }
            }
        }
        let claim = match o.get("claim") {
            None => None,
            Some(n) => {
                let c = self.object(n, &o.child("claim"))?;
                self.unknown(&c, &["claimant", "disputed", "question", "answer"]);
                let claimant = self.required(&c, "claimant").and_then(|n| {
                    self.reference(n, &c.child("claimant"), refs.actors, Msg::UnknownActor)
                });
                let disputed = self.boolean(&c, "disputed");
                let question = match c.get("question") {
                    None => None,
                    Some(n) => Some(self.reference(
                        n,
                        &c.child("question"),
                        refs.questions,
                        Msg::UnknownQuestion,
                    )?),
                };
                let answer = match c.get("answer") {
                    None => None,
                    Some(n) => Some(self.text(n, &c.child("answer"), MAX_NAME_CHARS, true)?),
                };
                Some(Box::new(Claim {
                    claimant: claimant?,
                    disputed: disputed?,
                    question,
                    answer,
                }))
            }
        };
        let sources = self.string_list(o, "sources", |r, n, p| {
            r.reference(n, p, refs.sources, Msg::UnknownSource)
        });
        match o.get("sources") {
            None => self.missing(o, "sources"),
            Some(n) if matches!(&n.value, Value::Array(a) if a.is_empty()) => {
                self.error(&o.child("sources"), n, Msg::NoSources.into())
            }
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

    /// The optional top-level `tags` table: tag id to text in several languages. Entries
    /// with errors are left out (their tags show as their ids). Returns the table and where
    /// each entry's key is, for [`Reader::unused_tags`].
    fn tags_table(&mut self, top: &Obj) -> (Tags, Vec<(String, usize)>) {
        let mut tags = Tags::new();
        let mut at = Vec::new();
        let Some(n) = top.get("tags") else {
            return (tags, at);
        };
        if !matches!(n.value, Value::Object(_)) {
            self.mismatch(&Path::Text("tags"), n, Msg::KindTagTable);
            return (tags, at);
        }
        let Some(o) = self.object(n, &Path::Text("tags")) else {
            return (tags, at);
        };
        for m in o.members.iter() {
            let p = o.child(&m.key);
            let chars = m.key.chars().count();
            if m.key.trim().is_empty() || chars > MAX_NAME_CHARS {
                self.push(
                    Severity::Error,
                    &p,
                    m.key_start,
                    Message::new(Msg::TagIdKey)
                        .arg("max", MAX_NAME_CHARS)
                        .quoted("found", &m.key),
                );
                continue;
            }
            if let Some(t) = self.label_text(&m.node, &p) {
                tags.insert(m.key.to_string(), t);
                at.push((m.key.to_string(), m.key_start));
            }
        }
        (tags, at)
    }

    /// Text in several languages for a tag or a role: an object of at most
    /// [`MAX_NAME_CHARS`] characters per language, with at least one language.
    fn label_text(&mut self, n: &Node, path: &Path) -> Option<Text> {
        if !matches!(n.value, Value::Object(_)) {
            self.mismatch(path, n, Msg::KindLabelText);
            return None;
        }
        let before = self.errors;
        let t = self.text(n, path, MAX_NAME_CHARS, false)?;
        if self.errors > before {
            return None;
        }
        if t.is_empty() {
            self.error(path, n, Msg::EmptyLabelText.into());
            return None;
        }
        Some(t)
    }

    /// An actor's role: a plain string, or text in several languages.
    fn role(&mut self, n: &Node, path: &Path) -> Option<Label> {
        match &n.value {
            Value::String(_) => self.short(n, path, MAX_NAME_CHARS).map(Label::Plain),
            Value::Object(_) => self.label_text(n, path).map(Label::Text),
            _ => {
                self.mismatch(path, n, Msg::KindRole);
                None
            }
        }
    }

    /// A warning for each `tags` entry no loaded event uses: most likely a misspelt id, on
    /// the entry or on the events meant to use it.
    fn unused_tags(&mut self, tag_at: &[(String, usize)], events: &[Event]) {
        if tag_at.is_empty() {
            return;
        }
        let used: HashSet<&str> = events
            .iter()
            .flat_map(|e| e.tags.iter().map(String::as_str))
            .collect();
        work::add(used.len().saturating_add(tag_at.len()));
        for (id, at) in tag_at {
            if !used.contains(id.as_str()) && self.room(Severity::Warning, *at) {
                let message = Message::new(Msg::UnusedTag).quoted("tag", id);
                self.list(Severity::Warning, &path_key("tags", id), *at, message);
            }
        }
    }

    fn reference(
        &mut self,
        n: &Node,
        path: &Path,
        known: &HashSet<&str>,
        unknown: Msg,
    ) -> Option<String> {
        let s = self.string(n, path)?;
        if known.contains(s.as_str()) {
            Some(s)
        } else {
            self.error(path, n, Message::new(unknown).quoted("id", &s));
            None
        }
    }

    /// Warnings for the index's budgets (see [`index`]): actors and languages offered as
    /// filters, and the search text. Each is said once, where it starts to apply. Returns
    /// the references resolved for the search budget, for the index.
    fn budgets(
        &mut self,
        file: &CorpusFile,
        actor_at: &[(usize, usize)],
        source_at: &[(usize, usize)],
        event_at: &[(usize, usize)],
    ) -> index::Resolved {
        let n_actors = file.actors.len();
        if n_actors > index::MAX_FACET_ACTORS {
            let facet = index::facet_actors(&file.actors, &file.events);
            if let Some(&(k, at)) = facet.iter().position(|f| !f).and_then(|i| actor_at.get(i)) {
                self.warn(
                    &Path::Text(&format!("actors[{k}]")),
                    at,
                    Message::new(Msg::ActorFacetBudget)
                        .arg("total", n_actors)
                        .arg("max", index::MAX_FACET_ACTORS)
                        .arg("rest", n_actors.saturating_sub(index::MAX_FACET_ACTORS)),
                );
            }
        }
        let languages = index::ranked_languages(&file.sources);
        if let Some(kept) = languages.get(..index::MAX_FACET_LANGUAGES) {
            if languages.len() > index::MAX_FACET_LANGUAGES {
                let kept: HashSet<&str> = kept.iter().map(String::as_str).collect();
                let first_out = file
                    .sources
                    .iter()
                    .zip(source_at)
                    .find(|(s, _)| !kept.contains(s.lang.as_str()));
                if let Some((s, &(k, at))) = first_out {
                    self.warn(
                        &Path::Text(&format!("sources[{k}].lang")),
                        at,
                        Message::new(Msg::LanguageFacetBudget)
                            .arg("total", languages.len())
                            .arg("max", index::MAX_FACET_LANGUAGES)
                            .arg(
                                "rest",
                                languages.len().saturating_sub(index::MAX_FACET_LANGUAGES),
                            )
                            .quoted("first", &s.lang),
                    );
                }
            }
        }
        let resolved = index::Resolved::new(&file.events, &file.actors, &file.sources, &file.tags);
        let searchable = resolved.searchable();
        if let Some(&(k, at)) = event_at.get(searchable) {
            self.warn(
                &Path::Text(&format!("events[{k}]")),
                at,
                Message::new(Msg::SearchBudget)
                    .arg("mb", index::MAX_SEARCH_TEXT_BYTES >> 20)
                    .arg(
                        "rest",
                        file.events
                            .len()
                            .saturating_sub(searchable)
                            .saturating_sub(1),
                    ),
            );
        }
        resolved
    }
}

/// Accepts only absolute `http:` and `https:` links to a well-formed host: no spaces,
/// control or invisible formatting characters (a right-to-left override or a zero-width
/// space can disguise where a link goes), no user name or password before the host.
pub fn check_url(s: &str) -> Result<(), Message> {
    if s.len() > MAX_URL_LEN {
        return Err(Message::new(Msg::LinkTooLong)
            .arg("max", MAX_URL_LEN)
            .arg("found", s.len()));
    }
    let scheme_len = if starts_with_ignore_case(s, "https://") {
        8
    } else if starts_with_ignore_case(s, "http://") {
        7
    } else {
        return Err(match s.split_once(':') {
            Some((scheme, _))
                if !scheme.is_empty()
                    && scheme
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"+.-".contains(&b)) =>
            {
                Message::new(Msg::NotHttpScheme).arg(
                    "scheme",
                    quote(&scheme.to_ascii_lowercase()).trim_matches('"'),
                )
            }
            _ => Message::new(Msg::NotHttp).quoted("found", s),
        });
    };
    // An ASCII link (most are) is checked byte by byte: its spaces and controls are the
    // bytes up to 0x20 and 0x7F, and every invisible formatting character is beyond ASCII.
    let bad = |c: char| c.is_whitespace() || c.is_control() || is_invisible_format(c);
    let found = if s.is_ascii() {
        s.bytes()
            .position(|b| b <= b' ' || b == 0x7F)
            .map(|at| (at, char::from(s.as_bytes().get(at).copied().unwrap_or(0))))
    } else {
        s.chars().enumerate().find(|(_, c)| bad(*c))
    };
    if let Some((at, c)) = found {
        return Err(Message::new(Msg::LinkBadChar)
            .arg("char", format!("U+{:04X}", u32::from(c)))
            .arg("at", at.saturating_add(1)));
    }
    let rest = s.get(scheme_len..).unwrap_or_default();
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    check_authority(authority).map_err(|why| {
        Message::new(Msg::LinkIn)
            .sub("problem", why.into())
            .quoted("link", s)
    })
}

/// `s` with the bidirectional overrides, embeddings and isolates it leaves open closed at
/// its end (PDF for U+202A–U+202E, PDI for U+2066–U+2068), or `None` if it closes them all.
/// Matching follows UAX #9: a PDF closes the innermost embedding unless an isolate is
/// innermost; a PDI closes the innermost isolate and whatever was opened inside it.
pub fn close_bidi(s: &str) -> Option<String> {
    // Every one of these characters is encoded from the byte 0xE2: text without it (nearly
    // all text) is not decoded at all.
    if !s.as_bytes().contains(&0xE2) {
        return None;
    }
    let mut open: Vec<char> = Vec::new();
    for c in s.chars() {
        match c {
            '\u{202a}' | '\u{202b}' | '\u{202d}' | '\u{202e}' => open.push('\u{202c}'),
            '\u{2066}' | '\u{2067}' | '\u{2068}' => open.push('\u{2069}'),
            '\u{202c}' if open.last() == Some(&'\u{202c}') => {
                open.pop();
            }
            '\u{2069}' => {
                if let Some(k) = open.iter().rposition(|&c| c == '\u{2069}') {
                    open.truncate(k);
                }
            }
            _ => {}
        }
    }
    if open.is_empty() {
        return None;
    }
    let mut closed = s.to_string();
    closed.extend(open.iter().rev());
    Some(closed)
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// `host[:port]` of a link: a DNS name (letters of any script, digits, hyphens), an IPv4
/// address or a bracketed IPv6 address, and an optional port from 1 to 65535.
fn check_authority(authority: &str) -> Result<(), Msg> {
    if authority.contains('@') {
        return Err(Msg::LinkUserInfo);
    }
    if authority.is_empty() {
        return Err(Msg::LinkNoHost);
    }
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let (inside, after) = v6.split_once(']').ok_or(Msg::LinkIpv6Close)?;
        let ok = inside.contains(':')
            && inside
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
        if !ok {
            return Err(Msg::LinkIpv6);
        }
        match after {
            "" => (None, None),
            p => (
                None,
                Some(p.strip_prefix(':').ok_or(Msg::LinkPortAfterBracket)?),
            ),
        }
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (Some(h), Some(p)),
            None => (Some(authority), None),
        }
    };
    if let Some(p) = port {
        let ok = (1..=5).contains(&p.len())
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| (1..=65535).contains(&n));
        if !ok {
            return Err(Msg::LinkPort);
        }
    }
    let Some(host) = host else {
        return Ok(());
    };
    let name = host.strip_suffix('.').unwrap_or(host);
    let label_ok = |l: &str| {
        (1..=63).contains(&l.chars().count())
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    if name.is_empty() || name.len() > 253 || !name.split('.').all(label_ok) {
        return Err(Msg::LinkHost);
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

#[cfg(test)]
mod tests {
    use super::*;

    use crate::corpus::generate::generate;

    #[test]
    fn an_id_is_the_same_however_the_file_writes_it() {
        let ev = |id: &str| {
            format!(
                r#"{{"id":"{id}","date":"2022-01-05","title":{{"en":"E"}},"type":"protest","sources":["s"]}}"#
            )
        };
        let text = format!(
            r#"{{"format":"steppe-corpus","version":1,"meta":{{"title":{{"en":"T"}}}},"actors":[],"sources":[{{"id":"s","outlet":"O","title":"T","lang":"en"}}],"events":[{},{},{}]}}"#,
            ev("e1"),
            // The same id with an escape, and written twice (the last one counts).
            ev("e\\u0031"),
            ev(r#"x","id":"e1"#),
        );
        let v = validate(&text);
        assert_eq!(v.file.events.len(), 1, "{:?}", v.diagnostics);
        let duplicates = v
            .diagnostics
            .iter()
            .filter(|d| d.message.to_string().starts_with("duplicate id \"e1\""))
            .count();
        assert_eq!(duplicates, 2, "{:?}", v.diagnostics);
    }

    /// A generated corpus of `n` events, one line.
    fn generated(n: usize) -> String {
        serde_json::to_string(&generate(n, 1)).unwrap()
    }

    /// The node at `path` (keys and indices) in the whole tree of `text`.
    fn node_at<'t>(root: &'t Node<'t>, path: &[&str]) -> &'t Node<'t> {
        path.iter().fold(root, |n, step| match &n.value {
            Value::Object(m) => &m.iter().find(|m| m.key == *step).unwrap().node,
            Value::Array(a) => &a[step.parse::<usize>().unwrap()],
            v => panic!("{v:?}"),
        })
    }

    #[test]
    fn a_fault_deep_in_a_large_table_is_located_exactly() {
        let text = generated(3000);
        let at = text.find(r#""events":["#).unwrap();
        let text = format!(
            "{}{}",
            &text[..at],
            text[at..].replacen(r#""title":{"en":"#, r#""title":{"en":7,"fr":"#, 3)
        );
        let v = validate(&text);
        let root = json::parse(&text).unwrap();
        let lines = LineIndex::new(&text);
        // The first three events with a title lose it; each error is where the whole tree
        // has the value, with its path.
        let errors: Vec<_> = v.diagnostics.iter().filter(|d| d.is_error()).collect();
        assert_eq!(errors.len(), 3, "{:#?}", v.diagnostics);
        let Value::Array(events) = &node_at(&root, &["events"]).value else {
            panic!()
        };
        let with_title: Vec<usize> = (0..events.len())
            .filter(|&k| {
                matches!(
                    &node_at(&events[k], &["title", "en"]).value,
                    Value::Number(_)
                )
            })
            .collect();
        for (d, &k) in errors.iter().zip(&with_title) {
            let n = node_at(&events[k], &["title", "en"]);
            assert_eq!(d.path, format!("events[{k}].title.en"));
            assert_eq!((d.line, d.column), lines.locate(&text, n.start));
            assert!(d
                .message
                .to_string()
                .contains("expected a string, found a number"));
        }
        assert_eq!(with_title[..3], [0, 1, 2]);
        assert_eq!(v.dropped.events, 3);
        assert_eq!(v.file.events.len(), 2997);
        assert_eq!(v.diagnostics.len(), 3);
    }

    #[test]
    fn a_syntax_error_after_many_records_is_reported_as_by_the_whole_tree() {
        for (from, to) in [(r#""id":"ev-2500""#, r#""id" "ev-2500""#), ("]}", "]")] {
            let text = if from == "]}" {
                let mut t = generated(3000);
                t.pop();
                t
            } else {
                generated(3000).replacen(from, to, 1)
            };
            let e = json::parse(&text).unwrap_err();
            let v = validate(&text);
            assert_eq!(v.diagnostics.len(), 1, "{:#?}", v.diagnostics);
            let d = &v.diagnostics[0];
            assert_eq!(
                (d.line, d.column),
                LineIndex::new(&text).locate(&text, e.offset)
            );
            assert_eq!(
                d.message,
                Message::new(Msg::MalformedJson).sub("error", e.message)
            );
            assert!(v.file.events.is_empty() && v.file.actors.is_empty());
        }
    }

    #[test]
    fn records_are_built_one_at_a_time() {
        let text = generated(300);
        // Far more values than the budget in all, few in each record: all load.
        let whole = count_values(&json::parse(&text).unwrap());
        assert!(whole > 5_000, "{whole}");
        let v = validate_with(&text, &Default::default(), &mut |_, _| {}, 100);
        assert_eq!(v.file.events.len(), 300);
        assert!(v.diagnostics.is_empty(), "{:#?}", v.diagnostics);
        // A record past the budget on its own stops its table there, located.
        let big = format!("[{}]", vec!["0"; 200].join(","));
        let text = text.replacen(r#""type":"#, &format!(r#""notes":{big},"type":"#), 2);
        let v = validate_with(&text, &Default::default(), &mut |_, _| {}, 100);
        let d = v.diagnostics.iter().find(|d| d.is_error()).unwrap();
        assert!(
            d.message.to_string().contains("more than 100 JSON values"),
            "{d:?}"
        );
        assert_eq!(v.file.events.len(), 0);
        assert!(
            d.line == 1 && d.column > text.find(r#""notes""#).unwrap(),
            "{d:?}"
        );
    }

    fn count_values(n: &Node) -> usize {
        1 + match &n.value {
            Value::Array(a) => a.iter().map(count_values).sum(),
            Value::Object(m) => m.iter().map(|m| count_values(&m.node)).sum(),
            _ => 0,
        }
    }

    #[test]
    fn open_bidi_controls_are_closed() {
        assert_eq!(close_bidi("plain"), None);
        assert_eq!(close_bidi("a\u{202e}b\u{202c}"), None);
        assert_eq!(
            close_bidi("a\u{202e}b").as_deref(),
            Some("a\u{202e}b\u{202c}")
        );
        assert_eq!(
            close_bidi("\u{2067}x\u{202b}y").as_deref(),
            Some("\u{2067}x\u{202b}y\u{202c}\u{2069}")
        );
        // A PDI closes the embedding opened inside its isolate; a stray PDF does nothing.
        assert_eq!(close_bidi("\u{2068}\u{202d}x\u{2069}\u{202c}"), None);
        assert_eq!(close_bidi("\u{202c}\u{2069}"), None);
    }

    #[test]
    fn links_are_checked_to_the_host() {
        for ok in [
            "https://example.org",
            "http://example.org/a?b=c#d",
            "HTTPS://Example.ORG:8443/x",
            "https://пример.рф/путь",
            "https://[2001:db8::1]:443/",
            "https://192.0.2.1/",
            "https://example.org./",
        ] {
            assert_eq!(check_url(ok), Ok(()), "{ok}");
        }
        for (bad, why) in [
            ("javascript:alert(1)", "a javascript: link"),
            ("https://exa\u{202e}gro.elpmaxe", "U+202E"),
            ("https://exa\u{200b}mple.org", "U+200B"),
            ("https://example.org\u{2066}/", "U+2066"),
            ("https://google.com@evil.example/", "user name"),
            ("https://", "host name"),
            ("https:///path", "host name"),
            ("https://exa_mple.org", "host name"),
            ("https://-bad.org", "host name"),
            ("https://a..b", "host name"),
            ("https://example.org:99999/", "port"),
            ("https://example.org:/", "port"),
            ("https://[::1/", "']'"),
            ("https://[zz]/", "IPv6"),
            ("https:\\\\evil.org", "http:// or https://"),
            ("https://evil.org\\@good.org", "user name"),
            ("https://ex%61mple.org", "host name"),
        ] {
            let e = check_url(bad).unwrap_err();
            assert!(e.to_string().contains(why), "{bad}: {e}");
        }
        let long = format!("https://example.org/{}", "a".repeat(5000));
        assert!(check_url(&long).unwrap_err().to_string().len() < 200);
        let scheme = format!("{}:x", "j".repeat(100_000));
        assert!(check_url(&scheme).unwrap_err().to_string().len() < 200);
    }
}
