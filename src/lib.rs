//! Steppe: an offline-first map and timeline of Central Asian events.
//!
//! The pure core is its own crate, `steppe-core`, re-exported here as [`core`]; `ui` is
//! the Leptos shell, built for wasm only.
pub use steppe_core as core;
#[cfg(target_arch = "wasm32")]
pub mod ui;
