//! The JSON Schema of the corpus format, generated from the model types.
//! `public/corpus.schema.json` holds its output; a test fails when the two differ.

use super::model::CorpusFile;

/// The schema as pretty-printed JSON.
pub fn json_schema() -> String {
    let mut schema = schemars::schema_for!(CorpusFile);
    schema.insert("$id".into(), "corpus.schema.json".into());
    schema.insert("title".into(), "Steppe corpus".into());
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}
