//! In-browser component tests (wasm-bindgen-test under headless Chromium): each mounts one
//! UI piece with a small corpus and checks what a reader would see and click.
//! Run with `make test-wasm`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use std::sync::Arc;
use steppe::core::link::view_state::ViewState;
use steppe::core::text::i18n::Lang;
use steppe::ui::progress::LoadProgress;
use steppe::ui::state::{AppState, Progress};
use steppe::ui::{
    diagnostics::Diagnostics, facets::Facets, list::EventList, loader, panel::EventPanel,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SMALL: &str = include_str!("fixtures/small.json");

/// Lets effects and the DOM settle, including what waits for the next frame (a list out of
/// view, the address bar).
async fn tick() {
    wait_ms(30).await;
    next_frame().await;
}

async fn wait_ms(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// Resolves in the next animation frame's callbacks, before the frame is painted.
async fn next_frame() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().unwrap().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
    wait_ms(0).await;
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
        text(&host, "tbody tr").contains("January 2022"),
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
    let (host, app) = mount(broken, || view! { <Diagnostics/> });
    tick().await;
    let items = |host: &web_sys::HtmlElement| -> Vec<String> {
        all(host, "li")
            .iter()
            .filter_map(|l| l.text_content())
            .collect()
    };
    let en = items(&host);
    assert_eq!(en.len(), 2, "{en:?}");
    assert!(
        en[0].contains("events[0].place.lat") && en[0].contains("from -90 to 90"),
        "{}",
        en[0]
    );
    assert!(
        en[1].contains("events[3].date") && en[1].contains("day 30"),
        "{}",
        en[1]
    );
    assert!(text(&host, "p").contains("2 records"));
    // The same diagnostics in the reader's language; paths and field names stay as written.
    app.view.update(|v| v.lang = Some(Lang::Ru));
    tick().await;
    let ru = items(&host);
    assert_eq!(ru.len(), 2, "{ru:?}");
    assert!(
        ru[0].ends_with("ошибка events[0].place.lat ожидалось число от -90 до 90, найдено: 95"),
        "{}",
        ru[0]
    );
    assert!(
        ru[1].ends_with("ошибка events[3].date 2022-02: дней в месяце — 28, найден день 30"),
        "{}",
        ru[1]
    );
    assert!(
        text(&host, "p").contains("2 записи"),
        "{}",
        text(&host, "p")
    );
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
    // A mark's name follows the interface language.
    let label = |host: &web_sys::HtmlElement| {
        host.query_selector(".marks circle[data-event=\"e3\"]")
            .unwrap()
            .and_then(|c| c.get_attribute("aria-label"))
            .unwrap_or_default()
    };
    assert!(label(&host).contains("Troops arrive"), "{}", label(&host));
    app.view.update(|v| v.lang = Some(Lang::Ru));
    tick().await;
    assert!(label(&host).contains("Прибытие войск"), "{}", label(&host));
}

#[wasm_bindgen_test]
async fn clearing_the_filters_draws_every_event_in_the_view_shown_now() {
    use steppe::core::geo::viewport::MapView as View;
    use steppe::ui::map::MapView;
    // Each mark as drawn: its events, count and place.
    let marks = |host: &web_sys::HtmlElement| -> Vec<String> {
        all(host, ".marks circle, .edges circle")
            .iter()
            .map(|c| {
                ["data-event", "data-count", "cx", "cy"]
                    .map(|a| c.get_attribute(a).unwrap_or_default())
                    .join(" ")
            })
            .collect()
    };
    // With the app's styles, so both maps below take the same size; both are mounted
    // first, so neither is resized by the other.
    let doc = web_sys::window().unwrap().document().unwrap();
    let style = doc.create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../style/main.css")));
    doc.head().unwrap().append_child(&style).unwrap();
    let closer = View {
        lon: 70.0,
        lat: 45.0,
        zoom: 2.0,
    };
    let (fresh, other) = mount(SMALL, || view! { <MapView/> });
    other.view.update(|v| v.map = Some(closer));
    let (host, app) = mount(SMALL, || view! { <MapView/> });
    tick().await;
    let at_first = marks(&host);
    // Filtered, the view moves; cleared, every event is drawn in the new view, as a map
    // opened there draws them.
    app.view.update(|v| v.filter.languages = vec!["zh".into()]);
    tick().await;
    app.view.update(|v| v.map = Some(closer));
    tick().await;
    app.view.update(|v| v.filter.languages.clear());
    tick().await;
    let cleared = marks(&host);
    assert_eq!(cleared, marks(&fresh));
    assert_ne!(cleared, at_first, "the view has moved");
    // Back to the first view: the first marks again.
    app.view.update(|v| v.map = None);
    tick().await;
    assert_eq!(marks(&host), at_first);
    fresh.remove();
    host.remove();
    style.remove();
}

#[wasm_bindgen_test]
async fn a_redrawn_mark_keeps_the_focus() {
    use steppe::ui::map::MapView;
    // With the app's styles, as the page has them: without them the tooltip a focused mark
    // shows would take room and resize the map.
    let doc = web_sys::window().unwrap().document().unwrap();
    let style = doc.create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../style/main.css")));
    doc.head().unwrap().append_child(&style).unwrap();
    let (host, app) = mount(SMALL, || view! { <MapView/> });
    tick().await;
    let mark: web_sys::SvgElement = host
        .query_selector(".marks circle[data-event=\"e3\"]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    mark.focus().unwrap();
    let doc = web_sys::window().unwrap().document().unwrap();
    let first = mark.get_attribute("data-i");
    // Its name changes, so the mark is drawn anew...
    app.view.update(|v| v.lang = Some(Lang::Ru));
    let on_a_mark = || {
        doc.active_element()
            .and_then(|e| e.get_attribute("data-event"))
            .is_some()
    };
    for _ in 0..10 {
        tick().await;
        if on_a_mark() {
            break;
        }
    }
    assert!(!mark.is_connected());
    // ...and the focus moves to the new one.
    let focused = doc.active_element().unwrap();
    assert_eq!(focused.get_attribute("data-event").as_deref(), Some("e3"));
    style.remove();
    assert_eq!(focused.get_attribute("data-i"), first);
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

#[wasm_bindgen_test]
async fn timeline_draws_marks_follows_filters_and_selects() {
    use steppe::ui::timeline::Timeline;
    let (host, app) = mount(
        SMALL,
        || view! { <div style="width: 900px"><Timeline/></div> },
    );
    tick().await;
    let ids = |sel: &str| -> Vec<String> {
        all(&host, sel)
            .iter()
            .filter_map(|m| m.get_attribute("data-event"))
            .collect()
    };
    let mut drawn = ids(".tmark");
    drawn.sort();
    assert_eq!(
        drawn,
        ["e1", "e2", "e3", "e4"],
        "one mark per event in view"
    );
    // The month-precision event and the ranged one are spans, the others dots.
    let mut spans = ids(".tmark.span");
    spans.sort();
    assert_eq!(spans, ["e2", "e4"]);
    assert!(!all(&host, ".tick text").is_empty(), "the axis is labelled");
    assert!(
        all(&host, ".density.hit")[0]
            .get_attribute("d")
            .is_some_and(|d| d.starts_with('M')),
        "the density strip is drawn"
    );
    let strip = |which: &str| {
        all(&host, &format!(".density.{which}"))[0]
            .get_attribute("d")
            .unwrap_or_default()
    };
    let every_event = strip("all");
    // A filter leaves only the matching events' marks, and the strip only their bars.
    app.view.update(|v| v.filter.languages = vec!["zh".into()]);
    tick().await;
    let mut drawn = ids(".tmark");
    drawn.sort();
    assert_eq!(drawn, ["e2", "e3"]);
    assert_ne!(strip("all"), every_event);
    assert_eq!(strip("hit"), strip("all"));
    let filtered = strip("all");
    // A click on a mark selects its event and draws its halo.
    let mark: web_sys::HtmlElement = host
        .query_selector(".tmark[data-event=\"e3\"]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    mark.dispatch_event(
        &web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &{
            let init = web_sys::MouseEventInit::new();
            init.set_bubbles(true);
            init
        })
        .unwrap(),
    )
    .unwrap();
    tick().await;
    assert_eq!(app.view.get_untracked().selected.as_deref(), Some("e3"));
    assert_eq!(ids(".tmark-halo.selected"), ["e3"]);
    // A brushed range is drawn, and fades the marks outside it without removing them.
    let day = steppe::core::time::date::PartialDate::parse("2022-01-10").unwrap();
    app.view
        .update(|v| v.filter.range = Some((day.start_minute(), day.end_minute())));
    tick().await;
    assert_eq!(all(&host, ".brush").len(), 1);
    assert_eq!(
        ids(".tmark.out"),
        ["e3"],
        "the month overlaps the range, 6 January does not"
    );
    // The range darkens only the bars of the events in it; the lighter ones stay.
    assert_eq!(strip("all"), filtered);
    assert_ne!(strip("hit"), filtered);
    let from: web_sys::HtmlInputElement = host
        .query_selector("input.from")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(from.value(), "2022-01-10");
    // Without the filter, every event's bars again.
    app.view.update(|v| {
        v.filter.languages.clear();
        v.filter.range = None;
    });
    tick().await;
    assert_eq!(strip("all"), every_event);
}

#[wasm_bindgen_test]
async fn share_dialog_gives_the_link_and_an_escaped_snippet() {
    use steppe::ui::share::ShareButton;
    let (host, app) = mount(SMALL, || view! { <ShareButton/> });
    app.view.update(|v| {
        v.filter.actors = vec!["russia".into()];
        v.lang = Some(Lang::Zh);
    });
    tick().await;
    let open: web_sys::HtmlElement = host
        .query_selector("button.share-open")
        .unwrap()
        .unwrap()
        .unchecked_into();
    open.click();
    tick().await;
    let dialog: web_sys::HtmlDialogElement = host
        .query_selector("dialog.share")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(dialog.open(), "the dialog opens");
    let value = |sel: &str| -> String {
        let el = host.query_selector(sel).unwrap().unwrap();
        js_sys::Reflect::get(&el, &"value".into())
            .unwrap()
            .as_string()
            .unwrap()
    };
    let link = value("#share-link");
    assert!(
        link.contains("#a=russia") && link.contains("ui=zh"),
        "{link}"
    );
    let snippet = value("#share-embed");
    assert!(snippet.starts_with("<iframe src=\""), "{snippet}");
    assert!(
        snippet.contains("embed=1") && snippet.contains("&amp;"),
        "{snippet}"
    );
    assert!(value("#share-script").contains("e.origin !== origin"));
    let close: web_sys::HtmlElement = host
        .query_selector("button.close-dialog")
        .unwrap()
        .unwrap()
        .unchecked_into();
    close.click();
    tick().await;
    assert!(!dialog.open());
}

#[wasm_bindgen_test]
async fn url_sync_writes_the_view_once_a_frame_and_reads_it_back() {
    let (_host, app) = mount(SMALL, || view! { <p/> });
    let hash = || web_sys::window().unwrap().location().hash().unwrap();
    let _owner = Owner::new();
    steppe::ui::url::sync(app);
    // Many changes within one frame make one write, of the last state.
    for zoom in [1.5, 2.0, 3.0] {
        app.view.update(|v| {
            v.map = Some(steppe::core::geo::viewport::MapView {
                lon: 70.0,
                lat: 45.0,
                zoom,
            })
        });
    }
    app.view.update(|v| v.filter.languages = vec!["ru".into()]);
    tick().await;
    let written = hash();
    assert!(written.contains("l=ru"), "{written}");
    assert!(written.contains("m=70,45,3"), "{written}");
    // A fragment set from outside (a pasted link, back and forward) is read into the view.
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("a=china")
        .unwrap();
    tick().await;
    tick().await;
    assert_eq!(app.view.get_untracked().filter.actors, ["china"]);
    assert!(app.view.get_untracked().filter.languages.is_empty());
}

/// The browser's `Intl` for `lang`, if it has that language's data (else its default).
fn browser_has(lang: Lang) -> bool {
    let f = js_sys::Intl::NumberFormat::new(
        &js_sys::Array::of1(&lang.code().into()),
        &js_sys::Object::new(),
    );
    let locale = js_sys::Reflect::get(&f.resolved_options(), &"locale".into()).unwrap();
    locale.as_string().unwrap().split('-').next() == Some(lang.code())
}

#[wasm_bindgen_test]
fn the_core_writes_numbers_plurals_and_dates_as_the_browser_does() {
    use steppe::core::text::plural::Category;
    use steppe::core::time::date::PartialDate;
    use steppe::ui::intl;
    let options = |pairs: &[(&str, &str)]| {
        let o = js_sys::Object::new();
        for (k, v) in pairs {
            js_sys::Reflect::set(&o, &(*k).into(), &(*v).into()).unwrap();
        }
        o
    };
    // Kazakh is left out: headless builds name the locale but write it with the root data
    // ("1,000", "2022 M01 5"), where CLDR's Kazakh has "1 000" and month names.
    for l in [Lang::En, Lang::Ru, Lang::Zh] {
        assert!(browser_has(l), "{l:?}");
        let locales = js_sys::Array::of1(&l.code().into());
        let numbers = js_sys::Intl::NumberFormat::new(&locales, &js_sys::Object::new()).format();
        let plurals = js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new());
        for n in [
            0u64, 1, 2, 3, 5, 11, 21, 22, 25, 101, 111, 1000, 12_345, 100_000, 1_234_567,
        ] {
            let browser = numbers
                .call1(&wasm_bindgen::JsValue::NULL, &(n as f64).into())
                .unwrap();
            assert_eq!(
                intl::number(l, n),
                browser.as_string().unwrap(),
                "{l:?} {n}"
            );
            let category = plurals.select(n as f64).as_string().unwrap();
            assert_eq!(
                Some(intl::category(l, n)),
                Category::from_name(&category),
                "{l:?} {n}"
            );
        }
        let tenths = js_sys::Intl::NumberFormat::new(
            &locales,
            &options(&[
                ("minimumFractionDigits", "1"),
                ("maximumFractionDigits", "1"),
            ]),
        )
        .format();
        for x in [0.0, 35.44, 1234.56] {
            let browser = tenths
                .call1(&wasm_bindgen::JsValue::NULL, &x.into())
                .unwrap();
            assert_eq!(
                intl::decimal(l, x),
                browser.as_string().unwrap(),
                "{l:?} {x}"
            );
        }
        let day = options(&[
            ("timeZone", "UTC"),
            ("year", "numeric"),
            ("month", "long"),
            ("day", "numeric"),
        ]);
        let month = options(&[("timeZone", "UTC"), ("year", "numeric"), ("month", "long")]);
        let year = options(&[("timeZone", "UTC"), ("year", "numeric")]);
        for (text, opts) in [
            ("2022-07-04", &day),
            ("2022-01-05", &day),
            ("2022-01", &month),
            ("2021", &year),
        ] {
            let d = PartialDate::parse(text).unwrap();
            let ms = d.start_minute() as f64 * 60_000.0;
            let f = js_sys::Intl::DateTimeFormat::new(&locales, opts).format();
            let browser = f
                .call1(&wasm_bindgen::JsValue::NULL, &js_sys::Date::new(&ms.into()))
                .unwrap();
            assert_eq!(
                intl::date(l, &d),
                browser.as_string().unwrap(),
                "{l:?} {text}"
            );
        }
    }
    let (zh_hant, lang) = intl::language_name("zh-Hant", Lang::En);
    assert_ne!(zh_hant, intl::language_name("zh", Lang::En).0);
    assert_eq!(lang, "zh-Hant");
    assert_eq!(intl::language_name("ru", Lang::En).0, "Русский");
    // A code with no name anywhere stays itself, never blank.
    assert_eq!(intl::language_name("qaa", Lang::En).0, "qaa");
    // The names kept for codes with a script are the browser's own, capitalised.
    let get = |o: &wasm_bindgen::JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).unwrap();
    let names: js_sys::Function = get(&get(&js_sys::global(), "Intl"), "DisplayNames").into();
    for (code, name) in steppe::core::text::i18n::SCRIPT_ENDONYMS {
        let opts = js_sys::Object::new();
        js_sys::Reflect::set(&opts, &"type".into(), &"language".into()).unwrap();
        let args = js_sys::Array::of2(&js_sys::Array::of1(&code.into()), &opts);
        let display = js_sys::Reflect::construct(&names, &args).unwrap();
        let of: js_sys::Function = get(&display, "of").into();
        let own = of
            .call1(&display, &code.into())
            .unwrap()
            .as_string()
            .unwrap();
        let mut chars = own.chars();
        let capitalised: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        assert_eq!(name, capitalised, "{code}");
        assert_eq!(intl::language_name(code, Lang::Ru).0, name);
    }
}

