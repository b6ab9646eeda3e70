//! The timeline: an adaptive time axis, event marks (partial dates as spans), a density
//! strip that stays readable at any corpus size, brushing a date range, zoom and pan, and
//! a play button that sweeps a window through time. The pieces share [`TimelineCtx`].

mod axis;
mod controls;
mod date_fields;
mod input;
mod marks;
mod play;
mod strip;

use super::state::{use_app, AppState};
use crate::core::input::gesture::Tracker;
use crate::core::text::i18n::Key;
use crate::core::time::layout::{default_frame, pack, Geometry, MarkInput, Packed, MARGIN};
use crate::core::time::time_scale::TimeScale;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

/// The timeline's state when a press starts: the frame then, and whether the press is on
/// the density strip (a drag there brushes a range) or above it (a drag pans).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Press {
    domain: (f64, f64),
    brush: bool,
}

/// What the timeline's pieces share.
#[derive(Clone, Copy)]
pub(super) struct TimelineCtx {
    app: AppState,
    container: NodeRef<html::Div>,
    width: RwSignal<f64>,
    /// The corpus' default frame.
    extent: Memo<(f64, f64)>,
    /// The frame the reader zoomed or panned to (`None`: the default).
    domain: RwSignal<Option<(f64, f64)>>,
    scale: Memo<TimeScale>,
    /// Events in the frame among those matching everything but the time range.
    in_view: Memo<Arc<Vec<usize>>>,
    /// Where each of them is drawn (`None`: too many to draw one by one).
    layout: Memo<Option<Arc<Packed>>>,
    /// The vertical layout: a crowded day adds lanes.
    geometry: Memo<Geometry>,
    /// The range being brushed, in pixels, until the pointer is released.
    brush_live: RwSignal<Option<(f64, f64)>>,
    tracker: StoredValue<Tracker<Press>>,
    playing: RwSignal<bool>,
    timer: StoredValue<Option<IntervalHandle>>,
}

impl TimelineCtx {
    fn use_ctx() -> Self {
        expect_context::<TimelineCtx>()
    }

    fn set_scale(&self, s: TimeScale) {
        self.domain.set(Some(s.domain));
    }

    /// Zooms by `factor` around the middle (the buttons and keys).
    fn zoom(&self, factor: f64) {
        let s = self.scale.get_untracked();
        self.set_scale(s.zoomed(factor, self.width.get_untracked() / 2.0));
    }

    fn set_range(&self, range: Option<(i64, i64)>) {
        self.app.view.update(|v| v.filter.range = range);
    }

    /// Stops playing, if it is.
    fn stop(&self) {
        self.playing.set(false);
        if let Some(h) = self.timer.try_update_value(Option::take).flatten() {
            h.clear();
        }
    }
}

/// The interactive timeline of the filtered events.
#[component]
pub fn Timeline() -> impl IntoView {
    let app = use_app();
    let container = NodeRef::<html::Div>::new();
    let width = RwSignal::new(800.0);
    super::dom::observe_size(container, move |w, _| {
        if w > 0.0 {
            width.set(w);
        }
    });
    let extent = Memo::new(move |_| app.corpus.with(|c| default_frame(c.spans.iter().copied())));
    let domain = RwSignal::new(None::<(f64, f64)>);
    let scale = Memo::new(move |_| {
        TimeScale::new(
            domain.get().unwrap_or_else(|| extent.get()),
            (MARGIN, width.get() - MARGIN),
        )
    });
    let in_view = Memo::new(move |_| {
        let (d0, d1) = scale.with(|s| s.domain);
        app.corpus.with(|c| {
            app.unbrushed.with(|r| {
                let inside = |i: usize| {
                    c.spans
                        .get(i)
                        .is_some_and(|&(a, b)| (b as f64) > d0 && (a as f64) < d1)
                };
                Arc::new(r.matches.iter().filter(|&i| inside(i)).collect::<Vec<_>>())
            })
        })
    });
    let layout = Memo::new(move |_| {
        let s = scale.get();
        let inputs: Vec<MarkInput> = app.corpus.with(|c| {
            app.result.with(|r| {
                in_view.with(|ids| {
                    ids.iter()
                        .filter_map(|&i| {
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
    let ctx = TimelineCtx {
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
    };
    provide_context(ctx);
    // A new corpus starts from its own default frame.
    Effect::new(move |_| {
        app.corpus.track();
        domain.set(None);
    });
    follow_selection(ctx);
    on_cleanup(move || ctx.stop());

    view! {
        <section class="timeline-wrap" aria-label=move || app.t(Key::Timeline)>
            <controls::Controls/>
            <input::TimelineSurface/>
        </section>
    }
}

/// A newly selected event outside the frame is brought into view (the zoom is kept).
fn follow_selection(ctx: TimelineCtx) {
    Effect::new(move |prev: Option<Option<usize>>| {
        let sel = ctx.app.selected.get();
        if let (Some(before), Some(i)) = (prev, sel) {
            if before != sel {
                let (d0, d1) = ctx.scale.with_untracked(|s| s.domain);
                let span = ctx.app.corpus.with_untracked(|c| c.spans.get(i).copied());
                if let Some((a, b)) = span {
                    let mid = (a as f64 + b as f64) / 2.0;
                    if mid < d0 || mid > d1 {
                        let half = (d1 - d0) / 2.0;
                        ctx.domain.set(Some((mid - half, mid + half)));
                    }
                }
            }
        }
        sel
    });
}
