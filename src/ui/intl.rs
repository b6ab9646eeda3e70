//! Numbers, plurals, dates and language names as the reader reads them.
//!
//! Numbers, plural forms and dates in the four interface languages come from the core's
//! CLDR rules (`core::text::plural`, `core::time::calendar`): the browser's `Intl` writes
//! the same (a component test checks it against the browser's), but building its formatters
//! cost about 30 ms of the first render. Language names come from the table's endonyms, and
//! for other codes from the browser's `Intl.DisplayNames`, which holds the CLDR data the
//! wasm does not carry; one is built per locale and kept.

use crate::core::text::i18n::{endonym, script_endonym, tp, Key, Lang};
use crate::core::text::plural::{self, Category};
use crate::core::time::calendar::format_date;
use crate::core::time::date::PartialDate;
use js_sys::{Array, Function, Object, Reflect};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// `Intl.DisplayNames` by locale, or `None` when the browser lacks that locale's data.
    static NAMERS: RefCell<HashMap<String, Option<JsValue>>> = RefCell::new(HashMap::new());
}

/// `new Intl.DisplayNames(locale, {type: "language", fallback: "none"})`, if the browser has
/// data for `locale` itself (a locale without data resolves to the default one).
fn display_names(locale: &str) -> Option<JsValue> {
    if let Some(hit) = NAMERS.with(|c| c.borrow().get(locale).cloned()) {
        return hit;
    }
    let made = build(locale).filter(|f| {
        let primary = locale.split('-').next().unwrap_or(locale);
        resolved_locale(f).is_some_and(|l| l.split('-').next() == Some(primary))
    });
    NAMERS.with(|c| c.borrow_mut().insert(locale.to_string(), made.clone()));
    made
}

fn build(locale: &str) -> Option<JsValue> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let ctor = Reflect::get(&intl, &"DisplayNames".into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    let options = Object::new();
    for (k, v) in [("type", "language"), ("fallback", "none")] {
        Reflect::set(&options, &k.into(), &v.into()).ok()?;
    }
    Reflect::construct(&ctor, &Array::of2(&locale.into(), &options)).ok()
}

/// Calls `obj.method(args...)`.
fn call(obj: &JsValue, method: &str, args: &Array) -> Option<JsValue> {
    let f = Reflect::get(obj, &method.into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    Reflect::apply(&f, obj, args).ok()
}

fn resolved_locale(f: &JsValue) -> Option<String> {
    let opts = call(f, "resolvedOptions", &Array::new())?;
    Reflect::get(&opts, &"locale".into()).ok()?.as_string()
}

/// `n` with the language's digit grouping ("100,000", "100 000").
pub fn number(lang: Lang, n: u64) -> String {
    plural::group_digits(lang, n)
}

/// `x` with one decimal, in the language's way ("35.4", "35,4").
pub fn decimal(lang: Lang, x: f64) -> String {
    plural::group_decimal(lang, x)
}

/// The plural category of `n` in `lang`.
pub fn category(lang: Lang, n: u64) -> Category {
    plural::category(lang, n)
}

/// A message with numbers: the form is chosen by `by`, every `(name, number)` is written
/// with the language's grouping, then the other `args` are filled.
pub fn count(lang: Lang, key: Key, by: u64, nums: &[(&str, u64)], args: &[(&str, &str)]) -> String {
    let written: Vec<(&str, String)> = nums.iter().map(|(k, n)| (*k, number(lang, *n))).collect();
    let mut all: Vec<(&str, &str)> = written.iter().map(|(k, v)| (*k, v.as_str())).collect();
    all.extend_from_slice(args);
    tp(lang, key, category(lang, by), &all)
}

/// A date at its own precision ("4 июля 2022 г.", "July 2022", "2022年").
pub fn date(lang: Lang, d: &PartialDate) -> String {
    format_date(lang, d)
}

/// A language's name and the language it is written in: a code the tables know ("ru",
/// "kk", "sr-Latn") by its endonym; otherwise its own name in itself when the browser knows
/// it ("中文（台灣）"), else its name in the interface language, else the code.
pub fn language_name(code: &str, ui: Lang) -> (String, String) {
    // Each `Intl.DisplayNames` costs the browser a locale's data (several ms on a first
    // render that names a dozen languages); the table answers the common codes for free.
    let known = if code.contains('-') {
        script_endonym(code)
    } else {
        endonym(code)
    };
    if let Some(e) = known {
        return (e.to_string(), code.to_string());
    }
    let of = |locale: &str| {
        display_names(locale)
            .and_then(|f| call(&f, "of", &Array::of1(&code.into())))
            .and_then(|s| s.as_string())
            .filter(|s| !s.is_empty())
    };
    if let Some(own) = of(code) {
        return (capitalise(&own), code.to_string());
    }
    if let Some(name) = of(ui.code()) {
        return (capitalise(&name), ui.code().to_string());
    }
    match endonym(code) {
        Some(e) => (e.to_string(), code.to_string()),
        None => (code.to_string(), code.to_string()),
    }
}

/// The first letter in upper case, as names stand in lists and menus ("русский" ->
/// "Русский"); scripts without case are unchanged.
fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// [`language_name`] for each code; where two codes get the same name ("zh" and "zh-Hans"),
/// each keeps its code beside it so no two labels read alike.
pub fn language_names(codes: &[String], ui: Lang) -> Vec<(String, String)> {
    let mut names: Vec<(String, String)> = codes.iter().map(|c| language_name(c, ui)).collect();
    let plain: Vec<String> = names.iter().map(|(n, _)| n.clone()).collect();
    for ((name, _), code) in names.iter_mut().zip(codes) {
        if plain.iter().filter(|n| **n == *name).count() > 1 {
            name.push_str(&format!(" ({code})"));
        }
    }
    names
}
