//! Overlays drawn over the panes: the `?` help (from the keymap table) and the document list.

use super::centered;
use super::theme::Theme;
use crate::tui::app::App;
use crate::tui::keymap::{Mode, help_rows};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

pub fn render(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) -> Option<(u16, u16)> {
    match app.mode {
        Mode::Help => {
            help(frame, area, theme);
            None
        }
        Mode::Documents => documents(frame, app, area, theme),
        _ => None,
    }
}

fn help(frame: &mut Frame, area: Rect, theme: &Theme) {
    let mut rows = help_rows(Mode::Normal);
    // two columns when one would not fit the height; then at most two keys per action
    let two = rows.len() + 4 > usize::from(area.height);
    if two {
        for (k, _) in &mut rows {
            *k = k.split(' ').take(2).collect::<Vec<_>>().join(" ");
        }
    }
    let keyw = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
    let per_col = if two { rows.len().div_ceil(2) } else { rows.len() };
    let longest = rows.iter().map(|(_, h)| h.chars().count()).max().unwrap_or(0);
    let helpw = if two {
        longest.min((usize::from(area.width) / 2).saturating_sub(keyw + 5))
    } else {
        longest
    };
    let cell = |(k, h): &(String, &str)| {
        let h: String = h.chars().take(helpw).collect();
        vec![
            Span::styled(format!(" {k:<keyw$}  "), theme.title()),
            Span::raw(format!("{h:<helpw$}")),
        ]
    };
    let mut lines: Vec<Line> = (0..per_col)
        .map(|i| {
            let mut spans = cell(&rows[i]);
            if let Some(r) = rows.get(i + per_col).filter(|_| per_col < rows.len()) {
                spans.extend(cell(r));
            }
            Line::from(spans)
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        " Mouse: click a panel, wheel scrolls. Esc or ? closes.",
        theme.dim(),
    )));
    let w = lines.iter().map(Line::width).max().unwrap_or(20) as u16 + 3;
    let box_area = centered(area, w, lines.len() as u16 + 2);
    frame.render_widget(Clear, box_area);
    frame.render_widget(
        Paragraph::new(lines).block(Block::new().borders(Borders::ALL).title(" Keys ")),
        box_area,
    );
}

fn documents(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) -> Option<(u16, u16)> {
    let docs = &app.release.source.documents;
    let lines: Vec<Line> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let mark = if d.shown { "*" } else { " " };
            let text = if d.has_text { "" } else { "  (no text)" };
            let label = format!(
                " {mark} {:<10} {} {}{text}",
                d.doc_type,
                d.filename.as_deref().unwrap_or(""),
                d.description.as_deref().unwrap_or("")
            );
            let style = if i == app.document {
                theme.selected()
            } else if d.has_text {
                ratatui::style::Style::new()
            } else {
                theme.dim()
            };
            Line::from(Span::styled(label, style))
        })
        .collect();
    let w = lines.iter().map(Line::width).max().unwrap_or(20).max(40) as u16 + 2;
    let h = (lines.len() as u16).saturating_add(2).min(area.height);
    let box_area = centered(area, w, h);
    let skip = app.document.saturating_sub(usize::from(h.saturating_sub(3)));
    frame.render_widget(Clear, box_area);
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>())
            .block(Block::new().borders(Borders::ALL).title(" Documents (Enter opens, Esc closes) ")),
        box_area,
    );
    Some((box_area.x + 1, box_area.y + 1 + u16::try_from(app.document - skip).unwrap_or(0)))
}
