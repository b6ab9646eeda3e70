//! TimelineJS3 JSON (<https://timeline.knightlab.com/docs/json-format.html>) in and out.
//!
//! In: `title` becomes the corpus title and description; each of `events` an event
//! (`start_date`/`end_date` at their own precision, `text.headline` the title and `text.text`
//! the summary as plain text, `group` a tag, `media.url`/`media.credit`/`media.caption` a
//! source, `unique_id` the id); each of `eras` a tag on the events it spans. TimelineJS has
//! no places, actors or event types: events come in without a place, of type "other".
//! Out: the same fields, so Steppe -> TimelineJS -> Steppe keeps ids, dates, titles,
//! summaries, the first tag and the first source.

use super::{headline_and_body, member, object_of, plain_text, text_of, Builder, Format, Imported};
use crate::corpus::diagnostic::{Message, Msg, Severity};
use crate::corpus::json::{self, Member, Node, Value};
use crate::corpus::validate::{MAX_SUMMARY_CHARS, MAX_TITLE_CHARS};
use crate::corpus::{tag_text, CorpusFile, Event, EventType, Text};
use crate::time::date::PartialDate;
use serde_json::{json, Map, Value as Json};

/// A TimelineJS date object (`year` required; `month`, `day`, `hour`, `minute` optional,
/// numbers or strings) at the precision it gives.
fn date(members: &[Member]) -> Result<PartialDate, Message> {
    let num = |k: &str| -> Result<Option<i64>, Message> {
        match text_of(members, k) {
            None => Ok(None),
            Some(s) if s.trim().is_empty() => Ok(None),
            Some(s) => s.trim().parse::<i64>().map(Some).map_err(|_| {
                Message::new(Msg::NotWholeNumber)
                    .arg("field", k)
                    .quoted("found", &s)
            }),
        }
    };
    let year = num("year")?.ok_or(Message::new(Msg::DateNeedsYear))?;
    let out_of_range = |k: &str, x: i64| {
        Message::new(Msg::OutOfRange)
            .arg("field", k)
            .arg("found", x)
    };
    let small = |k: &str, v: Option<i64>| -> Result<Option<u8>, Message> {
        v.map(|x| u8::try_from(x).map_err(|_| out_of_range(k, x)))
            .transpose()
    };
    let month = small("month", num("month")?)?;
    let day = match month {
        Some(_) => small("day", num("day")?)?,
        None => None,
    };
    let time = match (day, small("hour", num("hour")?)?) {
        (Some(_), Some(h)) => Some((h, small("minute", num("minute")?)?.unwrap_or(0))),
        _ => None,
    };
    let d = PartialDate {
        year: i32::try_from(year).map_err(|_| out_of_range("year", year))?,
        month,
        day,
        time,
        offset_minutes: None,
    };
    d.validate().map_err(|e| e.message)?;
    Ok(d)
}

/// Reads a TimelineJS3 file.
pub fn import(text: &str) -> Imported {
    let mut b = Builder::new(text, Format::TimelineJs);
    let root = match json::parse(text) {
        Ok(Node {
            value: Value::Object(m),
            ..
        }) => m,
        Ok(n) => {
            b.at(Severity::Error, n.start, "", Msg::TimelineNotObject.into());
            return b.finish();
        }
        Err(e) => {
            b.at(Severity::Error, e.offset, "", e.message);
            return b.finish();
        }
    };
    if let Some(t) = object_of(&root, "title") {
        if let Some(tx) = object_of(t, "text") {
            let head = text_of(tx, "headline")
                .map(|s| plain_text(&s))
                .unwrap_or_default();
            if !head.is_empty() {
                b.file.meta.title = Text::en(super::clip(&head, MAX_TITLE_CHARS).0);
            }
            let body = text_of(tx, "text")
                .map(|s| plain_text(&s))
                .unwrap_or_default();
            if !body.is_empty() {
                b.file.meta.description = Some(Text::en(super::clip(&body, MAX_SUMMARY_CHARS).0));
            }
        }
    }
    let events = match member(&root, "events").map(|n| &n.value) {
        Some(Value::Array(a)) => a.as_slice(),
        _ => {
            b.at(Severity::Error, 0, "events", Msg::TimelineNoEvents.into());
            &[]
        }
    };
    for (i, n) in events.iter().enumerate() {
        let path = format!("events[{i}]");
        let Value::Object(ev) = &n.value else {
            b.warn(n.start, &path, Msg::NotAnObjectLeftOut.into());
            continue;
        };
        if let Some(e) = event(&mut b, ev, n, &path) {
            b.file.events.push(e);
        }
    }
    if let Some(Node {
        value: Value::Array(eras),
        ..
    }) = member(&root, "eras")
    {
        for (i, n) in eras.iter().enumerate() {
            era(&mut b, n, &format!("eras[{i}]"));
        }
    }
    b.finish()
}

