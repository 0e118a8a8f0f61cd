//! The budgets of the architecture, measured (medians on the machine that runs them):
//! - `cold_start_json_bundled`: the release binary started as a child, `irview --json` of the
//!   bundled release: a whole process, regular expressions compiled and all.
//! - `list_fill_20000` against `json_dir_20000`: a folder of 20,000 small releases, the list
//!   filling in (headless, as the event loop drives it, a key press each frame) and batch parsing
//!   as `irview --json DIR` does it. The slowest key press of the fill is printed.
//! - `open_100000_amounts` (parse, build the viewer, first frame) and `frame_100000_amounts`.
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
use std::path::PathBuf;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

fn main() {
    divan::main();
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")
}

#[divan::bench(sample_count = 30)]
fn cold_start_json_bundled() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_irview"))
        .arg("--json")
        .output()
        .expect("run irview");
    assert!(out.status.success());
    divan::black_box(out.stdout.len());
}

static FOLDER: LazyLock<Vec<PathBuf>> = LazyLock::new(|| {
    let dir = std::env::temp_dir().join("irview-bench-20000");
    let months = ["January", "March", "May", "July", "September", "November"];
    std::fs::create_dir_all(&dir).expect("dir");
    let paths: Vec<PathBuf> = (0..20_000)
        .map(|i| {
            let p = dir.join(format!("r{i:05}.txt"));
            if !p.exists() {
                let text = format!(
                    "Company{i} Reports Results\n\nACME, Ohio--(BUSINESS WIRE)--{} {}, 20{:02}--Company{i} Inc. (NYSE: C{i}) reported revenue of ${}.{} million. The replay is available through {} 30, 2030.\n",
                    months[i % 6],
                    i % 28 + 1,
                    i % 25,
                    i % 900 + 10,
                    i % 10,
                    months[(i + 1) % 6],
                );
                std::fs::write(&p, text).expect("write");
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
    parallel::in_order(paths, 64, |p| {
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
