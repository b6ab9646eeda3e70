//! Claims grouped by the question they answer, so competing answers sit side by side.

use crate::corpus::Corpus;
use crate::query::bitset::Bitset;

/// One question and the events that answer it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dispute {
    /// Index into `Corpus::questions`.
    pub question: usize,
    /// Events answering it, by date (indices into `Corpus::events`).
    pub answers: Vec<usize>,
}

/// Per question (same order as `Corpus::questions`): the events that answer it, by date.
/// Built once per corpus; linear in the events.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Questions {
    answers: Vec<Vec<usize>>,
    /// Per event: the question it answers, if any.
    of_event: Vec<Option<usize>>,
}

impl Questions {
    /// Groups the corpus's claim events by question. Claims naming a question the corpus
    /// lacks (the validator rejects them, so only a hand-built corpus has them) are ignored.
    pub fn new(c: &Corpus) -> Self {
        let ix: std::collections::HashMap<&str, usize> = c
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), i))
            .collect();
        let mut answers = vec![Vec::new(); c.questions.len()];
        let mut of_event = Vec::with_capacity(c.events.len());
        for (i, e) in c.events.iter().enumerate() {
            let q = e
                .claim
                .as_ref()
                .and_then(|cl| cl.question.as_deref())
                .and_then(|id| ix.get(id).copied());
            if let Some(list) = q.and_then(|q| answers.get_mut(q)) {
                list.push(i);
            }
            of_event.push(q);
        }
        Questions { answers, of_event }
    }

    /// The question `event` answers, if any.
    pub fn of(&self, event: usize) -> Option<usize> {
        self.of_event.get(event).copied().flatten()
    }

    /// Every event answering question `q`, by date.
    pub fn answers(&self, q: usize) -> &[usize] {
        self.answers.get(q).map_or(&[], Vec::as_slice)
    }

    /// The other answers to the question `event` answers (none if it answers none).
    pub fn others(&self, event: usize) -> Vec<usize> {
        self.of(event)
            .map(|q| {
                self.answers(q)
                    .iter()
                    .copied()
                    .filter(|&e| e != event)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The questions with at least one answer among `matches` (all answers kept, so the
    /// comparison stays whole), sorted by the date of their first answer.
    pub fn disputes(&self, matches: &Bitset) -> Vec<Dispute> {
        let mut out: Vec<Dispute> = self
            .answers
            .iter()
            .enumerate()
            .filter(|(_, a)| a.iter().any(|&e| matches.contains(e)))
            .map(|(question, a)| Dispute {
                question,
                answers: a.clone(),
            })
            .collect();
        // Events are sorted by date, so the first answer's index orders by its date.
        out.sort_by_key(|d| (d.answers.first().copied().unwrap_or(usize::MAX), d.question));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse;

    const CORPUS: &str = include_str!("../../../public/corpus.json");

    fn ids(c: &Corpus, events: &[usize]) -> Vec<String> {
        events.iter().map(|&e| c.events[e].id.clone()).collect()
    }

    #[test]
    fn groups_the_troop_figures_in_date_order() {
        let (c, _) = parse(CORPUS);
        let q = Questions::new(&c);
        let troops = c
            .questions
            .iter()
            .position(|q| q.id == "csto-troop-numbers")
            .unwrap();
        assert_eq!(
            ids(&c, q.answers(troops)),
            [
                "kz-2022-01-chinese-media-2500-paratroopers",
                "kz-2022-01-10-tokayev-2030-troops",
                "kz-2022-01-16-sputnik-csto-3600"
            ]
        );
        let tokayev = c.event_index("kz-2022-01-10-tokayev-2030-troops").unwrap();
        assert_eq!(q.of(tokayev), Some(troops));
        assert_eq!(
            ids(&c, &q.others(tokayev)),
            [
                "kz-2022-01-chinese-media-2500-paratroopers",
                "kz-2022-01-16-sputnik-csto-3600"
            ]
        );
        let plain = c
            .event_index("kz-2022-01-09-blog-ukraine-readiness")
            .unwrap();
        assert_eq!((q.of(plain), q.others(plain)), (None, vec![]));
    }

    #[test]
    fn disputes_follow_the_matches_and_sort_by_first_answer() {
        let (c, _) = parse(CORPUS);
        let q = Questions::new(&c);
        let all = q.disputes(&Bitset::full(c.len()));
        assert_eq!(all.len(), c.questions.len());
        let firsts: Vec<usize> = all.iter().map(|d| d.answers[0]).collect();
        assert!(firsts.windows(2).all(|w| w[0] <= w[1]), "{firsts:?}");
        // Only the 3,600 claim matches: the troop question stays, with all three answers.
        let mut one = Bitset::empty(c.len());
        one.insert(c.event_index("kz-2022-01-16-sputnik-csto-3600").unwrap());
        let d = q.disputes(&one);
        assert_eq!(d.len(), 1);
        assert_eq!(c.questions[d[0].question].id, "csto-troop-numbers");
        assert_eq!(d[0].answers.len(), 3);
        assert!(q.disputes(&Bitset::empty(c.len())).is_empty());
    }

    #[test]
    fn a_corpus_without_questions_has_no_disputes() {
        let (c, _) = parse(include_str!("../../../tests/fixtures/small.json"));
        let q = Questions::new(&c);
        assert!(q.disputes(&Bitset::full(c.len())).is_empty());
        assert!(q.others(0).is_empty());
    }
}
