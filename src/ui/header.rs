//! The header: title, search, result count, interface language, and opening a file.

use super::intl;
use super::loader;
use super::state::{use_app, Load};
use crate::core::text::i18n::{Key, Lang};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// The app's header bar.
#[component]
pub fn Header() -> impl IntoView {
    let app = use_app();
    let title = move || {
        let lang = app.lang.get();
        app.corpus.with(|c| {
            let t = c.meta.title.get(lang.code()).to_string();
            if t.is_empty() {
                app.t(Key::AppTitle).to_string()
            } else {
                t
            }
        })
    };
    // The page's title is the corpus' own, so tabs and bookmarks name it.
    Effect::new(move |_| {
        let t = title();
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            d.set_title(&t);
        }
    });
    let count = move || {
        // Until the first corpus is in, there is nothing to count ("0 of 0" would mislead).
        if app.load.get() == Load::Loading {
            return String::new();
        }
        let n = app.result.with(|r| r.count());
        let total = app.corpus.with(|c| c.len());
        app.tn(Key::ResultCount, total, &[("n", n), ("total", total)])
    };
    // What the live region says: the count once it has settled (0.9 s without change), so a
    // screen reader hears one result after typing or playing, not every keystroke or step.
    let announced = RwSignal::new(String::new());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |prev: Option<()>| {
        let text = count();
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        // The first count is on screen as the page loads; only changes are announced.
        if prev.is_some() {
            let h =
                set_timeout_with_handle(move || announced.set(text), Duration::from_millis(900));
            pending.set_value(h.ok());
        }
    });
    // Arrow keys on a closed menu change its value at once; the interface follows on Enter
    // or when focus leaves, so browsing the names does not switch the whole page each time.
    let keyed = StoredValue::new(false);
    let apply = move |value: String| {
        keyed.set_value(false);
        if app.view.with_untracked(|v| v.lang) != Lang::from_code(&value) {
            app.view.update(|v| v.lang = Lang::from_code(&value));
        }
    };
    let on_lang = move |ev: leptos::ev::Event| {
        if !keyed.get_value() {
            apply(event_target_value(&ev));
        }
    };
    let on_lang_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight" | "Home" | "End" | "PageUp"
        | "PageDown" => keyed.set_value(true),
        "Enter" => apply(event_target_value(&ev)),
        _ => {}
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) {
            loader::open_file(app, file);
        }
    };
    view! {
        <header class="top">
            <div class="brand">
                <span class="app-name">{move || app.t(Key::AppTitle)}</span>
                <h1>{title}</h1>
                <super::about::About/>
                {use_context::<loader::CorpusOrigin>().map(|o| view! {
                    <Show when=move || o.0.with(Option::is_some)>
                        <p class="corpus-origin">{move || app.tf(Key::CorpusFrom, &[("host", &o.0.get().unwrap_or_default())])}</p>
                    </Show>
                    <Show when=move || o.1.with(Option::is_some)>
                        <p class="corpus-origin imported">{move || o.1.get()}</p>
                    </Show>
                })}
            </div>
            <div class="search">
                <label for="search-input" class="visually-hidden">{move || app.t(Key::Search)}</label>
                <input
                    id="search-input"
                    type="search"
                    autocomplete="off"
                    placeholder=move || app.t(Key::SearchPlaceholder)
                    prop:value=move || app.view.with(|v| v.filter.text.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        app.view.update(|v| v.filter.text = text);
                    }
                />
            </div>
            <p class="count">{count}</p>
            <p class="visually-hidden" role="status" aria-live="polite">{move || announced.get()}</p>
            <div class="tools">
                <super::compare::CompareToggle/>
                <super::share::ShareButton/>
                <label class="file-open">
                    <span>{move || app.t(Key::OpenFile)}</span>
                    <input type="file" accept=".json,.csv,.tsv,.txt,application/json,text/csv" class="visually-hidden" on:change=on_file/>
                </label>
                <label for="ui-lang" class="visually-hidden">{move || app.t(Key::InterfaceLanguage)}</label>
                <select id="ui-lang" on:change=on_lang on:keydown=on_lang_key
                    on:pointerdown=move |_| keyed.set_value(false)
                    on:blur=move |ev| if keyed.get_value() { apply(event_target_value(&ev)) }>
                    {Lang::ALL.into_iter().map(|l| view! {
                        <option value=l.code() lang=l.code() selected=move || app.lang.get() == l>{intl::language_name(l.code(), l).0}</option>
                    }).collect_view()}
                </select>
            </div>
        </header>
    }
}
