//! ONE table of key bindings. Key handling, the `?` help overlay, the status-bar hints and the
//! README's key list all come from it, so they cannot drift apart.

use crate::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// When a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Reading: the normal mode.
    Normal,
    /// Typing a search query.
    Search,
    /// The help overlay is open.
    Help,
    /// The document list of a submission is open.
    Documents,
    /// The release list.
    List,
    /// Typing a filter for the release list.
    Filter,
    /// The timeline of all deadlines across the releases.
    Timeline,
}

pub struct Binding {
    pub code: KeyCode,
    pub mods: KeyModifiers,
    pub mode: Mode,
    pub action: Action,
    /// The key as shown to people.
    pub keys: &'static str,
    pub help: &'static str,
}

const fn b(code: KeyCode, mods: KeyModifiers, mode: Mode, action: Action, keys: &'static str, help: &'static str) -> Binding {
    Binding {
        code,
        mods,
        mode,
        action,
        keys,
        help,
    }
}

const N: KeyModifiers = KeyModifiers::NONE;
const S: KeyModifiers = KeyModifiers::SHIFT;
const C: KeyModifiers = KeyModifiers::CONTROL;
use KeyCode::Char as Ch;
use Mode::{Documents as D, List as L, Normal as M, Timeline as Tl};

pub static BINDINGS: &[Binding] = &[
    b(Ch('q'), N, M, Action::Quit, "q", "quit"),
    b(Ch('c'), C, M, Action::Quit, "Ctrl-C", "quit"),
    b(KeyCode::Tab, N, M, Action::NextPanel, "Tab", "next panel"),
    b(KeyCode::BackTab, S, M, Action::PrevPanel, "Shift-Tab", "previous panel"),
    b(Ch('1'), N, M, Action::Panel(0), "1", "Status update"),
    b(Ch('2'), N, M, Action::Panel(1), "2", "Quotes"),
    b(Ch('3'), N, M, Action::Panel(2), "3", "Call & replay"),
    b(Ch('4'), N, M, Action::Panel(3), "4", "Risk factors"),
    b(Ch('5'), N, M, Action::Panel(4), "5", "Contacts"),
    b(Ch('6'), N, M, Action::Panel(5), "6", "About"),
    b(Ch('7'), N, M, Action::Panel(6), "7", "Other (trademarks, tables, filing)"),
    b(Ch('8'), N, M, Action::Panel(7), "8", "All: the whole release"),
    b(Ch('j'), N, M, Action::Down(1), "j", "down a line"),
    b(KeyCode::Down, N, M, Action::Down(1), "↓", "down a line"),
    b(Ch('k'), N, M, Action::Up(1), "k", "up a line"),
    b(KeyCode::Up, N, M, Action::Up(1), "↑", "up a line"),
    b(KeyCode::PageDown, N, M, Action::PageDown, "PgDn", "down a page"),
    b(Ch(' '), N, M, Action::PageDown, "Space", "down a page"),
    b(Ch('f'), C, M, Action::PageDown, "Ctrl-F", "down a page"),
    b(KeyCode::PageUp, N, M, Action::PageUp, "PgUp", "up a page"),
    b(Ch('b'), C, M, Action::PageUp, "Ctrl-B", "up a page"),
    b(Ch('g'), N, M, Action::Top, "g", "top"),
    b(KeyCode::Home, N, M, Action::Top, "Home", "top"),
    b(Ch('G'), S, M, Action::Bottom, "G", "bottom"),
    b(KeyCode::End, N, M, Action::Bottom, "End", "bottom"),
    b(Ch('/'), N, M, Action::Search, "/", "search (smart-case)"),
    b(Ch('n'), N, M, Action::NextMatch, "n", "next match"),
    b(Ch('N'), S, M, Action::PrevMatch, "N", "previous match"),
    b(Ch(']'), N, M, Action::NextFact, "]", "next fact"),
    b(Ch('['), N, M, Action::PrevFact, "[", "previous fact"),
    b(Ch('f'), N, M, Action::FocusFacts, "f", "focus the facts pane / back"),
    b(KeyCode::Enter, N, M, Action::Select, "Enter", "jump to the selected fact"),
    b(Ch('y'), N, M, Action::Yank, "y", "copy the fact (or the dial-in block)"),
    b(Ch('l'), N, M, Action::ToggleLegend, "l", "legend of highlight colours"),
    b(Ch('?'), N, M, Action::Help, "?", "this help"),
    b(Ch('?'), S, M, Action::Help, "?", "this help"),
    b(KeyCode::Esc, N, M, Action::Escape, "Esc", "close overlay / clear search"),
    b(Ch('M'), S, M, Action::ToggleMouse, "M", "release / take back the mouse"),
    b(Ch('d'), N, M, Action::Documents, "d", "documents of a submission"),
    b(Ch('e'), N, M, Action::Export, "e", "export the deadlines (.ics)"),
    b(KeyCode::Backspace, N, M, Action::Back, "Backspace", "back to the release list"),
    b(Ch(')'), S, M, Action::NextRelease, ")", "next release of the list"),
    b(Ch('('), S, M, Action::PrevRelease, "(", "previous release of the list"),
    b(Ch('q'), N, L, Action::Quit, "q", "quit"),
    b(Ch('c'), C, L, Action::Quit, "Ctrl-C", "quit"),
    b(Ch('j'), N, L, Action::Down(1), "j", "next release"),
    b(KeyCode::Down, N, L, Action::Down(1), "↓", "next release"),
    b(Ch('k'), N, L, Action::Up(1), "k", "previous release"),
    b(KeyCode::Up, N, L, Action::Up(1), "↑", "previous release"),
    b(KeyCode::PageDown, N, L, Action::PageDown, "PgDn", "down a page"),
    b(KeyCode::PageUp, N, L, Action::PageUp, "PgUp", "up a page"),
    b(Ch('g'), N, L, Action::Top, "g", "first"),
    b(Ch('G'), S, L, Action::Bottom, "G", "last"),
    b(KeyCode::Enter, N, L, Action::Select, "Enter", "open the release"),
    b(Ch('m'), N, L, Action::Mark, "m", "mark reviewed / unmark"),
    b(Ch('s'), N, L, Action::Sort, "s", "sort: date, company, flags, open deadlines"),
    b(Ch('/'), N, L, Action::Search, "/", "filter (fuzzy: company, ticker, headline)"),
    b(KeyCode::Esc, N, L, Action::Escape, "Esc", "clear the filter"),
    b(Ch('t'), N, L, Action::Timeline, "t", "all deadlines, soonest first"),
    b(Ch('?'), N, L, Action::Help, "?", "help"),
    b(KeyCode::Esc, N, Mode::Filter, Action::Escape, "Esc", "clear the filter"),
    b(KeyCode::Enter, N, Mode::Filter, Action::SearchConfirm, "Enter", "keep the filter"),
    b(KeyCode::Backspace, N, Mode::Filter, Action::SearchBackspace, "Backspace", "delete"),
    b(Ch('c'), C, Mode::Filter, Action::Quit, "Ctrl-C", "quit"),
    b(KeyCode::Esc, N, Tl, Action::Escape, "Esc", "back to the list"),
    b(Ch('t'), N, Tl, Action::Escape, "t", "back to the list"),
    b(Ch('q'), N, Tl, Action::Quit, "q", "quit"),
    b(Ch('c'), C, Tl, Action::Quit, "Ctrl-C", "quit"),
    b(Ch('j'), N, Tl, Action::Down(1), "j", "next deadline"),
    b(KeyCode::Down, N, Tl, Action::Down(1), "↓", "next deadline"),
    b(Ch('k'), N, Tl, Action::Up(1), "k", "previous deadline"),
    b(KeyCode::Up, N, Tl, Action::Up(1), "↑", "previous deadline"),
    b(KeyCode::Enter, N, Tl, Action::Select, "Enter", "open the release at the deadline"),
    b(KeyCode::Esc, N, Mode::Search, Action::Escape, "Esc", "cancel search"),
    b(KeyCode::Enter, N, Mode::Search, Action::SearchConfirm, "Enter", "keep search"),
    b(KeyCode::Backspace, N, Mode::Search, Action::SearchBackspace, "Backspace", "delete"),
    b(Ch('c'), C, Mode::Search, Action::Quit, "Ctrl-C", "quit"),
    b(KeyCode::Esc, N, Mode::Help, Action::Escape, "Esc", "close help"),
    b(Ch('?'), N, Mode::Help, Action::Escape, "?", "close help"),
    b(Ch('q'), N, Mode::Help, Action::Escape, "q", "close help"),
    b(Ch('c'), C, Mode::Help, Action::Quit, "Ctrl-C", "quit"),
    b(KeyCode::Esc, N, D, Action::Escape, "Esc", "close the list"),
    b(Ch('q'), N, D, Action::Escape, "q", "close the list"),
    b(Ch('j'), N, D, Action::Down(1), "j", "next document"),
    b(KeyCode::Down, N, D, Action::Down(1), "↓", "next document"),
    b(Ch('k'), N, D, Action::Up(1), "k", "previous document"),
    b(KeyCode::Up, N, D, Action::Up(1), "↑", "previous document"),
    b(KeyCode::Enter, N, D, Action::Select, "Enter", "open the document"),
    b(Ch('c'), C, D, Action::Quit, "Ctrl-C", "quit"),
];

