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

/// Like [`time_ms`], timing only `f` on a fresh value from `setup` each run (and not the
/// dropping of what it returns).
#[allow(dead_code)] // not every benchmark has a setup
pub fn time_with_ms<S, R>(
    reps: usize,
    mut setup: impl FnMut() -> S,
    mut f: impl FnMut(S) -> R,
) -> f64 {
    let mut v: Vec<f64> = (0..reps)
        .map(|_| {
            let s = setup();
            let t = Instant::now();
            let r = f(s);
            let ms = t.elapsed().as_secs_f64() * 1e3;
            drop(r);
            ms
        })
        .collect();
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}
