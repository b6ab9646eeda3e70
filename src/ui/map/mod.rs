//! The map: an offline vector base map with event marks aggregated at the current zoom,
//! edge markers for events outside the frame, zoom and pan by wheel, drag, pinch, buttons
//! and keyboard, tooltips, and a list for a clicked cluster. The pieces share [`MapCtx`].

mod base;
mod cluster_list;
mod controls;
mod edges;
mod input;
mod labels;
mod legend;
mod marks;

use super::state::{use_app, AppState};
use crate::core::geo::cluster::{aggregate, Marks};
use crate::core::geo::marks::frame;
use crate::core::geo::viewport::{home, world, MapView as View, Viewport};
use crate::core::input::gesture::Tracker;
use crate::core::text::i18n::Key;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

/// A tooltip: where it points, and its lines.
#[derive(Clone, PartialEq)]
pub(super) struct Tip {
    x: f64,
    y: f64,
    lines: Vec<String>,
}

/// What the map's pieces share: its element, size, viewport, marks and transient state.
#[derive(Clone, Copy)]
pub(super) struct MapCtx {
    app: AppState,
    container: NodeRef<html::Div>,
    size: RwSignal<(f64, f64)>,
    vp: Memo<Viewport>,
    marks: Memo<Arc<Marks>>,
    tip: RwSignal<Option<Tip>>,
    /// The events of a clicked cluster, listed beside the map.
    open_cluster: RwSignal<Option<Vec<u32>>>,
    /// Embedded: "Ctrl + wheel zooms", shown briefly after a plain wheel.
    wheel_hint: RwSignal<bool>,
    tracker: StoredValue<Tracker<View>>,
}

impl MapCtx {
    fn use_ctx() -> Self {
        expect_context::<MapCtx>()
    }

    fn set_view(&self, v: View) {
        self.app.view.update(|s| s.map = Some(v));
    }

    /// Frames the given events (and, with `keep_centre`, the current centre too).
    fn fit(&self, events: impl IntoIterator<Item = u32>, keep_centre: bool) {
        let v = self.vp.get_untracked();
        let mut pts: Vec<(f64, f64)> = self.app.corpus.with_untracked(|c| {
            events
                .into_iter()
                .filter_map(|i| c.events.get(i as usize))
                .filter_map(|e| e.place.as_ref().map(|p| (p.lon, p.lat)))
                .collect()
        });
        if keep_centre {
            pts.push(v.unproject(v.width / 2.0, v.height / 2.0));
        }
        self.set_view(v.fit(pts, 30.0));
    }

    /// Opens a mark: selects a single event, or lists a cluster's events (and moves focus
    /// into the list, so keyboard and screen-reader users land on it).
    fn activate(&self, members: Vec<u32>) {
        if let [one] = members.as_slice() {
            self.open_cluster.set(None);
            self.app.select(Some(*one as usize));
        } else {
            self.open_cluster.set(Some(members));
            let wrap = self
                .container
                .get_untracked()
                .and_then(|el| el.parent_element());
            super::dom::focus_within(wrap, ".cluster-list li button");
        }
    }
}

