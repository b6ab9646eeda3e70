//! What the map's pieces share: its element, size, viewport, marks and transient state,
//! and the derived values every piece reads.

use crate::core::geo::cluster::{aggregate, Marks};
use crate::core::geo::located;
use crate::core::geo::marks::frame;
use crate::core::geo::viewport::{core_bounds, home, MapView as View, Viewport};
use crate::core::input::gesture::Tracker;
use crate::ui::state::AppState;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

/// A tooltip: where it points, and its lines.
#[derive(Clone, PartialEq)]
pub(super) struct Tip {
    pub(super) x: f64,
    pub(super) y: f64,
    pub(super) lines: Vec<String>,
}

/// What the map's pieces share: its element, size, viewport, marks and transient state.
#[derive(Clone, Copy)]
pub(super) struct MapCtx {
    pub(super) app: AppState,
    pub(super) container: NodeRef<html::Div>,
    pub(super) size: RwSignal<(f64, f64)>,
    /// Whether `size` is the box's own (measured once mounted): the layers placed in
    /// pixels wait for it, so they are computed once at the real size, not first at a
    /// guess.
    pub(super) measured: RwSignal<bool>,
    pub(super) vp: Memo<Viewport>,
    pub(super) marks: Memo<Arc<Marks>>,
    pub(super) tip: RwSignal<Option<Tip>>,
    /// The events of a clicked cluster, listed beside the map.
    pub(super) open_cluster: RwSignal<Option<Vec<u32>>>,
    /// Embedded: "Ctrl + wheel zooms", shown briefly after a plain wheel.
    pub(super) wheel_hint: RwSignal<bool>,
    pub(super) tracker: StoredValue<Tracker<View>>,
}

impl MapCtx {
    /// The context for a map in `container` of `size` pixels: the default frame (the
    /// corpus' own events), the viewport, each event's world position and the marks.
    pub(super) fn new(
        app: AppState,
        container: NodeRef<html::Div>,
        size: RwSignal<(f64, f64)>,
    ) -> Self {
        // Each event's position in world units, once per corpus (from the loading worker
        // when it read the corpus).
        let world_xy = Memo::new(move |_| app.corpus.with(|c| located::world(c)));
        // What the frame a corpus opens on fits (its own events, the distant few left to
        // edge markers), once per corpus from the positions above: a resize only refits.
        let core = Memo::new(move |_| {
            let xy = world_xy.get();
            let (lonlat, world): (Vec<_>, Vec<_>) = app.corpus.with(|c| {
                c.events
                    .iter()
                    .zip(xy.iter())
                    .filter_map(|(e, w)| {
                        let p = e.place.as_ref()?;
                        Some(((p.lon, p.lat), (*w)?))
                    })
                    .unzip()
            });
            core_bounds(&lonlat, &world)
        });
        let default_view = Memo::new(move |_| {
            let (w, h) = size.get();
            Viewport::new(w, h, home()).default_frame_of(core.get())
        });
        let vp = Memo::new(move |_| {
            let (w, h) = size.get();
            Viewport::new(
                w,
                h,
                app.map_view.get().unwrap_or_else(|| default_view.get()),
            )
        });
        // The marks of `events` in the current view.
        let gather = move |events: &mut dyn Iterator<Item = usize>| {
            let vp = vp.get();
            let xy = world_xy.get();
            let (k, dx, dy) = vp.world_affine();
            Arc::new(aggregate(
                events.filter_map(|i| {
                    let (x, y) = (*xy.get(i)?)?;
                    Some((i as u32, x * k + dx, y * k + dy))
                }),
                frame(vp.width, vp.height),
            ))
        };
        // Every event's marks, kept per view apart from the filter's: clearing the filters
        // goes back to them without gathering every event again (a million events: about
        // 20 ms). Worked out only when read, so a view the filter never clears in costs
        // nothing.
        let all_marks = Memo::new(move |_| gather(&mut (0..app.corpus.with(|c| c.len()))));
        let marks = Memo::new(move |_| {
            let n = app.corpus.with(|c| c.len());
            let everything = app.result.with(|r| r.matches.count() == n);
            if everything {
                all_marks.get()
            } else {
                app.result.with(|r| gather(&mut r.matches.iter()))
            }
        });
        MapCtx {
            app,
            container,
            size,
            measured: RwSignal::new(false),
            vp,
            marks,
            tip: RwSignal::new(None),
            open_cluster: RwSignal::new(None),
            wheel_hint: RwSignal::new(false),
            tracker: StoredValue::new(Tracker::default()),
        }
    }

    pub(super) fn use_ctx() -> Self {
        expect_context::<MapCtx>()
    }

    pub(super) fn set_view(&self, v: View) {
        self.app.view.update(|s| s.map = Some(v));
    }

    /// Frames the given events (and, with `keep_centre`, the current centre too).
    pub(super) fn fit(&self, events: impl IntoIterator<Item = u32>, keep_centre: bool) {
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
    pub(super) fn activate(&self, members: Vec<u32>) {
        if let [one] = members.as_slice() {
            self.open_cluster.set(None);
            self.app.select(Some(*one as usize));
        } else {
            self.open_cluster.set(Some(members));
            let wrap = self
                .container
                .get_untracked()
                .and_then(|el| el.parent_element());
            crate::ui::dom::focus_within(wrap, ".cluster-list li button");
        }
    }
}
