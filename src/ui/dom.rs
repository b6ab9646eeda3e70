//! Small DOM helpers: element sizes as they change (window resizes, a panel opening beside
//! it, an iframe growing) through a `ResizeObserver`, whether an element is in view, pointer
//! positions in an element, the item index behind a delegated event, and moving focus.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Calls `f(width, height)` once the element is mounted and after every change of its
/// size. Sizes come from the observer's entries, so measuring forces no layout.
pub fn observe_size<E>(node: NodeRef<E>, f: impl Fn(f64, f64) + Clone + 'static)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        if let Some(el) = el.dyn_ref::<web_sys::Element>() {
            observe_element(el.clone(), f.clone());
        }
    });
}

/// Calls `f(width, height)` with `el`'s content size when observation starts and after
/// every change, until the current reactive owner is cleaned up.
pub fn observe_element(el: web_sys::Element, f: impl Fn(f64, f64) + 'static) {
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let last = entries.get(entries.length().saturating_sub(1));
        if let Ok(entry) = last.dyn_into::<web_sys::ResizeObserverEntry>() {
            let r = entry.content_rect();
            f(r.width(), r.height());
        }
    });
    if let Ok(obs) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        obs.observe(&el);
        // The callback lives exactly as long as the observer: both go on cleanup.
        let both = send_wrapper::SendWrapper::new((obs, cb));
        on_cleanup(move || {
            let (obs, _cb) = both.take();
            obs.disconnect();
        });
    }
}

/// Calls `f(true)` when the element comes into the viewport and `f(false)` when it leaves,
/// once it is mounted, until the current reactive owner is cleaned up.
pub fn observe_in_view<E>(node: NodeRef<E>, f: impl Fn(bool) + Clone + 'static)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        let Some(el) = el.dyn_ref::<web_sys::Element>().cloned() else {
            return;
        };
        let f = f.clone();
        let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let last = entries.get(entries.length().saturating_sub(1));
            if let Ok(entry) = last.dyn_into::<web_sys::IntersectionObserverEntry>() {
                f(entry.is_intersecting());
            }
        });
        if let Ok(obs) = web_sys::IntersectionObserver::new(cb.as_ref().unchecked_ref()) {
            obs.observe(&el);
            let both = send_wrapper::SendWrapper::new((obs, cb));
            on_cleanup(move || {
                let (obs, _cb) = both.take();
                obs.disconnect();
            });
        }
    });
}

/// The pointer's position in `el`'s own coordinates (origin at its top-left corner).
pub fn local_point(el: Option<web_sys::Element>, ev: &web_sys::MouseEvent) -> (f64, f64) {
    el.map_or((0.0, 0.0), |el| {
        let r = el.get_bounding_client_rect();
        (
            f64::from(ev.client_x()) - r.left(),
            f64::from(ev.client_y()) - r.top(),
        )
    })
}

/// The `data-i` index of the nearest element matching `selector` around the event's target:
/// how one delegated handler on a group finds which of its marks or rows was used.
pub fn data_index(ev: &web_sys::Event, selector: &str) -> Option<usize> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.closest(selector)
        .ok()??
        .get_attribute("data-i")?
        .parse()
        .ok()
}

/// Focuses the first element matching `selector` inside `root` (after the next frame, so a
/// view that has just been drawn is there), for keyboard and screen-reader users.
pub fn focus_within(root: Option<web_sys::Element>, selector: &'static str) {
    request_animation_frame(move || {
        let target = root.and_then(|r| r.query_selector(selector).ok().flatten());
        if let Some(el) = target.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}

/// The element that has focus, if any but `<body>`.
pub fn active_element() -> Option<web_sys::Element> {
    let doc = web_sys::window()?.document()?;
    let el = doc.active_element()?;
    (Some(&el) != doc.body().map(web_sys::Element::from).as_ref()).then_some(el)
}

/// Focuses `el` if it is still on the page, else the first of `fallbacks` (selectors) that
/// is: after a view rebuilds, focus lands on its replacement instead of on `<body>`.
pub fn focus_or(el: Option<web_sys::Element>, fallbacks: Vec<String>) {
    request_animation_frame(move || {
        let doc = web_sys::window().and_then(|w| w.document());
        let target = el.filter(|e| e.is_connected()).or_else(|| {
            let doc = doc?;
            fallbacks
                .iter()
                .find_map(|s| doc.query_selector(s).ok().flatten())
        });
        if let Some(el) = target {
            focus(el);
        }
    });
}

/// Focuses `el`, an HTML or SVG element (map marks are SVG elements, which focus too).
pub fn focus(el: web_sys::Element) {
    match el.dyn_into::<web_sys::HtmlElement>() {
        Ok(el) => {
            let _ = el.focus();
        }
        Err(el) => {
            if let Ok(svg) = el.dyn_into::<web_sys::SvgElement>() {
                let _ = svg.focus();
            }
        }
    }
}

/// Resolves once the browser has painted a frame (after `requestAnimationFrame`, then a
/// task), so a long task started afterwards does not hide what was just shown.
pub async fn next_paint() {
    let Some(w) = web_sys::window() else { return };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let win = w.clone();
        let after_frame = Closure::once_into_js(move || {
            let _ = win.set_timeout_with_callback(resolve.unchecked_ref());
        });
        let _ = w.request_animation_frame(after_frame.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves in a later task, so the browser may handle input and paint in between: a loop
/// over data that has already arrived otherwise runs on in one task, from microtask to
/// microtask.
pub async fn next_task() {
    let Some(w) = web_sys::window() else { return };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = w.set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
