//! Counting the work done on an input, so tests can prove the reader linear by counting
//! steps instead of timing it (a timed test flakes on a shared machine; a step count does not).
//!
//! A step is one unit of constant-time work: a byte scanned, a value built, a diagnostic
//! located, a record compared. The JSON reader, the validator and the index add their steps
//! here as they go; `tests/hostile.rs` grows a hostile pattern tenfold and checks that the
//! steps grow about tenfold too. The counter is per thread and costs one add per batch.
#![cfg_attr(not(test), deny(clippy::arithmetic_side_effects))]

use std::cell::Cell;

thread_local! {
    static STEPS: Cell<u64> = const { Cell::new(0) };
}

/// Adds `n` steps to this thread's count. (Always inlined: the validator calls it for
/// every field it reads, and the size-optimised release build would otherwise make each a
/// call.)
#[inline(always)]
pub fn add(n: usize) {
    let n = u64::try_from(n).unwrap_or(u64::MAX);
    STEPS.with(|s| s.set(s.get().saturating_add(n)));
}

/// Steps counted on this thread since the last [`reset`].
pub fn steps() -> u64 {
    STEPS.with(Cell::get)
}

/// Starts counting from zero.
pub fn reset() {
    STEPS.with(|s| s.set(0));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_saturates() {
        reset();
        add(3);
        add(4);
        assert_eq!(steps(), 7);
        add(usize::MAX);
        add(usize::MAX);
        assert_eq!(steps(), u64::MAX);
        reset();
        assert_eq!(steps(), 0);
    }
}
