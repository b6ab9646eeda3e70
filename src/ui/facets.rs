//! Facets: actors grouped by kind, and source languages, each with a live count.

use super::state::use_app;
use crate::core::corpus::{ActorKind, NamedEnum};
use crate::core::geo::marks::lang_class;
use crate::core::text::i18n::{actor_kind, Key};
use leptos::prelude::*;

fn toggle(list: &mut Vec<String>, id: &str, on: bool) {
    list.retain(|x| x != id);
    if on {
        list.push(id.to_string());
    }
}

/// The filter sidebar (a disclosure on narrow screens).
#[component]
pub fn Facets() -> impl IntoView {
    let app = use_app();
    let any_filter = move || app.view.with(|v| !v.filter.is_empty());
    // Open beside the map on wide screens; folded above it on phones and narrow embeds.
    let wide = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w > 700.0)
        && !app.view.with_untracked(|v| v.embed);
    view! {
        // A named region with an h2, so the filters are a landmark and headings run h1, h2, h3.
        <section class="filters-region" aria-labelledby="filters-title">
        <details class="filters" open=wide>
            <summary><h2 id="filters-title">{move || app.t(Key::Filters)}</h2></summary>
            <button type="button" class="clear-all" disabled=move || !any_filter()
                on:click=move |_| {
                    // The button disables itself: focus moves first, so it is not lost.
                    super::dom::focus_or(None, vec![".filters summary".into()]);
                    app.view.update(|v| v.filter = Default::default())
                }>
                {move || app.t(Key::ClearAll)}
            </button>
            <ActorFacet/>
            <LanguageFacet/>
        </details>
        </section>
    }
}

/// Actors, grouped by kind, named in the interface language.
#[component]
fn ActorFacet() -> impl IntoView {
    let app = use_app();
    let groups = move || {
        let lang = app.lang.get();
        app.corpus.with(|c| {
            ActorKind::ALL
                .iter()
                .filter_map(|&kind| {
                    // Only the facet actors (the first `by_actor.len()`, past the budget the
                    // most cited): the others could be ticked but would match nothing.
                    let mut members: Vec<(usize, String, String)> = c
                        .actors
                        .iter()
                        .take(c.by_actor.len())
                        .enumerate()
                        .filter(|(_, a)| a.kind == kind)
                        .map(|(i, a)| (i, a.id.clone(), a.name.get(lang.code()).to_string()))
                        .collect();
                    members.sort_by(|a, b| a.2.cmp(&b.2));
                    (!members.is_empty()).then(|| (actor_kind(lang, kind), members))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <fieldset class="facet" id="facet-actors">
            <legend>{move || app.t(Key::Actors)}</legend>
            <label class="switch">
                <input type="checkbox"
                    prop:checked=move || app.view.with(|v| v.filter.all_actors)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        app.view.update(|v| v.filter.all_actors = on);
                    }/>
                <span>{move || app.t(Key::AllTogether)}</span>
            </label>
            <button type="button" class="clear" disabled=move || app.view.with(|v| v.filter.actors.is_empty())
                on:click=move |_| {
                    super::dom::focus_or(None, vec!["#facet-actors input".into()]);
                    app.view.update(|v| v.filter.actors.clear())
                }>{move || app.t(Key::Clear)}</button>
            {move || groups().into_iter().map(|(label, members)| view! {
                <div class="group" role="group" aria-label=label>
                    <h3>{label}</h3>
                    {members.into_iter().map(|(i, id, name)| {
                        let id2 = id.clone();
                        let checked = move || app.view.with(|v| v.filter.actors.contains(&id));
                        let count = move || app.result.with(|r| r.actor_counts.get(i).copied().unwrap_or(0));
                        view! {
                            <label class="option" class:zero=move || count() == 0>
                                <input type="checkbox" data-actor=id2.clone() prop:checked=checked
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        app.view.update(|v| toggle(&mut v.filter.actors, &id2, on));
                                    }/>
                                <span class="name">{name}</span>
                                <span class="n">{move || super::intl::number(app.lang.get(), count() as u64)}</span>
                            </label>
                        }
                    }).collect_view()}
                </div>
            }).collect_view()}
        </fieldset>
    }
}

/// Source languages by their own names.
#[component]
fn LanguageFacet() -> impl IntoView {
    let app = use_app();
    let langs = move || {
        let lang = app.lang.get();
        app.corpus.with(|c| {
            c.languages
                .iter()
                .cloned()
                .zip(super::intl::language_names(&c.languages, lang))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <fieldset class="facet" id="facet-languages">
            <legend>{move || app.t(Key::SourceLanguages)}</legend>
            <p class="hint">{move || app.t(Key::LanguageRule)}</p>
            <button type="button" class="clear" disabled=move || app.view.with(|v| v.filter.languages.is_empty())
                on:click=move |_| {
                    super::dom::focus_or(None, vec!["#facet-languages input".into()]);
                    app.view.update(|v| v.filter.languages.clear())
                }>{move || app.t(Key::Clear)}</button>
            {move || langs().into_iter().enumerate().map(|(i, (code, (name, in_lang)))| {
                let code2 = code.clone();
                let code3 = code.clone();
                let checked = move || app.view.with(|v| v.filter.languages.contains(&code));
                let count = move || app.result.with(|r| r.language_counts.get(i).copied().unwrap_or(0));
                view! {
                    <label class="option" class:zero=move || count() == 0>
                        <input type="checkbox" data-lang=code2.clone() prop:checked=checked
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                app.view.update(|v| toggle(&mut v.filter.languages, &code2, on));
                            }/>
                        <span class=format!("swatch {}", lang_class(i)) aria-hidden="true"></span>
                        <span class="name" lang=in_lang>{name}</span>
                        <span class="code">{code3.clone()}</span>
                        <span class="n">{move || super::intl::number(app.lang.get(), count() as u64)}</span>
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}
