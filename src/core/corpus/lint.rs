//! Corpus lint: checks that a valid file can still fail, about languages and attribution.
//!
//! The validator says whether a file is well formed; the lint says whether it cites its
//! sources honestly. It reads the same JSON tree with spans, so every warning carries the
//! JSON path, line and column of the field it is about. Its rules:
//!
//! - **script**: a source title, an event title or summary, a tag's text or a role's text,
//!   whose writing system does not fit its language tag: Latin text tagged `zh`, `ru` or
//!   `kk`, Cyrillic text tagged `en`.
//!   A script subtag (`sr-Latn`, `zh-Hant`, `kk-Cyrl`) says which script to expect.
//! - **label**: a source title that looks like a label instead of a headline: it ends with a
//!   parenthesis holding the outlet's name or a date (`"Protests (TASS, 2022-01-05)"`), or
//!   starts with the outlet's name and a colon.
//! - **summary language**: an event whose title is given in the language of one of its
//!   sources but whose summary is in none of its sources' languages (compared by primary
//!   subtag, so `zh-Hant` counts as `zh`).
//! - **unnamed outlet**: an event placed at city precision whose only sources are unnamed
//!   outlets (an outlet that says "not named", "unnamed", "unknown"…): where such an outlet
//!   spoke is not known, so country or region precision fits.
//!
//! Every finding is a warning; a file the validator rejects is not linted.

use super::diagnostic::{echo, Diagnostic, Message, Msg, Severity};
use super::json::{self, LineIndex, Node, Value};

/// Words an outlet uses to say it is not named (lower case; several languages).
const UNNAMED: [&str; 9] = [
    "not named",
    "unnamed",
    "unknown",
    "anonymous",
    "unidentified",
    "не назван",
    "неизвест",
    "未具名",
    "不明",
];

/// Lints the corpus file `text` and returns its warnings, in file order.
///
/// Returns nothing for a document that is not JSON (the validator reports that).
pub fn lint(text: &str) -> Vec<Diagnostic> {
    let Ok(root) = json::parse(text) else {
        return Vec::new();
    };
    let mut l = Linter {
        text,
        lines: LineIndex::new(text),
        out: Vec::new(),
    };
    let sources = array(&root, "sources");
    for (i, s) in sources.iter().enumerate() {
        l.source(i, s);
    }
    for (i, e) in array(&root, "events").iter().enumerate() {
        l.event(i, e, sources);
    }
    l.tag_texts(&root);
    l.out.sort_by_key(|d| (d.line, d.column));
    l.out
}

struct Linter<'a> {
    text: &'a str,
    lines: LineIndex,
    out: Vec<Diagnostic>,
}

impl Linter<'_> {
    fn warn(&mut self, node: &Node, path: String, message: Message) {
        let (line, column) = self.lines.locate(self.text, node.start);
        self.out.push(Diagnostic {
            severity: Severity::Warning,
            path,
            line,
            column,
            message,
        });
    }

    fn source(&mut self, i: usize, s: &Node) {
        let (Some(title_node), Some(lang)) = (member(s, "title"), string(s, "lang")) else {
            return;
        };
        let Some(title) = as_str(title_node) else {
            return;
        };
        let path = format!("sources[{i}].title");
        if let Some(msg) = script_mismatch(title, lang) {
            self.warn(title_node, path.clone(), msg);
        }
        let outlet = string(s, "outlet").unwrap_or("");
        if let Some(msg) = label_like(title, outlet) {
            self.warn(title_node, path, msg);
        }
    }

    /// The script of each text in `node` (a Text object), named `path.<language>`.
    fn texts(&mut self, node: Option<&Node>, path: &str) {
        let Some(Node {
            value: Value::Object(members),
            ..
        }) = node
        else {
            return;
        };
        for m in members {
            if let Some(msg) = as_str(&m.node).and_then(|t| script_mismatch(t, &m.key)) {
                self.warn(&m.node, format!("{path}.{}", m.key), msg);
            }
        }
    }

    /// The texts of the `tags` table and of roles given in several languages.
    fn tag_texts(&mut self, root: &Node) {
        if let Some(Node {
            value: Value::Object(tags),
            ..
        }) = member(root, "tags")
        {
            for t in tags {
                self.texts(Some(&t.node), &super::diagnostic::path_key("tags", &t.key));
            }
        }
        for (i, e) in array(root, "events").iter().enumerate() {
            for (k, a) in array(e, "actors").iter().enumerate() {
                self.texts(member(a, "role"), &format!("events[{i}].actors[{k}].role"));
            }
        }
    }

    fn event(&mut self, i: usize, e: &Node, sources: &[Node]) {
        for field in ["title", "summary"] {
            self.texts(member(e, field), &format!("events[{i}].{field}"));
        }
        let cited: Vec<&Node> = array(e, "sources")
            .iter()
            .filter_map(as_str)
            .filter_map(|id| sources.iter().find(|s| string(s, "id") == Some(id)))
            .collect();
        let families: Vec<&str> = cited
            .iter()
            .filter_map(|s| string(s, "lang"))
            .map(family)
            .collect();
        if let Some(summary) = member(e, "summary") {
            let title_has = keys(member(e, "title"))
                .iter()
                .any(|k| families.contains(&family(k)));
            let summary_keys = keys(Some(summary));
            let summary_has = summary_keys.iter().any(|k| families.contains(&family(k)));
            if title_has && !summary_has && !families.is_empty() {
                let mut langs: Vec<&str> = families.clone();
                langs.sort_unstable();
                langs.dedup();
                self.warn(
                    summary,
                    format!("events[{i}].summary"),
                    Message::new(Msg::LintSummaryLanguage)
                        .arg("summary", echo(&summary_keys.join(", ")))
                        .arg("sources", echo(&langs.join(", "))),
                );
            }
        }
        if let Some(precision) = member(e, "place").and_then(|p| member(p, "precision")) {
            let all_unnamed = !cited.is_empty()
                && cited
                    .iter()
                    .all(|s| is_unnamed(string(s, "outlet").unwrap_or("")));
            if as_str(precision) == Some("city") && all_unnamed {
                self.warn(
                    precision,
                    format!("events[{i}].place.precision"),
                    Msg::LintCityPrecision.into(),
                );
            }
        }
    }
}

