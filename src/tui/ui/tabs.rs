//! The panel list with a count per panel; empty panels are dimmed.

use super::layout::Areas;
use super::theme::Theme;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

pub fn render(frame: &mut Frame, app: &App, areas: &Areas, theme: &Theme) {
    for (i, (rect, label)) in areas.tabs.iter().zip(&areas.tab_labels).enumerate() {
        if rect.width == 0 {
            continue;
        }
        let style = if i == app.panel {
            theme.active_tab()
        } else if app.panels[i].is_empty() {
            theme.dim()
        } else {
            ratatui::style::Style::new()
        };
        frame.render_widget(Paragraph::new(Span::styled(label.as_str(), style)), *rect);
    }
}
