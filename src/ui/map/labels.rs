//! Place names on the map, as the core's label plan places them.

use super::MapCtx;
use crate::core::geo::basemap;
use crate::core::geo::labels::{plan, LabelKind, CITY_SIZE};
use crate::core::geo::located;
use crate::core::text::fixed::fixed;
use crate::ui::keyed::{Item, KeyedLayer};
use leptos::prelude::*;

/// City, country and water names that fit the frame without overlapping.
#[component]
pub(super) fn Labels() -> impl IntoView {
    let ctx = MapCtx::use_ctx();
    let app = ctx.app;
    // How many events each place name has, to give busy places' labels priority (from
    // the loading worker when it read the corpus).
    let busy = Memo::new(move |_| app.corpus.with(|c| located::place_counts(c)));
    let labels = move || {
        let vp = ctx.vp.get();
        let lang = app.lang.get();
        let planned = ctx
            .marks
            .with(|m| busy.with(|b| plan(&vp, basemap::embedded_ref(), &m.clusters, b, lang)));
        planned
            .into_iter()
            .map(|l| match l.kind {
                LabelKind::City { x, y, capital } => Drawn::City {
                    dot: (fixed(x, 0), fixed(y, 0)),
                    at: (fixed(l.x, 0), fixed(l.y + CITY_SIZE, 0)),
                    capital,
                    text: l.text,
                },
                LabelKind::Country => Drawn::Area {
                    class: "country-label",
                    at: (fixed(l.x, 0), fixed(l.y, 0)),
                    text: l.text,
                },
                LabelKind::Water => Drawn::Area {
                    class: "water-label",
                    at: (fixed(l.x, 0), fixed(l.y, 0)),
                    text: l.text,
                },
            })
            .map(|d| Item::new(d, label_view))
            .collect()
    };
    view! {
        <g class="labels" aria-hidden="true">
            <KeyedLayer each=Box::new(labels)/>
        </g>
    }
}

/// A label as drawn, keyed by all of it: a redraw (a filter moves marks, and labels make
/// way) leaves the labels that stay where they were untouched.
#[derive(Hash)]
enum Drawn {
    City {
        dot: (String, String),
        at: (String, String),
        capital: bool,
        text: String,
    },
    Area {
        class: &'static str,
        at: (String, String),
        text: String,
    },
}

fn label_view(d: Drawn) -> AnyView {
    match d {
        Drawn::City {
            dot,
            at,
            capital,
            text,
        } => view! {
            <g class="city" class:capital=capital>
                <circle cx=dot.0 cy=dot.1 r="2.5"/>
                <text x=at.0 y=at.1>{text}</text>
            </g>
        }
        .into_any(),
        Drawn::Area { class, at, text } => {
            view! { <text class=class x=at.0 y=at.1>{text}</text> }.into_any()
        }
    }
}
