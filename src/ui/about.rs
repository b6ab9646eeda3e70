//! "About this data": the corpus' own description, licence, credit and date, under the title.

use super::intl;
use super::state::use_app;
use crate::core::text::i18n::Key;
use leptos::prelude::*;

/// The corpus' credits, folded into one line; absent when the corpus states none.
#[component]
pub fn About() -> impl IntoView {
    let app = use_app();
    let body = move || {
        let lang = app.lang.get();
        app.corpus.with(|c| {
            let m = &c.meta;
            let description = m.description.as_ref().and_then(|d| d.pick(lang.code()));
            if description.is_none()
                && m.license.is_none()
                && m.attribution.is_none()
                && m.updated.is_none()
            {
                return None;
            }
            let description = description.map(|(l, t)| (l.to_string(), t.to_string()));
            let license = m
                .license
                .as_ref()
                .map(|l| app.tf(Key::DataLicense, &[("license", l)]));
            let credit = m
                .attribution
                .as_ref()
                .map(|a| app.tf(Key::DataAttribution, &[("who", a)]));
            let updated = m
                .updated
                .map(|d| app.tf(Key::DataUpdated, &[("date", &intl::date(lang, &d))]));
            Some(view! {
                <details class="about">
                    <summary>{app.t(Key::AboutData)}</summary>
                    {description.map(|(l, t)| view! { <p class="description" lang=l>{t}</p> })}
                    <p class="credits">
                        {[license, credit, updated]
                            .into_iter()
                            .flatten()
                            .enumerate()
                            .map(|(i, s)| view! { {(i > 0).then_some(" · ")}<span>{s}</span> })
                            .collect_view()}
                    </p>
                </details>
            })
        })
    };
    view! { {body} }
}
