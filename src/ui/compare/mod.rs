//! The Compare view: disputes side by side, coverage by source language, first reports.
//! It takes the list's place under the map and timeline, so hovering or choosing a row
//! still highlights the event there and opens its panel.

pub mod answers;
mod coverage;
mod disputes;
mod lanes;

use super::state::{use_app, AppState};
use crate::core::link::view_state::View;
use crate::core::text::i18n::Key;
use crate::core::text::lang::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The names of the corpus' languages `ls` (indices into its languages) with the language
/// each name is written in, from the browser's `Intl` as everywhere else; two codes that
/// read alike keep their codes beside them, so no two columns read the same.
fn lang_names(c: &crate::core::corpus::Corpus, ls: &[usize], ui: Lang) -> Vec<(String, String)> {
    let codes: Vec<String> = ls
        .iter()
        .filter_map(|&l| c.languages.get(l).cloned())
        .collect();
    super::intl::language_names(&codes, ui)
}

/// Delegated row handlers for a Compare table: a button in a `[data-i]` row selects its
/// event; pointing at a row highlights it on the map and timeline.
fn on_row_click(app: AppState, ev: &web_sys::MouseEvent) {
    let on_button = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| el.closest("button").ok().flatten().is_some());
    if let (true, Some(i)) = (on_button, super::dom::data_index(ev, "[data-i]")) {
        app.select(Some(i));
    }
}

fn on_row_over(app: AppState, ev: &web_sys::Event) {
    if let Some(i) = super::dom::data_index(ev, "[data-i]") {
        if app.hovered.with_untracked(|h| h.as_slice() != [i as u32]) {
            app.hovered.set(vec![i as u32]);
        }
    }
}

/// Whether event `i` is under the pointer (the hovered list is sorted).
fn is_hovered(app: AppState, i: usize) -> bool {
    app.hovered.with(|h| h.binary_search(&(i as u32)).is_ok())
}

/// The header's switch between the list and the Compare view.
#[component]
pub fn CompareToggle() -> impl IntoView {
    let app = use_app();
    let toggle = move |_| {
        let open = !app.compare.get_untracked();
        app.view.update(|v| {
            v.view = if open { View::Compare } else { View::Explore };
        });
        if open {
            // Bring the view to the reader once it is drawn (on a phone it is below the map).
            request_animation_frame(|| {
                if let Some(el) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id("compare-title"))
                {
                    el.scroll_into_view();
                }
            });
        }
    };
    view! {
        <button type="button" class="compare-toggle" aria-pressed=move || app.compare.get().to_string()
            on:click=toggle>{move || app.t(Key::CompareView)}</button>
    }
}

/// Disputes, coverage and first reports for the current filter.
#[component]
pub fn CompareView() -> impl IntoView {
    let app = use_app();
    view! {
        <section class="compare" id="compare-view" tabindex="-1" aria-labelledby="compare-title">
            <h2 id="compare-title">{move || app.t(Key::CompareView)}</h2>
            <p class="muted">{move || app.t(Key::CompareHint)}</p>
            <disputes::Disputes/>
            <coverage::Coverage/>
        </section>
    }
}
