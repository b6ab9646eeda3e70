//! Memory benchmark: heap bytes per event of an indexed [`Corpus`], field by field, on
//! generated corpora, and the peak while indexing. Counts every allocation through a
//! counting global allocator, so the figures are the heap's own (not the process's
//! resident size). Prints figures; it is not a test and asserts nothing.
//! Run with `cargo bench --bench memory`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use steppe::core::corpus::generate::generate;
use steppe::core::corpus::transfer::{split, Assembler, CHUNK_EVENTS};
use steppe::core::corpus::{validate_bytes, Corpus};
use steppe::core::interchange::read_any;

/// The system allocator, counting the bytes live and the most live at once.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            let now = LIVE.fetch_add(l.size(), Relaxed) + l.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        LIVE.fetch_sub(l.size(), Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, size: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, l, size) };
        if !q.is_null() {
            let now = LIVE.fetch_add(size, Relaxed) + size;
            PEAK.fetch_max(now, Relaxed);
            LIVE.fetch_sub(l.size(), Relaxed);
        }
        q
    }
}

#[global_allocator]
static A: Counting = Counting;

fn live() -> usize {
    LIVE.load(Relaxed)
}

/// Bytes freed by dropping `v`.
fn size_of_drop<T>(v: T) -> usize {
    let before = live();
    drop(v);
    before.saturating_sub(live())
}

fn main() {
    println!("heap bytes per event of an indexed corpus, by field");
    println!(
        "(an event's own record: {} bytes, the rest of it on the heap behind it)",
        std::mem::size_of::<steppe::core::corpus::Event>()
    );
    for n in [10_000usize, 100_000] {
        let bytes = serde_json::to_vec(&generate(n, 1)).unwrap_or_default();
        let b0 = live();
        let v = validate_bytes(&bytes);
        let file = live().saturating_sub(b0);
        drop(bytes);
        // What was live before the file was read.
        let outside = live().saturating_sub(file);
        PEAK.store(live(), Relaxed);
        let c = Corpus::new(black_box(v.file), v.dropped);
        let peak = PEAK.load(Relaxed).saturating_sub(outside);
        let total = live().saturating_sub(outside);

        // Through the worker's pieces, as the page assembles them.
        let before = live();
        let (head, chunks) = split(c.clone(), Vec::new(), CHUNK_EVENTS);
        let mut a = Assembler::new(head);
        for ch in chunks {
            a.push(ch);
        }
        let assembled = a.finish().map(|(c, _)| c).unwrap_or_default();
        let assembled_bytes = live().saturating_sub(before);
        drop(assembled);

        let mut rows: Vec<(&str, usize)> = Vec::new();
        let rest = {
            // Moved into the block, so what is left of it is dropped at the block's end.
            let moved = c;
            let Corpus {
                meta,
                actors,
                sources,
                questions,
                tags,
                events,
                dropped,
                languages,
                by_actor,
                by_language,
                event_actors,
                event_sources,
                lang_bits,
                spans,
                haystacks,
                ..
            } = moved;
            // The events' multilingual texts (title, summary, place name) apart from the
            // rest of them: each is a list of (language, text) pairs of its own.
            let mut events = events;
            let mut texts = Vec::with_capacity(events.len());
            for e in &mut events {
                let place = e.place.as_mut().map(|p| std::mem::take(&mut p.name));
                texts.push((std::mem::take(&mut e.title), e.summary.take(), place));
            }
            // Not counting the list that holds them for the count.
            let list = std::mem::size_of_val(texts.as_slice());
            let texts = size_of_drop(texts).saturating_sub(list);
            rows.push(("events' texts", texts));
            rows.push(("events, the rest", size_of_drop(events)));
            rows.push(("haystacks", size_of_drop(haystacks)));
            rows.push(("event_actors", size_of_drop(event_actors)));
            rows.push(("event_sources", size_of_drop(event_sources)));
            rows.push(("spans", size_of_drop(spans)));
            rows.push(("lang_bits", size_of_drop(lang_bits)));
            rows.push(("bit sets", size_of_drop((by_actor, by_language))));
            rows.push((
                "actors, sources…",
                size_of_drop((meta, actors, sources, questions, tags, dropped, languages)),
            ));
            // What is left of `c` (the id lookups) is dropped as the block ends.
            live()
        }
        .saturating_sub(live());
        rows.push(("id lookups", rest));

        // As the loading worker reads a file: its bytes, the model and the index, at most.
        let before = live();
        let bytes = serde_json::to_vec(&generate(n, 1)).unwrap_or_default();
        let file_bytes = bytes.len();
        PEAK.store(live(), Relaxed);
        let read = read_any("corpus.json", bytes, &mut |_, _| {});
        let reading = PEAK.load(Relaxed).saturating_sub(before);
        drop(black_box(read));

        let per = |b: usize| b as f64 / n as f64;
        println!("{n} events (validated file: {:.1} B/event):", per(file));
        for (name, b) in &rows {
            println!("  {name:<18} {:>8.1} B/event", per(*b));
        }
        println!("  {:<18} {:>8.1} B/event", "total", per(total));
        println!(
            "  {:<18} {:>8.1} B/event  (file and index together, at most)",
            "peak indexing",
            per(peak)
        );
        println!(
            "  {:<18} {:>8.1} B/event  (reading a file as the worker does, its {:.1} B/event included)",
            "peak reading",
            per(reading),
            per(file_bytes)
        );
        println!(
            "  {:<18} {:>8.1} B/event  (the same corpus assembled from its chunks)",
            "assembled",
            per(assembled_bytes)
        );
    }
}
