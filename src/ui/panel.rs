//! The event panel: everything known about the selected event and every source for it.

use super::intl::{self, language_name};
use super::state::use_app;
use crate::core::corpus::validate::check_url;
use crate::core::text::i18n::{actor_kind_one, event_type, place_precision, Key};
use leptos::html;
use leptos::prelude::*;

/// Details of the selected event, with previous/next in time.
#[component]
pub fn EventPanel() -> impl IntoView {
    let app = use_app();
    let panel = NodeRef::<html::Aside>::new();
    // What had focus when the panel opened, to return to when it closes.
    let opener = StoredValue::new_local(None::<web_sys::Element>);
    // Bring focus to the panel when a new event is chosen, so readers hear it.
    Effect::new(move |prev: Option<Option<usize>>| {
        let cur = app.selected.get();
        if prev == Some(None) && cur.is_some() {
            opener.set_value(super::dom::active_element());
        }
        if prev.is_some() && cur.is_some() && prev != Some(cur) {
            if let Some(el) = panel.get_untracked() {
                let _ = el.focus();
            }
        }
        cur
    });
    let go = move |forward: bool| {
        if let Some(i) = app.step(forward) {
            app.select(Some(i));
        }
    };
    // Closing hands focus back to what opened the panel (else to the list), never to <body>.
    let close = move || {
        let id = app
            .view
            .with_untracked(|v| v.selected.clone())
            .unwrap_or_default();
        app.select(None);
        // Rows and marks are redrawn on a new selection: their replacement stands in.
        let id = id.replace(['"', '\\'], "");
        super::dom::focus_or(
            opener.get_value(),
            vec![
                format!("#event-list tr[data-event=\"{id}\"] button"),
                format!(".map [data-event=\"{id}\"][tabindex]"),
                "#event-list".into(),
            ],
        );
    };
    let on_key = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "ArrowLeft" | "ArrowUp" => {
            ev.prevent_default();
            go(false);
        }
        "ArrowRight" | "ArrowDown" => {
            ev.prevent_default();
            go(true);
        }
        "Escape" => close(),
        _ => {}
    };
    let body = move || {
        let i = app.selected.get()?;
        let lang = app.lang.get();
        let code = lang.code();
        Some(app.corpus.with(|c| {
            let e = &c.events[i];
            // The heading is in the interface language when the corpus has it, else along the
            // fallback chain (Kazakh: Russian, then English); every other title follows it.
            let heading_lang = e.title.pick(code).map_or("en", |(l, _)| l).to_string();
            let other_titles: Vec<(String, String)> =
                e.title.iter().filter(|(l, _)| *l != heading_lang).map(|(l, t)| (l.to_string(), t.to_string())).collect();
            let summaries: Vec<(String, String)> = e.summary.as_ref().map(|s| {
                let mut v: Vec<(String, String)> = s.iter().map(|(l, t)| (l.to_string(), t.to_string())).collect();
                // The interface language first, then English, then the rest.
                v.sort_by_key(|(l, _)| (l != code, l != "en"));
                v
            }).unwrap_or_default();
            let claim = e.claim.as_ref().map(|cl| {
                let who = c.actor_index(&cl.claimant).map(|a| c.actors[a].name.get(code).to_string()).unwrap_or_else(|| cl.claimant.clone());
                let key = if cl.disputed { Key::DisputedClaimBy } else { Key::UndisputedClaimBy };
                (app.tf(key, &[("who", &who)]), cl.disputed)
            });
            let actors: Vec<(String, &'static str, Option<String>)> = e.actors.iter().filter_map(|r| {
                let a = &c.actors[c.actor_index(&r.id)?];
                Some((a.name.get(code).to_string(), actor_kind_one(lang, a.kind), r.role.as_ref().map(|role| app.tf(Key::Role, &[("role", role.get(code))]))))
            }).collect();
            // Tags in the interface language when the corpus' tag table has them; an id
            // without an entry is shown as written.
            let tags: Vec<(Option<String>, String)> = e.tags.iter().map(|t| c.tag(t, code)).collect();
            let sources = c.event_sources(i).iter().map(|&s| c.sources[s as usize].clone()).collect::<Vec<_>>();
            view! {
                <h2 id="panel-title" lang=heading_lang.clone()>{e.title.get(&heading_lang).to_string()}</h2>
                {other_titles.into_iter().map(|(l, t)| {
                    let (name, in_lang) = language_name(&l, lang);
                    view! { <p class="alt-title" lang=l><span class="tag" lang=in_lang>{name}</span>" "{t}</p> }
                }).collect_view()}
                <dl class="facts">
                    <dt>{app.t(Key::Date)}</dt>
                    <dd class="date">
                        {intl::date(lang, &e.date)}
                        {e.end.map(|d| format!(" {}", app.tf(Key::EndsOn, &[("date", &intl::date(lang, &d))])))}
                    </dd>
                    <dt>{app.t(Key::EventKind)}</dt>
                    <dd class="type">{event_type(lang, e.kind)}{(!tags.is_empty()).then(|| view! {
                        " · "{tags.into_iter().enumerate().map(|(k, (l, t))| view! { {(k > 0).then_some(", ")}<span class="tag-text" lang=l>{t}</span> }).collect_view()}
                    })}</dd>
                    <dt>{app.t(Key::Place)}</dt>
                    <dd class="place">
                        {match &e.place {
                            Some(p) => view! {
                                <span lang=p.name.pick(code).map(|n| n.0.to_string())>{p.name.get(code).to_string()}</span>
                                " "<span class="muted">{format!("({})", app.tf(Key::PlacePrecisionLabel, &[("p", place_precision(lang, p.precision))]))}</span>
                            }.into_any(),
                            None => view! { <span class="muted">{app.t(Key::NoPlace)}</span> }.into_any(),
                        }}
                    </dd>
                </dl>
                {claim.map(|(by, disputed)| view! {
                    <p class="claim" class:disputed=disputed><strong>{by}</strong></p>
                })}
                <super::compare::answers::OtherAnswers event=i/>
                {(!summaries.is_empty()).then(|| view! {
                    <h3>{app.t(Key::Summary)}</h3>
                    {summaries.into_iter().map(|(l, t)| view! { <p class="summary" lang=l>{t}</p> }).collect_view()}
                })}
                {(!actors.is_empty()).then(|| view! {
                    <h3>{app.t(Key::Participants)}</h3>
                    <ul class="actors">
                        {actors.into_iter().map(|(name, kind, role)| view! {
                            <li>{name}" "<span class="muted">{format!("({kind})")}</span>{role.map(|r| view! { " "<span class="muted">{r}</span> })}</li>
                        }).collect_view()}
                    </ul>
                })}
                <h3>{app.t(Key::Sources)}</h3>
                <ul class="sources">
                    {sources.into_iter().map(|s| {
                        let link = s.url.clone().filter(|u| check_url(u).is_ok());
                        view! {
                            <li class="source" data-lang=s.lang.clone()>
                                <div class="outlet">
                                    <strong>{s.outlet.clone()}</strong>" "
                                    {let (name, in_lang) = language_name(&s.lang, lang); view! { <span class="lang-tag" lang=in_lang>{name}</span> }}
                                    {s.published.map(|d| view! { " "<span class="muted">{format!("{}: {}", app.t(Key::Published), intl::date(lang, &d))}</span> })}
                                </div>
                                <q class="original" lang=s.lang.clone()>{s.title.clone()}</q>
                                {s.title_en.clone().map(|t| view! { <div class="translation" lang="en"><span class="muted">{app.t(Key::Translation)}": "</span>{t}</div> })}
                                {match link {
                                    Some(u) => view! { <a href=u target="_blank" rel="noopener noreferrer">{app.tf(Key::OpenSourceBy, &[("outlet", &s.outlet)])}</a> }.into_any(),
                                    None => view! { <span class="muted">{app.t(Key::NoLink)}</span> }.into_any(),
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
        }))
    };
    view! {
        <Show when=move || app.selected.get().is_some()>
            <aside class="panel" node_ref=panel tabindex="-1" aria-labelledby="panel-title" on:keydown=on_key>
                <div class="panel-nav">
                    <button type="button" class="prev" on:click=move |_| go(false) aria-label=move || app.t(Key::Previous) title=move || app.t(Key::Previous)>"←"</button>
                    <button type="button" class="next" on:click=move |_| go(true) aria-label=move || app.t(Key::Next) title=move || app.t(Key::Next)>"→"</button>
                    <span class="muted">{move || app.t(Key::Selected)}</span>
                    <button type="button" class="close" on:click=move |_| close() aria-label=move || app.t(Key::Close) title=move || app.t(Key::Close)>"×"</button>
                </div>
                {body}
            </aside>
        </Show>
    }
}
