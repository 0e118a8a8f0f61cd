//! The budgets of the architecture, measured (medians on the machine that runs them):
//! - `cold_start_json_bundled`: the release binary started as a child, `irview --json` of the
//!   bundled release: a whole process, regular expressions compiled and all;
//!   `cold_start_json_bundled_installed` the same of a copy of it, as installed.
//! - `list_fill_20000` against `json_dir_20000`: a folder of 20,000 small releases, the list
//!   filling in (headless, as the event loop drives it, a key press each frame) and batch parsing
//!   as `irview --json DIR` does it. The slowest key press of the fill is printed.
//! - `open_100000_amounts` (parse, build the viewer, first frame) and `frame_100000_amounts`.
//! - `cold_start_json_bundled` and `json_corpus_process` also print the CPU time their child
//!   processes took (user + system, from `getrusage` on Linux; the median of the runs and the
//!   least): the cold start's budget is CPU per process, the corpus's MB/s per core.
//!
//! Run: `cargo bench --bench budgets`.

use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use divan::Bencher;
use irview::library::parallel;
use irview::library::state::State;
use irview::tui::shell::{Msg, Shell};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

fn main() {
    divan::main();
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")
}

/// CPU time (user + system) of the waited-for children of this process so far, to the
/// microsecond (`getrusage`; Linux, zero elsewhere).
fn children_cpu() -> Duration {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: an all-zero `rusage` is a valid value, and `getrusage` only writes the one it is given.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        if unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) } == 0 {
            let time = |t: libc::timeval| {
                Duration::from_secs(u64::try_from(t.tv_sec).unwrap_or(0)) + Duration::from_micros(u64::try_from(t.tv_usec).unwrap_or(0))
            };
            return time(usage.ru_utime) + time(usage.ru_stime);
        }
    }
    Duration::ZERO
}

/// The median and the least of each run's child CPU time: the machine is shared, and a mean
/// takes in every run another process slowed.
fn median_and_least(mut runs: Vec<Duration>) -> Option<(Duration, Duration)> {
    runs.sort();
    Some((*runs.get(runs.len() / 2)?, *runs.first()?))
}

/// Runs of `bin` with `args` as a child, each run's child CPU time collected.
fn child_runs(b: Bencher, bin: &Path, args: &[&std::ffi::OsStr]) -> Vec<Duration> {
    let mut runs = Vec::new();
    b.bench_local(|| {
        let before = children_cpu();
        let out = std::process::Command::new(bin).args(args).output().expect("run irview");
        assert!(out.status.success());
        runs.push(children_cpu() - before);
        divan::black_box(out.stdout.len());
    });
    runs
}

fn print_cold_start(label: &str, runs: Vec<Duration>) {
    let n = runs.len();
    if let Some((median, least)) = median_and_least(runs).filter(|(m, _)| !m.is_zero()) {
        eprintln!("{label}: {median:?} CPU per process (median of {n}; least {least:?})");
    }
}

/// The binary cargo just linked: the first starts of a freshly written file cost more here
/// (its pages in the page cache as the linker wrote them) than those of an installed copy.
#[divan::bench(sample_count = 30)]
fn cold_start_json_bundled(b: Bencher) {
    let runs = child_runs(b, Path::new(env!("CARGO_BIN_EXE_irview")), &["--json".as_ref()]);
    print_cold_start("cold_start_json_bundled", runs);
}

/// The same binary copied to a folder of its own, as `cargo install` puts it on a user's path.
static INSTALLED: LazyLock<PathBuf> = LazyLock::new(|| {
    // one place, written over by each run of the benchmarks
    let dir = std::env::temp_dir().join("irview-bench-bin");
    std::fs::create_dir_all(&dir).expect("dir");
    let bin = dir.join("irview");
    std::fs::copy(env!("CARGO_BIN_EXE_irview"), &bin).expect("copy the binary");
    bin
});

#[divan::bench(sample_count = 30)]
fn cold_start_json_bundled_installed(b: Bencher) {
    let runs = child_runs(b, &INSTALLED, &["--json".as_ref()]);
    print_cold_start("cold_start_json_bundled_installed", runs);
}

