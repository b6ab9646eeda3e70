//! Text for people: the one translation table of the interface, plural rules, and the
//! fallback order of corpus text.
pub mod i18n;
pub mod lang;
pub mod plural;
