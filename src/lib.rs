//! Steppe: an offline-first map and timeline of Central Asian events.
//!
//! [`core`] is pure (no browser, no I/O); `ui` is the Leptos shell, built for wasm only.
pub mod core;
#[cfg(target_arch = "wasm32")]
pub mod ui;