/// The interactive map of the filtered events.
#[component]
pub fn MapView() -> impl IntoView {
    let app = use_app();
    let container = NodeRef::<html::Div>::new();
    let size = RwSignal::new((800.0, 480.0));
    super::dom::observe_size(container, move |w, h| {
        if w > 0.0 && h > 0.0 {
            size.set((w, h));
        }
    });
    // The frame a corpus opens on: its own events, the distant few left to edge markers.
    let default_view = Memo::new(move |_| {
        let (w, h) = size.get();
        let pts: Vec<(f64, f64)> = app.corpus.with(|c| {
            c.events
                .iter()
                .filter_map(|e| e.place.as_ref().map(|p| (p.lon, p.lat)))
                .collect()
        });
        Viewport::new(w, h, home()).default_frame(&pts)
    });
    let vp = Memo::new(move |_| {
        let (w, h) = size.get();
        Viewport::new(
            w,
            h,
            app.map_view.get().unwrap_or_else(|| default_view.get()),
        )
    });
    // Each event's position in world units, computed once per corpus.
    let world_xy = Memo::new(move |_| {
        let w = world();
        Arc::new(app.corpus.with(|c| {
            c.events
                .iter()
                .map(|e| e.place.as_ref().map(|p| w.to_screen(p.lon, p.lat)))
                .collect::<Vec<_>>()
        }))
    });
    let marks = Memo::new(move |_| {
        let vp = vp.get();
        let xy = world_xy.get();
        let (k, dx, dy) = vp.world_affine();
        Arc::new(app.result.with(|r| {
            aggregate(
                r.matches.iter().filter_map(|i| {
                    let (x, y) = (*xy.get(i)?)?;
                    Some((i as u32, x * k + dx, y * k + dy))
                }),
                frame(vp.width, vp.height),
            )
        }))
    });
    let ctx = MapCtx {
        app,
        container,
        size,
        vp,
        marks,
        tip: RwSignal::new(None),
        open_cluster: RwSignal::new(None),
        wheel_hint: RwSignal::new(false),
        tracker: StoredValue::new(Tracker::default()),
    };
    provide_context(ctx);
    follow_selection(ctx);
    // A cluster's list holds event indices: a new corpus closes it.
    Effect::new(move |_| {
        app.corpus.track();
        ctx.open_cluster.set(None);
    });

    view! {
        <section class="map-wrap" aria-label=move || app.t(Key::Map)>
            <input::MapSurface/>
            <controls::Controls/>
            <cluster_list::ClusterList/>
            <Show when=move || ctx.wheel_hint.get()>
                <p class="wheel-hint" role="status">{move || app.t(Key::CtrlToZoom)}</p>
            </Show>
            <legend::Legend/>
            <NotOnMap/>
            <p class="attribution">{move || app.t(Key::Attribution)}</p>
        </section>
    }
}

/// A newly selected event outside the frame is brought into view (the zoom is kept); when
/// the panel closes, the map returns to the frame the reader had, unless they moved it since.
fn follow_selection(ctx: MapCtx) {
    let app = ctx.app;
    // (the reader's frame, the frame the selection moved to)
    let moved = StoredValue::new(None::<(Option<View>, View)>);
    Effect::new(move |prev: Option<Option<usize>>| {
        let sel = app.selected.get();
        if sel.is_none() {
            if let Some((before, to)) = moved.get_value() {
                moved.set_value(None);
                if app.map_view.get_untracked() == Some(to) {
                    app.view.update(|s| s.map = before);
                }
            }
        }
        // Not on the first run: a shared link's viewport is shown as it was.
        if let (Some(before), Some(i)) = (prev, sel) {
            if before != sel {
                let v = ctx.vp.get_untracked();
                let place = app
                    .corpus
                    .with_untracked(|c| c.events.get(i)?.place.as_ref().map(|p| (p.lon, p.lat)));
                if let Some((lon, lat)) = place {
                    if !v.contains(lon, lat) {
                        let to = View {
                            lon,
                            lat,
                            zoom: v.view.zoom,
                        };
                        let before = moved
                            .get_value()
                            .map_or_else(|| app.map_view.get_untracked(), |(b, _)| b);
                        moved.set_value(Some((before, to)));
                        ctx.set_view(to);
                    }
                }
            }
        }
        sel
    });
}

/// How many of the matching events have no place, so the map's silence about them is said.
#[component]
fn NotOnMap() -> impl IntoView {
    let app = use_app();
    let n = Memo::new(move |_| {
        app.corpus.with(|c| {
            app.result.with(|r| {
                r.matches
                    .iter()
                    .filter(|&i| c.events.get(i).is_some_and(|e| e.place.is_none()))
                    .count()
            })
        })
    });
    view! {
        <Show when=move || { n.get() > 0 }>
            <p class="not-on-map">{move || app.tf(Key::NotOnMap, &[("n", &n.get().to_string())])}</p>
        </Show>
    }
}
