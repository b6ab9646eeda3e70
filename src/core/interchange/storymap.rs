//! StoryMapJS JSON (`{"storymap": {"slides": [...]}}`) in.
//!
//! The overview slide (`type: "overview"`, or the first slide without a location) gives the
//! corpus title and description; every other slide becomes an event placed at its
//! `location` (`lat`, `lon`, `name`), titled by `text.headline`, summarised by `text.text`
//! (both as plain text), citing `media.url`/`media.credit`. StoryMapJS slides carry no date
//! of their own: the slide's `date` (as in the generic CSV mapping, e.g. `2022-01-05` or
//! `5 January 2022`) is required, and a slide without one is reported and left out.

use super::csv::loose_date;
use super::{headline_and_body, member, object_of, plain_text, text_of, Builder, Format, Imported};
use crate::corpus::diagnostic::{Message, Msg, Severity};
use crate::corpus::json::{self, Member, Node, Value};
use crate::corpus::validate::{MAX_NAME_CHARS, MAX_SUMMARY_CHARS, MAX_TITLE_CHARS};
use crate::corpus::{Event, EventType, Place, PlacePrecision, Text};

fn number(m: &[Member], key: &str) -> Option<f64> {
    match member(m, key).map(|n| &n.value) {
        Some(Value::Number(x)) => Some(*x),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Reads a StoryMapJS file.
pub fn import(text: &str) -> Imported {
    let mut b = Builder::new(text, Format::StoryMap);
    let slides = match json::parse(text) {
        Ok(Node {
            value: Value::Object(root),
            ..
        }) => object_of(&root, "storymap")
            .and_then(|s| member(s, "slides"))
            .and_then(|n| match &n.value {
                Value::Array(a) => Some(a.clone()),
                _ => None,
            }),
        Ok(_) => None,
        Err(e) => {
            b.at(Severity::Error, e.offset, "", e.message);
            return b.finish();
        }
    };
    let Some(slides) = slides else {
        b.at(
            Severity::Error,
            0,
            "storymap.slides",
            Msg::StorymapNoSlides.into(),
        );
        return b.finish();
    };
    for (i, n) in slides.iter().enumerate() {
        let path = format!("storymap.slides[{i}]");
        let Value::Object(s) = &n.value else {
            b.warn(n.start, &path, Msg::NotAnObjectLeftOut.into());
            continue;
        };
        let (headline, body) = headline_and_body(s);
        let loc = object_of(s, "location");
        let overview = text_of(s, "type").as_deref() == Some("overview");
        if overview || (i == 0 && loc.is_none()) {
            if !headline.is_empty() {
                b.file.meta.title = Text::en(super::clip(&headline, MAX_TITLE_CHARS).0);
            }
            if !body.is_empty() {
                b.file.meta.description = Some(Text::en(super::clip(&body, MAX_SUMMARY_CHARS).0));
            }
            continue;
        }
        let date = text_of(s, "date").as_deref().map(loose_date);
        let date = match date {
            Some(Ok(d)) => d,
            Some(Err(msg)) => {
                let at = member(s, "date").map_or(n.start, |x| x.start);
                b.warn(
                    at,
                    &format!("{path}.date"),
                    Message::new(Msg::SlideLeftOut).sub("why", msg),
                );
                continue;
            }
            None => {
                b.warn(n.start, &path, Msg::SlideNoDate.into());
                continue;
            }
        };
        let place = loc.and_then(|l| {
            let (lat, lon) = (number(l, "lat")?, number(l, "lon")?);
            ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then(|| Place {
                name: Text::en(
                    text_of(l, "name")
                        .map(|t| super::clip(&plain_text(&t), MAX_NAME_CHARS).0)
                        .filter(|t| !t.is_empty())
                        .unwrap_or_else(|| format!("{lat:.4}, {lon:.4}")),
                ),
                lat,
                lon,
                precision: PlacePrecision::Exact,
                country: None,
            })
        });
        if loc.is_some() && place.is_none() {
            let at = member(s, "location").map_or(n.start, |x| x.start);
            b.warn(at, &format!("{path}.location"), Msg::StorymapPlace.into());
        }
        let mut sources = Vec::new();
        if let Some(media) = object_of(s, "media") {
            let url = text_of(media, "url");
            let credit = text_of(media, "credit").unwrap_or_default();
            if url.is_some() || !credit.is_empty() {
                let at = member(media, "url").map_or(n.start, |x| x.start);
                let p = format!("{path}.media.url");
                let caption = text_of(media, "caption").unwrap_or_else(|| headline.clone());
                sources.push(b.source(&credit, &caption, url.as_deref(), "en", (at, &p)));
            }
        }
        if sources.is_empty() {
            sources.push(b.file_source());
        }
        let title = if headline.is_empty() {
            date.to_iso()
        } else {
            super::clip(&headline, MAX_TITLE_CHARS).0
        };
        let id = b.unique_id(&super::slug(&title), "slide");
        b.file.events.push(Event {
            id,
            date,
            end: None,
            place,
            title: Text::en(title),
            summary: (!body.is_empty()).then(|| Text::en(super::clip(&body, MAX_SUMMARY_CHARS).0)),
            actors: Vec::new(),
            kind: EventType::Other,
            tags: Vec::new(),
            claim: None,
            sources,
        });
    }
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::validate;

    #[test]
    fn slides_become_placed_events() {
        let text = r#"{ "storymap": { "slides": [
  { "type": "overview", "text": { "headline": "Route", "text": "A <em>journey</em>" } },
  { "date": "2022-01-05", "location": { "lat": 43.25, "lon": 76.95, "name": "Almaty" },
    "text": { "headline": "Start", "text": "Leaving" }, "media": { "url": "https://example.org/p", "credit": "AP" } },
  { "date": "6 January 2022", "location": { "lat": 99, "lon": 0 }, "text": { "headline": "Lost" } },
  { "location": { "lat": 1, "lon": 1 }, "text": { "headline": "Undated" } }
] } }"#;
        let im = import(text);
        assert_eq!(im.file.meta.title.get("en"), "Route");
        assert_eq!(im.file.events.len(), 2);
        let p = im.file.events[0].place.as_ref().unwrap();
        assert_eq!((p.lat, p.lon, p.name.get("en")), (43.25, 76.95, "Almaty"));
        assert!(im.file.events[1].place.is_none());
        let d: Vec<(usize, &str)> = im
            .diagnostics
            .iter()
            .map(|d| (d.line, d.path.as_str()))
            .collect();
        assert_eq!(
            d,
            [
                (5, "storymap.slides[2].location"),
                (6, "storymap.slides[3]")
            ]
        );
        let v = validate(&serde_json::to_string(&im.file).unwrap());
        assert!(v.diagnostics.is_empty(), "{:#?}", v.diagnostics);
    }
}
