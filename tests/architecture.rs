//! Architecture invariants (see ARCHITECTURE.md) that the compiler and clippy do not
//! check by themselves: the core crate's dependency tree holds no browser crate on any
//! target, the core denies panics and I/O at its root, and the shell's files stay small.

use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Every package in `steppe-core`'s normal dependency tree for `target`.
fn core_dependency_tree(target: &str) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(ROOT)
        .args([
            "tree",
            "--offline",
            "-p",
            "steppe-core",
            "-e",
            "normal",
            "--prefix",
            "none",
            "--target",
            target,
        ])
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 tree")
}

#[test]
fn core_depends_on_no_browser_crate_on_any_target() {
    for target in ["wasm32-unknown-unknown", "x86_64-unknown-linux-gnu"] {
        let tree = core_dependency_tree(target);
        assert!(
            tree.lines().any(|l| l.starts_with("serde ")),
            "expected the core's tree for {target}, got:\n{tree}"
        );
        for line in tree.lines() {
            let name = line.split_whitespace().next().unwrap_or("");
            for browser in [
                "leptos",
                "web-sys",
                "js-sys",
                "wasm-bindgen",
                "gloo",
                "tachys",
            ] {
                assert!(
                    !name.starts_with(browser),
                    "steppe-core depends on `{name}` for {target}: the core must stay pure"
                );
            }
        }
    }
}

#[test]
fn core_root_denies_panics_indexing_and_io() {
    let lib = std::fs::read_to_string(Path::new(ROOT).join("src/core/lib.rs")).unwrap();
    for lint in [
        "clippy::unwrap_used",
        "clippy::expect_used",
        "clippy::panic",
        "clippy::indexing_slicing",
        "clippy::disallowed_methods",
        "clippy::disallowed_macros",
    ] {
        assert!(
            lib.contains(lint),
            "src/core/lib.rs no longer denies {lint}"
        );
    }
    let rules = std::fs::read_to_string(Path::new(ROOT).join("src/core/clippy.toml")).unwrap();
    for rule in [
        "std::fs::read",
        "std::println",
        "std::time::SystemTime::now",
    ] {
        assert!(
            rules.contains(rule),
            "src/core/clippy.toml no longer forbids {rule}"
        );
    }
    let shell = std::fs::read_to_string(Path::new(ROOT).join("clippy.toml")).unwrap();
    for rule in [
        "set_inner_html",
        "push_state_with_url",
        "replace_state_with_url",
    ] {
        assert!(shell.contains(rule), "clippy.toml no longer forbids {rule}");
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable dir").flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn shell_files_stay_small() {
    let mut files = Vec::new();
    rust_files(&Path::new(ROOT).join("src/ui"), &mut files);
    assert!(
        files.len() > 10,
        "expected the shell's files, found {files:?}"
    );
    for f in files {
        let lines = std::fs::read_to_string(&f).unwrap().lines().count();
        assert!(
            lines <= 300,
            "{} has {lines} lines: split it into smaller components (limit 300)",
            f.display()
        );
    }
}
