//! The pure core: no browser, no I/O, no panics on input.
//!
//! Every module here is plain Rust tested natively with `cargo test`; the `ui` shell
//! turns these values into views. `tests/architecture.rs` enforces that nothing here
//! imports `leptos`, `web_sys`, `wasm_bindgen` or `gloo`.
pub mod bitset;
pub mod corpus;
pub mod date;
pub mod diagnostic;
pub mod json;
pub mod query;
pub mod search;
