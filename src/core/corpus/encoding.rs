//! From a file's bytes to text: the corpus format is UTF-8 (RFC 8259 §8.1).
//!
//! A UTF-16 or UTF-32 file (with or without a byte-order mark) is recognised and named,
//! not guessed at: "this file is UTF-16; save it as UTF-8". Invalid UTF-8 is replaced by
//! U+FFFD, and each place is reported with its line and column in the text that is read, so
//! the CLI and the app say the same thing about the same file.
#![cfg_attr(not(test), deny(clippy::arithmetic_side_effects))]

use super::diagnostic::{Message, Msg};
use super::work;
use std::borrow::Cow;

/// Most replaced places listed one by one; the rest are counted.
pub const MAX_LISTED_REPLACEMENTS: usize = 20;

/// Where invalid UTF-8 was replaced: (byte offset in the decoded text, description), and
/// how many more places were not listed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Replaced {
    pub places: Vec<(usize, Message)>,
    pub more: usize,
}

/// The name of a UTF-16 or UTF-32 encoding `bytes` are in ("UTF-16 (little-endian, with a
/// byte-order mark)"), judged by a byte-order mark or, without one, by the zero bytes around
/// the first character (a JSON text starts with an ASCII character, so in UTF-16 one of its
/// first two bytes is zero).
pub fn wide_encoding(bytes: &[u8]) -> Option<Message> {
    let (name, order, mark) = match bytes {
        [0, 0, 0xFE, 0xFF, ..] => ("UTF-32", "big-endian", true),
        [0xFF, 0xFE, 0, 0, ..] => ("UTF-32", "little-endian", true),
        [0xFE, 0xFF, ..] => ("UTF-16", "big-endian", true),
        [0xFF, 0xFE, ..] => ("UTF-16", "little-endian", true),
        [0, 0, 0, a, ..] if *a != 0 => ("UTF-32", "big-endian", false),
        [a, 0, 0, 0, ..] if *a != 0 => ("UTF-32", "little-endian", false),
        [0, a, ..] if *a != 0 => ("UTF-16", "big-endian", false),
        [a, 0, ..] if *a != 0 => ("UTF-16", "little-endian", false),
        _ => return None,
    };
    let key = if mark {
        Msg::EncodingWithMark
    } else {
        Msg::Encoding
    };
    Some(Message::new(key).arg("name", name).arg("order", order))
}

/// The text of `bytes`, with invalid UTF-8 replaced and each place described; or, for a
/// UTF-16 or UTF-32 file, the message naming its encoding.
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Replaced), Message> {
    work::add(bytes.len());
    if let Some(name) = wide_encoding(bytes) {
        return Err(Message::new(Msg::WideEncoding).sub("encoding", name));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((Cow::Borrowed(text), Replaced::default()));
    }
    let mut text = String::with_capacity(bytes.len());
    let mut replaced = Replaced::default();
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        let bad = chunk.invalid();
        if bad.is_empty() {
            continue;
        }
        if replaced.places.len() < MAX_LISTED_REPLACEMENTS {
            let hex: Vec<String> = bad.iter().map(|b| format!("0x{b:02X}")).collect();
            replaced.places.push((
                text.len(),
                Message::new(Msg::InvalidUtf8).arg("bytes", hex.join(" ")),
            ));
        } else {
            replaced.more = replaced.more.saturating_add(1);
        }
        text.push('\u{fffd}');
    }
    Ok((Cow::Owned(text), replaced))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut units: Vec<u16> = s.encode_utf16().collect();
        if bom {
            units.insert(0, 0xFEFF);
        }
        units
            .iter()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect()
    }

    #[test]
    fn names_wide_encodings() {
        for (le, bom, name) in [
            (true, true, "UTF-16 (little-endian, with a byte-order mark)"),
            (false, true, "UTF-16 (big-endian, with a byte-order mark)"),
            (true, false, "UTF-16 (little-endian)"),
            (false, false, "UTF-16 (big-endian)"),
        ] {
            let e = decode(&utf16("{\"a\": \"Алматы\"}", le, bom))
                .unwrap_err()
                .to_string();
            assert!(e.contains(name) && e.contains("save it as UTF-8"), "{e}");
        }
        assert!(decode(&[0xFF, 0xFE, 0, 0, b'{', 0, 0, 0])
            .unwrap_err()
            .to_string()
            .contains("UTF-32"));
        assert!(decode(&[0, 0, 0, b'{'])
            .unwrap_err()
            .to_string()
            .contains("UTF-32"));
        assert!(decode(b"{}").is_ok());
        assert!(decode(b"").is_ok());
        assert!(decode("\u{feff}{}".as_bytes()).is_ok());
    }

    #[test]
    fn replaces_invalid_utf8_and_says_where() {
        let (text, r) = decode(b"{\"a\": \"x\xFFy\xC3\"}").unwrap();
        assert_eq!(text, "{\"a\": \"x\u{fffd}y\u{fffd}\"}");
        assert_eq!(r.places.len(), 2);
        assert_eq!(r.places[0].0, 8);
        assert!(r.places[0].1.to_string().contains("0xFF"), "{:?}", r.places);
        let many = b"\xFF ".repeat(1000);
        let (_, r) = decode(&many).unwrap();
        assert_eq!((r.places.len(), r.more), (MAX_LISTED_REPLACEMENTS, 980));
    }
}
