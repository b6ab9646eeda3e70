//! The timeline's layout: its default frame, the density strip's bins and path, and the
//! lanes its marks are packed into. Pure geometry in pixels; the shell only draws it.

use crate::query::bitset::Bitset;
use crate::text::fixed::{fixed, push_fixed};
use crate::text::lang::Lang;
use crate::time::date::{Precision, DAY_MINUTES};
use crate::time::time_scale::TimeScale;

/// Space left and right of the axis.
pub const MARGIN: f64 = 14.0;
/// Top of the first lane of marks.
pub const LANE_TOP: f64 = 10.0;
/// Height of one lane.
pub const LANE_H: f64 = 11.0;
/// Lanes marks are packed into: at least this many (the timeline's usual height)…
pub const MIN_LANES: usize = 8;
/// …and at most this many (a crowded day grows the timeline rather than hiding marks).
pub const MAX_LANES: usize = 16;
/// Height of the density strip.
pub const STRIP_H: f64 = 34.0;
/// Individual marks are drawn only when this few events are in view; the strip shows the rest.
pub const MAX_MARKS: usize = 400;
/// Width of one density bin, in pixels.
pub const BIN_W: f64 = 4.0;

/// Roughly how many pixels apart axis ticks are.
pub const TICK_SPACING: f64 = 90.0;

/// One tick of the axis: where, and its label unless it would run past the right edge.
#[derive(Debug, Clone, PartialEq)]
pub struct AxisTick {
    pub x: f64,
    pub label: Option<String>,
}

/// The axis ticks for a timeline `width` px wide, labelled in `lang`. A label is about 7 px
/// a character; one that would run past the right edge is left out (its tick line stays).
pub fn axis_ticks(scale: &TimeScale, width: f64, lang: Lang) -> Vec<AxisTick> {
    let n = ((width - 2.0 * MARGIN) / TICK_SPACING).max(2.0) as usize;
    scale
        .ticks(n, lang)
        .into_iter()
        .map(|t| {
            let fits = t.x + 3.0 + 7.0 * t.label.chars().count() as f64 <= width;
            AxisTick {
                x: t.x,
                label: fits.then_some(t.label),
            }
        })
        .collect()
}

/// The timeline's vertical layout for a number of lanes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    pub lanes: usize,
}

impl Default for Geometry {
    fn default() -> Self {
        Geometry { lanes: MIN_LANES }
    }
}

impl Geometry {
    /// Top of the density strip (presses below it brush instead of panning).
    pub fn strip_top(&self) -> f64 {
        LANE_TOP + self.lanes as f64 * LANE_H + 6.0
    }

    /// Where the axis line and its labels sit.
    pub fn axis_y(&self) -> f64 {
        self.strip_top() + STRIP_H + 2.0
    }

    /// Height of the whole drawing.
    pub fn height(&self) -> f64 {
        self.axis_y() + 28.0
    }
}

/// The default frame for events with these (start, end) minute spans: where most of them
/// are (5th to 95th percentile of their midpoints, padded), so a few year-long spans do not
/// squeeze a month of daily events into a corner.
pub fn default_frame(spans: impl IntoIterator<Item = (i64, i64)>) -> (f64, f64) {
    let mut mids: Vec<f64> = spans
        .into_iter()
        .map(|(a, b)| (a as f64 + b as f64) / 2.0)
        .collect();
    // Two order statistics, each found in linear time: sorting every event's midpoint
    // showed in the first render of a large corpus.
    let mut pick = |q: f64| {
        let k = ((mids.len() as f64 - 1.0) * q).round() as usize;
        if k >= mids.len() {
            return None;
        }
        mids.select_nth_unstable_by(k, f64::total_cmp);
        mids.get(k).copied()
    };
    let day = DAY_MINUTES as f64;
    let (a, b) = match (pick(0.05), pick(0.95)) {
        (Some(a), Some(b)) if b > a => (a, b),
        (Some(a), _) => (a - day, a + day),
        _ => (0.0, day),
    };
    let pad = ((b - a) * 0.08).max(60.0);
    (a - pad, b + pad)
}

/// The density strip: for every bin, how much of the events in view fall there (`all`) and
/// how much of those matching every filter (`hit`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Density {
    pub all: Vec<f64>,
    pub hit: Vec<f64>,
}

