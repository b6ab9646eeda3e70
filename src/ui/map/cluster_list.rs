//! The list of a clicked cluster's events, beside the map.

use super::MapCtx;
use crate::core::text::i18n::Key;
use crate::ui::intl;
use leptos::prelude::*;

/// How many of a cluster's events are listed (the rest are counted).
const SHOWN: usize = 200;

/// The open cluster's events as buttons that select them; Escape returns to the map.
#[component]
pub(super) fn ClusterList() -> impl IntoView {
    let ctx = MapCtx::use_ctx();
    let app = ctx.app;
    // The mark that opened the list, to return to on Escape (the map box is the fallback).
    let opener = StoredValue::new_local(None::<web_sys::Element>);
    Effect::new(move |was_open: Option<bool>| {
        let open = ctx.open_cluster.with(Option::is_some);
        if open && was_open == Some(false) {
            opener.set_value(crate::ui::dom::active_element());
        }
        open
    });
    let close = move || {
        ctx.open_cluster.set(None);
        crate::ui::dom::focus_or(opener.get_value(), vec![".map".into()]);
    };
    move || {
        ctx.open_cluster.get().map(|members| {
            let lang = app.lang.get();
            let rows = app.corpus.with(|c| {
                members
                    .iter()
                    .take(SHOWN)
                    .filter_map(|&i| {
                        let e = c.events.get(i as usize)?;
                        Some((i as usize, intl::date(lang, &e.date), e.title.get(lang.code()).to_string()))
                    })
                    .collect::<Vec<_>>()
            });
            let more = members.len().saturating_sub(SHOWN);
            let heading = app.tn(Key::EventsHere, members.len(), &[("n", members.len())]);
            let name = heading.clone();
            view! {
                <div class="cluster-list" role="dialog" aria-label=name
                    on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Escape" {
                        ev.stop_propagation();
                        close();
                    }>
                    <div class="cluster-head">
                        <strong>{heading}</strong>
                        <button type="button" class="close" on:click=move |_| close() aria-label=app.t(Key::Close)>"×"</button>
                    </div>
                    <ul>
                        {rows.into_iter().map(|(i, date, title)| view! {
                            <li><button type="button" on:click=move |_| app.select(Some(i))>
                                <span class="date">{date}</span>" "<span>{title}</span>
                            </button></li>
                        }).collect_view()}
                    </ul>
                    {(more > 0).then(|| view! { <p>{format!("+{more}")}</p> })}
                </div>
            }
        })
    }
}
