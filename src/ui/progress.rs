//! The progress bar shown while a large corpus loads: bytes downloaded, then events
//! checked, then events handed to the page. The bar is drawn once per load and only its
//! value and figures change; the phase's name, in a live region, changes three times, so a
//! screen reader hears each phase once and is not flooded with figures.

use super::intl;
use super::state::{use_app, AppState, Progress};
use crate::core::text::i18n::Key;
use leptos::prelude::*;

const MB: f64 = 1_000_000.0;

/// The phase's name, how far it has gone and of how much (`None`: not known).
fn measure(p: Progress) -> (Key, f64, Option<f64>) {
    match p {
        Progress::Download { done, total } => (
            Key::LoadDownloading,
            done as f64,
            total.filter(|&t| t >= done).map(|t| t as f64),
        ),
        // No total: the file is still being parsed, or it is read on the page.
        Progress::Read { done, total } => (
            Key::LoadChecking,
            done as f64,
            Some(total as f64).filter(|&t| t > 0.0),
        ),
        Progress::Prepare { done, total } => (Key::LoadPreparing, done as f64, Some(total as f64)),
    }
}

/// The figures beside the bar: megabytes, or events.
fn figures(app: AppState, p: Progress) -> String {
    let lang = app.lang.get();
    match (p, measure(p)) {
        (Progress::Download { .. }, (_, done, Some(t))) => app.tf(
            Key::LoadMegabytes,
            &[
                ("done", &intl::decimal(lang, done / MB)),
                ("total", &intl::decimal(lang, t / MB)),
            ],
        ),
        (Progress::Download { .. }, (_, done, None)) => app.tf(
            Key::LoadMegabytesSoFar,
            &[("done", &intl::decimal(lang, done / MB))],
        ),
        (_, (_, _, None)) => String::new(),
        (_, (_, done, Some(t))) => {
            let t = t as u64;
            intl::count(
                lang,
                Key::LoadEvents,
                t,
                &[("done", done as u64), ("total", t)],
                &[],
            )
        }
    }
}

/// The loading progress bar, while something loads.
#[component]
pub fn LoadProgress() -> impl IntoView {
    let app = use_app();
    let phase = Memo::new(move |_| app.progress.get().map(|p| measure(p).0));
    let label = move || phase.get().map(|k| app.t(k)).unwrap_or_default();
    let now = move || app.progress.get().map(measure);
    view! {
        <Show when=move || phase.get().is_some()>
            <div class="load-progress">
                <p role="status">{label}</p>
                // Without a total the bar is indeterminate.
                <progress
                    aria-label=label
                    max=move || now().and_then(|(_, _, t)| t).unwrap_or(1.0)
                    value=move || now().and_then(|(_, d, t)| t.map(|_| d))
                ></progress>
                <p class="muted">{move || app.progress.get().map(|p| figures(app, p))}</p>
            </div>
        </Show>
    }
}