impl Density {
    /// The strip of the events `in_view`, darker where they are in `matches`. `all` is their
    /// bars ([`Placed::spread`] of `in_view`), kept by the caller per frame and filter:
    /// playing or brushing through time changes only which of them match. Each event adds
    /// one unit spread over the bins its span covers, so a month-precision event is a low
    /// plateau over its month, not a spike on an invented day.
    pub fn counted(placed: &Placed, all: Vec<f64>, in_view: &Bitset, matches: &Bitset) -> Self {
        // Without a time range every event in view matches: the same bars twice.
        let hit = if in_view.and_count(matches) == in_view.count() {
            all.clone()
        } else {
            let mut both = in_view.clone();
            both.and_with(matches);
            placed.spread(&both)
        };
        Density { all, hit }
    }

    /// SVG path data for `bins`, as bars scaled against the fullest bin of `all`, standing
    /// on the strip of `geometry`. Square-root heights keep a lone event visible beside a
    /// burst of thousands.
    pub fn path(&self, bins: &[f64], geometry: Geometry) -> String {
        let max = self.all.iter().copied().fold(1e-9, f64::max);
        // Fixed decimals written with integers: the general float formatter showed in
        // the first render.
        let bar = fixed(BIN_W * 0.8, 1);
        let mut d = String::new();
        for (k, &n) in bins.iter().enumerate() {
            if n > 0.0 {
                let h = (n / max).sqrt() * STRIP_H;
                d.push('M');
                push_fixed(&mut d, MARGIN + k as f64 * BIN_W, 1);
                d.push(' ');
                push_fixed(&mut d, geometry.strip_top() + STRIP_H - h, 1);
                d.push('h');
                d.push_str(&bar);
                d.push('v');
                push_fixed(&mut d, h, 1);
                d.push_str("h-");
                d.push_str(&bar);
                d.push('Z');
            }
        }
        d
    }
}

/// Each event's first and last bins on the density strip at one scale and width (beyond
/// the strip's ends where its span is), worked out once per frame.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Placed {
    /// How many bins the strip has.
    count: usize,
    at: Vec<(i32, i32)>,
}

impl Placed {
    /// Places every span of `spans` (minutes, one per event) on a strip `width` px wide.
    pub fn new(scale: &TimeScale, width: f64, spans: &[(i64, i64)]) -> Self {
        let (d0, d1) = scale.domain;
        let (r0, r1) = scale.range;
        // A minute's bin: the scale's map and the bin width folded into one multiply-add.
        let per_minute = (r1 - r0) / (d1 - d0) / BIN_W;
        let at_d0 = (r0 - MARGIN) / BIN_W;
        let bin = |m: f64| ((m - d0) * per_minute + at_d0).floor() as i32;
        Placed {
            count: ((width - 2.0 * MARGIN) / BIN_W).max(1.0) as usize,
            at: spans
                .iter()
                .map(|&(a, b)| (bin(a as f64), bin(b as f64 - 1.0)))
                .collect(),
        }
    }

    /// How much of the events in `set` falls on each bin: each adds one unit spread evenly
    /// over the bins its span covers.
    pub fn spread(&self, set: &Bitset) -> Vec<f64> {
        let mut s = Spread::new(self.count);
        for i in set.iter() {
            if let Some(&(b0, b1)) = self.at.get(i) {
                s.add(b0, b1);
            }
        }
        s.bins()
    }
}

/// Events spread evenly over runs of bins, added in constant time each (differences
/// summed at the end), so a month-long event costs no more than a day at any width.
struct Spread {
    /// Events within one bin, counted there (most of them, at most zooms).
    single: Vec<u32>,
    /// The change of weight at each bin, from events over several.
    delta: Vec<f64>,
    /// The change in how many such runs cover each bin: a bin no run covers gets exactly
    /// nothing from them, and the rounding of the running sum starts afresh there.
    cover: Vec<i32>,
}

impl Spread {
    fn new(bins: usize) -> Self {
        Spread {
            single: vec![0; bins],
            delta: vec![0.0; bins + 1],
            cover: vec![0; bins + 1],
        }
    }

    /// Adds one event over its bins `b0..=b1`: a unit spread evenly over them, of which
    /// the part on the strip counts.
    fn add(&mut self, b0: i32, b1: i32) {
        if b0 == b1 {
            if let Some(n) = usize::try_from(b0)
                .ok()
                .and_then(|k| self.single.get_mut(k))
            {
                *n += 1;
            }
            return;
        }
        let last = self.single.len() as i32 - 1;
        let (lo, hi) = (b0.max(0), b1.min(last));
        if hi < lo {
            return;
        }
        let weight = 1.0 / (f64::from(b1) - f64::from(b0) + 1.0);
        for (k, w, c) in [(lo, weight, 1), (hi + 1, -weight, -1)] {
            if let (Some(d), Some(n)) = (
                self.delta.get_mut(k as usize),
                self.cover.get_mut(k as usize),
            ) {
                *d += w;
                *n += c;
            }
        }
    }

