//! Links in and out of the app: the URL fragment that holds the view, the embed snippet,
//! and a corpus named by `?corpus=`.
pub mod corpus_source;
pub mod embed;
pub mod view_state;
