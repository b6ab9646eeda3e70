//! The loaded corpus, indexed for the query engine.
//!
//! Events are sorted by date; per-actor and per-language bit sets and a folded search
//! text per event are built once, so every query works on indices.

use super::model::*;
use super::validate::Dropped;
use crate::query::bitset::Bitset;
use crate::query::search::normalize;
use std::collections::HashMap;

/// An immutable, indexed corpus. Event index `i` is the `i`-th event in date order.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub meta: Meta,
    pub actors: Vec<Actor>,
    pub sources: Vec<Source>,
    /// Sorted by date, then id.
    pub events: Vec<Event>,
    /// Records left out by the validator.
    pub dropped: Dropped,
    /// Distinct source languages, most used first.
    pub languages: Vec<String>,
    /// Per actor (same order as `actors`): events it takes part in or claims.
    pub by_actor: Vec<Bitset>,
    /// Per language (same order as `languages`): events with a source in it.
    pub by_language: Vec<Bitset>,
    /// Per event: indices into `actors` (participants, then claimant).
    pub event_actors: Vec<Vec<u32>>,
    /// Per event: indices into `sources`.
    pub event_sources: Vec<Vec<u32>>,
    /// Per event: its source languages as bits (bit `l` for `languages[l]`; languages past
    /// the 31st share bit 31), for drawing without allocating.
    pub lang_bits: Vec<u32>,
    /// Per event: first minute and one past the last (end date included).
    pub spans: Vec<(i64, i64)>,
    /// Per event: folded text of everything a reader may search for.
    pub haystacks: Vec<String>,
    actor_ix: HashMap<String, u32>,
    event_ix: HashMap<String, u32>,
}

impl Corpus {
    /// Indexes a validated file. References are assumed resolved (the validator checks them);
    /// any that are not are skipped.
    pub fn new(file: CorpusFile, dropped: Dropped) -> Self {
        let CorpusFile {
            meta,
            actors,
            sources,
            mut events,
            ..
        } = file;
        events.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
        let n = events.len();
        let actor_ix: HashMap<String, u32> = actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i as u32))
            .collect();
        let source_ix: HashMap<&str, u32> = sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i as u32))
            .collect();
        let event_ix = events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i as u32))
            .collect();

        let mut lang_count: HashMap<&str, usize> = HashMap::new();
        for s in &sources {
            *lang_count.entry(s.lang.as_str()).or_default() += 1;
        }
        let mut languages: Vec<String> = lang_count.keys().map(|s| s.to_string()).collect();
        languages.sort_by(|a, b| {
            let count = |l: &String| lang_count.get(l.as_str()).copied().unwrap_or(0);
            count(b).cmp(&count(a)).then(a.cmp(b))
        });
        let lang_ix: HashMap<&str, usize> = languages
            .iter()
            .enumerate()
            .map(|(i, l)| (l.as_str(), i))
            .collect();

        let mut by_actor = vec![Bitset::empty(n); actors.len()];
        let mut by_language = vec![Bitset::empty(n); languages.len()];
        let mut event_actors = Vec::with_capacity(n);
        let mut event_sources = Vec::with_capacity(n);
        let mut spans = Vec::with_capacity(n);
        let mut lang_bits = Vec::with_capacity(n);
        let mut haystacks = Vec::with_capacity(n);
        for (i, e) in events.iter().enumerate() {
            let mut ea: Vec<u32> = e
                .actors
                .iter()
                .filter_map(|r| actor_ix.get(&r.id).copied())
                .collect();
            if let Some(c) = e.claim.as_ref().and_then(|c| actor_ix.get(&c.claimant)) {
                if !ea.contains(c) {
                    ea.push(*c);
                }
            }
            for &a in &ea {
                if let Some(set) = by_actor.get_mut(a as usize) {
                    set.insert(i);
                }
            }
            let es: Vec<u32> = e
                .sources
                .iter()
                .filter_map(|s| source_ix.get(s.as_str()).copied())
                .collect();
            let mut bits = 0u32;
            for &s in &es {
                let lang = sources.get(s as usize).map(|s| s.lang.as_str());
                let Some(&l) = lang.and_then(|lang| lang_ix.get(lang)) else {
                    continue;
                };
                if let Some(set) = by_language.get_mut(l) {
                    set.insert(i);
                }
                bits |= 1 << l.min(31);
            }
            lang_bits.push(bits);
            let end = e.end.map_or(e.date.end_minute(), |d| {
                d.end_minute().max(e.date.end_minute())
            });
            spans.push((e.date.start_minute(), end));
            haystacks.push(haystack(e, &ea, &es, &actors, &sources));
            event_actors.push(ea);
            event_sources.push(es);
        }
        Corpus {
            meta,
            actors,
            sources,
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
            actor_ix,
            event_ix,
        }
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Whether the corpus has no events.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// Index of the actor with this id.
    pub fn actor_index(&self, id: &str) -> Option<usize> {
        self.actor_ix.get(id).map(|&i| i as usize)
    }

    /// Index of the event with this id.
    pub fn event_index(&self, id: &str) -> Option<usize> {
        self.event_ix.get(id).map(|&i| i as usize)
    }

    /// Index of a source language.
    pub fn language_index(&self, code: &str) -> Option<usize> {
        self.languages.iter().position(|l| l == code)
    }

    /// Distinct languages of an event's sources, in `languages` order.
    pub fn event_languages(&self, event: usize) -> Vec<usize> {
        let mut v: Vec<usize> = self
            .event_sources
            .get(event)
            .into_iter()
            .flatten()
            .filter_map(|&s| self.sources.get(s as usize))
            .filter_map(|s| self.language_index(&s.lang))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

fn haystack(e: &Event, ea: &[u32], es: &[u32], actors: &[Actor], sources: &[Source]) -> String {
    let mut parts: Vec<&str> = Vec::new();
    parts.extend(e.title.0.values().map(String::as_str));
    if let Some(s) = &e.summary {
        parts.extend(s.0.values().map(String::as_str));
    }
    parts.extend(e.place.name.0.values().map(String::as_str));
    parts.extend(e.tags.iter().map(String::as_str));
    for a in ea.iter().filter_map(|&a| actors.get(a as usize)) {
        parts.extend(a.name.0.values().map(String::as_str));
    }
    for s in es.iter().filter_map(|&s| sources.get(s as usize)) {
        parts.push(&s.outlet);
        parts.push(&s.title);
        parts.extend(s.title_en.as_deref());
    }
    // A separator no query term can contain, so a term never matches across two fields.
    normalize(&parts.join("\u{1}"))
}
