//! The loaded corpus, indexed for the query engine.
//!
//! Events are sorted by date; per-actor and per-language bit sets and a folded search
//! text per event are built once, so every query works on indices.
//!
//! Memory is bounded whatever the file holds. A bit set costs one bit per event, so one
//! per actor would cost actors × events bits (a 46 MB file with 300,000 actors and as many
//! events: 11 GB). Facets are therefore capped ([`MAX_FACET_ACTORS`], [`MAX_FACET_LANGUAGES`]):
//! the most cited actors and most used languages get a bit set and a filter; the others
//! still show on their events and are found by search, and the validator says so where the
//! cap starts. A cap was chosen over sparse sets for rare actors because a filter list of
//! 300,000 checkboxes is no use to a reader either, and it keeps the query engine's one
//! representation. Search text is capped in total ([`MAX_SEARCH_TEXT_BYTES`]), since each
//! event repeats its actors' names and sources' titles. Building is linear in the input
//! (sorting aside), counted in [`super::work`].
#![cfg_attr(not(test), deny(clippy::arithmetic_side_effects))]

use super::columns::{Lists, Texts};
use super::model::*;
use super::validate::Dropped;
use super::work;
use crate::query::bitset::Bitset;
use crate::query::search::normalize_into;
use crate::time::date::OrderKey;
use std::collections::HashMap;
use std::sync::Arc;

/// Most actors offered as filters (with a bit set each): those named by the most events.
pub const MAX_FACET_ACTORS: usize = 256;
/// Most source languages offered as filters: the most used.
pub const MAX_FACET_LANGUAGES: usize = 64;
/// Most bytes of search text, all events together (before folding); events past it, in
/// file order, are not found by search. A million generated events take about 90 MB.
pub const MAX_SEARCH_TEXT_BYTES: usize = 128 << 20;

/// For each actor (file order): whether it is offered as a filter. All of them when there
/// are at most [`MAX_FACET_ACTORS`]; otherwise those named by the most events (as
/// participant or claimant), ties going to the earlier actor in the file.
pub fn facet_actors(actors: &[Actor], events: &[Event]) -> Vec<bool> {
    if actors.len() <= MAX_FACET_ACTORS {
        return vec![true; actors.len()];
    }
    let ix: HashMap<&str, usize> = actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut uses = vec![0usize; actors.len()];
    for e in events {
        let named = e.actors.iter().map(|r| r.id.as_str());
        let claimant = e.claim.as_ref().map(|c| c.claimant.as_str());
        for id in named.chain(claimant) {
            work::add(1);
            if let Some(u) = ix.get(id).and_then(|&i| uses.get_mut(i)) {
                *u = u.saturating_add(1);
            }
        }
    }
    let mut order: Vec<usize> = (0..actors.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(uses.get(i).copied().unwrap_or(0)), i));
    work::add(actors.len());
    let mut facet = vec![false; actors.len()];
    for &i in order.iter().take(MAX_FACET_ACTORS) {
        if let Some(f) = facet.get_mut(i) {
            *f = true;
        }
    }
    facet
}

/// Every distinct source language, most used first (ties alphabetically).
pub fn ranked_languages(sources: &[Source]) -> Vec<String> {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for s in sources {
        let c = count.entry(s.lang.as_str()).or_default();
        *c = c.saturating_add(1);
    }
    work::add(sources.len());
    let mut languages: Vec<(&str, usize)> = count.into_iter().collect();
    languages.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    languages.into_iter().map(|(l, _)| l.to_string()).collect()
}

/// A file's events' references resolved, and how many of its events fit the search
/// budget: the validator works them out to check the budgets and hands them on
/// ([`crate::corpus::Validated::into_corpus`]), so indexing the same file does not look
/// every id up again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    refs: Refs,
    searchable: usize,
}

impl Resolved {
    /// Resolves `events`' references (file order) against the file's tables.
    pub fn new(events: &[Event], actors: &[Actor], sources: &[Source], tags: &Tags) -> Self {
        let refs = Refs::resolve(events, actors, sources);
        let searchable = searchable_in(events, &refs, actors, sources, tags);
        Resolved { refs, searchable }
    }

