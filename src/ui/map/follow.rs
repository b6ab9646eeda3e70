//! The map follows the selection: an event chosen elsewhere outside the frame is brought
//! into view, and closing the panel returns to the reader's frame.

use super::MapCtx;
use crate::core::geo::viewport::MapView as View;
use leptos::prelude::*;

/// A newly selected event outside the frame is brought into view (the zoom is kept); when
/// the panel closes, the map returns to the frame the reader had, unless they moved it since.
pub(super) fn follow_selection(ctx: MapCtx) {
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
