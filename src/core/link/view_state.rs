//! The view state a link carries: filters, search text, time range, map viewport,
//! selected event, interface language and embed mode, in the URL's `#` fragment.
//!
//! `decode` never fails: whatever it cannot read is dropped and named in a notice, so a
//! stale or mangled link still opens, showing as much of the sender's view as it can.
#![cfg_attr(not(test), deny(clippy::arithmetic_side_effects))]

use crate::corpus::diagnostic::echo;
use crate::corpus::Corpus;
use crate::geo::viewport::{MapView, MAX_ZOOM, MIN_ZOOM};
use crate::query::Filter;
use crate::text::i18n::Lang;
use crate::time::calendar::minute_date;
use crate::time::date::PartialDate;

/// Everything a shared link reproduces.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewState {
    pub filter: Filter,
    pub map: Option<MapView>,
    /// Id of the selected event (its panel is open).
    pub selected: Option<String>,
    pub lang: Option<Lang>,
    /// Which view fills the main area: the map and timeline, or Compare.
    pub view: View,
    /// In Compare, show only events some of the languages covered and others did not.
    pub partial: bool,
    /// Compact layout for iframes.
    pub embed: bool,
}

/// The main view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum View {
    /// The map, the timeline and the list.
    #[default]
    Explore,
    /// Disputes side by side, coverage by language, first reports.
    Compare,
}

