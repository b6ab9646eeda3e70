//! A compact binary form of the model, for handing a checked corpus from the loading worker
//! to the page (see [`super::transfer`]).
//!
//! The page decodes what the worker encoded, both built from this file, so the form needs
//! no field names and no versioning: integers as LEB128 varints (signed ones zigzagged),
//! `f64` as 8 little-endian bytes, text as its length and UTF-8 bytes, an `Option` as a
//! 0/1 byte then the value, a list as its length then the items, an enum of the format as
//! its position in [`NamedEnum::ALL`]. Decoding reads a cursor and returns `None` at the
//! first thing out of place (truncated input, a bad length, invalid UTF-8, an unknown enum
//! value, messages nested too deep): never a panic, and lists grow as their items arrive
//! rather than by the length they claim.
#![cfg_attr(not(test), deny(clippy::arithmetic_side_effects))]

use super::diagnostic::{Arg, Diagnostic, Message, Msg, Severity};
use super::model::*;
use super::validate::Dropped;
use crate::text::diag_text::template;
use crate::text::lang::Lang;
use crate::time::date::PartialDate;
use std::collections::BTreeMap;

/// A value with a binary form.
pub trait Wire: Sized {
    /// Appends the value's bytes to `out`.
    fn put(&self, out: &mut Vec<u8>);
    /// Reads a value, or `None` if the bytes do not hold one.
    fn take(r: &mut Reader<'_>) -> Option<Self>;
}

/// A cursor over bytes being decoded.
pub struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    /// Starts at the first byte.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { rest: bytes }
    }

    /// Whether every byte has been read.
    pub fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.rest.len() {
            return None;
        }
        let (head, tail) = self.rest.split_at(n);
        self.rest = tail;
        Some(head)
    }

    fn byte(&mut self) -> Option<u8> {
        self.bytes(1)?.first().copied()
    }

    fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    /// A length: at most the bytes left, since every item takes at least one byte.
    fn len(&mut self) -> Option<usize> {
        usize::try_from(self.varint()?)
            .ok()
            .filter(|&n| n <= self.rest.len())
    }
}

/// Most items a list reserves room for before they arrive.
const PREALLOCATE: usize = 4096;
/// Deepest nesting of messages within messages (real ones nest once).
const MAX_MESSAGE_DEPTH: usize = 4;

/// The bytes of `value`.
pub fn encode<T: Wire>(value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    value.put(&mut out);
    out
}

/// `value` read back from all of `bytes` (`None` if they hold anything else).
pub fn decode<T: Wire>(bytes: &[u8]) -> Option<T> {
    let mut r = Reader::new(bytes);
    let v = T::take(&mut r)?;
    r.is_empty().then_some(v)
}

fn put_varint(mut v: u64, out: &mut Vec<u8>) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl Wire for $t {
            fn put(&self, out: &mut Vec<u8>) {
                put_varint(*self as u64, out);
            }
            fn take(r: &mut Reader<'_>) -> Option<Self> {
                <$t>::try_from(r.varint()?).ok()
            }
        }
    )*};
}
unsigned!(u8, u32, u64, usize);

macro_rules! signed {
    ($($t:ty),*) => {$(
        impl Wire for $t {
            fn put(&self, out: &mut Vec<u8>) {
                let v = i64::from(*self);
                put_varint(((v << 1) ^ (v >> 63)) as u64, out);
            }
            fn take(r: &mut Reader<'_>) -> Option<Self> {
                let z = r.varint()?;
                let v = ((z >> 1) as i64) ^ (z & 1).wrapping_neg() as i64;
                <$t>::try_from(v).ok()
            }
        }
    )*};
}
signed!(i16, i32, i64);

