//! `steppe-corpus`: check, summarise, generate, convert and publish corpus files.
//!
//! Streams: data (a corpus, an export, the schema, stats, the summary line) goes to stdout;
//! diagnostics go to stderr, as `FILE:LINE:COL: severity: path: message` or, with
//! `--format json`, one JSON object per line. Exit codes are in [`EXIT_CODES`].

mod commands;
mod convert;

use clap::{Parser, Subcommand, ValueEnum};
use std::process::ExitCode;

/// What each exit code means (also in `--help`).
pub const EXIT_CODES: &str = "Exit codes:
  0  success
  1  the input has errors (with check --strict: errors or warnings); nothing usable was written
  2  the command line is wrong (unknown command or option, missing argument)
  3  a file could not be read or written";

/// How diagnostics are written to stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Output {
    /// `FILE:LINE:COL: severity: path: message`, like a compiler.
    Text,
    /// One JSON object per diagnostic per line: file, line, column, severity, path, message.
    Json,
}

/// Check, summarise, generate, convert and publish Steppe corpus files.
#[derive(Debug, Parser)]
#[command(name = "steppe-corpus", version, after_help = EXIT_CODES)]
struct Cli {
    /// How diagnostics (and check's summary) are written.
    #[arg(long, value_enum, default_value = "text", global = true)]
    format: Output,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate a corpus: every diagnostic on stderr, a summary on stdout.
    #[command(after_help = EXIT_CODES)]
    Check {
        /// The corpus file (Steppe JSON).
        file: String,
        /// Also lint languages and attribution; warnings fail too.
        #[arg(long)]
        strict: bool,
    },
    /// Events per actor, per source language and per month.
    Stats {
        /// The corpus file.
        file: String,
    },
    /// A deterministic synthetic corpus of N events on stdout.
    Generate {
        /// How many events.
        n: usize,
        /// The random seed (the same seed gives the same corpus).
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// The JSON Schema of the corpus format on stdout.
    Schema,
    /// Read TimelineJS3 JSON, StoryMapJS JSON or CSV and write a Steppe corpus to stdout;
    /// what could not be mapped is reported on stderr, located.
    #[command(after_help = EXIT_CODES)]
    Import {
        /// The file to read (format recognised from its name and content).
        file: String,
        /// Write the corpus here instead of stdout.
        #[arg(long)]
        out: Option<String>,
    },
    /// Write the events of a corpus (or of a filtered view of it) as CSV, GeoJSON, Steppe
    /// JSON or TimelineJS3 JSON on stdout.
    #[command(after_help = EXIT_CODES)]
    Export {
        /// The corpus file (Steppe JSON, or any import format).
        file: String,
        /// The output format.
        #[arg(long, value_enum, default_value = "csv")]
        to: convert::To,
        /// Only events with this actor (repeat for any of several).
        #[arg(long = "actor")]
        actors: Vec<String>,
        /// Only events with a source in this language (repeat for any of several).
        #[arg(long = "lang")]
        languages: Vec<String>,
        /// Only events whose text contains this, in any script.
        #[arg(long)]
        search: Option<String>,
        /// Only events on or after this date (2022-01-05).
        #[arg(long)]
        from: Option<String>,
        /// Only events on or before this date.
        #[arg(long)]
        until: Option<String>,
        /// Write here instead of stdout.
        #[arg(long)]
        out: Option<String>,
    },
    /// Write a site folder with CORPUS in place of the bundled one, and its single file
    /// `steppe.html`, from a built bundle (`make build`'s `dist/`). No Rust build needed.
    #[command(after_help = EXIT_CODES)]
    Bundle {
        /// The corpus (Steppe JSON, or any import format).
        corpus: String,
        /// The folder to write (created if missing).
        #[arg(long)]
        out: String,
        /// The built bundle to start from.
        #[arg(long, default_value = "dist")]
        dist: String,
    },
}

/// Runs the tool; `Err` carries a message for stderr and an exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let out = cli.format;
    let result = match cli.command {
        Command::Check { file, strict } => commands::check(&file, strict, out),
        Command::Stats { file } => commands::stats(&file, out),
        Command::Generate { n, seed } => commands::generate(n, seed),
        Command::Schema => commands::schema(),
        Command::Import { file, out: dest } => convert::import(&file, dest.as_deref(), out),
        Command::Export {
            file,
            to,
            actors,
            languages,
            search,
            from,
            until,
            out: dest,
        } => {
            let view = convert::View {
                actors,
                languages,
                search,
                from,
                until,
            };
            convert::export(&file, to, &view, dest.as_deref(), out)
        }
        Command::Bundle {
            corpus,
            out: dest,
            dist,
        } => convert::bundle(&corpus, &dest, &dist, out),
    };
    match result {
        Ok(code) => code,
        Err(Failure(code, msg)) => {
            eprintln!("steppe-corpus: {msg}");
            ExitCode::from(code)
        }
    }
}

/// A failed command: its exit code and what to say.
pub struct Failure(pub u8, pub String);

impl Failure {
    /// A file that could not be read or written (exit 3).
    pub fn io(what: &str, e: impl std::fmt::Display) -> Self {
        Failure(3, format!("{}: {e}", commands::clean(what)))
    }

    /// Bad input or bad arguments found after parsing (exit 1 or 2).
    pub fn input(msg: impl Into<String>) -> Self {
        Failure(1, msg.into())
    }
}