/// Percent-encodes all but RFC 3986 unreserved characters.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` and `+`; invalid escapes are kept as written, invalid UTF-8 replaced.
pub fn decode_component(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&byte) = b.get(i) {
        match byte {
            b'%' => {
                match b
                    .get(i.saturating_add(1)..i.saturating_add(3))
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(v) => {
                        out.push(v);
                        i = i.saturating_add(3);
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            c => out.push(c),
        }
        i = i.saturating_add(1);
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A minute as the shortest ISO text that names it exactly.
fn minute_text(m: i64) -> String {
    minute_date(m).to_iso()
}

fn round(x: f64, places: i32) -> String {
    let p = 10f64.powi(places);
    let v = (x * p).round() / p;
    format!("{v}")
}

/// Writes the state as a fragment (without `#`), fields in a fixed order, defaults omitted.
pub fn encode(state: &ViewState) -> String {
    let mut parts: Vec<String> = Vec::new();
    let f = &state.filter;
    let list = |v: &[String]| {
        v.iter()
            .map(|s| encode_component(s))
            .collect::<Vec<_>>()
            .join(",")
    };
    if !f.actors.is_empty() {
        parts.push(format!("a={}", list(&f.actors)));
    }
    if f.all_actors {
        parts.push("all=1".into());
    }
    if !f.languages.is_empty() {
        parts.push(format!("l={}", list(&f.languages)));
    }
    if !f.text.is_empty() {
        parts.push(format!("q={}", encode_component(&f.text)));
    }
    if let Some((a, b)) = f.range {
        parts.push(format!(
            "t={}..{}",
            encode_component(&minute_text(a)),
            encode_component(&minute_text(b))
        ));
    }
    if let Some(m) = state.map {
        parts.push(format!(
            "m={},{},{}",
            round(m.lon, 3),
            round(m.lat, 3),
            // Four decimals: a corpus frame's zoom is any number, and two would move the
            // shared view by a pixel or two.
            round(m.zoom, 4)
        ));
    }
    if let Some(e) = &state.selected {
        parts.push(format!("e={}", encode_component(e)));
    }
    if let Some(l) = state.lang {
        parts.push(format!("ui={}", l.code()));
    }
    if state.view == View::Compare {
        parts.push("view=compare".into());
    }
    if state.partial {
        parts.push("cov=some".into());
    }
    if state.embed {
        parts.push("embed=1".into());
    }
    parts.join("&")
}

/// Reads a fragment (with or without `#`). Returns the state and a notice per part dropped.
pub fn decode(fragment: &str) -> (ViewState, Vec<String>) {
    let mut s = ViewState::default();
    let mut notices = Vec::new();
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    // Bound the work a hostile link can cause.
    let fragment = &fragment[..floor_boundary(fragment, 16 * 1024)];
    for part in fragment.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = part.split_once('=').unwrap_or((part, ""));
        let list = || -> Vec<String> {
            let mut v: Vec<String> = raw
                .split(',')
                .map(decode_component)
                .filter(|x| !x.is_empty())
                .collect();
            v.dedup();
            v.truncate(200);
            v
        };
        let mut bad = || notices.push(echo(&decode_component(part)));
        match key {
            "a" => s.filter.actors = list(),
            "l" => s.filter.languages = list(),
            "all" if raw == "1" || raw == "0" => s.filter.all_actors = raw == "1",
            "q" => s.filter.text = decode_component(raw).chars().take(500).collect(),
            "t" => match decode_component(raw).split_once("..").and_then(|(a, b)| {
                let a = PartialDate::parse(a).ok()?.start_minute();
                let b = PartialDate::parse(b).ok()?.start_minute();
                (a < b).then_some((a, b))
            }) {
                Some(r) => s.filter.range = Some(r),
                None => bad(),
            },
            "m" => {
                let v: Vec<f64> = raw
                    .split(',')
                    .filter_map(|x| x.parse().ok())
                    .filter(|x: &f64| x.is_finite())
                    .collect();
                match v.as_slice() {
                    [lon, lat, zoom]
                        if lon.abs() <= 180.0
                            && lat.abs() <= 90.0
                            && (MIN_ZOOM..=MAX_ZOOM).contains(zoom) =>
                    {
                        s.map = Some(MapView {
                            lon: *lon,
                            lat: *lat,
                            zoom: *zoom,
                        })
                    }
                    _ => bad(),
                }
            }
            "e" if !raw.is_empty() => s.selected = Some(decode_component(raw)),
            "ui" => match Lang::from_code(raw) {
                Some(l) => s.lang = Some(l),
                None => bad(),
            },
            "view" if raw == "compare" || raw == "explore" => {
                s.view = if raw == "compare" {
                    View::Compare
                } else {
                    View::Explore
                }
            }
            "cov" if raw == "some" || raw == "all" => s.partial = raw == "some",
            "embed" if raw == "1" || raw == "0" => s.embed = raw == "1",
            _ => bad(),
        }
    }
    (s, cap_notices(notices))
}

/// Most notices listed about one link; the rest are counted in a last "… +N".
pub const MAX_NOTICES: usize = 10;

fn cap_notices(mut notices: Vec<String>) -> Vec<String> {
    if notices.len() > MAX_NOTICES {
        let more = notices.len().saturating_sub(MAX_NOTICES);
        notices.truncate(MAX_NOTICES);
        notices.push(format!("… +{more}"));
    }
    notices
}

fn floor_boundary(s: &str, max: usize) -> usize {
    let mut i = max.min(s.len());
    while !s.is_char_boundary(i) {
        i = i.saturating_sub(1);
    }
    i
}

/// Whether going from `a` to `b` deserves its own history entry (so Back returns to `a`).
/// Typing, panning and a range that only slides (playing through time) update the current
/// entry instead, so Back is not flooded with keystrokes and animation frames.
pub fn is_new_history_entry(a: &ViewState, b: &ViewState) -> bool {
    let sliding = matches!((a.filter.range, b.filter.range), (Some((a0, a1)), Some((b0, b1))) if a1.checked_sub(a0) == b1.checked_sub(b0));
    let strip = |v: &ViewState| {
        let mut v = v.clone();
        v.map = None;
        v.filter.text.clear();
        if sliding {
            v.filter.range = None;
        }
        v
    };
    strip(a) != strip(b)
}

impl ViewState {
    /// Drops what the corpus does not know or offer as a filter (actors, languages, the
    /// selected event); returns a notice naming each value dropped.
    pub fn sanitize(&mut self, corpus: &Corpus) -> Vec<String> {
        let mut notices = Vec::new();
        // An actor past the facet budget has no filter (see `corpus::index`): it is dropped too.
        self.filter.actors.retain(|a| {
            let ok = corpus
                .actor_index(a)
                .is_some_and(|i| i < corpus.by_actor.len());
            if !ok {
                notices.push(echo(&format!("a={a}")));
            }
            ok
        });
        self.filter.languages.retain(|l| {
            let ok = corpus.language_index(l).is_some();
            if !ok {
                notices.push(echo(&format!("l={l}")));
            }
            ok
        });
        if let Some(e) = &self.selected {
            if corpus.event_index(e).is_none() {
                notices.push(echo(&format!("e={e}")));
                self.selected = None;
            }
        }
        // With one source language no event is covered by only some: the toggle would blank
        // the matrix, so it is dropped.
        if self.partial && corpus.languages.len() < 2 {
            notices.push("cov=some".into());
            self.partial = false;
        }
        cap_notices(notices)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse;

    fn full() -> ViewState {
        ViewState {
            filter: Filter {
                actors: vec!["russia".into(), "china".into()],
                languages: vec!["zh".into()],
                all_actors: true,
                text: "Алматы & 枪支 #1 100%".into(),
                range: Some((
                    PartialDate::parse("2022-01-03").unwrap().start_minute(),
                    PartialDate::parse("2022-01-10T12:30")
                        .unwrap()
                        .start_minute(),
                )),
            },
            map: Some(MapView {
                lon: 76.929,
                lat: 43.257,
                zoom: 4.5,
            }),
            selected: Some("kz-2022-01-05-almaty".into()),
            lang: Some(Lang::Kk),
            view: View::Compare,
            partial: true,
            embed: true,
        }
    }

    #[test]
    fn round_trips_every_field() {
        let s = full();
        let text = encode(&s);
        assert_eq!(
            text,
            "a=russia,china&all=1&l=zh&q=%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B%20%26%20%E6%9E%AA%E6%94%AF%20%231%20100%25&t=2022-01-03..2022-01-10T12%3A30&m=76.929,43.257,4.5&e=kz-2022-01-05-almaty&ui=kk&view=compare&cov=some&embed=1"
        );
        let (back, notices) = decode(&format!("#{text}"));
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(back, s);
        assert_eq!(encode(&ViewState::default()), "");
        assert_eq!(decode("").0, ViewState::default());
    }

    #[test]
    fn hostile_and_stale_values_are_dropped_with_notices() {
        let (s, n) = decode(
            "#a=russia&t=2022-02-30..2022-03-01&m=999,0,1&ui=xx&zz=1&e=&q=%E0%A4%&embed=yes",
        );
        assert_eq!(s.filter.actors, ["russia"]);
        assert_eq!(s.filter.range, None);
        assert_eq!(s.map, None);
        assert_eq!(s.lang, None);
        assert!(!s.embed);
        assert_eq!(n.len(), 6, "{n:?}");
        assert_eq!(s.filter.text, "\u{fffd}%");
        let (s, _) = decode("#q=<script>alert(1)</script>");
        assert_eq!(s.filter.text, "<script>alert(1)</script>");
        let (s, n) = decode("t=2022-01-10..2022-01-03");
        assert!(s.filter.range.is_none() && n.len() == 1);
        let long = format!("q={}", "%F0%9F%98%80".repeat(10_000));
        let (s, _) = decode(&long);
        assert!(s.filter.text.chars().count() <= 500);
        for junk in [
            "%", "%%", "&&&", "=", "a=,,,", "m=1,2", "t=..", "é=1", "%zz",
        ] {
            let _ = decode(junk);
        }
    }

    #[test]
    fn notices_are_short_escaped_and_few() {
        let long = format!("#zz={}", "x".repeat(20_000));
        let (_, n) = decode(&long);
        assert_eq!(n.len(), 1);
        assert!(n[0].ends_with("… (16384 characters)"), "{}", n[0]);
        assert!(n[0].chars().count() < 80, "{}", n[0]);
        let (_, n) = decode("#zz=%1B%5B2J%E2%80%AE");
        assert_eq!(n, ["zz=\\u{1b}[2J\\u{202e}"]);
        let many = "bad&".repeat(5000);
        let (_, n) = decode(&many);
        assert_eq!(n.len(), MAX_NOTICES + 1);
        assert_eq!(n.last().unwrap(), &format!("… +{}", 4096 - MAX_NOTICES));
        let (c, _) = parse(include_str!("../../../tests/fixtures/small.json"));
        let (mut s, _) = decode(&format!("e={}", "y".repeat(10_000)));
        let n = s.sanitize(&c);
        assert!(n[0].chars().count() < 80, "{}", n[0]);
    }

    #[test]
    fn history_entries_for_discrete_changes_only() {
        let base = ViewState::default();
        let with = |f: &dyn Fn(&mut ViewState)| {
            let mut v = base.clone();
            f(&mut v);
            v
        };
        assert!(is_new_history_entry(
            &base,
            &with(&|v| v.filter.actors = vec!["russia".into()])
        ));
        assert!(is_new_history_entry(
            &base,
            &with(&|v| v.selected = Some("e1".into()))
        ));
        assert!(is_new_history_entry(
            &base,
            &with(&|v| v.filter.range = Some((0, 100)))
        ));
        assert!(!is_new_history_entry(
            &base,
            &with(&|v| v.filter.text = "alm".into())
        ));
        assert!(!is_new_history_entry(
            &base,
            &with(&|v| v.map = Some(MapView {
                lon: 1.0,
                lat: 2.0,
                zoom: 3.0
            }))
        ));
        // Playing slides a window of the same width: in place. A new brush width is a step.
        let r = with(&|v| v.filter.range = Some((0, 100)));
        assert!(!is_new_history_entry(
            &r,
            &with(&|v| v.filter.range = Some((10, 110)))
        ));
        assert!(is_new_history_entry(
            &r,
            &with(&|v| v.filter.range = Some((10, 50)))
        ));
    }

    #[test]
    fn sanitize_drops_what_the_corpus_lacks() {
        let (c, _) = parse(include_str!("../../../tests/fixtures/small.json"));
        let (mut s, _) = decode("a=russia,usa&l=zh,xx&e=nope");
        let n = s.sanitize(&c);
        assert_eq!(n, ["a=usa", "l=xx", "e=nope"]);
        assert_eq!(s.filter.actors, ["russia"]);
        assert_eq!(s.filter.languages, ["zh"]);
        assert_eq!(s.selected, None);
    }

    #[test]
    fn the_compare_view_and_its_toggle_travel_in_the_link() {
        let (s, n) = decode("#view=compare&cov=some&l=zh,ru");
        assert!(n.is_empty(), "{n:?}");
        assert_eq!((s.view, s.partial), (View::Compare, true));
        assert_eq!(encode(&s), "l=zh,ru&view=compare&cov=some");
        // The defaults are written as nothing, and read back when spelt out.
        let (d, n) = decode("view=explore&cov=all");
        assert!(n.is_empty());
        assert_eq!((d.view, d.partial), (View::Explore, false));
        assert_eq!(encode(&d), "");
        // Anything else is dropped with a notice naming it.
        let (b, n) = decode("view=<b>x</b>&cov=maybe&view");
        assert_eq!((b.view, b.partial), (View::Explore, false));
        assert_eq!(n.len(), 3, "{n:?}");
        // Switching views is a step Back can undo.
        assert!(is_new_history_entry(&d, &s));
    }

    #[test]
    fn sanitize_keeps_compare_and_drops_a_toggle_one_language_cannot_use() {
        let (c, _) = parse(include_str!("../../../tests/fixtures/small.json"));
        let (mut s, _) = decode("view=compare&cov=some");
        if c.languages.len() >= 2 {
            assert!(s.sanitize(&c).is_empty());
            assert!(s.partial);
        }
        assert_eq!(s.view, View::Compare);
        let mut one = c.clone();
        one.languages.truncate(1);
        let (mut s, _) = decode("view=compare&cov=some");
        assert_eq!(s.sanitize(&one), ["cov=some"]);
        assert_eq!((s.view, s.partial), (View::Compare, false));
    }
}
