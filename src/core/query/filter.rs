//! The query engine: which events match a filter, and live facet counts.
//!
//! Within a facet values are OR-ed ("any of"); facets are AND-ed. In all-together mode
//! the selected actors are AND-ed instead (events involving Russia AND China).
//! Works on bit sets of event indices only.

use crate::corpus::Corpus;
use crate::query::bitset::Bitset;
use crate::query::search::normalize;
use memchr::memmem;

/// What the reader asked for. Ids refer to the corpus; unknown ids match nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Selected actor ids (empty: no actor filter).
    pub actors: Vec<String>,
    /// Selected source language codes (empty: no language filter).
    pub languages: Vec<String>,
    /// Require every selected actor together instead of any of them.
    pub all_actors: bool,
    /// Free text, matched in any script.
    pub text: String,
    /// Brushed time range in minutes since 1970, `[from, to)`: events overlapping it match.
    pub range: Option<(i64, i64)>,
}

impl Filter {
    /// Whether nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
            && self.languages.is_empty()
            && self.text.trim().is_empty()
            && self.range.is_none()
    }

    /// Whether a text search is the only filter (so "nothing found" can name the search).
    pub fn is_text_only(&self) -> bool {
        !self.text.trim().is_empty()
            && Filter {
                text: String::new(),
                ..self.clone()
            }
            .is_empty()
    }
}

/// The outcome of a query: matching events and the count each facet value would give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryResult {
    pub matches: Bitset,
    /// Per actor (corpus order): matches if this actor were (also) selected.
    pub actor_counts: Vec<usize>,
    /// Per language (corpus order): matches if this language were (also) selected.
    pub language_counts: Vec<usize>,
}

impl QueryResult {
    /// Number of matching events.
    pub fn count(&self) -> usize {
        self.matches.count()
    }
}

/// Events whose text matches `text` (all events for an empty query).
///
/// `within`, when given, must be the result for a query that `text` extends (typing
/// forward: "alm" then "alma"); only its members are searched, since every match of the
/// longer query matches the shorter one.
pub fn text_matches(corpus: &Corpus, text: &str, within: Option<&Bitset>) -> Bitset {
    let n = corpus.len();
    let q = normalize(text);
    if q.is_empty() {
        return Bitset::full(n);
    }
    let mut found: Option<Bitset> = within.filter(|w| w.universe() == n).cloned();
    // Every word, each searched for among the events the words before it left.
    for word in q.split(' ').filter(|w| !w.is_empty()) {
        let finder = memmem::Finder::new(word);
        let mut t = Bitset::empty(n);
        match &found {
            // A few events left: each one's text (one searcher for all of them).
            Some(w) if w.count().saturating_mul(FEW) < n => {
                for i in w.iter() {
                    if finder.find(corpus.haystack(i).as_bytes()).is_some() {
                        t.insert(i);
                    }
                }
            }
            // Otherwise one pass over every event's text.
            w => corpus.haystacks.each_containing(&finder, |i| {
                if w.as_ref().is_none_or(|w| w.contains(i)) {
                    t.insert(i);
                }
            }),
        }
        found = Some(t);
    }
    found.unwrap_or_else(|| Bitset::full(n))
}

/// Below one event in `FEW` left to search, a word is looked for in each one's text rather
/// than in every event's text at once.
const FEW: usize = 8;

/// Whether the results for `old` contain those for `new` (so `new` can search within them).
pub fn narrows(old: &str, new: &str) -> bool {
    let (old, new) = (normalize(old), normalize(new));
    !old.is_empty() && new.starts_with(&old)
}

/// Events matching the text and time range only (the facets' shared base).
fn base(corpus: &Corpus, filter: &Filter, text: &Bitset) -> Bitset {
    let n = corpus.len();
    let mut set = match filter.range {
        None => Bitset::full(n),
        Some((from, to)) => {
            // Events are sorted by start: those starting at or after `to` are a suffix.
            let upto = corpus.spans.partition_point(|s| s.0 < to);
            let mut b = Bitset::empty(n);
            for (i, s) in corpus.spans.iter().take(upto).enumerate() {
                if s.1 > from {
                    b.insert(i);
                }
            }
            b
        }
    };
    set.and_with(text);
    set
}

fn union(sets: &[&Bitset], n: usize) -> Bitset {
    let mut u = Bitset::empty(n);
    for s in sets {
        u.or_with(s);
    }
    u
}

/// Runs `filter` over `corpus`.
pub fn run(corpus: &Corpus, filter: &Filter) -> QueryResult {
    run_with_text(corpus, filter, &text_matches(corpus, &filter.text, None))
}

/// Runs `filter` with its text part already evaluated (`text` from [`text_matches`]), so a
/// facet click does not search the text again.
pub fn run_with_text(corpus: &Corpus, filter: &Filter, text: &Bitset) -> QueryResult {
    let n = corpus.len();
    let base = base(corpus, filter, text);
    // Unknown ids (stale links) match nothing rather than being an error here.
    let none = Bitset::empty(n);
    let actor_sets: Vec<&Bitset> = filter
        .actors
        .iter()
        .map(|id| {
            corpus
                .actor_index(id)
                .and_then(|i| corpus.by_actor.get(i))
                .unwrap_or(&none)
        })
        .collect();
    let lang_sets: Vec<&Bitset> = filter
        .languages
        .iter()
        .map(|c| {
            corpus
                .language_index(c)
                .and_then(|i| corpus.by_language.get(i))
                .unwrap_or(&none)
        })
        .collect();
    let actor_mask = (!actor_sets.is_empty()).then(|| {
        if filter.all_actors {
            let mut m = Bitset::full(n);
            actor_sets.iter().for_each(|s| m.and_with(s));
            m
        } else {
            union(&actor_sets, n)
        }
    });
    let lang_mask = (!lang_sets.is_empty()).then(|| union(&lang_sets, n));

    // Base for actor counts: everything but the actor facet (plus, all-together, the selected actors).
    let mut for_actors = base.clone();
    if let Some(l) = &lang_mask {
        for_actors.and_with(l);
    }
    let mut for_langs = base;
    if let Some(a) = &actor_mask {
        for_langs.and_with(a);
    }
    let mut matches = for_langs.clone();
    if let Some(l) = &lang_mask {
        matches.and_with(l);
    }
    let actor_base = match (&actor_mask, filter.all_actors) {
        (Some(a), true) => {
            let mut b = for_actors.clone();
            b.and_with(a);
            b
        }
        _ => for_actors,
    };
    let actor_counts = corpus
        .by_actor
        .iter()
        .map(|s| actor_base.and_count(s))
        .collect();
    let language_counts = corpus
        .by_language
        .iter()
        .map(|s| for_langs.and_count(s))
        .collect();
    QueryResult {
        matches,
        actor_counts,
        language_counts,
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
