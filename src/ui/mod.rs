//! The browser shell: Leptos components that turn core values into views and
//! gestures into new core values. Only this module touches the DOM.

mod about;
pub mod compare;
pub mod diagnostics;
mod dom;
pub mod downloads;
pub mod facets;
pub mod header;
pub mod intl;
mod keyed;
pub mod list;
pub mod loader;
pub mod map;
pub mod panel;
pub mod progress;
pub mod share;
pub mod state;
pub mod timeline;
pub mod url;
mod worker;

use crate::core::link::view_state::decode;
use crate::core::text::i18n::{Key, Lang};
use leptos::prelude::*;
use state::{AppState, Load};

/// The language the browser prefers, if the interface speaks it.
fn browser_lang() -> Lang {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .and_then(|l| Lang::from_code(&l))
        .unwrap_or_default()
}

/// The whole explorer: header, filters, map, timeline, event panel and list.
#[component]
pub fn App() -> impl IntoView {
    let (view, notices) = decode(&url::read_hash());
    let app = AppState::new(view, browser_lang());
    app.notices.set(notices);
    provide_context(app);
    url::sync(app);
    loader::start(app);
    share::post_height_when_embedded();
    // The document's language follows the interface, for screen readers and fonts.
    Effect::new(move |_| {
        let code = app.lang.get().code();
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = el.set_attribute("lang", code);
        }
    });
    let ready = move || app.load.get() == Load::Ready;
    // The list (or Compare) sits below the map and timeline: drawn in the task after their
    // first frame, its rows and dates are not part of the time to the first map.
    let below = RwSignal::new(false);
    Effect::new(move |_| {
        if ready() && !below.get_untracked() {
            leptos::task::spawn_local(async move {
                dom::next_paint().await;
                below.set(true);
            });
        }
    });
    // A corpus file dropped anywhere on the page replaces the current one.
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            loader::open_file(app, file);
        }
    };
    view! {
        // With Compare open the list is not drawn: the link goes to Compare instead.
        <a class="skip-link" href=move || if app.compare.get() { "#compare-view" } else { "#event-list" }>
            {move || app.t(if app.compare.get() { Key::SkipToCompare } else { Key::SkipToList })}
        </a>
        <div class="app" class:embed=move || app.view.with(|v| v.embed)
            on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
            <header::Header/>
            <diagnostics::Notices/>
            <diagnostics::Diagnostics/>
            // Also while a file the reader opened loads, the corpus before it still shown.
            <progress::LoadProgress/>
            <Show when=ready fallback=move || view! { <diagnostics::LoadStatus/> }>
                <main>
                <div class="layout" class:with-panel=move || app.selected.get().is_some()>
                    <facets::Facets/>
                    <div class="views">
                        <map::MapView/>
                        <timeline::Timeline/>
                    </div>
                    <panel::EventPanel/>
                </div>
                <Show when=move || below.get()>
                    <Show when=move || app.compare.get() fallback=|| view! { <list::EventList/> }>
                        <compare::CompareView/>
                    </Show>
                </Show>
                </main>
            </Show>
        </div>
    }
}
