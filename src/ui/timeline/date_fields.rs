//! The range as two date fields: the keyboard's way to brush, and exact to the day.

use super::TimelineCtx;
use crate::core::text::i18n::Key;
use crate::core::time::calendar::day_of_minute;
use crate::core::time::date::PartialDate;
use leptos::prelude::*;

/// "From" and "To" date inputs bound to the brushed range.
#[component]
pub(super) fn DateFields() -> impl IntoView {
    let ctx = TimelineCtx::use_ctx();
    let app = ctx.app;
    let value = move |end: bool| {
        app.range.get().map_or(String::new(), |(a, b)| {
            day_of_minute(if end { b - 1 } else { a }).to_iso()
        })
    };
    let set = move |end: bool, text: String| {
        let (e0, e1) = ctx.extent.get_untracked();
        let cur = app.range.get_untracked().unwrap_or((e0 as i64, e1 as i64));
        let range = match PartialDate::parse(&text) {
            Ok(d) if end => (cur.0, d.end_minute()),
            Ok(d) => (d.start_minute(), cur.1),
            // A cleared field clears the range.
            Err(_) => {
                ctx.set_range(None);
                return;
            }
        };
        if range.1 > range.0 {
            ctx.set_range(Some(range));
        }
    };
    view! {
        <span class="dates">
            <label>{move || app.t(Key::From)}" "<input type="date" class="from" prop:value=move || value(false)
                on:change=move |ev| set(false, event_target_value(&ev))/></label>
            <label>{move || app.t(Key::To)}" "<input type="date" class="to" prop:value=move || value(true)
                on:change=move |ev| set(true, event_target_value(&ev))/></label>
        </span>
    }
}
