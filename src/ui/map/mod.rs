//! The map: an offline vector base map with event marks aggregated at the current zoom,
//! edge markers for events outside the frame, zoom and pan by wheel, drag, pinch, buttons
//! and keyboard, tooltips, and a list for a clicked cluster. The pieces share [`MapCtx`].

mod base;
mod cluster_list;
mod controls;
mod ctx;
mod edges;
mod follow;
mod input;
mod labels;
mod legend;
mod marks;

use super::state::use_app;
use crate::core::text::i18n::Key;
use ctx::MapCtx;
use ctx::Tip;
use leptos::html;
use leptos::prelude::*;

/// The interactive map of the filtered events.
#[component]
pub fn MapView() -> impl IntoView {
    let app = use_app();
    let container = NodeRef::<html::Div>::new();
    let size = RwSignal::new((800.0, 480.0));
    let ctx = MapCtx::new(app, container, size);
    provide_context(ctx);
    // Marks, labels and edges wait for the box's first size report (which comes after
    // layout and before the first paint, without forcing a layout of its own), so they are
    // computed once, at the real size. A box with no size yet keeps the default one.
    super::dom::observe_size(container, move |w, h| {
        if w > 0.0 && h > 0.0 {
            size.set((w, h));
        }
        ctx.measured.set(true);
    });
    follow::follow_selection(ctx);
    // A cluster's list holds event indices: a new corpus closes it.
    Effect::new(move |_| {
        app.corpus.track();
        ctx.open_cluster.set(None);
    });

    view! {
        <section class="map-wrap" aria-label=move || app.t(Key::Map)>
            <input::MapSurface/>
            <controls::Controls/>
            <cluster_list::ClusterList/>
            <Show when=move || ctx.wheel_hint.get()>
                <p class="wheel-hint" role="status">{move || app.t(Key::CtrlToZoom)}</p>
            </Show>
            <legend::Legend/>
            <legend::NotOnMap/>
            <p class="attribution">{move || app.t(Key::Attribution)}</p>
        </section>
    }
}
