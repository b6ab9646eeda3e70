//! The page's side of the loading worker (`src/bin/steppe-worker.rs`): a large corpus is
//! read, checked and indexed there, and arrives in pieces, one per message, so no task of
//! the page's grows with the corpus and the page stays responsive while it loads.
//!
//! The single file starts its worker from the source it carries (a blob), as `file://`
//! allows. Where a worker cannot start (a browser without workers, a policy refusing it) or
//! fails before it has the file, the bytes come back to the caller, which reads
//! them on the page. The file is transferred to the worker, not copied: one that stops after
//! taking it (out of memory) ends the load with nothing to retry.

use super::state::Progress;
use crate::core::corpus::transfer::{Assembler, FromWorker};
use crate::core::corpus::wire::decode;
use crate::core::interchange::single_file::WORKER_SOURCE_ID;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker};

/// Files smaller than this are read on the page: starting a worker would cost more than
/// reading them there (a few milliseconds).
pub const WORKER_FROM_BYTES: usize = 1_000_000;

/// The worker's starting script: in the single file, a blob made from the source it carries
/// (from `file://` no script can be fetched, but a blob worker starts); otherwise
/// `public/worker.js`, renamed by its content at build time and named in
/// `<meta name="steppe-worker">`, beside the page.
fn script() -> String {
    thread_local! {
        // One blob for the page's life: every worker started from it shares it.
        static BLOB: std::cell::OnceCell<Option<String>> = const { std::cell::OnceCell::new() };
    }
    let document = web_sys::window().and_then(|w| w.document());
    let blob = BLOB.with(|b| {
        b.get_or_init(|| {
            let source = document
                .as_ref()?
                .get_element_by_id(WORKER_SOURCE_ID)?
                .text_content()?;
            let options = web_sys::BlobPropertyBag::new();
            options.set_type("text/javascript");
            let parts = js_sys::Array::of1(&JsValue::from_str(&source));
            let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
            web_sys::Url::create_object_url_with_blob(&blob).ok()
        })
        .clone()
    });
    blob.or_else(|| {
        document?
            .query_selector("meta[name=steppe-worker]")
            .ok()
            .flatten()?
            .get_attribute("content")
    })
    .unwrap_or_else(|| "worker.js".into())
}

/// What was read: the corpus, its diagnostics, and the format it was imported from, as the
/// page would have read it itself.
pub use crate::core::interchange::Read as Outcome;

/// What a job ends with: the corpus read, or the bytes back when the worker could not take
/// them (`None`: it had them, and stopped).
type Done = Box<dyn FnOnce(Result<Outcome, Option<js_sys::Uint8Array>>)>;

thread_local! {
    // The worker reading now: a file opened while another loads replaces it.
    static CURRENT: RefCell<Option<Rc<RefCell<Job>>>> = const { RefCell::new(None) };
    // A worker started ahead of its file, and how its start went.
    static WARM: RefCell<Option<(Worker, Rc<Cell<Start>>)>> = const { RefCell::new(None) };
}

/// How a worker's start went.
#[derive(Clone, Copy, PartialEq)]
enum Start {
    Starting,
    Ready,
    Failed,
}

/// Starts a worker ahead of its file (while a large file still downloads or is read from
/// disk), so its code is fetched and compiled meanwhile; the next [`read`] takes it.
pub fn warm() {
    if WARM.with(|w| w.borrow().is_some()) {
        return;
    }
    let Ok(worker) = Worker::new(&script()) else {
        return;
    };
    let start = Rc::new(Cell::new(Start::Starting));
    let on_start = start.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |m: MessageEvent| {
        let ready = m.data().as_string().as_deref() == Some("ready");
        on_start.set(if ready { Start::Ready } else { Start::Failed });
    });
    let on_fail = start.clone();
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_| on_fail.set(Start::Failed));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_message.forget();
    on_error.forget();
    WARM.with(|w| w.replace(Some((worker, start))));
}

struct Job {
    worker: Worker,
    name: String,
    /// Kept until the worker is ready for them, to read on the page if it never is.
    bytes: Option<js_sys::Uint8Array>,
    assembler: Option<Assembler>,
    progress: Box<dyn Fn(Progress)>,
    done: Option<Done>,
}

impl Job {
    /// Ends the job: the worker stops, its bytes and half-built corpus go, and `done`
    /// (unless the job was cancelled) gets the result.
    fn finish(&mut self, result: Result<Outcome, ()>) {
        self.worker.terminate();
        self.assembler = None;
        let bytes = self.bytes.take();
        if let Some(done) = self.done.take() {
            done(result.map_err(|()| bytes));
        }
    }

