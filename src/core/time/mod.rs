//! Time: partial dates, calendar names and the timeline's time scale.
pub mod calendar;
pub mod date;
pub mod layout;
pub mod range;
pub mod time_scale;