    /// The weight in each bin.
    fn bins(self) -> Vec<f64> {
        let (mut sum, mut covered) = (0.0, 0);
        self.single
            .iter()
            .zip(self.delta.iter().zip(&self.cover))
            .map(|(&one, (&d, &c))| {
                covered += c;
                sum = if covered > 0 { sum + d } else { 0.0 };
                sum + f64::from(one)
            })
            .collect()
    }
}

/// One event to place on the timeline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarkInput {
    pub event: usize,
    pub start: i64,
    pub end: i64,
    pub precision: Precision,
    /// The event has an explicit end date.
    pub ranged: bool,
    /// It matches every filter, the time range included.
    pub matched: bool,
}

/// A timeline mark's place: horizontal extent, lane top, whether it is drawn as a span,
/// and whether it is outside the current filters (drawn faint).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    pub event: usize,
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    pub span: bool,
    pub out: bool,
}

/// Marks placed in lanes, and how many lanes they take.
#[derive(Debug, Clone, PartialEq)]
pub struct Packed {
    pub marks: Vec<Mark>,
    pub geometry: Geometry,
}

/// Places marks in lanes, first fit in time order (up to [`MAX_LANES`]): partial dates (year, month) and ranged
/// events are spans over their extent, days become spans once wider than 60 px, the rest
/// are dots 8 px wide. Returned spans first, then dots (the drawing order).
/// `None` when more than [`MAX_MARKS`] are given (draw the strip only).
pub fn pack(scale: &TimeScale, events: &[MarkInput]) -> Option<Packed> {
    if events.len() > MAX_MARKS {
        return None;
    }
    let mut lane_end = [f64::NEG_INFINITY; MAX_LANES];
    let marks = events
        .iter()
        .map(|e| {
            let (x0, x1) = (scale.map(e.start as f64), scale.map(e.end as f64));
            let span = matches!(e.precision, Precision::Year | Precision::Month)
                || e.ranged
                || x1 - x0 > 60.0;
            let (x0, x1) = if span {
                (x0, x1.max(x0 + 3.0))
            } else {
                ((x0 + x1) / 2.0 - 4.0, (x0 + x1) / 2.0 + 4.0)
            };
            // The first free lane; when every lane is taken, the one that frees up first.
            let lane = lane_end
                .iter()
                .position(|&end| end < x0 - 2.0)
                .or_else(|| {
                    (0..MAX_LANES).min_by(|&a, &b| {
                        let end = |l: usize| lane_end.get(l).copied().unwrap_or(0.0);
                        end(a).total_cmp(&end(b))
                    })
                })
                .unwrap_or(0);
            if let Some(end) = lane_end.get_mut(lane) {
                *end = end.max(x1);
            }
            Mark {
                event: e.event,
                x0,
                x1,
                y: LANE_TOP + lane as f64 * LANE_H,
                span,
                out: !e.matched,
            }
        })
        .collect::<Vec<_>>();
    // Spans first, so dots are drawn over them and stay clickable where lanes are crowded.
    let (mut marks, dots): (Vec<Mark>, Vec<Mark>) = marks.into_iter().partition(|m| m.span);
    marks.extend(dots);
    let used = lane_end.iter().filter(|e| e.is_finite()).count();
    Some(Packed {
        marks,
        geometry: Geometry {
            lanes: used.max(MIN_LANES),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::date::PartialDate;

    fn day(s: &str) -> (i64, i64) {
        let d = PartialDate::parse(s).unwrap();
        (d.start_minute(), d.end_minute())
    }

    #[test]
    fn the_default_frame_is_the_one_a_full_sort_gives() {
        let by_sorting = |spans: &[(i64, i64)]| {
            let mut mids: Vec<f64> = spans
                .iter()
                .map(|&(a, b)| (a as f64 + b as f64) / 2.0)
                .collect();
            mids.sort_by(f64::total_cmp);
            let pick = |q: f64| {
                mids.get(((mids.len() as f64 - 1.0) * q).round() as usize)
                    .copied()
            };
            let day = DAY_MINUTES as f64;
            let (a, b) = match (pick(0.05), pick(0.95)) {
                (Some(a), Some(b)) if b > a => (a, b),
                (Some(a), _) => (a - day, a + day),
                _ => (0.0, day),
            };
            let pad = ((b - a) * 0.08).max(60.0);
            (a - pad, b + pad)
        };
        let (bundled, _) = crate::corpus::parse(include_str!("../../../public/corpus.json"));
        let generated = crate::corpus::Corpus::new(
            crate::corpus::generate::generate(20_000, 7),
            Default::default(),
        );
        for spans in [
            bundled.spans.clone(),
            generated.spans.clone(),
            vec![],
            vec![(5, 9)],
            vec![(5, 9), (5, 9), (-100, 3)],
        ] {
            assert_eq!(
                default_frame(spans.iter().copied()),
                by_sorting(&spans),
                "{} spans",
                spans.len()
            );
        }
    }

    #[test]
    fn the_default_frame_ignores_a_few_outliers() {
        let mut spans: Vec<(i64, i64)> =
            (1..=28).map(|d| day(&format!("2022-01-{d:02}"))).collect();
        spans.push(day("1990"));
        let (a, b) = default_frame(spans);
        let jan1 = day("2022-01-01").0 as f64;
        let jan31 = day("2022-01-31").1 as f64;
        let days = |n: f64| n * DAY_MINUTES as f64;
        assert!(a > jan1 - days(10.0), "1990 is left out");
        assert!(a < jan1 + days(3.0) && b > jan31 - days(6.0));
        // One event or none still gives a frame of some width.
        let (a, b) = default_frame([day("2022-01-05")]);
        assert!(b - a >= 2.0 * DAY_MINUTES as f64);
        let (a, b) = default_frame([]);
        assert!(b > a);
    }

    fn scale(from: &str, to: &str, width: f64) -> TimeScale {
        TimeScale::new(
            (day(from).0 as f64, day(to).1 as f64),
            (MARGIN, width - MARGIN),
        )
    }

    /// The strip of `events` (start, end, matches every filter), all of them in view.
    fn strip(s: &TimeScale, width: f64, events: &[(i64, i64, bool)]) -> Density {
        let spans: Vec<(i64, i64)> = events.iter().map(|&(a, b, _)| (a, b)).collect();
        let mut matches = Bitset::empty(events.len());
        for (i, &(_, _, m)) in events.iter().enumerate() {
            if m {
                matches.insert(i);
            }
        }
        let placed = Placed::new(s, width, &spans);
        let in_view = Bitset::full(events.len());
        Density::counted(&placed, placed.spread(&in_view), &in_view, &matches)
    }

    /// The strip worked out plainly, bin by bin through the scale, to check the one that
    /// places bins once and adds them up.
    fn plain(s: &TimeScale, width: f64, events: &[(i64, i64, bool)]) -> Density {
        let bins = ((width - 2.0 * MARGIN) / BIN_W).max(1.0) as usize;
        let (mut all, mut hit) = (vec![0.0; bins], vec![0.0; bins]);
        let bin_of = |m: f64| ((s.map(m) - MARGIN) / BIN_W).floor();
        for &(a, b, matched) in events {
            let (b0, b1) = (bin_of(a as f64), bin_of(b as f64 - 1.0));
            let (lo, hi) = (b0.max(0.0), b1.min(bins as f64 - 1.0));
            let weight = 1.0 / (b1 - b0 + 1.0).max(1.0);
            for k in (lo as usize..=hi as usize).filter(|_| hi >= lo) {
                all[k] += weight;
                if matched {
                    hit[k] += weight;
                }
            }
        }
        Density { all, hit }
    }

    #[test]
    fn density_paths_are_the_ones_the_formatter_wrote() {
        use std::fmt::Write;
        let before = |d: &Density, bins: &[f64], geometry: Geometry| {
            let max = d.all.iter().copied().fold(1e-9, f64::max);
            let mut out = String::new();
            for (k, &n) in bins.iter().enumerate() {
                if n > 0.0 {
                    let h = (n / max).sqrt() * STRIP_H;
                    let _ = write!(
                        out,
                        "M{:.1} {:.1}h{:.1}v{:.1}h-{:.1}Z",
                        MARGIN + k as f64 * BIN_W,
                        geometry.strip_top() + STRIP_H - h,
                        BIN_W * 0.8,
                        h,
                        BIN_W * 0.8
                    );
                }
            }
            out
        };
        let (bundled, _) = crate::corpus::parse(include_str!("../../../public/corpus.json"));
        let generated = crate::corpus::Corpus::new(
            crate::corpus::generate::generate(20_000, 42),
            Default::default(),
        );
        for c in [bundled, generated] {
            for width in [360.0, 1280.0] {
                let s = TimeScale::new(
                    default_frame(c.spans.iter().copied()),
                    (MARGIN, width - MARGIN),
                );
                let events: Vec<_> = c
                    .spans
                    .iter()
                    .enumerate()
                    .map(|(i, &(a, b))| (a, b, i % 3 == 0))
                    .collect();
                let d = strip(&s, width, &events);
                let g = Geometry::default();
                assert_eq!(d.path(&d.all, g), before(&d, &d.all, g));
                assert_eq!(d.path(&d.hit, g), before(&d, &d.hit, g));
            }
        }
    }

    #[test]
    fn density_from_placed_bins_is_the_plain_strip() {
        let c = crate::corpus::Corpus::new(
            crate::corpus::generate::generate(5_000, 3),
            Default::default(),
        );
        let (d0, d1) = default_frame(c.spans.iter().copied());
        // The whole corpus, then a zoomed frame that cuts spans at both ends.
        for (domain, width) in [
            ((d0, d1), 1280.0),
            ((d0 + (d1 - d0) * 0.4, d0 + (d1 - d0) * 0.45), 360.0),
        ] {
            let s = TimeScale::new(domain, (MARGIN, width - MARGIN));
            let placed = Placed::new(&s, width, &c.spans);
            let mut in_view = Bitset::empty(c.len());
            let mut matches = Bitset::empty(c.len());
            for i in 0..c.len() {
                if i % 4 != 0 {
                    in_view.insert(i);
                }
                if i % 3 == 0 {
                    matches.insert(i);
                }
            }
            let in_view_events: Vec<_> = in_view
                .iter()
                .map(|i| (c.spans[i].0, c.spans[i].1, matches.contains(i)))
                .collect();
            let expected = plain(&s, width, &in_view_events);
            let got = Density::counted(&placed, placed.spread(&in_view), &in_view, &matches);
            assert_eq!(got.all.len(), expected.all.len());
            for (g, e) in got
                .all
                .iter()
                .zip(&expected.all)
                .chain(got.hit.iter().zip(&expected.hit))
            {
                assert!((g - e).abs() < 1e-9, "{g} {e}");
            }
            assert!(got.hit.iter().sum::<f64>() < got.all.iter().sum::<f64>());
            // Every event in view matching: the darker bars are the same bars.
            let all = Density::counted(&placed, placed.spread(&in_view), &in_view, &in_view);
            assert_eq!(all.hit, all.all);
        }
    }

    #[test]
    fn density_spreads_partial_dates_and_counts_matches() {
        let s = scale("2022-01-01", "2022-01-31", 2.0 * MARGIN + 31.0 * BIN_W);
        let (a, b) = day("2022-01-05");
        let (ma, mb) = day("2022-01");
        let d = strip(
            &s,
            2.0 * MARGIN + 31.0 * BIN_W,
            &[(a, b, true), (ma, mb, false)],
        );
        assert_eq!(d.all.len(), 31);
        let total: f64 = d.all.iter().sum();
        assert!((total - 2.0).abs() < 1e-9, "each event adds one unit");
        assert!((d.hit.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        // The month is a plateau: every bin holds a little of it.
        assert!(d.all.iter().all(|&n| n > 0.0));
        let peak = d.all.iter().copied().fold(0.0, f64::max);
        assert!(peak > 0.9, "the day is a spike");
        assert!(d.path(&d.hit, Geometry::default()).starts_with('M'));
        assert_eq!(d.path(&[0.0, 0.0], Geometry::default()), "");
        // Between two events the bins are exactly empty, whatever the rounding of the
        // running sum, so no bar is drawn there.
        // (Days 2-3 then 3-11: ½ + ⅑ − ½ − ⅑ is not 0 in floating point.)
        let two = (day("2022-01-02").0, day("2022-01-03").1);
        let nine = (day("2022-01-03").0, day("2022-01-11").1);
        let last = day("2022-01-29");
        let d = strip(
            &s,
            2.0 * MARGIN + 31.0 * BIN_W,
            &[two, nine, last].map(|(a, b)| (a, b, true)),
        );
        assert!(d.all[11..28].iter().all(|&n| n == 0.0), "{:?}", d.all);
        assert!(d.all[1..11].iter().all(|&n| n > 0.0), "{:?}", d.all);
        // Events outside the frame add nothing.
        let (oa, ob) = day("2023-06-01");
        let d = strip(&s, 200.0, &[(oa, ob, true)]);
        assert_eq!(d.all.iter().sum::<f64>(), 0.0);
    }

    #[test]
    fn axis_ticks_keep_labels_inside() {
        let width = 600.0;
        let s = scale("2022-01-01", "2022-01-31", width);
        let ticks = axis_ticks(&s, width, Lang::En);
        assert!(ticks.len() >= 4, "{ticks:?}");
        assert!(ticks.iter().all(|t| t.x >= 0.0 && t.x <= width));
        for t in &ticks {
            if let Some(l) = &t.label {
                assert!(t.x + 3.0 + 7.0 * l.chars().count() as f64 <= width);
            }
        }
        let near_edge = axis_ticks(&s, width, Lang::En)
            .into_iter()
            .filter(|t| t.x > width - 20.0)
            .all(|t| t.label.is_none());
        assert!(near_edge, "a label at the right edge is left out");
    }

    fn input(event: usize, date: &str) -> MarkInput {
        let d = PartialDate::parse(date).unwrap();
        MarkInput {
            event,
            start: d.start_minute(),
            end: d.end_minute(),
            precision: d.precision(),
            ranged: false,
            matched: event != 2,
        }
    }

    #[test]
    fn marks_pack_into_lanes_without_overlap() {
        let s = scale("2022-01-01", "2022-01-31", 600.0);
        let packed = pack(
            &s,
            &[
                input(0, "2022-01-05"),
                input(1, "2022-01-05"),
                input(2, "2022-01"),
                input(3, "2022-01-20"),
            ],
        )
        .unwrap();
        assert_eq!(packed.geometry.lanes, MIN_LANES);
        let marks = packed.marks;
        assert_eq!(marks.len(), 4);
        let m = |i: usize| marks.iter().find(|m| m.event == i).unwrap();
        assert!(
            !m(0).span && (m(0).x1 - m(0).x0 - 8.0).abs() < 1e-9,
            "a day is a dot"
        );
        assert!(m(2).span, "a month is a span");
        assert!(m(2).out && !m(0).out);
        assert_ne!(m(0).y, m(1).y, "two dots on one day take two lanes");
        // Marks in one lane never overlap.
        for a in &marks {
            for b in &marks {
                if a.event != b.event && a.y == b.y {
                    assert!(a.x1 < b.x0 || b.x1 < a.x0, "{a:?} overlaps {b:?}");
                }
            }
        }
        let first_dot = marks.iter().position(|m| !m.span).unwrap();
        assert!(
            marks[first_dot..].iter().all(|m| !m.span),
            "dots are drawn last"
        );
        // A crowded day grows the timeline, up to a limit; then a mark takes the lane
        // that frees up first.
        let crowd: Vec<MarkInput> = (0..12).map(|i| input(i, "2022-01-05")).collect();
        let packed = pack(&s, &crowd).unwrap();
        assert_eq!(packed.geometry.lanes, 12);
        let ys: std::collections::HashSet<u64> =
            packed.marks.iter().map(|m| m.y.to_bits()).collect();
        assert_eq!(ys.len(), 12, "every dot has a lane of its own");
        let g = packed.geometry;
        assert!(
            g.strip_top() > LANE_TOP + 12.0 * LANE_H
                && g.axis_y() > g.strip_top()
                && g.height() > g.axis_y()
        );
        assert!(g.height() > Geometry::default().height());
        assert_eq!(Geometry::default().height(), 168.0);
        let crowd: Vec<MarkInput> = (0..MAX_LANES + 1).map(|i| input(i, "2022-01-05")).collect();
        let packed = pack(&s, &crowd).unwrap();
        assert_eq!(packed.geometry.lanes, MAX_LANES);
        assert_eq!(packed.marks.last().unwrap().y, LANE_TOP);
        let many: Vec<MarkInput> = (0..=MAX_MARKS).map(|i| input(i, "2022-01-05")).collect();
        assert_eq!(pack(&s, &many), None);
        assert!(pack(&s, &many[..MAX_MARKS]).is_some());
    }
}
