//! `steppe-corpus`: check, summarise and generate corpus files.
//!
//! ```text
//! steppe-corpus check FILE             print every diagnostic; exit 1 on errors
//! steppe-corpus check --strict FILE    also lint languages and attribution; exit 1 on warnings too
//! steppe-corpus stats FILE             counts per actor, language and month
//! steppe-corpus generate N [--seed S]  a deterministic synthetic corpus on stdout
//! steppe-corpus schema                 the JSON Schema of the format on stdout
//! ```

use std::collections::BTreeMap;
use std::io::{BufWriter, Write};
use std::process::ExitCode;
use steppe::core::corpus::diagnostic::escape_controls;
use steppe::core::corpus::generate::generate;
use steppe::core::corpus::{self, CorpusFile};

const USAGE: &str = "usage:
  steppe-corpus check FILE             print every diagnostic; exit 1 on errors
  steppe-corpus check --strict FILE    also lint languages and attribution; exit 1 on warnings too
  steppe-corpus stats FILE             counts per actor, language and month
  steppe-corpus generate N [--seed S]  write a synthetic corpus of N events to stdout
  steppe-corpus schema                 write the format's JSON Schema to stdout";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["check", file] => check(file, false),
        ["check", "--strict", file] | ["check", file, "--strict"] => check(file, true),
        ["stats", file] => stats(file),
        ["generate", n, rest @ ..] => gen(n, rest),
        ["schema"] => schema(),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::from(2)
        }
    }
}

/// The file's bytes: decoding is the validator's job, so the CLI and the app say the same
/// thing about a file that is not UTF-8 (UTF-16 named, invalid bytes located by line:col).
fn read(file: &str) -> Result<Vec<u8>, String> {
    std::fs::read(file).map_err(|e| format!("{}: cannot read: {e}", clean(file)))
}

/// Text from a corpus (or its name) as printed: control characters and bidi overrides
/// escaped, so a hostile file cannot drive the terminal or reverse what is shown.
fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    escape_controls(s)
}

fn check(file: &str, strict: bool) -> Result<ExitCode, String> {
    let bytes = read(file)?;
    let mut v = corpus::validate_bytes(&bytes);
    let errors = v.diagnostics.iter().filter(|d| d.is_error()).count();
    if strict && errors == 0 {
        v.diagnostics
            .extend(corpus::lint::lint(&String::from_utf8_lossy(&bytes)));
    }
    let file = clean(file);
    let file = file.as_ref();
    for d in &v.diagnostics {
        println!("{}", clean(&d.render(file)));
    }
    let warnings = v.diagnostics.len() - errors;
    let d = v.dropped;
    println!(
        "{file}: {} events, {} actors, {} sources loaded; {} records left out; {errors} errors, {warnings} warnings",
        v.file.events.len(),
        v.file.actors.len(),
        v.file.sources.len(),
        d.events + d.actors + d.sources
    );
    Ok(if errors > 0 || (strict && warnings > 0) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn stats(file: &str) -> Result<ExitCode, String> {
    let bytes = read(file)?;
    let (c, diags) = corpus::parse_bytes(&bytes);
    let file = clean(file);
    let errors = diags.iter().filter(|d| d.is_error()).count();
    println!(
        "{}: {} events, {} actors, {} sources ({errors} errors; run `check` for details)",
        file,
        c.len(),
        c.actors.len(),
        c.sources.len()
    );
    println!("\nevents per actor (the actors offered as filters):");
    let mut actors: Vec<(usize, &str)> = c
        .by_actor
        .iter()
        .zip(&c.actors)
        .map(|(b, a)| (b.count(), a.id.as_str()))
        .collect();
    actors.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    for (n, id) in actors {
        println!("  {n:>8}  {}", clean(id));
    }
    println!("\nevents per source language (an event counts under each language of its sources):");
    for (b, l) in c.by_language.iter().zip(&c.languages) {
        println!("  {:>8}  {}", b.count(), clean(l));
    }
    println!("\nevents per month:");
    let mut months: BTreeMap<(i32, u8), usize> = BTreeMap::new();
    let mut undated_month = 0;
    for e in &c.events {
        match e.date.month {
            Some(m) => *months.entry((e.date.year, m)).or_default() += 1,
            None => undated_month += 1,
        }
    }
    for ((y, m), n) in months {
        println!("  {n:>8}  {y:04}-{m:02}");
    }
    if undated_month > 0 {
        println!("  {undated_month:>8}  (known to the year only)");
    }
    Ok(ExitCode::SUCCESS)
}

fn gen(n: &str, rest: &[&str]) -> Result<ExitCode, String> {
    let n: usize = n
        .parse()
        .map_err(|_| format!("N must be a whole number, found {n:?}\n{USAGE}"))?;
    let seed = match rest {
        [] => 1,
        ["--seed", s] => s
            .parse()
            .map_err(|_| format!("the seed must be a whole number, found {s:?}"))?,
        _ => return Err(USAGE.to_string()),
    };
    let file: CorpusFile = generate(n, seed);
    let mut out = BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    serde_json::to_writer(&mut out, &file).map_err(|e| format!("cannot write: {e}"))?;
    out.write_all(b"\n")
        .and_then(|_| out.flush())
        .map_err(|e| format!("cannot write: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(target_arch = "wasm32"))]
fn schema() -> Result<ExitCode, String> {
    println!("{}", steppe::core::corpus::schema::json_schema());
    Ok(ExitCode::SUCCESS)
}

/// The schema generator is native-only (this tool is not meant for the browser).
#[cfg(target_arch = "wasm32")]
fn schema() -> Result<ExitCode, String> {
    Err("schema: build this tool natively".into())
}
