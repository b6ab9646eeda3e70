//! CSV in and out: one row per event, with a header.
//!
//! Reading takes any of `,` `;` tab or `|` as the delimiter (the one the header uses most),
//! quoted fields with `""` escapes and line breaks, CRLF or LF, UTF-8 with or without a BOM.
//! Columns are matched by name, case-insensitively (the mapping, ACLED's names included, is
//! in `docs/import-export.md`); a column it does not know is reported once, at the header.
//! Writing uses the same names, so Steppe -> CSV -> Steppe keeps every field the CSV has.

use super::{clip, plain_text, Builder, Format, Imported};
use crate::corpus::diagnostic::{Diagnostic, Message, Msg, Severity};
use crate::corpus::validate::{MAX_NAME_CHARS, MAX_SUMMARY_CHARS, MAX_TITLE_CHARS};
use crate::corpus::{
    tag_text, ActorRef, Claim, CorpusFile, Event, EventType, NamedEnum, Place, PlacePrecision, Text,
};
use crate::time::date::PartialDate;

/// A field and where it starts (1-based line and column).
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub value: String,
    pub line: usize,
    pub column: usize,
}

impl Field {
    /// An empty field starting at `line`:`column`.
    fn empty(line: usize, column: usize) -> Self {
        Field {
            value: String::new(),
            line,
            column,
        }
    }
}

/// The delimiter the header line uses most, outside quotes (`,` if none).
pub fn sniff_delimiter(text: &str) -> char {
    let mut counts = [0usize; 4];
    let cands = [',', ';', '\t', '|'];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            _ if !quoted => {
                if let Some(i) = cands.iter().position(|&d| d == c) {
                    if let Some(n) = counts.get_mut(i) {
                        *n = n.saturating_add(1);
                    }
                }
            }
            _ => {}
        }
    }
    let best = counts
        .iter()
        .enumerate()
        .max_by_key(|&(i, n)| (*n, std::cmp::Reverse(i)))
        .map_or(0, |(i, _)| i);
    if counts.get(best).copied().unwrap_or(0) == 0 {
        ','
    } else {
        cands.get(best).copied().unwrap_or(',')
    }
}

/// Splits CSV text into records of located fields. Blank lines are skipped; an unclosed
/// quote runs to the end of the text (reported by the caller through the field's place).
pub fn records(text: &str, delim: char) -> Vec<Vec<Field>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut row: Vec<Field> = Vec::new();
    let (mut line, mut col) = (1usize, 1usize);
    let mut field = Field::empty(line, col);
    let mut quoted = false;
    let mut was_quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let (here_line, here_col) = (line, col);
        if c == '\n' {
            line = line.saturating_add(1);
            col = 1;
        } else {
            col = col.saturating_add(1);
        }
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    col = col.saturating_add(1);
                    field.value.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.value.push(c);
            }
            continue;
        }
        match c {
            '"' if field.value.is_empty() && !was_quoted => {
                quoted = true;
                was_quoted = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::replace(&mut field, Field::empty(line, col)));
                was_quoted = false;
                if !(row.len() == 1 && row.first().is_some_and(|f| f.value.is_empty())) {
                    out.push(std::mem::take(&mut row));
                }
                row.clear();
            }
            _ if c == delim => {
                row.push(std::mem::replace(&mut field, Field::empty(line, col)));
                was_quoted = false;
            }
            _ => {
                if field.value.is_empty() && !was_quoted {
                    field.line = here_line;
                    field.column = here_col;
                }
                field.value.push(c);
            }
        }
    }
    if !field.value.is_empty() || !row.is_empty() || was_quoted {
        row.push(field);
        out.push(row);
    }
    out
}

