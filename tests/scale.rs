//! Scale: a folder of many small releases fills the list with every row in within 1.5× the time
//! batch parsing (`--json DIR`) takes, and a key press is answered within 50 ms all along; a
//! release of 100,000 amounts opens in the viewer in under 0.5 s and a frame draws in under 2 ms.
//! The folder here is 2,000 files to keep the test quick; `cargo bench --bench budgets` runs
//! 20,000. Timings are budgets for an optimised build: in a debug build they are only reported.

use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use irview::library::parallel;
use irview::library::state::State;
use irview::tui::shell::{Msg, Shell};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn folder(n: usize) -> (PathBuf, Vec<PathBuf>) {
    let dir = std::env::temp_dir().join(format!("irview-scale-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let paths: Vec<PathBuf> = (0..n)
        .map(|i| {
            let p = dir.join(format!("r{i:05}.txt"));
            std::fs::write(&p, irview::release::stress::small_release(i)).expect("write");
            p
        })
        .collect();
    (dir, paths)
}

/// Batch parsing of the folder, as `irview --json DIR` does it (JSON written to a sink).
fn batch(paths: &[PathBuf]) -> Duration {
    let t = Instant::now();
    let mut out = std::io::sink();
    parallel::in_order(paths.to_vec(), 64, |p| {
        if let Ok(r) = p.result {
            let _ = serde_json::to_writer(&mut out, &r);
        }
    });
    t.elapsed()
}

/// The list filling in, driven as the event loop drives it, with a key press every frame:
/// (time until every row is in, slowest key press).
fn fill(paths: &[PathBuf], filter: &str) -> (Duration, Duration) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
    let t = Instant::now();
    let mut shell = Shell::list(paths.to_vec(), State::default(), today, false, false, (120, 40));
    let rx = parallel::spawn_cancellable(paths.to_vec(), 64, shell.library.cancel_token());
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    term.draw(|f| irview::tui::ui::draw(f, &shell)).expect("draw");
    if !filter.is_empty() {
        // a filter typed while the rows come in is applied to each of them, every frame
        shell.update(Msg::Event(Event::Key(KeyEvent::new(KeyCode::Char('/'), KeyModifiers::NONE))));
        for c in filter.chars() {
            shell.update(Msg::Event(Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))));
        }
        shell.update(Msg::Event(Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE))));
    }
    let frame = Duration::from_millis(30);
    let (mut worst, mut last) = (Duration::ZERO, Instant::now());
    let mut down = true;
    while shell.busy() {
        match rx.recv_timeout(frame) {
            Ok(p) => {
                let batch = Instant::now();
                shell.update(Msg::Parsed(Box::new(p)));
                while batch.elapsed() < Duration::from_millis(10) {
                    let Ok(p) = rx.try_recv() else { break };
                    shell.update(Msg::Parsed(Box::new(p)));
                }
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
        }
        if last.elapsed() >= frame {
            // a key press: handled, the order settled, a frame drawn
            let k = Instant::now();
            let key = if down { 'j' } else { 'k' };
            down = !down;
            shell.update(Msg::Event(Event::Key(KeyEvent::new(KeyCode::Char(key), KeyModifiers::NONE))));
            shell.settle();
            term.draw(|f| irview::tui::ui::draw(f, &shell)).expect("draw");
            worst = worst.max(k.elapsed());
            last = Instant::now();
        }
    }
    shell.settle();
    term.draw(|f| irview::tui::ui::draw(f, &shell)).expect("draw");
    (t.elapsed(), worst)
}

fn optimised() -> bool {
    !cfg!(debug_assertions)
}

#[test]
fn a_folder_of_small_releases_fills_the_list_in_time_and_keys_answer() {
    let (dir, paths) = folder(2000);
    // the first parse of a process compiles the expressions: not a cost of either side
    batch(&paths[..1]);
    let json = batch(&paths);
    let (filled, worst_key) = fill(&paths, "");
    let (_, worst_filtered) = fill(&paths, "company rep");
    let _ = std::fs::remove_dir_all(&dir);
    eprintln!("2000 files: --json {json:?}, list filled {filled:?}, slowest key {worst_key:?}, with a filter {worst_filtered:?}");
    assert!(
        worst_filtered < Duration::from_millis(50),
        "a key press took {worst_filtered:?} with a filter"
    );
    // a debug build of the test profile is too slow to hold release budgets; the key budget holds
    assert!(worst_key < Duration::from_millis(50), "a key press took {worst_key:?}");
    if optimised() {
        assert!(
            filled.as_secs_f64() <= 1.5 * json.as_secs_f64() + 0.05,
            "{filled:?} against {json:?}"
        );
    }
}

#[test]
fn a_release_of_100000_amounts_opens_at_once() {
    let text = irview::release::stress::amounts(100_000);
    let t = Instant::now();
    let r = irview::release::parse(text.as_bytes(), Some("amounts.txt")).expect("parse");
    let parsed = t.elapsed();
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
    let mut app = irview::tui::app::App::new(r, "amounts.txt", today, true);
    app.update(irview::tui::action::Action::Resize(120, 40));
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    term.draw(|f| irview::tui::ui::render(f, &app)).expect("draw");
    let opened = t.elapsed();
    app.update(irview::tui::action::Action::PageDown);
    let f = Instant::now();
    term.draw(|f| irview::tui::ui::render(f, &app)).expect("draw");
    let frame = f.elapsed();
    eprintln!("100,000 amounts: parsed {parsed:?}, first frame at {opened:?}, next frame {frame:?}");
    assert!(app.entries.len() > 100_000);
    // linear, not quadratic: even unoptimised it opens in seconds, not minutes
    assert!(opened < Duration::from_secs(if optimised() { 1 } else { 20 }), "{opened:?}");
    if optimised() {
        assert!(frame < Duration::from_millis(2), "{frame:?}");
    }
}
