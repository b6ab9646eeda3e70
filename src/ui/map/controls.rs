//! The map's buttons: zoom in and out, fit the matching events, back to the whole region.

use super::MapCtx;
use crate::core::input::gesture::KEY_ZOOM;
use crate::core::text::i18n::Key;
use leptos::prelude::*;

/// Zoom, fit and reset buttons.
#[component]
pub(super) fn Controls() -> impl IntoView {
    let ctx = MapCtx::use_ctx();
    let app = ctx.app;
    let zoom = move |f: f64| {
        let v = ctx.vp.get_untracked();
        ctx.set_view(v.zoom_at(f, v.width / 2.0, v.height / 2.0));
    };
    let fit = move || {
        let matches: Vec<u32> = app
            .result
            .with_untracked(|r| r.matches.iter().map(|i| i as u32).collect());
        ctx.fit(matches, false);
    };
    let label = move |k: Key| move || app.t(k);
    view! {
        <div class="map-controls">
            <button type="button" on:click=move |_| zoom(KEY_ZOOM) aria-label=label(Key::ZoomIn) title=label(Key::ZoomIn)>"+"</button>
            <button type="button" on:click=move |_| zoom(1.0 / KEY_ZOOM) aria-label=label(Key::ZoomOut) title=label(Key::ZoomOut)>"−"</button>
            <button type="button" on:click=move |_| fit() aria-label=label(Key::FitEvents) title=label(Key::FitEvents)>"⤢"</button>
            <button type="button" on:click=move |_| app.view.update(|v| v.map = None) aria-label=label(Key::Reset) title=label(Key::Reset)>"⌂"</button>
        </div>
    }
}
