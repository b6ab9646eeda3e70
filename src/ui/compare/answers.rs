//! In the event panel: the other answers to the question the selected claim answers.

use crate::core::text::i18n::Key;
use crate::ui::intl;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The other answers to `event`'s question, each a button that opens its event.
#[component]
pub fn OtherAnswers(
    /// The selected event (index into the corpus's events).
    event: usize,
) -> impl IntoView {
    let app = use_app();
    let questions = app.questions.get();
    let q = questions.of(event)?;
    let others = questions.others(event);
    let lang = app.lang.get();
    let code = lang.code();
    Some(app.corpus.with(|c| {
        let question = c.questions.get(q)?.text.get(code).to_string();
        let items = others.into_iter().map(|i| {
            let e = &c.events[i];
            let cl = e.claim.as_ref();
            let answer = cl.and_then(|cl| cl.answer.as_ref()).map_or_else(|| e.title.get(code).to_string(), |a| a.get(code).to_string());
            let who = cl.and_then(|cl| c.actor_index(&cl.claimant)).map(|a| c.actors[a].name.get(code).to_string()).unwrap_or_default();
            view! {
                <li data-event=e.id.clone()>
                    <button type="button" class="link" on:click=move |_| app.select(Some(i))>{answer}</button>
                    " — "{who}" "<span class="muted">{format!("({})", intl::date(lang, &e.date))}</span>
                </li>
            }
        }).collect_view();
        Some(view! {
            <section class="other-answers">
                <h3>{app.tf(Key::OtherAnswers, &[("q", &question)])}</h3>
                <ul>{items}</ul>
            </section>
        })
    }))
}
