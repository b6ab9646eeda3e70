//! Place names on the map, as the core's label plan places them.

use super::MapCtx;
use crate::core::geo::basemap;
use crate::core::geo::labels::{place_counts, plan, LabelKind, CITY_SIZE};
use crate::core::text::fixed::fixed;
use leptos::prelude::*;

/// City, country and water names that fit the frame without overlapping.
#[component]
pub(super) fn Labels() -> impl IntoView {
    let ctx = MapCtx::use_ctx();
    let app = ctx.app;
    // How many events each place name has, to give busy places' labels priority.
    let busy = Memo::new(move |_| {
        app.corpus.with(|c| {
            place_counts(
                c.events
                    .iter()
                    .filter_map(|e| e.place.as_ref().map(|p| &p.name)),
            )
        })
    });
    let labels = move || {
        let vp = ctx.vp.get();
        let lang = app.lang.get();
        let planned = ctx
            .marks
            .with(|m| busy.with(|b| plan(&vp, basemap::embedded_ref(), &m.clusters, b, lang)));
        planned
            .into_iter()
            .map(|l| match l.kind {
                LabelKind::City { x, y, capital } => view! {
                    <g class="city" class:capital=capital>
                        <circle cx=fixed(x, 0) cy=fixed(y, 0) r="2.5"/>
                        <text x=fixed(l.x, 0) y=fixed(l.y + CITY_SIZE, 0)>{l.text}</text>
                    </g>
                }
                .into_any(),
                LabelKind::Country => view! {
                    <text class="country-label" x=fixed(l.x, 0) y=fixed(l.y, 0)>{l.text}</text>
                }
                .into_any(),
                LabelKind::Water => view! {
                    <text class="water-label" x=fixed(l.x, 0) y=fixed(l.y, 0)>{l.text}</text>
                }
                .into_any(),
            })
            .collect_view()
    };
    view! { <g class="labels" aria-hidden="true">{labels}</g> }
}
