//! The progress bar shown while a large corpus loads: bytes downloaded, then events
//! checked, then events handed to the page. Only the phase's name is announced (it changes
//! three times); the figures beside the bar are not, so a screen reader is not flooded.

use super::intl;
use super::state::{use_app, Progress};
use crate::core::text::i18n::Key;
use leptos::prelude::*;

const MB: f64 = 1_000_000.0;

/// The loading progress bar, when something is loading.
#[component]
pub fn LoadProgress() -> impl IntoView {
    let app = use_app();
    move || {
        let p = app.progress.get()?;
        let lang = app.lang.get();
        let (phase, done, total) = match p {
            Progress::Download { done, total } => (
                Key::LoadDownloading,
                done as f64,
                total.filter(|&t| t >= done).map(|t| t as f64),
            ),
            // No total: read on the page, where no progress can be shown until it is done.
            Progress::Read { done, total } => (
                Key::LoadChecking,
                done as f64,
                Some(total as f64).filter(|&t| t > 0.0),
            ),
            Progress::Prepare { done, total } => {
                (Key::LoadPreparing, done as f64, Some(total as f64))
            }
        };
        let figures = match (p, total) {
            (Progress::Download { .. }, Some(t)) => app.tf(
                Key::LoadMegabytes,
                &[
                    ("done", &intl::decimal(lang, done / MB)),
                    ("total", &intl::decimal(lang, t / MB)),
                ],
            ),
            (Progress::Download { .. }, None) => app.tf(
                Key::LoadMegabytesSoFar,
                &[("done", &intl::decimal(lang, done / MB))],
            ),
            (_, t) => {
                let t = t.unwrap_or(0.0) as u64;
                intl::count(
                    lang,
                    Key::LoadEvents,
                    t,
                    &[("done", done as u64), ("total", t)],
                    &[],
                )
            }
        };
        let label = app.t(phase);
        Some(view! {
            <div class="load-progress">
                <p role="status">{label}</p>
                // Without a total the bar is indeterminate (a server that did not say).
                <progress aria-label=label max=total.unwrap_or(1.0) value=total.map(|_| done)></progress>
                <p class="muted">{figures}</p>
            </div>
        })
    }
}
