//! The pure core: no browser, no I/O, no panics on input.
//!
//! Every module here is plain Rust tested natively with `cargo test`; the `ui` shell
//! turns these values into views. `tests/architecture.rs` enforces that nothing here
//! imports `leptos`, `web_sys`, `wasm_bindgen` or `gloo`.
pub mod basemap;
pub mod bitset;
pub mod cluster;
pub mod corpus;
pub mod date;
pub mod diagnostic;
pub mod embed;
pub mod generate;
pub mod i18n;
pub mod json;
pub mod labels;
pub mod projection;
pub mod query;
pub mod search;
pub mod time_scale;
pub mod view_state;
pub mod viewport;
