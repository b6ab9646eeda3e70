//! Query-engine benchmark: select plus facet counts on generated corpora.
//! Prints figures (median and worst of repeated runs); it is not a test and asserts nothing.
//! Run with `make bench` (or `cargo bench --bench query`).

mod common;

use common::time_ms;
use std::hint::black_box;
use std::time::Instant;
use steppe::core::corpus::generate::generate;
use steppe::core::corpus::{Corpus, Dropped};
use steppe::core::query::{run, Filter};

fn main() {
    println!("query engine: select + facet counts (median / worst of repeated runs, ms)");
    println!(
        "{:>9}  {:>10}  {:>10}  {:>12}  {:>12}  {:>12}  {:>12}",
        "events", "index", "no filter", "1 actor", "2 act.+lang", "all-together", "text search"
    );
    let mut aggregation = Vec::new();
    for n in [1_000usize, 10_000, 100_000, 1_000_000] {
        let file = generate(n, 1);
        let t = Instant::now();
        let corpus = Corpus::new(file, Dropped::default());
        let index_ms = t.elapsed().as_secs_f64() * 1e3;
        let reps = if n >= 1_000_000 { 7 } else { 31 };
        let f = |actors: &[&str], langs: &[&str], all: bool, text: &str| Filter {
            actors: actors.iter().map(|s| s.to_string()).collect(),
            languages: langs.iter().map(|s| s.to_string()).collect(),
            all_actors: all,
            text: text.into(),
            range: None,
        };
        let cases = [
            f(&[], &[], false, ""),
            f(&["actor-03"], &[], false, ""),
            f(&["actor-03", "actor-07"], &["zh"], false, ""),
            f(&["actor-00", "actor-01"], &[], true, ""),
            f(&[], &[], false, "almaty protest"),
        ];
        let figures: Vec<String> = cases
            .iter()
            .map(|filter| {
                let (med, worst) = time_ms(reps, || {
                    black_box(run(black_box(&corpus), black_box(filter)));
                });
                format!("{med:>6.2}/{worst:<5.2}")
            })
            .collect();
        println!(
            "{n:>9}  {index_ms:>10.0}  {}",
            figures
                .iter()
                .map(|s| format!("{s:>12}"))
                .collect::<Vec<_>>()
                .join("  ")
        );
        aggregation.push((n, map_aggregation_ms(&corpus)));
    }
    println!(
        "\nmap aggregation of every event into marks at zoom 1, 1280 x 560 px (median / worst, ms)"
    );
    for (n, (med, worst)) in aggregation {
        println!("{n:>9}  {med:>8.2} / {worst:.2}");
    }
}

fn map_aggregation_ms(corpus: &Corpus) -> (f64, f64) {
    use steppe::core::geo::cluster::{aggregate, Frame};
    use steppe::core::geo::viewport::{home, world, Viewport};
    let w = world();
    let xy: Vec<(f64, f64)> = corpus
        .events
        .iter()
        .filter_map(|e| e.place.as_ref().map(|p| w.to_screen(p.lon, p.lat)))
        .collect();
    let vp = Viewport::new(1280.0, 560.0, home());
    let (k, dx, dy) = vp.world_affine();
    let frame = Frame {
        width: 1280.0,
        height: 560.0,
        cell: 34.0,
        inset: 22.0,
        max_clusters: 250,
        radius: steppe::core::geo::marks::radius,
    };
    time_ms(if corpus.len() >= 1_000_000 { 5 } else { 21 }, || {
        black_box(aggregate(
            xy.iter()
                .enumerate()
                .map(|(i, p)| (i as u32, p.0 * k + dx, p.1 * k + dy)),
            frame,
        ));
    })
}
