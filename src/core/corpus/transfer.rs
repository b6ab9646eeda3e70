//! Handing a checked, indexed corpus from the loading worker to the page, in pieces.
//!
//! Reading and indexing a large corpus takes seconds, so the page does it in a Web Worker.
//! The worker sends back a [`Head`] (everything but the per-event columns), its sources in
//! pieces of [`SOURCES_PER_PIECE`], and then the events in [`Chunk`]s of [`CHUNK_EVENTS`],
//! each as its own message: the page decodes one piece per task, so no task of the page's
//! grows with the corpus. The pieces are in the
//! compact binary form of [`super::wire`], and [`Assembler`] checks that they fit before building the
//! [`Corpus`]: a worker that sends too few events, or columns of different lengths, is
//! reported, never indexed out of bounds. What the page can rebuild as the chunks arrive
//! (the filters' bit sets, the id lookups) is not sent.

use super::columns::{Lists, Texts};
use super::diagnostic::Diagnostic;
use super::index::{Corpus, MAX_FACET_ACTORS, MAX_FACET_LANGUAGES};
use super::model::{Actor, Event, Meta, Question, Source, Tags};
use super::validate::Dropped;
use super::wire::{fields, Reader, Wire};
use crate::query::bitset::Bitset;
use std::sync::Arc;

/// Most events a corpus handed over may hold (far beyond what a page can show).
pub const MAX_EVENTS: usize = 1 << 24;

/// Events per chunk: small enough that the page decodes one in a few milliseconds.
pub const CHUNK_EVENTS: usize = 2048;

/// Sources per message after the head: a million events' 333,000 sources, all in the head,
/// were one task of 0.3 s on the page.
pub const SOURCES_PER_PIECE: usize = 16_384;

/// Everything about a corpus but its per-event columns.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Head {
    pub meta: Meta,
    pub actors: Vec<Actor>,
    pub sources: Vec<Source>,
    pub questions: Vec<Question>,
    pub tags: Tags,
    pub dropped: Dropped,
    pub languages: Vec<String>,
    /// How many of `actors` are offered as filters (see [`Corpus::by_actor`]).
    pub facet_actors: usize,
    /// The reading's diagnostics.
    pub diagnostics: Vec<Diagnostic>,
    /// How many events the chunks hold in all.
    pub events: usize,
    /// The name of the format the file was imported from (`None`: a Steppe corpus).
    pub imported: Option<String>,
    /// Events per place name, when the worker worked them out (see [`Corpus::place_counts`]).
    pub place_counts: Option<Vec<(String, usize)>>,
}

/// Consecutive events (in the corpus' date order) with their index columns, flat as the
/// corpus holds them (see [`super::columns`]), so the page appends each column in one go.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Chunk {
    pub events: Vec<Event>,
    pub event_actors: Lists,
    pub event_sources: Lists,
    pub lang_bits: Vec<u32>,
    pub spans: Vec<(i64, i64)>,
    pub haystacks: Texts,
    /// The same stretch of the corpus' id order (event indices sorted by id, over the whole
    /// corpus), so the page need not sort a million ids in one task to find events by id.
    pub by_id: Vec<u32>,
    /// The events' places in world units, when the worker worked them out (see
    /// [`Corpus::world`]); empty otherwise.
    pub world: Vec<Option<(f64, f64)>>,
}

/// A message from the loading worker to the page.
#[derive(Debug, Clone, PartialEq)]
pub enum FromWorker {
    /// Records read so far, of how many.
    Progress {
        done: usize,
        total: usize,
    },
    Head(Box<Head>),
    /// Sources after the head's (see [`Head::sources_in_pieces`]), before any chunk.
    Sources(Vec<Source>),
    Chunk(Box<Chunk>),
    /// Every chunk has been sent.
    Done,
}

fields! {
    Head { meta, actors, sources, questions, tags, dropped, languages, facet_actors, diagnostics, events, imported, place_counts }
    Chunk { events, event_actors, event_sources, lang_bits, spans, haystacks, by_id, world }
}

