//! The density strip: how many events fall on each few pixels of time, all of those in the
//! frame and, darker, those matching every filter. Readable at any corpus size.

use super::TimelineCtx;
use crate::core::time::layout::Density;
use leptos::prelude::*;

/// Two bar paths over the axis: events in view, and the matching ones among them.
#[component]
pub(super) fn Strip() -> impl IntoView {
    let ctx = TimelineCtx::use_ctx();
    let app = ctx.app;
    let density = move || {
        let s = ctx.scale.get();
        let width = ctx.width.get();
        let d = app.corpus.with(|c| {
            app.result.with(|r| {
                ctx.in_view.with(|ids| {
                    let events = ids.iter().filter_map(|&i| {
                        let &(a, b) = c.spans.get(i)?;
                        Some((a, b, r.matches.contains(i)))
                    });
                    Density::new(&s, width, events)
                })
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