/// The writing systems the lint tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Han,
    Arabic,
}

impl Script {
    fn name(self) -> Msg {
        match self {
            Script::Latin => Msg::ScriptLatin,
            Script::Cyrillic => Msg::ScriptCyrillic,
            Script::Han => Msg::ScriptHan,
            Script::Arabic => Msg::ScriptArabic,
        }
    }

    fn of(c: char) -> Option<Script> {
        match c {
            'a'..='z' | 'A'..='Z' | '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' => {
                Some(Script::Latin)
            }
            '\u{400}'..='\u{52f}' => Some(Script::Cyrillic),
            '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' => {
                Some(Script::Han)
            }
            '\u{600}'..='\u{6ff}' => Some(Script::Arabic),
            _ => None,
        }
    }
}

/// The script a language tag calls for, if the lint knows it.
fn expected_script(tag: &str) -> Option<Script> {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("").to_ascii_lowercase();
    for sub in parts {
        match sub.to_ascii_lowercase().as_str() {
            "latn" => return Some(Script::Latin),
            "cyrl" => return Some(Script::Cyrillic),
            "hans" | "hant" => return Some(Script::Han),
            "arab" => return Some(Script::Arabic),
            _ => {}
        }
    }
    match primary.as_str() {
        "zh" => Some(Script::Han),
        "ru" | "kk" | "uk" | "be" | "bg" | "ky" | "tg" | "mn" | "sr" | "mk" => {
            Some(Script::Cyrillic)
        }
        "ar" | "fa" | "ug" | "ur" => Some(Script::Arabic),
        "en" | "de" | "fr" | "es" | "it" | "pt" | "nl" | "pl" | "ro" | "cs" | "tr" | "uz"
        | "tk" | "az" | "hr" | "hu" | "sv" | "fi" | "id" | "lt" | "lv" | "et" => {
            Some(Script::Latin)
        }
        _ => None,
    }
}

/// A message when `text` has letters but none in the script `tag` calls for.
fn script_mismatch(text: &str, tag: &str) -> Option<Message> {
    let want = expected_script(tag)?;
    let mut found: Option<Script> = None;
    for s in text.chars().filter_map(Script::of) {
        if s == want {
            return None;
        }
        found.get_or_insert(s);
    }
    found.map(|f| {
        Message::new(Msg::LintScript)
            .sub("found", f.name().into())
            .quoted("tag", tag)
            .sub("want", want.name().into())
    })
}

