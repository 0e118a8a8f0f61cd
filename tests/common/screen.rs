//! Drawing the app into a TestBackend, and driving it with terminal events.

use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use irview::release;
use irview::tui::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A fixed "today" so that relative dates in snapshots do not change.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")
}

pub fn seed_app(w: u16, h: u16) -> App {
    let r = release::parse(irview::BUNDLED.as_bytes(), Some(irview::BUNDLED_NAME)).expect("seed");
    let mut app = App::new(r, irview::BUNDLED_NAME, today(), false);
    send(&mut app, Event::Resize(w, h));
    app
}

/// Apply an event through the same path as the real loop.
pub fn send(app: &mut App, ev: Event) {
    if let Some(a) = irview::tui::terminal::action_for(&ev, app) {
        app.update(a);
    }
}

pub fn key(app: &mut App, code: KeyCode) {
    let mods = match code {
        KeyCode::Char(c) if c.is_ascii_uppercase() || "?".contains(c) => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    send(app, Event::Key(KeyEvent::new(code, mods)));
}

pub fn keys(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, KeyCode::Char(c));
    }
}

pub fn draw(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).expect("terminal");
    t.draw(|f| irview::tui::ui::render(f, app)).expect("draw");
    t
}

/// The screen as text, one line per row.
pub fn screen(app: &App) -> String {
    let t = draw(app);
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                // the cell after a wide character continues it
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            line.push_str(sym);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
