//! Input: what pointer, wheel and key gestures mean on the map and the timeline.
pub mod gesture;
