//! Event marks on the map, their language rings, and the halos of selected and hovered
//! marks. Marks are static views: one delegated handler per gesture on their group finds
//! the mark from `data-i`, so redrawing hundreds of marks creates no closures or effects,
//! and selection and hover are drawn as a separate overlay. They are keyed by what they
//! show, so a redraw replaces only the marks that changed.

use super::{MapCtx, Tip};
use crate::core::geo::cluster::{Cluster, Marks};
use crate::core::geo::marks::{
    count_font, halo_radius, intersects, lang_class, radius, ring_paths, tooltip, tooltip_anchor,
};
use crate::core::text::fixed::fixed;
use crate::core::text::i18n::{Key, Lang};
use crate::ui::dom::{active_element, data_index, focus};
use crate::ui::intl;
use crate::ui::keyed::{Item, KeyedLayer};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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

/// A mark as drawn, keyed by all of it: a redraw keeps the marks that did not change (and
/// the focus on them) and touches nothing else. `first` is its first event: each event is
/// in one mark, so it names the mark across redraws (`data-i`).
#[derive(Hash)]
struct Drawn {
    first: u32,
    cx: String,
    cy: String,
    r: String,
    label: String,
    n: usize,
    single_id: Option<String>,
    /// The count written inside: x, y, a smaller font if it is long, the text.
    count: Option<(String, String, Option<String>, String)>,
}

/// What one mark shows: a circle sized by its count, named by its tooltip (in the
/// interface language).
fn drawn(ctx: MapCtx, lang: Lang, cl: &Cluster) -> Drawn {
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
    let count = (n > 1).then(|| {
        // Grouped as the reader writes numbers ("149,091"), smaller where it is long.
        let text = intl::number(lang, n as u64);
        let size = count_font(text.chars().count(), r);
        let font = (size < 11.0).then(|| format!("font-size:{}px", fixed(size, 1)));
        (fixed(x, 1), fixed(y + 0.36 * size, 1), font, text)
    });
    Drawn {
        first: cl.members.first().copied().unwrap_or_default(),
        cx: fixed(x, 1),
        cy: fixed(y, 1),
        r: fixed(r, 1),
        label,
        n,
        single_id,
        count,
    }
}

fn mark_view(d: Drawn) -> AnyView {
    view! {
        <g class="mark">
            <circle cx=d.cx cy=d.cy r=d.r tabindex="0" role="button" aria-label=d.label
                data-i=d.first data-count=d.n data-event=d.single_id/>
            {d.count.map(|(x, y, font, text)| view! { <text x=x y=y style=font aria-hidden="true">{text}</text> })}
        </g>
    }
    .into_any()
}

/// The mark named by its first event.
fn by_first(m: &Marks, first: usize) -> Option<&Cluster> {
    m.clusters
        .iter()
        .find(|c| c.members.first().is_some_and(|&f| f as usize == first))
}

/// The event marks, with delegated click, key, hover and focus handlers.
#[component]
pub(super) fn Marks() -> impl IntoView {
    let ctx = MapCtx::use_ctx();
    let app = ctx.app;
    let members_of = move |first: usize| {
        ctx.marks
            .with_untracked(|m| by_first(m, first).map(|c| c.members.clone()))
    };
    let show_tip = move |first: usize| {
        let lang = app.lang.get_untracked();
        ctx.marks.with_untracked(|m| {
            if let Some(cl) = by_first(m, first) {
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
    let keeper = FocusKeeper::new();
    // The marks' names follow the interface language.
    let marks = move || {
        keeper.note();
        let lang = app.lang.get();
        ctx.marks.with(|m| {
            keeper.restore(m);
            m.clusters
                .iter()
                .map(|cl| Item::new(drawn(ctx, lang, cl), mark_view))
                .collect()
        })
    };
    view! {
        // tabindex -1: focus listeners alone would make the group a nameless tab stop.
        <g class="marks" node_ref=keeper.group tabindex="-1" on:click=on_click on:keydown=on_key
            on:pointerover=move |ev| { if let Some(i) = target(&ev) { show_tip(i) } }
            on:pointerout=move |_| hide_tip()
            on:focusin=move |ev| { if let Some(i) = target(&ev) { show_tip(i) } }
            on:focusout=move |ev| { keeper.let_go(&ev); hide_tip() }>
            <KeyedLayer each=Box::new(marks)/>
        </g>
    }
}

/// Keeps the focus on the marks across redraws. A redraw replaces the marks that changed; if
/// the focus was on one, it moves to the mark now holding that mark's first event. The mark
/// is noted as the marks are drawn (before the old ones go) and kept while the focus is lost
/// (a resize may redraw them again before it lands), until the focus leaves for somewhere
/// else.
#[derive(Clone, Copy)]
struct FocusKeeper {
    group: NodeRef<leptos::svg::G>,
    /// The first event of the mark that had the focus.
    event: StoredValue<Option<u32>>,
}

impl FocusKeeper {
    fn new() -> Self {
        FocusKeeper {
            group: NodeRef::new(),
            event: StoredValue::new(None),
        }
    }

    /// Notes the mark with the focus, if any (call before the marks are redrawn).
    fn note(self) {
        let on_mark = active_element()
            .filter(|el| {
                el.closest(".marks").ok().flatten().as_ref()
                    == self.group.get_untracked().as_deref()
            })
            .and_then(|el| el.get_attribute("data-i")?.parse().ok());
        if on_mark.is_some() {
            self.event.set_value(on_mark);
        }
    }

    /// After the redraw to `m`, focuses the mark holding the noted event if the focus was lost.
    fn restore(self, m: &Marks) {
        let holder = self.event.get_value().and_then(|event| {
            let c = m
                .clusters
                .iter()
                .find(|c| c.members.binary_search(&event).is_ok())?;
            c.members.first().copied()
        });
        if let Some(first) = holder {
            request_animation_frame(move || {
                let new = self
                    .group
                    .get_untracked()
                    .and_then(|g| g.query_selector(&format!("[data-i=\"{first}\"]")).ok()?);
                if let (None, Some(el)) = (active_element(), new) {
                    focus(el);
                }
            });
        }
    }

    /// Focus leaving a mark that is still on the page went elsewhere: let it go. (A mark
    /// removed by a redraw sends `focusout` too, and is gone by the next task.)
    fn let_go(self, ev: &web_sys::FocusEvent) {
        let left = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        set_timeout(
            move || {
                if left.is_some_and(|el| el.is_connected()) {
                    self.event.set_value(None);
                }
            },
            std::time::Duration::ZERO,
        );
    }
}
