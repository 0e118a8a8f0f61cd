//! The release list and the cross-release timeline.

use super::theme::Theme;
use super::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::browser::Browser;
use crate::tui::keymap::{Mode, active};
use crate::tui::view::entries::relative;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Cut or pad to exactly `w` cells; the last cell stays blank as a column gap.
fn cell(s: &str, w: usize) -> String {
    let mut out = fit(s, w.saturating_sub(1));
    out.push(' ');
    out
}

/// Cut or pad to exactly `w` cells.
fn fit(s: &str, w: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push_str(&" ".repeat(w - used));
    out
}

fn hints(mode: Mode) -> String {
    active()
        .iter()
        .filter(|b| b.mode == mode && !matches!(b.keys, "↓" | "↑" | "k" | "Ctrl-C" | "PgUp" | "G"))
        .map(|b| format!("{} {}", b.keys, b.help.split(&[',', ':', '('][..]).next().unwrap_or(b.help).trim()))
        .collect::<Vec<_>>()
        .join("  ")
}

pub fn render(frame: &mut Frame, b: &Browser) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = format!(
            "Terminal too small ({}\u{d7}{}): irview needs at least {MIN_WIDTH}\u{d7}{MIN_HEIGHT}",
            area.width, area.height
        );
        frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
        return;
    }
    let theme = Theme::for_background(b.color, b.light);
    let [title, head, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let total = b.rows.len();
    let progress = if b.parsed < total {
        format!(" \u{b7} parsing {}/{total}\u{2026}", b.parsed)
    } else {
        String::new()
    };
    let filter = if b.mode == Mode::Filter || !b.filter.is_empty() {
        format!(" \u{b7} filter /{}", b.filter)
    } else {
        String::new()
    };
    let what = if b.mode == Mode::Timeline {
        "all deadlines, soonest first"
    } else {
        b.sort.label()
    };
    let t = format!(
        " irview \u{2014} {total} releases ({} shown){progress} \u{b7} {what}{filter}",
        b.order.len()
    );
    frame.render_widget(Paragraph::new(Span::styled(t, theme.title())), title);
    let w = usize::from(area.width);
    let height = usize::from(body.height);
    let mut lines = Vec::with_capacity(height);
    let mut cursor = (body.x, body.y);
    if b.mode == Mode::Timeline {
        frame.render_widget(
            Paragraph::new(Span::styled(
                cell("  Date        Time         When                 Company               What", w),
                theme.dim(),
            )),
            head,
        );
        let first = b.timeline_selected.saturating_sub(height.saturating_sub(1));
        for (i, t) in b.timeline.iter().enumerate().skip(first).take(height) {
            let row = &b.rows[t.row];
            let time = t
                .time
                .map(|x| format!("{} {}", x.format("%H:%M"), t.tz.as_deref().unwrap_or("")))
                .unwrap_or_default();
            let text = format!(
                "  {}  {}  {}  {}  {}",
                t.date,
                cell(&time, 11),
                cell(&relative(t.date, b.today), 19),
                cell(&row.company, 20),
                t.what.label()
            );
            let mut style = if t.date < b.today {
                theme.dim()
            } else {
                ratatui::style::Style::new()
            };
            if i == b.timeline_selected {
                style = style.patch(theme.selected());
                cursor.1 = body.y + u16::try_from(i - first).unwrap_or(0);
            }
            lines.push(Line::from(Span::styled(cell(&text, w), style)));
        }
        if b.timeline.is_empty() {
            lines.push(Line::from(Span::styled("  No deadlines in these releases.", theme.dim())));
        }
    } else {
        let fixed = 2 + 11 + 23 + 14 + 22 + 5;
        let hw = w.saturating_sub(fixed).max(10);
        let header = format!(
            "  {}{}{}{}{}{}",
            cell("Date", 11),
            cell("Company", 23),
            cell("Ticker", 14),
            cell("Red flags", 22),
            cell("Open", 5),
            cell("Headline", hw)
        );
        frame.render_widget(Paragraph::new(Span::styled(cell(&header, w), theme.dim())), head);
        let first = b.selected.saturating_sub(height.saturating_sub(1));
        for (pos, &i) in b.order.iter().enumerate().skip(first).take(height) {
            let r = &b.rows[i];
            let mark = if b.is_reviewed(r) { "\u{2713} " } else { "  " };
            let flags = match r.flags.len() {
                0 => String::new(),
                1 => r.flags[0].to_string(),
                n => format!("{} +{}", r.flags[0], n - 1),
            };
            let headline = match (&r.error, r.loading) {
                (Some(e), _) => format!("{}: {e}", r.headline),
                (None, true) => format!("{} (loading\u{2026})", r.headline),
                _ => r.headline.clone(),
            };
            let open = if r.open_deadlines > 0 {
                r.open_deadlines.to_string()
            } else {
                String::new()
            };
            let mut spans = vec![
                Span::raw(mark),
                Span::raw(cell(&r.date.map(|d| d.to_string()).unwrap_or_default(), 11)),
                Span::styled(cell(&r.company, 23), theme.title()),
                Span::raw(cell(&r.ticker, 14)),
                Span::styled(cell(&flags, 22), theme.flag_soft()),
                Span::styled(cell(&open, 5), theme.notice()),
                Span::raw(cell(&headline, hw)),
            ];
            let base = if r.error.is_some() || r.loading {
                theme.dim()
            } else {
                ratatui::style::Style::new()
            };
            for s in &mut spans {
                s.style = base.patch(s.style);
                if pos == b.selected {
                    s.style = s.style.patch(theme.selected());
                }
            }
            if pos == b.selected {
                cursor.1 = body.y + u16::try_from(pos - first).unwrap_or(0);
            }
            lines.push(Line::from(spans));
        }
        if b.order.is_empty() {
            lines.push(Line::from(Span::styled(
                "  No release matches the filter (Esc clears it).",
                theme.dim(),
            )));
        }
    }
    frame.render_widget(Paragraph::new(lines), body);
    let bar = match (&b.message, b.mode) {
        (Some(m), _) => m.clone(),
        (None, Mode::Filter) => format!("/{}", b.filter),
        (None, mode) => hints(mode),
    };
    let bar = if bar.width() > w { bar.chars().take(w).collect() } else { bar };
    frame.render_widget(Paragraph::new(Span::styled(bar, theme.dim())), status);
    if b.mode == Mode::Filter {
        cursor = (
            status.x + u16::try_from(1 + b.filter.width()).unwrap_or(0).min(status.width.saturating_sub(1)),
            status.y,
        );
    }
    frame.set_cursor_position(cursor);
}
