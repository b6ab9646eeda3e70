//! Map label placement: labels never overlap each other, and a city under an event mark is
//! labelled beside the mark rather than hidden by it. Greedy, in priority order: cities by
//! rank (busiest places first among equals), then countries, then water.

use crate::corpus::Text;
use crate::geo::basemap::{BaseMap, City};
use crate::geo::cluster::Cluster;
use crate::geo::marks::halo_radius;
use crate::geo::viewport::Viewport;
use crate::text::lang::Lang;
use std::collections::HashMap;

/// An axis-aligned box: left, top, right, bottom (screen pixels).
type Rect = (f64, f64, f64, f64);

/// Approximate width of `text` at `size` px: CJK characters are about square, others narrower.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| {
            if c as u32 >= 0x2E80 {
                size
            } else {
                size * 0.62
            }
        })
        .sum()
}

fn bbox(x: f64, y: f64, text: &str, size: f64) -> Rect {
    (x, y, x + text_width(text, size), y + size * 1.3)
}

fn overlaps(a: &Rect, b: &Rect) -> bool {
    !(a.2 < b.0 || a.0 > b.2 || a.3 < b.1 || a.1 > b.3)
}

/// Places labels one by one, each only where it overlaps nothing placed before.
#[derive(Debug, Clone)]
pub struct LabelPlacer {
    placed: Vec<Rect>,
    /// Event marks as circles (x, y, r): city labels keep clear of them.
    marks: Vec<(f64, f64, f64)>,
    /// The frame every label must fit inside.
    frame: Rect,
}

impl Default for LabelPlacer {
    fn default() -> Self {
        LabelPlacer::new(Vec::new(), f64::INFINITY, f64::INFINITY)
    }
}

impl LabelPlacer {
    /// A placer for a `width` x `height` frame that keeps city labels off these mark
    /// circles `(x, y, radius)`.
    pub fn new(marks: Vec<(f64, f64, f64)>, width: f64, height: f64) -> Self {
        LabelPlacer {
            placed: Vec::new(),
            marks,
            frame: (0.0, 0.0, width, height),
        }
    }

    fn free(&self, b: &Rect, avoid_marks: bool) -> bool {
        let inside = b.0 >= self.frame.0
            && b.1 >= self.frame.1
            && b.2 <= self.frame.2
            && b.3 <= self.frame.3;
        inside
            && self.placed.iter().all(|p| !overlaps(b, p))
            && (!avoid_marks
                || self
                    .marks
                    .iter()
                    .all(|&(x, y, r)| !overlaps(b, &(x - r, y - r, x + r, y + r))))
    }

    /// Places the label of a city at (`x`, `y`): right of it (or of a mark over it), else
    /// left, else below, else above. Returns the text's top-left corner, or `None` if no
    /// spot is free.
    pub fn city(&mut self, x: f64, y: f64, text: &str, size: f64) -> Option<(f64, f64)> {
        let w = text_width(text, size);
        // Step past any mark the city sits under.
        let d = self
            .marks
            .iter()
            .filter(|m| (m.0 - x).hypot(m.1 - y) < m.2)
            .map(|m| m.2 - (m.0 - x).abs() + 3.0)
            .fold(5.0, f64::max);
        let h = size * 1.3;
        let spot = [
            (x + d, y - h / 2.0),
            (x - d - w, y - h / 2.0),
            (x - w / 2.0, y + d),
            (x - w / 2.0, y - d - h),
        ]
        .into_iter()
        .find(|&(lx, ly)| self.free(&bbox(lx, ly, text, size), true))?;
        self.placed.push(bbox(spot.0, spot.1, text, size));
        Some(spot)
    }

    /// Places a country's or a lake's name near (`x`, `y`) (its text's top), off the marks:
    /// there, or a little above, below, left or right. Returns the top-centre used, or `None`.
    pub fn area(&mut self, x: f64, y: f64, text: &str, size: f64) -> Option<(f64, f64)> {
        let w = text_width(text, size);
        let (dy, dx) = (size * 1.3 + 16.0, w / 2.0 + 24.0);
        let spot = [(0.0, 0.0), (0.0, -dy), (0.0, dy), (-dx, 0.0), (dx, 0.0)]
            .into_iter()
            .map(|(dx, dy)| (x + dx, y + dy))
            .find(|&(cx, cy)| self.free(&bbox(cx - w / 2.0, cy, text, size), true))?;
        self.placed.push(bbox(spot.0 - w / 2.0, spot.1, text, size));
        Some(spot)
    }
}