#[wasm_bindgen_test]
async fn panel_speaks_the_reader_language() {
    let (host, app) = mount(SMALL, || view! { <EventPanel/> });
    app.view.update(|v| {
        v.lang = Some(Lang::Ru);
        v.selected = Some("e2".into());
    });
    tick().await;
    // A disputed claim says so in words, not only in colour.
    assert!(text(&host, ".claim").starts_with("Оспариваемое заявление"));
    // A month-precision date in the nominative; no "(precision: ...)" suffix.
    assert!(text(&host, ".date").starts_with("январь 2022"));
    app.view.update(|v| v.selected = Some("e4".into()));
    tick().await;
    let links = all(&host, ".source a");
    assert_eq!(
        links[0].text_content().as_deref(),
        Some("Moy Gorod: открыть источник в новой вкладке"),
        "a source link is named by its outlet"
    );
    assert!(text(&host, ".date").starts_with("11 января 2022"));
    // Kazakh: the Russian title comes before the English one.
    app.view.update(|v| {
        v.lang = Some(Lang::Kk);
        v.selected = Some("e3".into());
    });
    tick().await;
    assert_eq!(text(&host, "h2"), "Прибытие войск");
    let h2 = host.query_selector("h2").unwrap().unwrap();
    assert_eq!(h2.get_attribute("lang").as_deref(), Some("ru"));
}