impl Wire for FromWorker {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            FromWorker::Progress { done, total } => {
                out.push(0);
                done.put(out);
                total.put(out);
            }
            FromWorker::Head(h) => {
                out.push(1);
                h.put(out);
            }
            FromWorker::Chunk(c) => {
                out.push(2);
                c.put(out);
            }
            FromWorker::Done => out.push(3),
            FromWorker::Sources(sources) => {
                out.push(4);
                sources.put(out);
            }
        }
    }

    fn take(r: &mut Reader<'_>) -> Option<Self> {
        Some(match u8::take(r)? {
            0 => FromWorker::Progress {
                done: Wire::take(r)?,
                total: Wire::take(r)?,
            },
            1 => FromWorker::Head(Box::new(Wire::take(r)?)),
            2 => FromWorker::Chunk(Box::new(Wire::take(r)?)),
            3 => FromWorker::Done,
            4 => FromWorker::Sources(Wire::take(r)?),
            _ => return None,
        })
    }
}

impl Head {
    /// Takes the sources out of the head, in pieces of at most `per`, to be sent after it.
    pub fn sources_in_pieces(&mut self, per: usize) -> Vec<Vec<Source>> {
        let mut all = std::mem::take(&mut self.sources).into_iter();
        std::iter::from_fn(|| {
            let piece: Vec<Source> = all.by_ref().take(per.max(1)).collect();
            (!piece.is_empty()).then_some(piece)
        })
        .collect()
    }
}

/// Splits `corpus` (and the diagnostics of its reading) into a head and chunks of at most
/// `chunk` events (at least one). The chunks are made one at a time, as they are taken: all
/// of them at once would hold a second copy of the corpus (a million events: about 1 GB).
pub fn split(corpus: Corpus, diagnostics: Vec<Diagnostic>, chunk: usize) -> (Head, Chunks) {
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
        event_actors,
        event_sources,
        lang_bits,
        spans,
        haystacks,
        by_id,
        world,
        place_counts,
        ..
    } = corpus;
    let head = Head {
        meta,
        actors,
        sources,
        questions,
        tags,
        dropped,
        languages,
        facet_actors: by_actor.len(),
        diagnostics,
        events: events.len(),
        imported: None,
        place_counts: place_counts.map(|p| {
            let mut p: Vec<(String, usize)> = p.iter().map(|(k, &v)| (k.clone(), v)).collect();
            p.sort();
            p
        }),
    };
    let chunks = Chunks {
        size: chunk.max(1),
        start: 0,
        events: events.into_iter(),
        event_actors,
        event_sources,
        lang_bits,
        spans,
        haystacks,
        by_id,
        world,
    };
    (head, chunks)
}

/// The chunks of a split corpus, in order, each made when it is taken.
#[derive(Debug)]
pub struct Chunks {
    size: usize,
    start: usize,
    events: std::vec::IntoIter<Event>,
    event_actors: Lists,
    event_sources: Lists,
    lang_bits: Vec<u32>,
    spans: Vec<(i64, i64)>,
    haystacks: Texts,
    by_id: Vec<u32>,
    world: Arc<[Option<(f64, f64)>]>,
}

impl Iterator for Chunks {
    type Item = Chunk;

    fn next(&mut self) -> Option<Chunk> {
        let events: Vec<Event> = self.events.by_ref().take(self.size).collect();
        if events.is_empty() {
            return None;
        }
        let (start, end) = (self.start, self.start.saturating_add(events.len()));
        self.start = end;
        Some(Chunk {
            events,
            event_actors: self.event_actors.slice(start..end),
            event_sources: self.event_sources.slice(start..end),
            lang_bits: self.lang_bits.get(start..end).unwrap_or_default().to_vec(),
            spans: self.spans.get(start..end).unwrap_or_default().to_vec(),
            haystacks: self.haystacks.slice(start..end),
            by_id: self.by_id.get(start..end).unwrap_or_default().to_vec(),
            world: self.world.get(start..end).unwrap_or_default().to_vec(),
        })
    }
}

