// Starts the loading worker (src/bin/steppe-worker.rs). Trunk builds it as a classic
// script that defines `wasm_bindgen`; the wasm's `main` runs once it is instantiated.
importScripts('steppe-worker.js');
wasm_bindgen('steppe-worker_bg.wasm');