#[wasm_bindgen_test]
async fn header_shows_the_credits_and_names_the_page() {
    use steppe::ui::header::Header;
    let (host, app) = mount(SMALL, || view! { <Header/> });
    tick().await;
    assert!(text(&host, ".about").contains("Licence: CC0"));
    let title = web_sys::window().unwrap().document().unwrap().title();
    assert_eq!(title, "Small test corpus");
    app.view.update(|v| v.lang = Some(Lang::Zh));
    tick().await;
    assert!(text(&host, ".about summary").contains("关于这些数据"));
}

#[wasm_bindgen_test]
async fn a_list_out_of_view_follows_a_new_result_just_after_the_frame() {
    let (host, app) = mount(SMALL, || view! { <EventList/> });
    // Below the fold, as under the map and timeline on a desktop (fixed: other tests scroll).
    let at = |top: &str| {
        let style = host.style();
        style.set_property("position", "fixed").unwrap();
        style.set_property("top", top).unwrap();
    };
    at("200vh");
    tick().await;
    assert_eq!(all(&host, "tbody tr").len(), 4);
    app.view.update(|v| v.filter.actors = vec!["russia".into()]);
    // The effects have run, but the rows wait for the frame that shows the new result
    // elsewhere to be painted...
    wait_ms(0).await;
    assert_eq!(all(&host, "tbody tr").len(), 4);
    // ...and follow it in the task after.
    tick().await;
    assert_eq!(all(&host, "tbody tr").len(), 2);
    // In view, a new result reaches the rows at once.
    at("0");
    tick().await;
    app.view.update(|v| v.filter.actors.clear());
    wait_ms(0).await;
    assert_eq!(all(&host, "tbody tr").len(), 4);
    host.remove();
}

