//! The legend: which colour stands for which source language.

use super::MapCtx;
use crate::core::geo::marks::{lang_class, LANG_SLOTS};
use crate::core::text::i18n::Key;
use crate::ui::intl::language_names;
use leptos::prelude::*;

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
    let n = Memo::new(move |_| {
        app.corpus.with(|c| {
            app.result.with(|r| {
                r.matches
                    .iter()
                    .filter(|&i| c.events.get(i).is_some_and(|e| e.place.is_none()))
                    .count()
            })
        })
    });
    view! {
        <Show when=move || { n.get() > 0 }>
            <p class="not-on-map">{move || app.tf(Key::NotOnMap, &[("n", &n.get().to_string())])}</p>
        </Show>
    }
}
