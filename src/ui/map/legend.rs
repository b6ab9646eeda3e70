//! The legend: which colour stands for which source language.

use super::MapCtx;
use crate::core::geo::marks::{lang_class, LANG_SLOTS};
use crate::core::query::bitset::Bitset;
use crate::core::text::i18n::Key;
use crate::ui::intl::language_names;
use leptos::prelude::*;
use std::sync::Arc;

/// The source languages of the matching events, each by its own name, with its colour.
#[component]
pub(super) fn Legend() -> impl IntoView {
    let app = MapCtx::use_ctx().app;
    let items = move || {
        let counts = app.result.with(|r| r.language_counts.clone());
        let lang = app.lang.get();
        app.corpus.with(|c| {
            let names = language_names(&c.languages, lang);
            c.languages
                .iter()
                .enumerate()
                .filter(|&(i, _)| counts.get(i).copied().unwrap_or(0) > 0)
                .take(LANG_SLOTS)
                .map(|(i, code)| {
                    let (name, in_lang) = names.get(i).cloned().unwrap_or_else(|| (code.clone(), code.clone()));
                    view! { <li><span class=format!("swatch {}", lang_class(i)) aria-hidden="true"></span><span lang=in_lang>{name}</span></li> }
                })
                .collect_view()
        })
    };
    view! { <ul class="legend" aria-label=move || app.t(Key::SourceLanguages)>{items}</ul> }
}

/// How many of the matching events have no place, so the map's silence about them is said.
#[component]
pub(super) fn NotOnMap() -> impl IntoView {
    let app = MapCtx::use_ctx().app;
    // The events without a place, once per corpus: a filter change then counts the
    // matching ones among them a word at a time.
    let unplaced = Memo::new(move |_| {
        app.corpus.with(|c| {
            let mut set = Bitset::empty(c.len());
            for (i, e) in c.events.iter().enumerate() {
                if e.place.is_none() {
                    set.insert(i);
                }
            }
            Arc::new(set)
        })
    });
    let n = Memo::new(move |_| unplaced.with(|u| app.result.with(|r| r.matches.and_count(u))));
    view! {
        <Show when=move || { n.get() > 0 }>
            <p class="not-on-map">{move || app.tf(Key::NotOnMap, &[("n", &n.get().to_string())])}</p>
        </Show>
    }
}
