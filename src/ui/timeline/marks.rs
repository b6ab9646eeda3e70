//! Timeline marks, one per event in view when few enough, and the halos of the selected and
//! hovered ones. Marks are static; their handlers are delegated to the group.

use super::TimelineCtx;
use crate::core::text::fixed::fixed;
use crate::core::text::i18n::Key;
use crate::core::time::layout::{Mark, LANE_TOP, MARGIN};
use crate::ui::dom::data_index;
use crate::ui::intl;
use crate::ui::keyed::{Item, KeyedLayer};
use leptos::prelude::*;

/// A mark as drawn, keyed by all of it, so a redraw replaces only the marks that changed.
#[derive(Hash)]
struct Drawn {
    class: String,
    event: usize,
    id: String,
    /// x, y (of the bar's corner or the dot's centre), and the bar's width.
    at: (String, String, Option<String>),
    title: Option<String>,
}

impl Drawn {
    /// A mark with the class `class` (more if it spans time or is outside the range).
    fn new(m: &Mark, class: &'static str, id: String, title: Option<String>) -> Self {
        let class = format!(
            "{class}{}{}",
            if m.span { " span" } else { "" },
            if m.out { " out" } else { "" }
        );
        let at = if m.span {
            (
                fixed(m.x0, 1),
                fixed(m.y + 1.0, 1),
                Some(fixed(m.x1 - m.x0, 1)),
            )
        } else {
            (fixed((m.x0 + m.x1) / 2.0, 1), fixed(m.y + 5.0, 1), None)
        };
        Drawn {
            class,
            event: m.event,
            id,
            at,
            title,
        }
    }
}

/// A mark as a bar (spans) or a dot (points in time).
fn shape(d: Drawn) -> AnyView {
    let title = d.title.map(|t| view! { <title>{t}</title> });
    let (x, y, width) = d.at;
    match width {
        Some(w) => view! {
            <rect class=d.class data-i=d.event data-event=d.id x=x y=y width=w height="8" rx="2">{title}</rect>
        }
        .into_any(),
        None => view! {
            <circle class=d.class data-i=d.event data-event=d.id cx=x cy=y r="4.5">{title}</circle>
        }
        .into_any(),
    }
}

/// The marks, or a hint to zoom in when there are too many to draw one by one.
#[component]
pub(super) fn Marks() -> impl IntoView {
    let ctx = TimelineCtx::use_ctx();
    let app = ctx.app;
    let hint = move || {
        ctx.layout.with(Option::is_none).then(|| {
            let n = ctx.in_view.with(|v| v.count());
            view! { <text class="hint" x=MARGIN y=LANE_TOP + 30.0>{app.tn(Key::ZoomToSee, n, &[("n", n)])}</text> }
        })
    };
    let marks = move || {
        let lang = app.lang.get();
        let Some(packed) = ctx.layout.get() else {
            return Vec::new();
        };
        app.corpus.with(|c| {
            packed
                .marks
                .iter()
                .filter_map(|m| {
                    let e = c.events.get(m.event)?;
                    let title = format!(
                        "{} — {}",
                        intl::date(lang, &e.date),
                        e.title.get(lang.code())
                    );
                    Some(Item::new(
                        Drawn::new(m, "tmark", e.id.clone(), Some(title)),
                        shape,
                    ))
                })
                .collect()
        })
    };
    let target = |ev: &web_sys::Event| data_index(ev, "[data-i]");
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some(i) = target(&ev) {
            app.select(Some(i));
        }
    };
    let on_over = move |ev: web_sys::PointerEvent| {
        if let Some(i) = target(&ev) {
            app.hovered.set(vec![i as u32]);
        }
    };
    view! {
        <g class="tmarks" on:click=on_click on:pointerover=on_over on:pointerout=move |_| app.hovered.set(Vec::new())>
            {hint}
            <KeyedLayer each=Box::new(marks)/>
        </g>
    }
}

/// Copies of the selected and hovered marks drawn on top, so marks carry no effects.
#[component]
pub(super) fn Halos() -> impl IntoView {
    let ctx = TimelineCtx::use_ctx();
    let app = ctx.app;
    let halos = move || {
        let sel = app.selected.get();
        let packed = ctx.layout.get()?;
        Some(app.hovered.with(|hov| {
            app.corpus.with(|c| {
                packed
                    .marks
                    .iter()
                    .filter_map(|m| {
                        let s = sel == Some(m.event);
                        let h = hov.binary_search(&(m.event as u32)).is_ok();
                        let class = match (s, h) {
                            (true, true) => "tmark-halo selected hovered",
                            (true, false) => "tmark-halo selected",
                            (false, true) => "tmark-halo hovered",
                            _ => return None,
                        };
                        let id = c.events.get(m.event)?.id.clone();
                        Some(shape(Drawn::new(m, class, id, None)))
                    })
                    .collect_view()
            })
        }))
    };
    view! { <g class="tmark-halos" aria-hidden="true">{halos}</g> }
}
