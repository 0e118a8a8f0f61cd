//! The release list and the cross-release timeline.

use super::theme::Theme;
use super::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::browser::Browser;
use crate::tui::keymap::{Mode, active};
use crate::tui::view::entries::relative;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};
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

/// A column of the release list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Mark,
    Date,
    Company,
    Ticker,
    Kind,
    Figure,
    Flags,
    Next,
    Headline,
}

impl Col {
    fn title(self) -> &'static str {
        match self {
            Col::Mark => "",
            Col::Date => "Date",
            Col::Company => "Company",
            Col::Ticker => "Ticker",
            Col::Kind => "Kind",
            Col::Figure => "Key figures",
            Col::Flags => "Red flags",
            Col::Next => "Next",
            Col::Headline => "Headline",
        }
    }
}

/// The columns that fit `w` cells: the triage columns (kind, red flags, the next deadline) always,
/// ticker and key figures when there is room, the headline keeping at least 20 cells.
fn columns(w: usize) -> Vec<(Col, usize)> {
    let narrow = w < 100;
    let mut cols = vec![
        (Col::Mark, 2),
        (Col::Date, 11),
        (Col::Company, if narrow { 14 } else { 20 }),
        (Col::Kind, if narrow { 9 } else { 12 }),
        (Col::Flags, if narrow { 10 } else { 16 }),
        (Col::Next, if narrow { 13 } else { 18 }),
    ];
    let used = |c: &[(Col, usize)]| c.iter().map(|(_, n)| n).sum::<usize>();
    for (col, n, at) in [(Col::Ticker, 13, 3), (Col::Figure, 20, 5)] {
        if w >= used(&cols) + n + 28 {
            cols.insert(at.min(cols.len()), (col, n));
        }
    }
    let rest = w.saturating_sub(used(&cols)).max(10);
    cols.push((Col::Headline, rest));
    cols
}

/// Why a fetch failed, without the address it names first ("not found (404)" of
/// "https://www.sec.gov/...: not found (404)"): what fits a column.
fn fetch_reason(error: &str) -> &str {
    match error.split_once(": ") {
        Some((url, why)) if url.starts_with("http://") || url.starts_with("https://") => why,
        _ => error,
    }
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
    let doing = if b.remote { "fetched" } else { "parsing" };
    let progress = if b.parsed < total {
        format!(" \u{b7} {doing} {}/{total}\u{2026}", b.parsed)
    } else {
        String::new()
    };
    let mut filter = if b.mode == Mode::Filter || !b.filter.is_empty() {
        format!(" \u{b7} filter /{}", b.filter)
    } else {
        String::new()
    };
    if b.calls_today {
        filter.push_str(" \u{b7} calls today");
    }
    if b.hide_reviewed {
        filter.push_str(" \u{b7} reviewed hidden");
    }
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
        let cols = columns(w);
        let widths: Vec<Constraint> = cols
            .iter()
            .map(|(_, n)| Constraint::Length(u16::try_from(*n).unwrap_or(u16::MAX)))
            .collect();
        let header = Row::new(cols.iter().map(|(c, n)| Cell::from(cell(c.title(), *n)))).style(theme.dim());
        // only the rows on screen are built: 20,000 releases cost no more per frame than 30
        let first = b.selected.saturating_sub(height.saturating_sub(1));
        let mut rows = Vec::with_capacity(height);
        for &i in b.order.iter().skip(first).take(height) {
            let r = &b.rows[i];
            let base = if r.error.is_some() || r.loading {
                theme.dim()
            } else {
                ratatui::style::Style::new()
            };
            let cells = cols.iter().map(|&(c, n)| {
                let (text, style) = match c {
                    Col::Mark => ((if b.is_reviewed(r) { "\u{2713} " } else { "  " }).to_string(), base),
                    Col::Date => (r.date.map(|d| d.to_string()).unwrap_or_default(), base),
                    // a document still on its way says so where its company will stand
                    Col::Company if b.remote && r.loading => ("fetching\u{2026}".to_string(), base),
                    // and one that could not be fetched, why (the label stays in the headline)
                    Col::Company if b.remote && r.error.is_some() => (
                        fetch_reason(r.error.as_deref().unwrap_or_default()).to_string(),
                        base.patch(theme.flag_soft()),
                    ),
                    Col::Company => (r.company.clone(), base.patch(theme.title())),
                    Col::Ticker => (r.ticker.clone(), base),
                    Col::Kind => (r.kinds.first().copied().unwrap_or_default().to_string(), base),
                    Col::Figure => (r.figure.clone(), base),
                    Col::Flags => (
                        match r.flags.len() {
                            0 => String::new(),
                            1 => r.flags[0].to_string(),
                            k => format!("{} +{}", r.flags[0], k - 1),
                        },
                        base.patch(theme.flag_soft()),
                    ),
                    Col::Next => {
                        let call_today = r.has_call_on(b.today);
                        (
                            r.next_label(b.today),
                            if call_today {
                                base.patch(theme.flag())
                            } else {
                                base.patch(theme.notice())
                            },
                        )
                    }
                    Col::Headline => (
                        match (&r.error, r.loading) {
                            (Some(e), _) => format!("{}: {e}", r.headline),
                            (None, true) => format!("{} (loading\u{2026})", r.headline),
                            _ => r.headline.clone(),
                        },
                        base,
                    ),
                };
                Cell::from(cell(&text, n)).style(style)
            });
            rows.push(Row::new(cells.collect::<Vec<_>>()));
        }
        let table_area = ratatui::layout::Rect::new(head.x, head.y, head.width, body.height.saturating_add(1));
        if b.order.is_empty() {
            frame.render_widget(Table::new(Vec::<Row>::new(), widths).header(header).column_spacing(0), table_area);
            lines.push(Line::from(Span::styled(
                "  No release matches the filter (Esc clears it).",
                theme.dim(),
            )));
        } else {
            cursor.1 = body.y + u16::try_from(b.selected - first).unwrap_or(0);
            let table = Table::new(rows, widths)
                .header(header)
                .column_spacing(0)
                .row_highlight_style(theme.selected());
            let mut state = TableState::default().with_selected(Some(b.selected - first));
            frame.render_stateful_widget(table, table_area, &mut state);
        }
    }
    if !lines.is_empty() {
        frame.render_widget(Paragraph::new(lines), body);
    }
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

#[cfg(test)]
mod tests {
    use super::fetch_reason;

    #[test]
    fn a_fetch_error_without_its_address() {
        assert_eq!(
            fetch_reason("https://www.sec.gov/Archives/x.txt: not found (404)"),
            "not found (404)"
        );
        assert_eq!(
            fetch_reason("http://127.0.0.1:4321/a: timed out after 30 s"),
            "timed out after 30 s"
        );
        // an error that names no address first is kept whole
        assert_eq!(fetch_reason("not a text document (image): x"), "not a text document (image): x");
    }
}
