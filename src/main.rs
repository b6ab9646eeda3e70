//! The browser entry point: it only mounts the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(steppe::ui::App);
}

/// Natively there is nothing to run: the app is built for wasm32 by Trunk.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("steppe-app runs in the browser: build it with `trunk build` (see README.md)");
}
