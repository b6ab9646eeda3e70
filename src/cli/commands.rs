//! The corpus commands: check, stats, generate, schema; and how diagnostics are printed.

use super::{Failure, Output};
use std::collections::BTreeMap;
use std::io::{BufWriter, Write};
use std::process::ExitCode;
use steppe::core::corpus::diagnostic::{escape_controls, Diagnostic};
use steppe::core::corpus::generate::generate as synthesize;
use steppe::core::corpus::{self, CorpusFile};

/// The file's bytes: decoding is the validator's job, so the CLI and the app say the same
/// thing about a file that is not UTF-8 (UTF-16 named, invalid bytes located by line:col).
pub fn read(file: &str) -> Result<Vec<u8>, Failure> {
    std::fs::read(file).map_err(|e| Failure::io(file, format!("cannot read: {e}")))
}

/// Text from a corpus (or its name) as printed: control characters and bidi overrides
/// escaped, so a hostile file cannot drive the terminal or reverse what is shown.
pub fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    escape_controls(s)
}

/// Writes every diagnostic to stderr, in the chosen form.
pub fn report(file: &str, diagnostics: &[Diagnostic], out: Output) {
    let mut err = BufWriter::new(std::io::stderr().lock());
    for d in diagnostics {
        let line = match out {
            Output::Text => clean(&d.render(&clean(file))).into_owned(),
            Output::Json => serde_json::json!({
                "file": file,
                "line": d.line,
                "column": d.column,
                "severity": d.severity.to_string(),
                "path": d.path,
                "message": d.message.to_string(),
            })
            .to_string(),
        };
        let _ = writeln!(err, "{line}");
    }
    let _ = err.flush();
}

pub fn check(file: &str, strict: bool, out: Output) -> Result<ExitCode, Failure> {
    // A file past the memory budget is refused by its size, before it is read.
    let refused = std::fs::metadata(file)
        .ok()
        .and_then(|m| corpus::refuse_size(m.len()));
    let v = match refused {
        Some(v) => v,
        None => {
            let bytes = read(file)?;
            let mut v = corpus::validate_bytes(&bytes);
            if strict && !v.diagnostics.iter().any(|d| d.is_error()) {
                v.diagnostics
                    .extend(corpus::lint::lint(&String::from_utf8_lossy(&bytes)));
            }
            v
        }
    };
    let errors = v.diagnostics.iter().filter(|d| d.is_error()).count();
    report(file, &v.diagnostics, out);
    let warnings = v.diagnostics.len() - errors;
    let d = v.dropped;
    let left_out = d.events + d.actors + d.sources;
    match out {
        Output::Text => println!(
            "{}: {} events, {} actors, {} sources loaded; {left_out} records left out; {errors} errors, {warnings} warnings",
            clean(file),
            v.file.events.len(),
            v.file.actors.len(),
            v.file.sources.len(),
        ),
        Output::Json => println!(
            "{}",
            serde_json::json!({
                "file": file,
                "events": v.file.events.len(),
                "actors": v.file.actors.len(),
                "sources": v.file.sources.len(),
                "left_out": left_out,
                "errors": errors,
                "warnings": warnings,
            })
        ),
    }
    // The process ends next: freeing a million records one by one would only delay it
    // (about a twentieth of the command's work).
    std::mem::forget(v);
    Ok(if errors > 0 || (strict && warnings > 0) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

pub fn stats(file: &str, out: Output) -> Result<ExitCode, Failure> {
    let bytes = read(file)?;
    let (c, diags) = corpus::parse_bytes(&bytes);
    report(file, &diags, out);
    let errors = diags.iter().filter(|d| d.is_error()).count();
    println!(
        "{}: {} events, {} actors, {} sources ({errors} errors; run `check` for details)",
        clean(file),
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
    let mut no_place = 0;
    for e in &c.events {
        match e.date.month {
            Some(m) => *months.entry((e.date.year, m)).or_default() += 1,
            None => undated_month += 1,
        }
        no_place += usize::from(e.place.is_none());
    }
    for ((y, m), n) in months {
        println!("  {n:>8}  {y:04}-{m:02}");
    }
    if undated_month > 0 {
        println!("  {undated_month:>8}  (known to the year only)");
    }
    if no_place > 0 {
        println!("\nevents without a place (not on the map): {no_place}");
    }
    tag_stats(&c);
    Ok(ExitCode::SUCCESS)
}

/// How many tags the events use and which have no texts in the `tags` table, so an author
/// sees what readers get untranslated.
fn tag_stats(c: &corpus::Corpus) {
    let used: std::collections::BTreeSet<&str> = c
        .events
        .iter()
        .flat_map(|e| e.tags.iter().map(String::as_str))
        .collect();
    if used.is_empty() {
        return;
    }
    let bare: Vec<String> = used
        .iter()
        .filter(|t| !c.tags.contains_key(**t))
        .map(|t| clean(t).into_owned())
        .collect();
    println!(
        "\ntags: {} in use, {} with texts in the tags table",
        used.len(),
        used.len() - bare.len()
    );
    if !bare.is_empty() {
        println!("  shown as written: {}", bare.join(", "));
    }
}

pub fn generate(n: usize, seed: u64) -> Result<ExitCode, Failure> {
    let file: CorpusFile = synthesize(n, seed);
    let mut out = BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    serde_json::to_writer(&mut out, &file).map_err(|e| Failure::io("stdout", e))?;
    out.write_all(b"\n")
        .and_then(|_| out.flush())
        .map_err(|e| Failure::io("stdout", e))?;
    Ok(ExitCode::SUCCESS)
}

pub fn schema() -> Result<ExitCode, Failure> {
    println!("{}", steppe::core::corpus::schema::json_schema());
    Ok(ExitCode::SUCCESS)
}
