//! The filtered view out: a corpus of just those events and what they reference, and that
//! corpus as CSV, GeoJSON, Steppe JSON or TimelineJS3 JSON.

use crate::corpus::{tag_text, Corpus, CorpusFile, NamedEnum, Tags, FORMAT_NAME, FORMAT_VERSION};
use crate::query::bitset::Bitset;
use serde_json::{json, Map, Value as Json};
use std::collections::HashSet;

/// The formats a view can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    GeoJson,
    Steppe,
    TimelineJs,
}

impl ExportFormat {
    /// Every format, in the order they are offered.
    pub const ALL: [ExportFormat; 4] = [
        ExportFormat::Csv,
        ExportFormat::GeoJson,
        ExportFormat::Steppe,
        ExportFormat::TimelineJs,
    ];

    /// The file name extension and media type.
    pub fn file(self) -> (&'static str, &'static str) {
        match self {
            ExportFormat::Csv => ("csv", "text/csv"),
            ExportFormat::GeoJson => ("geojson", "application/geo+json"),
            ExportFormat::Steppe => ("json", "application/json"),
            ExportFormat::TimelineJs => ("timeline.json", "application/json"),
        }
    }

    /// Reads a format name as the CLI takes it.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "csv" => Some(ExportFormat::Csv),
            "geojson" => Some(ExportFormat::GeoJson),
            "steppe" | "json" => Some(ExportFormat::Steppe),
            "timelinejs" | "timeline" => Some(ExportFormat::TimelineJs),
            _ => None,
        }
    }
}

/// A valid corpus file of the events in `matches` (all events if `None`), in date order,
/// with only the actors, sources, questions and tag texts they reference.
pub fn subset(c: &Corpus, matches: Option<&Bitset>) -> CorpusFile {
    let events: Vec<_> = match matches {
        Some(m) => m.iter().filter_map(|i| c.events.get(i)).cloned().collect(),
        None => c.events.clone(),
    };
    let mut actor_ids: HashSet<&str> = HashSet::new();
    let mut source_ids: HashSet<&str> = HashSet::new();
    let mut question_ids: HashSet<&str> = HashSet::new();
    let mut tag_ids: HashSet<&str> = HashSet::new();
    for e in &events {
        actor_ids.extend(e.actors.iter().map(|a| a.id.as_str()));
        actor_ids.extend(e.claim.iter().map(|cl| cl.claimant.as_str()));
        source_ids.extend(e.sources.iter().map(String::as_str));
        question_ids.extend(e.claim.iter().filter_map(|cl| cl.question.as_deref()));
        tag_ids.extend(e.tags.iter().map(String::as_str));
    }
    let tags: Tags = c
        .tags
        .iter()
        .filter(|(id, _)| tag_ids.contains(id.as_str()))
        .map(|(id, t)| (id.clone(), t.clone()))
        .collect();
    let actors: Vec<_> = c
        .actors
        .iter()
        .filter(|a| actor_ids.contains(a.id.as_str()))
        .cloned()
        .collect();
    let sources: Vec<_> = c
        .sources
        .iter()
        .filter(|s| source_ids.contains(s.id.as_str()))
        .cloned()
        .collect();
    let questions: Vec<_> = c
        .questions
        .iter()
        .filter(|q| question_ids.contains(q.id.as_str()))
        .cloned()
        .collect();
    let mut meta = c.meta.clone();
    let used: HashSet<&str> = sources.iter().map(|s| s.lang.as_str()).collect();
    if !meta.languages.is_empty() {
        meta.languages.retain(|l| used.contains(l.as_str()));
    }
    CorpusFile {
        format: FORMAT_NAME.to_string(),
        version: FORMAT_VERSION,
        meta,
        actors,
        sources,
        questions,
        tags,
        events,
    }
}

