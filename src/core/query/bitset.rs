//! A fixed-size bit set over event indices: filtering yields indices, never copies of events.

/// A set of indices `0..len`, one bit each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bitset {
    words: Vec<u64>,
    len: usize,
}

impl Bitset {
    /// The empty set over `0..len`.
    pub fn empty(len: usize) -> Self {
        Bitset {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    /// The full set `0..len`.
    pub fn full(len: usize) -> Self {
        let mut b = Bitset {
            words: vec![u64::MAX; len.div_ceil(64)],
            len,
        };
        b.trim();
        b
    }

    /// The indices `from..to` (clamped to `0..len`).
    #[cfg(test)]
    pub fn range(len: usize, from: usize, to: usize) -> Self {
        let mut b = Self::empty(len);
        for i in from.min(len)..to.min(len) {
            b.insert(i);
        }
        b
    }

    fn trim(&mut self) {
        if !self.len.is_multiple_of(64) {
            if let Some(last) = self.words.last_mut() {
                *last &= (1u64 << (self.len % 64)) - 1;
            }
        }
    }

    /// The size of the universe, not the number of members.
    pub fn universe(&self) -> usize {
        self.len
    }

    /// Adds `i` (ignored when out of range).
    pub fn insert(&mut self, i: usize) {
        if i < self.len {
            if let Some(w) = self.words.get_mut(i / 64) {
                *w |= 1 << (i % 64);
            }
        }
    }

    /// Whether `i` is a member.
    pub fn contains(&self, i: usize) -> bool {
        i < self.len
            && self
                .words
                .get(i / 64)
                .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// Number of members.
    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Keeps only members also in `other`.
    pub fn and_with(&mut self, other: &Bitset) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    /// Adds every member of `other`.
    pub fn or_with(&mut self, other: &Bitset) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    /// Size of the intersection, without building it.
    pub fn and_count(&self, other: &Bitset) -> usize {
        self.words
            .iter()
            .zip(&other.words)
            .map(|(a, b)| (a & b).count_ones() as usize)
            .sum()
    }

    /// Members in increasing order.
    pub fn iter(&self) -> Ones<'_> {
        Ones {
            words: &self.words,
            next: 0,
            base: 0,
            word: 0,
            left: self.count(),
        }
    }
}

/// The members of a [`Bitset`] in increasing order. It knows how many are left, so what
/// collects them allocates once and the empty words after the last member are never read.
pub struct Ones<'a> {
    /// The words not yet started, the first of them standing for indices from `next`.
    words: &'a [u64],
    next: usize,
    /// The members of the current word not yet returned, which starts at index `base`.
    word: u64,
    base: usize,
    left: usize,
}

impl Iterator for Ones<'_> {
    type Item = usize;

    // Forced: at the size-first optimisation of release builds it was a call per member.
    #[inline(always)]
    fn next(&mut self) -> Option<usize> {
        if self.left == 0 {
            return None;
        }
        while self.word == 0 {
            let (&first, rest) = self.words.split_first()?;
            self.word = first;
            self.words = rest;
            self.base = self.next;
            self.next += 64;
        }
        let t = self.word.trailing_zeros() as usize;
        self.word &= self.word - 1;
        self.left -= 1;
        Some(self.base + t)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Ones<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_operations() {
        let mut a = Bitset::range(130, 10, 100);
        assert_eq!(a.count(), 90);
        let b = Bitset::range(130, 50, 130);
        assert_eq!(a.and_count(&b), 50);
        a.and_with(&b);
        assert_eq!(a.iter().collect::<Vec<_>>(), (50..100).collect::<Vec<_>>());
        a.or_with(&Bitset::range(130, 0, 2));
        assert!(a.contains(0) && a.contains(1) && !a.contains(2) && !a.contains(500));
        assert_eq!(Bitset::full(130).count(), 130);
        assert_eq!(Bitset::full(128).count(), 128);
        assert_eq!(Bitset::empty(0).count(), 0);
        assert_eq!(Bitset::full(70).iter().last(), Some(69));
        // The iterator knows how many members are left at every step.
        let sparse = Bitset::range(1000, 130, 133);
        let mut it = sparse.iter();
        assert_eq!(it.len(), 3);
        assert_eq!(it.next(), Some(130));
        assert_eq!(it.len(), 2);
        assert_eq!(it.collect::<Vec<_>>(), vec![131, 132]);
        assert_eq!(Bitset::empty(1000).iter().next(), None);
    }
}
