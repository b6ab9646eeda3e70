//! The browser entry point: it mounts the app, and makes sure a panic never leaves a dead
//! page: the panic is logged and the page says something went wrong (see
//! `ui::diagnostics::show_crash`), with the corpus last shown still on screen.

#[cfg(target_arch = "wasm32")]
fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        steppe::ui::diagnostics::show_crash();
    }));
    leptos::mount::mount_to_body(steppe::ui::App);
}

/// Stops the app on a panic, as a bug would, so the end-to-end suite can check that the
/// page then says so instead of going blank. Reachable only from the page's own scripts
/// (`window.wasmBindings.steppeCrashTest()`) or the reader's developer tools; it harms
/// nothing but the reader's own tab.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = steppeCrashTest)]
pub fn crash_test() {
    std::panic::panic_any("crash test (steppeCrashTest)");
}

/// Natively there is nothing to run: the app is built for wasm32 by Trunk.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("steppe-app runs in the browser: build it with `trunk build` (see README.md)");
}
