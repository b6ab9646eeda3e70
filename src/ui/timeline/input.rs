//! The timeline's drawing surface and what it does with the wheel, pointers and keys (the
//! rules are the core's gesture model, shared with the map): a drag above the strip pans,
//! a drag on the strip brushes a range, two pointers pinch.

use super::{axis, marks, strip, Press, TimelineCtx};
use crate::core::input::gesture::{self, Step, WheelInput};
use crate::core::text::i18n::Key;
use crate::core::time::layout::LANE_TOP;
use crate::core::time::range::brushed;
use crate::core::time::time_scale::TimeScale;
use leptos::prelude::*;

/// The pointer's position in the timeline box.
fn local(ctx: TimelineCtx, ev: &web_sys::MouseEvent) -> (f64, f64) {
    crate::ui::dom::local_point(ctx.container.get_untracked().map(Into::into), ev)
}

/// The current scale moved to the frame `domain` (a gesture works from its start).
fn from(ctx: TimelineCtx, domain: (f64, f64)) -> TimeScale {
    TimeScale {
        domain,
        ..ctx.scale.get_untracked()
    }
}

/// Embedded, a plain wheel is left to the host page; otherwise it zooms, or pans sideways.
fn on_wheel(ctx: TimelineCtx, ev: web_sys::WheelEvent) {
    let input = WheelInput {
        delta_x: ev.delta_x(),
        delta_y: ev.delta_y(),
        delta_mode: ev.delta_mode(),
        zoom_key: ev.ctrl_key() || ev.meta_key(),
    };
    let s = ctx.scale.get_untracked();
    // Embedded, a plain wheel is left to the host page, which scrolls.
    match gesture::wheel(input, ctx.app.embed.get_untracked(), true) {
        gesture::Wheel::ScrollPage => {}
        gesture::Wheel::Zoom(f) => {
            ev.prevent_default();
            ctx.set_scale(s.zoomed(f, local(ctx, &ev).0));
        }
        gesture::Wheel::Pan(dx) => {
            ev.prevent_default();
            ctx.set_scale(s.panned(dx));
        }
    }
}

/// A press on the strip starts a brush; above it, a pan.
fn on_down(ctx: TimelineCtx, ev: web_sys::PointerEvent) {
    let p = local(ctx, &ev);
    let press = Press {
        domain: ctx.scale.with_untracked(|s| s.domain),
        brush: p.1 >= ctx.geometry.with_untracked(|g| g.strip_top()) - 2.0,
    };
    ctx.tracker
        .update_value(|t| t.down(ev.pointer_id(), p, press));
}

/// A drag pans or brushes from where it started; two pointers pinch.
fn on_move(ctx: TimelineCtx, ev: web_sys::PointerEvent) {
    let p = local(ctx, &ev);
    let step = ctx
        .tracker
        .try_update_value(|t| t.moved(ev.pointer_id(), p))
        .unwrap_or(Step::Idle);
    match step {
        Step::Idle => {}
        Step::Drag {
            from: press,
            start,
            at,
            first,
            ..
        } => {
            // Capture only once a drag starts, so a plain click still reaches a mark.
            if first {
                if let Some(el) = ctx.container.get_untracked() {
                    let _ = el.set_pointer_capture(ev.pointer_id());
                }
            }
            if press.brush {
                ctx.brush_live.set(Some((start.0, at.0)));
            } else {
                ctx.set_scale(from(ctx, press.domain).panned(start.0 - at.0));
            }
        }
        Step::Pinch {
            from: press,
            factor,
            center,
        } => ctx.set_scale(from(ctx, press.domain).zoomed(factor, center.0)),
    }
}

/// The end of a brush sets the range.
fn on_up(ctx: TimelineCtx, ev: web_sys::PointerEvent) {
    let ended = ctx
        .tracker
        .try_update_value(|t| t.up(ev.pointer_id()))
        .flatten();
    if let (Some(Press { brush: true, .. }), Some((a, b))) = (ended, ctx.brush_live.get_untracked())
    {
        if let Some(range) = ctx.scale.with_untracked(|s| brushed(s, a, b)) {
            ctx.set_range(Some(range));
        }
    }
    ctx.brush_live.set(None);
}

/// Left and right pan, + and - zoom, 0 returns to the default frame.
fn on_key(ctx: TimelineCtx, ev: web_sys::KeyboardEvent) {
    let Some(k) = gesture::key(&ev.key(), false) else {
        return;
    };
    ev.prevent_default();
    match k {
        gesture::Key::Pan { right, .. } => ctx.set_scale(ctx.scale.get_untracked().panned(right)),
        gesture::Key::Zoom(f) => ctx.zoom(f),
        gesture::Key::Reset => ctx.domain.set(None),
    }
}

/// The timeline box: the SVG layers and the gesture handlers.
#[component]
pub(super) fn TimelineSurface() -> impl IntoView {
    let ctx = TimelineCtx::use_ctx();
    view! {
        <div class="timeline" node_ref=ctx.container tabindex="0" role="group" aria-label=move || ctx.app.t(Key::TimelineLabel)
            on:wheel=move |ev| on_wheel(ctx, ev) on:pointerdown=move |ev| on_down(ctx, ev) on:pointermove=move |ev| on_move(ctx, ev) on:pointerup=move |ev| on_up(ctx, ev) on:pointercancel=move |ev| on_up(ctx, ev) on:keydown=move |ev| on_key(ctx, ev)>
            <svg width="100%" height=move || ctx.geometry.get().height()
                viewBox=move || format!("0 0 {:.0} {:.0}", ctx.width.get(), ctx.geometry.get().height())>
                <axis::Axis/>
                <strip::Strip/>
                <BrushRect/>
                <marks::Marks/>
                <marks::Halos/>
            </svg>
        </div>
    }
}

/// The brushed range: live while dragging, else the filter's range.
#[component]
fn BrushRect() -> impl IntoView {
    let ctx = TimelineCtx::use_ctx();
    move || {
        let s = ctx.scale.get();
        let px = ctx.brush_live.get().or_else(|| {
            ctx.app
                .range
                .get()
                .map(|(a, b)| (s.map(a as f64), s.map(b as f64)))
        });
        let bottom = ctx.geometry.get().axis_y();
        px.map(|(a, b)| {
            let (a, b) = (a.min(b).max(0.0), a.max(b).min(ctx.width.get()));
            view! { <rect class="brush" x=format!("{a:.1}") y=LANE_TOP - 4.0 width=format!("{:.1}", (b - a).max(1.0)) height=bottom - LANE_TOP + 4.0/> }
        })
    }
}
