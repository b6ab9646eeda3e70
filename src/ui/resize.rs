//! Measuring an element whenever its size changes (window resizes, a panel opening
//! beside it, an iframe growing), through a `ResizeObserver`.

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
        let m = measure.clone();
        let cb = Closure::<dyn FnMut()>::new(move || m());
        if let Ok(obs) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
            if let Some(el) = el.dyn_ref::<web_sys::Element>() {
                obs.observe(el);
            }
            // The observer lives as long as the element; it is disconnected with it.
            let obs = send_wrapper::SendWrapper::new(obs);
            on_cleanup(move || obs.disconnect());
        }
        cb.forget();
    });
}
