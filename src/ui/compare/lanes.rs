//! First reports: one lane per language on a shared time axis, a mark where its sources
//! first reported each event on the current page, so "Chinese media had this two days
//! before Russian media" shows at a glance. The matrix below holds the same facts as text.

use super::lang_names;
use crate::core::text::i18n::Key;
use crate::core::time::calendar::minute_date;
use crate::ui::intl;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Lanes for the page's `rows` (event indices) and language `cols`.
#[component]
pub fn FirstReports(
    /// The events on the matrix's current page.
    rows: Memo<Vec<usize>>,
    /// The language columns (indices into the corpus's languages).
    cols: Memo<Vec<u32>>,
) -> impl IntoView {
    let app = use_app();
    let chart = move || {
        let lang = app.lang.get();
        let code = lang.code();
        let reports = app.reports.get();
        let sel = app.selected.get();
        let rows = rows.get();
        let cols = cols.get();
        let dated: Vec<i64> = rows
            .iter()
            .flat_map(|&i| reports.of(i).iter().filter_map(|r| r.first))
            .collect();
        let (Some(&lo), Some(&hi)) = (dated.iter().min(), dated.iter().max()) else {
            return view! { <p class="muted">{app.t(Key::Undated)}</p> }.into_any();
        };
        // A day of padding each side keeps marks off the lane ends.
        let (lo, hi) = (lo - 1440, hi + 1440);
        let x = move |m: i64| (m - lo) as f64 / (hi - lo) as f64 * 100.0;
        app.corpus.with(|c| {
            let ls: Vec<usize> = cols.iter().map(|&l| l as usize).collect();
            let lanes = cols
                .iter()
                .zip(lang_names(c, &ls, lang))
                .map(|(&l, (name, in_lang))| {
                    let marks = rows
                        .iter()
                        .filter_map(|&i| {
                            let f = reports.get(i, l)?.first?;
                            let first = reports.is_first(i, l);
                            let title = format!("{} — {}", c.events[i].title.get(code), intl::date(lang, &minute_date(f)));
                            Some(view! {
                                <span class="mark" class:first=first class:selected=sel == Some(i) data-i=i
                                    style:left=format!("{:.2}%", x(f)) title=title>{if first { "★" } else { "●" }}</span>
                            })
                        })
                        .collect_view();
                    view! {
                        <div class="lane"><span class="lane-name" lang=in_lang>{name}</span><div class="lane-track">{marks}</div></div>
                    }
                })
                .collect_view();
            view! {
                <div class="lanes" role="img" aria-label=app.t(Key::FirstReportsHint)>
                    {lanes}
                    <div class="lane axis"><span class="lane-name"></span><div class="lane-track">
                        <span class="from">{intl::date(lang, &minute_date(lo + 1440))}</span>
                        <span class="to">{intl::date(lang, &minute_date(hi - 1440))}</span>
                    </div></div>
                </div>
            }
            .into_any()
        })
    };
    view! {
        <figure class="first-reports">
            <figcaption><strong>{move || app.t(Key::FirstReports)}</strong>" "<span class="muted">{move || app.t(Key::FirstReportsHint)}</span></figcaption>
            {chart}
        </figure>
    }
}