impl Wire for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn take(r: &mut Reader<'_>) -> Option<Self> {
        match r.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Wire for f64 {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
    fn take(r: &mut Reader<'_>) -> Option<Self> {
        Some(f64::from_le_bytes(r.bytes(8)?.try_into().ok()?))
    }
}

/// Text as a [`String`] is written: its length, then its UTF-8 bytes.
fn put_str(s: &str, out: &mut Vec<u8>) {
    s.len().put(out);
    out.extend_from_slice(s.as_bytes());
}

impl Wire for String {
    fn put(&self, out: &mut Vec<u8>) {
        put_str(self, out);
    }
    fn take(r: &mut Reader<'_>) -> Option<Self> {
        let n = r.len()?;
        String::from_utf8(r.bytes(n)?.to_vec()).ok()
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(v) => {
                out.push(1);
                v.put(out);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Option<Self> {
        match r.byte()? {
            0 => Some(None),
            1 => Some(Some(T::take(r)?)),
            _ => None,
        }
    }
}

impl<T: Wire> Wire for Box<T> {
    fn put(&self, out: &mut Vec<u8>) {
        (**self).put(out);
    }
    fn take(r: &mut Reader<'_>) -> Option<Self> {
        T::take(r).map(Box::new)
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        for v in self {
            v.put(out);
        }
    }
    fn take(r: &mut Reader<'_>) -> Option<Self> {
        let n = r.len()?;
        // A length is at most the bytes left, but an item may be far bigger in memory than
        // its one byte: the vector grows as items actually arrive.
        let mut v = Vec::with_capacity(n.min(PREALLOCATE));
        for _ in 0..n {
            v.push(T::take(r)?);
        }
        Some(v)
    }
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }
    fn take(r: &mut Reader<'_>) -> Option<Self> {
        Some((A::take(r)?, B::take(r)?))
    }
}

impl<K: Wire + Ord, V: Wire> Wire for BTreeMap<K, V> {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        for (k, v) in self {
            k.put(out);
            v.put(out);
        }
    }
    fn take(r: &mut Reader<'_>) -> Option<Self> {
        // Inserted as they come (a text has a few languages): collecting them into a list
        // first would sort it and build the tree from it, several times the work.
        let n = r.len()?;
        let mut map = BTreeMap::new();
        for _ in 0..n {
            map.insert(K::take(r)?, V::take(r)?);
        }
        Some(map)
    }
}

impl Wire for Text {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        // As a list of (code, text) pairs, which is how it is read back.
        for (k, v) in self.iter() {
            put_str(k, out);
            put_str(v, out);
        }
    }
    fn take(r: &mut Reader<'_>) -> Option<Self> {
        let pairs: Vec<(String, String)> = Wire::take(r)?;
        Some(pairs.into_iter().collect())
    }
}

impl Wire for Label {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Label::Plain(s) => {
                out.push(0);
                s.put(out);
            }
            Label::Text(t) => {
                out.push(1);
                t.put(out);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Option<Self> {
        match r.byte()? {
            0 => Some(Label::Plain(Wire::take(r)?)),
            1 => Some(Label::Text(Wire::take(r)?)),
            _ => None,
        }
    }
}

/// The enums of the format, by their position in `ALL`.
macro_rules! named {
    ($($t:ty),*) => {$(
        impl Wire for $t {
            fn put(&self, out: &mut Vec<u8>) {
                <$t as NamedEnum>::ALL.iter().position(|v| v == self).unwrap_or(0).put(out);
            }
            fn take(r: &mut Reader<'_>) -> Option<Self> {
                <$t as NamedEnum>::ALL.get(usize::take(r)?).copied()
            }
        }
    )*};
}
named!(ActorKind, OutletKind, PlacePrecision, EventType);

impl Wire for Severity {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self == Severity::Error));
    }
    fn take(r: &mut Reader<'_>) -> Option<Self> {
        Some(if bool::take(r)? {
            Severity::Error
        } else {
            Severity::Warning
        })
    }
}

/// A message as its key's position, its count and its arguments; an argument's name is
/// read back as the `'static` placeholder of the key's template it names.
impl Wire for Message {
    fn put(&self, out: &mut Vec<u8>) {
        Msg::ALL
            .iter()
            .position(|k| *k == self.key)
            .unwrap_or(0)
            .put(out);
        self.count.put(out);
        self.args.len().put(out);
        for (name, arg) in &self.args {
            name.to_string().put(out);
            match arg {
                Arg::Text(t) => {
                    out.push(0);
                    t.put(out);
                }
                Arg::Msg(m) => {
                    out.push(1);
                    m.put(out);
                }
            }
        }
    }

    fn take(r: &mut Reader<'_>) -> Option<Self> {
        take_message(r, 0)
    }
}

fn take_message(r: &mut Reader<'_>, depth: usize) -> Option<Message> {
    if depth > MAX_MESSAGE_DEPTH {
        return None;
    }
    let key = *Msg::ALL.get(usize::take(r)?)?;
    let count = Wire::take(r)?;
    let n = r.len()?;
    let mut args = Vec::with_capacity(n.min(PREALLOCATE));
    for _ in 0..n {
        let name = placeholder(key, &String::take(r)?)?;
        let arg = match r.byte()? {
            0 => Arg::Text(Wire::take(r)?),
            1 => Arg::Msg(Box::new(take_message(r, depth.saturating_add(1))?)),
            _ => return None,
        };
        args.push((name, arg));
    }
    Some(Message { key, count, args })
}

/// `name` as it appears (`{name}`) in the English template of `key`.
fn placeholder(key: Msg, name: &str) -> Option<&'static str> {
    let t = template(Lang::En, key);
    let at = t.find(&format!("{{{name}}}"))?.checked_add(1)?;
    t.get(at..at.checked_add(name.len())?)
}

