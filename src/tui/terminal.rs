//! The real terminal: set up, the event loops (one release, or the release list with background
//! parsing), effects (clipboard, mouse, documents, exports, remembered positions), and restoring
//! the terminal on quit, on error and on panic.

use crate::library::state::{self, State};
use crate::library::{ics, parallel};
use crate::release;
use crate::tui::action::Action;
use crate::tui::app::{App, Effect};
use crate::tui::browser::{Browser, ListEffect};
use crate::tui::keymap;
use base64::Engine;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind};
use crossterm::execute;
use ratatui::DefaultTerminal;
use std::io::{self, Write};
use std::path::PathBuf;
use std::time::Duration;

/// OSC 52 "set clipboard", wrapped in a DCS passthrough inside tmux.
pub fn osc52(text: &str, tmux: bool) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let seq = format!("\x1b]52;c;{b64}\x07");
    if tmux { format!("\x1bPtmux;\x1b{seq}\x1b\\") } else { seq }
}

/// Map a terminal event to an action in a mode.
pub fn action_in(ev: &Event, mode: keymap::Mode) -> Option<Action> {
    match ev {
        Event::Key(k) => keymap::resolve(k, mode),
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

/// Map a terminal event to an action of the viewer.
pub fn action_for(ev: &Event, app: &App) -> Option<Action> {
    action_in(ev, app.mode)
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // ratatui's own hook (set by `init`) restores the screen; mouse capture is ours to undo.
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
}

/// Set the terminal up, run `body`, and restore the terminal whatever happens.
fn with_terminal(body: impl FnOnce(&mut DefaultTerminal) -> io::Result<()>) -> io::Result<()> {
    let mut terminal = ratatui::init();
    install_panic_hook();
    let result = execute!(io::stdout(), EnableMouseCapture).and_then(|()| body(&mut terminal));
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

/// Where `e` writes: `<release name>-deadlines.ics` in the current folder, else in the temp folder,
/// never over another file.
fn export(app: &App) -> String {
    let hash = app.hash.clone().unwrap_or_else(|| state::content_hash(app.release.text.as_bytes()));
    let dirs = [std::env::current_dir().unwrap_or_default(), std::env::temp_dir()];
    ics::export(&app.release, &hash, &dirs)
}

/// Carry out a viewer effect that does not concern the list. Returns the effect if it does.
fn viewer_effect(app: &mut App, effect: Option<Effect>, bytes: &[u8], tmux: bool) -> io::Result<Option<Effect>> {
    match effect {
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
        Some(Effect::OpenDocument(doc)) => match match doc {
            Some(i) => release::parse_document(bytes, app.release.source.path.as_deref(), i),
            None => release::parse(bytes, app.release.source.path.as_deref()),
        } {
            Ok(r) => {
                let mut next = App::new(r, app.name.clone(), app.today, app.color);
                next.mouse = app.mouse;
                next.hash = app.hash.clone();
                next.from_list = app.from_list;
                next.configure(crate::tui::config::active());
                next.update(Action::Resize(app.size.0, app.size.1));
                next.message = Some(match doc {
                    Some(i) => format!("Opened document {} (d, then the first row, returns to the whole release)", i + 1),
                    None => "Opened the whole release".to_string(),
                });
                *app = next;
            }
            Err(e) => app.message = Some(format!("Cannot open that document: {e:?}")),
        },
        Some(Effect::Export) => app.message = Some(export(app)),
        Some(Effect::OpenUrl(url)) => {
            if let Err(e) = open_url(&url) {
                app.message = Some(format!("Cannot open {url}: {e}"));
            }
        }
        other => return Ok(other),
    }
    Ok(None)
}

/// Hand an address to the system's opener, as one argument (no shell), without waiting for it.
fn open_url(url: &str) -> io::Result<()> {
    let opener = std::env::var_os("IRVIEW_OPENER").unwrap_or_else(|| if cfg!(target_os = "macos") { "open" } else { "xdg-open" }.into());
    let mut child = std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()?;
    // reap it in the background so no zombie stays behind
    std::thread::spawn(move || child.wait());
    Ok(())
}

fn tmux() -> bool {
    std::env::var_os("TMUX").is_some_and(|v| !v.is_empty())
}

fn load_state() -> (Option<PathBuf>, State) {
    let dir = state::state_dir();
    let st = dir.as_deref().map(|d| State::load(d).0).unwrap_or_default();
    (dir, st)
}

fn remember(dir: &Option<PathBuf>, st: &mut State, app: &App) {
    if let (Some(d), Some(h)) = (dir, &app.hash) {
        st.positions.insert(h.clone(), app.where_am_i());
        let _ = st.save(d);
    }
}

/// Run the viewer on one release until the user quits.
pub fn run(mut app: App, bytes: &[u8]) -> io::Result<()> {
    let (dir, mut st) = load_state();
    with_terminal(|terminal| {
        let size = terminal.size()?;
        app.update(Action::Resize(size.width, size.height));
        if let Some(pos) = app.hash.as_ref().and_then(|h| st.positions.get(h)).copied() {
            app.restore(pos);
        }
        if let Some(notice) = st.notice.take() {
            app.message = Some(notice);
        }
        let tmux = tmux();
        while !app.quit {
            terminal.draw(|f| crate::tui::ui::render(f, &app))?;
            let ev = event::read()?;
            let Some(action) = action_for(&ev, &app) else { continue };
            let effect = app.update(action);
            viewer_effect(&mut app, effect, bytes, tmux)?;
        }
        remember(&dir, &mut st, &app);
        Ok(())
    })
}

/// Open row `row` of the list in the viewer.
fn open_row(b: &mut Browser, row: usize, at: Option<usize>, max_mib: u64) -> Option<(usize, App, Vec<u8>)> {
    let path = b.rows.get(row)?.path.clone();
    let name = b.rows[row]
        .origin
        .clone()
        .unwrap_or_else(|| crate::display_safe(&path.to_string_lossy()));
    let (bytes, result) = parallel::parse_path(&path, max_mib);
    match (bytes, result) {
        (Some(bytes), Ok(r)) => {
            let mut app = App::new(r, name, b.today, b.color);
            app.from_list = true;
            app.configure(crate::tui::config::active());
            app.hash = Some(state::content_hash(&bytes));
            app.update(Action::Resize(b.size.0, b.size.1));
            match at {
                Some(offset) => app.show(offset),
                None => {
                    if let Some(pos) = app.hash.as_ref().and_then(|h| b.state.positions.get(h)).copied() {
                        app.restore(pos);
                    }
                }
            }
            Some((row, app, bytes))
        }
        (_, Err(e)) => {
            b.message = Some(e);
            None
        }
        (None, Ok(_)) => None,
    }
}

/// Put a finished parse into its row.
fn arrive(b: &mut Browser, p: parallel::Parsed) {
    let result = match (p.result, p.hash) {
        (Ok(r), Some(h)) => Ok((r, h)),
        (Ok(_), None) => Err("unreadable".to_string()),
        (Err(e), _) => Err(e),
    };
    b.arrive(p.index, result);
}

fn new_browser(paths: Vec<PathBuf>, today: chrono::NaiveDate, color: bool) -> (Option<PathBuf>, Browser) {
    let (dir, st) = load_state();
    let mut b = Browser::new(paths, st, today, color);
    b.light = crate::tui::config::active().theme == crate::tui::config::ThemeChoice::Light
        || crate::tui::config::active().theme == crate::tui::config::ThemeChoice::Auto && crate::tui::config::light_background();
    (dir, b)
}

/// Run the release list over `paths`, parsing them in the background.
pub fn run_list(paths: Vec<PathBuf>, max_mib: u64, today: chrono::NaiveDate, color: bool) -> io::Result<()> {
    let (dir, b) = new_browser(paths.clone(), today, color);
    let rx = parallel::spawn(paths, max_mib);
    list_loop(b, dir, max_mib, false, move |b| {
        while let Ok(p) = rx.try_recv() {
            arrive(b, p);
        }
    })
}

/// Run the release list over documents that a network source announces and delivers (EDGAR
/// filings, feed items); rows appear and fill in while the list is open.
pub fn run_list_remote(
    rx: std::sync::mpsc::Receiver<crate::library::remote::Incoming>,
    max_mib: u64,
    today: chrono::NaiveDate,
    color: bool,
) -> io::Result<()> {
    use crate::library::remote::Incoming;
    let (dir, b) = new_browser(Vec::new(), today, color);
    list_loop(b, dir, max_mib, true, move |b| {
        while let Ok(m) = rx.try_recv() {
            match m {
                Incoming::Row { label, date } => b.add_pending(&label, date),
                Incoming::Done(p) => {
                    if let Some(row) = b.rows.get_mut(p.index) {
                        row.path = p.path.clone();
                    }
                    arrive(b, *p);
                }
                Incoming::Note(n) => b.message = Some(n),
            }
        }
    })
}

fn list_loop(mut b: Browser, dir: Option<PathBuf>, max_mib: u64, live: bool, mut pump: impl FnMut(&mut Browser)) -> io::Result<()> {
    let mut viewer: Option<(usize, App, Vec<u8>)> = None;
    let mut compare: Option<crate::tui::compare::CompareScreen> = None;
    with_terminal(|terminal| {
        let size = terminal.size()?;
        b.update(Action::Resize(size.width, size.height));
        let tmux = tmux();
        loop {
            // results that finished since the last frame
            pump(&mut b);
            match (&compare, &viewer) {
                (Some(c), _) => terminal.draw(|f| c.render(f))?,
                (None, Some((_, app, _))) => terminal.draw(|f| crate::tui::ui::render(f, app))?,
                (None, None) => terminal.draw(|f| crate::tui::ui::list::render(f, &b))?,
            };
            if b.quit || viewer.as_ref().is_some_and(|(_, a, _)| a.quit) {
                break;
            }
            let still_parsing = b.parsed < b.rows.len();
            if !event::poll(if still_parsing {
                Duration::from_millis(50)
            } else if live {
                Duration::from_millis(250)
            } else {
                Duration::from_secs(3600)
            })? {
                continue;
            }
            let ev = event::read()?;
            if let Event::Resize(w, h) = ev {
                b.update(Action::Resize(w, h));
            }
            if let Some(c) = compare.as_mut() {
                if let Event::Resize(w, h) = ev {
                    if let Some((_, app, _)) = viewer.as_mut() {
                        app.update(Action::Resize(w, h));
                    }
                }
                if !c.key(&ev, b.size.1 as usize) {
                    compare = None;
                }
                continue;
            }
            if let Some((row, app, bytes)) = viewer.as_mut() {
                let Some(action) = action_for(&ev, app) else { continue };
                let effect = app.update(action);
                match viewer_effect(app, effect, bytes, tmux)? {
                    Some(Effect::Back) => {
                        remember(&dir, &mut b.state, app);
                        viewer = None;
                    }
                    Some(Effect::Compare) => match crate::library::compare::prior(&b.rows, *row) {
                        None => app.message = Some("No earlier release of this issuer in the list".into()),
                        Some(p) => match parallel::parse_path(&b.rows[p].path, max_mib).1 {
                            Ok(old) => {
                                let name = |i: usize| {
                                    b.rows[i]
                                        .origin
                                        .clone()
                                        .unwrap_or_else(|| b.rows[i].path.to_string_lossy().into_owned())
                                };
                                let c = crate::library::compare::compare(&name(p), &old, &name(*row), &app.release);
                                compare = Some(crate::tui::compare::CompareScreen::new(&c, b.color));
                            }
                            Err(e) => app.message = Some(e),
                        },
                    },
                    Some(Effect::Step(forward)) => {
                        remember(&dir, &mut b.state, app);
                        let current = *row;
                        let mut target = b.neighbour(current, forward);
                        // skip rows that failed to load
                        while let Some(t) = target.filter(|t| b.rows[*t].error.is_some()) {
                            target = b.neighbour(t, forward);
                        }
                        match target.and_then(|t| open_row(&mut b, t, None, max_mib)) {
                            Some(v) => viewer = Some(v),
                            None => {
                                app.message = Some(if forward {
                                    "This is the last release".into()
                                } else {
                                    "This is the first release".into()
                                })
                            }
                        }
                    }
                    _ => {}
                }
                if viewer.as_ref().is_some_and(|(_, a, _)| a.quit) {
                    if let Some((_, a, _)) = &viewer {
                        remember(&dir, &mut b.state, a);
                    }
                    break;
                }
            } else {
                let Some(action) = action_in(&ev, b.mode) else { continue };
                match b.update(action) {
                    Some(ListEffect::Save) => {
                        if let Some(d) = &dir {
                            if let Err(e) = b.state.save(d) {
                                b.message = Some(format!("Could not save the marks: {e}"));
                            } else if let Some(n) = b.state.notice.take() {
                                b.message = Some(n);
                            }
                        }
                    }
                    Some(ListEffect::Open(row, at)) => viewer = open_row(&mut b, row, at, max_mib),
                    None => {}
                }
            }
        }
        Ok(())
    })
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
