//! Wires the CLI: read the input, parse it once, then print it or open the viewer or the list.

mod cli;
mod remote;

use clap::Parser;
use cli::Cli;
use irview::library::{self, parallel};
use irview::release::{self, Release};
use irview::summary;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// mimalloc: a start and a batch take a quarter fewer page faults and fewer instructions than
/// with the system allocator (see Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit codes: 0 success, 1 runtime failure (terminal or output), 2 unusable input or usage.
const EXIT_INPUT: u8 = 2;
const EXIT_RUNTIME: u8 = 1;

/// One line on stderr, cleaned. A closed or full stderr is no reason to fail differently.
fn say(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "irview: {}", irview::display_safe(line));
}

fn fail(name: &str, why: impl std::fmt::Display, code: u8) -> ExitCode {
    say(&format!("{name}: {why}"));
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
    if let Some(code) = remote::dispatch(&std::env::args_os().collect::<Vec<_>>()) {
        return code;
    }
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
            say(w);
        }
        config_warning = warning;
        irview::tui::config::install(config);
    }
    if let Some(pair) = &cli.compare {
        return remote::compare(&pair[0], &pair[1], cli.json, cli.max_size);
    }
    let batch_mode = cli.paths.len() > 1 || cli.paths.iter().any(|p| p.is_dir());
    if batch_mode {
        return many(&cli);
    }
    let (name, bytes) = match cli.paths.first() {
        None => (irview::BUNDLED_NAME.to_string(), irview::BUNDLED.as_bytes().to_vec()),
        Some(p) if p.to_str().is_some_and(irview::library::fetch::is_url) => {
            let url = p.to_string_lossy().into_owned();
            match remote::fetch_url(&url, cli.max_size) {
                Ok(b) => (url, b),
                Err(e) => return fail(&url, e, EXIT_INPUT),
            }
        }
        Some(p) => {
            // shown lossily (and cleaned in the model); the file itself is opened by its real bytes
            let name = if p.as_os_str() == "-" {
                "<stdin>".to_string()
            } else {
                p.to_string_lossy().into_owned()
            };
            match irview::library::input::read_input(p, cli.max_size) {
                Ok(b) => (name, b),
                Err(e) => return fail(&name, e, EXIT_INPUT),
            }
        }
    };
    let viewer = !cli.ics && !cli.json && !cli.summary && std::io::stdout().is_terminal();
    // the hash keys the reader's saved state and the calendar's event UIDs: printing needs none
    let hash = if viewer || cli.ics {
        library::state::content_hash(&bytes)
    } else {
        String::new()
    };
    // the viewer keeps the bytes (to open another document of a submission); printing needs them no more
    let (parsed, bytes) = if viewer {
        (release::parse(&bytes, Some(&name)), bytes)
    } else {
        (release::parse_owned(bytes, Some(&name)), Vec::new())
    };
    let release = match parsed {
        Ok(r) => r,
        Err(release::DecodeError::NotText(what)) => return fail(&name, format!("not a text document ({what})"), EXIT_INPUT),
    };
    if cli.ics {
        return finish(
            std::io::stdout()
                .lock()
                .write_all(library::ics::calendar([(&release, hash.as_str())]).as_bytes()),
            &name,
        );
    }
    if viewer {
        use irview::library::store::{Library, Origin};
        // the library keeps the bytes, to open another document of a submission
        let origin = { Origin::Bytes(bytes.into()) };
        let library = Library::of_release(&name, origin, hash, release);
        let start = irview::tui::terminal::Start::One {
            library,
            message: config_warning,
        };
        return interface(irview::tui::terminal::run(start, today(), color(&cli)), &name);
    }
    // one write: standard output's own buffer would pass the text on a kilobyte at a time
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = if cli.json {
        serde_json::to_writer(&mut out, &release)
            .map_err(std::io::Error::from)
            .and_then(|_| writeln!(out))
    } else {
        write!(out, "{}", irview::summary::summary(&release))
    };
    finish(written.and_then(|()| out.flush()), &name)
}

/// Several files or folders: JSON Lines, a calendar, a digest per line, or the release list.
///
/// One rule for every batch mode: each file that cannot be used (unreadable, binary, too large)
/// and each path left out of a folder walk is named on stderr, the others are written, and the
/// exit code is 2 when anything was left out (1 when the output itself failed).
fn many(cli: &Cli) -> ExitCode {
    let found = library::files::expand(&cli.paths);
    for s in &found.skipped {
        say(s);
    }
    let paths = found.files;
    if paths.is_empty() {
        let shown: Vec<String> = cli.paths.iter().map(|p| p.to_string_lossy().into_owned()).collect();
        return fail(&shown.join(" "), "no release files found", EXIT_INPUT);
    }
    // standard input is read once, here, before any worker or the interface starts
    if paths.iter().any(|p| p.as_os_str() == "-") {
        if let Err(e @ library::input::InputError::StdinTerminal) = library::input::read_stdin(cli.max_size) {
            return fail("<stdin>", e, EXIT_INPUT);
        }
    }
    let mut failures = found.skipped.len();
    let mut report = |path: &std::path::Path, why: &str| {
        failures += 1;
        say(&format!("{}: {why}", path.to_string_lossy()));
    };
    // a release's line reaches the reader when it is whole (one write), not a kilobyte at a time
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let result = if cli.ics {
        let mut releases: Vec<(Release, String)> = Vec::new();
        parallel::in_order(paths, cli.max_size, |p| match (p.result, p.hash) {
            (Ok(r), Some(hash)) => releases.push((r, hash)),
            (Err(e), _) => report(&p.path, &e),
            (Ok(_), None) => report(&p.path, "unreadable"),
        });
        let cal = library::ics::calendar(releases.iter().map(|(r, h)| (r, h.as_str())));
        out.write_all(cal.as_bytes()).and_then(|()| out.flush())
    } else if cli.json || cli.summary || !std::io::stdout().is_terminal() {
        let mut result = if cli.json {
            Ok(())
        } else {
            writeln!(out, "{}", summary::ROW_HEADER)
        };
        parallel::in_order_with(paths, cli.max_size, parallel::Hashes::Skip, |p| {
            if result.is_err() {
                return;
            }
            result = match (&p.result, cli.json) {
                (Ok(r), true) => serde_json::to_writer(&mut out, r)
                    .map_err(std::io::Error::from)
                    .and_then(|_| writeln!(out))
                    .and_then(|()| out.flush()),
                (Ok(r), false) => writeln!(out, "{}", summary::row(r, &p.path)).and_then(|()| out.flush()),
                (Err(e), _) => {
                    report(&p.path, e);
                    Ok(())
                }
            };
        });
        result
    } else {
        drop(out);
        let start = irview::tui::terminal::Start::List {
            paths,
            max_mib: cli.max_size,
        };
        return interface(irview::tui::terminal::run(start, today(), color(cli)), "irview");
    };
    match finish(result, "stdout") {
        code if code == ExitCode::SUCCESS && failures > 0 => ExitCode::from(EXIT_INPUT),
        code => code,
    }
}

/// The exit code of the interface: 0, 128 + the signal that ended it, or a terminal error.
fn interface(result: std::io::Result<Option<i32>>, name: &str) -> ExitCode {
    match result {
        Ok(None) => ExitCode::SUCCESS,
        Ok(Some(signal)) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(EXIT_RUNTIME)),
        Err(e) => fail(name, format!("terminal error: {e}"), EXIT_RUNTIME),
    }
}
