//! load -> extract -> render into a TestBackend, for any bytes. The first byte picks the terminal
//! size; the last 24 bytes are also read as a script of viewer actions.
#![no_main]

use irview::tui::action::Action;
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const ACTIONS: &[Action] = &[
    Action::NextPanel,
    Action::PrevPanel,
    Action::Panel(0),
    Action::Panel(2),
    Action::Panel(4),
    Action::Panel(7),
    Action::Down(1),
    Action::Up(1),
    Action::PageDown,
    Action::PageUp,
    Action::Top,
    Action::Bottom,
    Action::NextFact,
    Action::PrevFact,
    Action::FocusFacts,
    Action::Select,
    Action::Search,
    Action::SearchChar('a'),
    Action::SearchChar('1'),
    Action::SearchBackspace,
    Action::SearchConfirm,
    Action::NextMatch,
    Action::PrevMatch,
    Action::Escape,
    Action::Yank,
    Action::ToggleLegend,
    Action::Help,
    Action::Documents,
    Action::Resize(1, 1),
    Action::Resize(20, 5),
    Action::Resize(80, 24),
    Action::Resize(200, 60),
    Action::Click(3, 3),
];

fuzz_target!(|data: &[u8]| {
    let (w, h) = match data.first() {
        Some(b) => (u16::from(*b % 150) + 1, u16::from(*b / 4 % 50) + 1),
        None => (80, 24),
    };
    let Ok(release) = irview::release::parse(data, Some("fuzz.txt")) else { return };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
    let mut app = irview::tui::app::App::new(release, "fuzz", today, true);
    app.update(Action::Resize(w, h));
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| irview::tui::ui::render(f, &app)).expect("draw");
    let script = &data[data.len().saturating_sub(24)..];
    for b in script {
        let action = ACTIONS[usize::from(*b) % ACTIONS.len()];
        app.update(action);
        if let Action::Resize(w, h) = action {
            term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        }
        term.draw(|f| irview::tui::ui::render(f, &app)).expect("draw");
    }
});
