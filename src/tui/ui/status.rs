//! The status bar (file, position, search state or message, key hints) and the legend.

use super::theme::Theme;
use crate::release::FactKind;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Mode, active};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// Hints shown in the bar, taken from the keymap table.
fn hints() -> String {
    let wanted = [
        (Action::Help, "help"),
        (Action::NextPanel, "panels"),
        (Action::Search, "search"),
        (Action::FocusFacts, "facts"),
        (Action::Quit, "quit"),
    ];
    wanted
        .iter()
        .filter_map(|(a, word)| {
            active()
                .iter()
                .find(|b| b.mode == Mode::Normal && b.action == *a)
                .map(|b| format!("{} {word}", b.keys))
        })
        .collect::<Vec<_>>()
        .join("  ")
}

/// Draw the bar; in search mode returns the cursor position after the query.
pub fn render(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) -> Option<(u16, u16)> {
    let (line, total, pct) = app.position();
    let left = format!(" {}  {}/{} ({pct}%) ", app.name, line, total);
    let search = &app.search;
    let middle = if app.mode == Mode::Search {
        format!("/{}", search.query)
    } else if let Some(m) = &app.message {
        m.clone()
    } else if !search.query.is_empty() {
        format!("/{}  {}", search.query, search.counter())
    } else {
        String::new()
    };
    let counter = if app.mode == Mode::Search && !search.query.is_empty() {
        format!("  {}", search.counter())
    } else {
        String::new()
    };
    let hints = hints();
    let width = usize::from(area.width);
    let used = left.width() + 1 + middle.width() + counter.width();
    let right = if used + hints.width() + 2 <= width {
        format!("{:>w$}", hints, w = width - used)
    } else {
        String::new()
    };
    let bar = Line::from(vec![
        Span::styled(left.clone(), theme.bar()),
        Span::raw(" "),
        Span::styled(middle.clone(), theme.title()),
        Span::raw(counter),
        Span::styled(right, theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(bar), area);
    (app.mode == Mode::Search).then(|| {
        let x = area.x
            + u16::try_from(left.width() + 1 + middle.width())
                .unwrap_or(u16::MAX)
                .min(area.width.saturating_sub(1));
        (x, area.y)
    })
}

pub fn legend(frame: &mut Frame, area: Rect, theme: &Theme) {
    let mut spans = vec![Span::raw(" ")];
    for k in FactKind::ALL {
        spans.push(Span::styled(k.label(), theme.fact(k)));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled("selection", theme.selected()));
    spans.push(Span::raw(" "));
    spans.push(Span::styled("match", theme.hit()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
