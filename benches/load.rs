//! Loading benchmark: where the time of reading a corpus goes, phase by phase, on generated
//! corpora (the same phases run in the browser's loading worker and on its main thread).
//! Prints figures (median of a few runs, ms); it is not a test and asserts nothing.
//! Run with `cargo bench --bench load` (`LOAD_SIZES=1000,100000` for other sizes).

mod common;

use common::{time_ms, time_with_ms};
use std::hint::black_box;
use steppe::core::corpus::generate::generate;
use steppe::core::corpus::transfer::{split, Assembler, FromWorker, CHUNK_EVENTS};
use steppe::core::corpus::wire::{decode, encode};
use steppe::core::corpus::{validate_bytes, Corpus};

fn main() {
    println!("corpus loading, by phase (median of repeated runs, ms)");
    println!(
        "{:>9}  {:>9}  {:>10}  {:>10}  {:>10}  {:>10}  {:>10}",
        "events", "MB", "validate", "index", "total", "encode", "assemble"
    );
    // `LOAD_SIZES=100000,1000000` picks the sizes.
    let sizes: Vec<usize> = std::env::var("LOAD_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000, 100_000, 1_000_000]);
    for n in sizes {
        let bytes = serde_json::to_vec(&generate(n, 1)).unwrap_or_default();
        // A million events (358 MB) take seconds per run: one run each.
        let reps = match n {
            1_000_000.. => 1,
            100_000.. => 3,
            _ => 9,
        };
        let (validate, _) = time_ms(reps, || {
            black_box(validate_bytes(&bytes));
        });
        let (total, _) = time_ms(reps, || {
            black_box(validate_bytes(&bytes).into_corpus());
        });
        // Indexing alone, on a copy of the checked file made outside the timing.
        let v = validate_bytes(&bytes);
        let index = time_with_ms(
            reps,
            || (v.file.clone(), v.dropped),
            |(file, dropped)| Corpus::new(file, dropped),
        );
        // The worker's side of the hand-over (splitting and encoding every piece), then
        // the page's (decoding and assembling them).
        let corpus = Corpus::new(v.file, v.dropped);
        let pieces = |c: Corpus| {
            let (head, chunks) = split(c, Vec::new(), CHUNK_EVENTS);
            let mut msgs = vec![encode(&FromWorker::Head(Box::new(head)))];
            msgs.extend(
                chunks
                    .into_iter()
                    .map(|c| encode(&FromWorker::Chunk(Box::new(c)))),
            );
            msgs
        };
        let (encoding, _) = time_ms(reps, || {
            black_box(pieces(corpus.clone()));
        });
        let (cloning, _) = time_ms(reps, || {
            black_box(corpus.clone());
        });
        let msgs = pieces(corpus);
        let (assembling, _) = time_ms(reps, || {
            let mut a = None;
            for m in &msgs {
                match decode::<FromWorker>(m) {
                    Some(FromWorker::Head(h)) => a = Some(Assembler::new(*h)),
                    Some(FromWorker::Chunk(c)) => a.as_mut().map_or((), |a| a.push(*c)),
                    _ => {}
                }
            }
            black_box(a.map(Assembler::finish));
        });
        println!(
            "{n:>9}  {:>9.1}  {validate:>10.1}  {index:>10.1}  {total:>10.1}  {:>10.1}  {assembling:>10.1}",
            bytes.len() as f64 / 1e6,
            encoding - cloning,
        );
    }
}
