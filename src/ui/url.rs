//! Keeps the view state and the URL's fragment in step: changes are written to the
//! address bar at most once a frame, after that frame is painted (discrete changes as new
//! history entries, typing and panning in place), and back/forward read it again. The only
//! module that writes history.

use super::state::AppState;
use crate::core::link::view_state::{decode, encode, is_new_history_entry, ViewState};
use leptos::prelude::*;

/// The current fragment, without `#`.
pub fn read_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// The page's address without its fragment.
pub fn base_url() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Installs the two-way sync. Call once, inside the app's reactive owner.
pub fn sync(app: AppState) {
    let last = StoredValue::new(app.view.get_untracked());
    // At most one write per animation frame: panning and playing change the view many
    // times a frame, and browsers throttle history writes. The write (a few ms in Chromium)
    // waits until the frame showing the change is painted, so it never delays it.
    let pending = StoredValue::new(false);
    Effect::new(move |_| {
        app.view.track();
        if !pending.get_value() {
            pending.set_value(true);
            leptos::task::spawn_local(async move {
                super::dom::next_paint().await;
                pending.set_value(false);
                write(app, last);
            });
        }
    });
    let on_nav = move || {
        let (mut v, mut notices) = decode(&read_hash());
        notices.extend(app.corpus.with_untracked(|c| v.sanitize(c)));
        if !notices.is_empty() {
            app.notices.set(notices);
        }
        if v != app.view.get_untracked() {
            app.view.set(v);
        }
    };
    let h1 = window_event_listener(leptos::ev::popstate, move |_| on_nav());
    let h2 = window_event_listener(leptos::ev::hashchange, move |_| on_nav());
    on_cleanup(move || {
        h1.remove();
        h2.remove();
    });
}

/// Writes the current view to the address bar: a new history entry for a discrete change
/// (a filter, a selection), in place for continuous ones (typing, panning, playing).
fn write(app: AppState, last: StoredValue<ViewState>) {
    let v = app.view.get_untracked();
    let text = encode(&v);
    if text == read_hash() {
        last.set_value(v);
        return;
    }
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    let url = format!("{}#{}", base_url(), text);
    let step = last.with_value(|prev| is_new_history_entry(prev, &v));
    // The one place allowed to write history (clippy.toml forbids it elsewhere).
    #[allow(clippy::disallowed_methods)]
    let _ = if step {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
    last.set_value(v);
}
