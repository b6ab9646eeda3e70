//! A small JSON parser that keeps the byte span of every value and key.
//!
//! `serde_json` stops at the first error and forgets where values were; the corpus
//! validator needs a line and column for every problem it finds, so it reads this tree.
//! Strict RFC 8259 grammar, never panics, never recurses deeper than [`MAX_DEPTH`], and
//! reads the input once, front to back.
//!
//! Faults that leave the document's structure readable do not stop the parse: a number out
//! of range, a broken escape (`\x`, `\u12`, half a surrogate pair) or nesting deeper than
//! [`MAX_DEPTH`] make that one value [`Value::Invalid`], with the reason, and the parse goes on.
//! The validator then drops only the record (or ignores only the field) that holds it.
//! Duplicate keys are all kept, in order; readers take the last one, as other JSON tools do.
//!
//! A corpus of a million events does not fit in memory as one tree (each value costs about
//! 50-100 bytes, whatever its size in the file). [`parse_outline`] therefore checks the
//! whole document but builds only its outline: the items of the arrays directly under the
//! top-level object (the corpus' tables) are read for syntax and counted, not built.
//! [`items`] then parses them one at a time, with the same absolute offsets, so a reader
//! holds one record's tree at a time.
#![cfg_attr(not(test), deny(clippy::arithmetic_side_effects))]

use super::diagnostic::{quote, Message, Msg};
use super::work;
use std::borrow::Cow;

/// Containers nested deeper than this are not built: the whole over-deep value is skipped
/// (with a heap stack, so no input can overflow the call stack) and becomes
/// [`Value::Invalid`]. The corpus format needs 5 levels.
pub const MAX_DEPTH: usize = 64;

/// Most values (of any kind, keys not counted) built at once: by [`parse`] in the whole
/// document, by [`parse_outline`] in its outline, by [`items`] in each item. Each costs about
/// 50-100 bytes in memory, whatever its size in the file (`0,` is two bytes), so this, not
/// the file size, bounds the tree: a file of tiny values stops here with a located error
/// instead of exhausting memory. A real 35 MB corpus of 100,000 events holds 2.7 million,
/// all but a few dozen of them inside its tables' items, which an outline does not build.
pub const MAX_JSON_VALUES: usize = 6_000_000;

/// A JSON value with the byte range it occupies in the source text.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'t> {
    pub value: Value<'t>,
    pub start: usize,
    pub end: usize,
}

/// An object member: its key, where the key starts, and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Member<'t> {
    /// The key; a broken escape in it is kept as U+FFFD.
    pub key: Cow<'t, str>,
    pub key_start: usize,
    pub node: Node<'t>,
}

/// The JSON value kinds.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'t> {
    Null,
    Bool(bool),
    Number(f64),
    /// Borrowed from the input unless it held escapes: most strings cost no allocation.
    String(Cow<'t, str>),
    Array(Vec<Node<'t>>),
    Object(Vec<Member<'t>>),
    /// An array [`parse_outline`] checked but did not build, with its number of items: read
    /// them with [`items`].
    Items(usize),
    /// Well-formed enough to skip, but not a value this reader can hold: the message says
    /// why (a number out of range, a broken escape, nesting too deep).
    /// (Boxed: rare, and it would make every value twice as big.)
    Invalid(Box<Message>),
}

impl Value<'_> {
    /// The JSON name of this kind, for messages ("expected a string, found an array");
    /// `None` for an unreadable value, whose own message says what it is.
    pub fn kind(&self) -> Option<Msg> {
        Some(match self {
            Value::Null => Msg::KindNull,
            Value::Bool(_) => Msg::KindBoolean,
            Value::Number(_) => Msg::KindNumber,
            Value::String(_) => Msg::KindString,
            Value::Array(_) | Value::Items(_) => Msg::KindArray,
            Value::Object(_) => Msg::KindObject,
            Value::Invalid(_) => return None,
        })
    }
}

/// A syntax error at a byte offset (or, with `over_budget`, the point where the document
/// exceeds [`MAX_JSON_VALUES`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: Message,
    pub over_budget: bool,
}

/// Parses a whole JSON document (surrounding whitespace allowed, a leading BOM ignored).
pub fn parse(text: &str) -> Result<Node<'_>, SyntaxError> {
    parse_limited(text, MAX_JSON_VALUES)
}

/// [`parse`] with at most `max_values` values.
fn parse_limited(text: &str, max_values: usize) -> Result<Node<'_>, SyntaxError> {
    parse_with(Parser::new(text, max_values, false))
}

/// Parses a whole document as [`parse`] does (the same syntax errors at the same offsets),
/// but leaves the items of every array directly under a top-level object unbuilt: each such
/// array becomes [`Value::Items`], to be read with [`items`]. What is built is bounded by
/// [`MAX_JSON_VALUES`]; the unbuilt items are counted by [`items`], each on its own.
pub fn parse_outline(text: &str) -> Result<Node<'_>, SyntaxError> {
    parse_outline_limited(text, MAX_JSON_VALUES)
}

