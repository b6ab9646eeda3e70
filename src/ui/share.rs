//! The "Share / embed" dialog: a link to the current view, a copy-ready `<iframe>` snippet,
//! an optional host-page script that sizes the frame to the explorer, and downloads
//! (`downloads.rs`). A corpus named by `?corpus=` stays in the link and the snippet.

use super::state::use_app;
use super::url::base_url;
use crate::core::corpus::validate::check_url;
use crate::core::link::embed::{iframe_snippet, resize_script, HEIGHT_MESSAGE, HOST_MESSAGE};
use crate::core::link::view_state::encode;
use crate::core::text::i18n::Key;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What a Copy button last did.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Done(&'static str),
    /// The browser refused (an iframe without `clipboard-write`, a `file://` page): the
    /// text is selected instead, for Ctrl+C.
    Failed(&'static str),
}

/// Copies the field `id`'s text; says "Copied" only once the browser confirms it.
fn copy(id: &'static str, done: RwSignal<Option<Copied>>) {
    let Some(w) = web_sys::window() else { return };
    let field = w.document().and_then(|d| d.get_element_by_id(id));
    let text = field
        .as_ref()
        .and_then(|f| js_sys::Reflect::get(f, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    // `navigator.clipboard` is missing outside secure contexts: look before calling.
    let clipboard = js_sys::Reflect::get(&w.navigator(), &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null());
    let select = move || {
        if let Some(f) = field.and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = f.focus();
            let _ = js_sys::Reflect::get(&f, &"select".into())
                .ok()
                .and_then(|s| s.dyn_into::<js_sys::Function>().ok())
                .map(|s| s.call0(&f));
        }
        done.set(Some(Copied::Failed(id)));
    };
    let Some(clipboard) = clipboard else {
        select();
        return;
    };
    let promise = clipboard
        .unchecked_into::<web_sys::Clipboard>()
        .write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => done.set(Some(Copied::Done(id))),
            Err(_) => select(),
        }
    });
}

thread_local! {
    /// The address of the page the explorer is embedded in, once its host script said it.
    static HOST_URL: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Listens for the host script's answer with the host page's address (from the parent
/// window only, and only an http(s) address).
fn listen_for_host() {
    let handle = window_event_listener(leptos::ev::message, |ev| {
        let parent = web_sys::window().and_then(|w| w.parent().ok().flatten());
        let from_parent = match (ev.source(), parent) {
            (Some(src), Some(p)) => js_sys::Object::is(&src, &p),
            _ => false,
        };
        let data = ev.data();
        let field = |k: &str| {
            js_sys::Reflect::get(&data, &k.into())
                .ok()
                .and_then(|v| v.as_string())
        };
        if from_parent && field("type").as_deref() == Some(HOST_MESSAGE) {
            if let Some(url) = field("url").filter(|u| check_url(u).is_ok()) {
                HOST_URL.with(|h| *h.borrow_mut() = Some(url));
            }
        }
    });
    std::mem::forget(handle);
}

/// The share button and its dialog.
#[component]
pub fn ShareButton() -> impl IntoView {
    let app = use_app();
    let dialog = NodeRef::<html::Dialog>::new();
    let compact = RwSignal::new(true);
    let copied = RwSignal::new(None::<Copied>);
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
        // A corpus titled "Steppe: ..." is not called "Steppe: Steppe: ...".
        let app_title = app.t(Key::AppTitle);
        if t.starts_with(app_title) {
            t
        } else {
            format!("{app_title}: {t}")
        }
    };
    let snippet = move || iframe_snippet(&embed_url(), &title());
    let origin = move || {
        web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default()
    };
    let script = move || resize_script(&origin());
    // From a single file (file://) there is no address to share: say to share the file.
    let from_file = web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "file:");
    let opener = NodeRef::<html::Button>::new();
    let post = RwSignal::new(None::<String>);
    let open = move |_| {
        copied.set(None);
        post.set(HOST_URL.with(|h| h.borrow().clone()));
        if let Some(d) = dialog.get_untracked() {
            // Embedded, the frame may be taller than the reader's screen: open the dialog
            // where the reader is, at the button they pressed, not centred in the frame.
            if app.embed.get_untracked() {
                let top = opener
                    .get_untracked()
                    .map_or(0.0, |b| b.get_bounding_client_rect().top().max(0.0));
                let _ = d.set_attribute("style", &format!("top:{top:.0}px"));
                let _ = d.set_attribute("data-at-opener", "");
            }
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
            if copied.get() == Some(Copied::Done(which)) {
                app.t(Key::Copied)
            } else {
                app.t(Key::Copy)
            }
        }
    };
    let failed = move || {
        matches!(copied.get(), Some(Copied::Failed(_))).then(|| {
            view! { <p class="copy-failed" role="alert">{app.t(Key::CopyFailed)}</p> }
        })
    };
    view! {
        <button type="button" class="share-open" node_ref=opener on:click=open>{move || app.t(Key::Share)}</button>
        <dialog class="share" node_ref=dialog aria-labelledby="share-title">
            <h2 id="share-title">{move || app.t(Key::Share)}</h2>
            {failed}
            {from_file.then(|| view! { <p class="hint file-hint">{move || app.t(Key::ShareTheFile)}</p> })}
            <label for="share-link">{move || app.t(Key::LinkToView)}</label>
            <div class="copy-row">
                <input id="share-link" type="text" readonly prop:value=link/>
                <button type="button" on:click=move |_| copy("share-link", copied)>{copy_label("share-link")}</button>
            </div>
            {move || post.get().map(|u| view! {
                <label for="share-post">{app.t(Key::PostLink)}</label>
                <div class="copy-row">
                    <input id="share-post" type="text" readonly prop:value=u/>
                    <button type="button" on:click=move |_| copy("share-post", copied)>{copy_label("share-post")}</button>
                </div>
            })}
            <label class="switch">
                <input type="checkbox" prop:checked=move || compact.get() on:change=move |ev| compact.set(event_target_checked(&ev))/>
                <span>{move || app.t(Key::CompactLayout)}</span>
            </label>
            <label for="share-embed">{move || app.t(Key::EmbedCode)}</label>
            <div class="copy-row">
                <textarea id="share-embed" readonly rows="4" prop:value=snippet></textarea>
                <button type="button" on:click=move |_| copy("share-embed", copied)>{copy_label("share-embed")}</button>
            </div>
            <label for="share-script">{move || app.t(Key::ResizeScript)}</label>
            <div class="copy-row">
                <textarea id="share-script" readonly rows="5" prop:value=script></textarea>
                <button type="button" on:click=move |_| copy("share-script", copied)>{copy_label("share-script")}</button>
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
        listen_for_host();
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
