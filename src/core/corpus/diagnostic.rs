//! Located diagnostics: what the validator says about an input, and where.
//!
//! Diagnostics echo parts of the input ("found \"javascript:…\""). A hostile file must not
//! turn that echo into a megabyte message or a terminal escape sequence, so every echo goes
//! through [`quote`] (escaped, at most [`ECHO_CHARS`] characters, with the full length) and
//! every key in a path through [`path_key`].
#![cfg_attr(not(test), deny(clippy::arithmetic_side_effects))]

use std::borrow::Cow;
use std::fmt;

pub use crate::text::diag_text::{Arg, Message, Msg};

/// Most characters of the input a diagnostic or notice repeats.
pub const ECHO_CHARS: usize = 40;

/// `s` as an escaped, quoted string showing at most [`ECHO_CHARS`] characters (escapes
/// included); a longer one ends with an ellipsis and says its full length:
/// `"aaaa…" (1048576 characters)`.
pub fn quote(s: &str) -> String {
    let (head, total, cut) = escaped_head(s, true);
    if cut {
        format!("\"{head}…\" ({total} characters)")
    } else {
        format!("\"{head}\"")
    }
}

/// `s` unquoted, escaped and shortened like [`quote`]: for notices, which name a part of
/// a link as it was written (`a=usa`).
pub fn echo(s: &str) -> String {
    let (head, total, cut) = escaped_head(s, false);
    if cut {
        format!("{head}… ({total} characters)")
    } else {
        head
    }
}

/// The escaped start of `s` that fits in [`ECHO_CHARS`] characters, the number of
/// characters in `s`, and whether the start is all of it. In `quoted` text, `"` and `\` are
/// escaped too.
fn escaped_head(s: &str, quoted: bool) -> (String, usize, bool) {
    let mut head = String::new();
    let mut width = 0usize;
    let mut total = 0usize;
    let mut cut = false;
    for c in s.chars() {
        total = total.saturating_add(1);
        if cut {
            continue;
        }
        let piece: Cow<'_, str> = match c {
            '"' | '\\' if quoted => Cow::Owned(format!("\\{c}")),
            '\n' => Cow::Borrowed("\\n"),
            '\t' => Cow::Borrowed("\\t"),
            '\r' => Cow::Borrowed("\\r"),
            c if c.is_control() || is_invisible_format(c) => {
                Cow::Owned(format!("\\u{{{:x}}}", u32::from(c)))
            }
            c => Cow::Owned(c.to_string()),
        };
        let w = piece.chars().count();
        if width.saturating_add(w) > ECHO_CHARS {
            cut = true;
            continue;
        }
        width = width.saturating_add(w);
        head.push_str(&piece);
    }
    (head, total, cut)
}

/// A key as a path segment: `.name` for plain keys (letters, digits, `-`, `_`; at most
/// [`ECHO_CHARS`]), `["…"]` quoted and shortened otherwise.
pub fn path_key(parent: &str, key: &str) -> String {
    let plain_char = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let plain = !key.is_empty()
        && key.len() <= ECHO_CHARS
        // The format's own keys are ASCII: checked byte by byte before any decoding.
        && (key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            || key.chars().all(plain_char));
    match (plain, parent.is_empty()) {
        (true, true) => key.to_string(),
        // Built without the formatting machinery: the validator makes a path for every
        // field of every record, and `format!` was a fifth of its time.
        (true, false) => [parent, ".", key].concat(),
        (false, _) => [parent, "[", &quote(key), "]"].concat(),
    }
}

/// Whether `c` is an invisible formatting character that can disguise text: bidirectional
/// overrides, embeddings and isolates, zero-width characters, the soft hyphen, tag characters.
pub fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
        | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}' | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}'
        | '\u{ffa0}' | '\u{fff0}'..='\u{fffb}' | '\u{e0000}'..='\u{e0fff}')
}