    /// How many events, in file order, fit in [`MAX_SEARCH_TEXT_BYTES`] of search text (an
    /// actor or source named twice by one event counts once, as in the index; a tag counts
    /// with its texts from `tags`).
    pub fn searchable(&self) -> usize {
        self.searchable
    }
}

/// How many events fit the search budget, with the events' references already resolved.
fn searchable_in(
    events: &[Event],
    refs: &Refs,
    actors: &[Actor],
    sources: &[Source],
    tags: &Tags,
) -> usize {
    let tag_len: HashMap<&str, usize> = tags
        .iter()
        .map(|(id, t)| (id.as_str(), text_len(t)))
        .collect();
    let actor_len: Vec<usize> = actors.iter().map(|a| text_len(&a.name)).collect();
    let source_len: Vec<usize> = sources
        .iter()
        .map(|s| {
            s.outlet
                .len()
                .saturating_add(s.title.len())
                .saturating_add(s.title_en.as_ref().map_or(0, String::len))
                .saturating_add(3)
        })
        .collect();
    let sum = |lens: &[usize], items: &[u32]| {
        items
            .iter()
            .filter_map(|&k| lens.get(k as usize))
            .fold(0usize, |a, &l| a.saturating_add(l))
    };
    let mut total = 0usize;
    for (i, e) in events.iter().enumerate() {
        let mut len = text_len(&e.title)
            .saturating_add(e.summary.as_ref().map_or(0, text_len))
            .saturating_add(e.place.as_ref().map_or(0, |p| text_len(&p.name)));
        for t in &e.tags {
            let texts = tag_len.get(t.as_str()).copied().unwrap_or(0);
            len = len
                .saturating_add(t.len())
                .saturating_add(1)
                .saturating_add(texts);
        }
        let (ea, es) = (refs.actors.get(i), refs.sources.get(i));
        len = len
            .saturating_add(sum(&actor_len, ea))
            .saturating_add(sum(&source_len, es));
        work::add(
            e.tags
                .len()
                .saturating_add(ea.len())
                .saturating_add(es.len())
                .saturating_add(1),
        );
        total = total.saturating_add(len);
        if total > MAX_SEARCH_TEXT_BYTES {
            return i;
        }
    }
    events.len()
}

/// Each event's actors (participants, then the claimant) and sources as indices into the
/// file's tables, in file order, each named once: ids are looked up once per corpus.
/// Unknown ids are left out (the validator has reported them).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Refs {
    actors: Lists,
    sources: Lists,
}

impl Refs {
    fn resolve(events: &[Event], actors: &[Actor], sources: &[Source]) -> Self {
        let actor_ix: HashMap<&str, u32> = actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), index_u32(i)))
            .collect();
        let source_ix: HashMap<&str, u32> = sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), index_u32(i)))
            .collect();
        let refs = |f: fn(&Event) -> usize| events.iter().map(f).sum::<usize>();
        let mut out = Refs {
            actors: Lists::with_capacity(
                events.len(),
                refs(|e| {
                    e.actors
                        .len()
                        .saturating_add(usize::from(e.claim.is_some()))
                }),
            ),
            sources: Lists::with_capacity(events.len(), refs(|e| e.sources.len())),
        };
        // Which event last named each actor / source: repeats are listed once, in O(1).
        let mut actor_seen = vec![usize::MAX; actors.len()];
        let mut source_seen = vec![usize::MAX; sources.len()];
        // Reused from event to event.
        let (mut ea, mut es) = (Vec::new(), Vec::new());
        for (i, e) in events.iter().enumerate() {
            let claimant = e.claim.as_ref().map(|c| c.claimant.as_str());
            ea.clear();
            for id in e.actors.iter().map(|r| r.id.as_str()).chain(claimant) {
                once(&mut ea, &mut actor_seen, actor_ix.get(id).copied(), i);
            }
            es.clear();
            for id in &e.sources {
                once(
                    &mut es,
                    &mut source_seen,
                    source_ix.get(id.as_str()).copied(),
                    i,
                );
            }
            work::add(
                e.actors
                    .len()
                    .saturating_add(e.sources.len())
                    .saturating_add(1),
            );
            out.actors.push(&ea);
            out.sources.push(&es);
        }
        out
    }
}

