//! The time axis: calendar ticks labelled in the interface language.

use super::TimelineCtx;
use crate::core::time::layout::{LANE_TOP, MARGIN};
use leptos::prelude::*;

/// Pixels per tick label, roughly.
const TICK_SPACING: f64 = 90.0;

/// Tick lines across the lanes, with their labels under the axis.
#[component]
pub(super) fn Axis() -> impl IntoView {
    let ctx = TimelineCtx::use_ctx();
    let ticks = move || {
        let right = ctx.width.get();
        let n = ((right - 2.0 * MARGIN) / TICK_SPACING).max(2.0) as usize;
        let ticks = ctx.scale.with(|s| s.ticks(n, ctx.app.lang.get()));
        let axis_y = ctx.geometry.get().axis_y();
        // A label that would run past the right edge is left out (its tick line stays).
        ticks
            .into_iter()
            .map(move |t| {
                let fits = t.x + 3.0 + 7.0 * t.label.chars().count() as f64 <= right;
                view! {
                    <g class="tick">
                        <line x1=format!("{:.1}", t.x) x2=format!("{:.1}", t.x) y1=LANE_TOP y2=axis_y + 4.0/>
                        {fits.then(|| view! { <text x=format!("{:.1}", t.x + 3.0) y=axis_y + 16.0>{t.label}</text> })}
                    </g>
                }
            })
            .collect_view()
    };
    view! { <g class="axis">{ticks}</g> }
}
