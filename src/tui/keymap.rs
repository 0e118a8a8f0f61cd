//! ONE table of key bindings. Key handling, the `?` help overlay, the status-bar hints and the
//! README's key list all come from it, so they cannot drift apart.

use crate::tui::action::Action;
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

#[derive(Debug, Clone)]
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
    b(Ch('f'), N, M, Action::FocusFacts, "f", "facts pane / back"),
    b(KeyCode::Enter, N, M, Action::Select, "Enter", "go to the selected fact"),
    b(Ch('y'), N, M, Action::Yank, "y", "copy fact or dial-in"),
    b(Ch('o'), N, M, Action::OpenUrl, "o", "open URL in a browser"),
    b(Ch('l'), N, M, Action::ToggleLegend, "l", "legend of the colours"),
    b(Ch('?'), N, M, Action::Help, "?", "this help"),
    b(Ch('?'), S, M, Action::Help, "?", "this help"),
    b(KeyCode::Esc, N, M, Action::Escape, "Esc", "close overlay / clear"),
    b(Ch('M'), S, M, Action::ToggleMouse, "M", "mouse capture on / off"),
    b(Ch('d'), N, M, Action::Documents, "d", "documents of a filing"),
    b(Ch('e'), N, M, Action::Export, "e", "export deadlines (.ics)"),
    b(Ch('c'), N, M, Action::Compare, "c", "compare with prior"),
    b(KeyCode::Backspace, N, M, Action::Back, "Backspace", "back to the list"),
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
    b(Ch('m'), N, L, Action::Mark, "m", "mark reviewed and move on / unmark"),
    b(Ch('c'), N, L, Action::CallsToday, "c", "only releases with a call today / all"),
    b(Ch('h'), N, L, Action::HideReviewed, "h", "hide / show reviewed releases"),
    b(Ch('s'), N, L, Action::Sort, "s", "sort: date, company, flags, open deadlines"),
    b(
        Ch('/'),
        N,
        L,
        Action::Search,
        "/",
        "filter (fuzzy: company, ticker, headline, flags, kinds)",
    ),
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

static ACTIVE: std::sync::OnceLock<Vec<Binding>> = std::sync::OnceLock::new();

/// Install the bindings in force (the defaults with a config file's changes). Once, at start.
pub fn install(bindings: Vec<Binding>) {
    let _ = ACTIVE.set(bindings);
}

/// The bindings in force: the installed ones, else the defaults.
pub fn active() -> &'static [Binding] {
    ACTIVE.get().map_or(BINDINGS, Vec::as_slice)
}

/// The action a key press asks for in a mode. Only presses count (not repeats' releases).
pub fn resolve(key: &KeyEvent, mode: Mode) -> Option<Action> {
    resolve_in(active(), key, mode)
}

