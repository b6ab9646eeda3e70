//! What the timeline's pieces share: its element, width, frame and scale, the events in
//! view and their layout, and the state of a press, a brush and playing.

use crate::core::input::gesture::Tracker;
use crate::core::query::bitset::Bitset;
use crate::core::time::layout::{
    default_frame, pack, Geometry, MarkInput, Packed, MARGIN, MAX_MARKS,
};
use crate::core::time::time_scale::TimeScale;
use crate::ui::state::AppState;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

/// The timeline's state when a press starts: the frame then, and whether the press is on
/// the density strip (a drag there brushes a range) or above it (a drag pans).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Press {
    pub(super) domain: (f64, f64),
    pub(super) brush: bool,
}

/// What the timeline's pieces share.
#[derive(Clone, Copy)]
pub(super) struct TimelineCtx {
    pub(super) app: AppState,
    pub(super) container: NodeRef<html::Div>,
    pub(super) width: RwSignal<f64>,
    /// The corpus' default frame.
    pub(super) extent: Memo<(f64, f64)>,
    /// The frame the reader zoomed or panned to (`None`: the default).
    pub(super) domain: RwSignal<Option<(f64, f64)>>,
    pub(super) scale: Memo<TimeScale>,
    /// Events in the frame among those matching everything but the time range.
    pub(super) in_view: Memo<Arc<Bitset>>,
    /// Where each of them is drawn (`None`: too many to draw one by one).
    pub(super) layout: Memo<Option<Arc<Packed>>>,
    /// The vertical layout: a crowded day adds lanes.
    pub(super) geometry: Memo<Geometry>,
    /// The range being brushed, in pixels, until the pointer is released.
    pub(super) brush_live: RwSignal<Option<(f64, f64)>>,
    pub(super) tracker: StoredValue<Tracker<Press>>,
    pub(super) playing: RwSignal<bool>,
    pub(super) timer: StoredValue<Option<IntervalHandle>>,
}

impl TimelineCtx {
    /// The context for a timeline in `container`, `width` px wide: the corpus' default
    /// frame, the scale, the events in view and where their marks go.
    pub(super) fn new(app: AppState, container: NodeRef<html::Div>, width: RwSignal<f64>) -> Self {
        let extent =
            Memo::new(move |_| app.corpus.with(|c| default_frame(c.spans.iter().copied())));
        let domain = RwSignal::new(None::<(f64, f64)>);
        let scale = Memo::new(move |_| {
            TimeScale::new(
                domain.get().unwrap_or_else(|| extent.get()),
                (MARGIN, width.get() - MARGIN),
            )
        });
        // Events whose span meets the frame, once per frame: a filter change then takes
        // the matching ones among them a word at a time, without walking the spans.
        let in_frame = Memo::new(move |_| {
            let (d0, d1) = scale.with(|s| s.domain);
            app.corpus.with(|c| {
                let mut set = Bitset::empty(c.len());
                for (i, &(a, b)) in c.spans.iter().enumerate() {
                    if (b as f64) > d0 && (a as f64) < d1 {
                        set.insert(i);
                    }
                }
                Arc::new(set)
            })
        });
        let in_view = Memo::new(move |_| {
            let mut set = app.unbrushed.with(|r| r.matches.clone());
            in_frame.with(|f| set.and_with(f));
            Arc::new(set)
        });
        let layout = Memo::new(move |_| {
            // Too many to draw one by one: say so without building an input per event.
            if in_view.with(|ids| ids.count() > MAX_MARKS) {
                return None;
            }
            let s = scale.get();
            let inputs: Vec<MarkInput> = app.corpus.with(|c| {
                app.result.with(|r| {
                    in_view.with(|ids| {
                        ids.iter()
                            .filter_map(|i| {
                                let (e, &(start, end)) = (c.events.get(i)?, c.spans.get(i)?);
                                Some(MarkInput {
                                    event: i,
                                    start,
                                    end,
                                    precision: e.date.precision(),
                                    ranged: e.end.is_some(),
                                    matched: r.matches.contains(i),
                                })
                            })
                            .collect()
                    })
                })
            });
            pack(&s, &inputs).map(Arc::new)
        });
        TimelineCtx {
            app,
            container,
            width,
            extent,
            domain,
            scale,
            in_view,
            layout,
            geometry: Memo::new(move |_| {
                layout.with(|l| l.as_ref().map_or_else(Geometry::default, |p| p.geometry))
            }),
            brush_live: RwSignal::new(None),
            tracker: StoredValue::new(Tracker::default()),
            playing: RwSignal::new(false),
            timer: StoredValue::new(None),
        }
    }

    pub(super) fn use_ctx() -> Self {
        expect_context::<TimelineCtx>()
    }

    pub(super) fn set_scale(&self, s: TimeScale) {
        self.domain.set(Some(s.domain));
    }

    /// Zooms by `factor` around the middle (the buttons and keys).
    pub(super) fn zoom(&self, factor: f64) {
        let s = self.scale.get_untracked();
        self.set_scale(s.zoomed(factor, self.width.get_untracked() / 2.0));
    }

    pub(super) fn set_range(&self, range: Option<(i64, i64)>) {
        self.app.view.update(|v| v.filter.range = range);
    }

    /// Stops playing, if it is.
    pub(super) fn stop(&self) {
        self.playing.set(false);
        if let Some(h) = self.timer.try_update_value(Option::take).flatten() {
            h.clear();
        }
    }
}
