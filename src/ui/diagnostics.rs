//! Loading status, the corpus' diagnostics, quiet notices about a link, and what the page
//! shows if the app ever stops on a panic.

use super::state::{use_app, Load};
use crate::core::corpus::diagnostic::{Diagnostic, Severity};
use crate::core::text::i18n::{t, Key, Lang};
use leptos::prelude::*;
use std::cell::RefCell;

/// Most diagnostics repeated in the crash notice.
const CRASH_SHOWN: usize = 20;

thread_local! {
    /// The latest diagnostics: a panic stops the reactive system, so the crash notice
    /// cannot ask it.
    static LATEST: RefCell<Vec<Diagnostic>> = const { RefCell::new(Vec::new()) };
}

/// Keeps the first diagnostics of the latest file for [`show_crash`].
pub fn remember(diagnostics: &[Diagnostic]) {
    let lines = diagnostics.iter().take(CRASH_SHOWN).cloned().collect();
    LATEST.with(|l| {
        if let Ok(mut l) = l.try_borrow_mut() {
            *l = lines;
        }
    });
}

/// Called by the panic hook: puts "Something went wrong" at the top of the page as it
/// stands (the corpus last shown stays below it), with the diagnostics gathered so far and a
/// reload link. Plain DOM calls only: after a panic the app's own code no longer runs.
pub fn show_crash() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.get_element_by_id("crash").is_some() {
        return;
    }
    let lang = doc
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default();
    let el = |tag: &str, text: &str| {
        let e = doc.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        Some(e)
    };
    let Some(notice) = el("div", "") else { return };
    notice.set_id("crash");
    notice.set_class_name("status error crash");
    let _ = notice.set_attribute("role", "alert");
    let mut children: Vec<web_sys::Element> = Vec::new();
    children.extend(el("h2", t(lang, Key::Crashed)));
    children.extend(el("p", t(lang, Key::CrashedHint)));
    let latest = LATEST.with(|l| l.try_borrow().map(|l| l.clone()).unwrap_or_default());
    if !latest.is_empty() {
        if let Some(list) = el("ul", "") {
            for d in &latest {
                let line = format!(
                    "{}:{} {}: {} {}",
                    d.line,
                    d.column,
                    t(lang, severity_key(d.severity)),
                    d.path,
                    d.message.text(lang)
                );
                if let Some(item) = el("li", &line) {
                    let _ = list.append_child(&item);
                }
            }
            children.push(list);
        }
    }
    if let Some(reload) = el("a", t(lang, Key::Reload)) {
        let here = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let _ = reload.set_attribute("href", &here);
        children.push(reload);
    }
    for c in &children {
        let _ = notice.append_child(c);
    }
    if let Some(body) = doc.body() {
        let _ = body.insert_before(&notice, body.first_child().as_ref());
    }
}

/// The word for a severity in the interface table.
fn severity_key(s: Severity) -> Key {
    match s {
        Severity::Error => Key::SeverityError,
        Severity::Warning => Key::SeverityWarning,
    }
}

/// Most diagnostics listed at once; the rest are counted.
const MAX_SHOWN: usize = 100;

/// "Loading…" (unless the progress bar says more) or, when nothing could be loaded, why.
#[component]
pub fn LoadStatus() -> impl IntoView {
    let app = use_app();
    move || {
        match app.load.get() {
            // While a large corpus loads, the progress bar says more than "Loading…".
            Load::Loading if app.progress.with(Option::is_some) => ().into_any(),
            Load::Loading => {
                view! { <p class="status" role="status">{app.t(Key::Loading)}</p> }.into_any()
            }
            // Without a message of its own (a corpus with errors), the diagnostics say why.
            Load::Failed(msg) => view! {
                <div class="status error" role="alert">
                    <h2>{app.t(Key::CorpusBroken)}</h2>
                    {(!msg.is_empty()).then(|| view! { <p>{msg}</p> })}
                </div>
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
                    (n > 0).then(|| view! { <p>{app.tn(Key::RecordsLeftOut, n, &[("n", n)])}</p> })
                }}
                <ul>
                    {move || app.diagnostics.with(|ds| {
                        ds.iter().take(MAX_SHOWN).map(|d| {
                            let sev = if d.severity == Severity::Error { "error" } else { "warning" };
                            let sev_text = app.t(severity_key(d.severity));
                            view! {
                                <li class=sev>
                                    <code>{format!("{}:{}", d.line, d.column)}</code>" "
                                    <strong>{sev_text}</strong>" "
                                    <code>{d.path.clone()}</code>" "
                                    <span>{d.message.text(app.lang.get())}</span>
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