/// Builds a [`Corpus`] from a head and its chunks, as they arrive.
#[derive(Debug)]
pub struct Assembler {
    corpus: Corpus,
    diagnostics: Vec<Diagnostic>,
    expected: usize,
    /// Per source: its language's index in `languages`, if it has a filter.
    source_language: Vec<Option<usize>>,
    /// Whether an event referred to an actor or source that was not sent.
    out_of_range: bool,
    /// The chunks' places in world units, if they carry them.
    world: Vec<Option<(f64, f64)>>,
    /// The head's `imported`.
    pub imported: Option<String>,
}

impl Assembler {
    /// Starts from the head.
    pub fn new(head: Head) -> Self {
        // The head comes from the worker, but its count still bounds what is reserved: bit
        // sets for more events than the budget allows are never made (and `finish` then
        // refuses the corpus, its count unmet).
        let n = head.events.min(MAX_EVENTS);
        let mut corpus = Corpus::default();
        // Room for every event up front, so the columns do not grow by doubling (up to twice
        // the room the events need, at a million events hundreds of megabytes). Tried, not
        // insisted on: a count the memory cannot hold leaves the columns to grow as they go.
        let _ = corpus.events.try_reserve_exact(n);
        let _ = corpus.spans.try_reserve_exact(n);
        let _ = corpus.lang_bits.try_reserve_exact(n);
        let _ = corpus.by_id.try_reserve_exact(n);
        corpus.by_actor = vec![
            Bitset::empty(n);
            head.facet_actors
                .min(head.actors.len())
                .min(MAX_FACET_ACTORS)
        ];
        corpus.by_language = vec![Bitset::empty(n); head.languages.len().min(MAX_FACET_LANGUAGES)];
        corpus.meta = head.meta;
        corpus.actors = head.actors;
        corpus.questions = head.questions;
        corpus.tags = head.tags;
        corpus.dropped = head.dropped;
        corpus.languages = head.languages;
        corpus.place_counts = head.place_counts.map(|p| Arc::new(p.into_iter().collect()));
        let mut world = Vec::new();
        if corpus.place_counts.is_some() {
            // Worked out by the worker with the places' counts: one per event to come.
            let _ = world.try_reserve_exact(n);
        }
        let mut assembler = Assembler {
            corpus,
            diagnostics: head.diagnostics,
            expected: head.events,
            source_language: Vec::new(),
            out_of_range: false,
            world,
            imported: head.imported,
        };
        assembler.push_sources(head.sources);
        assembler
    }

    /// Adds sources after those there are (the head's, then the pieces sent after it): the
    /// chunks that follow cite them by position.
    pub fn push_sources(&mut self, sources: Vec<Source>) {
        let c = &mut self.corpus;
        let language: std::collections::HashMap<&str, usize> = c
            .languages
            .iter()
            .enumerate()
            .map(|(i, l)| (l.as_str(), i))
            .collect();
        self.source_language.extend(
            sources
                .iter()
                .map(|s| language.get(s.lang.as_str()).copied()),
        );
        c.sources.extend(sources);
    }

    /// Adds the next chunk, with its events' places in the filters' bit sets.
    pub fn push(&mut self, chunk: Chunk) {
        let c = &mut self.corpus;
        let first = c.events.len();
        for (i, (actors, sources)) in chunk
            .event_actors
            .iter()
            .zip(chunk.event_sources.iter())
            .enumerate()
        {
            let event = first.saturating_add(i);
            for &a in actors {
                self.out_of_range |= a as usize >= c.actors.len();
                if let Some(set) = c.by_actor.get_mut(a as usize) {
                    set.insert(event);
                }
            }
            for &s in sources {
                match self.source_language.get(s as usize) {
                    None => self.out_of_range = true,
                    Some(l) => {
                        if let Some(set) = l.and_then(|l| c.by_language.get_mut(l)) {
                            set.insert(event);
                        }
                    }
                }
            }
        }
        c.events.extend(chunk.events);
        c.event_actors.extend(&chunk.event_actors);
        c.event_sources.extend(&chunk.event_sources);
        c.lang_bits.extend(chunk.lang_bits);
        c.spans.extend(chunk.spans);
        c.haystacks.extend(&chunk.haystacks);
        // Its order is not checked (that would be a pass over every id in one task): an
        // order out of order only makes an id not found, as a search only answers an event
        // whose id is the one asked for. Its range is.
        self.out_of_range |= chunk.by_id.iter().any(|&i| i as usize >= self.expected);
        c.by_id.extend(chunk.by_id);
        self.world.extend(chunk.world);
    }