/// An era becomes a tag on every event that starts within it.
fn era(b: &mut Builder, n: &Node, path: &str) {
    let Value::Object(m) = &n.value else { return };
    let dates = object_of(m, "start_date")
        .map(date)
        .zip(object_of(m, "end_date").map(date));
    let name = object_of(m, "text")
        .and_then(|t| text_of(t, "headline"))
        .map(|s| plain_text(&s))
        .unwrap_or_default();
    match dates {
        Some((Ok(s), Ok(e))) if !name.is_empty() => {
            for ev in &mut b.file.events {
                let t = ev.date.start_minute();
                if t >= s.start_minute() && t < e.end_minute() && !ev.tags.contains(&name) {
                    ev.tags.push(name.clone());
                }
            }
        }
        _ => b.warn(n.start, path, Msg::TimelineEra.into()),
    }
}

fn event(b: &mut Builder, ev: &[Member], n: &Node, path: &str) -> Option<Event> {
    let start = match object_of(ev, "start_date").map(date) {
        Some(Ok(d)) => d,
        Some(Err(msg)) => {
            let at = member(ev, "start_date").map_or(n.start, |x| x.start);
            b.warn(
                at,
                &format!("{path}.start_date"),
                Message::new(Msg::EventLeftOut).sub("why", msg),
            );
            return None;
        }
        None => {
            b.warn(n.start, path, Msg::EventNoStart.into());
            return None;
        }
    };
    let end = match object_of(ev, "end_date").map(date) {
        Some(Ok(d)) if d.end_minute() >= start.end_minute() => Some(d),
        Some(Ok(_)) => {
            let at = member(ev, "end_date").map_or(n.start, |x| x.start);
            b.warn(
                at,
                &format!("{path}.end_date"),
                Msg::TimelineEndBeforeStart.into(),
            );
            None
        }
        Some(Err(msg)) => {
            let at = member(ev, "end_date").map_or(n.start, |x| x.start);
            b.warn(
                at,
                &format!("{path}.end_date"),
                Message::new(Msg::EndDateLeftOut).sub("why", msg),
            );
            None
        }
        None => None,
    };
    let (headline, body) = headline_and_body(ev);
    let (title, cut) = super::clip(
        if headline.is_empty() {
            &body
        } else {
            &headline
        },
        MAX_TITLE_CHARS,
    );
    if cut {
        b.warn(
            n.start,
            &format!("{path}.text.headline"),
            Message::new(Msg::TitleShortened).arg("max", MAX_TITLE_CHARS),
        );
    }
    let title = if title.is_empty() {
        start.to_iso()
    } else {
        title
    };
    let summary = (!body.is_empty() && !headline.is_empty())
        .then(|| Text::en(super::clip(&body, MAX_SUMMARY_CHARS).0));
    let mut tags = Vec::new();
    if let Some(g) = text_of(ev, "group")
        .map(|s| plain_text(&s))
        .filter(|s| !s.is_empty())
    {
        tags.push(super::clip(&g, 300).0);
    }
    let mut sources = Vec::new();
    if let Some(media) = object_of(ev, "media") {
        let url = text_of(media, "url");
        let credit = text_of(media, "credit").unwrap_or_default();
        let caption = text_of(media, "caption").unwrap_or_default();
        if url.is_some() || !credit.is_empty() {
            let at = member(media, "url").map_or(n.start, |x| x.start);
            let p = format!("{path}.media.url");
            let caption = if caption.is_empty() {
                title.clone()
            } else {
                caption
            };
            sources.push(b.source(&credit, &caption, url.as_deref(), "en", (at, &p)));
        }
    }
    if sources.is_empty() {
        sources.push(b.file_source());
    }
    let hint = text_of(ev, "unique_id").unwrap_or_default();
    let id = b.unique_id(
        &hint,
        &format!("event-{}", b.file.events.len().saturating_add(1)),
    );
    Some(Event {
        id,
        date: start,
        end,
        place: None,
        title: Text::en(title),
        summary,
        actors: Vec::new(),
        kind: EventType::Other,
        tags,
        claim: None,
        sources,
    })
}

fn date_json(d: &PartialDate) -> Json {
    let mut m = Map::new();
    m.insert("year".into(), json!(d.year.to_string()));
    if let Some(v) = d.month {
        m.insert("month".into(), json!(v.to_string()));
    }
    if let Some(v) = d.day {
        m.insert("day".into(), json!(v.to_string()));
    }
    if let Some((h, mi)) = d.time {
        m.insert("hour".into(), json!(h.to_string()));
        m.insert("minute".into(), json!(mi.to_string()));
    }
    Json::Object(m)
}

