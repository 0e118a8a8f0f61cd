//! The shell: one root state over the library of parsed releases and the screen shown, and one
//! `update(Msg) -> Vec<Command>`. The screens keep their own state and `update(Action)` (the list
//! in `browser`, the viewer in `app`); the shell routes messages to them, turns what they ask for
//! into commands, and builds every viewer in one place. It does no I/O: `terminal` reads events,
//! draws, runs the commands and delivers their results as messages.

use crate::library::parallel::Parsed;
use crate::library::remote::Incoming;
use crate::library::state::{self, State};
use crate::library::store::{Library, Origin, Status};
use crate::release::Release;
use crate::tui::action::Action;
use crate::tui::app::{App, Effect, Position};
use crate::tui::browser::{Browser, ListEffect};
use crate::tui::keymap::{self, Mode};
use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};
use std::path::PathBuf;
use std::sync::Arc;

/// What the shell shows. The list is always there underneath (a single release has a list of
/// one, never shown); other screens (a comparison, a feed) join this enum.
pub enum Screen {
    List,
    /// Entry `entry` of the library, in the viewer.
    Viewer {
        entry: usize,
        app: Box<App>,
    },
}

/// Everything that can happen to the shell.
pub enum Msg {
    /// A terminal event (key, mouse, resize).
    Event(Event),
    /// A worker finished parsing a file (or fetching and parsing a network document).
    Parsed(Box<Parsed>),
    /// A network source has a new document on its way: a row for it, shown at once.
    Announced { label: String, date: Option<NaiveDate> },
    /// Another document of a submission was parsed (for entry `entry`).
    Document {
        entry: usize,
        /// None: the whole release again.
        index: Option<usize>,
        result: Result<Box<Release>, String>,
    },
    /// The outcome of a command, to show on the status line.
    Notice(String),
    /// Asked to end (a signal): leave as if the user quit.
    Quit,
}

/// What a network source sends, as the shell's messages: a row announced, its document parsed,
/// a note for the status line.
impl From<Incoming> for Msg {
    fn from(i: Incoming) -> Msg {
        match i {
            Incoming::Row { label, date } => Msg::Announced { label, date },
            Incoming::Done(p) => Msg::Parsed(p),
            Incoming::Note(n) => Msg::Notice(n),
        }
    }
}

/// What the shell asks the terminal side to do.
#[derive(Debug)]
pub enum Command {
    /// Put text on the clipboard (OSC 52).
    Copy(String),
    /// Capture the mouse (true) or release it to the terminal.
    Mouse(bool),
    /// Write the remembered state (marks, positions).
    Save,
    /// Write a release's deadlines as an iCalendar file.
    Export { release: Arc<Release>, hash: String },
    /// Parse document `index` of entry `entry` off the interface thread.
    ParseDocument {
        entry: usize,
        origin: Origin,
        name: String,
        /// None: the whole release again.
        index: Option<usize>,
    },
    /// Open an http(s) address with the system's opener.
    OpenUrl(String),
    /// Give the terminal back and stop (Ctrl-Z), as a shell job.
    Suspend,
}

pub struct Shell {
    pub library: Library,
    pub list: Browser,
    pub screen: Screen,
    /// One release given: there is no list to return to.
    single: bool,
    /// A row asked for while it was still loading: (entry, offset to show), opened on arrival.
    pub waiting: Option<(usize, Option<usize>)>,
    /// The compare screen over the viewer (`c`), while it is open.
    pub compare: Option<crate::tui::compare::CompareScreen>,
    pub quit: bool,
}

impl Shell {
    /// The list over `paths` (parse them with the library's cancel token).
    pub fn list(paths: Vec<PathBuf>, state: State, today: NaiveDate, color: bool, light: bool, size: (u16, u16)) -> Shell {
        let library = Library::of_paths(&paths);
        let mut list = Browser::new(paths, state, today, color);
        list.light = light;
        list.update(Action::Resize(size.0, size.1));
        Shell {
            library,
            list,
            screen: Screen::List,
            single: false,
            waiting: None,
            compare: None,
            quit: false,
        }
    }

