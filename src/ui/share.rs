//! The "Share / embed" dialog: a link to the current view, a copy-ready `<iframe>` snippet,
//! an optional host-page script that sizes the frame to the explorer, and downloads
//! (`downloads.rs`). A corpus named by `?corpus=` stays in the link and the snippet.

use super::state::use_app;
use super::url::base_url;
use crate::core::link::embed::{iframe_snippet, resize_script, HEIGHT_MESSAGE};
use crate::core::link::view_state::encode;
use crate::core::text::i18n::Key;
use leptos::html;
use leptos::prelude::*;

fn copy(text: String, done: RwSignal<Option<&'static str>>, which: &'static str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(&text);
        done.set(Some(which));
    }
}

/// The share button and its dialog.
#[component]
pub fn ShareButton() -> impl IntoView {
    let app = use_app();
    let dialog = NodeRef::<html::Dialog>::new();
    let compact = RwSignal::new(true);
    let copied = RwSignal::new(None::<&'static str>);
    let link = move || format!("{}#{}", base_url(), app.view.with(encode));
    let embed_url = move || {
        let mut v = app.view.get();
        v.embed = compact.get();
        format!("{}#{}", base_url(), encode(&v))
    };
    let title = move || {
        let lang = app.lang.get();
        let t = app
            .corpus
            .with(|c| c.meta.title.get(lang.code()).to_string());
        format!("{}: {t}", app.t(Key::AppTitle))
    };
    let snippet = move || iframe_snippet(&embed_url(), &title());
    let origin = move || {
        web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default()
    };
    let script = move || resize_script(&origin());
    let open = move |_| {
        copied.set(None);
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let copy_label = move |which: &'static str| {
        move || {
            if copied.get() == Some(which) {
                app.t(Key::Copied)
            } else {
                app.t(Key::Copy)
            }
        }
    };
    view! {
        <button type="button" class="share-open" on:click=open>{move || app.t(Key::Share)}</button>
        <dialog class="share" node_ref=dialog aria-labelledby="share-title">
            <h2 id="share-title">{move || app.t(Key::Share)}</h2>
            <label for="share-link">{move || app.t(Key::LinkToView)}</label>
            <div class="copy-row">
                <input id="share-link" type="text" readonly prop:value=link/>
                <button type="button" on:click=move |_| copy(link(), copied, "link")>{copy_label("link")}</button>
            </div>
            <label class="switch">
                <input type="checkbox" prop:checked=move || compact.get() on:change=move |ev| compact.set(event_target_checked(&ev))/>
                <span>{move || app.t(Key::CompactLayout)}</span>
            </label>
            <label for="share-embed">{move || app.t(Key::EmbedCode)}</label>
            <div class="copy-row">
                <textarea id="share-embed" readonly rows="4" prop:value=snippet></textarea>
                <button type="button" on:click=move |_| copy(snippet(), copied, "embed")>{copy_label("embed")}</button>
            </div>
            <label for="share-script">{move || app.t(Key::ResizeScript)}</label>
            <div class="copy-row">
                <textarea id="share-script" readonly rows="5" prop:value=script></textarea>
                <button type="button" on:click=move |_| copy(script(), copied, "script")>{copy_label("script")}</button>
            </div>
            <p class="hint">{move || app.t(Key::IframesStripped)}</p>
            <super::downloads::Downloads/>
            <button type="button" class="close-dialog" on:click=close>{move || app.t(Key::Close)}</button>
        </dialog>
    }
}

/// In embed mode, tells the host page the explorer's height whenever it changes.
pub fn post_height_when_embedded() {
    let app = use_app();
    let embed = Memo::new(move |_| app.view.with(|v| v.embed));
    Effect::new(move |_| {
        if !embed.get() {
            return;
        }
        let Some(win) = web_sys::window() else { return };
        let Some(body) = win.document().and_then(|d| d.body()) else {
            return;
        };
        let send = move || {
            let Some(win) = web_sys::window() else { return };
            let Ok(Some(parent)) = win.parent() else {
                return;
            };
            // The content's own height (not the viewport's), so the frame can shrink again.
            let h = win
                .document()
                .and_then(|d| d.body())
                .map_or(0.0, |b| b.get_bounding_client_rect().height().ceil());
            let msg = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&msg, &"type".into(), &HEIGHT_MESSAGE.into());
            let _ = js_sys::Reflect::set(&msg, &"height".into(), &h.into());
            // The height is not private, so any host may read it; the host script checks our origin.
            let _ = parent.post_message(&msg, "*");
        };
        send();
        super::dom::observe_element(body.into(), move |_, _| send());
    });
}
