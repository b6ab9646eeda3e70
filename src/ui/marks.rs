//! Shared drawing helpers for the map and the timeline: language colours and ring arcs.

use std::f64::consts::TAU;
use std::fmt::Write;

/// CSS class giving the `i`-th source language its colour: the Okabe–Ito palette
/// (distinguishable with the common colour-vision deficiencies), defined in the stylesheet
/// so dark mode can adjust it and no inline style is needed (strict CSP).
pub fn lang_class(i: usize) -> String {
    format!("lang-{}", i.min(8))
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
    let large = u8::from(f1 - f0 > 0.5);
    let _ = write!(
        d,
        "M{x0:.1} {y0:.1}A{r:.1} {r:.1} 0 {large} 1 {x1:.1} {y1:.1}"
    );
}

/// Mark radius for a count of events: grows with the square root, bounded.
pub fn radius(count: usize) -> f64 {
    (5.0 + 2.6 * (count as f64).sqrt()).min(26.0)
}