/// A date as spreadsheets write them: any Steppe date (`2022`, `2022-01`, `2022-01-05`,
/// `2022-01-05T14:30`), `2022/01/05`, or `5 January 2022` / `05 Jan 2022` (ACLED).
pub fn loose_date(s: &str) -> Result<PartialDate, Message> {
    let s = s.trim();
    if let Ok(d) = PartialDate::parse(s) {
        return Ok(d);
    }
    if let Ok(d) = PartialDate::parse(&s.replace('/', "-")) {
        return Ok(d);
    }
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let parts: Vec<&str> = s.split([' ', '-', ',']).filter(|p| !p.is_empty()).collect();
    if let [d, m, y] = parts.as_slice() {
        let m = m.to_ascii_lowercase();
        let month = MONTHS
            .iter()
            .position(|p| m.starts_with(p))
            .and_then(|i| u8::try_from(i.saturating_add(1)).ok());
        if let (Ok(d), Some(m), Ok(y)) = (d.parse::<u8>(), month, y.parse::<i32>()) {
            let date = PartialDate::ymd(y, m, d);
            return date.validate().map(|()| date).map_err(|e| e.message);
        }
    }
    Err(Message::new(Msg::LooseDate).quoted("found", s))
}

/// The columns this reader knows, each with the names it answers to.
const COLUMNS: &[(&str, &[&str])] = &[
    ("id", &["id", "event_id_cnty", "event_id"]),
    ("date", &["date", "event_date", "start_date"]),
    ("end", &["end", "end_date"]),
    ("title", &["title", "headline"]),
    ("summary", &["summary", "notes", "description", "text"]),
    ("place", &["place", "location"]),
    ("admin1", &["admin1"]),
    ("lat", &["lat", "latitude"]),
    ("lon", &["lon", "lng", "long", "longitude"]),
    (
        "precision",
        &["place_precision", "geo_precision", "precision"],
    ),
    ("time_precision", &["time_precision"]),
    ("country", &["country", "country_code"]),
    ("type", &["type", "event_type"]),
    ("sub_type", &["sub_event_type"]),
    ("tags", &["tags"]),
    ("actors", &["actors"]),
    ("actor1", &["actor1"]),
    ("actor2", &["actor2"]),
    ("claimant", &["claimant"]),
    ("disputed", &["disputed"]),
    ("sources", &["sources", "source"]),
    ("urls", &["source_urls", "source_url", "urls", "url"]),
    (
        "languages",
        &["languages", "source_languages", "language", "lang"],
    ),
];

/// Text as written to a cell: a leading `= + - @` would make a spreadsheet run it as a
/// formula, so such text gets a leading `'` (removed again on import).
fn cell_text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn uncell(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => s,
    }
}

/// A "; "-joined list cell split again; "\\;" is a ';' inside an item.
fn list(s: &str) -> Vec<String> {
    let mut items = vec![String::new()];
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&';') => {
                chars.next();
                if let Some(last) = items.last_mut() {
                    last.push(';');
                }
            }
            ';' => items.push(String::new()),
            c => {
                if let Some(last) = items.last_mut() {
                    last.push(c);
                }
            }
        }
    }
    items.iter().map(|p| uncell(p.trim()).to_string()).collect()
}

fn event_type(s: &str) -> Option<EventType> {
    let l = s.trim().to_ascii_lowercase();
    EventType::parse(&l).or(match l.as_str() {
        "protests" => Some(EventType::Protest),
        "riots" | "violence against civilians" | "explosions/remote violence" => {
            Some(EventType::Violence)
        }
        "battles" => Some(EventType::Military),
        "strategic developments" => Some(EventType::Political),
        _ => None,
    })
}

fn precision(s: &str) -> Option<PlacePrecision> {
    match s.trim() {
        "1" => Some(PlacePrecision::City),
        "2" | "3" => Some(PlacePrecision::Region),
        other => PlacePrecision::parse(&other.to_ascii_lowercase()),
    }
}

