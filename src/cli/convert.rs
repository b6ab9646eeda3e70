//! The converting commands: import, export and bundle.

use super::commands::{clean, read, report};
use super::{Failure, Output};
use clap::ValueEnum;
use std::path::Path;
use std::process::ExitCode;
use steppe::core::corpus::diagnostic::Diagnostic;
use steppe::core::corpus::{self, Corpus, CorpusFile};
use steppe::core::interchange::export::{subset, write, ExportFormat};
use steppe::core::interchange::{self, single_file};
use steppe::core::query::{run, Filter};
use steppe::core::time::date::PartialDate;

/// The export formats, as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum To {
    Csv,
    Geojson,
    Steppe,
    Timelinejs,
}

impl From<To> for ExportFormat {
    fn from(t: To) -> Self {
        match t {
            To::Csv => ExportFormat::Csv,
            To::Geojson => ExportFormat::GeoJson,
            To::Steppe => ExportFormat::Steppe,
            To::Timelinejs => ExportFormat::TimelineJs,
        }
    }
}

/// The filters of `export`, as the app's filters.
pub struct View {
    pub actors: Vec<String>,
    pub languages: Vec<String>,
    pub search: Option<String>,
    pub from: Option<String>,
    pub until: Option<String>,
}

/// Any readable file as a validated corpus, with every diagnostic (the import's, located in
/// the original file, then the validator's).
fn load(file: &str) -> Result<(Corpus, Vec<Diagnostic>), Failure> {
    let bytes = read(file)?;
    let name = Path::new(file)
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    Ok(match interchange::import(&name, &bytes) {
        None => corpus::parse_bytes(&bytes),
        Some(im) => {
            let text = serde_json::to_string(&im.file).unwrap_or_default();
            let (c, mut diags) = corpus::parse(&text);
            let mut all = im.diagnostics;
            all.append(&mut diags);
            (c, all)
        }
    })
}

fn emit(dest: Option<&str>, text: &str) -> Result<(), Failure> {
    match dest {
        Some(path) => {
            std::fs::write(path, text).map_err(|e| Failure::io(path, format!("cannot write: {e}")))
        }
        None => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.write_all(b"\n"))
                .map_err(|e| Failure::io("stdout", e))
        }
    }
}

/// A corpus with nothing in it, after errors, fails (exit 1): nothing usable to write.
fn usable(file: &str, c: &Corpus, diags: &[Diagnostic]) -> Result<(), Failure> {
    if c.is_empty() && diags.iter().any(Diagnostic::is_error) {
        return Err(Failure::input(format!(
            "{}: nothing could be read",
            clean(file)
        )));
    }
    Ok(())
}

pub fn import(file: &str, dest: Option<&str>, out: Output) -> Result<ExitCode, Failure> {
    let (c, diags) = load(file)?;
    report(file, &diags, out);
    usable(file, &c, &diags)?;
    emit(dest, &write(&subset(&c, None), ExportFormat::Steppe))?;
    eprintln!(
        "{}: {} events, {} actors, {} sources written; {} diagnostics",
        clean(file),
        c.len(),
        c.actors.len(),
        c.sources.len(),
        diags.len()
    );
    Ok(ExitCode::SUCCESS)
}

fn minute(s: &str, end: bool) -> Result<i64, Failure> {
    let d = PartialDate::parse(s).map_err(|e| Failure(2, e.message.to_string()))?;
    Ok(if end {
        d.end_minute()
    } else {
        d.start_minute()
    })
}

pub fn export(
    file: &str,
    to: To,
    view: &View,
    dest: Option<&str>,
    out: Output,
) -> Result<ExitCode, Failure> {
    let (c, diags) = load(file)?;
    report(file, &diags, out);
    usable(file, &c, &diags)?;
    let range = match (&view.from, &view.until) {
        (None, None) => None,
        (f, u) => Some((
            f.as_deref().map_or(Ok(i64::MIN), |s| minute(s, false))?,
            u.as_deref().map_or(Ok(i64::MAX), |s| minute(s, true))?,
        )),
    };
    let filter = Filter {
        actors: view.actors.clone(),
        languages: view.languages.clone(),
        all_actors: false,
        text: view.search.clone().unwrap_or_default(),
        range,
    };
    let result = run(&c, &filter);
    emit(dest, &write(&subset(&c, Some(&result.matches)), to.into()))?;
    Ok(ExitCode::SUCCESS)
}

