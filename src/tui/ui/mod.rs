//! Rendering: a pure function of the app state. One file per pane; `theme` turns kinds into styles.

pub mod facts;
pub mod header;
pub mod list;
pub mod overlays;
pub mod reading;
pub mod status;
pub mod tabs;
pub mod theme;

use crate::tui::app::App;
pub use crate::tui::view::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

/// Draw the shell's screen.
pub fn draw(frame: &mut Frame, shell: &crate::tui::shell::Shell) {
    match shell.app() {
        Some(app) => render(frame, app),
        None => list::render(frame, &shell.list),
    }
}

/// Draw the viewer.
pub fn render(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let areas = app.areas_in(area);
    // the viewer keeps what was drawn, so a click hits what the reader saw
    app.record_viewport(&areas);
    if areas.too_small {
        let msg = format!(
            "Terminal too small ({}\u{d7}{}): irview needs at least {MIN_WIDTH}\u{d7}{MIN_HEIGHT}",
            area.width, area.height
        );
        frame.render_widget(Paragraph::new(Line::from(msg)).wrap(Wrap { trim: true }), area);
        frame.set_cursor_position((area.x, area.y));
        return;
    }
    let theme = theme::Theme::for_background(app.color, app.light);
    header::render(frame, app, areas.header, &theme);
    tabs::render(frame, app, &areas, &theme);
    let reading_cursor = reading::render(frame, app, areas.reading, areas.text, &theme);
    let facts_cursor = facts::render(frame, app, areas.facts_pane, areas.facts, &theme);
    if areas.legend.height > 0 {
        status::legend(frame, areas.legend, &theme);
    }
    let status_cursor = status::render(frame, app, areas.status, &theme);
    let overlay_cursor = overlays::render(frame, app, area, &theme);
    // The real cursor follows the selected item, for screen readers and magnifiers.
    let cursor = overlay_cursor.or(status_cursor).or(match app.focus {
        crate::tui::app::Focus::Facts => facts_cursor,
        crate::tui::app::Focus::Reading => reading_cursor,
    });
    if let Some(c) = cursor.or(Some((areas.text.x, areas.text.y))) {
        frame.set_cursor_position(c);
    }
}

/// A rectangle of `w`×`h` centred in `area`, clipped to it.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}
