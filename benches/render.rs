//! Frame rendering: one frame of the viewer into a TestBackend at 120×40, for the bundled release
//! and the largest corpus release, after the first frame (wrapping is cached per width).
//! Run: `cargo bench --bench render`.

use divan::Bencher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;

fn main() {
    divan::main();
}

fn app_for(bytes: &[u8]) -> irview::tui::app::App {
    let r = irview::release::parse(bytes, Some("bench")).expect("parse");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
    let mut app = irview::tui::app::App::new(r, "bench", today, true);
    app.update(irview::tui::action::Action::Resize(120, 40));
    app
}

fn frames(b: Bencher, bytes: &[u8], panel: u8) {
    let mut app = app_for(bytes);
    app.update(irview::tui::action::Action::Panel(panel));
    app.update(irview::tui::action::Action::PageDown);
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    term.draw(|f| irview::tui::ui::render(f, &app)).expect("first frame");
    b.bench_local(|| {
        term.draw(|f| irview::tui::ui::render(f, &app)).expect("draw");
    });
}

#[divan::bench]
fn seed_frame(b: Bencher) {
    frames(b, irview::BUNDLED.as_bytes(), 7);
}

#[divan::bench]
fn largest_frame_all_panel(b: Bencher) {
    let dir = std::env::var_os("IRVIEW_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    let Ok(bytes) = std::fs::read(dir.join("2022-oracle-q4-fy22-earnings-ex99-1.htm")) else {
        eprintln!("corpus not found: largest_frame_all_panel skipped");
        return;
    };
    frames(b, &bytes, 7);
}
