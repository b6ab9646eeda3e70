//! The base map: Natural Earth land and lakes, projected once into world units; zoom and
//! pan are one transform on the group.

use super::MapCtx;
use crate::core::geo::basemap;
use crate::core::geo::viewport::world;
use leptos::prelude::*;
use std::sync::OnceLock;

/// Land and lake paths in world units, built once per page.
struct Paths {
    countries: Vec<(String, String)>,
    lakes: Vec<String>,
}

/// The paths, built on first use: the base map does not depend on the corpus, so a new
/// corpus or a remounted map reuses them, and [`warm`] can build them before the corpus
/// arrives.
fn paths() -> &'static Paths {
    static PATHS: OnceLock<Paths> = OnceLock::new();
    PATHS.get_or_init(|| {
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
    })
}

/// Decodes the base map and builds its paths now, while the page waits for the corpus,
/// so that work is not part of the first render.
pub(crate) fn warm() {
    let _ = paths();
}

/// The land and water under everything else.
#[component]
pub(super) fn BaseLayer() -> impl IntoView {
    let ctx = MapCtx::use_ctx();
    let p = paths();
    view! {
        <g class="base" transform=move || ctx.vp.get().transform()>
            {p.countries.iter().map(|(iso, d)| view! { <path class="land" data-iso=iso.as_str() d=d.as_str()/> }).collect_view()}
            {p.lakes.iter().map(|d| view! { <path class="water" d=d.as_str()/> }).collect_view()}
        </g>
    }
}
