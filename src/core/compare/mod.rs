//! Compare: how each language's sources covered the story, and where claims disagree.
//!
//! `disputes` groups claim events by the question they answer; `reports` works out once per
//! corpus when each language's sources first reported each event; `coverage` turns the
//! current filter's matches into the language-by-event matrix the Compare view pages through.
pub mod coverage;
pub mod disputes;
pub mod reports;
