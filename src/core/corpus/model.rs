//! The corpus data model: what a corpus file holds once validated.
//!
//! These types serialize to the file format (`docs/corpus-format.md`); the JSON Schema in
//! `public/corpus.schema.json` is generated from them. Reading goes through
//! [`super::validate`], which reports every problem with its location.

use crate::text::lang::Lang;
use crate::time::date::PartialDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// The format name every corpus file declares.
pub const FORMAT_NAME: &str = "steppe-corpus";
/// The format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Text in several languages: BCP 47 code to string. English is required where noted.
///
/// Held as (code, text) pairs sorted by code, one per code: a corpus has one or more per
/// event, mostly in one to three languages, and a tree map would cost a node of several
/// hundred bytes for each. Written to JSON as an object.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text(Vec<(String, String)>);

impl Text {
    /// English-only text.
    pub fn en(s: impl Into<String>) -> Self {
        Text(vec![("en".to_string(), s.into())])
    }

    /// The text in `lang` (a code), else along the interface language's fallback chain
    /// (Kazakh: kk, ru, en; see [`Lang::fallback_chain`]), else any language present, else "".
    pub fn get(&self, lang: &str) -> &str {
        self.pick(lang).map_or("", |(_, t)| t)
    }

    /// Like [`Text::get`], with the code of the language found, for the `lang` attribute.
    pub fn pick(&self, lang: &str) -> Option<(&str, &str)> {
        let chain = Lang::from_code(lang).map_or(&["en"][..], Lang::fallback_chain);
        std::iter::once(lang)
            .chain(chain.iter().copied())
            .find_map(|l| self.find(l))
            .or_else(|| self.iter().next())
    }

    /// The pair for exactly `lang`, borrowed from the text.
    fn find(&self, lang: &str) -> Option<(&str, &str)> {
        self.0
            .binary_search_by(|(k, _)| k.as_str().cmp(lang))
            .ok()
            .and_then(|i| self.0.get(i))
            .map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The text in exactly `lang`, if present.
    pub fn exact(&self, lang: &str) -> Option<&str> {
        self.find(lang).map(|(_, t)| t)
    }

    /// (code, text) pairs, in code order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The texts, in code order.
    pub fn values(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(_, v)| v.as_str())
    }

    /// How many languages.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is no text at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<(String, String)> for Text {
    /// Pairs in any order; of two with the same code, the later one stays (as a JSON
    /// object's repeated key does).
    fn from_iter<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Self {
        let mut v: Vec<(String, String)> = pairs.into_iter().collect();
        // Stable: equal codes keep their order, so the last of each is the one kept. In
        // place: a text is made for every title and place name read or received.
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                std::mem::swap(later, kept);
            }
            same
        });
        v.shrink_to_fit();
        Text(v)
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

/// The schema of a map of code to text, which is how it is written.
#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Text in several languages: BCP 47 code to string. English is required where noted.",
            "type": "object",
            "additionalProperties": { "type": "string" }
        })
    }
}

/// A short text that is either one plain string, shown as written in every language, or
/// text in several languages (an actor's role in an event). Plain strings stay valid so
/// older files read unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Label {
    /// One string for every language.
    Plain(String),
    /// Text by language code, read along the fallback chain like other corpus text.
    Text(Text),
}

impl Label {
    /// The text for the interface language `lang`: a plain string as written, else as
    /// [`Text::get`].
    pub fn get(&self, lang: &str) -> &str {
        self.pick(lang).1
    }

    /// Like [`Label::get`], with the code of the language found (none for a plain string,
    /// whose language is not known).
    pub fn pick(&self, lang: &str) -> (Option<&str>, &str) {
        match self {
            Label::Plain(s) => (None, s),
            Label::Text(t) => t.pick(lang).map_or((None, ""), |(l, s)| (Some(l), s)),
        }
    }
}

impl From<&str> for Label {
    fn from(s: &str) -> Self {
        Label::Plain(s.to_string())
    }
}

/// The optional table of tag texts: tag id (as events write it) to its text in several
/// languages. A tag with no entry is shown as its id.
pub type Tags = BTreeMap<String, Text>;

/// A tag as shown in `lang`: its entry in `tags` along the fallback chain, else the id.
pub fn tag_text<'a>(tags: &'a Tags, id: &'a str, lang: &str) -> &'a str {
    tag_pick(tags, id, lang).1
}

/// Like [`tag_text`], with the code of the language found (none when the id is shown).
pub fn tag_pick<'a>(tags: &'a Tags, id: &'a str, lang: &str) -> (Option<&'a str>, &'a str) {
    tags.get(id)
        .and_then(|t| t.pick(lang))
        .map_or((None, id), |(l, s)| (Some(l), s))
}

