//! Event marks on the map, their language rings, and the halos of selected and hovered
//! marks. Marks are static views: one delegated handler per gesture on their group finds
//! the mark from `data-i`, so redrawing hundreds of marks creates no closures or effects,
//! and selection and hover are drawn as a separate overlay.

use super::{MapCtx, Tip};
use crate::core::geo::cluster::Cluster;
use crate::core::geo::marks::{
    count_font, halo_radius, intersects, lang_class, radius, ring_paths, tooltip, tooltip_anchor,
};
use crate::core::text::fixed::fixed;
use crate::core::text::i18n::{Key, Lang};
use crate::ui::dom::data_index;
use crate::ui::intl;
use leptos::prelude::*;

/// Rings around the marks, one path per source language, in proportion to its share.
#[component]
pub(super) fn Rings() -> impl IntoView {
    let ctx = MapCtx::use_ctx();
    let rings = move || {
        let paths = ctx.marks.with(|m| {
            ctx.app
                .corpus
                .with(|c| ring_paths(&m.clusters, &c.lang_bits, c.languages.len()))
        });
        paths
            .into_iter()
            .enumerate()
            .map(|(i, d)| view! { <path class=format!("ring {}", lang_class(i)) d=d/> })
            .collect_view()
    };
    view! { <g class="rings" aria-hidden="true">{rings}</g> }
}

/// Rings around the marks holding the selected or hovered events (from any view).
#[component]
pub(super) fn Halos() -> impl IntoView {
    let ctx = MapCtx::use_ctx();
    let app = ctx.app;
    let halos = move || {
        let sel = app.selected.get().map(|s| s as u32);
        let m = ctx.marks.get();
        app.hovered.with(|hov| {
            m.clusters
                .iter()
                .filter_map(|cl| {
                    let s = sel.is_some_and(|s| cl.members.binary_search(&s).is_ok());
                    let h = intersects(&cl.members, hov);
                    (s || h).then(|| {
                        let r = halo_radius(cl.members.len());
                        view! { <circle class="halo" class:selected=s class:hovered=h cx=fixed(cl.x, 1) cy=fixed(cl.y, 1) r=fixed(r, 1)/> }
                    })
                })
                .collect_view()
        })
    };
    view! { <g class="halos" aria-hidden="true">{halos}</g> }
}

/// One mark: a circle sized by its count, named by its tooltip (in the interface language).
fn mark_view(ctx: MapCtx, lang: Lang, idx: usize, cl: &Cluster) -> impl IntoView {
    let n = cl.members.len();
    let r = radius(n);
    let (label, single_id) = ctx.app.corpus.with_untracked(|c| {
        let label = tooltip(c, &cl.members, lang, &|d| intl::date(lang, d), &|n| {
            intl::count(lang, Key::EventsHere, n as u64, &[("n", n as u64)], &[])
        })
        .join(" — ");
        let id = (n == 1)
            .then(|| cl.members.first().and_then(|&i| c.events.get(i as usize)))
            .flatten()
            .map(|e| e.id.clone());
        (label, id)
    });
    let (x, y) = (cl.x, cl.y);
    view! {
        <g class="mark">
            <circle cx=fixed(x, 1) cy=fixed(y, 1) r=fixed(r, 1)
                tabindex="0" role="button" aria-label=label data-i=idx data-count=n data-event=single_id/>
            {(n > 1).then(|| {
                // Grouped as the reader writes numbers ("149,091"), smaller where it is long.
                let text = intl::number(lang, n as u64);
                let size = count_font(text.chars().count(), r);
                let font = (size < 11.0).then(|| format!("font-size:{}px", fixed(size, 1)));
                view! { <text x=fixed(x, 1) y=fixed(y + 0.36 * size, 1) style=font aria-hidden="true">{text}</text> }
            })}
        </g>
    }
}

/// The event marks, with delegated click, key, hover and focus handlers.
#[component]
pub(super) fn Marks() -> impl IntoView {
    let ctx = MapCtx::use_ctx();
    let app = ctx.app;
    let members_of = move |i: usize| {
        ctx.marks
            .with_untracked(|m| m.clusters.get(i).map(|c| c.members.clone()))
    };
    let show_tip = move |i: usize| {
        let lang = app.lang.get_untracked();
        ctx.marks.with_untracked(|m| {
            if let Some(cl) = m.clusters.get(i) {
                let lines = app.corpus.with_untracked(|c| {
                    tooltip(c, &cl.members, lang, &|d| intl::date(lang, d), &|n| {
                        intl::count(lang, Key::EventsHere, n as u64, &[("n", n as u64)], &[])
                    })
                });
                let (x, y) = tooltip_anchor(cl);
                ctx.tip.set(Some(Tip { x, y, lines }));
                app.hovered.set(cl.members.clone());
            }
        })
    };
    let hide_tip = move || {
        ctx.tip.set(None);
        app.hovered.set(Vec::new());
    };
    let target = |ev: &web_sys::Event| data_index(ev, "[data-i]");
    let on_click = move |ev: web_sys::MouseEvent| {
        if !ctx.tracker.with_value(|t| t.was_drag()) {
            if let Some(m) = target(&ev).and_then(members_of) {
                ctx.activate(m);
            }
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Enter" || ev.key() == " " {
            if let Some(m) = target(&ev).and_then(members_of) {
                ev.prevent_default();
                ev.stop_propagation();
                ctx.activate(m);
            }
        }
    };
    // The marks' names follow the interface language.
    let marks = move || {
        let lang = app.lang.get();
        ctx.marks.with(|m| {
            m.clusters
                .iter()
                .enumerate()
                .map(|(i, cl)| mark_view(ctx, lang, i, cl))
                .collect_view()
        })
    };
    view! {
        // tabindex -1: focus listeners alone would make the group a nameless tab stop.
        <g class="marks" tabindex="-1" on:click=on_click on:keydown=on_key
            on:pointerover=move |ev| { if let Some(i) = target(&ev) { show_tip(i) } }
            on:pointerout=move |_| hide_tip()
            on:focusin=move |ev| { if let Some(i) = target(&ev) { show_tip(i) } }
            on:focusout=move |_| hide_tip()>
            {marks}
        </g>
    }
}