/// `irview --json` of the shared corpus as a child process: MB/s per core of CPU time.
#[divan::bench(sample_count = 15)]
fn json_corpus_process(b: Bencher) {
    let dir = std::env::var_os("IRVIEW_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    if !dir.is_dir() {
        eprintln!("corpus not found: json_corpus_process skipped");
        return;
    }
    let bytes: u64 = irview::library::files::expand(&[&dir])
        .files
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let runs = child_runs(b, Path::new(env!("CARGO_BIN_EXE_irview")), &["--json".as_ref(), dir.as_os_str()]);
    let n = runs.len();
    if let Some((cpu, least)) = median_and_least(runs).filter(|(m, _)| !m.is_zero()) {
        eprintln!(
            "json_corpus_process: {:.1} MB in {cpu:?} CPU per run (median of {n}; least {least:?}) = {:.1} MB/s per core",
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / cpu.as_secs_f64()
        );
    }
}

static FOLDER: LazyLock<Vec<PathBuf>> = LazyLock::new(|| {
    let dir = std::env::temp_dir().join("irview-bench-20000");
    std::fs::create_dir_all(&dir).expect("dir");
    let paths: Vec<PathBuf> = (0..20_000)
        .map(|i| {
            let p = dir.join(format!("r{i:05}.txt"));
            if !p.exists() {
                std::fs::write(&p, irview::release::stress::small_release(i)).expect("write");
            }
            p
        })
        .collect();
    // compile the expressions once, outside the measurements
    parallel::in_order(paths[..1].to_vec(), 64, |_| {});
    paths
});

#[divan::bench(sample_count = 5)]
fn json_dir_20000() {
    let paths = FOLDER.clone();
    let mut out = std::io::sink();
    // as `irview --json DIR`: no content hashes
    parallel::in_order_with(paths, 64, parallel::Hashes::Skip, |p| {
        if let Ok(r) = p.result {
            let _ = serde_json::to_writer(&mut out, &r);
        }
    });
}

#[divan::bench(sample_count = 5)]
fn list_fill_20000() {
    let paths = FOLDER.clone();
    let mut shell = Shell::list(paths.clone(), State::default(), today(), false, false, (120, 40));
    let rx = parallel::spawn_cancellable(paths, 64, shell.library.cancel_token());
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    term.draw(|f| irview::tui::ui::draw(f, &shell)).expect("draw");
    let frame = Duration::from_millis(30);
    let (mut worst, mut last) = (Duration::ZERO, Instant::now());
    while shell.busy() {
        if let Ok(p) = rx.recv_timeout(frame) {
            let batch = Instant::now();
            shell.update(Msg::Parsed(Box::new(p)));
            while batch.elapsed() < Duration::from_millis(10) {
                let Ok(p) = rx.try_recv() else { break };
                shell.update(Msg::Parsed(Box::new(p)));
            }
        }
        if last.elapsed() >= frame {
            let k = Instant::now();
            shell.update(Msg::Event(Event::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE))));
            shell.settle();
            term.draw(|f| irview::tui::ui::draw(f, &shell)).expect("draw");
            worst = worst.max(k.elapsed());
            last = Instant::now();
        }
    }
    shell.settle();
    term.draw(|f| irview::tui::ui::draw(f, &shell)).expect("draw");
    eprintln!("list_fill_20000: slowest key press {worst:?}");
}

static AMOUNTS: LazyLock<String> = LazyLock::new(|| irview::release::stress::amounts(100_000));

#[divan::bench(sample_count = 5)]
fn open_100000_amounts() {
    let r = irview::release::parse(AMOUNTS.as_bytes(), Some("amounts.txt")).expect("parse");
    let mut app = irview::tui::app::App::new(r, "amounts.txt", today(), true);
    app.update(irview::tui::action::Action::Resize(120, 40));
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    term.draw(|f| irview::tui::ui::render(f, &app)).expect("draw");
}

#[divan::bench]
fn frame_100000_amounts(b: Bencher) {
    let r = irview::release::parse(AMOUNTS.as_bytes(), Some("amounts.txt")).expect("parse");
    let mut app = irview::tui::app::App::new(r, "amounts.txt", today(), true);
    app.update(irview::tui::action::Action::Resize(120, 40));
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    term.draw(|f| irview::tui::ui::render(f, &app)).expect("first frame");
    app.update(irview::tui::action::Action::PageDown);
    b.bench_local(|| {
        term.draw(|f| irview::tui::ui::render(f, &app)).expect("draw");
    });
}