#[wasm_bindgen_test]
async fn an_empty_search_says_it_is_the_search() {
    let (host, app) = mount(SMALL, || view! { <EventList/> });
    app.view
        .update(|v| v.filter.text = "nothing matches this".into());
    tick().await;
    assert_eq!(text(&host, ".empty"), "No events match this search.");
    app.view.update(|v| v.filter.languages = vec!["zh".into()]);
    tick().await;
    assert_eq!(text(&host, ".empty"), "No events match these filters.");
    // Four events fit on one page: no pager of two disabled buttons.
    app.view.update(|v| v.filter = Default::default());
    tick().await;
    assert!(host.query_selector(".pager").unwrap().is_none());
}

/// The small corpus with e2 (a claim, "Western black hands") given no place.
fn without_a_place() -> &'static str {
    let text = SMALL.replacen(
        r#""place": { "name": { "en": "Kazakhstan" }, "lat": 48.0, "lon": 67.0, "precision": "country" },"#,
        "",
        1,
    );
    Box::leak(text.into_boxed_str())
}

#[wasm_bindgen_test]
async fn an_event_without_a_place_is_listed_and_counted_off_the_map() {
    use steppe::ui::map::MapView;
    let (host, app) = mount(without_a_place(), || {
        view! { <MapView/><EventList/><EventPanel/> }
    });
    tick().await;
    let count = |sel: &str| -> usize {
        all(&host, sel)
            .iter()
            .filter_map(|c| c.get_attribute("data-count")?.parse::<usize>().ok())
            .sum()
    };
    assert_eq!(count(".marks circle") + count(".edges circle"), 3);
    assert_eq!(
        text(&host, ".not-on-map"),
        "1 of the events shown have no place and are not on the map."
    );
    assert_eq!(all(&host, "tbody tr").len(), 4, "the list keeps it");
    app.view.update(|v| v.selected = Some("e2".into()));
    tick().await;
    assert!(text(&host, ".panel .place").contains("no place given"));
    // Filtered to events that all have a place, the map has nothing to say.
    app.view.update(|v| v.filter.actors = vec!["russia".into()]);
    tick().await;
    assert!(all(&host, ".not-on-map").is_empty());
}

