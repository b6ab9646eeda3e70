//! Loading status, the corpus' diagnostics, and quiet notices about a link.

use super::state::{use_app, Load};
use crate::core::corpus::diagnostic::Severity;
use crate::core::text::i18n::Key;
use leptos::prelude::*;

/// Most diagnostics listed at once; the rest are counted.
const MAX_SHOWN: usize = 100;

/// "Loading…" or, when nothing could be loaded, why.
#[component]
pub fn LoadStatus() -> impl IntoView {
    let app = use_app();
    move || {
        match app.load.get() {
        Load::Loading => view! { <p class="status" role="status">{app.t(Key::Loading)}</p> }.into_any(),
        Load::Failed(msg) => view! {
            <div class="status error" role="alert"><h2>{app.t(Key::CorpusBroken)}</h2><p>{msg}</p></div>
        }
        .into_any(),
        Load::Ready => ().into_any(),
    }
    }
}

/// The validator's diagnostics for the loaded corpus, each with its location.
#[component]
pub fn Diagnostics() -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(true);
    let shown = move || !app.diagnostics.with(Vec::is_empty) && open.get();
    view! {
        <Show when=shown>
            <section class="diagnostics" role="alert" aria-labelledby="diag-title">
                <h2 id="diag-title">{move || app.t(Key::CorpusWarnings)}</h2>
                {move || {
                    let d = app.corpus.with(|c| c.dropped);
                    let n = d.events + d.actors + d.sources;
                    (n > 0).then(|| view! { <p>{app.tf(Key::RecordsLeftOut, &[("n", &n.to_string())])}</p> })
                }}
                <ul>
                    {move || app.diagnostics.with(|ds| {
                        ds.iter().take(MAX_SHOWN).map(|d| {
                            let (sev, sev_text) = if d.severity == Severity::Error { ("error", app.t(Key::SeverityError)) } else { ("warning", app.t(Key::SeverityWarning)) };
                            view! {
                                <li class=sev>
                                    <code>{format!("{}:{}", d.line, d.column)}</code>" "
                                    <strong>{sev_text}</strong>" "
                                    <code>{d.path.clone()}</code>" "
                                    <span>{d.message.clone()}</span>
                                </li>
                            }
                        }).collect_view()
                    })}
                </ul>
                {move || {
                    let n = app.diagnostics.with(Vec::len);
                    (n > MAX_SHOWN).then(|| view! { <p>{format!("… +{}", n - MAX_SHOWN)}</p> })
                }}
                <button type="button" on:click=move |_| open.set(false)>{move || app.t(Key::Dismiss)}</button>
            </section>
        </Show>
    }
}

/// Parts of a link that were dropped, said once, quietly.
#[component]
pub fn Notices() -> impl IntoView {
    let app = use_app();
    view! {
        <Show when=move || !app.notices.with(Vec::is_empty)>
            <div class="notice" role="status">
                <span>{move || app.tf(Key::StaleLink, &[("what", &app.notices.get().join(", "))])}</span>
                <button type="button" on:click=move |_| app.notices.set(Vec::new())>{move || app.t(Key::Dismiss)}</button>
            </div>
        </Show>
    }
}
