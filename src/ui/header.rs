//! The header: title, search, result count, interface language, and opening a file.

use super::loader;
use super::state::use_app;
use crate::core::text::i18n::{endonym, Key, Lang};
use leptos::prelude::*;
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
    let count = move || {
        let n = app.result.with(|r| r.count());
        let total = app.corpus.with(|c| c.len());
        app.tf(
            Key::ResultCount,
            &[("n", &n.to_string()), ("total", &total.to_string())],
        )
    };
    let on_lang = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        app.view.update(|v| v.lang = Lang::from_code(&value));
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
            <p class="count" role="status" aria-live="polite">{count}</p>
            <div class="tools">
                <super::compare::CompareToggle/>
                <super::share::ShareButton/>
                <label class="file-open">
                    <span>{move || app.t(Key::OpenFile)}</span>
                    <input type="file" accept=".json,.csv,.tsv,.txt,application/json,text/csv" class="visually-hidden" on:change=on_file/>
                </label>
                <label for="ui-lang" class="visually-hidden">{move || app.t(Key::InterfaceLanguage)}</label>
                <select id="ui-lang" on:change=on_lang>
                    {Lang::ALL.into_iter().map(|l| view! {
                        <option value=l.code() selected=move || app.lang.get() == l>{endonym(l.code()).unwrap_or(l.code())}</option>
                    }).collect_view()}
                </select>
            </div>
        </header>
    }
}