/// Adds index `k` (if found) to `list`, unless event `event` has named it already.
fn once(list: &mut Vec<u32>, seen: &mut [usize], k: Option<u32>, event: usize) {
    let Some(k) = k else { return };
    if let Some(s) = seen.get_mut(k as usize) {
        if *s != event {
            *s = event;
            list.push(k);
        }
    }
}

/// Bytes of a multilingual text, with a separator after each language.
fn text_len(t: &Text) -> usize {
    work::add(t.len());
    t.values()
        .fold(0usize, |n, v| n.saturating_add(v.len()).saturating_add(1))
}

/// An immutable, indexed corpus. Event index `i` is the `i`-th event in date order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Corpus {
    pub meta: Meta,
    pub actors: Vec<Actor>,
    pub sources: Vec<Source>,
    /// Questions that claim events answer, in file order.
    pub questions: Vec<Question>,
    /// Tag texts by tag id (tags without an entry are shown as their ids).
    pub tags: Tags,
    /// Sorted by date, then id.
    pub events: Vec<Event>,
    /// Records left out by the validator.
    pub dropped: Dropped,
    /// Distinct source languages offered as filters, most used first (at most
    /// [`MAX_FACET_LANGUAGES`]; sources in other languages are still listed on their events).
    pub languages: Vec<String>,
    /// Per facet actor: events it takes part in or claims. The facet actors are the first
    /// `by_actor.len()` of `actors` (all of them up to [`MAX_FACET_ACTORS`]; beyond, the most
    /// cited come first in `actors`, the others after them, each group in file order).
    pub by_actor: Vec<Bitset>,
    /// Per language (same order as `languages`): events with a source in it.
    pub by_language: Vec<Bitset>,
    /// Per event: its source languages as bits (bit `l` for `languages[l]`; languages past
    /// the 31st share bit 31), for drawing without allocating.
    pub lang_bits: Vec<u32>,
    /// Per event: first minute and one past the last (end date included).
    pub spans: Vec<(i64, i64)>,
    /// Per event: indices into `actors` (participants, then claimant); see
    /// [`Corpus::event_actors`].
    pub event_actors: Lists,
    /// Per event: indices into `sources`; see [`Corpus::event_sources`].
    pub event_sources: Lists,
    /// Per event: folded search text; see [`Corpus::haystack`].
    pub haystacks: Texts,
    /// Per event: its place in the map's world units (`None` without a place), when the
    /// loading worker worked it out with the rest of the index (`geo::located`); otherwise
    /// empty, and the page works it out when the map first asks for it.
    pub world: Arc<[Option<(f64, f64)>]>,
    /// How many events each place name (in English) has, for the map's labels: like
    /// `world`, from the loading worker, else worked out on the page when asked for.
    pub place_counts: Option<Arc<HashMap<String, usize>>>,
    actor_ix: HashMap<String, u32>,
    /// Event indices in the order of their ids, so an id is found by binary search over the
    /// events' own ids instead of a map holding a copy of every id.
    pub(super) by_id: Vec<u32>,
}

impl Corpus {
    /// Indexes a validated file. References are assumed resolved (the validator checks them);
    /// any that are not are skipped.
    pub fn new(file: CorpusFile, dropped: Dropped) -> Self {
        Self::resolved(file, dropped, None)
    }

