//! Per-event lists and texts stored flat: every event's items one after another in one
//! buffer, with where each event's run ends.
//!
//! A `Vec<Vec<u32>>` or `Vec<String>` costs a 24-byte header and a heap block of its own per
//! event (and the allocator's overhead on each block); at a million events that is tens of
//! megabytes of headers and millions of allocations. Flat, an event costs its items and one
//! `u32` end. Ends are `u32`: a corpus holds at most a few hundred MB file's worth of references and
//! search text, far below 4 GiB; an item that would not fit is not stored (its event's run
//! stays short) rather than wrapping.
#![cfg_attr(not(test), deny(clippy::arithmetic_side_effects))]

use super::wire::{Reader, Wire};
use memchr::memmem;

/// A list of `u32` per entry (an event's actors, its sources), flat.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lists {
    items: Vec<u32>,
    /// Per entry: one past its last item in `items` (its first is the previous entry's end).
    ends: Vec<u32>,
}

impl Lists {
    /// Room for `entries` entries of `items` items in all, reserved up front.
    pub fn with_capacity(entries: usize, items: usize) -> Self {
        Lists {
            items: Vec::with_capacity(items),
            ends: Vec::with_capacity(entries),
        }
    }

    /// Appends an entry holding `items`.
    pub fn push(&mut self, items: &[u32]) {
        let end = self.items.len().saturating_add(items.len());
        if u32::try_from(end).is_ok() {
            self.items.extend_from_slice(items);
        }
        self.ends
            .push(u32::try_from(self.items.len()).unwrap_or(u32::MAX));
    }

    /// The items of entry `i` (none past the last entry).
    pub fn get(&self, i: usize) -> &[u32] {
        let start = match i.checked_sub(1) {
            None => 0,
            Some(p) => self.ends.get(p).map_or(usize::MAX, |&e| e as usize),
        };
        let end = self.ends.get(i).map_or(0, |&e| e as usize);
        self.items.get(start..end).unwrap_or_default()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Every entry's items, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[u32]> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Every item of every entry.
    pub fn items(&self) -> &[u32] {
        &self.items
    }

    /// Appends every entry of `other`.
    pub fn extend(&mut self, other: &Lists) {
        let Some(base) = fits(self.items.len(), other.items.len()) else {
            return other.iter().for_each(|l| self.push(l));
        };
        self.items.extend_from_slice(&other.items);
        self.ends
            .extend(other.ends.iter().map(|&e| e.saturating_add(base)));
    }

    /// Entries `range` (clamped to those there are) as lists of their own.
    pub fn slice(&self, range: std::ops::Range<usize>) -> Lists {
        let end = range.end.min(self.len());
        let mut out = Lists::default();
        for i in range.start.min(end)..end {
            out.push(self.get(i));
        }
        out
    }

    /// Gives back memory reserved beyond what is held.
    pub fn shrink_to_fit(&mut self) {
        self.items.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

impl<T: AsRef<[u32]>> FromIterator<T> for Lists {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut out = Lists::default();
        for l in iter {
            out.push(l.as_ref());
        }
        out
    }
}

/// A text per entry (an event's folded search text), flat.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Texts {
    text: String,
    /// Per entry: one past its last byte in `text`.
    ends: Vec<u32>,
}

impl Texts {
    /// Room for `entries` entries of `bytes` bytes in all, reserved up front.
    pub fn with_capacity(entries: usize, bytes: usize) -> Self {
        Texts {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(entries),
        }
    }

    /// Appends an entry holding `s`.
    pub fn push(&mut self, s: &str) {
        self.push_with(|out| out.push_str(s));
    }

    /// Appends an entry holding what `write` appends to the buffer (it must only append),
    /// so a text can be built in place without a string of its own.
    pub fn push_with(&mut self, write: impl FnOnce(&mut String)) {
        let start = self.text.len();
        write(&mut self.text);
        if u32::try_from(self.text.len()).is_err() {
            self.text.truncate(start);
        }
        self.ends
            .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
    }