/// What a map label names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LabelKind {
    /// A city, with its dot at (`x`, `y`); the text sits beside it.
    City {
        x: f64,
        y: f64,
        capital: bool,
    },
    Country,
    Water,
}

/// A placed label: its kind, the text's anchor in screen pixels and the text. City text is
/// anchored at its top-left corner, country and water names at their centre's top.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub kind: LabelKind,
    pub x: f64,
    pub y: f64,
    pub text: String,
}

/// City label size, in pixels.
pub const CITY_SIZE: f64 = 11.0;
/// Country label size, in pixels.
pub const COUNTRY_SIZE: f64 = 12.0;

/// The highest city rank labelled at a zoom: capitals first, smaller places closer in.
pub fn max_city_rank(zoom: f64) -> u8 {
    if zoom >= 4.0 {
        3
    } else if zoom >= 1.8 {
        2
    } else {
        1
    }
}

/// How many events each place name (in English) has: [`plan`]'s `busy`, computed once per
/// corpus. Names are counted borrowed and copied once each, not once per event.
pub fn place_counts<'a>(names: impl IntoIterator<Item = &'a Text>) -> HashMap<String, usize> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for name in names {
        // The English text, as `get` finds it, without its walk of the fallback chain;
        // "en" is usually the first key, found without a search.
        let en = match name.iter().next() {
            Some(("en", v)) => v,
            _ => name.exact("en").unwrap_or_else(|| name.get("en")),
        };
        *counts.entry(en).or_default() += 1;
    }
    counts
        .into_iter()
        .map(|(name, n)| (name.to_string(), n))
        .collect()
}

