//! Play: sweeps a window through time; with reduced motion, it jumps a whole window per step.

use super::TimelineCtx;
use crate::core::text::i18n::Key;
use crate::core::time::range::Play;
use leptos::prelude::*;
use std::time::Duration;

fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// Starts playing from the brushed range (or the frame's first eighth), or stops.
fn toggle(ctx: TimelineCtx) {
    if ctx.playing.get_untracked() {
        ctx.stop();
        return;
    }
    let frame = ctx.scale.with_untracked(|s| s.domain);
    let play = Play::start(frame, ctx.app.range.get_untracked(), reduced_motion());
    ctx.set_range(Some(play.window));
    ctx.playing.set(true);
    let handle = set_interval_with_handle(
        move || match play.next(ctx.app.range.get_untracked()) {
            Some(next) => ctx.set_range(Some(next)),
            None => ctx.stop(),
        },
        Duration::from_millis(u64::from(play.every_ms)),
    );
    ctx.timer.set_value(handle.ok());
}

/// The play / pause button.
#[component]
pub(super) fn PlayButton() -> impl IntoView {
    let ctx = TimelineCtx::use_ctx();
    let app = ctx.app;
    view! {
        // The label alone says the state ("Play" / "Pause"): no aria-pressed besides, and the
        // glyph is not read aloud.
        <button type="button" class="play" on:click=move |_| toggle(ctx)>
            <span aria-hidden="true">{move || if ctx.playing.get() { "❚❚ " } else { "▶ " }}</span>
            {move || app.t(if ctx.playing.get() { Key::Pause } else { Key::Play })}
        </button>
    }
}
