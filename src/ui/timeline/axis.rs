//! The time axis: calendar ticks labelled in the interface language.

use super::TimelineCtx;
use crate::core::text::fixed::fixed;
use crate::core::time::layout::{axis_ticks, LANE_TOP};
use leptos::prelude::*;

/// Tick lines across the lanes, with their labels under the axis.
#[component]
pub(super) fn Axis() -> impl IntoView {
    let ctx = TimelineCtx::use_ctx();
    let ticks = move || {
        let width = ctx.width.get();
        let ticks = ctx.scale.with(|s| axis_ticks(s, width, ctx.app.lang.get()));
        let axis_y = ctx.geometry.get().axis_y();
        ticks
            .into_iter()
            .map(move |t| {
                view! {
                    <g class="tick">
                        <line x1=fixed(t.x, 1) x2=fixed(t.x, 1) y1=LANE_TOP y2=axis_y + 4.0/>
                        {t.label.map(|l| view! { <text x=fixed(t.x + 3.0, 1) y=axis_y + 16.0>{l}</text> })}
                    </g>
                }
            })
            .collect_view()
    };
    view! { <g class="axis">{ticks}</g> }
}
