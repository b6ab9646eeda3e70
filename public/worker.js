// Starts the loading worker (src/bin/steppe-worker.rs). Trunk builds it as a classic
// script that defines `wasm_bindgen`; the wasm's `main` runs once it is instantiated. If it
// cannot start (its file missing offline, a policy refusing it), the page is told, and reads
// the file itself.
importScripts('steppe-worker.js');
wasm_bindgen({ module_or_path: 'steppe-worker_bg.wasm' }).catch(() => {
  postMessage('failed');
  close();
});
