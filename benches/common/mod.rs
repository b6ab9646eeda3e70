//! What the benchmarks share: timing a closure over repeated runs.

use std::time::Instant;

/// Runs `f` `reps` times; the median and the worst, in milliseconds.
pub fn time_ms(reps: usize, mut f: impl FnMut()) -> (f64, f64) {
    let mut v: Vec<f64> = (0..reps)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    v.sort_by(f64::total_cmp);
    (v[v.len() / 2], v[v.len() - 1])
}
