//! The loading worker: reads, checks and indexes a large corpus off the page's main thread,
//! so the page stays responsive while it loads (see `src/ui/worker.rs` for the page's side).
//!
//! It links only the pure core, never the interface. The page sends `[file name, bytes]`;
//! the worker answers with binary messages ([`FromWorker`], in the form of
//! `steppe_core::corpus::wire`, their buffers transferred, not copied): progress in events
//! read, then the corpus in pieces (`steppe_core::corpus::transfer`), then `Done`. Before its first
//! message it says "ready": messages sent to a worker whose wasm is still starting are lost.

#[cfg(target_arch = "wasm32")]
fn main() {
    use steppe_core::corpus::transfer::{split, FromWorker, CHUNK_EVENTS, SOURCES_PER_PIECE};
    use steppe_core::corpus::wire::encode;
    use steppe_core::geo::located::locate;
    use steppe_core::interchange::read_any;
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let out = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |m: MessageEvent| {
        let post = |msg: &FromWorker| {
            let bytes = js_sys::Uint8Array::from(encode(msg).as_slice());
            let _ = out.post_message_with_transfer(&bytes, &js_sys::Array::of1(&bytes.buffer()));
        };
        let data = js_sys::Array::from(&m.data());
        let name = data.get(0).as_string().unwrap_or_default();
        let received = js_sys::Uint8Array::new(&data.get(1));
        let bytes = received.to_vec();
        // The message's copy goes now, not whenever a collection runs: reading is about to
        // need that memory (350 MB for a million events). `transfer(0)` detaches it.
        let buffer = received.buffer();
        if let Ok(transfer) = js_sys::Reflect::get(&buffer, &"transfer".into())
            .and_then(|f| f.dyn_into::<js_sys::Function>())
        {
            let _ = transfer.call1(&buffer, &JsValue::from(0));
        }
        drop((received, buffer, data));
        let read = read_any(&name, bytes, &mut |done, total| {
            post(&FromWorker::Progress { done, total })
        });
        // What the map needs of every event, worked out here rather than in the page's
        // first frames.
        let mut corpus = read.corpus;
        locate(&mut corpus);
        let (mut head, chunks) = split(corpus, read.diagnostics, CHUNK_EVENTS);
        head.imported = read.imported;
        let sources = head.sources_in_pieces(SOURCES_PER_PIECE);
        post(&FromWorker::Head(Box::new(head)));
        for piece in sources {
            post(&FromWorker::Sources(piece));
        }
        for chunk in chunks {
            post(&FromWorker::Chunk(Box::new(chunk)));
        }
        post(&FromWorker::Done);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

/// The worker runs in the browser only.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
