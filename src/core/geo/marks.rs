//! How the map draws its marks: their size, the ring of source-language colours around
//! each, the halo of a selected or hovered mark, and the words of its tooltip.

use crate::corpus::Corpus;
use crate::geo::cluster::{Cluster, Frame};
use crate::text::fixed::push_fixed;
use crate::text::i18n::{tn, Key, Lang};
use crate::time::calendar::format_date;
use crate::time::date::PartialDate;
use std::f64::consts::TAU;

/// Distinct language colours; languages past the eighth share the last one.
pub const LANG_SLOTS: usize = 9;

/// CSS class giving the `i`-th source language its colour: the Okabe–Ito palette
/// (distinguishable with the common colour-vision deficiencies), defined in the stylesheet
/// so dark mode can adjust it and no inline style is needed (strict CSP).
pub fn lang_class(i: usize) -> String {
    format!("lang-{}", i.min(LANG_SLOTS - 1))
}

/// The frame marks are clustered in for a map of `width` x `height` pixels.
pub fn frame(width: f64, height: f64) -> Frame {
    Frame {
        width,
        height,
        cell: 34.0,
        inset: 22.0,
        max_clusters: 250,
        // What a mark covers on screen: its circle, its language ring and the ring's stroke.
        radius: |n| ring_radius(n) + 1.5,
    }
}

/// Mark radius for a count of events: grows with the square root, bounded.
pub fn radius(count: usize) -> f64 {
    (5.0 + 2.6 * (count as f64).sqrt()).min(26.0)
}

/// Font size (px) for a count of `chars` characters ("149,091": 7) written inside a mark of
/// radius `r`: the stylesheet's 11 px while it fits, smaller for long counts, never below
/// 7 px. A digit is about 0.62 em wide in the interface's bold sans-serif.
pub fn count_font(chars: usize, r: f64) -> f64 {
    let fits = 1.7 * r / (0.62 * chars.max(1) as f64);
    fits.clamp(7.0, 11.0)
}

/// Radius of an edge marker whose count is `chars` characters long: 11 px, grown so a long
/// count ("12,345") stays inside its circle at 10 px.
pub fn edge_radius(chars: usize) -> f64 {
    (3.4 * chars as f64 + 2.0).max(11.0)
}

/// Radius of the language ring around a mark of `count` events.
pub fn ring_radius(count: usize) -> f64 {
    radius(count) + 2.5
}

/// Radius of the halo drawn around a selected or hovered mark.
pub fn halo_radius(count: usize) -> f64 {
    radius(count) + 5.0
}

/// Appends to `d` an arc of a circle at (`cx`, `cy`) of radius `r` from fraction `f0` to `f1`
/// of a turn (0 = top, clockwise). A full turn is drawn as two halves (SVG cannot draw one).
pub fn arc(d: &mut String, cx: f64, cy: f64, r: f64, f0: f64, f1: f64) {
    if f1 - f0 >= 0.999 {
        arc(d, cx, cy, r, 0.0, 0.5);
        arc(d, cx, cy, r, 0.5, 1.0);
        return;
    }
    let p = |f: f64| {
        let a = f * TAU - TAU / 4.0;
        (cx + r * a.cos(), cy + r * a.sin())
    };
    let (x0, y0) = p(f0);
    let (x1, y1) = p(f1);
    // Written with integers, not the float formatter: rings are drawn by the hundred.
    d.push('M');
    push_fixed(d, x0, 1);
    d.push(' ');
    push_fixed(d, y0, 1);
    d.push('A');
    push_fixed(d, r, 1);
    d.push(' ');
    push_fixed(d, r, 1);
    d.push_str(if f1 - f0 > 0.5 { " 0 1 1 " } else { " 0 0 1 " });
    push_fixed(d, x1, 1);
    d.push(' ');
    push_fixed(d, y1, 1);
}

/// How many of `members` have a source in each language slot (an event with sources in
/// two languages counts in both). `lang_bits` holds each event's languages as bits.
pub fn language_mix(lang_bits: &[u32], members: &[u32], slots: usize) -> Vec<usize> {
    let mut counts = vec![0usize; slots];
    let last = slots.saturating_sub(1);
    for bits in members.iter().filter_map(|&i| lang_bits.get(i as usize)) {
        let mut bits = *bits;
        while bits != 0 {
            if let Some(n) = counts.get_mut((bits.trailing_zeros() as usize).min(last)) {
                *n += 1;
            }
            bits &= bits - 1;
        }
    }
    counts
}

