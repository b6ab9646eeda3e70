//! The coverage matrix: matching events (rows, by date) by source language (columns):
//! how many sources each language has, when it first reported, who was first. Paged, so a
//! filter change at any corpus size draws at most one page.

use super::{is_hovered, lang_names, on_row_click, on_row_over};
use crate::core::compare::coverage::{columns, coverage, Rows};
use crate::core::compare::reports::Reports;
use crate::core::text::i18n::{t, tf, Key, Lang};
use crate::core::time::calendar::minute_date;
use crate::ui::intl::{self, number};
use crate::ui::state::use_app;
use leptos::prelude::*;
use std::sync::Arc;

/// Rows per page.
pub const PAGE: usize = 15;

/// One cell: sources in this language, and its first report (first of all, or how late).
/// Text comes from the table directly (no signal read per cell): a page has hundreds.
fn cell(lang: Lang, reports: &Reports, event: usize, col: u32) -> AnyView {
    let Some(r) = reports.get(event, col) else {
        // The dash is drawn by CSS (with empty alternative text), so a screen reader hears
        // only the words; one element less per empty cell.
        return view! { <td class="cov none"><span class="visually-hidden">{t(lang, Key::NotCovered)}</span></td> }.into_any();
    };
    let sources = number(lang, u64::from(r.sources));
    let n = tf(lang, Key::SourceCount, &[("n", &sources)]);
    let first = reports.is_first(event, col);
    let when = match (r.first, reports.earliest(event)) {
        (Some(_), _) if first => format!("★ {}", t(lang, Key::ReportedFirst)),
        (Some(f), Some(e)) => {
            tf(
                lang,
                Key::DaysLater,
                &[("n", &number(lang, ((f - e) / 1440).unsigned_abs()))],
            ) + &format!(" · {}", intl::date(lang, &minute_date(f)))
        }
        _ => t(lang, Key::Undated).to_string(),
    };
    view! {
        <td class="cov yes" class:first=first>
            <span class="visually-hidden">{n}</span>
            <b class="n" aria-hidden="true">{format!("✓ {sources}")}</b>
            <span class="when">{when}</span>
        </td>
    }
    .into_any()
}

/// The matrix with its "all / only some languages" toggle and pager.
#[component]
pub fn Coverage() -> impl IntoView {
    let app = use_app();
    let partial = Memo::new(move |_| app.view.with(|v| v.partial));
    let cols = Memo::new(move |_| {
        app.corpus
            .with(|c| app.view.with(|v| columns(c, &v.filter.languages)))
    });
    let cov = Memo::new(move |_| {
        let rows = if partial.get() {
            Rows::Partial
        } else {
            Rows::All
        };
        let reports = app.reports.get();
        Arc::new(
            app.result
                .with(|r| coverage(&reports, &r.matches, cols.get(), rows)),
        )
    });
    let page = RwSignal::new(0usize);
    // A new matrix starts from its first page, unless the selection is further on.
    Effect::new(move |_| {
        let at = cov.with(|m| {
            let s = app.selected.get_untracked()?;
            m.rows.binary_search(&s).ok()
        });
        // Setting the page it already shows would draw the matrix a second time.
        let next = at.map_or(0, |p| p / PAGE);
        if page.get_untracked() != next {
            page.set(next);
        }
    });
    let total = move || cov.with(|m| m.rows.len());
    let pages = move || total().div_ceil(PAGE).max(1);
    let page_rows = Memo::new(move |_| {
        let p = page.get();
        cov.with(|m| {
            m.rows
                .iter()
                .skip(p * PAGE)
                .take(PAGE)
                .copied()
                .collect::<Vec<usize>>()
        })
    });
    let head = move || {
        let lang = app.lang.get();
        app.corpus.with(|c| {
            let ls: Vec<usize> = cols.get().iter().map(|&l| l as usize).collect();
            lang_names(c, &ls, lang)
                .into_iter()
                .map(|(name, in_lang)| view! { <th scope="col" lang=in_lang>{name}</th> })
                .collect_view()
        })
    };
    let body = move || {
        let lang = app.lang.get();
        let code = lang.code();
        let sel = app.selected.get();
        let reports = app.reports.get();
        let cols = cols.get();
        app.corpus.with(|c| {
            page_rows.get().into_iter().map(|i| {
                let e = &c.events[i];
                let selected = sel == Some(i);
                let cells = cols.iter().map(|&l| cell(lang, &reports, i, l)).collect_view();
                view! {
                    <tr data-i=i data-event=e.id.clone() class:selected=selected class:hovered=move || is_hovered(app, i)>
                        <th scope="row" class="event">
                            <span class="date">{intl::date(lang, &e.date)}</span>" "
                            <button type="button" class="link" aria-pressed=selected.to_string()>{e.title.get(code).to_string()}</button>
                        </th>
                        {cells}
                    </tr>
                }
            }).collect_view()
        })
    };
    let foot = move || {
        let lang = app.lang.get();
        cov.with(|m| {
            m.covered.iter().zip(&m.first).map(|(&n, &f)| view! {
                <td><span class="n">{number(lang, n as u64)}</span><span class="when">{intl::count(lang, Key::FirstCount, f as u64, &[("n", f as u64)], &[])}</span></td>
            }).collect_view()
        })
    };
    let range = move || {
        let n = total();
        let from = (page.get() * PAGE + 1).min(n);
        let to = ((page.get() + 1) * PAGE).min(n);
        app.tn(Key::RowsRange, n, &[("from", from), ("to", to), ("n", n)])
    };
    let set_partial = move |on: bool| app.view.update(|v| v.partial = on);
    view! {
        <section class="coverage" aria-labelledby="coverage-title"
            on:click=move |ev| on_row_click(app, &ev)
            on:pointerover=move |ev| on_row_over(app, &ev)
            on:pointerleave=move |_| app.hovered.set(Vec::new())>
            <h3 id="coverage-title">{move || app.t(Key::Coverage)}</h3>
            <div class="segmented" role="group" aria-label=move || app.t(Key::Coverage)>
                <button type="button" aria-pressed=move || (!partial.get()).to_string() on:click=move |_| set_partial(false)>{move || app.t(Key::CoverageAll)}</button>
                <button type="button" aria-pressed=move || partial.get().to_string() on:click=move |_| set_partial(true)>{move || app.t(Key::CoverageSome)}</button>
            </div>
            <Show when=move || { total() > 0 } fallback=move || view! { <p class="empty">{app.t(Key::NoResults)}</p> }>
                <super::lanes::FirstReports rows=page_rows cols=cols/>
                <div class="table-scroll">
                    <table class="matrix">
                        <caption class="visually-hidden">{move || format!("{} · {}", app.t(Key::Coverage), range())}</caption>
                        <colgroup><col class="event-col"/>{move || cols.with(|c| c.iter().map(|_| view! { <col class="lang-col"/> }).collect_view())}</colgroup>
                        <thead><tr><th scope="col">{move || app.t(Key::Event)}</th>{head}</tr></thead>
                        <tbody>{body}</tbody>
                        <tfoot><tr><th scope="row">{move || app.t(Key::Total)}</th>{foot}</tr></tfoot>
                    </table>
                </div>
                <nav class="pager" aria-label=move || app.t(Key::Coverage)>
                    <button type="button" disabled=move || page.get() == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>{move || format!("← {}", app.t(Key::PrevPage))}</button>
                    <span>{range}</span>
                    <button type="button" disabled=move || { page.get() + 1 >= pages() } on:click=move |_| page.update(|p| *p += 1)>{move || format!("{} →", app.t(Key::NextPage))}</button>
                </nav>
            </Show>
        </section>
    }
}
