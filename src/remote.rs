//! The network side of the command line: `irview edgar`, `irview feeds`, `irview cache`,
//! `irview URL` and `irview --compare OLD NEW`.

use clap::Parser;
use irview::library::fetch::{Client, Policy, Settings};
use irview::library::remote::{self, Incoming, Job};
use irview::release::{self, Release};
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;

const EXIT_INPUT: u8 = 2;
const EXIT_RUNTIME: u8 = 1;

fn fail(name: &str, why: impl std::fmt::Display, code: u8) -> ExitCode {
    eprintln!("irview: {}: {}", irview::display_safe(name), irview::display_safe(&why.to_string()));
    ExitCode::from(code)
}

fn finish(written: std::io::Result<()>) -> ExitCode {
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail("stdout", e, EXIT_RUNTIME),
    }
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("\"{s}\" is not a date (YYYY-MM-DD)"))
}

/// Read EDGAR filings: a company's 8-K and 6-K press releases, or the latest filings feed.
#[derive(Debug, Parser)]
#[command(name = "irview edgar", version, about, long_about = None)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["company", "latest"])))]
struct EdgarCli {
    /// Ticker (AAPL) or CIK (320193) of the company.
    company: Option<String>,
    /// The EDGAR "latest filings" feed instead of one company.
    #[arg(long)]
    latest: bool,
    /// Only filings filed on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    since: Option<chrono::NaiveDate>,
    /// Form types, comma-separated.
    #[arg(long, value_name = "FORMS", value_delimiter = ',', default_value = "8-K,6-K")]
    forms: Vec<String>,
    /// Most filings listed.
    #[arg(long, value_name = "N", default_value_t = 40)]
    limit: usize,
    /// With --latest: seconds between looks at the feed while the list is open (default: the
    /// config's `poll_secs`, else 300).
    #[arg(long, value_name = "SECS", requires = "latest", value_parser = clap::value_parser!(u64).range(1..))]
    every: Option<u64>,
    /// Print each filing's parsed release as JSON Lines (no terminal screen).
    #[arg(long)]
    json: bool,
    /// Monochrome display.
    #[arg(long)]
    no_color: bool,
    /// Largest document accepted, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = irview::library::input::DEFAULT_MAX_MIB)]
    max_size: u64,
}

/// Watch the feeds named in the config file; each item's page opens as a release.
#[derive(Debug, Parser)]
#[command(name = "irview feeds", version, about, long_about = None)]
struct FeedsCli {
    /// Print the current items of every feed as JSON Lines and exit.
    #[arg(long)]
    json: bool,
    /// Seconds between looks at the feeds while the list is open (default: the config's
    /// `poll_secs`, else 300).
    #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..))]
    every: Option<u64>,
    #[arg(long)]
    no_color: bool,
    #[arg(long, value_name = "MIB", default_value_t = irview::library::input::DEFAULT_MAX_MIB)]
    max_size: u64,
}

/// The download cache: where it is and how big, or empty it.
#[derive(Debug, Parser)]
#[command(name = "irview cache", version, about, long_about = None)]
struct CacheCli {
    /// Remove everything irview downloaded.
    #[arg(long)]
    clear: bool,
}

fn color(no_color: bool) -> bool {
    !no_color && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::env::var("TERM").map_or(true, |t| t != "dumb")
}

