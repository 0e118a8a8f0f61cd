//! The facts pane: deadlines as a timeline (with days after the release and relative to today),
//! red flags with their evidence, then facts grouped by kind.

use super::layout::facts_first;
use super::theme::Theme;
use crate::tui::app::{App, Focus};
use crate::tui::view::entries::{EntryKind, relative};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn render(frame: &mut Frame, app: &App, pane: Rect, list: Rect, theme: &Theme) -> Option<(u16, u16)> {
    if pane.width == 0 || pane.height == 0 {
        return None;
    }
    let focused = app.focus == Focus::Facts;
    let title = if focused {
        " Facts & deadlines (Enter jumps, f returns) "
    } else {
        " Facts & deadlines (f) "
    };
    let block = Block::new()
        .borders(Borders::LEFT)
        .title(Span::styled(title, if focused { theme.title() } else { theme.dim() }));
    frame.render_widget(block, pane);
    if list.width == 0 || list.height == 0 {
        return None;
    }
    let release_date = app.release.dateline.date;
    let first = facts_first(app.entry, list.height);
    let mut lines = Vec::new();
    for (i, e) in app.entries.iter().enumerate().skip(first).take(usize::from(list.height)) {
        let selected = focused && i == app.entry;
        let mut style = match e.kind {
            EntryKind::Header => theme.title(),
            EntryKind::Flag(_) => theme.flag_soft(),
            EntryKind::Fact(k) => theme.fact(k),
            EntryKind::Deadline(_) => Style::new(),
        };
        if selected {
            style = style.patch(theme.selected());
        }
        let mut spans = vec![Span::styled(e.text.clone(), style)];
        // a deadline reads: date time, days after the release, status, then what it is
        if let EntryKind::Deadline(d) = e.kind {
            if let Some(dl) = app.release.deadlines.get(d) {
                let date = dl.date;
                let after = release_date.map(|r| format!(" +{}d", (date - r).num_days())).unwrap_or_default();
                let rel = relative(date, app.today);
                let expired = date < app.today;
                spans = vec![
                    Span::styled(dl.when(), style),
                    Span::styled(format!("{after} "), theme.dim()),
                    Span::styled(rel, if expired { theme.dim() } else { theme.notice() }),
                    Span::styled(format!("  {}", dl.what.label()), style),
                ];
            }
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), list);
    (focused && app.entry >= first).then(|| (list.x, list.y + u16::try_from(app.entry - first).unwrap_or(0)))
}
