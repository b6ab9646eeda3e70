//! The corpus: its file model, JSON with spans, diagnostics, the validator, the in-memory
//! index and synthetic corpora for scale tests.
pub mod diagnostic;
pub mod generate;
pub mod index;
pub mod json;
pub mod lint;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod validate;

pub use index::Corpus;
pub use model::*;
pub use validate::{validate, Dropped, Validated};

use crate::corpus::diagnostic::Diagnostic;

/// Reads and indexes a corpus file: the loaded corpus and every diagnostic.
pub fn parse(text: &str) -> (Corpus, Vec<Diagnostic>) {
    let v = validate(text);
    (Corpus::new(v.file, v.dropped), v.diagnostics)
}