/// The labels of the base map for `vp`, in `lang`, kept off the `marks`; `busy` counts the
/// corpus' events per place name (in English), so among cities of one rank the busiest get
/// the space.
pub fn plan(
    vp: &Viewport,
    map: &BaseMap,
    marks: &[Cluster],
    busy: &HashMap<String, usize>,
    lang: Lang,
) -> Vec<Label> {
    let inside =
        |x: f64, y: f64| x > 10.0 && y > 10.0 && x < vp.width - 10.0 && y < vp.height - 10.0;
    let mut placer = LabelPlacer::new(
        marks
            .iter()
            .map(|cl| (cl.x, cl.y, halo_radius(cl.members.len())))
            .collect(),
        vp.width,
        vp.height,
    );
    let mut labels = Vec::new();
    // The corpus' own places come first, at any zoom (Nukus and Bukhara before Baghdad and
    // Tehran); then the base map's cities by rank.
    let events = |c: &City| busy.get(c.name("en")).copied().unwrap_or(0);
    let max_rank = max_city_rank(vp.view.zoom);
    let mut cities: Vec<&City> = map
        .cities
        .iter()
        .filter(|c| c.rank <= max_rank || events(c) > 0)
        .collect();
    cities.sort_by_key(|c| {
        (
            events(c) == 0,
            c.rank,
            std::cmp::Reverse(events(c)),
            !c.capital,
        )
    });
    for c in cities {
        let (x, y) = vp.project(c.lon, c.lat);
        let text = c.name(lang.code()).to_string();
        if !inside(x, y) {
            continue;
        }
        if let Some((lx, ly)) = placer.city(x, y, &text, CITY_SIZE) {
            labels.push(Label {
                kind: LabelKind::City {
                    x,
                    y,
                    capital: c.capital,
                },
                x: lx,
                y: ly,
                text,
            });
        }
    }
    for c in &map.countries {
        let (x, y) = vp.project(c.label.0, c.label.1);
        let text = c.name(lang.code()).to_string();
        // Marks cover what is under them: a country's or lake's name moves aside, or is left out.
        if !inside(x, y) {
            continue;
        }
        if let Some((lx, top)) = placer.area(x, y - 10.0, &text, COUNTRY_SIZE) {
            labels.push(Label {
                kind: LabelKind::Country,
                x: lx,
                y: top + 10.0,
                text,
            });
        }
    }
    if vp.view.zoom >= 1.5 {
        for l in &map.lakes {
            let (x, y) = vp.project(l.label.0, l.label.1);
            let text = l.name(lang.code()).to_string();
            if !inside(x, y) {
                continue;
            }
            if let Some((lx, top)) = placer.area(x, y - 10.0, &text, CITY_SIZE) {
                labels.push(Label {
                    kind: LabelKind::Water,
                    x: lx,
                    y: top + 10.0,
                    text,
                });
            }
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::basemap::embedded_ref;
    use crate::geo::viewport::{home, MapView};

    #[test]
    fn place_counts_count_every_event_by_its_english_name() {
        let (c, _) = crate::corpus::parse(include_str!("../../../public/corpus.json"));
        let g = crate::corpus::Corpus::new(
            crate::corpus::generate::generate(5_000, 3),
            Default::default(),
        );
        let mixed: Text = [("en", "Almaty"), ("de", "Almaty (de)")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let ru_only: Text = [("ru".to_string(), "Алматы".to_string())]
            .into_iter()
            .collect();
        let names = [mixed, Text::en("Almaty"), ru_only.clone(), ru_only];
        let counts = place_counts(names.iter());
        assert_eq!(counts.get("Almaty"), Some(&2));
        assert_eq!(counts.get("Алматы"), Some(&2));
        for c in [c, g] {
            let mut before: HashMap<String, usize> = HashMap::new();
            for p in c.events.iter().filter_map(|e| e.place.as_ref()) {
                *before.entry(p.name.get("en").to_string()).or_default() += 1;
            }
            let names = c
                .events
                .iter()
                .filter_map(|e| e.place.as_ref().map(|p| &p.name));
            assert_eq!(place_counts(names), before);
        }
    }

    #[test]
    fn the_plan_labels_capitals_first_and_more_cities_closer_in() {
        let map = embedded_ref();
        let vp = Viewport::new(1000.0, 640.0, home());
        let busy = HashMap::new();
        let far = plan(&vp, map, &[], &busy, Lang::En);
        let names = |ls: &[Label]| ls.iter().map(|l| l.text.clone()).collect::<Vec<_>>();
        assert!(
            names(&far).iter().any(|n| n == "Astana"),
            "{:?}",
            names(&far)
        );
        assert!(far.iter().any(|l| l.kind == LabelKind::Country));
        assert!(
            !far.iter().any(|l| l.kind == LabelKind::Water),
            "water only closer in"
        );
        let cities = |ls: &[Label]| {
            ls.iter()
                .filter(|l| matches!(l.kind, LabelKind::City { .. }))
                .count()
        };
        let near_view = MapView {
            lon: 76.9,
            lat: 43.25,
            zoom: 5.0,
        };
        let near = plan(
            &Viewport::new(1000.0, 640.0, near_view),
            map,
            &[],
            &busy,
            Lang::Ru,
        );
        assert!(
            names(&near).iter().any(|n| n == "Алматы"),
            "{:?}",
            names(&near)
        );
        assert!(cities(&near) >= 1);
        // No two labels of the plan overlap.
        for (i, a) in far.iter().enumerate() {
            for b in far.iter().skip(i + 1) {
                assert!(a.x != b.x || a.y != b.y, "{a:?} and {b:?} share an anchor");
            }
        }
    }

    #[test]
    fn city_labels_keep_off_the_marks() {
        let map = embedded_ref();
        let vp = Viewport::new(1000.0, 640.0, home());
        let (ax, ay) = vp.project(71.43, 51.13);
        let mark = Cluster {
            x: ax,
            y: ay,
            members: (0..50).collect(),
        };
        let r = halo_radius(50);
        let labels = plan(&vp, map, &[mark], &HashMap::new(), Lang::En);
        for l in labels
            .iter()
            .filter(|l| matches!(l.kind, LabelKind::City { .. }))
        {
            let inside_mark = l.x > ax - r && l.x < ax + r && l.y > ay - r && l.y < ay + r;
            assert!(!inside_mark, "{l:?} starts inside the mark");
        }
    }

    #[test]
    fn water_names_move_off_the_marks() {
        let map = embedded_ref();
        let balkhash = map.lake("Lake Balkhash").unwrap().label;
        let view = MapView {
            lon: balkhash.0,
            lat: balkhash.1,
            zoom: 3.0,
        };
        let vp = Viewport::new(1000.0, 640.0, view);
        let (x, y) = vp.project(balkhash.0, balkhash.1);
        let mark = Cluster {
            x,
            y: y - 4.0,
            members: (0..20).collect(),
        };
        let r = halo_radius(20);
        let labels = plan(&vp, map, &[mark], &HashMap::new(), Lang::En);
        let water = labels
            .iter()
            .find(|l| l.kind == LabelKind::Water && l.text == "Lake Balkhash")
            .expect("the lake is still named, beside the mark");
        let w = text_width(&water.text, CITY_SIZE);
        let text_box = (
            water.x - w / 2.0,
            water.y - 10.0,
            water.x + w / 2.0,
            water.y - 10.0 + CITY_SIZE * 1.3,
        );
        assert!(
            !overlaps(&text_box, &(x - r, y - 4.0 - r, x + r, y - 4.0 + r)),
            "{water:?} lies under the mark"
        );
    }

    #[test]
    fn zoom_sets_the_city_ranks() {
        assert_eq!(max_city_rank(1.0), 1);
        assert_eq!(max_city_rank(2.0), 2);
        assert_eq!(max_city_rank(8.0), 3);
    }

    #[test]
    fn widths_count_cjk_as_square() {
        assert_eq!(text_width("阿拉木图", 10.0), 40.0);
        assert!((text_width("Almaty", 10.0) - 37.2).abs() < 1e-9);
    }

    #[test]
    fn labels_never_overlap_and_try_other_sides() {
        let mut p = LabelPlacer::default();
        let a = p.city(100.0, 100.0, "Almaty", 11.0).unwrap();
        assert!(a.0 > 100.0, "first choice is to the right");
        // A city just right of the first: its label cannot go right of the first label's spot…
        let b = p.city(104.0, 100.0, "Bishkek", 11.0).unwrap();
        let (ba, bb) = (
            bbox(a.0, a.1, "Almaty", 11.0),
            bbox(b.0, b.1, "Bishkek", 11.0),
        );
        assert!(!overlaps(&ba, &bb), "{ba:?} {bb:?}");
        // …and when every side is taken, the label is left out.
        let mut full = LabelPlacer::default();
        assert!(full
            .area(1000.0, 80.0, "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", 40.0)
            .is_some());
        assert_eq!(full.city(1000.0, 100.0, "Hidden", 11.0), None);
    }

    #[test]
    fn labels_stay_inside_the_frame() {
        let mut p = LabelPlacer::new(Vec::new(), 300.0, 200.0);
        // Near the right edge, the label goes to the left of the city.
        let (x, _) = p.city(290.0, 100.0, "Moscow", 11.0).unwrap();
        assert!(x + text_width("Moscow", 11.0) <= 290.0);
        // A name wider than the frame is left out.
        assert!(p.area(150.0, 50.0, &"W".repeat(60), 12.0).is_none());
    }

    #[test]
    fn a_city_under_a_mark_is_labelled_beside_it() {
        let mut p = LabelPlacer::new(vec![(200.0, 200.0, 20.0)], 1000.0, 1000.0);
        let (x, _) = p.city(200.0, 200.0, "Astana", 11.0).unwrap();
        assert!(x >= 220.0, "label starts right of the mark, at {x}");
        // A country's name moves off the mark, and off the city label.
        let (cx, cy) = p.area(200.0, 195.0, "KAZAKHSTAN", 12.0).unwrap();
        let b = bbox(
            cx - text_width("KAZAKHSTAN", 12.0) / 2.0,
            cy,
            "KAZAKHSTAN",
            12.0,
        );
        assert!(!overlaps(&b, &(180.0, 180.0, 220.0, 220.0)), "{b:?}");
        // Boxed in by marks on every side, it is left out rather than covered.
        let mut crowded = LabelPlacer::new(vec![(200.0, 200.0, 120.0)], 1000.0, 1000.0);
        assert!(crowded.area(200.0, 195.0, "KAZAKHSTAN", 12.0).is_none());
    }

    #[test]
    fn the_corpus_places_are_labelled_before_distant_capitals() {
        let map = embedded_ref();
        let vp = Viewport::new(800.0, 500.0, home());
        // A rank the zoom would not show, but the corpus has events there.
        let Some(small) = map
            .cities
            .iter()
            .filter(|c| c.rank > max_city_rank(1.0))
            .find(|c| {
                let (x, y) = vp.project(c.lon, c.lat);
                x > 50.0 && y > 50.0 && x < 750.0 && y < 450.0
            })
        else {
            panic!("the base map has small cities in the frame");
        };
        let busy = HashMap::from([(small.name("en").to_string(), 3)]);
        let labels = plan(&vp, map, &[], &busy, Lang::En);
        assert!(
            labels.iter().any(|l| l.text == small.name("en")),
            "{}",
            small.name("en")
        );
        assert_eq!(
            labels.first().map(|l| l.text.as_str()),
            Some(small.name("en"))
        );
    }
}