/// The built file whose name matches, for the single file's parts.
fn find(dist: &Path, pick: impl Fn(&str) -> bool) -> Result<std::path::PathBuf, Failure> {
    let entries = std::fs::read_dir(dist).map_err(|e| {
        Failure::io(
            &dist.to_string_lossy(),
            format!("cannot read the built bundle: {e} (run `make build`, or pass --dist)"),
        )
    })?;
    entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.file_name().is_some_and(|n| pick(&n.to_string_lossy())))
        .ok_or_else(|| {
            Failure::io(
                &dist.to_string_lossy(),
                "not a built Steppe bundle (run `make build`, or pass --dist)",
            )
        })
}

pub fn bundle(corpus: &str, dest: &str, dist: &str, out: Output) -> Result<ExitCode, Failure> {
    let (c, diags) = load(corpus)?;
    report(corpus, &diags, out);
    usable(corpus, &c, &diags)?;
    let file: CorpusFile = subset(&c, None);
    let json = serde_json::to_string(&file).unwrap_or_default();
    let dist_path = Path::new(dist);
    let text =
        |p: &Path| std::fs::read_to_string(p).map_err(|e| Failure::io(&p.to_string_lossy(), e));
    let html = std::fs::read_to_string(dist_path.join("index.html")).map_err(|e| {
        Failure::io(
            dist,
            format!(
                "no index.html ({e}): not a built Steppe bundle (run `make build`, or pass --dist)"
            ),
        )
    })?;
    let css = text(&find(dist_path, |n| n.ends_with(".css"))?)?;
    let glue = text(&find(dist_path, |n| {
        n.starts_with("steppe-app-") && n.ends_with(".js")
    })?)?;
    let bytes = |p: &Path| std::fs::read(p).map_err(|e| Failure::io(&p.to_string_lossy(), e));
    let wasm = bytes(&find(dist_path, |n| {
        n.starts_with("steppe-app-") && n.ends_with("_bg.wasm")
    })?)?;
    // The loading worker's files, if the bundle has them (the single file then reads large
    // files off the main thread too).
    let worker_files = find(dist_path, |n| {
        n.starts_with("steppe-worker-") && n.ends_with(".js")
    })
    .and_then(|p| text(&p))
    .and_then(|glue| {
        let wasm = find(dist_path, |n| {
            n.starts_with("steppe-worker-") && n.ends_with("_bg.wasm")
        })?;
        Ok((glue, bytes(&wasm)?))
    })
    .ok();
    let worker = worker_files
        .as_ref()
        .map(|(glue, wasm)| single_file::WorkerCode { glue, wasm });
    let single = single_file::assemble(single_file::Parts {
        html: &html,
        css: &css,
        glue: &glue,
        wasm: &wasm,
        corpus: &json,
        worker,
    })
    .map_err(|e| Failure::io(dist, e))?;
    let dest_path = Path::new(dest);
    std::fs::create_dir_all(dest_path).map_err(|e| Failure::io(dest, e))?;
    let entries = std::fs::read_dir(dist_path).map_err(|e| Failure::io(dist, e))?;
    for entry in entries.filter_map(Result::ok) {
        let p = entry.path();
        let name = entry.file_name();
        if p.is_file() && name != "corpus.json" && name != "steppe.html" {
            std::fs::copy(&p, dest_path.join(&name))
                .map_err(|e| Failure::io(&p.to_string_lossy(), e))?;
        }
    }
    let put = |name: &str, body: &str| {
        let p = dest_path.join(name);
        std::fs::write(&p, body).map_err(|e| Failure::io(&p.to_string_lossy(), e))
    };
    put("corpus.json", &json)?;
    put("steppe.html", &single)?;
    println!(
        "{dest}: a site folder with {} events (serve it as it is), and {dest}/steppe.html, the single file ({} KB)",
        c.len(),
        single.len() / 1024
    );
    Ok(ExitCode::SUCCESS)
}
