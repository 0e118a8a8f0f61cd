//! The real terminal: set up, the blocking event loop, effects (clipboard, mouse, documents), and
//! restoring the terminal on quit, on error and on panic.

use crate::action::Action;
use crate::app::{App, Effect};
use crate::keymap;
use crate::release;
use base64::Engine;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind};
use crossterm::execute;
use std::io::{self, Write};

/// OSC 52 "set clipboard", wrapped in a DCS passthrough inside tmux.
pub fn osc52(text: &str, tmux: bool) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let seq = format!("\x1b]52;c;{b64}\x07");
    if tmux { format!("\x1bPtmux;\x1b{seq}\x1b\\") } else { seq }
}

/// Map a terminal event to an action in the app's current mode.
pub fn action_for(ev: &Event, app: &App) -> Option<Action> {
    match ev {
        Event::Key(k) => keymap::resolve(k, app.mode),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Down(3)),
            MouseEventKind::ScrollUp => Some(Action::Up(3)),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // ratatui's own hook (set by `init`) restores the screen; mouse capture is ours to undo.
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
}

/// Run the viewer until the user quits. `bytes` lets the document list open another document.
pub fn run(mut app: App, bytes: &[u8]) -> io::Result<()> {
    let mut terminal = ratatui::init();
    install_panic_hook();
    let result = (|| -> io::Result<()> {
        execute!(io::stdout(), EnableMouseCapture)?;
        let size = terminal.size()?;
        app.update(Action::Resize(size.width, size.height));
        let tmux = std::env::var_os("TMUX").is_some_and(|v| !v.is_empty());
        while !app.quit {
            terminal.draw(|f| crate::ui::render(f, &app))?;
            let ev = event::read()?;
            let Some(action) = action_for(&ev, &app) else { continue };
            match app.update(action) {
                Some(Effect::Copy(text)) => {
                    let mut out = io::stdout();
                    out.write_all(osc52(&text, tmux).as_bytes())?;
                    out.flush()?;
                }
                Some(Effect::Mouse(on)) => {
                    if on {
                        execute!(io::stdout(), EnableMouseCapture)?;
                    } else {
                        execute!(io::stdout(), DisableMouseCapture)?;
                    }
                }
                Some(Effect::OpenDocument(i)) => match release::parse_document(bytes, app.release.source.path.as_deref(), i) {
                    Ok(r) => {
                        let mut next = App::new(r, app.name.clone(), app.today, app.color);
                        next.mouse = app.mouse;
                        next.update(Action::Resize(app.size.0, app.size.1));
                        next.message = Some(format!("Opened document {}", i + 1));
                        app = next;
                    }
                    Err(e) => app.message = Some(format!("Cannot open that document: {e:?}")),
                },
                None => {}
            }
        }
        Ok(())
    })();
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

#[cfg(test)]
mod tests {
    use super::osc52;

    #[test]
    fn osc52_plain_and_tmux() {
        assert_eq!(osc52("hi", false), "\x1b]52;c;aGk=\x07");
        assert_eq!(osc52("hi", true), "\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\");
    }
}
