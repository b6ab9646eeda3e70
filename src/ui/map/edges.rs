//! Edge markers: arrows at the frame's edge pointing at events outside it (Moscow,
//! Beijing, Geneva…); a click frames them together with the current centre.

use super::MapCtx;
use crate::core::geo::cluster::EdgeMarker;
use crate::core::geo::marks::edge_radius;
use crate::core::text::fixed::fixed;
use crate::core::text::i18n::Key;
use crate::ui::intl;
use leptos::prelude::*;

fn edge_view(ctx: MapCtx, e: EdgeMarker) -> impl IntoView {
    let n = e.members.len();
    let deg = e.angle.to_degrees();
    let label = ctx.app.tn(Key::OffMap, n, &[("n", n)]);
    // Grouped as the reader writes numbers; the circle grows to hold a long count.
    let text = intl::number(ctx.app.lang.get(), n as u64);
    let radius = edge_radius(text.chars().count());
    let r = fixed(radius, 1);
    let arrow = format!(
        "M{} -7 L{} 0 L{} 7 Z",
        fixed(radius - 5.0, 1),
        fixed(radius + 7.0, 1),
        fixed(radius - 5.0, 1)
    );
    let name = label.clone();
    let members = StoredValue::new(e.members);
    let fit_these = move || ctx.fit(members.get_value(), true);
    view! {
        <g class="edge" transform=format!("translate({:.1} {:.1})", e.x, e.y)>
            <g transform=format!("rotate({deg:.1})")><path d=arrow aria-hidden="true"/></g>
            <circle r=r tabindex="0" role="button" aria-label=name data-count=n
                on:click=move |_| fit_these()
                on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); ev.stop_propagation(); fit_these() }>
                <title>{label}</title>
            </circle>
            <text y="4" aria-hidden="true">{text}</text>
        </g>
    }
}

/// The edge markers of the current frame.
#[component]
pub(super) fn Edges() -> impl IntoView {
    let ctx = MapCtx::use_ctx();
    view! {
        <g class="edges">
            {move || ctx.marks.get().edges.iter().cloned().map(|e| edge_view(ctx, e)).collect_view()}
        </g>
    }
}