#[wasm_bindgen_test]
async fn share_dialog_offers_the_downloads_for_the_events_shown() {
    use steppe::ui::share::ShareButton;
    let (host, app) = mount(SMALL, || view! { <ShareButton/> });
    app.view.update(|v| v.filter.actors = vec!["russia".into()]);
    tick().await;
    assert_eq!(text(&host, "#export-title"), "Download the 2 events shown");
    let formats: Vec<String> = all(&host, "button.export")
        .iter()
        .filter_map(|b| b.get_attribute("data-format"))
        .collect();
    assert_eq!(formats, ["csv", "geojson", "json", "timeline.json"]);
    assert_eq!(text(&host, "button.download-corpus"), "Download corpus");
    assert_eq!(
        text(&host, "button.download-explorer"),
        "Download this explorer"
    );
    app.view.update(|v| v.lang = Some(Lang::Kk));
    tick().await;
    assert_eq!(text(&host, "button.download-corpus"), "Корпусты жүктеу");
}

const CORPUS: &str = include_str!("../public/corpus.json");

fn click(host: &web_sys::HtmlElement, sel: &str) {
    let el: web_sys::HtmlElement = host
        .query_selector(sel)
        .unwrap()
        .unwrap_or_else(|| panic!("no {sel}"))
        .unchecked_into();
    el.click();
}