/// [`parse_outline`] with at most `max_values` values built at once (in the outline, and
/// then in each item [`items`] reads).
pub fn parse_outline_limited(text: &str, max_values: usize) -> Result<Node<'_>, SyntaxError> {
    parse_with(Parser::new(text, max_values, true))
}

fn parse_with(mut p: Parser<'_>) -> Result<Node<'_>, SyntaxError> {
    let text = p.text;
    if text.starts_with('\u{feff}') {
        p.i = 3;
    }
    p.ws();
    let node = p.value(0);
    // The parser only moves forward: its steps are the bytes it read, plus one per value
    // (counted in `value`, added here in one go).
    work::add(p.i.saturating_add(p.steps));
    let node = node?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.err(Msg::JsonEndOfDocument));
    }
    Ok(node)
}

/// The items of the array `array` (a node of `text`), each parsed when it is asked for, with
/// its offsets in `text`; for [`Value::Items`] from [`parse_outline`], or any array. Each
/// item may build at most `max_values` values (as the outline did). The array was read
/// once already, so an item is an error only when it alone exceeds that budget; the
/// iteration ends after an error. Anything but an array has no items.
pub fn items<'t>(text: &'t str, array: &Node<'t>, max_values: usize) -> Items<'t> {
    let is_array = matches!(array.value, Value::Array(_) | Value::Items(_))
        && text.as_bytes().get(array.start) == Some(&b'[');
    let mut p = Parser::new(text, max_values, false);
    // Past the opening bracket; an array that is not one ends at once.
    p.i = if is_array {
        array.start.saturating_add(1)
    } else {
        text.len()
    };
    Items { p, done: !is_array }
}

/// An iterator over an array's items: see [`items`].
pub struct Items<'t> {
    p: Parser<'t>,
    done: bool,
}

impl<'t> Iterator for Items<'t> {
    type Item = Result<Node<'t>, SyntaxError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let from = self.p.i;
        self.p.ws();
        if matches!(self.p.peek(), Some(b']') | None) {
            self.done = true;
            work::add(self.p.i.saturating_sub(from));
            return None;
        }
        // Each item has the whole budget: only one item's tree is held at a time.
        self.p.values = 0;
        self.p.steps = 0;
        // Depth 2: in the root object (0), the table (1).
        let item = self.p.value(2);
        self.p.ws();
        match (&item, self.p.peek()) {
            (Ok(_), Some(b',')) => self.p.bump(1),
            _ => self.done = true,
        }
        work::add(self.p.i.saturating_sub(from).saturating_add(self.p.steps));
        Some(item)
    }
}

/// Maps byte offsets to 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`'s line starts.
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i.saturating_add(1)),
        );
        work::add(text.len());
        LineIndex { line_starts }
    }

    /// 1-based (line, column) of `offset` in `text`. Counts the characters from the line's
    /// start: for many offsets on one long line use [`LineIndex::locate_all`].
    pub fn locate(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let col = chars_in(text, start, offset).saturating_add(1);
        (line, col)
    }

    /// (line, column) of every offset, in the order given, reading `text` at most once:
    /// offsets are visited in increasing order and each line's characters are counted from
    /// the previous offset on that line, so a million diagnostics on one long line cost
    /// one pass over it, not a million.
    pub fn locate_all(&self, text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_by_key(|&k| offsets.get(k).copied().unwrap_or(0));
        work::add(offsets.len());
        let mut out = vec![(1, 1); offsets.len()];
        // The last position located: its line, byte offset and column.
        let mut cur = (1usize, 0usize, 1usize);
        for k in order {
            let offset = offsets.get(k).copied().unwrap_or(0).min(text.len());
            let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
            let (from, col) = if line == cur.0 && offset >= cur.1 {
                (cur.1, cur.2)
            } else {
                let start = self
                    .line_starts
                    .get(line.saturating_sub(1))
                    .copied()
                    .unwrap_or(0);
                (start, 1)
            };
            let col = col.saturating_add(chars_in(text, from, offset));
            cur = (line, offset, col);
            if let Some(slot) = out.get_mut(k) {
                *slot = (line, col);
            }
        }
        out
    }
}

/// Characters in `text[from..to]` (bytes that do not continue a UTF-8 sequence).
fn chars_in(text: &str, from: usize, to: usize) -> usize {
    let bytes = text.as_bytes().get(from..to).unwrap_or_default();
    work::add(bytes.len());
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// Byte classes, looked up once per byte where the reader scans runs (a table index of a
/// `u8` is always in bounds): whitespace, and what ends a run of plain string characters (a
/// quote, a backslash, a control character).
const WS: u8 = 1;
const END_RUN: u8 = 2;
// Built at compile time, every index below 256: nothing here can panic at run time.
#[allow(clippy::indexing_slicing)]
const CLASS: [u8; 256] = {
    let mut c = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        c[b] = END_RUN;
        b += 1;
    }
    c[b'"' as usize] = END_RUN;
    c[b'\\' as usize] = END_RUN;
    // Bits, not values: a tab or a newline is whitespace between values and a control
    // character inside a string.
    c[b' ' as usize] |= WS;
    c[b'\t' as usize] |= WS;
    c[b'\n' as usize] |= WS;
    c[b'\r' as usize] |= WS;
    c
};

