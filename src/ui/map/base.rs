//! The base map: Natural Earth land and lakes, drawn from path data already projected into
//! world units (in tenths, hence the group's scale); zoom and pan are one transform on the
//! group.

use super::MapCtx;
use crate::core::geo::basemap;
use leptos::prelude::*;

/// The land and water under everything else.
#[component]
pub(super) fn BaseLayer() -> impl IntoView {
    let ctx = MapCtx::use_ctx();
    let bm = basemap::embedded_ref();
    view! {
        <g class="base" transform=move || ctx.vp.get().transform()>
            <g transform="scale(.1)">
                {bm.countries.iter().map(|c| view! { <path class="land" data-iso=c.iso.as_str() d=c.path.as_str()/> }).collect_view()}
                {bm.lakes.iter().map(|l| view! { <path class="water" d=l.path.as_str()/> }).collect_view()}
            </g>
        </g>
    }
}