/// Reads a CSV file.
pub fn import(text: &str) -> Imported {
    let mut b = Builder::new(text, Format::Csv);
    let delim = sniff_delimiter(text.strip_prefix('\u{feff}').unwrap_or(text));
    let mut rows = records(text, delim).into_iter();
    let Some(header) = rows.next() else {
        b.diagnostics
            .push(Diagnostic::at_start(Severity::Error, Msg::CsvEmpty.into()));
        return b.finish();
    };
    let mut cols: Vec<Option<&str>> = Vec::new();
    for h in &header {
        let name = h.value.trim().to_ascii_lowercase().replace(' ', "_");
        let known = COLUMNS
            .iter()
            .find(|(_, names)| names.contains(&name.as_str()))
            .map(|(k, _)| *k);
        if known.is_none() && !name.is_empty() {
            let m = Message::new(Msg::CsvUnmappedColumn).quoted("column", &h.value);
            b.diagnostics.push(located(h, Severity::Warning, &name, m));
        }
        cols.push(known);
    }
    if !cols.contains(&Some("date")) {
        b.diagnostics
            .push(Diagnostic::at_start(Severity::Error, Msg::CsvNoDate.into()));
        return b.finish();
    }
    for row in rows {
        if let Some(e) = row_event(&mut b, &cols, &row) {
            b.file.events.push(e);
        }
    }
    b.finish()
}

fn located(f: &Field, severity: Severity, column: &str, message: Message) -> Diagnostic {
    Diagnostic {
        severity,
        path: column.to_string(),
        line: f.line,
        column: f.column,
        message,
    }
}