/// `s` with control characters (C0, DEL, C1) and invisible formatting characters written as
/// `\u{…}` escapes, so printing it cannot move a terminal's cursor, recolour it, or reverse
/// the text around it. Everything else, any script included, is kept.
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    let bad = |c: char| c.is_control() || is_invisible_format(c);
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if bad(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// How serious a diagnostic is. Errors leave a record out; warnings keep it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in an input, with its JSON path and 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// JSON path like `events[12].date.month`; empty for the whole document.
    pub path: String,
    pub line: usize,
    pub column: usize,
    /// What was expected and what was found, in words chosen when shown: English by
    /// `Display`, the interface language by [`Message::text`].
    pub message: Message,
}

impl Diagnostic {
    /// Whether this diagnostic is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// A diagnostic at the start of the input (for the file as a whole).
    pub fn at_start(severity: Severity, message: Message) -> Self {
        Diagnostic {
            severity,
            path: String::new(),
            line: 1,
            column: 1,
            message,
        }
    }

    /// Compiler-style text in English: `file:line:col: error: path: message`.
    pub fn render(&self, file: &str) -> String {
        let path = if self.path.is_empty() {
            String::new()
        } else {
            format!("{}: ", self.path)
        };
        format!(
            "{file}:{}:{}: {}: {path}{}",
            self.line, self.column, self.severity, self.message
        )
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_a_compiler() {
        let d = Diagnostic {
            severity: Severity::Error,
            path: "events[3].date.day".into(),
            line: 12,
            column: 7,
            message: Message::new(Msg::DaysInMonth)
                .arg("month", "2022-02")
                .arg("days", 28)
                .arg("found", 30),
        };
        assert_eq!(
            d.render("c.json"),
            "c.json:12:7: error: events[3].date.day: 2022-02 has 28 days, found day 30"
        );
    }

    #[test]
    fn quotes_are_escaped_and_bounded() {
        assert_eq!(quote("abc"), "\"abc\"");
        assert_eq!(quote("a\u{1b}[31mb"), "\"a\\u{1b}[31mb\"");
        assert_eq!(quote("say \"hi\"\\"), "\"say \\\"hi\\\"\\\\\"");
        assert_eq!(echo("a=\"x\""), "a=\"x\"");
        let controls = "\u{7f}".repeat(100);
        assert!(
            quote(&controls).chars().count() < 80,
            "{}",
            quote(&controls)
        );
        assert!(echo(&controls).ends_with("… (100 characters)"));
        assert_eq!(quote("x\u{202e}y"), "\"x\\u{202e}y\"");
        let long = "é".repeat(1_000_000);
        let q = quote(&long);
        assert!(q.len() < 120, "{q}");
        assert!(q.ends_with("…\" (1000000 characters)"), "{q}");
        assert_eq!(
            quote(&"a".repeat(ECHO_CHARS)),
            format!("\"{}\"", "a".repeat(ECHO_CHARS))
        );
    }

    #[test]
    fn path_keys_are_plain_or_quoted() {
        assert_eq!(path_key("", "events"), "events");
        assert_eq!(path_key("meta.title", "kk-Cyrl"), "meta.title.kk-Cyrl");
        assert_eq!(path_key("meta", "a.b"), "meta[\"a.b\"]");
        assert_eq!(
            path_key("meta", "\u{1b}]0;x\u{7}"),
            "meta[\"\\u{1b}]0;x\\u{7}\"]"
        );
        assert!(path_key("meta", &"k".repeat(5000)).len() < 100);
    }

    #[test]
    fn controls_and_bidi_overrides_are_escaped() {
        assert_eq!(escape_controls("plain Алматы 中文"), "plain Алматы 中文");
        assert_eq!(
            escape_controls("a\u{1b}[2Jb\u{9b}c\u{202e}d\u{200b}"),
            "a\\u{1b}[2Jb\\u{9b}c\\u{202e}d\\u{200b}"
        );
    }
}
