//! What the map needs of every event, worked out once per corpus: each event's place in
//! world units, and how many events each place name has (the labels of busy places come
//! first). The loading worker works both out with the rest of the index ([`locate`]), so a
//! page showing a large corpus does not spend its first frames on them (a million events:
//! about half a second); for a corpus read on the page they are worked out when first
//! asked for.

use super::labels;
use super::viewport;
use crate::corpus::Corpus;
use std::collections::HashMap;
use std::sync::Arc;

/// Each event's place in world units, by event index (`None`: the event has no place).
pub type World = Arc<[Option<(f64, f64)>]>;

/// Works out both for `corpus` and keeps them in it.
pub fn locate(corpus: &mut Corpus) {
    corpus.world = world_of(corpus);
    corpus.place_counts = Some(Arc::new(place_counts_of(corpus)));
}

/// Each event's place in world units: kept in the corpus, or worked out now.
pub fn world(corpus: &Corpus) -> World {
    if corpus.world.len() == corpus.len() {
        corpus.world.clone()
    } else {
        world_of(corpus)
    }
}

/// How many events each place name has: kept in the corpus, or worked out now.
pub fn place_counts(corpus: &Corpus) -> Arc<HashMap<String, usize>> {
    corpus
        .place_counts
        .clone()
        .unwrap_or_else(|| Arc::new(place_counts_of(corpus)))
}

fn world_of(corpus: &Corpus) -> World {
    let w = viewport::world();
    corpus
        .events
        .iter()
        .map(|e| e.place.as_ref().map(|p| w.to_screen(p.lon, p.lat)))
        .collect()
}

fn place_counts_of(corpus: &Corpus) -> HashMap<String, usize> {
    labels::place_counts(
        corpus
            .events
            .iter()
            .filter_map(|e| e.place.as_ref().map(|p| &p.name)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::generate::generate;
    use crate::corpus::validate::Dropped;

    #[test]
    fn kept_or_worked_out_they_are_the_same() {
        let mut c = Corpus::new(generate(300, 5), Dropped::default());
        let (w, counts) = (world(&c), place_counts(&c));
        assert_eq!(w.len(), 300);
        assert!(w
            .iter()
            .all(|p| p.is_some_and(|(x, y)| x.is_finite() && y.is_finite())));
        assert_eq!(counts.values().sum::<usize>(), 300);
        assert!(
            c.world.is_empty() && c.place_counts.is_none(),
            "asking keeps nothing"
        );
        locate(&mut c);
        assert_eq!(c.world, w);
        assert_eq!(c.place_counts.as_deref(), Some(&*counts));
        assert!(
            Arc::ptr_eq(&world(&c), &c.world),
            "kept: shared, not worked out again"
        );
    }

    #[test]
    fn an_event_without_a_place_has_no_position() {
        let mut file = generate(3, 1);
        if let Some(e) = file.events.get_mut(1) {
            e.place = None;
        }
        let mut c = Corpus::new(file, Dropped::default());
        locate(&mut c);
        assert_eq!(c.world.iter().filter(|p| p.is_none()).count(), 1);
        assert_eq!(place_counts(&c).values().sum::<usize>(), 2);
    }
}