/// A struct as its fields in order.
macro_rules! fields {
    ($($t:ident { $($f:ident),* $(,)? })*) => {$(
        impl Wire for $t {
            fn put(&self, out: &mut Vec<u8>) {
                $(self.$f.put(out);)*
            }
            fn take(r: &mut Reader<'_>) -> Option<Self> {
                Some($t { $($f: Wire::take(r)?),* })
            }
        }
    )*};
}
pub(crate) use fields;

fields! {
    PartialDate { year, month, day, time, offset_minutes }
    Meta { title, description, languages, license, attribution, updated }
    Actor { id, name, kind, country, color }
    Source { id, outlet, outlet_kind, url, title, title_en, lang, published }
    Place { name, lat, lon, precision, country }
    ActorRef { id, role }
    Claim { claimant, disputed, question, answer }
    Question { id, text, unit }
    Event { id, date, end, place, title, summary, actors, kind, tags, claim, sources }
    Dropped { actors, sources, events }
    Diagnostic { severity, path, line, column, message }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::generate::generate;
    use crate::corpus::parse;

    #[test]
    fn every_value_comes_back_as_it_was() {
        let file = generate(300, 5);
        for e in &file.events {
            assert_eq!(decode::<Event>(&encode(e)).as_ref(), Some(e));
        }
        let (corpus, _) = parse(include_str!("../../../public/corpus.json"));
        for e in &corpus.events {
            assert_eq!(decode::<Event>(&encode(e)).as_ref(), Some(e));
        }
        assert_eq!(decode(&encode(&corpus.meta)), Some(corpus.meta.clone()));
        // Diagnostics whose message holds another message and a count.
        for text in ["{\"format\": \"steppe-corpus\",, }", "\u{feff}{}", "[]"] {
            for d in crate::corpus::validate(text).diagnostics {
                assert_eq!(decode::<Diagnostic>(&encode(&d)), Some(d));
            }
        }
        let nested =
            Message::new(Msg::MalformedJson).sub("error", Message::new(Msg::Problems).count(3));
        assert_eq!(decode::<Message>(&encode(&nested)), Some(nested));
        assert_eq!(
            decode(&encode(&corpus.sources)),
            Some(corpus.sources.clone())
        );
        for n in [0i64, 1, -1, 63, -64, i64::MAX, i64::MIN] {
            assert_eq!(decode::<i64>(&encode(&n)), Some(n));
        }
        for x in [0.0, -0.0, 43.2567, f64::MAX, f64::MIN_POSITIVE] {
            assert_eq!(
                decode::<f64>(&encode(&x)).map(f64::to_bits),
                Some(x.to_bits())
            );
        }
    }

    #[test]
    fn bytes_out_of_place_are_refused_without_panic_or_huge_allocation() {
        let bytes = encode(&generate(20, 5).events);
        // Every truncation, and junk after the value.
        for cut in 0..bytes.len() {
            assert_eq!(
                decode::<Vec<Event>>(bytes.get(..cut).unwrap_or_default()),
                None
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode::<Vec<Event>>(&longer), None);
        // A list that claims 2^63 items, bad UTF-8, an enum value past the end, a varint
        // that never ends.
        assert_eq!(
            decode::<Vec<String>>(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]),
            None
        );
        assert_eq!(decode::<String>(&[2, 0xc3, 0x28]), None);
        assert_eq!(decode::<EventType>(&[99]), None);
        assert_eq!(decode::<u64>(&[0x80; 11]), None);
        assert_eq!(decode::<u8>(&encode(&300u32)), None);
        // An argument name the message's template does not have.
        let good = Message::new(Msg::Problems).arg("n", 1);
        assert_eq!(decode::<Message>(&encode(&good)), Some(good.clone()));
        let mut bad = encode(&good);
        // The name's one letter sits before the argument's tag, length and digit.
        if let Some(b) = bad.iter_mut().rev().nth(3) {
            *b = b'x';
        }
        assert_eq!(decode::<Message>(&bad), None);
        // A list as long as the bytes left, of items far bigger in memory: refused once
        // the bytes run out, without reserving room for all of them first.
        let mut long = encode(&4000usize);
        long.extend(std::iter::repeat_n(0u8, 4000));
        assert_eq!(decode::<Vec<Event>>(&long), None);
        // Messages nested deeper than any real one.
        let mut deep = Message::new(Msg::Problems).count(1);
        for _ in 0..6 {
            deep = Message::new(Msg::MalformedJson).sub("error", deep);
        }
        assert_eq!(decode::<Message>(&encode(&deep)), None);
    }
}
