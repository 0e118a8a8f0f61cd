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
    for f in &r.flags {
        first.push(Span::raw(" "));
        let style = if f.section == SectionKind::Risk {
            theme.flag_soft()
        } else {
            theme.flag()
        };
        first.push(Span::styled(format!("[{}]", f.kind.label()), style));
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
