//! The app's shared state, handed to components through context.

use crate::core::compare::disputes::Questions;
use crate::core::compare::reports::Reports;
use crate::core::corpus::diagnostic::Diagnostic;
use crate::core::corpus::Corpus;
use crate::core::geo::viewport::MapView;
use crate::core::link::view_state::{View, ViewState};
use crate::core::query::bitset::Bitset;
use crate::core::query::{self, Filter, QueryResult};
use crate::core::text::i18n::{t, tf, Key, Lang};
use leptos::prelude::*;
use std::sync::Arc;

/// Where loading the corpus stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Load {
    Loading,
    Ready,
    /// Nothing could be loaded; the message says why (empty: the diagnostics do).
    Failed(String),
}

/// How far loading a large corpus has gone, for the progress bar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Progress {
    /// Bytes downloaded, of how many (`None`: the server did not say).
    Download { done: u64, total: Option<u64> },
    /// Events checked, of how many.
    Read { done: usize, total: usize },
    /// Events handed to the page, of how many.
    Prepare { done: usize, total: usize },
}

/// Signals every component may read; cheap to copy.
#[derive(Clone, Copy)]
pub struct AppState {
    pub corpus: RwSignal<Arc<Corpus>>,
    pub load: RwSignal<Load>,
    /// Loading a large corpus: how far it has gone (`None` when nothing is loading).
    pub progress: RwSignal<Option<Progress>>,
    pub diagnostics: RwSignal<Vec<Diagnostic>>,
    /// Quiet notices (parts of a link that were dropped).
    pub notices: RwSignal<Vec<String>>,
    /// The whole view state (what the URL holds). Components read the narrow memos below,
    /// so a pan frame or a keystroke wakes only what depends on it.
    pub view: RwSignal<ViewState>,
    /// The brushed date range, in minutes.
    pub range: Memo<Option<(i64, i64)>>,
    /// The map's viewport as the URL has it (`None`: the default frame).
    pub map_view: Memo<Option<MapView>>,
    /// Whether the app is embedded in another page.
    pub embed: Memo<bool>,
    /// Events under the pointer or keyboard focus, in either view.
    pub hovered: RwSignal<Vec<u32>>,
    /// The full query (facets, text and time range).
    pub result: Memo<Arc<QueryResult>>,
    /// The query without the time range, for the timeline's density strip.
    pub unbrushed: Memo<Arc<QueryResult>>,
    pub lang: Memo<Lang>,
    /// Index of the selected event, if it is in the corpus.
    pub selected: Memo<Option<usize>>,
    /// Whether the Compare view replaces the list.
    pub compare: Memo<bool>,
    /// Claims grouped by question, once per corpus.
    pub questions: Memo<Arc<Questions>>,
    /// Each event's reports by language, once per corpus (first read when Compare opens).
    pub reports: Memo<Arc<Reports>>,
}

impl AppState {
    /// Creates the state with an empty corpus and the given initial view.
    pub fn new(view: ViewState, browser_lang: Lang) -> Self {
        let corpus = RwSignal::new(Arc::new(Corpus::default()));
        let view = RwSignal::new(view);
        let filter = Memo::new(move |_| view.with(|v| v.filter.clone()));
        // The filter without its time range: brushing and playing leave it unchanged, so
        // the unbrushed query (the density strip's) does not run again.
        let unranged = Memo::new(move |_| {
            view.with(|v| Filter {
                range: None,
                ..v.filter.clone()
            })
        });
        let range = Memo::new(move |_| view.with(|v| v.filter.range));
        // The text search runs only when the text changes, and typing forward searches
        // within the previous matches.
        let text = Memo::new(move |_| view.with(|v| v.filter.text.clone()));
        let last = StoredValue::new(None::<(usize, String, Arc<Bitset>)>);
        let text_set = Memo::new(move |_| {
            let q = text.get();
            let c = corpus.get();
            // The cache belongs to one corpus: a newly opened file starts afresh.
            let id = Arc::as_ptr(&c) as usize;
            let within = last.with_value(|l| {
                l.as_ref()
                    .filter(|(cid, old, _)| *cid == id && query::narrows(old, &q))
                    .map(|(_, _, s)| s.clone())
            });
            let set = Arc::new(query::text_matches(&c, &q, within.as_deref()));
            last.set_value(Some((id, q, set.clone())));
            set
        });
        let result = Memo::new(move |_| {
            Arc::new(corpus.with(|c| filter.with(|f| query::run_with_text(c, f, &text_set.get()))))
        });
        let unbrushed = Memo::new(move |_| {
            Arc::new(
                corpus.with(|c| unranged.with(|f| query::run_with_text(c, f, &text_set.get()))),
            )
        });
        let lang = Memo::new(move |_| view.with(|v| v.lang).unwrap_or(browser_lang));
        let selected = Memo::new(move |_| {
            let id = view.with(|v| v.selected.clone())?;
            corpus.with(|c| c.event_index(&id))
        });
        AppState {
            corpus,
            load: RwSignal::new(Load::Loading),
            progress: RwSignal::new(None),
            diagnostics: RwSignal::new(Vec::new()),
            notices: RwSignal::new(Vec::new()),
            view,
            range,
            map_view: Memo::new(move |_| view.with(|v| v.map)),
            embed: Memo::new(move |_| view.with(|v| v.embed)),
            hovered: RwSignal::new(Vec::new()),
            result,
            unbrushed,
            lang,
            selected,
            compare: Memo::new(move |_| view.with(|v| v.view == View::Compare)),
            questions: Memo::new(move |_| Arc::new(corpus.with(|c| Questions::new(c)))),
            reports: Memo::new(move |_| Arc::new(corpus.with(|c| Reports::new(c)))),
        }
    }

    /// The interface text for `key` in the current language.
    pub fn t(&self, key: Key) -> &'static str {
        t(self.lang.get(), key)
    }

    /// Like [`AppState::t`], with placeholders filled.
    pub fn tf(&self, key: Key, args: &[(&str, &str)]) -> String {
        tf(self.lang.get(), key, args)
    }

    /// A message with numbers in the current language: the plural form chosen by `by`, each
    /// `(name, number)` grouped as the language writes it (see `ui/intl.rs`).
    pub fn tn(&self, key: Key, by: usize, nums: &[(&str, usize)]) -> String {
        let nums: Vec<(&str, u64)> = nums.iter().map(|(k, n)| (*k, *n as u64)).collect();
        super::intl::count(self.lang.get(), key, by as u64, &nums, &[])
    }

    /// Selects an event by index (or clears the selection).
    pub fn select(&self, event: Option<usize>) {
        let id = event.and_then(|i| {
            self.corpus
                .with_untracked(|c| c.events.get(i).map(|e| e.id.clone()))
        });
        self.view.update(|v| v.selected = id);
    }

    /// The matching event before or after the selected one, in time order.
    pub fn step(&self, forward: bool) -> Option<usize> {
        let r = self.result.get_untracked();
        let cur = self.selected.get_untracked();
        match (cur, forward) {
            (None, true) => r.matches.iter().next(),
            (None, false) => r.matches.iter().last(),
            (Some(c), true) => r.matches.iter().find(|&i| i > c),
            (Some(c), false) => r.matches.iter().take_while(|&i| i < c).last(),
        }
    }
}

/// The state from context (every component is inside [`crate::ui::App`]).
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
