//! Wires the CLI: read the input, parse it once, then print it or open the viewer.

mod cli;

use clap::Parser;
use cli::Cli;
use irview::release;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Exit codes: 0 success, 1 runtime failure (terminal or output), 2 unusable input or usage.
const EXIT_INPUT: u8 = 2;
const EXIT_RUNTIME: u8 = 1;

fn fail(name: &str, why: impl std::fmt::Display, code: u8) -> ExitCode {
    eprintln!("irview: {}: {}", irview::display_safe(name), irview::display_safe(&why.to_string()));
    ExitCode::from(code)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (name, bytes) = match cli.path.as_deref() {
        None => (irview::BUNDLED_NAME.to_string(), irview::BUNDLED.as_bytes().to_vec()),
        Some(p) => match irview::input::read_input(p, cli.max_size) {
            Ok(b) => (if p == "-" { "<stdin>".to_string() } else { p.to_string() }, b),
            Err(e) => return fail(if p == "-" { "<stdin>" } else { p }, e, EXIT_INPUT),
        },
    };
    let release = match release::parse(&bytes, Some(&name)) {
        Ok(r) => r,
        Err(release::DecodeError::NotText(what)) => return fail(&name, format!("not a text document ({what})"), EXIT_INPUT),
    };
    if !cli.json && !cli.summary && std::io::stdout().is_terminal() {
        let color = !cli.no_color
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            && std::env::var("TERM").map_or(true, |t| t != "dumb");
        let today = chrono::Local::now().date_naive();
        let app = irview::app::App::new(release, irview::display_safe(&name), today, color);
        return match irview::terminal::run(app, &bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&name, format!("terminal error: {e}"), EXIT_RUNTIME),
        };
    }
    let mut out = std::io::stdout().lock();
    let written = if cli.json {
        serde_json::to_writer(&mut out, &release)
            .map_err(std::io::Error::from)
            .and_then(|_| writeln!(out))
    } else {
        write!(out, "{}", irview::summary::summary(&release))
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&name, e, EXIT_RUNTIME),
    }
}
