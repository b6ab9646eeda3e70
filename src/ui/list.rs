//! The accessible list of filtered events, sorted by date: the screen-reader path through
//! the data. Paged, so the page stays small at any corpus size.

use super::intl;
use super::state::use_app;
use crate::core::text::i18n::Key;
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
        let claim_label = |disputed: bool| {
            app.t(if disputed {
                Key::DisputedClaim
            } else {
                Key::Claim
            })
        };
        app.hovered.with(|hov| {
            app.corpus.with(|c| {
                app.result.with(|r| {
                    r.matches.iter().skip(p * PAGE).take(PAGE).map(|i| {
                        let e = &c.events[i];
                        let actors = c.event_actors(i).iter().map(|&a| c.actors[a as usize].name.get(code).to_string()).collect::<Vec<_>>().join(", ");
                        let langs = c.event_languages(i).into_iter().enumerate().map(|(n, l)| {
                            let (name, in_lang) = intl::language_name(&c.languages[l], lang);
                            view! { {(n > 0).then_some(", ")}<span lang=in_lang>{name}</span> }
                        }).collect_view();
                        let selected = sel == Some(i);
                        let hovered = hov.binary_search(&(i as u32)).is_ok();
                        view! {
                            <tr class:selected=selected class:hovered=hovered data-event=e.id.clone() data-i=i>
                                <td class="date">{intl::date(lang, &e.date)}</td>
                                <td lang=e.place.as_ref().and_then(|p| p.name.pick(code)).map(|p| p.0.to_string())>{e.place.as_ref().map(|p| p.name.get(code).to_string())}</td>
                                <td>
                                    <button type="button" class="link" aria-pressed=selected.to_string() lang=e.title.pick(code).map(|p| p.0.to_string())>{e.title.get(code).to_string()}</button>
                                    {e.claim.as_ref().map(|cl| view! { " "<span class="tag" class:disputed=cl.disputed>{claim_label(cl.disputed)}</span> })}
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
        <section class="list" id="event-list" tabindex="-1" aria-labelledby="list-title">
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
                        <tbody on:click=on_click on:pointerover=on_over on:pointerleave=move |_| app.hovered.set(Vec::new())>{rows}</tbody>
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
