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
    // two columns when one would not fit the height; then the first key of each side only
    let two = rows.len() + 4 > usize::from(area.height);
    if two {
        for (k, _) in &mut rows {
            let sides: Vec<&str> = k.split(" / ").map(|side| side.split(' ').next().unwrap_or(side)).collect();
            *k = if sides.len() > 1 {
                sides.join(" / ")
            } else {
                k.split(' ').take(2).collect::<Vec<_>>().join(" ")
            };
        }
    }
    let per_col = if two { rows.len().div_ceil(2) } else { rows.len() };
    let (left, right) = rows.split_at(per_col.min(rows.len()));
    let width_of = |col: &[(String, &str)]| {
        let keys = col.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
        let help = col.iter().map(|(_, h)| h.chars().count()).max().unwrap_or(0);
        (keys, help)
    };
    let (kl, mut hl) = width_of(left);
    let (kr, mut hr) = width_of(right);
    // each cell is " keys  help " inside a border of two cells: shrink the longer help to fit
    let cells = |hl: usize, hr: usize| kl + hl + 4 + if right.is_empty() { 0 } else { kr + hr + 4 } + 2;
    while cells(hl, hr) > usize::from(area.width) && hl.max(hr) > 1 {
        if hl >= hr {
            hl -= 1;
        } else {
            hr -= 1;
        }
    }
    let cell = |(k, h): &(String, &str), keyw: usize, helpw: usize| {
        let h: String = if h.chars().count() > helpw {
            h.chars().take(helpw.saturating_sub(1)).chain(['…']).collect()
        } else {
            h.to_string()
        };
        vec![
            Span::styled(format!(" {k:<keyw$}  "), theme.title()),
            Span::raw(format!("{h:<helpw$} ")),
        ]
    };
    let mut lines: Vec<Line> = left
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let mut spans = cell(row, kl, hl);
            if let Some(r) = right.get(i) {
                spans.extend(cell(r, kr, hr));
            }
            Line::from(spans)
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        " Mouse: click a panel, wheel scrolls. Esc or ? closes.",
        theme.dim(),
    )));
    let w = lines.iter().map(Line::width).max().unwrap_or(20) as u16 + 2;
    let box_area = centered(area, w, lines.len() as u16 + 2);
    frame.render_widget(Clear, box_area);
    frame.render_widget(
        Paragraph::new(lines).block(Block::new().borders(Borders::ALL).title(" Keys ")),
        box_area,
    );
}

fn documents(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) -> Option<(u16, u16)> {
    let docs = &app.release.source.documents;
    let whole = Line::from(Span::styled(
        "   The whole release (press-release exhibits, then the filing)",
        if app.document == 0 {
            theme.selected()
        } else {
            ratatui::style::Style::new()
        },
    ));
    let lines: Vec<Line> = std::iter::once(whole)
        .chain(docs.iter().enumerate().map(|(i, d)| {
            let i = i + 1;
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
        }))
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
