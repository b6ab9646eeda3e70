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
    assert!(
        out.contains("tags: 1 in use, 0 with texts in the tags table"),
        "{out}"
    );
    assert!(out.contains("  shown as written: csto"), "{out}");
    let (_, out) = tool(&["stats", "public/corpus.json"]);
    assert!(out.contains("tags: 100 in use, 100 with texts"), "{out}");
    assert!(!out.contains("shown as written"), "{out}");
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
    assert!(out.contains("invalid value 'lots' for '<N>'"), "{out}");
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

/// Exit code, stdout and stderr apart.
fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_steppe-corpus"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("steppe-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn help_and_version_go_to_stdout_with_exit_0() {
    let (code, out, err) = run(&["--help"]);
    assert_eq!((code, err.as_str()), (0, ""));
    for sub in [
        "check", "stats", "generate", "schema", "import", "export", "bundle",
    ] {
        assert!(out.contains(&format!("  {sub} ")), "{sub}: {out}");
    }
    assert!(out.contains("Exit codes:") && out.contains("3  a file could not be read or written"));
    let (code, out, _) = run(&["--version"]);
    assert_eq!(
        (code, out.trim()),
        (0, concat!("steppe-corpus ", env!("CARGO_PKG_VERSION")))
    );
    let (code, out, _) = run(&["export", "--help"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("--to <TO>") && out.contains("--actor <ACTORS>"),
        "{out}"
    );
    // A wrong command line: exit 2, the message on stderr, nothing on stdout.
    let (code, out, err) = run(&["frobnicate"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("unrecognized subcommand 'frobnicate'"),
        "{err}"
    );
    let (code, _, err) = run(&["check", "no/such/file.json"]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("no/such/file.json: cannot read"), "{err}");
}

#[test]
fn diagnostics_go_to_stderr_and_json_lines_on_request() {
    let dir = temp("json");
    let file = dir.join("bad.json");
    std::fs::write(
        &file,
        include_str!("fixtures/small.json").replacen("\"lat\": 43.25667", "\"lat\": 95", 1),
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let (code, out, err) = run(&["check", path]);
    assert_eq!(code, 1);
    assert!(
        err.contains(": error: events[0].place.lat:") && !out.contains("error:"),
        "{out}\n{err}"
    );
    assert!(out.contains("1 errors"), "{out}");
    let (code, out, err) = run(&["--format", "json", "check", path]);
    assert_eq!(code, 1);
    let d: serde_json::Value = serde_json::from_str(err.lines().next().unwrap()).unwrap();
    assert_eq!(d["severity"], "error");
    assert_eq!(d["path"], "events[0].place.lat");
    assert!(d["line"].as_u64().unwrap() > 1 && d["column"].as_u64().unwrap() > 1);
    let summary: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(
        (summary["errors"].as_u64(), summary["left_out"].as_u64()),
        (Some(1), Some(1))
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn import_writes_a_valid_corpus_and_reports_what_it_left_out() {
    let (code, out, err) = run(&["import", "tests/fixtures/timeline.json"]);
    assert_eq!(code, 0, "{err}");
    let (corpus, diags) = steppe::core::corpus::parse(&out);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(corpus.len(), 3);
    assert!(corpus.events.iter().all(|e| e.place.is_none()));
    assert!(corpus.events.iter().all(|e| !e
        .summary
        .as_ref()
        .is_some_and(|s| s.get("en").contains('<'))));
    // The javascript: link, located in the TimelineJS file.
    assert!(
        err.contains("tests/fixtures/timeline.json:13:")
            && err.contains("events[2].media.url: link \"javascript:alert(1)\" left out"),
        "{err}"
    );
    let (code, out, err) = run(&["import", "tests/fixtures/acled.csv"]);
    assert_eq!(code, 0, "{err}");
    let (corpus, diags) = steppe::core::corpus::parse(&out);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(corpus.len(), 3);
    assert!(
        err.contains("acled.csv:1:") && err.contains("column \"disorder_type\" is not mapped"),
        "{err}"
    );
    // Nothing readable: exit 1.
    let dir = temp("import");
    let bad = dir.join("nodate.csv");
    std::fs::write(&bad, "title,place\nx,y\n").unwrap();
    let (code, out, err) = run(&["import", bad.to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    assert!(err.contains("no date column"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn export_writes_the_filtered_events() {
    let (code, out, _) = run(&[
        "export",
        "tests/fixtures/small.json",
        "--to",
        "csv",
        "--actor",
        "russia",
    ]);
    assert_eq!(code, 0);
    let rows: Vec<&str> = out.trim_end().split("\r\n").collect();
    assert_eq!(rows.len(), 3, "{out}");
    assert!(rows[0].starts_with("id,date,end,title"));
    let (code, out, _) = run(&[
        "export",
        "tests/fixtures/small.json",
        "--to",
        "geojson",
        "--from",
        "2022-01-06",
        "--until",
        "2022-01-06",
    ]);
    assert_eq!(code, 0);
    let g: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = g["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    // The brushed day overlaps e3 (that day) and e2 (known to the month).
    assert_eq!(ids, ["e2", "e3"]);
    let (code, out, _) = run(&["export", "tests/fixtures/acled.csv", "--to", "timelinejs"]);
    assert_eq!(code, 0);
    let t: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(t["events"].as_array().unwrap().len(), 3);
    let (code, _, err) = run(&["export", "tests/fixtures/small.json", "--to", "pdf"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn bundle_writes_a_site_folder_and_the_single_file() {
    let dir = temp("bundle");
    let dist = dir.join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), r#"<html><head><link rel="icon" href="favicon.ico"><link rel="stylesheet" href="./main-1.css"><script type="module" src="./boot-1.js"></script><link rel="modulepreload" href="./steppe-app-1.js"></head><body></body></html>"#).unwrap();
    std::fs::write(dist.join("main-1.css"), "body{}").unwrap();
    std::fs::write(
        dist.join("steppe-app-1.js"),
        "async function __wbg_init(){}\nexport { __wbg_init as default };",
    )
    .unwrap();
    std::fs::write(dist.join("steppe-app-1_bg.wasm"), b"\0asm").unwrap();
    // The loading worker's files (and its starter, which the single file does not need).
    std::fs::write(dist.join("steppe-worker-2.js"), "let wasm_bindgen;").unwrap();
    std::fs::write(dist.join("steppe-worker-2_bg.wasm"), b"wk").unwrap();
    std::fs::write(dist.join("worker-3.js"), "importScripts('x');").unwrap();
    std::fs::write(dist.join("corpus.json"), "{}").unwrap();
    std::fs::write(dist.join("boot-1.js"), "").unwrap();
    let out = dir.join("site");
    let (code, stdout, err) = run(&[
        "bundle",
        "tests/fixtures/timeline.json",
        "--out",
        out.to_str().unwrap(),
        "--dist",
        dist.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("3 events"), "{stdout}");
    let corpus = std::fs::read_to_string(out.join("corpus.json")).unwrap();
    assert_eq!(steppe::core::corpus::parse(&corpus).0.len(), 3);
    assert!(out.join("boot-1.js").exists() && out.join("steppe-app-1_bg.wasm").exists());
    let single = std::fs::read_to_string(out.join("steppe.html")).unwrap();
    assert!(single.contains("<script type=\"application/json\" id=\"steppe-corpus\">{"));
    assert!(
        single.contains("CSTO mission") && !single.contains("<script>alert"),
        "the corpus is inlined, its '<' escaped"
    );
    assert!(single.contains("await __wbg_init({ module_or_path: wasmBytes })"));
    assert!(
        single.contains("atob('AGFzbQ==')"),
        "the app's wasm, not the worker's"
    );
    // The worker's code rides along as text, so a large file is read off the main thread.
    let worker = single
        .split("<script type=\"text/plain\" id=\"steppe-worker-source\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("the worker's source");
    assert!(worker.starts_with("let wasm_bindgen;") && worker.contains("atob('d2s=')"));
    let (code, _, err) = run(&[
        "bundle",
        "tests/fixtures/small.json",
        "--out",
        out.to_str().unwrap(),
        "--dist",
        dir.join("none").to_str().unwrap(),
    ]);
    assert_eq!(code, 3);
    assert!(err.contains("run `make build`"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