/// The action a key press asks for in a mode. Only presses count (not repeats' releases).
pub fn resolve(key: &KeyEvent, mode: Mode) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    // Shift is implied by the character itself ("G", "?"): compare without it for characters.
    let mods = match key.code {
        KeyCode::Char(_) | KeyCode::BackTab => key.modifiers - KeyModifiers::SHIFT,
        _ => key.modifiers,
    };
    let found = BINDINGS.iter().find(|bnd| {
        let bmods = match bnd.code {
            KeyCode::Char(_) | KeyCode::BackTab => bnd.mods - KeyModifiers::SHIFT,
            _ => bnd.mods,
        };
        bnd.mode == mode && bnd.code == key.code && bmods == mods
    });
    if let Some(bnd) = found {
        return Some(bnd.action);
    }
    match (mode, key.code) {
        (Mode::Search | Mode::Filter, KeyCode::Char(c)) if !mods.contains(KeyModifiers::CONTROL) && !mods.contains(KeyModifiers::ALT) => {
            Some(Action::SearchChar(c))
        }
        _ => None,
    }
}

/// The bindings of a mode, one row per action, keys joined ("j ↓").
pub fn help_rows(mode: Mode) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &'static str)> = Vec::new();
    for bnd in BINDINGS.iter().filter(|x| x.mode == mode) {
        match rows.iter_mut().find(|(_, h)| *h == bnd.help) {
            Some((keys, _)) => {
                if !keys.split(' ').any(|k| k == bnd.keys) {
                    keys.push(' ');
                    keys.push_str(bnd.keys);
                }
            }
            None => rows.push((bnd.keys.to_string(), bnd.help)),
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn no_duplicate_bindings() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for bnd in &BINDINGS[i + 1..] {
                let same_key =
                    a.code == bnd.code && a.mode == bnd.mode && (a.mods - KeyModifiers::SHIFT) == (bnd.mods - KeyModifiers::SHIFT);
                assert!(!same_key || a.action == bnd.action, "{} bound twice in {:?}", a.keys, a.mode);
            }
        }
    }

    #[test]
    fn resolves_keys() {
        assert_eq!(resolve(&key(Ch('j'), N), Mode::Normal), Some(Action::Down(1)));
        assert_eq!(resolve(&key(Ch('G'), S), Mode::Normal), Some(Action::Bottom));
        assert_eq!(resolve(&key(Ch('G'), N), Mode::Normal), Some(Action::Bottom));
        assert_eq!(resolve(&key(Ch('?'), S), Mode::Normal), Some(Action::Help));
        assert_eq!(resolve(&key(Ch('c'), C), Mode::Normal), Some(Action::Quit));
        assert_eq!(resolve(&key(KeyCode::Esc, N), Mode::Normal), Some(Action::Escape));
        assert_eq!(resolve(&key(Ch('q'), N), Mode::Search), Some(Action::SearchChar('q')));
        assert_eq!(resolve(&key(KeyCode::Esc, N), Mode::Search), Some(Action::Escape));
        assert_eq!(resolve(&key(Ch('x'), N), Mode::Normal), None);
    }

    #[test]
    fn esc_never_quits() {
        for mode in [
            Mode::Normal,
            Mode::Search,
            Mode::Help,
            Mode::Documents,
            Mode::List,
            Mode::Filter,
            Mode::Timeline,
        ] {
            assert_ne!(resolve(&key(KeyCode::Esc, N), mode), Some(Action::Quit));
        }
    }

    #[test]
    fn releases_are_ignored() {
        let mut k = key(Ch('q'), N);
        k.kind = KeyEventKind::Release;
        assert_eq!(resolve(&k, Mode::Normal), None);
    }
}