/// A corpus as TimelineJS3 JSON (English text, else the first of its languages by code; the
/// first tag's text as the group, the first source as the media credit and link).
pub fn export(file: &CorpusFile) -> String {
    let events: Vec<Json> = file
        .events
        .iter()
        .map(|e| {
            let mut m = Map::new();
            m.insert("unique_id".into(), json!(e.id));
            m.insert("start_date".into(), date_json(&e.date));
            if let Some(end) = &e.end {
                m.insert("end_date".into(), date_json(end));
            }
            let mut text = Map::new();
            text.insert("headline".into(), json!(e.title.get("en")));
            if let Some(s) = &e.summary {
                text.insert("text".into(), json!(s.get("en")));
            }
            m.insert("text".into(), Json::Object(text));
            if let Some(t) = e.tags.first() {
                m.insert("group".into(), json!(tag_text(&file.tags, t, "en")));
            }
            let src = e
                .sources
                .first()
                .and_then(|id| file.sources.iter().find(|s| &s.id == id));
            if let Some(s) = src {
                let mut media = Map::new();
                media.insert("url".into(), json!(s.url.clone().unwrap_or_default()));
                media.insert("credit".into(), json!(s.outlet));
                media.insert("caption".into(), json!(s.title));
                m.insert("media".into(), Json::Object(media));
            }
            Json::Object(m)
        })
        .collect();
    let mut title = Map::new();
    let mut tt = Map::new();
    tt.insert("headline".into(), json!(file.meta.title.get("en")));
    if let Some(d) = &file.meta.description {
        tt.insert("text".into(), json!(d.get("en")));
    }
    title.insert("text".into(), Json::Object(tt));
    serde_json::to_string_pretty(&json!({ "title": title, "events": events })).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::validate;

    const SAMPLE: &str = r#"{
  "title": { "text": { "headline": "January <b>events</b>", "text": "<p>A story</p>" } },
  "events": [
    { "start_date": { "year": "2022", "month": "1", "day": "5" },
      "text": { "headline": "Protest <script>alert(1)</script>grows", "text": "<p>Crowds in <i>Almaty</i></p>" },
      "group": "Protests",
      "media": { "url": "https://example.org/a", "credit": "Reuters", "caption": "Photo" } },
    { "start_date": { "year": 2022, "month": 1 }, "end_date": { "year": 2022, "month": 2 },
      "text": { "headline": "Month-long" }, "unique_id": "long-one",
      "media": { "url": "javascript:alert(1)", "credit": "Bad" } },
    { "start_date": { "year": "twenty" }, "text": { "headline": "Bad year" } },
    { "text": { "headline": "No date" } }
  ],
  "eras": [ { "start_date": { "year": 2022, "month": 1, "day": 1 }, "end_date": { "year": 2022, "month": 1, "day": 10 }, "text": { "headline": "Unrest" } } ]
}"#;

    #[test]
    fn events_dates_text_media_and_eras_are_read() {
        let im = import(SAMPLE);
        let f = &im.file;
        assert_eq!(f.meta.title.get("en"), "January events");
        assert_eq!(f.events.len(), 2, "{:#?}", im.diagnostics);
        let e = &f.events[0];
        assert_eq!(e.date, PartialDate::ymd(2022, 1, 5));
        assert_eq!(e.title.get("en"), "Protest grows");
        assert_eq!(e.summary.as_ref().unwrap().get("en"), "Crowds in Almaty");
        assert_eq!(e.tags, ["Protests", "Unrest"]);
        assert!(e.place.is_none());
        let s = f.sources.iter().find(|s| s.id == e.sources[0]).unwrap();
        assert_eq!(
            (s.outlet.as_str(), s.url.as_deref(), s.title.as_str()),
            ("Reuters", Some("https://example.org/a"), "Photo")
        );
        let long = &f.events[1];
        assert_eq!(long.id, "long-one");
        assert_eq!(long.date.to_iso(), "2022-01");
        assert_eq!(long.end.unwrap().to_iso(), "2022-02");
        // Located: the bad link, the bad year, the missing date.
        let d: Vec<(usize, &str)> = im
            .diagnostics
            .iter()
            .map(|d| (d.line, d.path.as_str()))
            .collect();
        assert_eq!(
            d,
            [
                (10, "events[1].media.url"),
                (11, "events[2].start_date"),
                (12, "events[3]")
            ]
        );
        // What comes out passes the validator untouched.
        let json = serde_json::to_string(f).unwrap();
        let v = validate(&json);
        assert!(v.diagnostics.is_empty(), "{:#?}", v.diagnostics);
        assert_eq!(v.file.events.len(), 2);
    }

    #[test]
    fn broken_json_is_located() {
        let im = import("{\n  \"events\": [ }");
        assert_eq!(im.diagnostics.len(), 1);
        assert_eq!(im.diagnostics[0].line, 2);
        assert!(im.file.events.is_empty());
    }
}
