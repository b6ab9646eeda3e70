//! Layers redrawn by filters, drawn as keyed lists: each item is keyed by a hash of all it
//! shows, so a redraw creates what changed, removes what went, and leaves every other
//! element untouched (Leptos' in-place rebuild of a plain list sets every attribute again).
//! One component serves every such layer, so the keyed diffing is compiled once.

use leptos::prelude::*;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher, Hash};

/// An item of a keyed layer: the key of what it shows, and how to draw it.
pub struct Item {
    key: u64,
    draw: Box<dyn FnOnce() -> AnyView + Send>,
}

impl Item {
    /// `data` drawn by `view`, keyed by `data`: an item whose data did not change keeps its
    /// element.
    pub fn new<T: Hash + Send + 'static>(data: T, view: fn(T) -> AnyView) -> Self {
        Item {
            key: BuildHasherDefault::<DefaultHasher>::default().hash_one(&data),
            draw: Box::new(move || view(data)),
        }
    }
}

/// The items `each` gives, keyed; it reruns when what it reads changes.
#[component]
pub fn KeyedLayer(each: Box<dyn Fn() -> Vec<Item> + Send + Sync>) -> impl IntoView {
    view! { <For each=move || each() key=|item: &Item| item.key children=|item: Item| (item.draw)()/> }
}
