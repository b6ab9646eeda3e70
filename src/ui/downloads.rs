//! Downloads in the share dialog: the events shown in four formats, the whole corpus, and
//! the explorer itself as one HTML file made in the browser from the app's own files.

use super::state::{use_app, AppState};
use crate::core::interchange::export::{subset, write, ExportFormat};
use crate::core::interchange::single_file::{assemble, Parts, WorkerCode};
use crate::core::interchange::slug_of;
use crate::core::text::i18n::Key;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Offers `bytes` as a file named `name`: a temporary object URL and a click on a link.
fn save(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|_| "Blob".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "URL".to_string())?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("document")?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(|_| "a")?
        .dyn_into()
        .map_err(|_| "a")?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The click has queued the download; the URL is not needed after this task.
    let revoke = url.clone();
    leptos::task::spawn_local(async move {
        let _ = web_sys::Url::revoke_object_url(&revoke);
    });
    Ok(())
}

/// The `href` of the first element matching `selector` in this page.
fn href(selector: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector(selector)
        .ok()??
        .get_attribute("href")
}

async fn fetch_text(app: AppState, url: &str) -> Result<String, String> {
    let bytes = super::loader::own_file(app, url).await?;
    String::from_utf8(bytes).map_err(|_| format!("{url}: not UTF-8"))
}

/// The single-file explorer with `corpus` inlined, from the files this page was built from
/// (the service worker has them, so this works offline after one visit).
async fn explorer(app: AppState, corpus: String) -> Result<String, String> {
    let missing = || "this page is not the built bundle".to_string();
    let css = href("link[rel=stylesheet]").ok_or_else(missing)?;
    let glue = href("link[rel=modulepreload]").ok_or_else(missing)?;
    let wasm = href("link[rel=preload][href$='.wasm']").ok_or_else(missing)?;
    let html = fetch_text(app, "index.html").await?;
    let css = fetch_text(app, &css).await?;
    let glue = fetch_text(app, &glue).await?;
    let wasm = super::loader::own_file(app, &wasm).await?;
    // The loading worker's code, named beside its starter, so the file made here reads a
    // large corpus off the main thread as the page does.
    let worker_file = |attr: &str| {
        web_sys::window()?
            .document()?
            .query_selector("meta[name=steppe-worker]")
            .ok()??
            .get_attribute(attr)
    };
    let worker_files = match (worker_file("data-glue"), worker_file("data-wasm")) {
        (Some(g), Some(w)) => Some((
            fetch_text(app, &g).await?,
            super::loader::own_file(app, &w).await?,
        )),
        _ => None,
    };
    let worker = worker_files
        .as_ref()
        .map(|(glue, wasm)| WorkerCode { glue, wasm });
    assemble(Parts {
        html: &html,
        css: &css,
        glue: &glue,
        wasm: &wasm,
        corpus: &corpus,
        worker,
    })
}

/// The download buttons: the filtered view as CSV, GeoJSON, Steppe JSON or TimelineJS, the
/// whole corpus, and (outside the single file, which has no separate files to read) the
/// explorer as one HTML file.
#[component]
pub fn Downloads() -> impl IntoView {
    let app = use_app();
    let failed = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let stem = move || {
        app.corpus
            .with_untracked(|c| slug_of(c.meta.title.get("en"), "steppe"))
    };
    let report = move |r: Result<(), String>| {
        failed.set(
            r.err()
                .map(|e| app.tf(Key::DownloadFailed, &[("error", &e)])),
        );
    };
    let export = move |format: ExportFormat| {
        let file = app
            .corpus
            .with_untracked(|c| app.result.with_untracked(|r| subset(c, Some(&r.matches))));
        let (ext, mime) = format.file();
        report(save(
            &format!("{}.{ext}", stem()),
            mime,
            &write(&file, format),
        ));
    };
    let corpus_json = move || {
        app.corpus
            .with_untracked(|c| write(&subset(c, None), ExportFormat::Steppe))
    };
    let download_corpus = move |_| {
        report(save(
            &format!("{}.corpus.json", stem()),
            "application/json",
            &corpus_json(),
        ))
    };
    let download_explorer = move |_| {
        busy.set(true);
        let corpus = corpus_json();
        let name = format!("{}.html", stem());
        leptos::task::spawn_local(async move {
            let r = explorer(app, corpus).await;
            busy.set(false);
            report(r.and_then(|html| save(&name, "text/html", &html)));
        });
    };
    let label = move |f: ExportFormat| match f {
        ExportFormat::Csv => Key::ExportCsv,
        ExportFormat::GeoJson => Key::ExportGeoJson,
        ExportFormat::Steppe => Key::ExportSteppe,
        ExportFormat::TimelineJs => Key::ExportTimelineJs,
    };
    let single = super::loader::is_single_file();
    view! {
        <section class="downloads" aria-labelledby="export-title">
            <h3 id="export-title">{move || app.tf(Key::ExportHeading, &[("n", &app.result.with(|r| r.count()).to_string())])}</h3>
            <div class="button-row">
                {ExportFormat::ALL.into_iter().map(|f| view! {
                    <button type="button" class="export" data-format=f.file().0 on:click=move |_| export(f)>{move || app.t(label(f))}</button>
                }).collect_view()}
            </div>
            <h3>{move || app.t(Key::PublishHeading)}</h3>
            <div class="button-row">
                <button type="button" class="download-corpus" on:click=download_corpus>{move || app.t(Key::DownloadCorpus)}</button>
                {(!single).then(|| view! {
                    <button type="button" class="download-explorer" on:click=download_explorer prop:disabled=move || busy.get()>{move || app.t(Key::DownloadExplorer)}</button>
                })}
            </div>
            {(!single).then(|| view! { <p class="hint">{move || app.t(Key::DownloadExplorerHint)}</p> })}
            {move || failed.get().map(|m| view! { <p class="error" role="alert">{m}</p> })}
        </section>
    }
}