/// A message when a title looks like a label (outlet and date) rather than a headline.
fn label_like(title: &str, outlet: &str) -> Option<Message> {
    let title = title.trim_end();
    let outlet_name = outlet
        .split(" (")
        .next()
        .unwrap_or("")
        .trim()
        .to_lowercase();
    if let Some(inner) = title
        .strip_suffix(')')
        .and_then(|t| t.rfind('(').and_then(|at| t.get(at + 1..)))
    {
        let lower = inner.to_lowercase();
        let names_outlet = outlet_name.chars().count() >= 2 && lower.contains(&outlet_name);
        if names_outlet || has_year(inner) {
            return Some(Message::new(Msg::LintLabelEnd).quoted("end", &format!("({inner})")));
        }
    }
    let starts_with_outlet = outlet_name.chars().count() >= 3
        && title
            .to_lowercase()
            .strip_prefix(&outlet_name)
            .is_some_and(|rest| rest.starts_with(':'));
    starts_with_outlet.then(|| Msg::LintLabelStart.into())
}

/// Whether `s` holds a year from 1900 to 2099 standing alone (as in a date).
fn has_year(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    chars.windows(4).enumerate().any(|(i, w)| {
        let digits = w.iter().all(char::is_ascii_digit);
        let century = matches!(w, ['1', '9', ..] | ['2', '0', ..]);
        let before = i
            .checked_sub(1)
            .and_then(|b| chars.get(b))
            .is_some_and(char::is_ascii_digit);
        let after = chars.get(i + 4).is_some_and(char::is_ascii_digit);
        digits && century && !before && !after
    })
}

fn is_unnamed(outlet: &str) -> bool {
    let lower = outlet.to_lowercase();
    UNNAMED.iter().any(|w| lower.contains(w))
}

/// A language tag's primary subtag, lower-cased: its family for this lint.
fn family(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

fn member<'n>(node: &'n Node<'n>, key: &str) -> Option<&'n Node<'n>> {
    match &node.value {
        Value::Object(members) => members.iter().find(|m| m.key == key).map(|m| &m.node),
        _ => None,
    }
}

fn as_str<'n>(node: &'n Node<'n>) -> Option<&'n str> {
    match &node.value {
        Value::String(s) => Some(s),
        _ => None,
    }
}

fn string<'n>(node: &'n Node<'n>, key: &str) -> Option<&'n str> {
    member(node, key).and_then(as_str)
}

fn array<'n>(node: &'n Node<'n>, key: &str) -> &'n [Node<'n>] {
    match member(node, key).map(|n| &n.value) {
        Some(Value::Array(items)) => items,
        _ => &[],
    }
}

