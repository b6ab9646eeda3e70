//! Located diagnostics: what the validator says about an input, and where.

use std::fmt;

/// How serious a diagnostic is. Errors leave a record out; warnings keep it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in an input, with its JSON path and 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// JSON path like `events[12].date.month`; empty for the whole document.
    pub path: String,
    pub line: usize,
    pub column: usize,
    /// Plain words: what was expected and what was found.
    pub message: String,
}

impl Diagnostic {
    /// Whether this diagnostic is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Compiler-style text: `file:line:col: error: path: message`.
    pub fn render(&self, file: &str) -> String {
        let path = if self.path.is_empty() {
            String::new()
        } else {
            format!("{}: ", self.path)
        };
        format!(
            "{file}:{}:{}: {}: {path}{}",
            self.line, self.column, self.severity, self.message
        )
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_a_compiler() {
        let d = Diagnostic {
            severity: Severity::Error,
            path: "events[3].date.day".into(),
            line: 12,
            column: 7,
            message: "2022-02 has 28 days, found day 30".into(),
        };
        assert_eq!(
            d.render("c.json"),
            "c.json:12:7: error: events[3].date.day: 2022-02 has 28 days, found day 30"
        );
    }
}