    /// The list over documents a network source delivers: empty at first, a row for each
    /// [`Msg::Announced`], filled in by its [`Msg::Parsed`].
    pub fn remote(state: State, today: NaiveDate, color: bool, light: bool, size: (u16, u16)) -> Shell {
        let mut shell = Shell::list(Vec::new(), state, today, color, light, size);
        shell.list.remote = true;
        shell
    }

    /// The viewer over the one release of `library`, at its remembered position.
    pub fn single(library: Library, state: State, today: NaiveDate, color: bool, size: (u16, u16)) -> Shell {
        let path = library.get(0).map(|e| PathBuf::from(&e.name)).unwrap_or_default();
        let mut list = Browser::new(vec![path], state, today, color);
        list.update(Action::Resize(size.0, size.1));
        let mut shell = Shell {
            library,
            list,
            screen: Screen::List,
            single: true,
            waiting: None,
            compare: None,
            quit: false,
        };
        if let Some((release, hash)) = shell.library.release(0) {
            let app = shell.viewer(release, hash, None, None, true);
            shell.screen = Screen::Viewer {
                entry: 0,
                app: Box::new(app),
            };
        }
        shell
    }

    /// The one constructor of a viewer: config, size, remembered position or a place to show.
    fn viewer(&self, release: Arc<Release>, hash: &str, entry_name: Option<&str>, at: Option<usize>, remembered: bool) -> App {
        let name = entry_name.map_or_else(|| self.library.get(0).map(|e| e.name.clone()).unwrap_or_default(), str::to_string);
        let mut app = App::new(release, name, self.list.today, self.list.color);
        app.from_list = !self.single;
        app.configure(crate::tui::config::active());
        app.hash = Some(hash.to_string());
        app.update(Action::Resize(self.list.size.0, self.list.size.1));
        match at {
            Some(offset) => app.show(offset),
            None if remembered => {
                if let Some(p) = self.list.state.positions.get(hash) {
                    app.restore(Position {
                        panel: p.panel,
                        line: p.line,
                    });
                }
            }
            None => {}
        }
        app
    }

    /// The viewer, when it is the screen shown.
    pub fn app(&self) -> Option<&App> {
        match &self.screen {
            Screen::Viewer { app, .. } => Some(app),
            Screen::List => None,
        }
    }

    pub fn app_mut(&mut self) -> Option<&mut App> {
        match &mut self.screen {
            Screen::Viewer { app, .. } => Some(app),
            Screen::List => None,
        }
    }

    /// True while files are still being parsed.
    pub fn busy(&self) -> bool {
        self.library.loading() > 0
    }

    /// Bring the list's order up to date (once per frame, whatever number of rows came in).
    pub fn settle(&mut self) {
        self.list.settle();
    }

    /// Remember where the viewer is, in the state to be saved.
    fn remember(&mut self) -> Option<Command> {
        let app = self.app()?;
        let hash = app.hash.clone()?;
        let p = app.where_am_i();
        self.list.state.positions.insert(
            hash,
            state::Position {
                panel: p.panel,
                line: p.line,
            },
        );
        Some(Command::Save)
    }

    /// Open entry `entry` in the viewer, or wait for it if it is still being parsed.
    fn open(&mut self, entry: usize, at: Option<usize>) {
        let Some(e) = self.library.get(entry) else { return };
        match &e.status {
            Status::Ready { hash, release } => {
                let (release, hash, name) = (Arc::clone(release), hash.clone(), e.name.clone());
                let app = self.viewer(release, &hash, Some(&name), at, true);
                self.waiting = None;
                self.screen = Screen::Viewer { entry, app: Box::new(app) };
            }
            Status::Loading => {
                let msg = format!("Loading {}\u{2026} (it opens when it is read; Esc cancels)", e.name);
                self.waiting = Some((entry, at));
                match self.app_mut() {
                    Some(app) => app.message = Some(msg),
                    None => self.list.message = Some(msg),
                }
            }
            Status::Failed(why) => {
                let msg = why.clone();
                match self.app_mut() {
                    Some(app) => app.message = Some(msg),
                    None => self.list.message = Some(msg),
                }
            }
        }
    }

