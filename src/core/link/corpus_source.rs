//! Where a corpus comes from when it is not the bundled one: the page's `?corpus=<url>`
//! parameter, and what to tell the reader when it cannot be fetched.

use crate::corpus::diagnostic::Message;
use crate::corpus::validate::check_url;
use crate::link::view_state::decode_component;
use crate::text::i18n::{tf, Key, Lang};

/// The `corpus` parameter of a page's query string (`?corpus=data/my.json`), decoded;
/// `None` when absent or empty.
pub fn corpus_param(search: &str) -> Option<String> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|part| part.split_once('='))
        .find(|(k, _)| *k == "corpus")
        .map(|(_, v)| decode_component(v).trim().to_string())
        .filter(|v| !v.is_empty())
}

/// Checks a resolved (absolute) corpus URL: only http and https are fetched.
pub fn check_corpus_url(absolute: &str) -> Result<(), Message> {
    check_url(absolute)
}

/// Why a corpus could not be fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchProblem {
    /// HTTP 404.
    NotFound,
    /// Another HTTP error status.
    Status(u16),
    /// No response: the server is unreachable or refused the page (CORS).
    Network,
    /// The browser is offline and had no copy.
    Offline,
}

/// The message for a corpus at `url` that could not be fetched: which problem, and what to do.
pub fn fetch_message(lang: Lang, url: &str, problem: FetchProblem) -> String {
    match problem {
        FetchProblem::NotFound => tf(lang, Key::FetchNotFound, &[("url", url)]),
        FetchProblem::Status(s) => tf(
            lang,
            Key::FetchStatus,
            &[("url", url), ("status", &s.to_string())],
        ),
        FetchProblem::Network => tf(lang, Key::FetchNetwork, &[("url", url)]),
        FetchProblem::Offline => tf(lang, Key::FetchOffline, &[("url", url)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_parameter_is_read_and_decoded() {
        assert_eq!(
            corpus_param("?corpus=data%2Fmy.json").as_deref(),
            Some("data/my.json")
        );
        assert_eq!(
            corpus_param("?x=1&corpus=https%3A%2F%2Fexample.org%2Fc.json").as_deref(),
            Some("https://example.org/c.json")
        );
        assert_eq!(corpus_param("?corpus="), None);
        assert_eq!(corpus_param(""), None);
        assert_eq!(corpus_param("?corpuses=x"), None);
    }

    #[test]
    fn only_http_links_are_fetched() {
        assert!(check_corpus_url("https://example.org/c.json").is_ok());
        assert!(check_corpus_url("javascript:alert(1)").is_err());
        assert!(check_corpus_url("data:application/json,{}").is_err());
    }

    #[test]
    fn each_problem_says_which_and_what_to_do() {
        let m = |p| fetch_message(Lang::En, "https://x.org/c.json", p);
        assert!(m(FetchProblem::NotFound).contains("404"));
        assert!(m(FetchProblem::Status(500)).contains("HTTP 500"));
        assert!(m(FetchProblem::Network).contains("Access-Control-Allow-Origin"));
        assert!(m(FetchProblem::Offline).contains("offline"));
        for p in [
            FetchProblem::NotFound,
            FetchProblem::Network,
            FetchProblem::Offline,
        ] {
            assert!(m(p).contains("https://x.org/c.json"));
        }
    }
}