#[wasm_bindgen_test]
async fn compare_lays_out_disputes_and_coverage_and_follows_the_filter() {
    use steppe::ui::compare::CompareView;
    let (host, app) = mount(CORPUS, || view! { <CompareView/> });
    tick().await;
    let troops = "table.dispute[data-question=\"csto-troop-numbers\"] tbody tr";
    let answers: Vec<String> = all(&host, &format!("{troops} th.answer"))
        .iter()
        .filter_map(|e| e.text_content())
        .collect();
    assert_eq!(answers.len(), 3, "{answers:?}");
    assert!(
        answers[0].contains("2,500")
            && answers[1].contains("2,030")
            && answers[2].contains("3,600")
    );
    assert_eq!(all(&host, "table.dispute").len(), 6);
    // The matrix: one column per language (at most 12), one page of rows.
    let languages = app
        .corpus
        .with_untracked(|c| c.languages.len())
        .min(steppe::core::compare::coverage::MAX_COLUMNS);
    assert_eq!(all(&host, "table.matrix thead th").len(), 1 + languages);
    assert_eq!(all(&host, "table.matrix tbody tr").len(), 15);
    assert_eq!(all(&host, "table.matrix tfoot td").len(), languages);
    // Filtering on two languages: two columns, and only events in them.
    app.view
        .update(|v| v.filter.languages = vec!["zh".into(), "ru".into()]);
    tick().await;
    assert_eq!(all(&host, "table.matrix thead th").len(), 3);
    let n = app.result.with_untracked(|r| r.count());
    assert!(text(&host, "table.matrix caption").contains(&format!("of {n}")));
    // A search no dispute answers leaves a clear message, not an empty box.
    app.view.update(|v| v.filter.text = "Mangystau".into());
    tick().await;
    assert!(all(&host, "table.dispute").is_empty());
    assert!(text(&host, ".disputes .empty").contains("No question"));
    // Choosing an answer selects its event.
    app.view.update(|v| {
        v.filter.text.clear();
        v.filter.languages.clear();
    });
    tick().await;
    click(&host, &format!("{troops}:nth-child(2) button"));
    tick().await;
    let want = app
        .corpus
        .with_untracked(|c| c.event_index("kz-2022-01-10-tokayev-2030-troops"));
    assert_eq!(app.selected.get_untracked(), want);
    assert_eq!(all(&host, &format!("{troops}.selected")).len(), 1);
}

#[wasm_bindgen_test]
async fn the_coverage_toggle_keeps_only_partly_covered_events() {
    use steppe::ui::compare::CompareView;
    let (host, app) = mount(CORPUS, || view! { <CompareView/> });
    app.view
        .update(|v| v.filter.languages = vec!["zh".into(), "ru".into(), "en".into()]);
    tick().await;
    let all_rows = text(&host, "table.matrix caption");
    click(&host, ".segmented button:nth-child(2)");
    tick().await;
    assert!(app.view.with_untracked(|v| v.partial));
    assert_ne!(text(&host, "table.matrix caption"), all_rows);
    for row in all(&host, "table.matrix tbody tr") {
        let yes = row.query_selector_all("td.yes").unwrap().length();
        assert!(
            yes == 1 || yes == 2,
            "{:?}",
            row.get_attribute("data-event")
        );
    }
    // The first-reports lanes: one per column.
    assert_eq!(all(&host, ".first-reports .lane:not(.axis)").len(), 3);
}

