//! Small DOM helpers: element sizes as they change (window resizes, a panel opening beside
//! it, an iframe growing) through a `ResizeObserver`, pointer positions in an element, and
//! the item index behind a delegated event.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Calls `measure` once the element is mounted and after every change of its size.
pub fn observe<E>(node: NodeRef<E>, measure: impl Fn() + Clone + 'static)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        measure();
        if let Some(el) = el.dyn_ref::<web_sys::Element>() {
            observe_element(el.clone(), measure.clone());
        }
    });
}

/// Calls `f` after every change of `el`'s size, until the current reactive owner is cleaned up.
pub fn observe_element(el: web_sys::Element, f: impl Fn() + 'static) {
    let cb = Closure::<dyn FnMut()>::new(f);
    if let Ok(obs) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        obs.observe(&el);
        let obs = send_wrapper::SendWrapper::new(obs);
        on_cleanup(move || obs.disconnect());
    }
    // The callback must outlive the observer, which lives as long as the element.
    cb.forget();
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
