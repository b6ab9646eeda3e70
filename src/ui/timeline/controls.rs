//! The row above the timeline: play, zoom, reset, the date fields, and clearing the range.

use super::{date_fields::DateFields, play::PlayButton, TimelineCtx};
use crate::core::input::gesture::KEY_ZOOM;
use crate::core::text::i18n::Key;
use leptos::prelude::*;

/// Buttons and fields for the timeline.
#[component]
pub(super) fn Controls() -> impl IntoView {
    let ctx = TimelineCtx::use_ctx();
    let app = ctx.app;
    let label = move |k: Key| move || app.t(k);
    let clear = move |_| {
        ctx.stop();
        ctx.set_range(None);
    };
    view! {
        <div class="timeline-controls">
            <PlayButton/>
            <button type="button" on:click=move |_| ctx.zoom(KEY_ZOOM) aria-label=label(Key::ZoomIn) title=label(Key::ZoomIn)>"+"</button>
            <button type="button" on:click=move |_| ctx.zoom(1.0 / KEY_ZOOM) aria-label=label(Key::ZoomOut) title=label(Key::ZoomOut)>"−"</button>
            <button type="button" on:click=move |_| ctx.domain.set(None) aria-label=label(Key::Reset) title=label(Key::Reset)>"⌂"</button>
            <DateFields/>
            {move || match app.range.with(Option::is_some) {
                true => view! { <button type="button" class="clear-range" on:click=clear>{app.t(Key::Clear)}</button> }.into_any(),
                false => view! { <span class="hint">{app.t(Key::BrushHint)}</span> }.into_any(),
            }}
        </div>
    }
}