    /// Events received so far, and how many the head announced.
    pub fn progress(&self) -> (usize, usize) {
        (self.corpus.events.len(), self.expected)
    }

    /// The corpus and its diagnostics, once every piece has arrived and they fit together
    /// (every column as long as the events, every bit set over them, every index in range);
    /// otherwise what does not fit.
    pub fn finish(self) -> Result<(Corpus, Vec<Diagnostic>), String> {
        let mut c = self.corpus;
        let n = c.events.len();
        let columns = [
            c.event_actors.len(),
            c.event_sources.len(),
            c.lang_bits.len(),
            c.spans.len(),
            c.haystacks.len(),
            c.by_id.len(),
        ];
        // The places are optional: without them, the page works them out.
        let world = self.world.len();
        if n != self.expected || columns.iter().any(|&len| len != n) || (world != 0 && world != n) {
            return Err(format!(
                "expected {} events, received {n} (columns {columns:?}, places {world})",
                self.expected
            ));
        }
        if self.out_of_range {
            return Err(
                "an event refers to an actor or source that was not sent, or the id order to \
                 an event"
                    .into(),
            );
        }
        c.world = self.world.into();
        c.index_actor_ids();
        c.event_actors.shrink_to_fit();
        c.event_sources.shrink_to_fit();
        c.haystacks.shrink_to_fit();
        Ok((c, self.diagnostics))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::generate::generate;
    use crate::corpus::parse;
    use crate::corpus::wire::{decode, encode};

    fn corpus(n: usize) -> Corpus {
        Corpus::new(generate(n, 7), Dropped::default())
    }

    /// The head, its sources in pieces of 7, then the chunks, each through the wire as the
    /// worker sends them.
    fn through_wire(head: &Head, chunks: &[Chunk]) -> Assembler {
        let msg = |m: &FromWorker| encode(m);
        let back = |b: Vec<u8>| decode::<FromWorker>(&b);
        let mut head = head.clone();
        let pieces = head.sources_in_pieces(7);
        assert!(head.sources.is_empty());
        let Some(FromWorker::Head(h)) = back(msg(&FromWorker::Head(Box::new(head)))) else {
            panic!("the head does not come back");
        };
        let mut a = Assembler::new(*h);
        for p in pieces {
            assert!(!p.is_empty() && p.len() <= 7);
            let Some(FromWorker::Sources(p)) = back(msg(&FromWorker::Sources(p))) else {
                panic!("sources do not come back");
            };
            a.push_sources(p);
        }
        for c in chunks {
            let Some(FromWorker::Chunk(c)) = back(msg(&FromWorker::Chunk(Box::new(c.clone()))))
            else {
                panic!("a chunk does not come back");
            };
            a.push(*c);
        }
        a
    }

    #[test]
    fn a_corpus_comes_back_whole_in_chunks() {
        for (n, located) in [
            (0, false),
            (1, false),
            (5000, false),
            (1, true),
            (5000, true),
        ] {
            let mut original = corpus(n);
            if located {
                crate::geo::located::locate(&mut original);
                assert_eq!(original.world.len(), n);
            }
            let (head, chunks) = split(original.clone(), Vec::new(), 2048);
            let chunks: Vec<Chunk> = chunks.collect();
            assert_eq!(chunks.len(), n.div_ceil(2048));
            let a = through_wire(&head, &chunks);
            assert_eq!(a.progress(), (n, n));
            let (back, diagnostics) = a.finish().expect("fits");
            assert!(diagnostics.is_empty());
            assert_eq!(back, original, "{n} events, located: {located}");
            if let Some(e) = back.events.last() {
                assert_eq!(back.event_index(&e.id), Some(n - 1));
            }
        }
    }

    #[test]
    fn the_bundled_corpus_and_its_diagnostics_come_back_whole() {
        let text = include_str!("../../../public/corpus.json").replacen(
            "\"events\"",
            "\"extra\": 1, \"events\"",
            1,
        );
        let (original, diagnostics) = parse(&text);
        assert!(!diagnostics.is_empty() && !original.is_empty());
        let (head, chunks) = split(original.clone(), diagnostics.clone(), 16);
        let chunks: Vec<Chunk> = chunks.collect();
        let (back, back_diagnostics) = through_wire(&head, &chunks).finish().expect("fits");
        assert_eq!(back, original);
        assert_eq!(back_diagnostics, diagnostics);
    }

    #[test]
    fn reading_reports_its_progress_in_events() {
        let bytes = serde_json::to_vec(&generate(2500, 3)).unwrap_or_default();
        let mut seen = Vec::new();
        let v = crate::corpus::validate::validate_bytes_reporting(&bytes, &mut |d, t| {
            seen.push((d, t))
        });
        assert_eq!(v.file.events.len(), 2500);
        assert_eq!(seen, [(0, 2500), (1000, 2500), (2000, 2500), (2500, 2500)]);
    }

    #[test]
    fn pieces_that_do_not_fit_are_refused() {
        let (head, chunks) = split(corpus(3000), Vec::new(), 1000);
        let chunks: Vec<Chunk> = chunks.collect();
        let mut short = Assembler::new(head.clone());
        for c in chunks.iter().take(2) {
            short.push(c.clone());
        }
        assert_eq!(short.progress(), (2000, 3000));
        assert!(short.finish().is_err());

        let mut ragged = Assembler::new(head.clone());
        for c in &chunks {
            ragged.push(c.clone());
        }
        let mut bad = chunks.first().cloned().unwrap_or_default();
        bad.events.clear();
        bad.event_actors = [[u32::MAX]].iter().collect();
        let mut wild = Assembler::new(Head {
            events: 1,
            ..head.clone()
        });
        wild.push(Chunk {
            events: chunks
                .first()
                .and_then(|c| c.events.first())
                .cloned()
                .into_iter()
                .collect(),
            event_actors: [[u32::MAX]].iter().collect(),
            event_sources: [Vec::<u32>::new()].iter().collect(),
            lang_bits: vec![0],
            spans: vec![(0, 1)],
            haystacks: [""].iter().collect(),
            by_id: vec![0],
            world: Vec::new(),
        });
        assert!(wild.finish().is_err(), "an actor index out of range");
        ragged.push(bad);
        assert!(ragged.finish().is_err(), "a column longer than the events");

        // A chunk citing sources that were not sent (the pieces after the head skipped).
        let mut sourceless_head = head.clone();
        let _ = sourceless_head.sources_in_pieces(SOURCES_PER_PIECE);
        let mut sourceless = Assembler::new(sourceless_head);
        for c in &chunks {
            sourceless.push(c.clone());
        }
        assert!(sourceless.finish().is_err(), "a source index out of range");

        let mut located = corpus(3000);
        crate::geo::located::locate(&mut located);
        let (placed_head, placed) = split(located, Vec::new(), 1000);
        let mut unplaced = Assembler::new(placed_head);
        for (k, mut c) in placed.enumerate() {
            if k == 1 {
                c.world.pop();
            }
            unplaced.push(c);
        }
        assert!(unplaced.finish().is_err(), "places for some events only");

        let mut stray = Assembler::new(head.clone());
        for (k, c) in chunks.iter().enumerate() {
            let mut c = c.clone();
            if k == 1 {
                c.by_id[5] = 3000;
            }
            stray.push(c);
        }
        assert!(
            stray.finish().is_err(),
            "an id order naming an event past the last"
        );
    }
}