/// A corpus as a GeoJSON FeatureCollection: a Point per event (null geometry for events
/// with no place), its fields as properties (English text, else the first of its languages by code;
/// tags as their texts; actors, tags, languages and links joined with "; ").
pub fn geojson(file: &CorpusFile) -> String {
    let features: Vec<Json> = file
        .events
        .iter()
        .map(|e| {
            let srcs: Vec<_> = e
                .sources
                .iter()
                .filter_map(|id| file.sources.iter().find(|s| &s.id == id))
                .collect();
            let name = |id: &str| {
                file.actors
                    .iter()
                    .find(|a| a.id == id)
                    .map_or(id.to_string(), |a| a.name.get("en").to_string())
            };
            let mut p = Map::new();
            p.insert("id".into(), json!(e.id));
            p.insert("date".into(), json!(e.date.to_iso()));
            if let Some(end) = e.end {
                p.insert("end".into(), json!(end.to_iso()));
            }
            p.insert("title".into(), json!(e.title.get("en")));
            if let Some(s) = &e.summary {
                p.insert("summary".into(), json!(s.get("en")));
            }
            if let Some(pl) = &e.place {
                p.insert("place".into(), json!(pl.name.get("en")));
                p.insert("place_precision".into(), json!(pl.precision.as_str()));
                if let Some(cc) = &pl.country {
                    p.insert("country".into(), json!(cc));
                }
            }
            p.insert("type".into(), json!(e.kind.as_str()));
            let tags: Vec<&str> = e
                .tags
                .iter()
                .map(|t| tag_text(&file.tags, t, "en"))
                .collect();
            p.insert("tags".into(), json!(tags.join("; ")));
            let actors: Vec<String> = e.actors.iter().map(|a| name(&a.id)).collect();
            p.insert("actors".into(), json!(actors.join("; ")));
            if let Some(cl) = &e.claim {
                p.insert("claimant".into(), json!(name(&cl.claimant)));
                p.insert("disputed".into(), json!(cl.disputed));
            }
            let outlets: Vec<&str> = srcs.iter().map(|s| s.outlet.as_str()).collect();
            p.insert("sources".into(), json!(outlets.join("; ")));
            let mut langs: Vec<&str> = srcs.iter().map(|s| s.lang.as_str()).collect();
            langs.dedup();
            p.insert("languages".into(), json!(langs.join("; ")));
            let urls: Vec<&str> = srcs.iter().filter_map(|s| s.url.as_deref()).collect();
            p.insert("source_urls".into(), json!(urls.join("; ")));
            let geometry = e.place.as_ref().map_or(
                Json::Null,
                |pl| json!({ "type": "Point", "coordinates": [pl.lon, pl.lat] }),
            );
            json!({ "type": "Feature", "id": e.id, "geometry": geometry, "properties": p })
        })
        .collect();
    serde_json::to_string(&json!({ "type": "FeatureCollection", "features": features }))
        .unwrap_or_default()
}

/// `file` written in `format`.
pub fn write(file: &CorpusFile, format: ExportFormat) -> String {
    match format {
        ExportFormat::Csv => super::csv::export(file),
        ExportFormat::GeoJson => geojson(file),
        ExportFormat::Steppe => serde_json::to_string_pretty(file).unwrap_or_default(),
        ExportFormat::TimelineJs => super::timelinejs::export(file),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{parse, validate};
    use crate::query::{run, Filter};

    const SMALL: &str = include_str!("../../../tests/fixtures/small.json");

    fn filtered(actor: &str) -> (Corpus, Bitset) {
        let (c, _) = parse(SMALL);
        let mut f = Filter::default();
        f.actors.push(actor.to_string());
        let r = run(&c, &f);
        (c, r.matches)
    }

    #[test]
    fn a_subset_is_a_valid_corpus_of_just_what_it_references() {
        let (c, m) = filtered("protesters");
        let file = subset(&c, Some(&m));
        assert_eq!(file.events.len(), m.count());
        assert!(file
            .events
            .iter()
            .all(|e| e.actors.iter().any(|a| a.id == "protesters")));
        assert_eq!(
            file.actors
                .iter()
                .map(|a| a.id.as_str())
                .collect::<Vec<_>>(),
            ["protesters"]
        );
        let json = write(&file, ExportFormat::Steppe);
        let v = validate(&json);
        assert!(v.diagnostics.is_empty(), "{:#?}", v.diagnostics);
        assert_eq!(v.file, file);
    }

    #[test]
    fn geojson_is_a_feature_collection_of_points() {
        let (c, _) = parse(SMALL);
        let g: Json = serde_json::from_str(&geojson(&subset(&c, None))).unwrap();
        assert_eq!(g["type"], "FeatureCollection");
        let feats = g["features"].as_array().unwrap();
        assert_eq!(feats.len(), c.len());
        let almaty = feats.iter().find(|f| f["id"] == "e3").unwrap();
        assert_eq!(
            almaty["geometry"]["coordinates"],
            json!([76.92861, 43.25667])
        );
        assert_eq!(almaty["properties"]["date"], "2022-01-06");
        assert_eq!(almaty["properties"]["languages"], "zh; ru");
        assert_eq!(
            almaty["properties"]["actors"]
                .as_str()
                .unwrap()
                .split("; ")
                .count(),
            2
        );
    }
}