    /// [`Corpus::new`], with the file's references as the validator resolved them (worked
    /// out again if they do not cover its events).
    pub(crate) fn resolved(file: CorpusFile, dropped: Dropped, resolved: Option<Resolved>) -> Self {
        let CorpusFile {
            meta,
            actors,
            sources,
            questions,
            tags,
            events,
            ..
        } = file;
        // References resolved once, in file order: the budgets are applied in that order (as
        // the validator reports them), then the events are sorted.
        let n = events.len();
        let Resolved { refs, searchable } = resolved
            .filter(|r| r.refs.actors.len() == n && r.refs.sources.len() == n)
            .unwrap_or_else(|| Resolved::new(&events, &actors, &sources, &tags));
        let facet = facet_actors(&actors, &events);
        // The facet actors first: each actor's index in that new order.
        let mut renumber = vec![0u32; facet.len()];
        let n_facet_actors = facet.iter().filter(|&&f| f).count();
        let (mut next_facet, mut next_rest) = (0usize, n_facet_actors);
        for (slot, &f) in renumber.iter_mut().zip(&facet) {
            let next = if f { &mut next_facet } else { &mut next_rest };
            *slot = index_u32(*next);
            *next = next.saturating_add(1);
        }
        let (mut actors, rest): (Vec<Actor>, Vec<Actor>) =
            facet.into_iter().zip(actors).partition_map_bool();
        actors.extend(rest);
        // Sorted through a permutation: moving whole events about is what a sort of them
        // would spend its time on. Dates' order keys and ids' first bytes sit in a compact
        // array beside the positions, worked out once (many events share a date); a whole
        // id, far away in memory, is read only when both are the same, positions last, so
        // the order is total and an unstable sort gives what a stable one would.
        let mut order: Vec<(OrderKey, u128, usize)> = events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.date.order_key(), id_prefix(&e.id), i))
            .collect();
        let id = |i: usize| events.get(i).map_or("", |e| e.id.as_str());
        order.sort_unstable_by(|a, b| {
            (a.0, a.1)
                .cmp(&(b.0, b.1))
                .then_with(|| id(a.2).cmp(id(b.2)))
                .then(a.2.cmp(&b.2))
        });
        // Put in order in place, one cycle of the permutation at a time: a second list of
        // the events would double the memory they take while indexing.
        let perm: Vec<usize> = order.into_iter().map(|(_, _, i)| i).collect();
        let mut events = events;
        let mut placed = vec![false; perm.len()];
        for start in 0..perm.len() {
            let mut k = start;
            while placed.get(k) == Some(&false) {
                if let Some(p) = placed.get_mut(k) {
                    *p = true;
                }
                match perm.get(k) {
                    Some(&from) if from != start => {
                        events.swap(k, from);
                        k = from;
                    }
                    _ => break,
                }
            }
        }
        drop(placed);
        for e in &mut events {
            // The reader makes these lists exact, a file built otherwise may not: the corpus
            // keeps them for good.
            e.actors.shrink_to_fit();
            e.tags.shrink_to_fit();
            e.sources.shrink_to_fit();
        }
        // A list grown by doubling holds up to twice the events' room.
        events.shrink_to_fit();
        let n = events.len();
        work::add(n.saturating_add(actors.len()).saturating_add(sources.len()));
        let actor_ix = ids(actors.iter().map(|a| &a.id));

        let mut languages = ranked_languages(&sources);
        languages.truncate(MAX_FACET_LANGUAGES);
        let lang_ix: HashMap<&str, usize> = languages
            .iter()
            .enumerate()
            .map(|(i, l)| (l.as_str(), i))
            .collect();
        // Each source's language bit and filter, looked up once rather than per citation.
        let source_lang: Vec<Option<usize>> = sources
            .iter()
            .map(|s| lang_ix.get(s.lang.as_str()).copied())
            .collect();

        let mut by_actor = vec![Bitset::empty(n); n_facet_actors];
        let mut by_language = vec![Bitset::empty(n); languages.len()];
        work::add(
            n.div_ceil(64)
                .saturating_mul(n_facet_actors.saturating_add(languages.len())),
        );
        let mut event_actors = Lists::with_capacity(n, refs.actors.items().len());
        let mut event_sources = Lists::with_capacity(n, refs.sources.items().len());
        let mut spans = Vec::with_capacity(n);
        let mut lang_bits = Vec::with_capacity(n);
        let mut haystacks = Texts::with_capacity(n, 0);
        // Reused from event to event, so indexing allocates per corpus, not per event.
        let (mut ea, mut joined) = (Vec::new(), String::new());
        for (i, (e, &from)) in events.iter().zip(&perm).enumerate() {
            // The event's references, resolved in file order; actors in their new order.
            ea.clear();
            ea.extend(
                refs.actors
                    .get(from)
                    .iter()
                    .filter_map(|&a| renumber.get(a as usize)),
            );
            let es = refs.sources.get(from);
            for &a in &ea {
                if let Some(set) = by_actor.get_mut(a as usize) {
                    set.insert(i);
                }
            }
            work::add(ea.len().saturating_add(es.len()).saturating_add(1));
            let mut bits = 0u32;
            for &s in es {
                let Some(l) = source_lang.get(s as usize).copied().flatten() else {
                    continue;
                };
                if let Some(set) = by_language.get_mut(l) {
                    set.insert(i);
                }
                bits |= 1u32
                    .checked_shl(u32::try_from(l.min(31)).unwrap_or(31))
                    .unwrap_or(0);
            }
            lang_bits.push(bits);
            let end = e.end.map_or(e.date.end_minute(), |d| {
                d.end_minute().max(e.date.end_minute())
            });
            spans.push((e.date.start_minute(), end));
            if from < searchable {
                join_haystack(&mut joined, e, &ea, es, &actors, &sources, &tags);
                haystacks.push_with(|out| normalize_into(&joined, out));
            } else {
                haystacks.push("");
            }
            event_actors.push(&ea);
            event_sources.push(es);
        }
        drop((perm, refs, renumber));
        haystacks.shrink_to_fit();
        event_actors.shrink_to_fit();
        event_sources.shrink_to_fit();
        let by_id = id_order(&events);
        Corpus {
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
            lang_bits,
            spans,
            event_actors,
            event_sources,
            haystacks,
            world: Arc::default(),
            place_counts: None,
            actor_ix,
            by_id,
        }
    }

    /// Rebuilds the actors' id lookup (for a corpus assembled from pieces: see
    /// [`super::transfer`]).
    pub(super) fn index_actor_ids(&mut self) {
        self.actor_ix = ids(self.actors.iter().map(|a| &a.id));
    }

    /// The actors of event `i` (indices into `actors`: participants, then claimant; none
    /// past the last event).
    pub fn event_actors(&self, i: usize) -> &[u32] {
        self.event_actors.get(i)
    }

    /// The sources of event `i` (indices into `sources`, each once; none past the last event).
    pub fn event_sources(&self, i: usize) -> &[u32] {
        self.event_sources.get(i)
    }

    /// The folded text of everything a reader may search for in event `i` (empty for events
    /// past the [`MAX_SEARCH_TEXT_BYTES`] budget, and past the last event).
    pub fn haystack(&self, i: usize) -> &str {
        self.haystacks.get(i)
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Whether the corpus has no events.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// The tag `id` as shown in `lang` (along the fallback chain), else the id itself.
    /// With the code of the language found, for the `lang` attribute (none for an id).
    pub fn tag(&self, id: &str, lang: &str) -> (Option<String>, String) {
        let (l, t) = super::model::tag_pick(&self.tags, id, lang);
        (l.map(str::to_string), t.to_string())
    }

    /// Index of the actor with this id.
    pub fn actor_index(&self, id: &str) -> Option<usize> {
        self.actor_ix.get(id).map(|&i| i as usize)
    }

    /// Index of the event with this id.
    pub fn event_index(&self, id: &str) -> Option<usize> {
        let id_of = |&i: &u32| self.events.get(i as usize).map_or("", |e| e.id.as_str());
        let at = self.by_id.binary_search_by(|i| id_of(i).cmp(id)).ok()?;
        self.by_id.get(at).map(|&i| i as usize)
    }

    /// Index of a source language.
    pub fn language_index(&self, code: &str) -> Option<usize> {
        self.languages.iter().position(|l| l == code)
    }

    /// Distinct languages of an event's sources, in `languages` order.
    pub fn event_languages(&self, event: usize) -> Vec<usize> {
        let mut v: Vec<usize> = self
            .event_sources(event)
            .iter()
            .filter_map(|&s| self.sources.get(s as usize))
            .filter_map(|s| self.language_index(&s.lang))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// Writes into `out` (cleared first) everything a reader may search for in `e`, unfolded,
/// fields apart.
fn join_haystack(
    out: &mut String,
    e: &Event,
    ea: &[u32],
    es: &[u32],
    actors: &[Actor],
    sources: &[Source],
    tags: &Tags,
) {
    out.clear();
    let mut parts = 0usize;
    let mut put = |s: &str| {
        // A separator no query term can contain, so a term never matches across two fields.
        if parts > 0 {
            out.push('\u{1}');
        }
        out.push_str(s);
        parts = parts.saturating_add(1);
    };
    e.title.values().for_each(&mut put);
    if let Some(s) = &e.summary {
        s.values().for_each(&mut put);
    }
    if let Some(p) = &e.place {
        p.name.values().for_each(&mut put);
    }
    for t in &e.tags {
        put(t);
        // A tag is found by its texts in every language, as titles are.
        if let Some(texts) = tags.get(t) {
            texts.values().for_each(&mut put);
        }
    }
    for a in ea.iter().filter_map(|&a| actors.get(a as usize)) {
        a.name.values().for_each(&mut put);
    }
    for s in es.iter().filter_map(|&s| sources.get(s as usize)) {
        put(&s.outlet);
        put(&s.title);
        if let Some(t) = &s.title_en {
            put(t);
        }
    }
    work::add(out.len().saturating_add(parts));
}

/// Splits `(flag, item)` pairs into the items flagged and the others, each in order.
trait PartitionBool<T> {
    fn partition_map_bool(self) -> (Vec<T>, Vec<T>);
}

impl<T, I: Iterator<Item = (bool, T)>> PartitionBool<T> for I {
    fn partition_map_bool(self) -> (Vec<T>, Vec<T>) {
        let (mut yes, mut no) = (Vec::new(), Vec::new());
        for (flag, item) in self {
            if flag {
                yes.push(item);
            } else {
                no.push(item);
            }
        }
        (yes, no)
    }
}

/// The indices of `events` in the order of their ids.
fn id_order(events: &[Event]) -> Vec<u32> {
    // Sorted by the ids' first bytes, in the array, and only where those are the same by
    // the ids themselves, each elsewhere in memory.
    let mut keys: Vec<(u128, &str, u32)> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (id_prefix(&e.id), e.id.as_str(), index_u32(i)))
        .collect();
    keys.sort_unstable();
    work::add(events.len());
    keys.into_iter().map(|(_, _, i)| i).collect()
}

/// The first 16 bytes of `id` as a number that sorts as they do (shorter ids padded with
/// zeros, so two ids with the same number still need comparing in full).
fn id_prefix(id: &str) -> u128 {
    let mut head = [0u8; 16];
    for (to, from) in head.iter_mut().zip(id.as_bytes()) {
        *to = *from;
    }
    u128::from_be_bytes(head)
}

/// Each id's position in `ids`, for looking records up by id.
fn ids<'a>(ids: impl Iterator<Item = &'a String>) -> HashMap<String, u32> {
    ids.enumerate()
        .map(|(i, id)| (id.clone(), index_u32(i)))
        .collect()
}

