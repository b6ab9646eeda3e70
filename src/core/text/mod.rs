//! Text for people: the one translation table of the interface.
pub mod i18n;
pub mod lang;
