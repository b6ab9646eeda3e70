//! The corpus tool as a user runs it: compiler-style diagnostics and exit codes.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn tool(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_steppe-corpus"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[test]
fn check_passes_the_default_corpus() {
    let (code, out) = tool(&["check", "public/corpus.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 errors, 0 warnings"), "{out}");
}

#[test]
fn check_prints_located_errors_and_fails() {
    let dir = std::env::temp_dir().join(format!("steppe-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.json");
    let text = include_str!("fixtures/small.json").replacen("\"lat\": 43.25667", "\"lat\": 95", 1);
    std::fs::write(&file, &text).unwrap();
    let path = file.to_str().unwrap();
    let (code, out) = tool(&["check", path]);
    assert_eq!(code, 1, "{out}");
    let line = text[..text.find("\"lat\": 95").unwrap()]
        .matches('\n')
        .count()
        + 1;
    assert!(out.contains(&format!("{path}:{line}:")), "{out}");
    assert!(
        out.contains(": error: events[0].place.lat: expected a number from -90 to 90, found 95"),
        "{out}"
    );
    assert!(out.contains("1 records left out; 1 errors"), "{out}");
}

#[test]
fn stats_counts_per_actor_language_and_month() {
    let (code, out) = tool(&["stats", "tests/fixtures/small.json"]);
    assert_eq!(code, 0);
    assert!(out.contains("       2  russia"), "{out}");
    assert!(out.contains("       2  zh"), "{out}");
    assert!(out.contains("       4  2022-01"), "{out}");
}

#[test]
fn generate_is_deterministic_and_valid() {
    let (code, a) = tool(&["generate", "300", "--seed", "9"]);
    assert_eq!(code, 0);
    let (_, b) = tool(&["generate", "300", "--seed", "9"]);
    assert_eq!(a, b);
    let (corpus, diags) = steppe::core::corpus::parse(&a);
    assert!(diags.is_empty());
    assert_eq!(corpus.len(), 300);
    let (code, out) = tool(&["generate", "lots"]);
    assert_eq!(code, 2);
    assert!(out.contains("N must be a whole number"), "{out}");
}

#[test]
fn strict_check_lints_and_fails_on_warnings() {
    let (code, out) = tool(&["check", "--strict", "public/corpus.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 errors, 0 warnings"), "{out}");

    let dir = std::env::temp_dir().join(format!("steppe-cli-strict-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("label.json");
    let text = include_str!("fixtures/small.json").replacen(
        "\"Митингующие штурмовали здание акимата\"",
        "\"Митингующие штурмовали здание акимата (Moy Gorod, 2022-01-05)\"",
        1,
    );
    std::fs::write(&file, &text).unwrap();
    let path = file.to_str().unwrap();
    let (plain, _) = tool(&["check", path]);
    assert_eq!(plain, 0, "without --strict the lint does not run");
    let (code, out) = tool(&["check", "--strict", path]);
    assert_eq!(code, 1, "{out}");
    let line = text[..text.find("(Moy Gorod").unwrap()]
        .matches('\n')
        .count()
        + 1;
    assert!(
        out.contains(&format!("{path}:{line}:"))
            && out.contains(
                ": warning: sources[1].title: the title ends with \"(Moy Gorod, 2022-01-05)\""
            ),
        "{out}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