/// The class of byte `b` (the bounds check is optimised away: a `u8` is below 256).
#[inline(always)]
fn class(b: u8) -> u8 {
    CLASS.get(usize::from(b)).copied().unwrap_or(0)
}

/// How many containers [`skim`] tracks; a value nested deeper goes to the exact reader.
const SKIM_DEPTH: usize = 32;

/// Skims the plain, well-formed JSON value starting at byte `i` of `s`: where it ends and how
/// many values it holds, or `None` as soon as anything is not plain (a syntax error, an
/// escape other than the simple ones and `\uXXXX`, nesting deeper than [`SKIM_DEPTH`]),
/// for the exact reader to go over and report. It accepts only what the exact reader
/// accepts, builds nothing and reports nothing: checking the items of a million records is
/// one tight loop over their bytes instead of a value-by-value descent.
fn skim(s: &[u8], mut i: usize) -> Option<(usize, usize)> {
    let at = |i: usize| skim_at(s, i);
    let digits = |mut i: usize| {
        while at(i).is_ascii_digit() {
            i = i.saturating_add(1);
        }
        i
    };
    // A key at `i` and its colon: the index of its value.
    let key = |i: usize| -> Option<usize> {
        if at(i) != b'"' {
            return None;
        }
        let i = skim_ws(s, skim_string(s, i)?);
        (at(i) == b':').then(|| skim_ws(s, i.saturating_add(1)))
    };
    // The closing bracket of each open container.
    let mut open = [0u8; SKIM_DEPTH];
    let mut depth = 0usize;
    let mut values = 0usize;
    loop {
        // A value starts at `i`.
        values = values.saturating_add(1);
        match at(i) {
            c @ (b'{' | b'[') => {
                let close = if c == b'{' { b'}' } else { b']' };
                i = skim_ws(s, i.saturating_add(1));
                if at(i) == close {
                    i = i.saturating_add(1);
                } else {
                    *open.get_mut(depth)? = close;
                    depth = depth.saturating_add(1);
                    if close == b'}' {
                        i = key(i)?;
                    }
                    continue;
                }
            }
            b'"' => i = skim_string(s, i)?,
            b't' | b'f' | b'n' => {
                let word: &[u8] = match at(i) {
                    b't' => b"true",
                    b'f' => b"false",
                    _ => b"null",
                };
                if !s.get(i..).is_some_and(|r| r.starts_with(word)) {
                    return None;
                }
                i = i.saturating_add(word.len());
            }
            b'-' | b'0'..=b'9' => {
                if at(i) == b'-' {
                    i = i.saturating_add(1);
                }
                match at(i) {
                    b'0' => i = i.saturating_add(1),
                    b'1'..=b'9' => i = digits(i),
                    _ => return None,
                }
                if at(i) == b'.' {
                    let from = i.saturating_add(1);
                    i = digits(from);
                    if i == from {
                        return None;
                    }
                }
                if matches!(at(i), b'e' | b'E') {
                    i = i.saturating_add(1);
                    if matches!(at(i), b'+' | b'-') {
                        i = i.saturating_add(1);
                    }
                    let from = i;
                    i = digits(from);
                    if i == from {
                        return None;
                    }
                }
            }
            _ => return None,
        }
        // After a value: close containers, or go on to the next value.
        loop {
            let Some(inside) = depth.checked_sub(1) else {
                return Some((i, values));
            };
            let close = open.get(inside).copied().unwrap_or(0);
            i = skim_ws(s, i);
            match at(i) {
                b',' => {
                    i = skim_ws(s, i.saturating_add(1));
                    if close == b'}' {
                        i = key(i)?;
                    }
                    break;
                }
                c if c == close => {
                    depth = inside;
                    i = i.saturating_add(1);
                }
                _ => return None,
            }
        }
    }
}

/// The byte at `i`, or 0 (valid nowhere in JSON outside a string, and ending a string run)
/// past the end.
#[inline(always)]
fn skim_at(s: &[u8], i: usize) -> u8 {
    s.get(i).copied().unwrap_or(0)
}

/// The index of the first byte at or after `i` that is not whitespace.
#[inline(always)]
fn skim_ws(s: &[u8], mut i: usize) -> usize {
    while class(skim_at(s, i)) & WS != 0 {
        i = i.saturating_add(1);
    }
    i
}

