//! The accessible list of filtered events, sorted by date: the screen-reader path through
//! the data. Paged, so the page stays small at any corpus size.

use super::intl;
use super::keyed::{Item, KeyedLayer};
use super::state::use_app;
use crate::core::text::i18n::Key;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Rows per page.
const PAGE: usize = 25;

/// The table of matching events.
#[component]
pub fn EventList() -> impl IntoView {
    let app = use_app();
    let page = RwSignal::new(0usize);
    // The result the rows show. Below the fold (as on a desktop), a new result reaches them
    // in the task after the frame that shows it on the map and timeline, so the list never
    // delays that frame; in view, or with a new corpus, at once.
    let section = NodeRef::<leptos::html::Section>::new();
    let in_view = RwSignal::new(true);
    super::dom::observe_in_view(section, move |v| in_view.set(v));
    let shown = RwSignal::new(app.result.get_untracked());
    Effect::new(move |prev: Option<usize>| {
        let r = app.result.get();
        let corpus = app.corpus.with(|c| Arc::as_ptr(c) as usize);
        if prev.is_none() {
            // `shown` starts as the result when the list was made; it may have changed since.
            if !Arc::ptr_eq(&r, &shown.get_untracked()) {
                shown.set(r);
            }
        } else if in_view.get_untracked() || prev != Some(corpus) {
            shown.set(r);
        } else {
            leptos::task::spawn_local(async move {
                super::dom::next_paint().await;
                shown.set(app.result.get_untracked());
            });
        }
        corpus
    });
    // A new result starts from its first page, unless the selection is further on.
    Effect::new(move |_| {
        let r = shown.get();
        let at = app
            .selected
            .get_untracked()
            .and_then(|s| r.matches.iter().position(|i| i == s));
        // Setting the page it already shows would draw the rows a second time.
        let next = at.map_or(0, |p| p / PAGE);
        if page.get_untracked() != next {
            page.set(next);
        }
    });
    let total = move || shown.with(|r| r.count());
    let pages = move || total().div_ceil(PAGE).max(1);
    // Rows are keyed by what they show, so a new page or result replaces only the rows that
    // changed; clicks and hovers are handled once on the table body (rows carry `data-i`).
    let rows = move || {
        let lang = app.lang.get();
        let code = lang.code();
        let p = page.get();
        app.corpus.with(|c| {
            shown.with(|r| {
                r.matches
                    .iter()
                    .skip(p * PAGE)
                    .take(PAGE)
                    .filter_map(|i| {
                        let e = c.events.get(i)?;
                        let tagged = |t: &crate::core::corpus::model::Text| {
                            (
                                t.pick(code).map(|p| p.0.to_string()),
                                t.get(code).to_string(),
                            )
                        };
                        Some(Row {
                            i,
                            id: e.id.clone(),
                            date: intl::date(lang, &e.date),
                            place: e.place.as_ref().map(|p| tagged(&p.name)),
                            title: tagged(&e.title),
                            claim: e.claim.as_ref().map(|cl| {
                                let key = if cl.disputed {
                                    Key::DisputedClaim
                                } else {
                                    Key::Claim
                                };
                                (cl.disputed, app.t(key))
                            }),
                            actors: c
                                .event_actors(i)
                                .iter()
                                .map(|&a| c.actors[a as usize].name.get(code).to_string())
                                .collect::<Vec<_>>()
                                .join(", "),
                            langs: c
                                .event_languages(i)
                                .into_iter()
                                .map(|l| intl::language_name(&c.languages[l], lang))
                                .collect(),
                        })
                    })
                    .map(|r| Item::new(r, row_view))
                    .collect::<Vec<_>>()
            })
        })
    };
    let row_of = |ev: &web_sys::Event| super::dom::data_index(ev, "tr[data-i]");
    let on_click = move |ev: web_sys::MouseEvent| {
        let on_button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.closest("button").ok().flatten().is_some());
        if let (true, Some(i)) = (on_button, row_of(&ev)) {
            app.select(Some(i));
        }
    };
    let on_over = move |ev: web_sys::PointerEvent| {
        if let Some(i) = row_of(&ev) {
            if app.hovered.with_untracked(|h| h.as_slice() != [i as u32]) {
                app.hovered.set(vec![i as u32]);
            }
        }
    };
    let range = move || {
        let n = total();
        let from = (page.get() * PAGE + 1).min(n);
        let to = ((page.get() + 1) * PAGE).min(n);
        app.tn(Key::RowsRange, n, &[("from", from), ("to", to), ("n", n)])
    };
    // Paging: on the first or last page the button pressed disables itself, so focus moves
    // to the other one; the range line announces the new page.
    let turn = move |forward: bool| {
        let p = page.get_untracked();
        let next = if forward {
            (p + 1).min(pages() - 1)
        } else {
            p.saturating_sub(1)
        };
        page.set(next);
        if next == 0 || next + 1 >= pages() {
            let other = if forward {
                ".pager .prev-page"
            } else {
                ".pager .next-page"
            };
            super::dom::focus_or(None, vec![other.into(), "#event-list".into()]);
        }
    };
    // Embedded, the list is one tap away, so the frame stays about as tall as the map and
    // the timeline rather than growing with every row.
    let folded = RwSignal::new(true);
    let hidden = move || app.embed.get() && folded.get();
    let unfold = move |_| {
        folded.set(false);
        super::dom::focus_or(
            None,
            vec!["#event-list tbody button".into(), "#event-list".into()],
        );
    };
    view! {
        <section class="list" id="event-list" tabindex="-1" aria-labelledby="list-title" node_ref=section>
            <h2 id="list-title">{move || app.t(Key::List)}</h2>
            {move || hidden().then(|| view! {
                <button type="button" class="show-list" aria-expanded="false" on:click=unfold>
                    {app.tn(Key::ShowList, total(), &[("n", total())])}
                </button>
            })}
            <Show when=move || !hidden()>
            <Show when=move || { total() > 0 } fallback=move || view! { <p class="empty">{move || app.t(if app.view.with(|v| v.filter.is_text_only()) { Key::NoSearchResults } else { Key::NoResults })}</p> }>
                <div class="table-scroll">
                    <table>
                        <caption class="visually-hidden">{range}</caption>
                        <thead><tr>
                            <th scope="col">{move || app.t(Key::Date)}</th>
                            <th scope="col">{move || app.t(Key::Place)}</th>
                            <th scope="col">{move || app.t(Key::Title)}</th>
                            <th scope="col">{move || app.t(Key::Actors)}</th>
                            <th scope="col">{move || app.t(Key::Languages)}</th>
                        </tr></thead>
                        <tbody on:click=on_click on:pointerover=on_over on:pointerleave=move |_| app.hovered.set(Vec::new())>
                            <KeyedLayer each=Box::new(rows)/>
                        </tbody>
                    </table>
                </div>
                // One page needs no pager (two disabled buttons say nothing).
                <Show when=move || { pages() > 1 }>
                <nav class="pager" aria-label=move || app.t(Key::List)>
                    <button type="button" class="prev-page" disabled=move || page.get() == 0 on:click=move |_| turn(false)>{move || format!("← {}", app.t(Key::PrevPage))}</button>
                    <span aria-live="polite">{range}</span>
                    <button type="button" class="next-page" disabled=move || { page.get() + 1 >= pages() } on:click=move |_| turn(true)>{move || format!("{} →", app.t(Key::NextPage))}</button>
                </nav>
                </Show>
            </Show>
            </Show>
        </section>
    }
}

