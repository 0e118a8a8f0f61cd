//! Wires the CLI: read the input, parse it once, then print it or open the viewer or the list.

mod cli;

use clap::Parser;
use cli::Cli;
use irview::library::{self, parallel};
use irview::release::{self, Release};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit codes: 0 success, 1 runtime failure (terminal or output), 2 unusable input or usage.
const EXIT_INPUT: u8 = 2;
const EXIT_RUNTIME: u8 = 1;

fn fail(name: &str, why: impl std::fmt::Display, code: u8) -> ExitCode {
    eprintln!("irview: {}: {}", irview::display_safe(name), irview::display_safe(&why.to_string()));
    ExitCode::from(code)
}

fn color(cli: &Cli) -> bool {
    !cli.no_color && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::env::var("TERM").map_or(true, |t| t != "dumb")
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Output that ends quietly when the reader goes away (`| head`).
fn finish(written: std::io::Result<()>, name: &str) -> ExitCode {
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(name, e, EXIT_RUNTIME),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.print_config {
        return finish(
            writeln!(std::io::stdout().lock(), "{}", irview::tui::config::defaults_json()),
            "stdout",
        );
    }
    let mut config_warning = None;
    if let Some(path) = irview::tui::config::path() {
        let (config, warning) = irview::tui::config::load(&path);
        if let Some(w) = &warning {
            eprintln!("irview: {w}");
        }
        config_warning = warning;
        irview::tui::config::install(config);
    }
    let batch_mode = cli.paths.len() > 1 || cli.paths.iter().any(|p| std::path::Path::new(p).is_dir());
    if batch_mode {
        return many(&cli);
    }
    let (name, bytes) = match cli.paths.first().map(String::as_str) {
        None => (irview::BUNDLED_NAME.to_string(), irview::BUNDLED.as_bytes().to_vec()),
        Some(p) => match irview::library::input::read_input(p, cli.max_size) {
            Ok(b) => (if p == "-" { "<stdin>".to_string() } else { p.to_string() }, b),
            Err(e) => return fail(if p == "-" { "<stdin>" } else { p }, e, EXIT_INPUT),
        },
    };
    let release = match release::parse(&bytes, Some(&name)) {
        Ok(r) => r,
        Err(release::DecodeError::NotText(what)) => return fail(&name, format!("not a text document ({what})"), EXIT_INPUT),
    };
    let hash = library::state::content_hash(&bytes);
    if cli.ics {
        return finish(
            std::io::stdout()
                .lock()
                .write_all(library::ics::calendar([(&release, hash.as_str())]).as_bytes()),
            &name,
        );
    }
    if !cli.json && !cli.summary && std::io::stdout().is_terminal() {
        use irview::library::store::{Library, Origin};
        let origin = match cli.paths.first() {
            Some(p) if p != "-" => Origin::Path(PathBuf::from(p)),
            _ => Origin::Bytes(bytes.into()),
        };
        let library = Library::of_release(&name, origin, hash, release);
        let start = irview::tui::terminal::Start::One {
            library,
            message: config_warning,
        };
        return interface(irview::tui::terminal::run(start, today(), color(&cli)), &name);
    }
    let mut out = std::io::stdout().lock();
    let written = if cli.json {
        serde_json::to_writer(&mut out, &release)
            .map_err(std::io::Error::from)
            .and_then(|_| writeln!(out))
    } else {
        write!(out, "{}", irview::summary::summary(&release))
    };
    finish(written, &name)
}

/// Several files or folders: JSON Lines, a calendar, a digest per line, or the release list.
fn many(cli: &Cli) -> ExitCode {
    let mut paths: Vec<PathBuf> = Vec::new();
    for p in library::files::expand(&cli.paths) {
        match p {
            Ok(p) => paths.push(p),
            Err((p, why)) => return fail(&p, why, EXIT_INPUT),
        }
    }
    if paths.is_empty() {
        return fail(&cli.paths.join(" "), "no release files found", EXIT_INPUT);
    }
    // standard input is read once, here, before any worker or the interface starts
    if paths.iter().any(|p| p.as_os_str() == "-") {
        if let Err(e @ library::input::InputError::StdinTerminal) = library::input::read_stdin(cli.max_size) {
            return fail("<stdin>", e, EXIT_INPUT);
        }
    }
    let mut out = std::io::stdout().lock();
    if cli.ics {
        let mut releases: Vec<(Release, String)> = Vec::new();
        parallel::in_order(paths, cli.max_size, |p| {
            if let (Ok(r), Some(hash)) = (p.result, p.hash) {
                releases.push((r, hash));
            }
        });
        let cal = library::ics::calendar(releases.iter().map(|(r, h)| (r, h.as_str())));
        return finish(out.write_all(cal.as_bytes()), "stdout");
    }
    if cli.json || cli.summary || !std::io::stdout().is_terminal() {
        let mut result = Ok(());
        let mut failures = 0;
        parallel::in_order(paths, cli.max_size, |p| {
            if result.is_err() {
                return;
            }
            let name = p.path.to_string_lossy().into_owned();
            result = match (&p.result, cli.json) {
                (Ok(r), true) => serde_json::to_writer(&mut out, r)
                    .map_err(std::io::Error::from)
                    .and_then(|_| writeln!(out)),
                (Ok(r), false) => writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    r.dateline.date.map_or_else(|| "-".to_string(), |x| x.to_string()),
                    r.company.name.as_deref().unwrap_or("-"),
                    r.company.tickers.join(","),
                    r.flags.iter().map(|f| f.kind.label()).collect::<Vec<_>>().join(","),
                    r.headline.as_deref().unwrap_or("-"),
                    name
                ),
                (Err(e), _) => {
                    failures += 1;
                    eprintln!("irview: {}: {}", irview::display_safe(&name), irview::display_safe(e));
                    Ok(())
                }
            };
        });
        if failures > 0 && result.is_ok() {
            return ExitCode::from(EXIT_INPUT);
        }
        return finish(result, "stdout");
    }
    drop(out);
    let start = irview::tui::terminal::Start::List {
        paths,
        max_mib: cli.max_size,
    };
    interface(irview::tui::terminal::run(start, today(), color(cli)), "irview")
}

/// The exit code of the interface: 0, 128 + the signal that ended it, or a terminal error.
fn interface(result: std::io::Result<Option<i32>>, name: &str) -> ExitCode {
    match result {
        Ok(None) => ExitCode::SUCCESS,
        Ok(Some(signal)) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(EXIT_RUNTIME)),
        Err(e) => fail(name, format!("terminal error: {e}"), EXIT_RUNTIME),
    }
}
