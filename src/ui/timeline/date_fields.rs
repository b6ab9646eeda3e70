//! The range as two date fields: the keyboard's way to brush, and exact to the day.

use super::TimelineCtx;
use crate::core::text::i18n::Key;
use crate::core::time::calendar::day_of_minute;
use crate::core::time::range::{edit, Edit, End};
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
        let field = if end { End::To } else { End::From };
        match edit(
            app.range.get_untracked(),
            ctx.extent.get_untracked(),
            field,
            &text,
        ) {
            Edit::Set(range) => ctx.set_range(Some(range)),
            Edit::Clear => ctx.set_range(None),
            Edit::Keep => {}
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
