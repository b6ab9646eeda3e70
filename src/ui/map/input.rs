//! The map's drawing surface and what it does with the wheel, pointers and keys (the rules
//! are the core's gesture model, shared with the timeline).

use super::{base, edges, labels, marks, MapCtx};
use crate::core::geo::viewport::Viewport;
use crate::core::input::gesture::{self, Step, WheelInput};
use crate::core::text::i18n::Key;
use leptos::prelude::*;
use std::time::Duration;

/// The pointer's position in the map box.
fn local(ctx: MapCtx, ev: &web_sys::MouseEvent) -> (f64, f64) {
    crate::ui::dom::local_point(ctx.container.get_untracked().map(Into::into), ev)
}

/// Embedded, a plain wheel is left to the host page; otherwise it zooms about the pointer.
fn on_wheel(ctx: MapCtx, ev: web_sys::WheelEvent) {
    let input = WheelInput {
        delta_x: ev.delta_x(),
        delta_y: ev.delta_y(),
        delta_mode: ev.delta_mode(),
        zoom_key: ev.ctrl_key() || ev.meta_key(),
    };
    match gesture::wheel(input, ctx.app.embed.get_untracked(), false) {
        gesture::Wheel::ScrollPage => show_wheel_hint(ctx),
        gesture::Wheel::Zoom(f) => {
            ev.prevent_default();
            let (x, y) = local(ctx, &ev);
            ctx.set_view(ctx.vp.get_untracked().zoom_at(f, x, y));
        }
        gesture::Wheel::Pan(_) => {}
    }
}

fn on_down(ctx: MapCtx, ev: web_sys::PointerEvent) {
    if ev.button() == 0 {
        let view = ctx.vp.get_untracked().view;
        let p = local(ctx, &ev);
        ctx.tracker
            .update_value(|t| t.down(ev.pointer_id(), p, view));
    }
}

/// A drag pans from where it started; two pointers pinch.
fn on_move(ctx: MapCtx, ev: web_sys::PointerEvent) {
    let p = local(ctx, &ev);
    let step = ctx
        .tracker
        .try_update_value(|t| t.moved(ev.pointer_id(), p))
        .unwrap_or(Step::Idle);
    let at = |view| Viewport {
        view,
        ..ctx.vp.get_untracked()
    };
    let next = match step {
        Step::Idle => return,
        Step::Drag {
            from,
            dx,
            dy,
            first,
            ..
        } => {
            // Capture only once a drag starts, so a plain click still reaches a mark.
            if first {
                if let Some(el) = ctx.container.get_untracked() {
                    let _ = el.set_pointer_capture(ev.pointer_id());
                }
            }
            at(from).pan(dx, dy)
        }
        Step::Pinch {
            from,
            factor,
            center,
        } => at(from).zoom_at(factor, center.0, center.1),
    };
    ctx.tip.set(None);
    ctx.set_view(next);
}

fn on_up(ctx: MapCtx, ev: web_sys::PointerEvent) {
    ctx.tracker.update_value(|t| {
        t.up(ev.pointer_id());
    });
}

/// Arrows pan, + and - zoom, 0 returns to the default frame, Escape closes a cluster list.
fn on_key(ctx: MapCtx, ev: web_sys::KeyboardEvent) {
    if ev.key() == "Escape" {
        ctx.open_cluster.set(None);
        return;
    }
    let Some(k) = gesture::key(&ev.key(), true) else {
        return;
    };
    ev.prevent_default();
    let v = ctx.vp.get_untracked();
    let next = match k {
        gesture::Key::Pan { right, down } => Some(v.pan(-right, -down)),
        gesture::Key::Zoom(f) => Some(v.zoom_at(f, v.width / 2.0, v.height / 2.0)),
        // The default frame (the corpus' own), as the Reset button gives.
        gesture::Key::Reset => None,
    };
    ctx.app.view.update(|s| s.map = next);
}

/// The map box: the SVG layers, the tooltip, and the gesture handlers.
#[component]
pub(super) fn MapSurface() -> impl IntoView {
    let ctx = MapCtx::use_ctx();
    view! {
        <div class="map" node_ref=ctx.container tabindex="0" role="group" aria-label=move || ctx.app.t(Key::MapLabel)
            on:wheel=move |ev| on_wheel(ctx, ev) on:pointerdown=move |ev| on_down(ctx, ev)
            on:pointermove=move |ev| on_move(ctx, ev) on:pointerup=move |ev| on_up(ctx, ev)
            on:pointercancel=move |ev| on_up(ctx, ev) on:keydown=move |ev| on_key(ctx, ev)>
            <svg width="100%" height="100%" viewBox=move || { let (w, h) = ctx.size.get(); format!("0 0 {w:.0} {h:.0}") }>
                <base::BaseLayer/>
                <Show when=move || ctx.measured.get()>
                    <labels::Labels/>
                    <marks::Rings/>
                    <marks::Halos/>
                    <marks::Marks/>
                    <edges::Edges/>
                </Show>
            </svg>
            <Tooltip/>
        </div>
    }
}

/// Embedded, a plain wheel scrolls the host page; say briefly how to zoom instead.
fn show_wheel_hint(ctx: MapCtx) {
    if !ctx.wheel_hint.get_untracked() {
        ctx.wheel_hint.set(true);
        set_timeout(
            move || ctx.wheel_hint.set(false),
            Duration::from_millis(1500),
        );
    }
}

/// The tooltip of the mark under the pointer or keyboard focus.
#[component]
fn Tooltip() -> impl IntoView {
    let ctx = MapCtx::use_ctx();
    move || {
        ctx.tip.get().map(|t| {
            view! {
                <div class="tooltip" role="tooltip" style:left=format!("{:.0}px", t.x) style:top=format!("{:.0}px", t.y)>
                    {t.lines.into_iter().map(|l| view! { <div>{l}</div> }).collect_view()}
                </div>
            }
        })
    }
}