/// How long a watched feed rests between two looks.
fn poll(every: Option<u64>) -> std::time::Duration {
    std::time::Duration::from_secs(every.unwrap_or(irview::tui::config::active().poll_secs).max(1))
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Load and install the config file.
fn config() {
    if let Some(path) = irview::tui::config::path() {
        let (config, warning) = irview::tui::config::load(&path);
        if let Some(w) = &warning {
            eprintln!("irview: {w}");
        }
        irview::tui::config::install(config);
    }
}

/// The client, with the User-Agent of the config in force.
fn client() -> Client {
    Client::new(Settings::from_env(irview::tui::config::active().user_agent.as_deref()))
}

/// A subcommand, when the first argument names one.
pub fn dispatch(args: &[OsString]) -> Option<ExitCode> {
    let first = args.get(1)?.to_str()?;
    if !matches!(first, "edgar" | "feeds" | "cache") {
        return None;
    }
    let rest = || std::iter::once(OsString::from(format!("irview {first}"))).chain(args[2..].iter().cloned());
    config();
    Some(match first {
        "edgar" => edgar(EdgarCli::parse_from(rest())),
        "feeds" => feeds(FeedsCli::parse_from(rest())),
        "cache" => cache(CacheCli::parse_from(rest())),
        _ => return None,
    })
}

fn cache(cli: CacheCli) -> ExitCode {
    let Some(cache) = Settings::from_env(None).cache else {
        return fail("cache", "no cache folder (set XDG_CACHE_HOME or HOME)", EXIT_RUNTIME);
    };
    let shown = irview::display_safe(&cache.dir.to_string_lossy());
    let mut out = std::io::stdout().lock();
    if cli.clear {
        return match cache.clear() {
            Ok(freed) => finish(writeln!(out, "Cleared {shown} ({})", size(freed))),
            Err(e) => fail(&shown, e, EXIT_RUNTIME),
        };
    }
    finish(writeln!(
        out,
        "{shown}: {} of {} (irview cache --clear empties it)",
        size(cache.size()),
        size(cache.max_bytes)
    ))
}

/// 0 B, 14.4 KiB, 3.2 MiB, 512 MiB.
fn size(bytes: u64) -> String {
    match bytes {
        0..1024 => format!("{bytes} B"),
        1024..1048576 => format!("{:.1} KiB", bytes as f64 / 1024.0),
        _ if bytes % 1048576 == 0 => format!("{} MiB", bytes / 1048576),
        _ => format!("{:.1} MiB", bytes as f64 / 1048576.0),
    }
}

/// One JSON object per line, in row order, as documents arrive; the release gains a `"fetched"`
/// key with where it came from. Returns how many failed.
fn json_lines(rx: std::sync::mpsc::Receiver<Incoming>, extra: Vec<serde_json::Value>) -> (std::io::Result<()>, usize) {
    let mut out = std::io::stdout().lock();
    let mut pending: Vec<Option<irview::library::parallel::Parsed>> = Vec::new();
    let mut next = 0;
    let mut failures = 0;
    let mut written = Ok(());
    for m in rx {
        match m {
            Incoming::Row { .. } => pending.push(None),
            Incoming::Note(n) => eprintln!("irview: {}", irview::display_safe(&n)),
            Incoming::Done(p) => {
                let i = p.index;
                if i < pending.len() {
                    pending[i] = Some(*p);
                }
            }
        }
        while let Some(p) = pending.get_mut(next).and_then(Option::take) {
            match p.result {
                Ok(r) => {
                    if written.is_ok() {
                        let mut v = serde_json::to_value(&r).unwrap_or_default();
                        if let (Some(obj), Some(e)) = (v.as_object_mut(), extra.get(next)) {
                            obj.insert("fetched".into(), e.clone());
                        }
                        written = serde_json::to_writer(&mut out, &v)
                            .map_err(std::io::Error::from)
                            .and_then(|_| writeln!(out));
                    }
                }
                Err(e) => {
                    failures += 1;
                    eprintln!(
                        "irview: {}: {}",
                        irview::display_safe(&p.path.to_string_lossy()),
                        irview::display_safe(&e)
                    );
                }
            }
            next += 1;
        }
        if next == pending.len() && next == extra.len() {
            break;
        }
    }
    (written, failures)
}

fn edgar(cli: EdgarCli) -> ExitCode {
    let client = Arc::new(client());
    let forms: Vec<String> = cli
        .forms
        .iter()
        .map(|f| f.trim().to_ascii_uppercase())
        .filter(|f| !f.is_empty())
        .collect();
    let what = cli.company.as_deref().unwrap_or("latest filings");
    let filings = match remote::edgar_filings(&client, cli.company.as_deref(), &forms, cli.since, cli.limit) {
        Ok(f) => f,
        Err(e) => return fail(what, e, EXIT_INPUT),
    };
    if filings.is_empty() {
        return fail(
            what,
            format!("no {} filing with a press release found", forms.join(" or ")),
            EXIT_INPUT,
        );
    }
    let edgar_url = client.settings.edgar_url.clone();
    let jobs: Vec<Job> = filings.iter().map(|f| Job::filing(f, &edgar_url)).collect();
    if cli.json || !std::io::stdout().is_terminal() {
        let extra = filings
            .iter()
            .zip(&jobs)
            .map(|(f, j)| {
                let mut v = serde_json::to_value(f).unwrap_or_default();
                if let Some(o) = v.as_object_mut() {
                    o.insert("url".into(), serde_json::Value::String(j.url.clone()));
                    o.insert("kind".into(), serde_json::Value::String(f.kind()));
                }
                v
            })
            .collect();
        let rx = remote::spawn_jobs(client, jobs, cli.max_size);
        let (written, failures) = json_lines(rx, extra);
        if failures > 0 && written.is_ok() {
            return ExitCode::from(EXIT_RUNTIME);
        }
        return finish(written);
    }
    let rx = if cli.latest {
        remote::spawn_latest(client, filings, forms, cli.limit, poll(cli.every), cli.max_size)
    } else {
        remote::spawn_jobs(client, jobs, cli.max_size)
    };
    match irview::tui::terminal::run_list_remote(rx, cli.max_size, today(), color(cli.no_color)) {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => fail("irview", format!("terminal error: {e}"), EXIT_RUNTIME),
    }
}

fn feeds(cli: FeedsCli) -> ExitCode {
    let sources = irview::tui::config::active().feeds.clone();
    if sources.is_empty() {
        return fail(
            "feeds",
            "no feeds in the config file: add \"feeds\": [{\"name\": ..., \"url\": ...}] (irview --print-config shows an example)",
            EXIT_INPUT,
        );
    }
    let client = Arc::new(client());
    if cli.json || !std::io::stdout().is_terminal() {
        let mut out = std::io::stdout().lock();
        let mut failures = 0;
        for s in &sources {
            let items = client
                .fetch(&s.url, Policy::Fresh)
                .map_err(|e| e.to_string())
                .and_then(|f| irview::library::feeds::parse(&s.name, &f.bytes));
            match items {
                Ok(items) => {
                    for i in items {
                        let w = serde_json::to_writer(&mut out, &i)
                            .map_err(std::io::Error::from)
                            .and_then(|_| writeln!(out));
                        if w.is_err() {
                            return finish(w);
                        }
                    }
                }
                Err(e) => {
                    failures += 1;
                    eprintln!("irview: {}: {}", irview::display_safe(&s.name), irview::display_safe(&e));
                }
            }
        }
        return if failures == sources.len() {
            ExitCode::from(EXIT_RUNTIME)
        } else {
            ExitCode::SUCCESS
        };
    }
    let rx = remote::spawn_feeds(client, sources, poll(cli.every), cli.max_size);
    match irview::tui::terminal::run_list_remote(rx, cli.max_size, today(), color(cli.no_color)) {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => fail("irview", format!("terminal error: {e}"), EXIT_RUNTIME),
    }
}

/// The bytes of one release given by its address (from the cache when it was fetched before).
pub fn fetch_url(url: &str, max_mib: u64) -> Result<Vec<u8>, String> {
    let client = client();
    let f = client.fetch(url, Policy::Immutable).map_err(|e| e.to_string())?;
    if f.bytes.len() as u64 > max_mib.saturating_mul(1024 * 1024) {
        return Err(format!("larger than the {max_mib} MiB limit (raise it with --max-size MIB)"));
    }
    Ok(f.bytes)
}

fn load(path: &str, max_mib: u64) -> Result<Release, String> {
    let bytes = if irview::library::fetch::is_url(path) {
        fetch_url(path, max_mib)?
    } else {
        irview::library::input::read_input(path, max_mib).map_err(|e| e.to_string())?
    };
    release::parse(&bytes, Some(path)).map_err(|release::DecodeError::NotText(what)| format!("not a text document ({what})"))
}

/// `irview --compare OLD NEW`: figures and status-update sentences, as text or JSON.
pub fn compare(old: &str, new: &str, json: bool, max_mib: u64) -> ExitCode {
    let o = match load(old, max_mib) {
        Ok(r) => r,
        Err(e) => return fail(old, e, EXIT_INPUT),
    };
    let n = match load(new, max_mib) {
        Ok(r) => r,
        Err(e) => return fail(new, e, EXIT_INPUT),
    };
    let c = irview::library::compare::compare(old, &o, new, &n);
    let mut out = std::io::stdout().lock();
    finish(if json {
        serde_json::to_writer(&mut out, &c)
            .map_err(std::io::Error::from)
            .and_then(|_| writeln!(out))
    } else {
        write!(out, "{}", irview::library::compare::to_text(&c))
    })
}