/// A row as drawn: an event's date, place, title (with its claim tag), actors and
/// languages, each with the language its text is in.
#[derive(Hash)]
struct Row {
    i: usize,
    id: String,
    date: String,
    /// (language of the text, text)
    place: Option<(Option<String>, String)>,
    title: (Option<String>, String),
    /// (disputed, its tag)
    claim: Option<(bool, &'static str)>,
    actors: String,
    /// (name, the language it is written in)
    langs: Vec<(String, String)>,
}

fn row_view(r: Row) -> AnyView {
    let app = use_app();
    let i = r.i;
    // Selection and hover change a row's look, not the row: it keeps its element (and the
    // focus in it).
    let selected = move || app.selected.get() == Some(i);
    let hovered = move || app.hovered.with(|h| h.binary_search(&(i as u32)).is_ok());
    let langs = r
        .langs
        .into_iter()
        .enumerate()
        .map(|(n, (name, in_lang))| view! { {(n > 0).then_some(", ")}<span lang=in_lang>{name}</span> })
        .collect_view();
    let (place_lang, place) = r.place.unzip();
    view! {
        <tr class:selected=selected class:hovered=hovered data-event=r.id data-i=r.i>
            <td class="date">{r.date}</td>
            <td lang=place_lang.flatten()>{place}</td>
            <td>
                <button type="button" class="link" aria-pressed=move || selected().to_string() lang=r.title.0>{r.title.1}</button>
                {r.claim.map(|(disputed, tag)| view! { " "<span class="tag" class:disputed=disputed>{tag}</span> })}
            </td>
            <td>{r.actors}</td>
            <td>{langs}</td>
        </tr>
    }
    .into_any()
}
