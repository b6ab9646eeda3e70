//! Getting the corpus text: inlined in the page (the single-file build), fetched from the
//! bundle or from the URL in `?corpus=`, or read from a file the reader opens. The same
//! validator runs on all of them. Fetched and opened files are read as bytes and decoded by
//! the core, as the CLI does, so a UTF-16 file is named and invalid UTF-8 is reported where
//! it was replaced; TimelineJS, StoryMapJS and CSV files are imported first.

mod fetch;
mod read;

use super::diagnostics::remember;
use super::state::{AppState, Load, Progress};
use super::worker::{self, Outcome, WORKER_FROM_BYTES};
use crate::core::corpus::diagnostic::{echo, Diagnostic, Message, Msg, Severity};
use crate::core::corpus::{parse, refuse_size};
use crate::core::link::corpus_source::fetch_message;
use crate::core::text::i18n::{tf, Key};
pub use fetch::own_file;
use fetch::{fetch_bytes, requested};
use leptos::prelude::*;
use read::read;
use std::sync::Arc;

/// Id of the `<script type="application/json">` element that may hold the corpus.
pub const INLINE_ID: &str = "steppe-corpus";
/// The bundled corpus, relative to the page so any sub-path works.
pub const BUNDLED: &str = "corpus.json";

/// Where the corpus shown came from, for the header: the host of a corpus named by
/// `?corpus=` (`None`: the bundled corpus or a file the reader opened), so a link cannot
/// pass off a stranger's corpus as the site's own; and, for an imported file, which format
/// it was read as.
#[derive(Clone, Copy)]
pub struct CorpusOrigin(pub RwSignal<Option<String>>, pub RwSignal<Option<String>>);

