//! Text for people: the translation tables of the interface and of diagnostics, plural rules, and the
//! fallback order of corpus text.
pub mod diag_text;
pub mod i18n;
pub mod lang;
pub mod plural;
