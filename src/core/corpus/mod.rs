//! The corpus: its file model, JSON with spans, diagnostics, the validator, the in-memory
//! index and synthetic corpora for scale tests.
pub mod columns;
pub mod diagnostic;
pub mod encoding;
pub mod generate;
pub mod index;
pub mod json;
pub mod lint;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod transfer;
pub mod validate;
pub mod wire;
pub mod work;

pub use index::Corpus;
pub use model::*;
pub use validate::{refuse_size, validate, validate_bytes, Dropped, Validated};

use crate::corpus::diagnostic::Diagnostic;

/// Reads and indexes a corpus file: the loaded corpus and every diagnostic.
pub fn parse(text: &str) -> (Corpus, Vec<Diagnostic>) {
    validate(text).into_corpus()
}

/// Like [`parse`], from a file's bytes: what the CLI and the app both read, so they give the
/// same diagnostics (UTF-16 named, invalid UTF-8 replaced and located; see [`encoding`]).
pub fn parse_bytes(bytes: &[u8]) -> (Corpus, Vec<Diagnostic>) {
    validate_bytes(bytes).into_corpus()
}
