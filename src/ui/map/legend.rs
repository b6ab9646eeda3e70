//! The legend: which colour stands for which source language.

use super::MapCtx;
use crate::core::geo::marks::{lang_class, LANG_SLOTS};
use crate::core::text::i18n::{endonym, Key};
use leptos::prelude::*;

/// The source languages of the matching events, each by its own name, with its colour.
#[component]
pub(super) fn Legend() -> impl IntoView {
    let app = MapCtx::use_ctx().app;
    let items = move || {
        let counts = app.result.with(|r| r.language_counts.clone());
        app.corpus.with(|c| {
            c.languages
                .iter()
                .enumerate()
                .filter(|&(i, _)| counts.get(i).copied().unwrap_or(0) > 0)
                .take(LANG_SLOTS)
                .map(|(i, code)| {
                    let name = endonym(code).unwrap_or(code).to_string();
                    view! { <li><span class=format!("swatch {}", lang_class(i)) aria-hidden="true"></span>{name}</li> }
                })
                .collect_view()
        })
    };
    view! { <ul class="legend" aria-label=move || app.t(Key::SourceLanguages)>{items}</ul> }
}