#[wasm_bindgen_test]
async fn the_panel_shows_the_other_answers_and_the_toggle_switches_views() {
    use steppe::core::link::view_state::View;
    use steppe::ui::compare::CompareToggle;
    let (host, app) = mount(CORPUS, || view! { <CompareToggle/><EventPanel/> });
    app.view
        .update(|v| v.selected = Some("kz-2022-01-16-sputnik-csto-3600".into()));
    tick().await;
    let others: Vec<String> = all(&host, ".other-answers li")
        .iter()
        .filter_map(|e| e.get_attribute("data-event"))
        .collect();
    assert_eq!(
        others,
        [
            "kz-2022-01-chinese-media-2500-paratroopers",
            "kz-2022-01-10-tokayev-2030-troops"
        ]
    );
    click(&host, ".other-answers li button");
    tick().await;
    assert!(text(&host, "h2").contains("2,500"));
    // An event that answers no question shows no such list.
    app.view
        .update(|v| v.selected = Some("kz-2022-01-09-blog-ukraine-readiness".into()));
    tick().await;
    assert!(all(&host, ".other-answers").is_empty());
    // The toggle.
    assert_eq!(app.view.with_untracked(|v| v.view), View::Explore);
    click(&host, ".compare-toggle");
    tick().await;
    assert_eq!(app.view.with_untracked(|v| v.view), View::Compare);
    assert_eq!(
        host.query_selector(".compare-toggle")
            .unwrap()
            .unwrap()
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn facets_offer_only_actors_within_the_budget() {
    use steppe::core::corpus::index::MAX_FACET_ACTORS;
    let n = MAX_FACET_ACTORS + 20;
    let actors: Vec<String> = (0..n)
        .map(|i| format!(r#"{{ "id": "a{i}", "name": {{ "en": "Actor {i}" }}, "kind": "group" }}"#))
        .collect();
    let events: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{ "id": "e{i}", "date": "2022-01-05", "place": {{ "name": {{ "en": "Almaty" }}, "lat": 43.2, "lon": 76.9, "precision": "city" }}, "title": {{ "en": "Event {i}" }}, "type": "other", "actors": [ {{ "id": "a{i}" }} ], "sources": [ "s" ] }}"#
            )
        })
        .collect();
    let text: &'static str = Box::leak(
        format!(
            r#"{{ "format": "steppe-corpus", "version": 1, "meta": {{ "title": {{ "en": "Many actors" }} }},
            "actors": [ {} ],
            "sources": [ {{ "id": "s", "outlet": "Wire", "title": "Report", "lang": "en" }} ],
            "events": [ {} ] }}"#,
            actors.join(","),
            events.join(",")
        )
        .into_boxed_str(),
    );
    let (host, app) = mount(text, || view! { <Facets/> });
    tick().await;
    assert_eq!(
        app.corpus.with_untracked(|c| c.len()),
        n,
        "every event loads"
    );
    let boxes = all(&host, "input[data-actor]");
    assert_eq!(
        boxes.len(),
        MAX_FACET_ACTORS,
        "one box per facet actor, none that match nothing"
    );
}

#[wasm_bindgen_test]
async fn the_panel_shows_tags_and_roles_in_the_reader_language() {
    let (host, app) = mount(CORPUS, || view! { <EventPanel/> });
    app.view.update(|v| {
        v.lang = Some(Lang::Ru);
        v.selected = Some("kz-2022-01-06-almaty-police-dozens-eliminated".into());
    });
    tick().await;
    assert_eq!(text(&host, ".type"), "насилие · столкновение, жертвы");
    let tags = all(&host, ".type .tag-text");
    assert_eq!(tags.len(), 2);
    assert_eq!(tags[1].get_attribute("lang").as_deref(), Some("ru"));
    let actors = text(&host, ".actors");
    assert!(actors.contains("роль: автор заявления"), "{actors}");
    assert!(
        actors.contains("роль: предполагаемые нападавшие"),
        "{actors}"
    );
    // Kazakh readers get the Kazakh texts.
    app.view.update(|v| v.lang = Some(Lang::Kk));
    tick().await;
    assert_eq!(text(&host, ".type .tag-text"), "қақтығыс");
    assert!(text(&host, ".actors").contains("рөлі: мәлімдеме иесі"));
}

