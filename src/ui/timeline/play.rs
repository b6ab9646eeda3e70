//! Play: sweeps a window through time; with reduced motion, it jumps a whole window per step.

use super::TimelineCtx;
use crate::core::text::i18n::Key;
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
    let (e0, e1) = ctx.scale.with_untracked(|s| s.domain);
    let start = ctx
        .app
        .range
        .get_untracked()
        .map(|(a, b)| (a as f64, b as f64))
        .filter(|&(a, _)| a < e1)
        .unwrap_or((e0, e0 + (e1 - e0) / 8.0));
    let (a, b) = (start.0.round() as i64, start.1.round() as i64);
    // Whole minutes, so that with reduced motion each window starts where the last ended.
    let (step, every) = if reduced_motion() {
        (b - a, 1200)
    } else {
        (((b - a) / 12).max(1), 120)
    };
    ctx.set_range(Some((a, b)));
    ctx.playing.set(true);
    let handle = set_interval_with_handle(
        move || match ctx.app.range.get_untracked() {
            Some((a, b)) if ((a + step) as f64) < e1 => ctx.set_range(Some((a + step, b + step))),
            _ => ctx.stop(),
        },
        Duration::from_millis(every),
    );
    ctx.timer.set_value(handle.ok());
}

/// The play / pause button.
#[component]
pub(super) fn PlayButton() -> impl IntoView {
    let ctx = TimelineCtx::use_ctx();
    let app = ctx.app;
    view! {
        <button type="button" class="play" aria-pressed=move || ctx.playing.get().to_string() on:click=move |_| toggle(ctx)>
            {move || if ctx.playing.get() { format!("❚❚ {}", app.t(Key::Pause)) } else { format!("▶ {}", app.t(Key::Play)) }}
        </button>
    }
}