/// As [`resolve`], in a given table.
pub fn resolve_in(table: &[Binding], key: &KeyEvent, mode: Mode) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    // Ctrl-C quits in every mode, whatever the config rebinds.
    if key.code == KeyCode::Char('c') && key.modifiers - KeyModifiers::SHIFT == KeyModifiers::CONTROL {
        return Some(Action::Quit);
    }
    // Shift is implied by the character itself ("G", "?"): compare without it for characters.
    let mods = match key.code {
        KeyCode::Char(_) | KeyCode::BackTab => key.modifiers - KeyModifiers::SHIFT,
        _ => key.modifiers,
    };
    let found = table.iter().find(|bnd| {
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

/// Actions the help shows as one row ("j ↓ / k ↑  down / up a line"), per mode.
const PAIRS: &[(Mode, Action, Action, &str)] = &[
    (Mode::Normal, Action::NextPanel, Action::PrevPanel, "next / previous panel"),
    (Mode::Normal, Action::Down(1), Action::Up(1), "down / up a line"),
    (Mode::Normal, Action::PageDown, Action::PageUp, "down / up a page"),
    (Mode::Normal, Action::Top, Action::Bottom, "top / bottom"),
    (Mode::Normal, Action::NextMatch, Action::PrevMatch, "next / previous match"),
    (Mode::Normal, Action::NextFact, Action::PrevFact, "next / previous fact"),
    (Mode::Normal, Action::NextRelease, Action::PrevRelease, "next / previous release"),
    (Mode::List, Action::Down(1), Action::Up(1), "next / previous release"),
    (Mode::List, Action::PageDown, Action::PageUp, "down / up a page"),
    (Mode::List, Action::Top, Action::Bottom, "first / last"),
    (Mode::Timeline, Action::Down(1), Action::Up(1), "next / previous deadline"),
    (Mode::Documents, Action::Down(1), Action::Up(1), "next / previous document"),
];

/// The bindings of a mode for the help: one row per action with its keys joined ("j ↓"); paired
/// actions share a row ("j ↓ / k ↑"), and the panel keys one row ("1…8").
pub fn help_rows(mode: Mode) -> Vec<(String, &'static str)> {
    let mut actions: Vec<(Action, String, &'static str)> = Vec::new();
    for bnd in active().iter().filter(|x| x.mode == mode) {
        match actions.iter_mut().find(|(a, _, _)| *a == bnd.action) {
            Some((_, keys, _)) => {
                if !keys.split(' ').any(|k| k == bnd.keys) {
                    keys.push(' ');
                    keys.push_str(bnd.keys);
                }
            }
            None => actions.push((bnd.action, bnd.keys.to_string(), bnd.help)),
        }
    }
    let keys_of = |a: Action| actions.iter().find(|(x, _, _)| *x == a).map(|(_, k, _)| k.clone());
    let mut rows = Vec::new();
    let mut done: Vec<Action> = Vec::new();
    for (action, keys, help) in &actions {
        if done.contains(action) {
            continue;
        }
        let pair = PAIRS
            .iter()
            .find(|(m, a, b, _)| *m == mode && (a == action || b == action))
            .and_then(|&(_, a, b, h)| Some((a, b, keys_of(a)?, keys_of(b)?, h)));
        if let Some((a, b, ka, kb, h)) = pair {
            rows.push((format!("{ka} / {kb}"), h));
            done.extend([a, b]);
        } else if let Action::Panel(_) = action {
            let panels: Vec<&(Action, String, &str)> = actions.iter().filter(|(a, _, _)| matches!(a, Action::Panel(_))).collect();
            let firsts: Vec<&str> = panels.iter().map(|(_, k, _)| k.split(' ').next().unwrap_or("")).collect();
            let digits = firsts.iter().enumerate().all(|(i, k)| *k == (i + 1).to_string());
            let keys = if digits && firsts.len() > 2 {
                format!("1…{}", firsts.len())
            } else {
                firsts.join(" ")
            };
            rows.push((keys, "panels, as in the tabs"));
            done.extend(panels.iter().map(|(a, _, _)| *a));
        } else {
            rows.push((keys.clone(), *help));
            done.push(*action);
        }
    }
    rows
}

/// Config names of the actions that can be bound in the viewer.
pub const ACTION_NAMES: &[(&str, Action)] = &[
    ("quit", Action::Quit),
    ("next_panel", Action::NextPanel),
    ("prev_panel", Action::PrevPanel),
    ("panel_1", Action::Panel(0)),
    ("panel_2", Action::Panel(1)),
    ("panel_3", Action::Panel(2)),
    ("panel_4", Action::Panel(3)),
    ("panel_5", Action::Panel(4)),
    ("panel_6", Action::Panel(5)),
    ("panel_7", Action::Panel(6)),
    ("panel_8", Action::Panel(7)),
    ("down", Action::Down(1)),
    ("up", Action::Up(1)),
    ("page_down", Action::PageDown),
    ("page_up", Action::PageUp),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("search", Action::Search),
    ("next_match", Action::NextMatch),
    ("prev_match", Action::PrevMatch),
    ("next_fact", Action::NextFact),
    ("prev_fact", Action::PrevFact),
    ("focus_facts", Action::FocusFacts),
    ("select", Action::Select),
    ("yank", Action::Yank),
    ("open_url", Action::OpenUrl),
    ("legend", Action::ToggleLegend),
    ("help", Action::Help),
    ("escape", Action::Escape),
    ("toggle_mouse", Action::ToggleMouse),
    ("documents", Action::Documents),
    ("export", Action::Export),
    ("compare", Action::Compare),
    ("back", Action::Back),
    ("next_release", Action::NextRelease),
    ("prev_release", Action::PrevRelease),
];

/// Parse a key as written in the help and the config: "q", "G", "Ctrl-C", "Shift-Tab", "PgDn".
pub fn parse_key(s: &str) -> Option<(KeyCode, KeyModifiers)> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = s;
    loop {
        if let Some(r) = rest.strip_prefix("Ctrl-") {
            mods |= KeyModifiers::CONTROL;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("Alt-") {
            mods |= KeyModifiers::ALT;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("Shift-") {
            mods |= KeyModifiers::SHIFT;
            rest = r;
        } else {
            break;
        }
    }
    let code = match rest {
        "Tab" if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
        "Tab" => KeyCode::Tab,
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Space" => KeyCode::Char(' '),
        "Backspace" => KeyCode::Backspace,
        "PgDn" => KeyCode::PageDown,
        "PgUp" => KeyCode::PageUp,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "Up" | "↑" => KeyCode::Up,
        "Down" | "↓" => KeyCode::Down,
        "Left" | "←" => KeyCode::Left,
        "Right" | "→" => KeyCode::Right,
        f if f.len() >= 2 && f.starts_with('F') && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) => {
            KeyCode::F(f[1..].parse().ok()?)
        }
        c if c.chars().count() == 1 => {
            let ch = c.chars().next()?;
            if mods.contains(KeyModifiers::CONTROL) {
                KeyCode::Char(ch.to_ascii_lowercase())
            } else {
                KeyCode::Char(ch)
            }
        }
        _ => return None,
    };
    Some((code, mods))
}

/// An action and its new keys: (code, modifiers, the key as written).
pub type Rebinding = (Action, Vec<(KeyCode, KeyModifiers, &'static str)>);

/// The default table with the viewer's actions rebound: `changes` maps an action's config name to
/// its new keys, which replace all its keys in the reading mode.
pub fn with_changes(changes: &[Rebinding]) -> Vec<Binding> {
    let mut table: Vec<Binding> = BINDINGS.to_vec();
    for (action, keys) in changes {
        let help = table
            .iter()
            .find(|b| b.mode == Mode::Normal && b.action == *action)
            .map_or("", |b| b.help);
        table.retain(|b| !(b.mode == Mode::Normal && b.action == *action));
        // a key taken by another action moves to this one
        table.retain(|b| !(b.mode == Mode::Normal && keys.iter().any(|(c, m, _)| b.code == *c && b.mods == *m)));
        for (code, mods, label) in keys {
            table.push(Binding {
                code: *code,
                mods: *mods,
                mode: Mode::Normal,
                action: *action,
                keys: label,
                help,
            });
        }
    }
    table
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
    fn keys_parse_as_written() {
        assert_eq!(parse_key("Ctrl-C"), Some((Ch('c'), C)));
        assert_eq!(parse_key("Shift-Tab"), Some((KeyCode::BackTab, S)));
        assert_eq!(parse_key("PgDn"), Some((KeyCode::PageDown, N)));
        assert_eq!(parse_key("x"), Some((Ch('x'), N)));
        assert_eq!(parse_key("F5"), Some((KeyCode::F(5), N)));
        assert_eq!(parse_key("Nope"), None);
        for b in BINDINGS {
            assert!(parse_key(b.keys).is_some(), "{} does not parse", b.keys);
        }
    }

    #[test]
    fn rebinding_replaces_the_keys_of_an_action() {
        let table = with_changes(&[(Action::Quit, vec![(Ch('x'), N, "x")])]);
        assert_eq!(resolve_in(&table, &key(Ch('x'), N), Mode::Normal), Some(Action::Quit));
        assert_eq!(resolve_in(&table, &key(Ch('q'), N), Mode::Normal), None);
        let table = with_changes(&[(Action::Yank, vec![(Ch('j'), N, "j")])]);
        assert_eq!(
            resolve_in(&table, &key(Ch('j'), N), Mode::Normal),
            Some(Action::Yank),
            "a taken key moves"
        );
    }

    #[test]
    fn releases_are_ignored() {
        let mut k = key(Ch('q'), N);
        k.kind = KeyEventKind::Release;
        assert_eq!(resolve(&k, Mode::Normal), None);
    }
}
