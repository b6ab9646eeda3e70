//! The time axis: calendar ticks labelled in the interface language.

use super::TimelineCtx;
use crate::core::text::fixed::fixed;
use crate::core::time::layout::{axis_ticks, LANE_TOP};
use crate::ui::keyed::{Item, KeyedLayer};
use leptos::prelude::*;

/// A tick as drawn: keyed by all of it, so a redraw that moves nothing touches nothing.
#[derive(Hash)]
struct Tick {
    x: String,
    bottom: String,
    label: Option<(String, String, String)>,
}

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
            .map(|t| Tick {
                x: fixed(t.x, 1),
                bottom: fixed(axis_y + 4.0, 1),
                label: t
                    .label
                    .map(|l| (fixed(t.x + 3.0, 1), fixed(axis_y + 16.0, 1), l)),
            })
            .map(|t| Item::new(t, tick_view))
            .collect()
    };
    view! { <g class="axis"><KeyedLayer each=Box::new(ticks)/></g> }
}

fn tick_view(t: Tick) -> AnyView {
    view! {
        <g class="tick">
            <line x1=t.x.clone() x2=t.x y1=LANE_TOP y2=t.bottom/>
            {t.label.map(|(x, y, l)| view! { <text x=x y=y>{l}</text> })}
        </g>
    }
    .into_any()
}
