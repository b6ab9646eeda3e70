//! The coverage matrix: events (rows, by date, following the filter) by source language
//! (columns), with column totals. Rows are indices; the view pages through them.

use super::reports::Reports;
use crate::corpus::Corpus;
use crate::query::bitset::Bitset;

/// Most language columns: the most used languages (the reader may pick others with the
/// language filter). A wider table helps no reader, and each column costs drawing time.
pub const MAX_COLUMNS: usize = 8;

/// Which rows the matrix shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rows {
    /// Every matching event.
    #[default]
    All,
    /// Matching events that some column's language covered and another did not.
    Partial,
}

/// The matrix for one filter: columns, rows and totals.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Coverage {
    /// Language indices (into `Corpus::languages`) shown as columns.
    pub columns: Vec<u32>,
    /// Event indices, by date.
    pub rows: Vec<usize>,
    /// Per column: how many rows it covers.
    pub covered: Vec<usize>,
    /// Per column: how many rows it reported first.
    pub first: Vec<usize>,
}

/// The columns: the languages the reader filtered on, else the most used ones, at most
/// [`MAX_COLUMNS`].
pub fn columns(c: &Corpus, chosen: &[String]) -> Vec<u32> {
    let from_filter: Vec<u32> = chosen
        .iter()
        .filter_map(|l| c.language_index(l))
        .filter_map(|l| u32::try_from(l).ok())
        .collect();
    let mut cols = if from_filter.is_empty() {
        (0..c.languages.len())
            .filter_map(|l| u32::try_from(l).ok())
            .collect()
    } else {
        from_filter
    };
    cols.sort_unstable();
    cols.dedup();
    cols.truncate(MAX_COLUMNS);
    cols
}

/// The matrix of `matches` over `columns`. Linear in the matches and their reports: each
/// report finds its column through a table by language, not a search of the columns.
pub fn coverage(reports: &Reports, matches: &Bitset, columns: Vec<u32>, rows: Rows) -> Coverage {
    let mut covered = vec![0usize; columns.len()];
    let mut first = vec![0usize; columns.len()];
    // Language index to column, for the languages that have one.
    let width = columns
        .iter()
        .max()
        .map_or(0, |&m| (m as usize).saturating_add(1));
    let mut column_of = vec![None; width];
    for (k, &l) in columns.iter().enumerate() {
        if let Some(slot) = column_of.get_mut(l as usize) {
            *slot = Some(k);
        }
    }
    let col = |lang: u32| column_of.get(lang as usize).copied().flatten();
    let mut out = Vec::new();
    for e in matches.iter() {
        let of = reports.of(e);
        let hits = of.iter().filter(|r| col(r.lang).is_some()).count();
        let keep = match rows {
            Rows::All => true,
            Rows::Partial => hits > 0 && hits < columns.len(),
        };
        if !keep {
            continue;
        }
        let earliest = reports.earliest(e);
        for r in of {
            let Some(k) = col(r.lang) else {
                continue;
            };
            if let Some(n) = covered.get_mut(k) {
                *n = n.saturating_add(1);
            }
            if earliest.is_some() && r.first == earliest {
                if let Some(n) = first.get_mut(k) {
                    *n = n.saturating_add(1);
                }
            }
        }
        out.push(e);
    }
    Coverage {
        columns,
        rows: out,
        covered,
        first,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse;

    const CORPUS: &str = include_str!("../../../public/corpus.json");

    #[test]
    fn counts_each_language_and_the_first_reports() {
        let (c, _) = parse(CORPUS);
        let r = Reports::new(&c);
        let cols = columns(&c, &["zh".into(), "ru".into(), "en".into()]);
        assert_eq!(cols.len(), 3);
        let all = coverage(&r, &Bitset::full(c.len()), cols.clone(), Rows::All);
        assert_eq!(all.rows.len(), c.len());
        assert!(all.rows.windows(2).all(|w| w[0] < w[1]));
        for (k, &l) in cols.iter().enumerate() {
            let code = &c.languages[l as usize];
            let expected = (0..c.len()).filter(|&e| r.get(e, l).is_some()).count();
            assert_eq!(all.covered[k], expected, "{code}");
            assert_eq!(expected, c.by_language[l as usize].count(), "{code}");
            assert!(all.first[k] <= all.covered[k]);
        }
        // Partial rows: covered by one or two of the three, never none or all.
        let some = coverage(&r, &Bitset::full(c.len()), cols.clone(), Rows::Partial);
        assert!(!some.rows.is_empty() && some.rows.len() < all.rows.len());
        for &e in &some.rows {
            let n = cols.iter().filter(|&&l| r.get(e, l).is_some()).count();
            assert!(n == 1 || n == 2, "{} has {n}", c.events[e].id);
        }
        let zh = cols
            .iter()
            .position(|&l| c.languages[l as usize] == "zh")
            .unwrap();
        let troops = c
            .event_index("kz-2022-01-chinese-media-2500-paratroopers")
            .unwrap();
        assert!(some.rows.contains(&troops));
        assert!(r.get(troops, cols[zh]).is_some());
    }

    #[test]
    fn follows_the_matches_and_defaults_to_every_language() {
        let (c, _) = parse(CORPUS);
        let r = Reports::new(&c);
        let cols = columns(&c, &[]);
        assert_eq!(cols.len(), c.languages.len().min(MAX_COLUMNS));
        let mut m = Bitset::empty(c.len());
        m.insert(3);
        m.insert(7);
        let cov = coverage(&r, &m, cols, Rows::All);
        assert_eq!(cov.rows, vec![3, 7]);
        assert!(cov.covered.iter().sum::<usize>() >= 2);
        // Unknown languages in the filter are ignored; none at all falls back to every language.
        assert_eq!(columns(&c, &["xx".into()]), columns(&c, &[]));
        let empty = coverage(&r, &Bitset::empty(c.len()), vec![], Rows::Partial);
        assert!(empty.rows.is_empty() && empty.covered.is_empty());
    }
}