    /// The text of entry `i` ("" past the last entry).
    pub fn get(&self, i: usize) -> &str {
        let start = match i.checked_sub(1) {
            None => 0,
            Some(p) => self.ends.get(p).map_or(usize::MAX, |&e| e as usize),
        };
        let end = self.ends.get(i).map_or(0, |&e| e as usize);
        self.text.get(start..end).unwrap_or_default()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Every entry's text, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Calls `found` with each entry, in order, whose text holds what `finder` looks for:
    /// one pass over all the entries' text with one searcher, not a search per entry. A
    /// match running from one entry's text into the next counts for neither.
    pub fn each_containing(&self, finder: &memmem::Finder<'_>, mut found: impl FnMut(usize)) {
        let text = self.text.as_bytes();
        let len = finder.needle().len();
        let (mut from, mut entry) = (0usize, 0usize);
        while let Some(at) = text.get(from..).and_then(|rest| finder.find(rest)) {
            let at = from.saturating_add(at);
            // The entry holding the match's first byte (empty entries end where they start).
            while self.ends.get(entry).is_some_and(|&e| e as usize <= at) {
                entry = entry.saturating_add(1);
            }
            let Some(&end) = self.ends.get(entry) else {
                break;
            };
            let end = end as usize;
            if at.saturating_add(len) <= end {
                found(entry);
            }
            // Either way the rest of this entry holds nothing new: found already, or any
            // later match in it would cross into the next entry too.
            from = end;
        }
    }

    /// Bytes of text, all entries together.
    pub fn bytes(&self) -> usize {
        self.text.len()
    }

    /// Appends every entry of `other`.
    pub fn extend(&mut self, other: &Texts) {
        let Some(base) = fits(self.text.len(), other.text.len()) else {
            return other.iter().for_each(|t| self.push(t));
        };
        self.text.push_str(&other.text);
        self.ends
            .extend(other.ends.iter().map(|&e| e.saturating_add(base)));
    }

    /// Entries `range` (clamped to those there are) as texts of their own.
    pub fn slice(&self, range: std::ops::Range<usize>) -> Texts {
        let end = range.end.min(self.len());
        let mut out = Texts::default();
        for i in range.start.min(end)..end {
            out.push(self.get(i));
        }
        out
    }

    /// Gives back memory reserved beyond what is held.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

impl<T: AsRef<str>> FromIterator<T> for Texts {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut out = Texts::default();
        for t in iter {
            out.push(t.as_ref());
        }
        out
    }
}

/// `base` as a `u32`, if `base + more` items still have `u32` ends (else entries are
/// appended one by one, those that do not fit left empty).
fn fits(base: usize, more: usize) -> Option<u32> {
    u32::try_from(base.checked_add(more)?).ok()?;
    u32::try_from(base).ok()
}

/// Each entry's length, then all the items: lengths are short varints where ends would
/// grow, and they cannot point out of place.
fn lengths(ends: &[u32]) -> Vec<u32> {
    let mut start = 0u32;
    ends.iter()
        .map(|&e| {
            let len = e.saturating_sub(start);
            start = e;
            len
        })
        .collect()
}

/// Ends from lengths, if they add up to exactly `total`.
fn ends(lengths: Vec<u32>, total: usize) -> Option<Vec<u32>> {
    let mut end = 0u32;
    let mut out = lengths;
    for l in &mut out {
        end = end.checked_add(*l)?;
        *l = end;
    }
    (end as usize == total).then_some(out)
}

impl Wire for Lists {
    fn put(&self, out: &mut Vec<u8>) {
        lengths(&self.ends).put(out);
        self.items.put(out);
    }
    fn take(r: &mut Reader<'_>) -> Option<Self> {
        let lengths: Vec<u32> = Wire::take(r)?;
        let items: Vec<u32> = Wire::take(r)?;
        let ends = ends(lengths, items.len())?;
        Some(Lists { items, ends })
    }
}

impl Wire for Texts {
    fn put(&self, out: &mut Vec<u8>) {
        lengths(&self.ends).put(out);
        self.text.put(out);
    }
    fn take(r: &mut Reader<'_>) -> Option<Self> {
        let lengths: Vec<u32> = Wire::take(r)?;
        let text: String = Wire::take(r)?;
        let ends = ends(lengths, text.len())?;
        // Every entry must be text on its own, not cut inside a character.
        ends.iter()
            .all(|&e| text.is_char_boundary(e as usize))
            .then_some(Texts { text, ends })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::wire::{decode, encode};

    #[test]
    fn a_search_counts_a_match_only_within_one_entry() {
        let texts: Texts = ["xa", "", "aab", "ba", "a", "", "aa"].into_iter().collect();
        let found = |needle: &str| {
            let finder = memmem::Finder::new(needle);
            let mut out = Vec::new();
            texts.each_containing(&finder, |i| out.push(i));
            out
        };
        // "xa|aab": the first "aa" runs across two entries; the one inside "aab" counts.
        assert_eq!(found("aa"), [2, 6]);
        assert_eq!(found("a"), [0, 2, 3, 4, 6]);
        assert_eq!(found("ab"), [2]);
        // "ba|a" and "a|aa" are across entries only.
        assert_eq!(found("baa"), Vec::<usize>::new());
        assert_eq!(found("aaa"), Vec::<usize>::new());
        assert_eq!(found("x"), [0]);
        let none = Texts::default();
        none.each_containing(&memmem::Finder::new("a"), |_| panic!("no entries"));
    }

    #[test]
    fn a_search_finds_what_searching_each_entry_finds() {
        // Short entries of a few letters, some of several bytes, so that matches often
        // run across entries and start mid-way through one another.
        let letters = ["a", "b", "ё", "я", "中", "文", " "];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..200 {
            let entries: Vec<String> = (0..next(12))
                .map(|_| (0..next(5)).map(|_| letters[next(letters.len())]).collect())
                .collect();
            let texts: Texts = entries.iter().collect();
            for _ in 0..10 {
                let needle: String = (0..1 + next(3))
                    .map(|_| letters[next(letters.len())])
                    .collect();
                let mut got = Vec::new();
                texts.each_containing(&memmem::Finder::new(&needle), |i| got.push(i));
                let want: Vec<usize> = (0..entries.len())
                    .filter(|&i| entries[i].contains(needle.as_str()))
                    .collect();
                assert_eq!(got, want, "{needle:?} in {entries:?}");
            }
        }
    }

    #[test]
    fn entries_come_back_as_pushed() {
        let lists: Vec<Vec<u32>> = vec![vec![], vec![1, 2], vec![], vec![3], vec![4, 5, 6]];
        let l: Lists = lists.iter().collect();
        assert_eq!(l.len(), 5);
        assert_eq!(l.iter().map(<[u32]>::to_vec).collect::<Vec<_>>(), lists);
        assert_eq!(l.get(5), &[] as &[u32]);
        assert_eq!(l.get(usize::MAX), &[] as &[u32]);
        assert_eq!(l.slice(1..4), lists[1..4].iter().collect());
        assert_eq!(l.slice(3..99), lists[3..].iter().collect());
        let mut joined = l.slice(0..2);
        joined.extend(&l.slice(2..5));
        assert_eq!(joined, l);
        assert_eq!(decode::<Lists>(&encode(&l)), Some(l));

        let texts = ["", "ab", "дом", "", "x\u{1}y"];
        let t: Texts = texts.iter().collect();
        assert_eq!(t.iter().collect::<Vec<_>>(), texts);
        assert_eq!(t.get(9), "");
        assert_eq!(t.bytes(), texts.iter().map(|s| s.len()).sum::<usize>());
        let mut joined = t.slice(0..3);
        joined.extend(&t.slice(3..9));
        assert_eq!(joined, t);
        assert_eq!(decode::<Texts>(&encode(&t)), Some(t));
    }

    #[test]
    fn bytes_that_do_not_add_up_are_refused() {
        // Lengths summing past the items, short of them, overflowing.
        for (lengths, items) in [
            (vec![1u32, 2], vec![7u32, 8]),
            (vec![1], vec![7, 8]),
            (vec![u32::MAX, 2], vec![7]),
        ] {
            let mut b = encode(&lengths);
            b.extend(encode(&items));
            assert_eq!(decode::<Lists>(&b), None);
        }
        // A text cut inside a character.
        let mut b = encode(&vec![1u32, 1]);
        b.extend(encode(&"д".to_string()));
        assert_eq!(decode::<Texts>(&b), None);
        let bytes = encode(&["a", "bc", "дом"].iter().collect::<Texts>());
        for cut in 0..bytes.len() {
            assert_eq!(decode::<Texts>(bytes.get(..cut).unwrap_or_default()), None);
        }
    }
}