    pub fn update(&mut self, msg: Msg) -> Vec<Command> {
        match msg {
            Msg::Parsed(p) => {
                let index = p.index;
                if let Some(e) = self.library.arrive(*p) {
                    match &e.status {
                        Status::Ready { hash, release } => self.list.receive(index, Ok((release, hash))),
                        Status::Failed(why) => self.list.receive(index, Err(why)),
                        Status::Loading => {}
                    }
                    if self.waiting.is_some_and(|(w, _)| w == index) {
                        let (entry, at) = self.waiting.take().unwrap_or((index, None));
                        let back = self.remember();
                        self.open(entry, at);
                        return back.into_iter().collect();
                    }
                }
                Vec::new()
            }
            Msg::Announced { label, date } => {
                let entry = self.library.add_pending(&label);
                self.list.add_pending(&label, date);
                debug_assert_eq!(entry + 1, self.list.rows.len(), "one list row per library entry");
                Vec::new()
            }
            Msg::Document { entry, index, result } => {
                let Some((mouse, name, hash)) = (match &self.screen {
                    Screen::Viewer { entry: e, app } if *e == entry => {
                        Some((app.mouse, app.name.clone(), app.hash.clone().unwrap_or_default()))
                    }
                    _ => None,
                }) else {
                    return Vec::new();
                };
                match result {
                    Ok(r) => {
                        let mut next = self.viewer(Arc::from(r), &hash, Some(&name), None, false);
                        next.mouse = mouse;
                        next.message = Some(match index {
                            Some(i) => format!("Opened document {} (d, then the first row, returns to the whole release)", i + 1),
                            None => "Opened the whole release".to_string(),
                        });
                        self.screen = Screen::Viewer {
                            entry,
                            app: Box::new(next),
                        };
                    }
                    Err(e) => {
                        if let Some(app) = self.app_mut() {
                            app.message = Some(format!("Cannot open that document: {e}"));
                        }
                    }
                }
                Vec::new()
            }
            Msg::Notice(text) => {
                match self.app_mut() {
                    Some(app) => app.message = Some(text),
                    None => self.list.message = Some(text),
                }
                Vec::new()
            }
            Msg::Quit => {
                self.quit = true;
                self.remember().into_iter().collect()
            }
            Msg::Event(ev) => self.event(ev),
        }
    }

    fn event(&mut self, ev: Event) -> Vec<Command> {
        if let Event::Key(k) = &ev {
            if k.kind == KeyEventKind::Press && k.code == KeyCode::Char('z') && k.modifiers.contains(KeyModifiers::CONTROL) {
                return vec![Command::Suspend];
            }
        }
        if let Event::Resize(w, h) = ev {
            self.list.update(Action::Resize(w, h));
        }
        let mut out = Vec::new();
        if let Some(c) = self.compare.as_mut() {
            if let Event::Resize(w, h) = ev {
                if let Some(app) = self.app_mut() {
                    app.update(Action::Resize(w, h));
                }
            } else if !c.key(&ev, usize::from(self.list.size.1)) {
                self.compare = None;
            }
            return out;
        }
        if let Screen::Viewer { entry, app } = &mut self.screen {
            let entry = *entry;
            let Some(action) = action_in(&ev, app.mode) else { return out };
            if action == Action::Escape && self.waiting.is_some() && app.mode == Mode::Normal {
                self.waiting = None;
                app.message = Some("Stopped waiting".into());
                return out;
            }
            let effect = app.update(action);
            let quit = app.quit;
            self.viewer_effect(entry, effect, &mut out);
            if quit {
                out.extend(self.remember());
                self.quit = true;
            }
            return out;
        }
        let Some(action) = action_in(&ev, self.list.mode) else { return out };
        if self.waiting.is_some() && !matches!(action, Action::Resize(..)) {
            self.waiting = None;
            if action == Action::Escape {
                self.list.message = Some("Stopped waiting".into());
                return out;
            }
        }
        match self.list.update(action) {
            Some(ListEffect::Save) => out.push(Command::Save),
            Some(ListEffect::Open(row, at)) => self.open(row, at),
            None => {}
        }
        if self.list.quit {
            self.quit = true;
        }
        out
    }

