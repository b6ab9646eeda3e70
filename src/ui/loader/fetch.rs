//! Reading files over the network: the corpus `?corpus=` names, the corpus as it arrives
//! (with its progress), and the app's own built files (for the single-file explorer).

use super::super::state::AppState;
use crate::core::corpus::validate::MAX_FILE_BYTES;
use crate::core::link::corpus_source::{
    check_corpus_url, corpus_param, fetch_message, FetchProblem,
};
use crate::core::text::i18n::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Past this many bytes a download stops: the validator would refuse the file anyway.
const MAX_DOWNLOAD_BYTES: usize = MAX_FILE_BYTES;

/// The longest a download goes on copying what has arrived before it lets the page answer
/// (milliseconds).
const SLICE_MS: f64 = 40.0;

/// One of the app's own built files, for the single-file explorer (through the service
/// worker's cache, so this works offline after one visit); the error says what failed.
pub async fn own_file(app: AppState, url: &str) -> Result<Vec<u8>, String> {
    fetch_bytes(url, |_, _| {})
        .await
        .map(|b| b.to_vec())
        .map_err(|p| fetch_message(app.lang.get_untracked(), url, p))
}

/// The bytes at `url`, read as they arrive: `progress` hears how many have come, of how
/// many the server announced. They stay in the browser's memory, not the page's wasm
/// memory, which never shrinks: a large file goes on to the loading worker from there.
pub(super) async fn fetch_bytes(
    url: &str,
    progress: impl Fn(u64, Option<u64>),
) -> Result<js_sys::Uint8Array, FetchProblem> {
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
    // A compressed response announces its compressed length, not the bytes read here.
    let headers = resp.headers();
    let total = headers
        .get("content-length")
        .filter(|_| headers.get("content-encoding").is_none())
        .and_then(|v| v.parse::<u64>().ok());
    let Some(body) = resp.body() else {
        let bytes = resp.binary().await.map_err(|_| FetchProblem::Network)?;
        return Ok(js_sys::Uint8Array::from(bytes.as_slice()));
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    // With its length announced, the file is written in place as it arrives: gathering the
    // pieces and joining them would hold it twice (a million events: 350 MB more).
    let mut whole = total
        .filter(|&t| t <= MAX_DOWNLOAD_BYTES as u64)
        .map(|t| js_sys::Uint8Array::new_with_length(t as u32));
    let mut chunks: Vec<js_sys::Uint8Array> = Vec::new();
    let mut length = 0usize;
    let mut slice = Slice::start();
    loop {
        let step = wasm_bindgen_futures::JsFuture::from(reader.read())
            .await
            .map_err(|_| FetchProblem::Network)?;
        let field = |k: &str| js_sys::Reflect::get(&step, &k.into()).unwrap_or_default();
        if field("done").as_bool() != Some(false) {
            break;
        }
        let chunk = js_sys::Uint8Array::new(&field("value"));
        let at = length;
        length = length.saturating_add(chunk.length() as usize);
        match &whole {
            Some(w) if length <= w.length() as usize => w.set(&chunk, at as u32),
            // More than announced: gather the rest, the start included.
            Some(w) => {
                chunks.push(w.subarray(0, at as u32));
                chunks.push(chunk);
                whole = None;
            }
            None => chunks.push(chunk),
        }
        progress(length as u64, total);
        // What has already arrived is read from microtask to microtask, in one task.
        slice.answer_if_due().await;
        if length > MAX_DOWNLOAD_BYTES {
            // Past the budget the validator refuses the file anyway (and says so): a
            // response without end must not fill the browser's memory first.
            let _ = reader.cancel();
            break;
        }
    }
    Ok(match whole {
        // Less than announced (the connection ended early): only what came.
        Some(w) => w.subarray(0, length as u32),
        None => concat(chunks, length).await,
    })
}

/// The chunks one after another in one array (what the validator and the worker read),
/// copied a slice of time at a time so the page answers in between (a million events in
/// one go was a task of 0.2 s), each chunk let go once copied.
async fn concat(mut chunks: Vec<js_sys::Uint8Array>, length: usize) -> js_sys::Uint8Array {
    if let [one] = chunks.as_slice() {
        return one.clone();
    }
    let all = js_sys::Uint8Array::new_with_length(length as u32);
    let mut at = 0u32;
    let mut slice = Slice::start();
    for chunk in chunks.drain(..) {
        all.set(&chunk, at);
        at = at.saturating_add(chunk.length());
        slice.answer_if_due().await;
    }
    all
}

/// A stretch of work on the page that lets it answer (input, paint) every [`SLICE_MS`].
struct Slice {
    clock: Option<web_sys::Performance>,
    started: f64,
}

impl Slice {
    fn start() -> Self {
        let clock = web_sys::window().and_then(|w| w.performance());
        let started = clock.as_ref().map_or(0.0, |c| c.now());
        Slice { clock, started }
    }

    /// Waits for a later task if the slice has run its time, and starts a new one.
    async fn answer_if_due(&mut self) {
        let now = || self.clock.as_ref().map_or(0.0, |c| c.now());
        if now() - self.started > SLICE_MS {
            super::super::dom::next_task().await;
            self.started = now();
        }
    }
}

/// The corpus URL `?corpus=` asks for, resolved against the page, with its host; an error
/// message for one that is not an http(s) link.
pub(super) fn requested(lang: Lang) -> Option<Result<(String, String), String>> {
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
