#![cfg(not(target_arch = "wasm32"))]
//! Property tests: the validator never panics, whatever it is given.
//! Bounded (a few hundred cases each) so they run in CI in seconds.

use proptest::prelude::*;
use steppe::core::corpus::parse;

const SMALL: &str = include_str!("fixtures/small.json");

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,400}") {
        let _ = parse(&s);
    }

    #[test]
    fn json_shaped_noise_never_panics(s in "[\\[\\]{}\",:0-9a-z.eE+\\- \\\\u]{0,300}") {
        let _ = parse(&s);
    }

    /// Edits of a valid corpus: delete, duplicate or replace a span.
    #[test]
    fn mutated_corpus_never_panics_and_keeps_good_records(
        at in 0usize..SMALL.len(),
        len in 0usize..40,
        insert in prop::sample::select(vec!["", "\"", "{", "}", "[", "]", ",", "-1e308", "null", "\"2022-02-30\"", "\"javascript:x\"", "99999", "\"\\ud800\"", "true"]),
    ) {
        let mut cut_at = at;
        while !SMALL.is_char_boundary(cut_at) { cut_at -= 1; }
        let mut end = (cut_at + len).min(SMALL.len());
        while !SMALL.is_char_boundary(end) { end -= 1; }
        let text = format!("{}{}{}", &SMALL[..cut_at], insert, &SMALL[end..]);
        let (corpus, diags) = parse(&text);
        prop_assert!(corpus.len() <= 4);
        // Whatever is lost is accounted for: each error has a location.
        for d in &diags {
            prop_assert!(d.line >= 1 && d.column >= 1);
        }
    }
}