/// One SVG path per language slot (at most `languages`, at most [`LANG_SLOTS`]): the arcs
/// of every cluster's ring that belong to that language, in proportion to its share.
pub fn ring_paths(clusters: &[Cluster], lang_bits: &[u32], languages: usize) -> Vec<String> {
    let slots = languages.min(LANG_SLOTS);
    let mut paths = vec![String::new(); slots];
    for cl in clusters {
        let counts = language_mix(lang_bits, &cl.members, slots);
        let total: usize = counts.iter().sum();
        if total == 0 {
            continue;
        }
        let r = ring_radius(cl.members.len());
        let mut f = 0.0;
        for (path, &n) in paths.iter_mut().zip(&counts) {
            if n > 0 {
                let f1 = f + n as f64 / total as f64;
                arc(path, cl.x, cl.y, r, f, f1);
                f = f1;
            }
        }
    }
    paths
}

/// Where a mark's tooltip points: just above the mark.
pub fn tooltip_anchor(cluster: &Cluster) -> (f64, f64) {
    (cluster.x, cluster.y - radius(cluster.members.len()) - 6.0)
}

/// Whether two sorted index lists share a member (searching the shorter in the longer).
pub fn intersects(a: &[u32], b: &[u32]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.iter().any(|x| long.binary_search(x).is_ok())
}

/// A mark's tooltip, line by line, which is also its accessible name: the place, then the
/// date and title of a single event, or how many events are there. `date` and `count` write
/// a date and "N events" (the shell's go through `ui/intl.rs`; [`core_words`] the core's).
pub fn tooltip(
    corpus: &Corpus,
    members: &[u32],
    lang: Lang,
    date: &dyn Fn(&PartialDate) -> String,
    count: &dyn Fn(usize) -> String,
) -> Vec<String> {
    let Some(first) = members.first().and_then(|&i| corpus.events.get(i as usize)) else {
        return Vec::new();
    };
    let place = first
        .place
        .as_ref()
        .map_or(String::new(), |p| p.name.get(lang.code()).to_string());
    if members.len() == 1 {
        vec![
            place,
            date(&first.date),
            first.title.get(lang.code()).to_string(),
        ]
    } else {
        vec![place, count(members.len())]
    }
}

