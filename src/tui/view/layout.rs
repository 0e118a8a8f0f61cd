//! Where each pane goes, as a pure function of the terminal size, the panels and the viewer's
//! toggles. The viewer uses it for its page size and text width, and drawing uses it, so the two
//! agree; the viewer also records the areas of the last frame drawn, for mouse hits.

use super::panels::Panel;
use ratatui::layout::{Constraint, Layout, Rect};

/// Smallest terminal that can show the viewer.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

#[derive(Debug, Clone, Default)]
pub struct Areas {
    pub too_small: bool,
    pub header: Rect,
    pub tabs_row: Rect,
    /// One rectangle per panel tab (zero-sized when it does not fit).
    pub tabs: Vec<Rect>,
    /// Tab labels as drawn.
    pub tab_labels: Vec<String>,
    pub reading: Rect,
    /// The text inside the reading pane.
    pub text: Rect,
    /// The facts pane with its border, and the list inside it.
    pub facts_pane: Rect,
    pub facts: Rect,
    pub legend: Rect,
    pub status: Rect,
}

/// Terminals at least this wide show the facts pane beside the text.
pub const SIDE_BY_SIDE: u16 = 90;

/// A tab's label: full ("1 Status update (5)"), medium ("1 Status 5"), short ("1:Stat 5", "1:St 5",
/// "1:5") or, when nothing else fits, the number alone.
pub fn tab_label(panels: &[Panel], i: usize, tier: u8) -> String {
    let p = &panels[i];
    let title = p.kind.title();
    match tier {
        0 => format!(" {} {} ({}) ", i + 1, title, p.count),
        1 => format!(" {} {} {} ", i + 1, title.split([' ', '&']).next().unwrap_or(title), p.count),
        2 => format!(" {}:{} {} ", i + 1, title.chars().take(4).collect::<String>(), p.count),
        3 => format!(" {}:{} {} ", i + 1, title.chars().take(2).collect::<String>(), p.count),
        // the count stays: it says whether the panel is worth opening
        4 => format!(" {}:{} ", i + 1, p.count),
        _ => format!(" {} ", i + 1),
    }
}

/// The areas of the viewer in `area`; `legend` adds the legend row, `facts_focused` shows the facts
/// pane instead of the text on a narrow terminal.
pub fn areas(area: Rect, panels: &[Panel], legend: bool, facts_focused: bool) -> Areas {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    let legend_h = if legend { 1 } else { 0 };
    let [header, tabs_row, body, legend, status] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(legend_h),
        Constraint::Length(1),
    ])
    .areas(area);
    let (reading, facts_pane) = if area.width >= SIDE_BY_SIDE {
        let fw = (area.width * 38 / 100).clamp(30, 64);
        let [r, f] = Layout::horizontal([Constraint::Min(20), Constraint::Length(fw)]).areas(body);
        (r, f)
    } else if facts_focused {
        (Rect::new(body.x, body.y, 0, 0), body)
    } else {
        (body, Rect::new(body.x, body.y, 0, 0))
    };
    let text = Rect::new(
        reading.x.saturating_add(1),
        reading.y,
        reading.width.saturating_sub(2),
        reading.height,
    );
    // the facts pane has a left border and a title row
    let facts = if facts_pane.width > 2 && facts_pane.height > 1 {
        Rect::new(facts_pane.x + 2, facts_pane.y + 1, facts_pane.width - 2, facts_pane.height - 1)
    } else {
        Rect::new(facts_pane.x, facts_pane.y, 0, 0)
    };
    // tabs: full labels if they fit, else short ones
    let n = panels.len();
    let fits = |tier: u8| (0..n).map(|i| tab_label(panels, i, tier).chars().count()).sum::<usize>() <= usize::from(tabs_row.width);
    let tier = (0..5).find(|&t| fits(t)).unwrap_or(5);
    let mut tabs = Vec::with_capacity(n);
    let mut labels = Vec::with_capacity(n);
    let mut x = tabs_row.x;
    let right = tabs_row.x + tabs_row.width;
    for i in 0..n {
        let label = tab_label(panels, i, tier);
        let w = u16::try_from(label.chars().count()).unwrap_or(u16::MAX);
        if x.saturating_add(w) <= right {
            tabs.push(Rect::new(x, tabs_row.y, w, 1));
            x += w;
        } else {
            tabs.push(Rect::new(x, tabs_row.y, 0, 0));
        }
        labels.push(label);
    }
    Areas {
        too_small: false,
        header,
        tabs_row,
        tabs,
        tab_labels: labels,
        reading,
        text,
        facts_pane,
        facts,
        legend,
        status,
    }
}

/// First entry shown in the facts list so that the selected one is visible.
pub fn facts_first(entry: usize, height: u16) -> usize {
    let h = usize::from(height.max(1));
    if entry < h { 0 } else { entry + 1 - h }
}
