//! Getting the corpus text: inlined in the page (the single-file build), fetched from the
//! bundle or from the URL in `?corpus=`, or read from a file the reader opens. The same
//! validator runs on all of them. Fetched and opened files are read as bytes and decoded by
//! the core, as the CLI does, so a UTF-16 file is named and invalid UTF-8 is reported where
//! it was replaced; TimelineJS, StoryMapJS and CSV files are imported first.

use super::diagnostics::remember;
use super::state::{AppState, Load};
use crate::core::corpus::diagnostic::{echo, Diagnostic, Message, Msg, Severity};
use crate::core::corpus::{parse, parse_bytes, Corpus};
use crate::core::interchange;
use crate::core::link::corpus_source::{
    check_corpus_url, corpus_param, fetch_message, FetchProblem,
};
use crate::core::text::i18n::{tf, Key, Lang};
use leptos::prelude::*;
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
}

/// Whether this page is the single-file build (its corpus inlined).
pub fn is_single_file() -> bool {
    inline_corpus().is_some()
}

/// The corpus URL `?corpus=` asks for, resolved against the page, with its host; an error
/// message for one that is not an http(s) link.
fn requested(lang: Lang) -> Option<Result<(String, String), String>> {
    let loc = web_sys::window()?.location();
    let param = corpus_param(&loc.search().ok()?)?;
    let href = loc.href().ok()?;
    Some(
        web_sys::Url::new_with_base(&param, &href)
            .map_err(|_| param.clone())
            .and_then(|u| {
                let abs = u.href();
                check_corpus_url(&abs)
                    .map(|()| (abs, u.host()))
                    .map_err(|e| e.text(lang))
            })
            .map_err(|e| format!("?corpus=: {e}")),
    )
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
    leptos::task::spawn_local(async move {
        match fetch_bytes(&url).await {
            Ok(bytes) => {
                let name = url
                    .split(['?', '#'])
                    .next()
                    .unwrap_or("")
                    .rsplit('/')
                    .next()
                    .unwrap_or("");
                let (corpus, diagnostics) = read_any(app, name, &bytes);
                show(app, corpus, diagnostics);
            }
            Err(problem) => {
                let msg = fetch_message(app.lang.get_untracked(), &url, problem);
                app.load.set(Load::Failed(msg));
            }
        }
    });
}

/// Any readable file as a corpus: a Steppe corpus as it is, another format imported first
/// (its diagnostics, located in the original file, come first; a notice names the format).
fn read_any(app: AppState, name: &str, bytes: &[u8]) -> (Corpus, Vec<Diagnostic>) {
    if let Some(o) = ORIGIN.with(std::cell::Cell::get) {
        o.1.set(None);
    }
    match interchange::import(name, bytes) {
        None => parse_bytes(bytes),
        Some(im) => {
            let text = serde_json::to_string(&im.file).unwrap_or_default();
            let (corpus, mut more) = parse(&text);
            let mut diagnostics = im.diagnostics;
            diagnostics.append(&mut more);
            let note = tf(
                app.lang.get_untracked(),
                Key::ImportedAs,
                &[("file", name), ("format", im.format.name())],
            );
            if let Some(o) = ORIGIN.with(std::cell::Cell::get) {
                o.1.set(Some(note));
            }
            (corpus, diagnostics)
        }
    }
}

/// One of the app's own built files, for the single-file explorer (through the service
/// worker's cache, so this works offline after one visit); the error says what failed.
pub async fn own_file(app: AppState, url: &str) -> Result<Vec<u8>, String> {
    fetch_bytes(url)
        .await
        .map_err(|p| fetch_message(app.lang.get_untracked(), url, p))
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, FetchProblem> {
    let resp = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|_| {
            let online = web_sys::window().is_none_or(|w| w.navigator().on_line());
            if online {
                FetchProblem::Network
            } else {
                FetchProblem::Offline
            }
        })?;
    match resp.status() {
        404 => return Err(FetchProblem::NotFound),
        s if !resp.ok() => return Err(FetchProblem::Status(s)),
        _ => {}
    }
    resp.binary().await.map_err(|_| FetchProblem::Network)
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
    show(app, corpus, diagnostics);
}

fn show(app: AppState, corpus: Corpus, diagnostics: Vec<Diagnostic>) {
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
        Load::Failed(tf(app.lang.get_untracked(), Key::CorpusBroken, &[]))
    } else {
        Load::Ready
    });
}

/// Like [`apply`] for a file the reader opened: if nothing in it loads, the current corpus
/// stays on screen and only the file's diagnostics are shown, so nothing is lost.
fn apply_opened(app: AppState, name: &str, bytes: &[u8]) {
    let (corpus, diagnostics) = read_any(app, name, bytes);
    if corpus.is_empty()
        && app.load.get_untracked() == Load::Ready
        && !app.corpus.with_untracked(|c| c.is_empty())
    {
        remember(&diagnostics);
        app.diagnostics.set(diagnostics);
    } else {
        show(app, corpus, diagnostics);
    }
}

/// Reads a file the reader chose and loads it in place of the current corpus.
pub fn open_file(app: AppState, file: web_sys::File) {
    leptos::task::spawn_local(async move {
        let promise = file.array_buffer();
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(buffer) => {
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                apply_opened(app, &file.name(), &bytes);
                // A file the reader opened is theirs: no host to name.
                if let Some(o) = ORIGIN.with(std::cell::Cell::get) {
                    o.0.set(None);
                }
            }
            Err(_) => app.diagnostics.set(vec![Diagnostic::at_start(
                Severity::Error,
                Message::new(Msg::FileUnreadable).arg("file", echo(&file.name())),
            )]),
        }
    });
}
