//! The timeline: an adaptive time axis, event marks (partial dates as spans), a density
//! strip that stays readable at any corpus size, brushing a date range, zoom and pan, and
//! a play button that sweeps a window through time. The pieces share [`TimelineCtx`].

mod axis;
mod controls;
mod ctx;
mod date_fields;
mod input;
mod marks;
mod play;
mod strip;

use super::state::use_app;
use crate::core::text::i18n::Key;
use ctx::{Press, TimelineCtx};
use leptos::html;
use leptos::prelude::*;

/// The interactive timeline of the filtered events.
#[component]
pub fn Timeline() -> impl IntoView {
    let app = use_app();
    let container = NodeRef::<html::Div>::new();
    let width = RwSignal::new(800.0);
    super::dom::observe_size(container, move |w, _| {
        if w > 0.0 {
            width.set(w);
        }
    });
    let ctx = TimelineCtx::new(app, container, width);
    provide_context(ctx);
    // A new corpus starts from its own default frame.
    Effect::new(move |_| {
        app.corpus.track();
        ctx.domain.set(None);
    });
    follow_selection(ctx);
    on_cleanup(move || ctx.stop());

    view! {
        <section class="timeline-wrap" aria-label=move || app.t(Key::Timeline)>
            <controls::Controls/>
            <input::TimelineSurface/>
        </section>
    }
}

/// A newly selected event outside the frame is brought into view (the zoom is kept).
fn follow_selection(ctx: TimelineCtx) {
    Effect::new(move |prev: Option<Option<usize>>| {
        let sel = ctx.app.selected.get();
        if let (Some(before), Some(i)) = (prev, sel) {
            if before != sel {
                let (d0, d1) = ctx.scale.with_untracked(|s| s.domain);
                let span = ctx.app.corpus.with_untracked(|c| c.spans.get(i).copied());
                if let Some((a, b)) = span {
                    let mid = (a as f64 + b as f64) / 2.0;
                    if mid < d0 || mid > d1 {
                        let half = (d1 - d0) / 2.0;
                        ctx.domain.set(Some((mid - half, mid + half)));
                    }
                }
            }
        }
        sel
    });
}
