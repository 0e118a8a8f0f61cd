//! The reading pane: the selected panel's lines, wrapped to the width, with facts highlighted by
//! kind, the selection and search hits on top. Only the visible rows are styled.

use super::theme::Theme;
use crate::tui::app::App;
use crate::tui::view::panels::LineStyle;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// Style segments of one row: split at every boundary, the strongest style wins.
fn styled_row<'a>(app: &App, theme: &Theme, line_idx: usize, text: &'a str, start: usize, end: usize) -> Vec<Span<'a>> {
    let panel = &app.panels[app.panel];
    let line = panel.lines.get(line_idx);
    let base = match line.style {
        LineStyle::Body => Style::new(),
        LineStyle::Title | LineStyle::CardHead => theme.title(),
        LineStyle::Card => theme.card(),
        LineStyle::Notice => theme.notice(),
        LineStyle::Rule => theme.dim(),
    };
    // (from, to, style, priority) in line-relative bytes
    let mut layers: Vec<(usize, usize, Style, u8)> = Vec::new();
    if let Some(origin) = line.origin {
        let (abs_s, abs_e) = (origin + start, origin + end);
        let facts = &app.release.facts;
        let first = facts.partition_point(|f| f.start + 200 < abs_s);
        for f in facts[first..].iter().take_while(|f| f.start < abs_e) {
            if f.end > abs_s {
                layers.push((f.start.max(abs_s) - origin, f.end.min(abs_e) - origin, theme.fact(f.kind), 1));
            }
        }
        if let Some((s, e)) = app.selected {
            if s < abs_e && e > abs_s {
                layers.push((s.max(abs_s) - origin, e.min(abs_e) - origin, theme.selected(), 2));
            }
        }
    }
    if let Some(custom) = app.custom.get(app.panel) {
        let first = custom.partition_point(|h| h.0 < line_idx);
        for &(_, s, e, rule) in custom[first..].iter().take_while(|h| h.0 == line_idx) {
            if s < end && e > start {
                layers.push((s.max(start), e.min(end), app.highlights[rule].1, 1));
            }
        }
    }
    let hits = &app.search.hits;
    let first_hit = hits.partition_point(|h| h.line < line_idx);
    for (i, h) in hits.iter().enumerate().skip(first_hit).take_while(|(_, h)| h.line == line_idx) {
        if h.start < end && h.end > start {
            let style = if app.search.current == Some(i) {
                theme.hit_current()
            } else {
                theme.hit()
            };
            layers.push((h.start.max(start), h.end.min(end), style, 3));
        }
    }
    let mut cuts: Vec<usize> = vec![start, end];
    for (s, e, _, _) in &layers {
        cuts.push(*s);
        cuts.push(*e);
    }
    cuts.retain(|c| *c >= start && *c <= end && text.is_char_boundary(*c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a == b {
            continue;
        }
        let mut style = base;
        let mut layered: Vec<&(usize, usize, Style, u8)> = layers.iter().filter(|(s, e, _, _)| *s <= a && b <= *e).collect();
        layered.sort_by_key(|l| l.3);
        for l in layered {
            style = style.patch(l.2);
        }
        spans.push(Span::styled(&text[a..b], style));
    }
    spans
}

/// Draw the pane; returns where the cursor should go (the selection, if on screen).
pub fn render(frame: &mut Frame, app: &App, area: Rect, text_area: Rect, theme: &Theme) -> Option<(u16, u16)> {
    if area.width == 0 || area.height == 0 || text_area.width == 0 {
        return None;
    }
    let rows = app.rows(app.panel, text_area.width);
    let panel = &app.panels[app.panel];
    let top = app.scroll[app.panel].min(rows.len().saturating_sub(1));
    let mut lines: Vec<Line> = Vec::with_capacity(usize::from(text_area.height));
    let mut cursor = None;
    for (i, row) in rows.iter().skip(top).take(usize::from(text_area.height)).enumerate() {
        let l = panel.lines.get(row.line());
        let spans = styled_row(app, theme, row.line(), l.text, row.start(), row.end());
        if cursor.is_none() {
            if let (Some((s, _)), Some(o)) = (app.selected, l.origin) {
                if s >= o + row.start() && s < o + row.end() {
                    let col = l.text[row.start()..s - o].width();
                    cursor = Some((
                        text_area.x + u16::try_from(col).unwrap_or(0).min(text_area.width - 1),
                        text_area.y + i as u16,
                    ));
                }
            }
        }
        lines.push(Line::from(spans));
    }
    if panel.lines.iter().all(|l| l.text.trim().is_empty()) {
        lines = vec![Line::from(Span::styled(
            format!("Nothing under {} in this release.", panel.kind.title()),
            theme.dim(),
        ))];
    }
    frame.render_widget(Paragraph::new(lines), text_area);
    cursor
}
