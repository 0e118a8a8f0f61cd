//! Styles. The only place a fact kind becomes a colour. In monochrome (NO_COLOR, TERM=dumb,
//! --no-color) facts are marked with underline and bold, selections with reverse video.

use crate::release::FactKind;
use ratatui::style::{Color, Modifier, Style};

pub struct Theme {
    pub color: bool,
    /// Darker colours for light backgrounds.
    pub light: bool,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme { color, light: false }
    }

    pub fn for_background(color: bool, light: bool) -> Theme {
        Theme { color, light }
    }

    /// Colours readable on dark and light backgrounds alike (no white, black or grey text).
    pub fn fact(&self, kind: FactKind) -> Style {
        if !self.color {
            return match kind {
                FactKind::Date | FactKind::Time | FactKind::Money | FactKind::Percent => Style::new().add_modifier(Modifier::BOLD),
                _ => Style::new().add_modifier(Modifier::UNDERLINED),
            };
        }
        let c = if self.light {
            match kind {
                FactKind::Date | FactKind::Period | FactKind::Time => Color::Blue,
                FactKind::Money | FactKind::Percent => Color::Green,
                FactKind::Phone | FactKind::Fax | FactKind::Code => Color::Magenta,
                FactKind::Url | FactKind::Email => Color::Blue,
                FactKind::Ticker | FactKind::Form => Color::Red,
                FactKind::Person => Color::Magenta,
                FactKind::Org => Color::Cyan,
            }
        } else {
            match kind {
                FactKind::Date | FactKind::Period => Color::Cyan,
                FactKind::Time => Color::LightCyan,
                FactKind::Money | FactKind::Percent => Color::Green,
                FactKind::Phone | FactKind::Fax | FactKind::Code => Color::Yellow,
                FactKind::Url | FactKind::Email => Color::Blue,
                FactKind::Ticker | FactKind::Form => Color::Magenta,
                FactKind::Person => Color::LightMagenta,
                FactKind::Org => Color::LightBlue,
            }
        };
        let s = Style::new().fg(c);
        if matches!(kind, FactKind::Url | FactKind::Email) {
            s.add_modifier(Modifier::UNDERLINED)
        } else {
            s
        }
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn hit(&self) -> Style {
        if self.color {
            Style::new().bg(Color::Yellow).fg(Color::Black)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
        }
    }

    pub fn hit_current(&self) -> Style {
        if self.color {
            Style::new().bg(Color::LightRed).fg(Color::Black).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn flag(&self) -> Style {
        if self.color {
            Style::new().bg(Color::Red).fg(Color::White).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    pub fn flag_soft(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn active_tab(&self) -> Style {
        if self.color {
            Style::new().bg(Color::Blue).fg(Color::White).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    pub fn notice(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn card(&self) -> Style {
        if self.color { Style::new().fg(Color::Cyan) } else { Style::new() }
    }

    pub fn bar(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
}
