//! Architecture invariants (see ARCHITECTURE.md), enforced by reading the source:
//! the core never touches the browser or does I/O, and never unwraps or panics outside tests.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir)
        .expect("readable source dir")
        .flatten()
    {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The file's code before its `#[cfg(test)]` module, without comment lines.
fn production_code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("readable file");
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    code.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn core_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core"),
        &mut files,
    );
    files.retain(|f| !f.ends_with("tests.rs"));
    assert!(
        files.len() > 10,
        "expected the core's modules, found {files:?}"
    );
    files
}

#[test]
fn core_never_imports_the_browser_or_does_io() {
    let forbidden = [
        "leptos",
        "web_sys",
        "wasm_bindgen",
        "gloo",
        "js_sys",
        "std::fs",
        "std::net",
        "std::process",
        "std::io",
        "std::env",
    ];
    for f in core_files() {
        let code = production_code(&f);
        for word in forbidden {
            assert!(
                !code.contains(word),
                "{} uses `{word}`: the core must stay pure",
                f.display()
            );
        }
    }
}

#[test]
fn core_never_unwraps_or_panics_outside_tests() {
    for f in core_files() {
        let code = production_code(&f);
        for word in [
            ".unwrap()",
            ".expect(",
            "panic!(",
            "todo!(",
            "unimplemented!(",
            "unreachable!(",
        ] {
            assert!(
                !code.contains(word),
                "{} uses `{word}`: core code must return errors, not panic",
                f.display()
            );
        }
    }
}