#[wasm_bindgen_test]
async fn a_corpus_without_tag_texts_shows_tags_and_roles_as_written() {
    let (host, app) = mount(SMALL, || view! { <EventPanel/> });
    app.view.update(|v| {
        v.lang = Some(Lang::Kk);
        v.selected = Some("e1".into());
    });
    tick().await;
    assert!(text(&host, ".actors").contains("рөлі: organiser"));
    app.view.update(|v| v.selected = Some("e4".into()));
    tick().await;
    let tag = host.query_selector(".type .tag-text").unwrap().unwrap();
    assert_eq!(tag.text_content().as_deref(), Some("csto"));
    assert_eq!(tag.get_attribute("lang"), None);
}

#[wasm_bindgen_test]
async fn compare_writes_dates_language_names_and_counts_as_the_reader_reads_them() {
    use steppe::ui::compare::CompareView;
    let (host, app) = mount(CORPUS, || view! { <CompareView/> });
    app.view.update(|v| v.lang = Some(Lang::Ru));
    tick().await;
    let troops = "table.dispute[data-question=\"csto-troop-numbers\"] tbody tr:nth-child(2)";
    // A day in the genitive, from the browser's calendar data.
    let date = text(&host, &format!("{troops} td.date"));
    assert!(date.starts_with("10 января 2022"), "{date}");
    // Language names carry the language they are written in.
    let names = all(&host, &format!("{troops} td.langs span[lang]"));
    assert!(
        names
            .iter()
            .any(|s| s.get_attribute("lang").as_deref() == Some("ru")
                && s.text_content().as_deref() == Some("Русский")),
        "{:?}",
        names.iter().map(|s| s.outer_html()).collect::<Vec<_>>()
    );
    assert!(all(&host, "table.matrix thead th[lang]").len() > 1);
    assert!(all(&host, ".first-reports .lane-name[lang]").len() > 1);

    // A count past a thousand is grouped as Russian writes it.
    let big = steppe::core::corpus::generate::generate(1_200, 7);
    let big: &'static str = Box::leak(serde_json::to_string(&big).unwrap().into_boxed_str());
    let (host, app) = mount(big, || view! { <CompareView/> });
    app.view.update(|v| v.lang = Some(Lang::Ru));
    tick().await;
    let caption = text(&host, "table.matrix caption");
    assert!(caption.contains("1–15 из 1\u{a0}200"), "{caption}");
}

#[wasm_bindgen_test]
async fn loading_progress_names_each_phase_in_one_live_region_and_counts_in_the_interface_language()
{
    let (host, app) = mount(SMALL, || view! { <LoadProgress/> });
    tick().await;
    assert!(host.query_selector(".load-progress").unwrap().is_none());
    let figures = || text(&host, ".load-progress .muted").replace('\u{a0}', " ");
    let bar = || {
        host.query_selector(".load-progress progress")
            .unwrap()
            .unwrap()
    };

    app.progress.set(Some(Progress::Download {
        done: 2_500_000,
        total: Some(10_000_000),
    }));
    tick().await;
    let status = host
        .query_selector(".load-progress [role=status]")
        .unwrap()
        .unwrap();
    assert_eq!(status.text_content().unwrap(), "Downloading the corpus");
    assert_eq!(figures(), "2.5 of 10.0 MB");
    assert_eq!(bar().get_attribute("value").as_deref(), Some("2500000"));

    // Later steps update the bar; the live region is the same element, so it is not
    // announced again for figures.
    app.progress.set(Some(Progress::Download {
        done: 5_000_000,
        total: Some(10_000_000),
    }));
    tick().await;
    let same = host
        .query_selector(".load-progress [role=status]")
        .unwrap()
        .unwrap();
    assert!(same.is_same_node(Some(&status)));
    assert_eq!(bar().get_attribute("value").as_deref(), Some("5000000"));

    app.view.update(|v| v.lang = Some(Lang::Ru));
    app.progress.set(Some(Progress::Read { done: 0, total: 0 }));
    tick().await;
    assert_eq!(status.text_content().unwrap(), "Проверка событий");
    assert_eq!(
        bar().get_attribute("value"),
        None,
        "indeterminate while nothing is counted"
    );
    assert_eq!(figures(), "");

    app.progress.set(Some(Progress::Read {
        done: 1_000,
        total: 100_000,
    }));
    tick().await;
    assert_eq!(figures(), "1 000 из 100 000 событий");
    app.progress
        .set(Some(Progress::Prepare { done: 1, total: 1 }));
    tick().await;
    assert_eq!(
        status.text_content().unwrap(),
        "Подготовка карты и хронологии"
    );
    assert_eq!(figures(), "1 из 1 события");

    app.progress.set(None);
    tick().await;
    assert!(host.query_selector(".load-progress").unwrap().is_none());
}
