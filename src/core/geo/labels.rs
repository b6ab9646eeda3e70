//! Map label placement: labels never overlap each other, and a city under an event mark is
//! labelled beside the mark rather than hidden by it. Greedy, in the caller's priority order.

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

    /// Places a label centred on `x` with its top at `y` (country and water names, which
    /// may sit under marks). Returns whether it was placed.
    pub fn centered(&mut self, x: f64, y: f64, text: &str, size: f64) -> bool {
        let b = bbox(x - text_width(text, size) / 2.0, y, text, size);
        let ok = self.free(&b, false);
        if ok {
            self.placed.push(b);
        }
        ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(full.centered(1000.0, 80.0, "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", 40.0));
        assert_eq!(full.city(1000.0, 100.0, "Hidden", 11.0), None);
    }

    #[test]
    fn labels_stay_inside_the_frame() {
        let mut p = LabelPlacer::new(Vec::new(), 300.0, 200.0);
        // Near the right edge, the label goes to the left of the city.
        let (x, _) = p.city(290.0, 100.0, "Moscow", 11.0).unwrap();
        assert!(x + text_width("Moscow", 11.0) <= 290.0);
        // A name wider than the frame is left out.
        assert!(!p.centered(150.0, 50.0, &"W".repeat(60), 12.0));
    }

    #[test]
    fn a_city_under_a_mark_is_labelled_beside_it() {
        let mut p = LabelPlacer::new(vec![(200.0, 200.0, 20.0)], 1000.0, 1000.0);
        let (x, _) = p.city(200.0, 200.0, "Astana", 11.0).unwrap();
        assert!(x >= 220.0, "label starts right of the mark, at {x}");
        // Country names may sit under marks, but not under other labels.
        assert!(
            p.centered(200.0, 195.0, "KAZAKHSTAN", 12.0)
                || p.centered(200.0, 240.0, "KAZAKHSTAN", 12.0)
        );
    }
}