/// The index after the string whose opening quote is at `i`, if it is plain.
#[inline(always)]
fn skim_string(s: &[u8], mut i: usize) -> Option<usize> {
    i = i.saturating_add(1);
    loop {
        while let Some(&b) = s.get(i) {
            if class(b) & END_RUN != 0 {
                break;
            }
            i = i.saturating_add(1);
        }
        match skim_at(s, i) {
            b'"' => return Some(i.saturating_add(1)),
            b'\\' => match skim_at(s, i.saturating_add(1)) {
                b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => {
                    i = i.saturating_add(2);
                }
                b'u' => {
                    let hex = s.get(i.saturating_add(2)..i.saturating_add(6))?;
                    if !hex.iter().all(u8::is_ascii_hexdigit) {
                        return None;
                    }
                    i = i.saturating_add(6);
                }
                _ => return None,
            },
            // A control character or the end of the input.
            _ => return None,
        }
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    text: &'a str,
    /// Values built so far, and the most allowed.
    values: usize,
    max_values: usize,
    /// Whether values are built; off while the items of an outline's table are only checked.
    build: bool,
    /// Whether the arrays directly under a top-level object are left unbuilt.
    outline: bool,
    /// The members of the objects being built, innermost last (see `object`).
    members: Vec<Member<'a>>,
    /// Whether a value being checked is read exactly, not skimmed (see [`skim`]).
    exact: bool,
    /// Values read (built or only checked) since the steps were last added to
    /// [`work`]: counted here and added in one go.
    steps: usize,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, max_values: usize, outline: bool) -> Self {
        Parser {
            s: text.as_bytes(),
            i: 0,
            text,
            values: 0,
            max_values,
            build: true,
            outline,
            members: Vec::new(),
            exact: false,
            steps: 0,
        }
    }

    /// Moves `n` bytes forward (never past the end of the input, so never overflows).
    // Always inlined: the release build optimises for size, which otherwise leaves these
    // one-line helpers as calls on every byte.
    #[inline(always)]
    fn bump(&mut self, n: usize) {
        self.i = self.i.saturating_add(n).min(self.s.len());
    }

    /// The bytes not read yet.
    #[inline(always)]
    fn rest(&self) -> &[u8] {
        self.s.get(self.i..).unwrap_or_default()
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn err(&self, problem: Msg) -> SyntaxError {
        let message = Message::new(Msg::JsonFound).sub("problem", problem.into());
        let message = match self.text.get(self.i..).and_then(|r| r.chars().next()) {
            Some(c) => message.arg("found", format!("{c:?}")),
            None => message.sub("found", Msg::JsonFoundEnd.into()),
        };
        SyntaxError {
            offset: self.i,
            message,
            over_budget: false,
        }
    }

    /// The document holds more than `max_values` values from the cursor on.
    fn over_budget(&self) -> SyntaxError {
        SyntaxError {
            offset: self.i,
            message: Message::new(Msg::JsonTooManyValues).arg("max", self.max_values),
            over_budget: true,
        }
    }

    fn ws(&mut self) {
        // Most values are not preceded by whitespace: no scan for them.
        if self.peek().is_none_or(|b| class(b) & WS == 0) {
            return;
        }
        let n = self
            .rest()
            .iter()
            .take_while(|&&b| class(b) & WS != 0)
            .count();
        self.bump(n);
    }

    fn value(&mut self, depth: usize) -> Result<Node<'a>, SyntaxError> {
        // Checking a table's item, not building it: a plain one is skimmed in one loop.
        // Anything else is read exactly, and so is all of it (`exact`): nothing is skimmed
        // twice, and a failed skim reads the item at most once more. (The table itself,
        // at depth 1, is read exactly: its items are counted.)
        if !self.build && !self.exact && depth >= 2 {
            let start = self.i;
            if let Some((end, values)) = skim(self.s, start) {
                self.steps = self.steps.saturating_add(values);
                self.i = end;
                return Ok(Node {
                    value: Value::Null,
                    start,
                    end,
                });
            }
            self.exact = true;
            let node = self.value(depth);
            self.exact = false;
            return node;
        }
        self.steps = self.steps.saturating_add(1);
        // Only built values count: checking an item builds nothing.
        self.values = self.values.saturating_add(usize::from(self.build));
        if self.values > self.max_values {
            return Err(self.over_budget());
        }
        let start = self.i;
        let value = match self.peek() {
            Some(b'{' | b'[') if depth >= MAX_DEPTH => {
                self.skip_nested()?;
                Value::Invalid(Box::new(
                    Message::new(Msg::JsonTooDeep).arg("max", MAX_DEPTH),
                ))
            }
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => match self.string()? {
                (s, None) => Value::String(s),
                (_, Some(problem)) => Value::Invalid(Box::new(problem)),
            },
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            _ => return Err(self.err(Msg::JsonValueExpected)),
        };
        Ok(Node {
            value,
            start,
            end: self.i,
        })
    }

    /// Skips one over-deep array or object without building it, checking only that its
    /// brackets match and its strings end. The stack of open brackets lives on the heap.
    fn skip_nested(&mut self) -> Result<(), SyntaxError> {
        let mut open: Vec<u8> = Vec::new();
        loop {
            match self.peek() {
                Some(b'[') => open.push(b']'),
                Some(b'{') => open.push(b'}'),
                Some(c @ (b']' | b'}')) => {
                    if open.pop() != Some(c) {
                        return Err(self.err(Msg::JsonMismatchedBracket));
                    }
                    if open.is_empty() {
                        self.bump(1);
                        return Ok(());
                    }
                }
                Some(b'"') => {
                    self.string()?;
                    continue;
                }
                Some(_) => {}
                None => {
                    return Err(self.err(if open.last() == Some(&b']') {
                        Msg::JsonCloseArray
                    } else {
                        Msg::JsonCloseObject
                    }))
                }
            }
            self.bump(1);
        }
    }

    fn literal(&mut self, word: &str, v: Value<'a>) -> Result<Value<'a>, SyntaxError> {
        if self.rest().starts_with(word.as_bytes()) {
            self.bump(word.len());
            Ok(v)
        } else {
            Err(self.err(Msg::JsonValueExpected))
        }
    }

    fn digits(&mut self) -> usize {
        let from = self.i;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.bump(1);
        }
        self.i.saturating_sub(from)
    }

    fn number(&mut self) -> Result<Value<'a>, SyntaxError> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.bump(1);
        }
        match self.peek() {
            Some(b'0') => self.bump(1),
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.err(Msg::JsonDigit)),
        }
        if self.peek() == Some(b'.') {
            self.bump(1);
            if self.digits() == 0 {
                return Err(self.err(Msg::JsonDigitAfterPoint));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.bump(1);
            if let Some(b'+' | b'-') = self.peek() {
                self.bump(1);
            }
            if self.digits() == 0 {
                return Err(self.err(Msg::JsonDigitInExponent));
            }
        }
        if !self.build {
            return Ok(Value::Null);
        }
        let text = self.text.get(start..self.i).unwrap_or_default();
        Ok(match text.parse::<f64>() {
            Ok(n) if n.is_finite() => Value::Number(n),
            _ => Value::Invalid(Box::new(
                Message::new(Msg::JsonNumberRange).arg("number", quote(text).trim_matches('"')),
            )),
        })
    }

    /// Four hex digits at the cursor, consumed only when all four are there.
    fn hex4(&mut self) -> Option<u32> {
        let v = self
            .rest()
            .get(..4)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u32::from_str_radix(h, 16).ok())?;
        self.bump(4);
        Some(v)
    }

    /// A string at the cursor: its text (U+FFFD where an escape is broken) and the first
    /// broken escape's description, if any. Only a missing closing quote or a raw control
    /// character is a syntax error: those usually mean a quote is missing, so reading on
    /// would misread the rest of the file.
    fn string(&mut self) -> Result<(Cow<'a, str>, Option<Message>), SyntaxError> {
        self.bump(1); // opening quote
        let mut out = String::new();
        let mut first_run = true;
        let mut problem: Option<Message> = None;
        let note = |p: &mut Option<Message>, msg: Message| {
            if p.is_none() {
                *p = Some(msg);
            }
        };
        loop {
            let run_start = self.i;
            let run_len = self
                .rest()
                .iter()
                .take_while(|&&b| class(b) & END_RUN == 0)
                .count();
            self.bump(run_len);
            // The run ends on an ASCII byte, so it is a whole UTF-8 slice.
            let run = self.text.get(run_start..self.i).unwrap_or_default();
            if first_run && self.peek() == Some(b'"') {
                // No escape at all: the string is that slice of the input.
                self.bump(1);
                return Ok((Cow::Borrowed(run), problem));
            }
            first_run = false;
            if self.build {
                out.push_str(run);
            }
            match self.peek() {
                Some(b'"') => {
                    self.bump(1);
                    return Ok((Cow::Owned(out), problem));
                }
                Some(b'\\') => {
                    let esc_start = self.i;
                    self.bump(1);
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.bump(1);
                            let c = self.unicode_escape(esc_start).unwrap_or_else(|msg| {
                                note(&mut problem, msg);
                                '\u{fffd}'
                            });
                            if self.build {
                                out.push(c);
                            }
                            continue;
                        }
                        None => return Err(self.err(Msg::JsonClosingQuote)),
                        Some(_) => {
                            let c = self
                                .text
                                .get(self.i..)
                                .and_then(|r| r.chars().next())
                                .unwrap_or('\u{fffd}');
                            note(
                                &mut problem,
                                Message::new(Msg::JsonUnknownEscape)
                                    .arg("escape", c.escape_debug()),
                            );
                            self.bump(c.len_utf8());
                            if self.build {
                                out.push('\u{fffd}');
                            }
                            continue;
                        }
                    };
                    self.bump(1);
                    if self.build {
                        out.push(c);
                    }
                }
                Some(_) => return Err(self.err(Msg::JsonControlInString)),
                None => return Err(self.err(Msg::JsonClosingQuote)),
            }
        }
    }

    /// The character of a `\uXXXX` escape (the cursor is after `\u`), joining a surrogate
    /// pair; the error describes a broken one.
    fn unicode_escape(&mut self, esc_start: usize) -> Result<char, Message> {
        // Six ASCII characters, `\uXXXX`: safe to repeat as they are.
        let escape_text = |p: &Self| p.text.get(esc_start..p.i).unwrap_or_default().to_string();
        let Some(hi) = self.hex4() else {
            return Err(Msg::JsonHexAfterU.into());
        };
        if (0xDC00..0xE000).contains(&hi) {
            return Err(Message::new(Msg::JsonLoneLowSurrogate).arg("escape", escape_text(self)));
        }
        if !(0xD800..0xDC00).contains(&hi) {
            return char::from_u32(hi).ok_or_else(|| Msg::JsonNotACharacter.into());
        }
        let pair_start = self.i;
        if self.rest().starts_with(b"\\u") {
            self.bump(2);
            match self.hex4() {
                Some(lo) if (0xDC00..0xE000).contains(&lo) => {
                    let cp = ((hi & 0x3FF) << 10 | (lo & 0x3FF)) | 0x10000;
                    return char::from_u32(cp).ok_or_else(|| Msg::JsonNotACharacter.into());
                }
                // Not a low half: leave it to be read as its own escape.
                _ => self.i = pair_start,
            }
        }
        Err(Message::new(Msg::JsonLoneHighSurrogate).arg("escape", escape_text(self)))
    }

    fn array(&mut self, depth: usize) -> Result<Value<'a>, SyntaxError> {
        self.bump(1);
        let mut items = Vec::new();
        // Items checked but not built are only counted.
        let mut count = 0usize;
        let done = |items: Vec<Node<'a>>, count: usize, build: bool| {
            if build {
                Value::Array(items)
            } else {
                Value::Items(count)
            }
        };
        self.ws();
        if self.peek() == Some(b']') {
            self.bump(1);
            return Ok(done(items, count, self.build));
        }
        loop {
            self.ws();
            let item = self.value(depth.saturating_add(1))?;
            if self.build {
                items.push(item);
            } else {
                count = count.saturating_add(1);
            }
            self.ws();
            match self.peek() {
                Some(b',') => self.bump(1),
                Some(b']') => {
                    self.bump(1);
                    return Ok(done(items, count, self.build));
                }
                _ => return Err(self.err(Msg::JsonArraySeparator)),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value<'a>, SyntaxError> {
        self.bump(1);
        // Members gather on a stack shared by all objects and move to a vector of exactly
        // their number at the end (one copy): one allocation per object, none regrown.
        let mark = self.members.len();
        self.ws();
        if self.peek() == Some(b'}') {
            self.bump(1);
            return Ok(Value::Object(Vec::new()));
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return Err(self.err(Msg::JsonQuotedKey));
            }
            let key_start = self.i;
            let (key, _) = self.string()?;
            self.ws();
            if self.peek() != Some(b':') {
                return Err(self.err(Msg::JsonColon));
            }
            self.bump(1);
            self.ws();
            // A table of an outline: its items are checked here, built later by `items`.
            let table = self.outline && self.build && depth == 0 && self.peek() == Some(b'[');
            if table {
                // The table itself is one value built; its items are not.
                self.values = self.values.saturating_add(1);
                if self.values > self.max_values {
                    return Err(self.over_budget());
                }
                self.build = false;
            }
            let node = self.value(depth.saturating_add(1));
            if table {
                self.build = true;
            }
            let node = node?;
            if self.build {
                self.members.push(Member {
                    key,
                    key_start,
                    node,
                });
            }
            self.ws();
            match self.peek() {
                Some(b',') => self.bump(1),
                Some(b'}') => {
                    self.bump(1);
                    let members = if mark < self.members.len() {
                        self.members.split_off(mark)
                    } else {
                        Vec::new()
                    };
                    return Ok(Value::Object(members));
                }
                _ => return Err(self.err(Msg::JsonObjectSeparator)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_values_with_spans() {
        let text = r#" {"a": [1, -2.5e3, true, null], "b": "x\u00e9\ud83d\ude00\n"} "#;
        let n = parse(text).unwrap();
        let Value::Object(m) = &n.value else {
            panic!("not an object")
        };
        assert_eq!(m[0].key, "a");
        assert_eq!(
            &text[m[0].node.start..m[0].node.end],
            "[1, -2.5e3, true, null]"
        );
        let Value::Array(items) = &m[0].node.value else {
            panic!()
        };
        assert_eq!(items[1].value, Value::Number(-2500.0));
        assert_eq!(m[1].node.value, Value::String("xé😀\n".into()));
    }

    #[test]
    fn reports_located_syntax_errors() {
        let cases = [
            ("{\"a\": 1,}", 8, "quoted key"),
            ("[1 2]", 3, "',' or ']'"),
            ("{\"a\" 1}", 5, "':'"),
            ("\"abc", 4, "closing quote"),
            ("01", 1, "end of the document"),
            ("1.", 2, "decimal point"),
            ("", 0, "JSON value"),
            ("tru", 0, "JSON value"),
            ("\"a\tb\"", 2, "control"),
        ];
        for (text, offset, msg) in cases {
            let e = parse(text).unwrap_err();
            assert_eq!(e.offset, offset, "{text}: {e:?}");
            assert!(e.message.to_string().contains(msg), "{text}: {}", e.message);
        }
    }

    #[test]
    fn limits_nesting_without_overflowing_the_stack() {
        let deep = "[".repeat(100_000);
        assert!(parse(&deep)
            .unwrap_err()
            .message
            .to_string()
            .contains("expected ']'"));
        // Closed, the over-deep part is one invalid value and the rest is read.
        let text = format!(
            "{{\"deep\": {}{}, \"b\": 1}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let n = parse(&text).unwrap();
        let Value::Object(m) = &n.value else { panic!() };
        let Value::Array(a) = &m[0].node.value else {
            panic!()
        };
        let mut inner = &a[0];
        for _ in 0..MAX_DEPTH - 2 {
            let Value::Array(a) = &inner.value else {
                panic!("{inner:?}")
            };
            inner = &a[0];
        }
        assert!(
            matches!(&inner.value, Value::Invalid(m) if m.to_string().contains("nesting deeper than 64")),
            "{inner:?}"
        );
        assert_eq!(m[1].node.value, Value::Number(1.0));
        assert!(parse("[[[[\"]]]]\"").is_err());
        let mismatched = format!("{}{}", "[".repeat(70), "}".repeat(70));
        assert!(parse(&mismatched)
            .unwrap_err()
            .message
            .to_string()
            .contains("mismatched"));
    }

    #[test]
    fn faults_inside_a_value_stay_in_that_value() {
        let text = r#"[1e400, "a\xb", "\ud800x", "\udc00", "\ud800\u0041", "\u12", "ok\ud83d\ude00", -1e-400, {"k\ud800": 1}]"#;
        let n = parse(text).unwrap();
        let Value::Array(items) = &n.value else {
            panic!()
        };
        let invalid = |i: usize, needle: &str| match &items[i].value {
            Value::Invalid(m) => assert!(m.to_string().contains(needle), "{i}: {m}"),
            v => panic!("{i}: {v:?}"),
        };
        invalid(0, "number 1e400 is out of range");
        invalid(1, "unknown escape \\x");
        invalid(2, "\\ud800 is the first half");
        invalid(3, "\\udc00 is the second half");
        invalid(4, "\\ud800 is the first half");
        invalid(5, "four hex digits");
        assert_eq!(items[6].value, Value::String("ok😀".into()));
        assert_eq!(items[7].value, Value::Number(-0.0));
        let Value::Object(m) = &items[8].value else {
            panic!()
        };
        assert_eq!(m[0].key, "k\u{fffd}");
        let huge = format!("[1{}]", "0".repeat(1_000_000));
        let Value::Array(items) = parse(&huge).unwrap().value else {
            panic!()
        };
        let Value::Invalid(m) = &items[0].value else {
            panic!()
        };
        assert!(m.to_string().len() < 200, "{m}");
    }

    #[test]
    fn the_number_of_values_is_bounded() {
        assert!(parse_limited("[0,0,0]", 4).is_ok());
        let e = parse_limited("[0,0,0,0]", 4).unwrap_err();
        assert!(e.over_budget && e.offset == 7, "{e:?}");
        assert!(
            e.message.to_string().contains("more than 4 JSON values"),
            "{e:?}"
        );
        assert!(!parse("[1,").unwrap_err().over_budget);
    }

    /// The items of `n`, each parsed on its own.
    fn all_items<'t>(text: &'t str, n: &Node<'t>) -> Vec<Node<'t>> {
        items(text, n, MAX_JSON_VALUES)
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn an_outline_leaves_the_tables_items_to_be_read_one_at_a_time() {
        let text = r#"{"meta": {"a": [1]}, "events": [ {"id": "x", "n": [1, 2]} , "s\u00e9", 3e2 ], "none": [], "tags": {"t": [1]}}"#;
        let full = parse(text).unwrap();
        let outline = parse_outline(text).unwrap();
        let (Value::Object(f), Value::Object(o)) = (&full.value, &outline.value) else {
            panic!()
        };
        // Built as by `parse` but for the tables, which keep their spans and count.
        assert_eq!(f[0], o[0]);
        assert_eq!(f[3], o[3]);
        assert_eq!(
            (o[1].node.start, o[1].node.end),
            (f[1].node.start, f[1].node.end)
        );
        assert_eq!(o[1].node.value, Value::Items(3));
        assert_eq!(o[2].node.value, Value::Items(0));
        let Value::Array(built) = &f[1].node.value else {
            panic!()
        };
        // Item by item, the same nodes at the same offsets.
        assert_eq!(&all_items(text, &o[1].node), built);
        assert_eq!(all_items(text, &f[1].node), *built);
        assert!(all_items(text, &o[2].node).is_empty());
        assert!(all_items(text, &o[0].node).is_empty());
        // Only the top-level object's arrays are tables.
        assert!(matches!(
            parse_outline("[[1]]").unwrap().value,
            Value::Array(_)
        ));
    }

    #[test]
    fn an_outline_reports_the_same_syntax_errors() {
        let many: String = (0..50).map(|i| format!(r#"{{"id": "e{i}"}},"#)).collect();
        for text in [
            format!(r#"{{"events": [{many} {{"id": "x" "b": 1}}]}}"#),
            format!(r#"{{"events": [{many} {{"id": "x\ty"}}, ]}}"#),
            format!(r#"{{"events": [{many} {{"id": "x", "d": 1.}}]}}"#),
            format!(r#"{{"events": [{many} "a	b"]}}"#),
            format!(r#"{{"events": [{many} 1 2]}}"#),
            format!(r#"{{"events": [{many}"#),
            format!(r#"{{"events": [{many} {{"a": tru}}], "b": 1}}"#),
            format!(r#"{{"events": [{many} {}]}}"#, "[".repeat(100)),
            format!(r#"{{"events": [{many} 1]}} x"#),
        ] {
            let (a, b) = (parse(&text).unwrap_err(), parse_outline(&text).unwrap_err());
            assert_eq!(a, b, "{text}");
        }
        // Faults inside a value stay in it, item by item.
        let text = r#"{"events": [1e400, "\x", 1]}"#;
        let o = parse_outline(text).unwrap();
        let Value::Object(m) = &o.value else { panic!() };
        let got = all_items(text, &m[0].node);
        assert!(matches!(got[0].value, Value::Invalid(_)));
        assert!(matches!(got[1].value, Value::Invalid(_)));
        assert_eq!(got[2].value, Value::Number(1.0));
    }

    #[test]
    fn an_outline_never_holds_a_tables_items_at_once() {
        // 100 items of 3 values each: far past a budget of 10 as one tree, within it item
        // by item.
        let body = vec![r#"{"a": 1, "b": 2}"#; 100].join(",");
        let text = format!(r#"{{"x": 1, "events": [{body}]}}"#);
        assert!(parse_limited(&text, 10).unwrap_err().over_budget);
        let o = parse_outline_limited(&text, 10).unwrap();
        let Value::Object(m) = &o.value else { panic!() };
        assert_eq!(m[1].node.value, Value::Items(100));
        assert_eq!(
            items(&text, &m[1].node, 10).filter(Result::is_ok).count(),
            100
        );
        // One item past the budget is an error there, and the last item read.
        let text = r#"{"events": [[1], [1, 2, 3], [4]]}"#;
        let o = parse_outline_limited(text, 3).unwrap();
        let Value::Object(m) = &o.value else { panic!() };
        let got: Vec<_> = items(text, &m[0].node, 3).collect();
        assert_eq!(got.len(), 2);
        let e = got[1].as_ref().unwrap_err();
        assert!(
            e.over_budget && e.offset == text.find('3').unwrap(),
            "{e:?}"
        );
        // The outline itself is bounded too.
        assert!(
            parse_outline_limited(r#"{"a": [1], "b": [2], "c": 3}"#, 3)
                .unwrap_err()
                .over_budget
        );
    }

    #[test]
    fn skimming_accepts_only_what_the_exact_reader_accepts() {
        let item = r#"{"id": "e1", "n": [1, -2.5e3, 0, 1E+2, true, false, null, {}, []], "s": "a\"\\\/\b\f\n\r\t\u00e9b", "o": {"k": {"k": [[]]}}}"#;
        let mut cases: Vec<String> = vec![item.into()];
        // Every deletion of one byte, and every replacement of one by a troublesome one.
        for k in 0..item.len() {
            let (a, b) = (&item[..k], &item[k + 1..]);
            cases.push(format!("{a}{b}"));
            for c in [
                "\"", "\\", "\t", ",", "x", "0", "-", ".", "e", "}", "]", "\u{1}",
            ] {
                cases.push(format!("{a}{c}{b}"));
            }
        }
        cases.extend(
            [
                "01",
                "-",
                "-0",
                "1.",
                "1.e1",
                "1e",
                "1e+",
                ".5",
                "tru",
                "nul",
                "[1,]",
                "{\"a\":}",
                "{\"a\" 1}",
                "{,}",
                "[,1]",
                "\"\\x\"",
                "\"\\u12\"",
                "\"\\ud800\"",
                "1e400",
                "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
                "\"a",
            ]
            .map(String::from),
        );
        let mut skimmed = 0;
        for text in &cases {
            if !text.is_char_boundary(0) || std::str::from_utf8(text.as_bytes()).is_err() {
                continue;
            }
            let mut p = Parser::new(text, MAX_JSON_VALUES, false);
            p.build = false;
            p.exact = true;
            let exact = p.value(2).map(|n| n.end);
            if let Some((end, _)) = skim(text.as_bytes(), 0) {
                skimmed += 1;
                assert_eq!(exact, Ok(end), "{text}");
            }
        }
        assert!(skimmed > 100, "{skimmed}");
        assert!(skim(item.as_bytes(), 0).is_some());
    }

    #[test]
    fn duplicate_keys_are_all_kept_in_order() {
        let n = parse(r#"{"a": 1, "a": 2}"#).unwrap();
        let Value::Object(m) = &n.value else { panic!() };
        assert_eq!((m.len(), &m[1].node.value), (2, &Value::Number(2.0)));
    }

    #[test]
    fn locates_many_offsets_in_one_pass() {
        let text = "ab\nцd\n\nxyz";
        let idx = LineIndex::new(text);
        let offsets = [9, 0, 4, 3, 10, 100, 5];
        let all = idx.locate_all(text, &offsets);
        let one: Vec<_> = offsets.iter().map(|&o| idx.locate(text, o)).collect();
        assert_eq!(all, one);
        assert_eq!(all[0], (4, 2));
        assert_eq!(all[2], (2, 2));
    }

    #[test]
    fn locates_lines_and_character_columns() {
        let text = "{\n  \"名\": x\n}";
        let idx = LineIndex::new(text);
        let e = parse(text).unwrap_err();
        assert_eq!(idx.locate(text, e.offset), (2, 8));
        assert_eq!(idx.locate(text, 0), (1, 1));
    }
}
