//! Queries: the bit sets every query works on, script-independent search, and the filter
//! engine with live facet counts.
pub mod bitset;
mod filter;
pub mod search;

pub use filter::*;
