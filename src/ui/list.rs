//! The accessible list of filtered events, sorted by date: the screen-reader path through
//! the data. Paged, so the page stays small at any corpus size.

use super::state::use_app;
use crate::core::text::i18n::{endonym, Key};
use crate::core::time::calendar::format_date;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Rows per page.
const PAGE: usize = 25;

/// The table of matching events.
#[component]
pub fn EventList() -> impl IntoView {
    let app = use_app();
    let page = RwSignal::new(0usize);
    // A new result starts from its first page, unless the selection is further on.
    Effect::new(move |_| {
        let r = app.result.get();
        let at = app
            .selected
            .get_untracked()
            .and_then(|s| r.matches.iter().position(|i| i == s));
        page.set(at.map_or(0, |p| p / PAGE));
    });
    let total = move || app.result.with(|r| r.count());
    let pages = move || total().div_ceil(PAGE).max(1);
    // Rows are static views, rebuilt in place when the page, selection or hover changes;
    // clicks and hovers are handled once on the table body (rows carry `data-i`).
    let rows = move || {
        let lang = app.lang.get();
        let code = lang.code();
        let p = page.get();
        let sel = app.selected.get();
        let claim_label = app.t(Key::Claim);
        app.hovered.with(|hov| {
            app.corpus.with(|c| {
                app.result.with(|r| {
                    r.matches.iter().skip(p * PAGE).take(PAGE).map(|i| {
                        let e = &c.events[i];
                        let actors = c.event_actors[i].iter().map(|&a| c.actors[a as usize].name.get(code).to_string()).collect::<Vec<_>>().join(", ");
                        let langs = c.event_languages(i).into_iter().map(|l| endonym(&c.languages[l]).unwrap_or(&c.languages[l]).to_string()).collect::<Vec<_>>().join(", ");
                        let selected = sel == Some(i);
                        let hovered = hov.binary_search(&(i as u32)).is_ok();
                        view! {
                            <tr class:selected=selected class:hovered=hovered data-event=e.id.clone() data-i=i>
                                <td class="date">{format_date(lang, &e.date)}</td>
                                <td>{e.place.as_ref().map(|p| p.name.get(code).to_string())}</td>
                                <td>
                                    <button type="button" class="link" aria-pressed=selected.to_string()>{e.title.get(code).to_string()}</button>
                                    {e.claim.as_ref().map(|cl| view! { " "<span class="tag" class:disputed=cl.disputed>{claim_label}</span> })}
                                </td>
                                <td>{actors}</td>
                                <td>{langs}</td>
                            </tr>
                        }
                    }).collect_view()
                })
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
        app.tf(
            Key::RowsRange,
            &[
                ("from", &from.to_string()),
                ("to", &to.to_string()),
                ("n", &n.to_string()),
            ],
        )
    };
    view! {
        <section class="list" id="event-list" tabindex="-1" aria-labelledby="list-title">
            <h2 id="list-title">{move || app.t(Key::List)}</h2>
            <Show when=move || { total() > 0 } fallback=move || view! { <p class="empty">{app.t(Key::NoResults)}</p> }>
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
                        <tbody on:click=on_click on:pointerover=on_over on:pointerleave=move |_| app.hovered.set(Vec::new())>{rows}</tbody>
                    </table>
                </div>
                <nav class="pager" aria-label=move || app.t(Key::List)>
                    <button type="button" disabled=move || page.get() == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>{move || format!("← {}", app.t(Key::PrevPage))}</button>
                    <span>{range}</span>
                    <button type="button" disabled=move || { page.get() + 1 >= pages() } on:click=move |_| page.update(|p| *p += 1)>{move || format!("{} →", app.t(Key::NextPage))}</button>
                </nav>
            </Show>
        </section>
    }
}
