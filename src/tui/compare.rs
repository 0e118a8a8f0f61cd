//! The compare screen (`c` in the viewer): the figures and sentence changes of
//! [`crate::library::compare`], scrolled with the usual keys.

use crate::library::compare::{Comparison, to_text};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::Frame;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub struct CompareScreen {
    pub title: String,
    pub lines: Vec<String>,
    pub scroll: usize,
    pub color: bool,
}

impl CompareScreen {
    pub fn new(c: &Comparison, color: bool) -> CompareScreen {
        CompareScreen {
            title: format!(
                " Compare: {} → {} ",
                c.old.date.as_deref().unwrap_or("?"),
                c.new.date.as_deref().unwrap_or("?")
            ),
            lines: to_text(c).lines().map(String::from).collect(),
            scroll: 0,
            color,
        }
    }

    /// Handle a key; false when the screen closes.
    pub fn key(&mut self, ev: &Event, height: usize) -> bool {
        let Event::Key(KeyEvent { code, modifiers, kind, .. }) = ev else {
            return true;
        };
        if *kind == KeyEventKind::Release {
            return true;
        }
        let page = height.saturating_sub(3).max(1);
        let last = self.lines.len().saturating_sub(1);
        match code {
            KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('c') | KeyCode::Backspace => return false,
            KeyCode::Char('j') | KeyCode::Down => self.scroll = (self.scroll + 1).min(last),
            KeyCode::Char('k') | KeyCode::Up => self.scroll = self.scroll.saturating_sub(1),
            KeyCode::PageDown | KeyCode::Char(' ') => self.scroll = (self.scroll + page).min(last),
            KeyCode::PageUp => self.scroll = self.scroll.saturating_sub(page),
            KeyCode::Char('d') if modifiers.contains(KeyModifiers::CONTROL) => self.scroll = (self.scroll + page / 2).min(last),
            KeyCode::Char('u') if modifiers.contains(KeyModifiers::CONTROL) => self.scroll = self.scroll.saturating_sub(page / 2),
            KeyCode::Char('g') | KeyCode::Home => self.scroll = 0,
            KeyCode::Char('G') | KeyCode::End => self.scroll = last,
            _ => {}
        }
        true
    }

    pub fn render(&self, f: &mut Frame) {
        let style = |l: &str| {
            if !self.color {
                return if l.starts_with("FIGURES") || l.starts_with("STATUS") {
                    Style::new().add_modifier(Modifier::BOLD)
                } else {
                    Style::new()
                };
            }
            match l.trim_start().chars().next() {
                Some('+') if l.starts_with("  +") => Style::new().fg(Color::Green),
                Some('-') if l.starts_with("  -") => Style::new().fg(Color::Red),
                Some('~') if l.starts_with("  ~") => Style::new().fg(Color::Yellow),
                _ if l.starts_with("FIGURES") || l.starts_with("STATUS") => Style::new().add_modifier(Modifier::BOLD),
                _ => Style::new(),
            }
        };
        let lines: Vec<Line> = self
            .lines
            .iter()
            .skip(self.scroll)
            .map(|l| Line::from(Span::styled(l.as_str(), style(l))))
            .collect();
        let block = Block::default()
            .borders(Borders::ALL)
            .title(self.title.as_str())
            .title_bottom(" j/k scroll · Space/PgUp page · g/G ends · Esc/c back ");
        f.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), f.area());
    }
}
