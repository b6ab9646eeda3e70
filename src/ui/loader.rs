//! Getting the corpus text: inlined in the page (the single-file build), fetched from the
//! bundle, or read from a file the reader opens. The same validator runs on all of them.
//! Fetched and opened files are read as bytes and decoded by the core, as the CLI does, so
//! a UTF-16 file is named and invalid UTF-8 is reported where it was replaced.

use super::diagnostics::remember;
use super::state::{AppState, Load};
use crate::core::corpus::diagnostic::{Diagnostic, Severity};
use crate::core::corpus::{parse, parse_bytes, Corpus};
use crate::core::text::i18n::{tf, Key};
use leptos::prelude::*;
use std::sync::Arc;

/// Id of the `<script type="application/json">` element that may hold the corpus.
pub const INLINE_ID: &str = "steppe-corpus";
/// The bundled corpus, relative to the page so any sub-path works.
pub const BUNDLED: &str = "corpus.json";

/// Starts loading the corpus into `app`.
pub fn start(app: AppState) {
    if let Some(text) = inline_corpus() {
        apply(app, &text);
        return;
    }
    leptos::task::spawn_local(async move {
        match fetch_bytes(BUNDLED).await {
            Ok(bytes) => {
                let (corpus, diagnostics) = parse_bytes(&bytes);
                show(app, corpus, diagnostics);
            }
            Err(error) => {
                let msg = tf(
                    app.lang.get_untracked(),
                    Key::FetchFailed,
                    &[("url", BUNDLED), ("error", &error)],
                );
                app.load.set(Load::Failed(msg));
            }
        }
    });
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let resp = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !resp.ok() {
        return Err(format!("HTTP {} {}", resp.status(), resp.status_text()));
    }
    resp.binary().await.map_err(|e| e.to_string())
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
fn apply_opened(app: AppState, bytes: &[u8]) {
    let (corpus, diagnostics) = parse_bytes(bytes);
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
            Ok(buffer) => apply_opened(app, &js_sys::Uint8Array::new(&buffer).to_vec()),
            Err(_) => app.diagnostics.set(vec![Diagnostic {
                severity: Severity::Error,
                path: String::new(),
                line: 1,
                column: 1,
                message: tf(
                    app.lang.get_untracked(),
                    Key::FileUnreadable,
                    &[("file", &file.name())],
                ),
            }]),
        }
    });
}
