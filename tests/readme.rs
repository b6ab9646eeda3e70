//! README's "Publish your own corpus" commands, run exactly as written in a scratch folder
//! holding a built bundle (`dist/`, a minimal stand-in) and the reader's `my-corpus.csv`.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::process::Command;

const README: &str = include_str!("../README.md");

/// The shell lines of the section's ```sh blocks.
fn commands() -> Vec<String> {
    let start = README
        .find("## Publish your own corpus")
        .expect("the section");
    let section = &README[start..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |i| i + 3)];
    let mut lines = Vec::new();
    let mut inside = false;
    for line in section.lines() {
        match line.trim() {
            "```sh" => inside = true,
            "```" => inside = false,
            l if inside && !l.is_empty() => lines.push(l.to_string()),
            _ => {}
        }
    }
    lines
}

fn fake_dist(dir: &Path) {
    let dist = dir.join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), r#"<html><head><link rel="icon" href="favicon.ico"><link rel="stylesheet" href="./main-1.css"><script type="module" src="./boot-1.js"></script></head><body></body></html>"#).unwrap();
    std::fs::write(dist.join("main-1.css"), "body{}").unwrap();
    std::fs::write(
        dist.join("steppe-app-1.js"),
        "async function __wbg_init(){}\nexport { __wbg_init as default };",
    )
    .unwrap();
    std::fs::write(dist.join("steppe-app-1_bg.wasm"), b"\0asm").unwrap();
    std::fs::write(dist.join("corpus.json"), "{}").unwrap();
}

#[test]
fn the_publishing_commands_work_as_written() {
    let lines = commands();
    assert!(lines.len() >= 4, "{lines:?}");
    let dir = std::env::temp_dir().join(format!("steppe-readme-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    fake_dist(&dir);
    std::fs::copy("tests/fixtures/acled.csv", dir.join("my-corpus.csv")).unwrap();
    const TOOL: &str = "cargo run -q --bin steppe-corpus -- ";
    for line in &lines {
        if let Some(rest) = line.strip_prefix(TOOL) {
            let (args, out) = match rest.split_once(" > ") {
                Some((a, f)) => (a, Some(f.trim())),
                None => (rest, None),
            };
            let r = Command::new(env!("CARGO_BIN_EXE_steppe-corpus"))
                .args(args.split_whitespace())
                .current_dir(&dir)
                .output()
                .unwrap();
            assert!(
                r.status.success(),
                "{line}: {}",
                String::from_utf8_lossy(&r.stderr)
            );
            if let Some(f) = out {
                std::fs::write(dir.join(f), &r.stdout).unwrap();
            }
        } else if let Some(rest) = line.strip_prefix("cp ") {
            let (from, to) = rest.split_once(' ').unwrap();
            std::fs::copy(dir.join(from), dir.join(to)).unwrap();
        } else {
            panic!("a command this test does not know how to run: {line}");
        }
    }
    // Way 1: the site's corpus is the imported one.
    let corpus = std::fs::read_to_string(dir.join("dist/corpus.json")).unwrap();
    let (c, d) = steppe::core::corpus::parse(&corpus);
    assert!(d.is_empty() && c.len() == 3, "{d:?}");
    // Way 3, scripted: a site folder and the single file with the corpus inlined.
    let single = std::fs::read_to_string(dir.join("site/steppe.html")).unwrap();
    assert!(single.contains("id=\"steppe-corpus\">{") && single.contains("Zhanaozen"));
    assert!(dir.join("site/corpus.json").exists() && dir.join("site/main-1.css").exists());
    std::fs::remove_dir_all(&dir).ok();
}
