//! The density strip: how many events fall on each few pixels of time, all of those in the
//! frame and, darker, those matching every filter. Readable at any corpus size.

use super::TimelineCtx;
use crate::core::time::layout::{Density, Placed};
use leptos::prelude::*;
use std::sync::Arc;

/// Two bar paths over the axis: events in view, and the matching ones among them.
#[component]
pub(super) fn Strip() -> impl IntoView {
    let ctx = TimelineCtx::use_ctx();
    let app = ctx.app;
    // Each event's bins, once per frame and width: a filter change only adds them up.
    let placed = Memo::new(move |_| {
        let s = ctx.scale.get();
        let width = ctx.width.get();
        Arc::new(app.corpus.with(|c| Placed::new(&s, width, &c.spans)))
    });
    // The bars of every event in view, once per frame and filter: a step of playing or
    // brushing through time changes only the darker ones, of the events it matches.
    let all = Memo::new(move |_| placed.with(|p| ctx.in_view.with(|v| p.spread(v))));
    let density = move || {
        let d = placed.with(|p| {
            ctx.in_view.with(|v| {
                app.result
                    .with(|r| Density::counted(p, all.get(), v, &r.matches))
            })
        });
        let g = ctx.geometry.get();
        view! {
            <path class="density all" d=d.path(&d.all, g)/>
            <path class="density hit" d=d.path(&d.hit, g)/>
        }
    };
    view! { <g class="strip">{density}</g> }
}
