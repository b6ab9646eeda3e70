//! Steppe's pure core: no browser, no I/O, no panics on input.
//!
//! Every module here is plain Rust, tested natively with `cargo test`; the browser shell
//! (`steppe::ui`) turns these values into views. This crate depends on no browser crate,
//! so importing one is a compile error; the lints below and `clippy.toml` beside this file
//! keep it free of panics, unchecked indexing and I/O outside tests.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::todo,
        clippy::unimplemented,
        clippy::unreachable,
        clippy::indexing_slicing,
        clippy::disallowed_methods,
        clippy::disallowed_macros,
        clippy::disallowed_types
    )
)]

pub mod compare;
pub mod corpus;
pub mod geo;
pub mod input;
pub mod interchange;
pub mod link;
pub mod query;
pub mod text;
pub mod time;