fn keys<'n>(node: Option<&'n Node<'n>>) -> Vec<&'n str> {
    match node.map(|n| &n.value) {
        Some(Value::Object(members)) => members.iter().map(|m| m.key.as_ref()).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-source, one-event corpus with the given source and event fields spliced in.
    fn corpus(source: &str, event: &str) -> String {
        format!(
            r#"{{"format":"steppe-corpus","version":1,"meta":{{"title":{{"en":"t"}}}},"actors":[],
"sources":[{{"id":"s","outlet":"TASS",{source}}}],
"events":[{{"id":"e","date":"2022-01-05","type":"statement","sources":["s"],{event}}}]}}"#
        )
    }

    const PLACE: &str =
        r#""place":{"name":{"en":"Almaty"},"lat":43.2,"lon":76.9,"precision":"region"}"#;

    fn paths(text: &str) -> Vec<String> {
        lint(text).into_iter().map(|d| d.path).collect()
    }

    #[test]
    fn a_clean_corpus_has_no_warnings() {
        let text = corpus(
            r#""title":"Протестующие ворвались в здание","lang":"ru""#,
            &format!(
                r#"{PLACE},"title":{{"en":"Crowds","ru":"Толпы"}},"summary":{{"en":"x","ru":"у"}}"#
            ),
        );
        assert_eq!(lint(&text), Vec::new());
    }

    #[test]
    fn latin_text_tagged_chinese_russian_or_kazakh_is_reported_where_it_is() {
        for lang in ["zh", "ru", "kk"] {
            let text = corpus(
                &format!(r#""title":"Ambassador conveys a message","lang":"{lang}""#),
                &format!(r#"{PLACE},"title":{{"en":"x"}}"#),
            );
            let d = lint(&text);
            let first = d.first().expect("a warning");
            assert_eq!(first.path, "sources[0].title");
            assert_eq!(first.severity, Severity::Warning);
            assert!(
                first.message.to_string().contains("Latin"),
                "{}",
                first.message
            );
            let at = text.find("\"Ambassador").expect("title");
            assert_eq!(
                (first.line, first.column),
                LineIndex::new(&text).locate(&text, at)
            );
        }
    }

    #[test]
    fn script_subtags_and_event_text_are_checked() {
        let latin_serbian = r#""title":"Ruski mirovnjaci","lang":"sr-Latn""#;
        assert!(script_mismatch("Ruski mirovnjaci", "sr-Latn").is_none());
        assert!(script_mismatch("Ruski mirovnjaci", "sr").is_some());
        assert!(script_mismatch("中國外交部", "zh-Hant").is_none());
        assert!(script_mismatch("Протесты", "en").is_some());
        assert!(
            script_mismatch("2500", "zh").is_none(),
            "no letters, nothing to say"
        );
        let text = corpus(
            latin_serbian,
            &format!(r#"{PLACE},"title":{{"en":"x","ru":"Protests"}}"#),
        );
        assert_eq!(paths(&text), ["events[0].title.ru"]);
    }

    #[test]
    fn tag_and_role_texts_are_checked_for_their_script() {
        let clean = corpus(
            r#""title":"Протесты","lang":"ru""#,
            &format!(r#"{PLACE},"title":{{"en":"x"}},"tags":["riot"],"actors":[{{"id":"a","role":{{"en":"claimant","ru":"автор заявления"}}}}]"#),
        )
        .replacen(
            r#""events":"#,
            r#""tags":{"riot":{"en":"riot","ru":"беспорядки","zh":"骚乱"}},"events":"#,
            1,
        );
        assert_eq!(lint(&clean), Vec::new());
        let text = clean
            .replace("беспорядки", "riot")
            .replace(r#""en":"claimant""#, r#""en":"заявитель""#);
        assert_eq!(
            paths(&text),
            ["tags.riot.ru", "events[0].actors[0].role.en"]
        );
        // A plain role has no language to check it against.
        let plain = clean.replace(
            r#"{"en":"claimant","ru":"автор заявления"}"#,
            r#""Claimant""#,
        );
        assert_eq!(lint(&plain), Vec::new());
    }

    #[test]
    fn labels_with_an_outlet_or_a_date_in_parentheses_are_reported() {
        assert!(label_like("Protesters storm office (TASS, 2022-01-05)", "TASS").is_some());
        assert!(label_like("Interview (openDemocracy)", "openDemocracy").is_some());
        assert!(label_like("Cabinet resigns (2022)", "Other").is_some());
        assert!(label_like("Sputnik China: ambassador conveys message", "Sputnik China").is_some());
        assert!(label_like("Gas price (in tenge) rises", "TASS").is_none());
        assert!(label_like("Why the price rose (explainer)", "TASS").is_none());
        assert!(label_like("Putin: we will not allow it", "TASS").is_none());
        let text = corpus(
            r#""title":"Protesters storm office (TASS, 2022-01-05)","lang":"en""#,
            &format!(r#"{PLACE},"title":{{"en":"x"}}"#),
        );
        assert_eq!(paths(&text), ["sources[0].title"]);
    }

    #[test]
    fn a_summary_in_no_source_language_is_reported_when_the_title_has_one() {
        let text = corpus(
            r#""title":"中国外交部","lang":"zh-Hant""#,
            &format!(r#"{PLACE},"title":{{"en":"x","zh":"外交部"}},"summary":{{"en":"y"}}"#),
        );
        assert_eq!(paths(&text), ["events[0].summary"]);
        let fixed = text.replace(r#"{"en":"y"}"#, r#"{"en":"y","zh":"外交部说"}"#);
        assert_eq!(paths(&fixed), Vec::<String>::new());
        let no_zh_title = text.replace(r#","zh":"外交部"}"#, "}");
        assert_eq!(paths(&no_zh_title), Vec::<String>::new());
    }

    #[test]
    fn city_precision_backed_only_by_unnamed_outlets_is_reported() {
        let city = PLACE.replace("region", "city");
        let text = corpus(
            r#""title":"x","lang":"en""#,
            &format!(r#"{city},"title":{{"en":"x"}}"#),
        )
        .replace(
            r#""outlet":"TASS""#,
            r#""outlet":"Chinese media (outlet not named in the blog post)""#,
        );
        assert_eq!(paths(&text), ["events[0].place.precision"]);
        let named = text.replace("Chinese media (outlet not named in the blog post)", "CGTN");
        assert_eq!(paths(&named), Vec::<String>::new());
        let region = text.replace(r#""precision":"city""#, r#""precision":"region""#);
        assert_eq!(paths(&region), Vec::<String>::new());
    }

    #[test]
    fn text_that_is_not_json_gives_no_lint_warnings() {
        assert!(lint("{ not json").is_empty());
        assert!(lint("[]").is_empty());
    }
}