/// The core's date and count writers for [`tooltip`], in `lang`.
pub fn core_words(lang: Lang) -> (impl Fn(&PartialDate) -> String, impl Fn(usize) -> String) {
    (
        move |d: &PartialDate| format_date(lang, d),
        move |n: usize| tn(lang, Key::EventsHere, n as u64, &[]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_fit_inside_their_marks() {
        // Short counts keep the stylesheet's size.
        assert_eq!(count_font(2, radius(15)), 11.0);
        // The widest a mark gets (26 px) holds a million-event count, grouped, in bold.
        for (n, text) in [(149_091, "149,091"), (1_000_000, "1,000,000")] {
            let r = radius(n);
            let size = count_font(text.chars().count(), r);
            let width = 0.62 * size * text.chars().count() as f64;
            assert!(
                width <= 2.0 * r * 0.86 || size == 7.0,
                "{text}: {width} in {r}"
            );
            assert!((7.0..11.0).contains(&size), "{text}: {size}");
        }
        // Edge markers grow instead: "10,296" at 10 px fits its circle.
        let r = edge_radius("10,296".len());
        assert!(0.62 * 10.0 * 6.0 <= 2.0 * r * 0.9, "{r}");
        assert_eq!(edge_radius(2), 11.0);
    }

    #[test]
    fn arcs_are_written_as_the_formatter_wrote_them() {
        use std::fmt::Write;
        let before = |cx: f64, cy: f64, r: f64, f0: f64, f1: f64| {
            let p = |f: f64| {
                let a = f * TAU - TAU / 4.0;
                (cx + r * a.cos(), cy + r * a.sin())
            };
            let ((x0, y0), (x1, y1)) = (p(f0), p(f1));
            let large = u8::from(f1 - f0 > 0.5);
            let mut d = String::new();
            let _ = write!(
                d,
                "M{x0:.1} {y0:.1}A{r:.1} {r:.1} 0 {large} 1 {x1:.1} {y1:.1}"
            );
            d
        };
        for i in 0..2_000 {
            let (cx, cy, r) = (
                i as f64 * 0.731 - 40.0,
                i as f64 * 0.377,
                4.0 + (i % 17) as f64 * 0.55,
            );
            let (f0, f1) = (
                (i % 7) as f64 / 9.0,
                (i % 7) as f64 / 9.0 + (i % 5) as f64 / 6.0 + 0.01,
            );
            let mut d = String::new();
            arc(&mut d, cx, cy, r, f0, f1);
            assert_eq!(d, before(cx, cy, r, f0, f1), "{i}");
        }
    }

    #[test]
    fn marks_grow_with_the_square_root_and_stop() {
        assert_eq!(radius(0), 5.0);
        assert!(radius(4) > radius(1) && radius(16) > radius(4));
        assert_eq!(radius(1_000_000), 26.0);
        assert!(ring_radius(1) > radius(1) && halo_radius(1) > ring_radius(1));
        assert_eq!(lang_class(3), "lang-3");
        assert_eq!(lang_class(40), "lang-8");
    }

    #[test]
    fn arcs_go_clockwise_from_the_top_and_a_full_turn_is_two_halves() {
        let mut d = String::new();
        arc(&mut d, 0.0, 0.0, 10.0, 0.0, 0.25);
        assert_eq!(d, "M0.0 -10.0A10.0 10.0 0 0 1 10.0 0.0");
        let mut full = String::new();
        arc(&mut full, 0.0, 0.0, 10.0, 0.0, 1.0);
        assert_eq!(full.matches('A').count(), 2);
        let mut big = String::new();
        arc(&mut big, 0.0, 0.0, 10.0, 0.0, 0.75);
        assert!(
            big.contains(" 0 1 1 "),
            "more than half a turn sets the large-arc flag"
        );
    }

    #[test]
    fn the_language_mix_counts_each_language_of_each_event() {
        // Event 0: languages 0 and 1; event 1: language 1; event 2: language 12 (shared slot).
        let bits = [0b11, 0b10, 1 << 12];
        assert_eq!(language_mix(&bits, &[0, 1], 3), vec![1, 2, 0]);
        assert_eq!(language_mix(&bits, &[2], 3), vec![0, 0, 1]);
        assert_eq!(
            language_mix(&bits, &[9], 3),
            vec![0, 0, 0],
            "unknown events are skipped"
        );
    }

    #[test]
    fn rings_split_in_proportion() {
        let cl = Cluster {
            x: 50.0,
            y: 50.0,
            members: vec![0, 1, 2, 3],
        };
        let bits = [0b1, 0b1, 0b1, 0b10];
        let paths = ring_paths(&[cl], &bits, 2);
        assert_eq!(paths.len(), 2);
        assert!(paths.iter().all(|p| p.starts_with('M')));
        // Three quarters for the first language: the large-arc flag is set on it only.
        assert!(paths[0].contains(" 0 1 1 ") && paths[1].contains(" 0 0 1 "));
        assert_eq!(ring_paths(&[], &bits, 20).len(), LANG_SLOTS);
    }

    #[test]
    fn intersects_sorted_lists() {
        assert!(intersects(&[1, 5, 9], &[9]));
        assert!(!intersects(&[1, 5, 9], &[2, 4, 6, 8]));
        assert!(!intersects(&[], &[1]));
    }

    #[test]
    fn tooltips_name_the_place_and_the_event_or_the_count() {
        let (c, _) = crate::corpus::parse(include_str!("../../../tests/fixtures/small.json"));
        let (en_date, en_count) = core_words(Lang::En);
        let (ru_date, ru_count) = core_words(Lang::Ru);
        let one = tooltip(&c, &[0], Lang::En, &en_date, &en_count);
        assert_eq!(one.len(), 3);
        assert_eq!(one[2], c.events[0].title.get("en"));
        let two = tooltip(&c, &[0, 1], Lang::Ru, &ru_date, &ru_count);
        assert_eq!(two.len(), 2);
        assert_eq!(two[1], "2 события");
        assert!(tooltip(&c, &[], Lang::En, &en_date, &en_count).is_empty());
        let cl = Cluster {
            x: 10.0,
            y: 50.0,
            members: vec![0],
        };
        assert_eq!(tooltip_anchor(&cl), (10.0, 50.0 - radius(1) - 6.0));
    }
}
