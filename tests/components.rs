//! In-browser component tests (wasm-bindgen-test under headless Chromium): each mounts one
//! UI piece with a small corpus and checks what a reader would see and click.
//! Run with `make test-wasm`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use std::sync::Arc;
use steppe::core::link::view_state::ViewState;
use steppe::core::text::i18n::Lang;
use steppe::ui::state::AppState;
use steppe::ui::{
    diagnostics::Diagnostics, facets::Facets, list::EventList, loader, panel::EventPanel,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SMALL: &str = include_str!("fixtures/small.json");

/// Lets effects and the DOM settle.
async fn tick() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// Mounts `view` in a fresh element with an app state holding `corpus_text`.
fn mount<V: IntoView + 'static>(
    corpus_text: &'static str,
    view: impl Fn() -> V + 'static,
) -> (web_sys::HtmlElement, AppState) {
    let doc = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    let cell = std::rc::Rc::new(std::cell::Cell::new(None));
    let out = cell.clone();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let app = AppState::new(ViewState::default(), Lang::En);
        provide_context(app);
        loader::apply(app, corpus_text);
        out.set(Some(app));
        view()
    });
    std::mem::forget(handle);
    (host, cell.take().unwrap())
}

fn all(host: &web_sys::HtmlElement, sel: &str) -> Vec<web_sys::Element> {
    let list = host.query_selector_all(sel).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

fn text(host: &web_sys::HtmlElement, sel: &str) -> String {
    host.query_selector(sel)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn list_shows_matching_events_in_date_order_and_selects_on_click() {
    let (host, app) = mount(SMALL, || view! { <EventList/> });
    tick().await;
    let ids: Vec<String> = all(&host, "tbody tr")
        .iter()
        .filter_map(|r| r.get_attribute("data-event"))
        .collect();
    assert_eq!(ids, ["e2", "e1", "e3", "e4"]);
    assert!(
        text(&host, "tbody tr").contains("Jan 2022"),
        "month precision shown as a month"
    );
    app.view.update(|v| v.filter.actors = vec!["russia".into()]);
    tick().await;
    assert_eq!(all(&host, "tbody tr").len(), 2);
    let button: web_sys::HtmlElement = host
        .query_selector("tbody tr button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    tick().await;
    assert_eq!(app.view.get_untracked().selected.as_deref(), Some("e3"));
    app.view
        .update(|v| v.filter.text = "nothing matches this".into());
    tick().await;
    assert!(host.query_selector(".empty").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn facets_show_live_counts_and_toggle_the_filter() {
    let (host, app) = mount(SMALL, || view! { <Facets/> });
    tick().await;
    let n = |sel: &str| text(&host, &format!("label:has(input[{sel}]) .n"));
    assert_eq!(n("data-actor=\"russia\""), "2");
    assert_eq!(n("data-lang=\"zh\""), "2");
    let russia: web_sys::HtmlElement = host
        .query_selector("input[data-actor=\"russia\"]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    russia.click();
    tick().await;
    assert_eq!(app.view.get_untracked().filter.actors, ["russia"]);
    // Language counts now count Russia's events only.
    assert_eq!(n("data-lang=\"en\""), "1");
    assert_eq!(n("data-lang=\"ru\""), "2");
    // Languages are named in their own language.
    assert!(host.text_content().unwrap().contains("中文"));
    assert!(host.text_content().unwrap().contains("Русский"));
}

#[wasm_bindgen_test]
async fn panel_shows_sources_with_safe_links() {
    let (host, app) = mount(SMALL, || view! { <EventPanel/> });
    app.view.update(|v| v.selected = Some("e3".into()));
    tick().await;
    assert_eq!(text(&host, "h2"), "Troops arrive");
    assert!(text(&host, ".alt-title").contains("Прибытие войск"));
    assert_eq!(text(&host, "q.original"), "哈萨克斯坦不明人员发放枪支");
    let links = all(&host, ".source a");
    assert_eq!(
        links.len(),
        1,
        "the Chinese source has no URL, the Russian one has"
    );
    assert_eq!(
        links[0].get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert_eq!(links[0].get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(
        links[0].get_attribute("href").as_deref(),
        Some("https://example.org/ru")
    );
    // A link that slipped past validation is still never rendered as a link.
    app.corpus
        .update(|c| Arc::make_mut(c).sources[1].url = Some("javascript:alert(1)".into()));
    tick().await;
    assert!(all(&host, ".source a").is_empty());
    // Next in time.
    let next: web_sys::HtmlElement = host
        .query_selector("button.next")
        .unwrap()
        .unwrap()
        .unchecked_into();
    next.click();
    tick().await;
    assert_eq!(text(&host, "h2"), "Withdrawal begins");
}

#[wasm_bindgen_test]
async fn diagnostics_list_each_problem_with_its_location() {
    let broken: &'static str = Box::leak(
        SMALL
            .replacen("\"lat\": 43.25667", "\"lat\": 95", 1)
            .replacen("\"2022-01-11\"", "\"2022-02-30\"", 1)
            .into_boxed_str(),
    );
    let (host, _app) = mount(broken, || view! { <Diagnostics/> });
    tick().await;
    let items: Vec<String> = all(&host, "li")
        .iter()
        .filter_map(|l| l.text_content())
        .collect();
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(
        items[0].contains("events[0].place.lat") && items[0].contains("from -90 to 90"),
        "{}",
        items[0]
    );
    assert!(
        items[1].contains("events[3].date") && items[1].contains("day 30"),
        "{}",
        items[1]
    );
    assert!(text(&host, "p").contains("2 records"));
}

#[wasm_bindgen_test]
async fn map_draws_every_matching_event_in_marks_or_edge_markers() {
    use steppe::ui::map::MapView;
    let (host, app) = mount(SMALL, || view! { <MapView/> });
    tick().await;
    let count = |sel: &str| -> usize {
        all(&host, sel)
            .iter()
            .filter_map(|c| c.get_attribute("data-count")?.parse::<usize>().ok())
            .sum()
    };
    assert_eq!(count(".marks circle") + count(".edges circle"), 4);
    assert!(!all(&host, ".land").is_empty(), "the base map is drawn");
    app.view.update(|v| v.filter.languages = vec!["zh".into()]);
    tick().await;
    assert_eq!(count(".marks circle") + count(".edges circle"), 2);
    // Selecting an event draws a halo around its mark.
    app.view.update(|v| v.selected = Some("e3".into()));
    tick().await;
    assert_eq!(all(&host, ".halo.selected").len(), 1);
}

#[wasm_bindgen_test]
async fn header_counts_and_switches_the_interface_language() {
    use steppe::ui::header::Header;
    let (host, app) = mount(SMALL, || view! { <Header/> });
    tick().await;
    assert_eq!(text(&host, ".count"), "4 of 4 events");
    app.view.update(|v| v.lang = Some(Lang::Ru));
    tick().await;
    assert_eq!(text(&host, ".count"), "4 из 4 событий");
    app.view.update(|v| v.filter.text = "枪支".into());
    tick().await;
    assert_eq!(text(&host, ".count"), "2 из 4 событий");
}
