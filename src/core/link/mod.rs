//! Links out of the app: the URL fragment that holds the view, and the embed snippet.
pub mod embed;
pub mod view_state;
