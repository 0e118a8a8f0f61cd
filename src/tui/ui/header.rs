//! Header: company and tickers with red-flag badges, the headline, the dateline and the source.

use super::theme::Theme;
use crate::release::SectionKind;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let r = &app.release;
    let mut first: Vec<Span> = vec![Span::styled(
        format!(" {}", r.company.name.as_deref().unwrap_or("(company unknown)")),
        theme.title(),
    )];
    if !r.company.tickers.is_empty() {
        first.push(Span::raw(format!("  {}", r.company.tickers.join(" "))));
    }
    // badges that do not fit the width are counted ("+2"), never cut mid-word
    let width = usize::from(area.width);
    let mut used: usize = first.iter().map(Span::width).sum();
    for (i, f) in r.flags.iter().enumerate() {
        let badge = format!(" [{}]", f.kind.label());
        let rest = r.flags.len() - i - 1;
        let more = if rest > 0 { format!(" +{rest}").len() } else { 0 };
        if used + badge.len() + more > width {
            first.push(Span::styled(format!(" +{}", r.flags.len() - i), theme.flag()));
            break;
        }
        used += badge.len();
        let style = if f.section == SectionKind::Risk {
            theme.flag_soft()
        } else {
            theme.flag()
        };
        first.push(Span::raw(" "));
        first.push(Span::styled(badge[1..].to_string(), style));
    }
    let headline = Line::from(Span::styled(
        format!(" {}", r.headline.as_deref().unwrap_or("(no headline)")),
        theme.title(),
    ));
    let d = &r.dateline;
    let mut parts: Vec<String> = [d.place.clone(), d.wire.clone(), d.date.map(|x| x.to_string())]
        .into_iter()
        .flatten()
        .collect();
    parts.push(format!("{} ({}, {})", app.name, r.source.format.label(), r.source.encoding.label()));
    let third = Line::from(Span::styled(format!(" {}", parts.join(" \u{b7} ")), theme.dim()));
    frame.render_widget(Paragraph::new(vec![Line::from(first), headline, third]), area);
}
