//! `steppe-corpus`: check, summarise, generate, convert and publish corpus files.
//! Run `steppe-corpus --help`; the commands live in `src/cli/`.

#[cfg(not(target_arch = "wasm32"))]
#[path = "../cli/mod.rs"]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The tool is native only: the browser build never links its argument parser.
#[cfg(target_arch = "wasm32")]
fn main() {}