    fn on_message(&mut self, data: JsValue) {
        match data.as_string().as_deref() {
            Some("ready") => return self.send(),
            // The worker's wasm could not start (`public/worker.js`).
            Some(_) => return self.finish(Err(())),
            None => {}
        }
        let bytes = data
            .dyn_into::<js_sys::Uint8Array>()
            .map(|a| a.to_vec())
            .unwrap_or_default();
        match decode::<FromWorker>(&bytes).ok_or(()) {
            Ok(FromWorker::Progress { done, total }) => {
                (self.progress)(Progress::Read { done, total })
            }
            Ok(FromWorker::Head(head)) => self.assembler = Some(Assembler::new(*head)),
            Ok(FromWorker::Sources(sources)) => {
                if let Some(a) = self.assembler.as_mut() {
                    a.push_sources(sources);
                }
            }
            Ok(FromWorker::Chunk(chunk)) => {
                if let Some(a) = self.assembler.as_mut() {
                    a.push(*chunk);
                    let (done, total) = a.progress();
                    (self.progress)(Progress::Prepare { done, total });
                }
            }
            Ok(FromWorker::Done) => {
                let result = self.assembler.take().ok_or(()).and_then(|a| {
                    let imported = a.imported.clone();
                    a.finish()
                        .map(|(corpus, diagnostics)| Outcome {
                            corpus,
                            diagnostics,
                            imported,
                        })
                        .map_err(|e| web_sys::console::warn_1(&e.into()))
                });
                self.finish(result);
            }
            Err(_) => self.finish(Err(())),
        }
    }

    /// Sends the file, transferred: the page keeps no copy of a file this large.
    fn send(&mut self) {
        let Some(bytes) = self.bytes.take() else {
            return;
        };
        let msg = js_sys::Array::of2(&JsValue::from_str(&self.name), &bytes);
        if self
            .worker
            .post_message_with_transfer(&msg, &js_sys::Array::of1(&bytes.buffer()))
            .is_err()
        {
            // Not transferred: the bytes are still whole, to be read on the page.
            self.bytes = Some(bytes);
            self.finish(Err(()));
        }
    }
}

/// Stops the worker reading now, if any: a newer file replaces what it was reading.
pub fn cancel() {
    if let Some(old) = CURRENT.with(|c| c.borrow_mut().take()) {
        if let Ok(mut job) = old.try_borrow_mut() {
            job.done = None;
            job.finish(Err(()));
        }
    }
}

/// Reads `bytes` (a file called `name`, the whole of their buffer) in the loading worker.
/// `progress` hears how far it has gone; `done` gets what was read or, if the worker could
/// not start, the bytes back (`None` if it stopped after taking them). The caller
/// [`cancel`]s any earlier job first.
pub fn read(
    name: &str,
    bytes: js_sys::Uint8Array,
    progress: impl Fn(Progress) + 'static,
    done: impl FnOnce(Result<Outcome, Option<js_sys::Uint8Array>>) + 'static,
) {
    let (worker, start) = match WARM.with(|w| w.borrow_mut().take()) {
        Some((w, start)) => (w, start.get()),
        None => match Worker::new(&script()) {
            Ok(w) => (w, Start::Starting),
            Err(_) => return done(Err(Some(bytes))),
        },
    };
    if start == Start::Failed {
        worker.terminate();
        return done(Err(Some(bytes)));
    }
    let job = Rc::new(RefCell::new(Job {
        worker: worker.clone(),
        name: name.to_string(),
        bytes: Some(bytes),
        assembler: None,
        progress: Box::new(progress),
        done: Some(Box::new(done)),
    }));
    CURRENT.with(|c| c.replace(Some(job.clone())));
    let on_job = job.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |m: MessageEvent| {
        on_job.borrow_mut().on_message(m.data());
    });
    let on_fail = job.clone();
    let on_error =
        Closure::<dyn FnMut(JsValue)>::new(move |_| on_fail.borrow_mut().finish(Err(())));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
    // One pair per corpus loaded; a terminated worker never calls them again.
    on_message.forget();
    on_error.forget();
    // A warm worker has said "ready" already.
    if start == Start::Ready {
        if let Ok(mut job) = job.try_borrow_mut() {
            job.send();
        }
    }
}