    /// Carry out what the viewer asked for.
    fn viewer_effect(&mut self, entry: usize, effect: Option<Effect>, out: &mut Vec<Command>) {
        match effect {
            Some(Effect::Copy(t)) => out.push(Command::Copy(t)),
            Some(Effect::Mouse(on)) => out.push(Command::Mouse(on)),
            Some(Effect::OpenUrl(url)) => out.push(Command::OpenUrl(url)),
            Some(Effect::Export) => {
                // the document shown, which may be another one of the submission
                if let (Some(app), Some((_, hash))) = (self.app(), self.library.release(entry)) {
                    out.push(Command::Export {
                        release: Arc::clone(&app.release),
                        hash: hash.to_string(),
                    });
                }
            }
            Some(Effect::OpenDocument(index)) => {
                if let Some(e) = self.library.get(entry) {
                    let (origin, name) = (e.origin.clone(), e.name.clone());
                    if let Some(app) = self.app_mut() {
                        app.message = Some(match index {
                            Some(i) => format!("Opening document {}\u{2026}", i + 1),
                            None => "Opening the whole release\u{2026}".to_string(),
                        });
                    }
                    out.push(Command::ParseDocument {
                        entry,
                        origin,
                        name,
                        index,
                    });
                }
            }
            Some(Effect::Compare) => {
                let prior = crate::library::compare::prior(&self.list.rows, entry).and_then(|p| Some((p, self.library.release(p)?.0)));
                let name = |i: usize| {
                    self.list.rows.get(i).map_or_else(String::new, |r| {
                        r.origin.clone().unwrap_or_else(|| crate::display_safe(&r.path.to_string_lossy()))
                    })
                };
                let (color, screen) = match (prior, self.app()) {
                    (Some((p, old)), Some(app)) => {
                        let c = crate::library::compare::compare(&name(p), &old, &name(entry), &app.release);
                        (self.list.color, Some(c))
                    }
                    _ => (self.list.color, None),
                };
                match screen {
                    Some(c) => self.compare = Some(crate::tui::compare::CompareScreen::new(&c, color)),
                    None => {
                        if let Some(app) = self.app_mut() {
                            app.message = Some("No earlier release of this issuer in the list".into());
                        }
                    }
                }
            }
            Some(Effect::Back) if !self.single => {
                out.extend(self.remember());
                self.waiting = None;
                self.screen = Screen::List;
            }
            Some(Effect::Step(forward)) if !self.single => {
                out.extend(self.remember());
                let mut target = self.list.neighbour(entry, forward);
                // skip rows that failed to load
                while let Some(t) = target.filter(|t| self.list.rows[*t].error.is_some()) {
                    target = self.list.neighbour(t, forward);
                }
                match target {
                    Some(t) => self.open(t, None),
                    None => {
                        if let Some(app) = self.app_mut() {
                            app.message = Some(if forward {
                                "This is the last release".into()
                            } else {
                                "This is the first release".into()
                            });
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// Map a terminal event to an action in a mode.
pub fn action_in(ev: &Event, mode: Mode) -> Option<Action> {
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