fn row_event(b: &mut Builder, cols: &[Option<&str>], row: &[Field]) -> Option<Event> {
    let get = |k: &str| -> Option<&Field> {
        cols.iter()
            .position(|c| *c == Some(k))
            .and_then(|i| row.get(i))
            .filter(|f| !f.value.trim().is_empty())
    };
    let val = |k: &str| get(k).map(|f| uncell(f.value.trim()).to_string());
    let first = row.first().map_or((1, 1), |f| (f.line, f.column));
    let warn = |b: &mut Builder, f: Option<&Field>, col: &str, msg: Message| {
        let (line, column) = f.map_or(first, |f| (f.line, f.column));
        b.diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            path: col.to_string(),
            line,
            column,
            message: msg,
        });
    };
    if row.len() > cols.len() {
        warn(
            b,
            row.get(cols.len()),
            "",
            Message::new(Msg::CsvExtraFields)
                .arg("fields", row.len())
                .arg("header", cols.len()),
        );
    }
    let mut date = match get("date").map(|f| loose_date(&f.value)) {
        Some(Ok(d)) => d,
        Some(Err(msg)) => {
            let m = Message::new(Msg::RowLeftOut).sub("why", msg);
            warn(b, get("date"), "date", m);
            return None;
        }
        None => {
            warn(b, None, "date", Msg::RowNoDate.into());
            return None;
        }
    };
    if val("time_precision").as_deref() == Some("3") {
        date.day = None;
        date.time = None;
    }
    let end = match get("end").map(|f| loose_date(&f.value)) {
        Some(Ok(e)) if e.end_minute() >= date.end_minute() => Some(e),
        Some(Ok(_)) => {
            warn(b, get("end"), "end", Msg::CsvEndBeforeDate.into());
            None
        }
        Some(Err(msg)) => {
            let m = Message::new(Msg::EndDateLeftOut).sub("why", msg);
            warn(b, get("end"), "end", m);
            None
        }
        None => None,
    };
    let country_val = val("country");
    let code = country_val
        .clone()
        .filter(|c| c.len() == 2 && c.bytes().all(|x| x.is_ascii_uppercase()));
    let place_name = val("place")
        .or_else(|| val("admin1"))
        .or_else(|| country_val.clone().filter(|_| code.is_none()))
        .map(|s| clip(&plain_text(&s), MAX_NAME_CHARS).0);
    let coord = |k: &str, lim: f64| -> Result<Option<f64>, ()> {
        match val(k) {
            None => Ok(None),
            Some(s) => match s.replace(',', ".").parse::<f64>() {
                Ok(x) if x.is_finite() && x.abs() <= lim => Ok(Some(x)),
                _ => Err(()),
            },
        }
    };
    let place = match (coord("lat", 90.0), coord("lon", 180.0)) {
        (Ok(Some(lat)), Ok(Some(lon))) => {
            let prec = match val("precision") {
                None => PlacePrecision::City,
                Some(p) => precision(&p).unwrap_or_else(|| {
                    let m = Message::new(Msg::CsvPrecision).quoted("found", &p);
                    warn(b, get("precision"), "precision", m);
                    PlacePrecision::City
                }),
            };
            Some(Place {
                name: Text::en(
                    place_name
                        .clone()
                        .filter(|n| !n.is_empty())
                        .unwrap_or_else(|| format!("{lat:.4}, {lon:.4}")),
                ),
                lat,
                lon,
                precision: prec,
                country: code,
            })
        }
        (Ok(None), Ok(None)) => None,
        (lat, _) => {
            let (f, k) = if lat.is_err() || get("lon").is_none() {
                (get("lat"), "lat")
            } else {
                (get("lon"), "lon")
            };
            warn(b, f, k, Msg::CsvPlace.into());
            None
        }
    };
    let kind = match val("type") {
        None => EventType::Other,
        Some(t) => event_type(&t).unwrap_or_else(|| {
            warn(
                b,
                get("type"),
                "type",
                Message::new(Msg::CsvEventType).quoted("found", &t),
            );
            EventType::Other
        }),
    };
    let mut tags: Vec<String> = Vec::new();
    for t in val("sub_type")
        .into_iter()
        .chain(val("tags").iter().flat_map(|t| list(t)))
    {
        let t = clip(&plain_text(&t), MAX_NAME_CHARS).0;
        if !t.is_empty() && !tags.contains(&t) {
            tags.push(t);
        }
    }
    let summary_text = val("summary").map(|s| plain_text(&s)).unwrap_or_default();
    let title = match val("title")
        .map(|s| plain_text(&s))
        .filter(|s| !s.is_empty())
    {
        Some(t) => t,
        None => {
            let what = val("sub_type")
                .or(val("type"))
                .unwrap_or_else(|| "Event".into());
            match &place_name {
                Some(p) => format!("{what} in {p}"),
                None => what,
            }
        }
    };
    let (title, cut) = clip(&title, MAX_TITLE_CHARS);
    if cut {
        warn(
            b,
            get("title"),
            "title",
            Message::new(Msg::TitleShortened).arg("max", MAX_TITLE_CHARS),
        );
    }
    let mut actors: Vec<ActorRef> = Vec::new();
    let names = val("actors").map(|a| list(&a)).unwrap_or_default();
    for n in names
        .iter()
        .chain(val("actor1").iter())
        .chain(val("actor2").iter())
    {
        if let Some(id) = b.actor(n) {
            if !actors.iter().any(|a| a.id == id) {
                actors.push(ActorRef { id, role: None });
            }
        }
    }
    let claim = val("claimant")
        .and_then(|c| b.actor(&c))
        .map(|claimant| Claim {
            claimant,
            disputed: val("disputed")
                .is_some_and(|d| matches!(d.to_ascii_lowercase().as_str(), "true" | "yes" | "1")),
            // CSV has no columns for questions: a claim comes in without one.
            question: None,
            answer: None,
        });
    let outlets = val("sources").map(|s| list(&s)).unwrap_or_default();
    let urls = val("urls").map(|s| list(&s)).unwrap_or_default();
    let langs = val("languages").map(|s| list(&s)).unwrap_or_default();
    let mut sources = Vec::new();
    for i in 0..outlets.len().max(urls.len()) {
        let outlet = outlets.get(i).map_or("", String::as_str);
        let url = urls.get(i).map(String::as_str).filter(|u| !u.is_empty());
        if outlet.is_empty() && url.is_none() {
            continue;
        }
        let lang = langs.get(i).or(langs.first()).map_or("en", String::as_str);
        let at = get("urls")
            .or(get("sources"))
            .map_or(first, |f| (f.line, f.column));
        let offset_path = if url.is_some() {
            "source_urls"
        } else {
            "sources"
        };
        let before = b.diagnostics.len();
        let id = b.source(outlet, &title, url, lang, (0, offset_path));
        // The builder locates by byte offset; a CSV field knows its line and column.
        for d in b.diagnostics.iter_mut().skip(before) {
            d.line = at.0;
            d.column = at.1;
        }
        if !sources.contains(&id) {
            sources.push(id);
        }
    }
    if sources.is_empty() {
        sources.push(b.file_source());
    }
    let hint = val("id").unwrap_or_default();
    let id = b.unique_id(&hint, &format!("row-{}", first.0));
    Some(Event {
        id,
        date,
        end,
        place,
        title: Text::en(title),
        summary: (!summary_text.is_empty())
            .then(|| Text::en(clip(&summary_text, MAX_SUMMARY_CHARS).0)),
        actors,
        kind,
        tags,
        claim: claim.map(Box::new),
        sources,
    })
}