/// What the corpus is, who made it, and under which licence.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Meta {
    pub title: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<PartialDate>,
}

/// The enums of the format: a fixed set of names.
pub trait NamedEnum: Sized + Copy + 'static {
    /// Every value, in declaration order.
    const ALL: &'static [Self];
    /// The value's name in the file format.
    fn as_str(self) -> &'static str;
    /// Reads a value from its file-format name.
    fn parse(s: &str) -> Option<Self>;
}

macro_rules! string_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        pub enum $name { $(#[serde(rename = $text)] $variant),+ }

        impl NamedEnum for $name {
            const ALL: &'static [$name] = &[$($name::$variant),+];

            fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

string_enum!(
    /// What sort of actor this is.
    ActorKind {
        State = "state",
        Government = "government",
        ArmedForce = "armed_force",
        Alliance = "alliance",
        Igo = "igo",
        Party = "party",
        Ngo = "ngo",
        Media = "media",
        Person = "person",
        Group = "group",
    }
);

string_enum!(
    /// What sort of outlet published a source.
    OutletKind {
        StateMedia = "state_media",
        Independent = "independent",
        Wire = "wire",
        Blog = "blog",
        Government = "government",
        Ngo = "ngo",
        Reference = "reference",
    }
);

string_enum!(
    /// How precisely an event's coordinates are known.
    PlacePrecision { Exact = "exact", City = "city", Region = "region", Country = "country" }
);

string_enum!(
    /// The broad kind of an event.
    EventType {
        Economic = "economic",
        Protest = "protest",
        Violence = "violence",
        Security = "security",
        Political = "political",
        Military = "military",
        Diplomatic = "diplomatic",
        Statement = "statement",
        Communications = "communications",
        Other = "other",
    }
);

/// A state, body, group or person that takes part in events or makes claims.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Actor {
    pub id: String,
    pub name: Text,
    pub kind: ActorKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

/// A publication cited by events, in its original language.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Source {
    pub id: String,
    pub outlet: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet_kind: Option<OutletKind>,
    /// Only `http:` and `https:` links are accepted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The title in the source's own language, exactly as cited.
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// BCP 47 language code of the source.
    pub lang: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
}

/// Where an event happened.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Place {
    pub name: Text,
    pub lat: f64,
    pub lon: f64,
    pub precision: PlacePrecision,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// An actor taking part in an event, with an optional role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ActorRef {
    pub id: String,
    /// What the actor did in the event: a plain string, or text in several languages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Label>,
}

/// Marks an event as somebody's claim rather than an established fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Claim {
    /// The actor who makes the claim.
    pub claimant: String,
    pub disputed: bool,
    /// The id of the [`Question`] this claim answers, when several claims answer the same one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// The claim's answer to its question, short and as the source gives it ("about 2,500").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<Text>,
}

/// A question several claims answer differently (a death toll, a troop number): it groups
/// them so they can be shown side by side.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Question {
    pub id: String,
    /// The question, in one or more languages (English required).
    pub text: Text,
    /// What the answers count or measure ("troops", "hours"), if they share a unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
}

/// A dated happening, usually placed, with who took part and who reported it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Event {
    pub id: String,
    pub date: PartialDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    /// Where it happened; absent for events with no place (shown on the timeline and in
    /// the list, counted on the map as "not on the map").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    pub title: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<ActorRef>,
    #[serde(rename = "type")]
    pub kind: EventType,
    /// Tag ids; the corpus' `tags` table may give them text in several languages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    // Boxed: few events are claims, and every event would otherwise hold a claim's room.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim: Option<Box<Claim>>,
    pub sources: Vec<String>,
}

/// A whole corpus file, as written to disk.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CorpusFile {
    /// Always "steppe-corpus".
    pub format: String,
    /// Always 1 for this version of the format.
    pub version: u32,
    pub meta: Meta,
    pub actors: Vec<Actor>,
    pub sources: Vec<Source>,
    /// Questions that claim events answer (optional).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
    /// Tag texts in several languages, by tag id (optional; an id without an entry is shown
    /// as written).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: Tags,
    pub events: Vec<Event>,
}

