//! The shipped JSON Schema must match the one generated from the Rust types.
//! To update it: `cargo run --bin steppe-corpus -- schema > public/corpus.schema.json`.

#[test]
fn shipped_schema_is_up_to_date() {
    let generated = steppe::core::corpus::schema::json_schema();
    let shipped = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/public/corpus.schema.json"
    ))
    .unwrap_or_default();
    assert!(
        generated.trim() == shipped.trim(),
        "public/corpus.schema.json is out of date; run: cargo run --bin steppe-corpus -- schema > public/corpus.schema.json"
    );
}