/// The columns [`export`] writes, in order.
pub const HEADER: [&str; 18] = [
    "id",
    "date",
    "end",
    "title",
    "summary",
    "place",
    "latitude",
    "longitude",
    "place_precision",
    "country",
    "type",
    "tags",
    "actors",
    "claimant",
    "disputed",
    "sources",
    "source_urls",
    "languages",
];

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r', ';']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A corpus as CSV: one row per event (English text; actors by name, sources by outlet,
/// their links and languages in the same order, each list joined with "; " and a ';'
/// inside an item written "\\;").
pub fn export(file: &CorpusFile) -> String {
    let mut out = HEADER.join(",");
    out.push_str("\r\n");
    let join = |v: Vec<String>| {
        v.into_iter()
            .map(|s| cell_text(&s.replace(';', "\\;")))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let actor_name = |id: &str| {
        file.actors
            .iter()
            .find(|a| a.id == id)
            .map_or(id.to_string(), |a| a.name.get("en").to_string())
    };
    for e in &file.events {
        let srcs: Vec<_> = e
            .sources
            .iter()
            .filter_map(|id| file.sources.iter().find(|s| &s.id == id))
            .collect();
        let p = e.place.as_ref();
        let cells = [
            e.id.clone(),
            e.date.to_iso(),
            e.end.map(|d| d.to_iso()).unwrap_or_default(),
            cell_text(e.title.get("en")),
            e.summary
                .as_ref()
                .map(|s| cell_text(s.get("en")))
                .unwrap_or_default(),
            p.map(|p| cell_text(p.name.get("en"))).unwrap_or_default(),
            p.map(|p| p.lat.to_string()).unwrap_or_default(),
            p.map(|p| p.lon.to_string()).unwrap_or_default(),
            p.map(|p| p.precision.as_str().to_string())
                .unwrap_or_default(),
            p.and_then(|p| p.country.clone()).unwrap_or_default(),
            e.kind.as_str().to_string(),
            join(
                e.tags
                    .iter()
                    .map(|t| tag_text(&file.tags, t, "en").to_string())
                    .collect(),
            ),
            join(e.actors.iter().map(|a| actor_name(&a.id)).collect()),
            e.claim
                .as_ref()
                .map(|c| cell_text(&actor_name(&c.claimant)))
                .unwrap_or_default(),
            e.claim
                .as_ref()
                .map(|c| c.disputed.to_string())
                .unwrap_or_default(),
            join(srcs.iter().map(|s| s.outlet.clone()).collect()),
            srcs.iter()
                .map(|s| s.url.clone().unwrap_or_default())
                .collect::<Vec<_>>()
                .join("; "),
            srcs.iter()
                .map(|s| s.lang.clone())
                .collect::<Vec<_>>()
                .join("; "),
        ];
        out.push_str(
            &cells
                .iter()
                .map(|c| csv_field(c))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::validate;

    #[test]
    fn quoted_fields_any_delimiter_and_bom() {
        let text = "\u{feff}a;b;c\r\n1;\"x;y\";\"say \"\"hi\"\"\nthere\"\r\n\r\n2;;z";
        assert_eq!(sniff_delimiter(text), ';');
        let r = records(text, ';');
        let vals: Vec<Vec<&str>> = r
            .iter()
            .map(|row| row.iter().map(|f| f.value.as_str()).collect())
            .collect();
        assert_eq!(
            vals,
            [
                vec!["a", "b", "c"],
                vec!["1", "x;y", "say \"hi\"\nthere"],
                vec!["2", "", "z"]
            ]
        );
        assert_eq!((r[2][2].line, r[2][2].column), (5, 4));
        assert_eq!(sniff_delimiter("a\tb\tc,d\n"), '\t');
        assert_eq!(sniff_delimiter("one\n"), ',');
    }

    #[test]
    fn dates_as_spreadsheets_write_them() {
        assert_eq!(
            loose_date("05 January 2022").unwrap(),
            PartialDate::ymd(2022, 1, 5)
        );
        assert_eq!(
            loose_date("5 Jan 2022").unwrap(),
            PartialDate::ymd(2022, 1, 5)
        );
        assert_eq!(
            loose_date("2022/01/05").unwrap(),
            PartialDate::ymd(2022, 1, 5)
        );
        assert_eq!(loose_date("2022-01").unwrap().to_iso(), "2022-01");
        assert!(loose_date("31 February 2022").is_err());
        assert!(loose_date("soon")
            .unwrap_err()
            .to_string()
            .contains("\"soon\""));
    }

    const ACLED: &str = "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,country,admin1,location,latitude,longitude,geo_precision,source,notes\n\
KAZ1,05 January 2022,2022,1,Riots,Violent demonstration,Rioters (Kazakhstan),Police Forces of Kazakhstan,Kazakhstan,Almaty,Almaty,43.2567,76.9286,1,Reuters; Interfax,\"Rioters stormed the <b>akimat</b>.\"\n\
KAZ2,10 January 2022,2022,3,Protests,Peaceful protest,Protesters (Kazakhstan),,Kazakhstan,Mangystau,Zhanaozen,43.34,52.86,2,Azattyq,Rally continues.\n\
KAZ3,someday,2022,1,Protests,,,,Kazakhstan,,Aktau,43.65,51.2,1,,\n\
KAZ4,12 January 2022,2022,1,Strange,,,,Kazakhstan,,Nowhere,95,51.2,1,,\n";

    #[test]
    fn acled_columns_are_mapped_and_the_rest_reported() {
        let im = import(ACLED);
        let f = &im.file;
        // KAZ3 has no readable date; KAZ4 comes in without its place, as "other".
        assert_eq!(f.events.len(), 3, "{:#?}", im.diagnostics);
        let e = &f.events[0];
        assert_eq!(e.id, "kaz1");
        assert_eq!(e.date, PartialDate::ymd(2022, 1, 5));
        assert_eq!(e.kind, EventType::Violence);
        assert_eq!(e.tags, ["Violent demonstration"]);
        assert_eq!(e.title.get("en"), "Violent demonstration in Almaty");
        assert_eq!(
            e.summary.as_ref().unwrap().get("en"),
            "Rioters stormed the akimat."
        );
        let p = e.place.as_ref().unwrap();
        assert_eq!(
            (p.lat, p.lon, p.precision),
            (43.2567, 76.9286, PlacePrecision::City)
        );
        assert_eq!(e.actors.len(), 2);
        assert_eq!(e.sources.len(), 2);
        // time_precision 3 means the month only; geo_precision 2 a region.
        assert_eq!(f.events[1].date.to_iso(), "2022-01");
        assert_eq!(
            f.events[1].place.as_ref().unwrap().precision,
            PlacePrecision::Region
        );
        let d: Vec<(usize, usize, &str)> = im
            .diagnostics
            .iter()
            .map(|d| (d.line, d.column, d.path.as_str()))
            .collect();
        // "year" (column 3) is not mapped; row 4's date, row 5's type and latitude.
        assert_eq!(
            d,
            [
                (1, 26, "year"),
                (4, 6, "date"),
                (5, 60, "lat"),
                (5, 29, "type")
            ],
            "{:#?}",
            im.diagnostics
        );
        let v = validate(&serde_json::to_string(f).unwrap());
        assert!(v.diagnostics.is_empty(), "{:#?}", v.diagnostics);
    }

    #[test]
    fn formulas_are_defused_and_read_back() {
        assert_eq!(cell_text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(uncell("'=1+1"), "=1+1");
        assert_eq!(uncell("'quoted"), "'quoted");
    }
}