thread_local! {
    // The same signal, for a file opened from an event handler (outside any component).
    static ORIGIN: std::cell::Cell<Option<CorpusOrigin>> = const { std::cell::Cell::new(None) };
    // Which load is the latest: one that lands after a newer one started is dropped.
    static LOAD: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Starts a new load; an earlier one still under way is dropped when it lands.
fn begin() -> u64 {
    worker::cancel();
    LOAD.with(|l| {
        let g = l.get().wrapping_add(1);
        l.set(g);
        g
    })
}

/// Whether load `g` is still the latest.
fn current(g: u64) -> bool {
    LOAD.with(|l| l.get() == g)
}

/// Whether this page is the single-file build (its corpus inlined).
pub fn is_single_file() -> bool {
    inline_corpus().is_some()
}

/// Starts loading the corpus into `app`.
pub fn start(app: AppState) {
    let origin = CorpusOrigin(RwSignal::new(None), RwSignal::new(None));
    provide_context(origin);
    ORIGIN.with(|o| o.set(Some(origin)));
    if let Some(text) = inline_corpus() {
        apply(app, &text);
        return;
    }
    let url = match requested(app.lang.get_untracked()) {
        None => BUNDLED.to_string(),
        Some(Ok((url, host))) => {
            origin.0.set(Some(host));
            url
        }
        Some(Err(msg)) => {
            app.load.set(Load::Failed(msg));
            return;
        }
    };
    let load = begin();
    leptos::task::spawn_local(async move {
        let progress = move |done, total: Option<u64>| {
            let large = |n: u64| n >= WORKER_FROM_BYTES as u64;
            if large(done) || total.is_some_and(large) {
                worker::warm();
            }
            // Small files arrive at once: a bar would only flash.
            if large(done) && current(load) {
                app.progress.set(Some(Progress::Download { done, total }));
            }
        };
        match fetch_bytes(&url, progress).await {
            Ok(bytes) => {
                let name = url
                    .split(['?', '#'])
                    .next()
                    .unwrap_or("")
                    .rsplit('/')
                    .next()
                    .unwrap_or("")
                    .to_string();
                read(app, load, name.clone(), bytes, move |outcome| {
                    note_import(app, &name, outcome.imported.as_deref());
                    show(app, outcome);
                });
            }
            Err(_) if !current(load) => {}
            Err(problem) => {
                app.progress.set(None);
                let msg = fetch_message(app.lang.get_untracked(), &url, problem);
                app.load.set(Load::Failed(msg));
            }
        }
    });
}

/// Says in the header which format a file was imported from (nothing for a Steppe corpus).
fn note_import(app: AppState, name: &str, imported: Option<&str>) {
    let note = imported.map(|format| {
        tf(
            app.lang.get_untracked(),
            Key::ImportedAs,
            &[("file", name), ("format", format)],
        )
    });
    if let Some(o) = ORIGIN.with(std::cell::Cell::get) {
        o.1.set(note);
    }
}

fn inline_corpus() -> Option<String> {
    let el = web_sys::window()?
        .document()?
        .get_element_by_id(INLINE_ID)?;
    el.text_content().filter(|t| !t.trim().is_empty())
}

/// Validates `text` and shows it: what loads is shown, every diagnostic is listed.
pub fn apply(app: AppState, text: &str) {
    let (corpus, diagnostics) = parse(text);
    show(
        app,
        Outcome {
            corpus,
            diagnostics,
            imported: None,
        },
    );
}

fn show(app: AppState, outcome: Outcome) {
    let Outcome {
        corpus,
        diagnostics,
        ..
    } = outcome;
    app.progress.set(None);
    remember(&diagnostics);
    let has_errors = diagnostics.iter().any(|d| d.severity == Severity::Error);
    let notices = app
        .view
        .try_update(|v| v.sanitize(&corpus))
        .unwrap_or_default();
    if !notices.is_empty() {
        app.notices.update(|n| n.extend(notices));
    }
    let empty = corpus.is_empty();
    // Indices into the old corpus mean nothing in the new one.
    app.hovered.set(Vec::new());
    app.corpus.set(Arc::new(corpus));
    app.diagnostics.set(diagnostics);
    app.load.set(if empty && has_errors {
        Load::Failed(String::new())
    } else {
        Load::Ready
    });
}

/// Like [`apply`] for a file the reader opened: if nothing in it loads, the current corpus
/// stays on screen and only the file's diagnostics are shown, so nothing is lost.
fn apply_opened(app: AppState, name: &str, outcome: Outcome) {
    note_import(app, name, outcome.imported.as_deref());
    if outcome.corpus.is_empty()
        && app.load.get_untracked() == Load::Ready
        && !app.corpus.with_untracked(|c| c.is_empty())
    {
        app.progress.set(None);
        remember(&outcome.diagnostics);
        app.diagnostics.set(outcome.diagnostics);
    } else {
        show(app, outcome);
    }
}

/// Reads a file the reader chose and loads it in place of the current corpus.
pub fn open_file(app: AppState, file: web_sys::File) {
    let load = begin();
    // A file past the memory budget is refused by its size, before it is read: the
    // current corpus stays, with the refusal shown.
    if let Some(refused) = refuse_size(file.size() as u64) {
        app.progress.set(None);
        app.diagnostics.set(refused.diagnostics);
        return;
    }
    if file.size() >= WORKER_FROM_BYTES as f64 {
        app.progress.set(Some(Progress::Read { done: 0, total: 0 }));
        worker::warm();
    }
    leptos::task::spawn_local(async move {
        let promise = file.array_buffer();
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(buffer) => {
                let bytes = js_sys::Uint8Array::new(&buffer);
                let name = file.name();
                read(app, load, name.clone(), bytes, move |outcome| {
                    apply_opened(app, &name, outcome);
                    // A file the reader opened is theirs: no host to name.
                    if let Some(o) = ORIGIN.with(std::cell::Cell::get) {
                        o.0.set(None);
                    }
                });
            }
            Err(_) => {
                app.progress.set(None);
                app.diagnostics.set(vec![Diagnostic::at_start(
                    Severity::Error,
                    Message::new(Msg::FileUnreadable).arg("file", echo(&file.name())),
                )])
            }
        }
    });
}
