//! Text for people: the translation tables of the interface and of diagnostics, plural rules, and the
//! fallback order of corpus text; numbers with fixed decimals for the drawing.
pub mod diag_text;
pub mod fixed;
pub mod i18n;
pub mod lang;
pub mod plural;