/// An index as `u32` (indices stay far below 2^32: the file is at most a few hundred MB).
fn index_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::generate::generate;
    use crate::query::search::normalize;

    /// Each id once, in order of first appearance.
    fn distinct<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
        let mut out: Vec<&str> = Vec::new();
        for id in ids {
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out
    }

    #[test]
    fn the_references_the_validator_resolved_index_the_same_corpus() {
        let mut file = generate(400, 9);
        // A source cited twice by one event: the resolution must list it once.
        let first = file.events[3].sources[0].clone();
        file.events[3].sources.push(first);
        let text = serde_json::to_string(&file).unwrap();
        let v = crate::corpus::validate(&text);
        let plain = Corpus::new(v.file.clone(), v.dropped);
        let (reused, _) = v.clone().into_corpus();
        assert_eq!(reused, plain);
        // References that no longer cover the events are worked out again, not trusted.
        let mut shorter = v;
        shorter.file.events.drain(..300);
        let plain = Corpus::new(shorter.file.clone(), shorter.dropped);
        let (reused, _) = shorter.into_corpus();
        assert_eq!(reused.len(), 100);
        assert_eq!(reused, plain);
    }

    /// The search text of `e`, built the plain way: every field's strings joined.
    fn plain_haystack(c: &Corpus, e: &Event) -> String {
        let mut parts: Vec<&str> = e.title.values().collect();
        parts.extend(e.summary.iter().flat_map(|s| s.values()));
        parts.extend(e.place.iter().flat_map(|p| p.name.values()));
        for t in &e.tags {
            parts.push(t);
            parts.extend(c.tags.get(t).into_iter().flat_map(|t| t.values()));
        }
        let claimant = e.claim.as_ref().map(|c| c.claimant.as_str());
        for id in distinct(e.actors.iter().map(|r| r.id.as_str()).chain(claimant)) {
            let a = &c.actors[c.actor_index(id).expect("actor")];
            parts.extend(a.name.values());
        }
        for id in distinct(e.sources.iter().map(String::as_str)) {
            let s = c.sources.iter().find(|s| s.id == id).expect("source");
            parts.extend([s.outlet.as_str(), s.title.as_str()]);
            parts.extend(s.title_en.as_deref());
        }
        normalize(&parts.join("\u{1}"))
    }

    #[test]
    fn every_event_column_holds_what_its_event_says() {
        let c = Corpus::new(generate(3000, 11), Dropped::default());
        assert_eq!(c.len(), 3000);
        let mut with_claim = 0;
        for (i, e) in c.events.iter().enumerate() {
            let claimant = e.claim.as_ref().map(|c| c.claimant.as_str());
            with_claim += usize::from(claimant.is_some());
            let actors: Vec<&str> = c
                .event_actors(i)
                .iter()
                .map(|&a| c.actors[a as usize].id.as_str())
                .collect();
            assert_eq!(
                actors,
                distinct(e.actors.iter().map(|r| r.id.as_str()).chain(claimant))
            );
            let sources: Vec<&str> = c
                .event_sources(i)
                .iter()
                .map(|&s| c.sources[s as usize].id.as_str())
                .collect();
            assert_eq!(sources, distinct(e.sources.iter().map(String::as_str)));
            assert_eq!(c.haystack(i), plain_haystack(&c, e), "event {i}");
            assert_eq!(c.event_index(&e.id), Some(i));
        }
        assert!(with_claim > 0, "the generated corpus has claims");
        // Past the last event: nothing, and no panic.
        assert!(c.event_actors(3000).is_empty() && c.event_sources(usize::MAX).is_empty());
        assert_eq!(c.haystack(3000), "");
        assert_eq!(c.event_index("no such event"), None);
        assert_eq!(c.event_index(""), None);
        assert_eq!(Corpus::default().event_index("x"), None);
    }

    #[test]
    fn an_id_order_out_of_order_never_finds_the_wrong_event() {
        let mut c = Corpus::new(generate(50, 2), Dropped::default());
        let ids: Vec<String> = c.events.iter().map(|e| e.id.clone()).collect();
        c.by_id.reverse();
        c.by_id[7] = u32::MAX;
        for id in &ids {
            if let Some(i) = c.event_index(id) {
                assert_eq!(&c.events[i].id, id);
            }
        }
        c.by_id.clear();
        assert_eq!(c.event_index(&ids[0]), None);
    }
}
