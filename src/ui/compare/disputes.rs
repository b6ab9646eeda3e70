//! Disputes: each question with its answers side by side (figure, claimant, date,
//! languages, outlets with original headline and translation, status).

use super::{is_hovered, lang_names, on_row_click, on_row_over};
use crate::core::text::i18n::Key;
use crate::ui::intl;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Questions per page.
const PAGE: usize = 6;
/// Most answers drawn per question, the first by date; a note says how many more there are
/// (the event list has them all).
const MAX_ANSWERS: usize = 8;

/// The questions with an answer among the matching events, by date of first answer.
#[component]
pub fn Disputes() -> impl IntoView {
    let app = use_app();
    let list = Memo::new(move |_| {
        app.result
            .with(|r| app.questions.with(|q| q.disputes(&r.matches)))
    });
    let page = RwSignal::new(0usize);
    Effect::new(move |_| {
        list.track();
        // Setting the page it already shows would draw the tables a second time.
        if page.get_untracked() != 0 {
            page.set(0);
        }
    });
    let pages = move || list.with(|l| l.len().div_ceil(PAGE).max(1));
    // The page's questions with the answers drawn (the first by date, at most
    // MAX_ANSWERS) and how many are left out. A memo on the questions alone, so a filter
    // change that keeps the same questions redraws nothing.
    let shown = Memo::new(move |_| {
        let p = page.get();
        list.with(|ds| {
            ds.iter()
                .skip(p * PAGE)
                .take(PAGE)
                .map(|d| {
                    let answers: Vec<usize> = d.answers.iter().copied().take(MAX_ANSWERS).collect();
                    let more = d.answers.len() - answers.len();
                    (d.question, answers, more)
                })
                .collect::<Vec<_>>()
        })
    });
    let tables = move || {
        let lang = app.lang.get();
        let code = lang.code();
        let sel = app.selected.get();
        app.corpus.with(|c| {
            shown.with(|ds| {
                ds.iter()
                    .map(|(question, answers, more)| {
                        let q = &c.questions[*question];
                        let unit = q.unit.as_ref().map(|u| {
                            let text = app.tf(Key::UnitLabel, &[("unit", u.get(code))]);
                            view! { " "<span class="muted">{format!("({text})")}</span> }
                        });
                        let more = (*more > 0).then(|| {
                            view! { <p class="muted more">{app.tn(Key::MoreAnswers, *more, &[("n", *more)])}</p> }
                        });
                        let rows = answers.iter().map(|&i| {
                            let e = &c.events[i];
                            let claim = e.claim.as_ref();
                            let answer = claim
                                .and_then(|cl| cl.answer.as_ref())
                                .map_or_else(|| e.title.get(code).to_string(), |a| a.get(code).to_string());
                            let who = claim
                                .and_then(|cl| c.actor_index(&cl.claimant))
                                .map(|a| c.actors[a].name.get(code).to_string())
                                .unwrap_or_default();
                            let disputed = claim.is_some_and(|cl| cl.disputed);
                            let langs = lang_names(c, &c.event_languages(i), lang).into_iter().enumerate().map(|(k, (name, in_lang))| {
                                view! { {(k > 0).then_some(", ")}<span lang=in_lang>{name}</span> }
                            }).collect_view();
                            let outlets = c.event_sources(i).iter().map(|&s| {
                                let s = &c.sources[s as usize];
                                view! {
                                    <li>
                                        <strong>{s.outlet.clone()}</strong>" "
                                        <q lang=s.lang.clone()>{s.title.clone()}</q>
                                        {s.title_en.clone().map(|t| view! { " "<span class="translation" lang="en">{format!("({t})")}</span> })}
                                    </li>
                                }
                            }).collect_view();
                            let selected = sel == Some(i);
                            view! {
                                <tr data-i=i data-event=e.id.clone() class:selected=selected class:hovered=move || is_hovered(app, i)>
                                    <th scope="row" class="answer">
                                        <button type="button" class="link" aria-pressed=selected.to_string()>{answer}</button>
                                    </th>
                                    <td class="claimant">{who}</td>
                                    <td class="date">{intl::date(lang, &e.date)}</td>
                                    <td class="langs">{langs}</td>
                                    <td class="outlets"><ul>{outlets}</ul></td>
                                    <td class="status"><span class="tag" class:disputed=disputed>
                                        {app.t(if disputed { Key::Disputed } else { Key::Undisputed })}
                                    </span></td>
                                </tr>
                            }
                        }).collect_view();
                        // The question is a heading outside the scrolling box, so a narrow
                        // screen shows it whole; it names the table for screen readers.
                        let heading = format!("question-{}", q.id);
                        view! {
                            <h4 class="question" id=heading.clone()><span lang=if q.text.exact(code).is_some() { code } else { "en" }>{q.text.get(code).to_string()}</span>{unit}</h4>
                            <div class="table-scroll">
                                <table class="dispute" data-question=q.id.clone() aria-labelledby=heading>
                                    <thead><tr>
                                        <th scope="col">{app.t(Key::Answer)}</th>
                                        <th scope="col">{app.t(Key::Claimant)}</th>
                                        <th scope="col">{app.t(Key::Date)}</th>
                                        <th scope="col">{app.t(Key::Languages)}</th>
                                        <th scope="col">{app.t(Key::Outlets)}</th>
                                        <th scope="col">{app.t(Key::Status)}</th>
                                    </tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                            {more}
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <section class="disputes" aria-labelledby="disputes-title"
            on:click=move |ev| on_row_click(app, &ev)
            on:pointerover=move |ev| on_row_over(app, &ev)
            on:pointerleave=move |_| app.hovered.set(Vec::new())>
            <h3 id="disputes-title">{move || app.t(Key::Disputes)}</h3>
            <Show when=move || list.with(|l| !l.is_empty()) fallback=move || view! { <p class="empty">{app.t(Key::NoDisputes)}</p> }>
                {tables}
                <Show when=move || { pages() > 1 }>
                    <nav class="pager" aria-label=move || app.t(Key::Disputes)>
                        <button type="button" disabled=move || page.get() == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>{move || format!("← {}", app.t(Key::PrevPage))}</button>
                        <span>{move || { let lang = app.lang.get(); format!("{} / {}", intl::number(lang, page.get() as u64 + 1), intl::number(lang, pages() as u64)) }}</span>
                        <button type="button" disabled=move || { page.get() + 1 >= pages() } on:click=move |_| page.update(|p| *p += 1)>{move || format!("{} →", app.t(Key::NextPage))}</button>
                    </nav>
                </Show>
            </Show>
        </section>
    }
}
