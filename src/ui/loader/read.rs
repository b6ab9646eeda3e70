//! Where a file is read: in the loading worker when it is large, on the page otherwise or
//! when no worker can start.

use super::super::state::{AppState, Progress};
use super::super::worker::{self, Outcome, WORKER_FROM_BYTES};
use super::current;
use crate::core::corpus::diagnostic::{echo, Diagnostic, Message, Msg, Severity};
use crate::core::corpus::Corpus;
use crate::core::interchange;
use leptos::prelude::*;

/// Any readable file as a corpus (a Steppe corpus as it is, another format imported first),
/// read in the loading worker when it is large, on the page otherwise or when no worker can
/// start; `then` gets what was read, unless a newer load (`load` is this one's) has begun.
/// The bytes stay in the browser's memory until it is known where they are read: a large
/// file handed to the worker never enters the page's wasm memory (which never shrinks).
pub(super) fn read(
    app: AppState,
    load: u64,
    name: String,
    bytes: js_sys::Uint8Array,
    then: impl FnOnce(Outcome) + 'static,
) {
    if !current(load) {
        return;
    }
    let then = move |outcome| {
        if current(load) {
            then(outcome);
        }
    };
    if (bytes.length() as usize) < WORKER_FROM_BYTES {
        return then(read_on_page(&name, bytes.to_vec()));
    }
    // Indeterminate until the worker has parsed the file and counted its events.
    app.progress.set(Some(Progress::Read { done: 0, total: 0 }));
    let progress = move |p| {
        if current(load) {
            app.progress.set(Some(p));
        }
    };
    worker::read(&name.clone(), bytes, progress, move |result| match result {
        Ok(outcome) => then(outcome),
        Err(Some(bytes)) => read_on_page_after_paint(app, name, bytes, then),
        // The worker had the file and stopped: reading it again here would fail the same
        // way. Nothing loads, and the diagnostic says so, as for a file that is all errors.
        Err(None) => then(Outcome {
            corpus: Corpus::default(),
            diagnostics: vec![Diagnostic::at_start(
                Severity::Error,
                Message::new(Msg::ReadingStopped).arg("file", echo(&name)),
            )],
            imported: None,
        }),
    });
}

/// Reads a large file on the page (no worker could start): the progress bar says so
/// first, and the page paints it before the reading holds the main thread.
fn read_on_page_after_paint(
    app: AppState,
    name: String,
    bytes: js_sys::Uint8Array,
    then: impl FnOnce(Outcome) + 'static,
) {
    app.progress.set(Some(Progress::Read { done: 0, total: 0 }));
    leptos::task::spawn_local(async move {
        super::super::dom::next_paint().await;
        then(read_on_page(&name, bytes.to_vec()));
    });
}

fn read_on_page(name: &str, bytes: Vec<u8>) -> Outcome {
    interchange::read_any(name, bytes, &mut |_, _| {})
}
