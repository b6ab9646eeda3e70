//! The base map: Natural Earth land and lakes, projected once into world units; zoom and
//! pan are one transform on the group.

use super::MapCtx;
use crate::core::geo::basemap;
use crate::core::geo::viewport::world;
use leptos::prelude::*;

/// Land and lake paths in world units, built once per map.
struct Paths {
    countries: Vec<(String, String)>,
    lakes: Vec<String>,
}

fn paths() -> Paths {
    let w = world();
    let bm = basemap::embedded_ref();
    let path = |rings: &[basemap::Ring]| {
        rings
            .iter()
            .map(|r| basemap::ring_to_path(r, |lon, lat| w.to_screen(lon, lat)))
            .collect::<String>()
    };
    Paths {
        countries: bm
            .countries
            .iter()
            .map(|c| (c.iso.clone(), path(&c.rings)))
            .collect(),
        lakes: bm.lakes.iter().map(|l| path(&l.rings)).collect(),
    }
}

/// The land and water under everything else.
#[component]
pub(super) fn BaseLayer() -> impl IntoView {
    let ctx = MapCtx::use_ctx();
    let p = paths();
    view! {
        <g class="base" transform=move || ctx.vp.get().transform()>
            {p.countries.into_iter().map(|(iso, d)| view! { <path class="land" data-iso=iso d=d/> }).collect_view()}
            {p.lakes.into_iter().map(|d| view! { <path class="water" d=d/> }).collect_view()}
        </g>
    }
}