/// Events are written with TimelineJS-style date objects so import and export stay trivial.
impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("year", &self.year)?;
        if let Some(v) = self.month {
            m.serialize_entry("month", &v)?;
        }
        if let Some(v) = self.day {
            m.serialize_entry("day", &v)?;
        }
        if let Some((h, mi)) = self.time {
            m.serialize_entry("hour", &h)?;
            m.serialize_entry("minute", &mi)?;
        }
        if self.offset_minutes.is_some() && self.time.is_some() {
            let iso = self.to_iso();
            let off = &iso[iso.find('T').map_or(iso.len(), |t| t + 6)..];
            m.serialize_entry("utc_offset", off)?;
        }
        m.end()
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A date at year, month, day or minute precision: an ISO-like string (2022, 2022-01, 2022-01-05, 2022-01-05T14:30+06:00) or a TimelineJS-style object.",
            "oneOf": [
                { "type": "string", "pattern": "^-?\\d{4,5}(-\\d{2}(-\\d{2}([T ]\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})?)?)?)?$" },
                {
                    "type": "object",
                    "required": ["year"],
                    "additionalProperties": false,
                    "properties": {
                        "year": { "type": "integer", "minimum": -9999, "maximum": 9999 },
                        "month": { "type": "integer", "minimum": 1, "maximum": 12 },
                        "day": { "type": "integer", "minimum": 1, "maximum": 31 },
                        "hour": { "type": "integer", "minimum": 0, "maximum": 23 },
                        "minute": { "type": "integer", "minimum": 0, "maximum": 59 },
                        "utc_offset": { "type": "string", "pattern": "^(Z|[+-]\\d{2}:\\d{2})$" }
                    }
                }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(pairs: &[(&str, &str)]) -> Text {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn corpus_text_follows_the_fallback_chain() {
        let t = text(&[("en", "Almaty"), ("ru", "Алматы-ru"), ("de", "Almaty-de")]);
        assert_eq!(t.get("kk"), "Алматы-ru");
        assert_eq!(t.pick("kk"), Some(("ru", "Алматы-ru")));
        assert_eq!(t.get("ru"), "Алматы-ru");
        assert_eq!(t.pick("zh"), Some(("en", "Almaty")));
        assert_eq!(t.get("de"), "Almaty-de");
        let only_de = text(&[("de", "Nur")]);
        assert_eq!(only_de.pick("kk"), Some(("de", "Nur")));
        assert_eq!(Text::default().get("kk"), "");
    }

    #[test]
    fn a_text_is_in_code_order_and_the_later_of_two_codes_stays() {
        let t = text(&[
            ("ru", "first ru"),
            ("en", "first en"),
            ("ru", "second ru"),
            ("de", "de"),
            ("ru", "third ru"),
            ("en", "second en"),
        ]);
        let pairs: Vec<(&str, &str)> = t.iter().collect();
        assert_eq!(
            pairs,
            [("de", "de"), ("en", "second en"), ("ru", "third ru")]
        );
        assert_eq!(t.len(), 3);
    }

    #[test]
    fn tags_and_roles_follow_the_fallback_chain() {
        let tags = Tags::from([(
            "casualties".to_string(),
            text(&[("en", "casualties"), ("ru", "жертвы")]),
        )]);
        assert_eq!(tag_text(&tags, "casualties", "kk"), "жертвы");
        assert_eq!(tag_pick(&tags, "casualties", "kk"), (Some("ru"), "жертвы"));
        assert_eq!(tag_text(&tags, "casualties", "zh"), "casualties");
        assert_eq!(tag_pick(&tags, "riot", "ru"), (None, "riot"));
        let role = Label::Text(text(&[
            ("en", "claimant"),
            ("kk", "мәлімдеуші"),
            ("ru", "заявитель"),
        ]));
        assert_eq!(role.get("kk"), "мәлімдеуші");
        assert_eq!(role.get("ru"), "заявитель");
        assert_eq!(role.pick("zh"), (Some("en"), "claimant"));
        let ru_only = Label::Text(text(&[("ru", "заявитель"), ("en", "claimant")]));
        assert_eq!(ru_only.get("kk"), "заявитель");
        assert_eq!(Label::from("claimant").pick("ru"), (None, "claimant"));
    }

    #[test]
    fn plain_roles_stay_plain_strings_when_written() {
        let plain = ActorRef {
            id: "a".into(),
            role: Some("claimant".into()),
        };
        assert_eq!(
            serde_json::to_string(&plain).unwrap(),
            r#"{"id":"a","role":"claimant"}"#
        );
        let texts = ActorRef {
            id: "a".into(),
            role: Some(Label::Text(text(&[
                ("en", "claimant"),
                ("ru", "заявитель"),
            ]))),
        };
        assert_eq!(
            serde_json::to_string(&texts).unwrap(),
            r#"{"id":"a","role":{"en":"claimant","ru":"заявитель"}}"#
        );
    }
}
