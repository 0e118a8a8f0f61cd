//! load -> extract -> render into a TestBackend, for any bytes. The first byte picks the size.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fuzz_target!(|data: &[u8]| {
    let (w, h) = match data.first() {
        Some(b) => (u16::from(*b % 150) + 1, u16::from(*b / 4 % 50) + 1),
        None => (80, 24),
    };
    let Ok(release) = irview::release::parse(data, Some("fuzz.txt")) else { return };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
    let mut app = irview::app::App::new(release, "fuzz", today, true);
    app.update(irview::action::Action::Resize(w, h));
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    for action in [
        irview::action::Action::Panel(7),
        irview::action::Action::Bottom,
        irview::action::Action::NextFact,
        irview::action::Action::Panel(2),
        irview::action::Action::FocusFacts,
        irview::action::Action::Select,
    ] {
        app.update(action);
        term.draw(|f| irview::ui::render(f, &app)).expect("draw");
    }
});
