//! The real terminal, and the only I/O of the interface: set the terminal up, read its events (on
//! a thread of their own), catch signals, start the parsing workers, deliver all of it to the
//! shell as messages through one channel, draw, and carry out the shell's commands (clipboard,
//! mouse, state file, exports, documents parsed off this thread, suspending). ONE event loop for
//! a single release and for the list. The terminal is restored on quit, on error, on panic and on
//! SIGTERM, SIGHUP and SIGINT; Ctrl-Z and SIGTSTP suspend as a shell job, SIGCONT redraws.

use crate::library::state::{self, State};
use crate::library::store::{Library, Origin};
use crate::library::{ics, input, parallel};
use crate::release::{self, Release};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::shell::{Command, Msg, Shell};
use base64::Engine;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;
use crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, enable_raw_mode};
use ratatui::DefaultTerminal;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// At most one frame this often while rows pour in (a key press draws at once).
const FRAME: Duration = Duration::from_millis(30);
/// Longest run of messages handled before looking for a key press again.
const BATCH: Duration = Duration::from_millis(10);

/// OSC 52 "set clipboard", wrapped in a DCS passthrough inside tmux.
pub fn osc52(text: &str, tmux: bool) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let seq = format!("\x1b]52;c;{b64}\x07");
    if tmux { format!("\x1bPtmux;\x1b{seq}\x1b\\") } else { seq }
}

pub use crate::tui::shell::action_in;

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
fn with_terminal<T>(body: impl FnOnce(&mut DefaultTerminal) -> io::Result<T>) -> io::Result<T> {
    let mut terminal = ratatui::init();
    install_panic_hook();
    let result = execute!(io::stdout(), EnableMouseCapture).and_then(|()| body(&mut terminal));
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

/// Give the terminal back to the shell, stop until continued, then take it again and redraw.
fn suspend(terminal: &mut DefaultTerminal, mouse: bool) -> io::Result<()> {
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    // SIGSTOP cannot be caught: the process stops here until the shell's `fg` (SIGCONT)
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
    resume(terminal, mouse)
}

/// Raw mode, the alternate screen and mouse capture again (after SIGCONT), and a full redraw.
fn resume(terminal: &mut DefaultTerminal, mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen)?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    // `Terminal::clear` asks the terminal where its cursor is, and the answer would go to the
    // event thread: clear the screen directly, then draw a blank frame so the next one is drawn
    // whole
    execute!(io::stdout(), Clear(ClearType::All))?;
    terminal.draw(|f| f.render_widget(ratatui::widgets::Clear, f.area()))?;
    Ok(())
}

/// Write a release's deadlines to `<release name>-deadlines.ics` in the current folder, else in
/// the temp folder, never over another file.
fn export(release: &Release, hash: &str) -> String {
    let dirs = [std::env::current_dir().unwrap_or_default(), std::env::temp_dir()];
    ics::export(release, hash, &dirs)
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

/// The theme rule of the config: light or dark background.
fn light_background() -> bool {
    use crate::tui::config::{ThemeChoice, active, light_background};
    match active().theme {
        ThemeChoice::Light => true,
        ThemeChoice::Dark => false,
        ThemeChoice::Auto => light_background(),
    }
}

/// What the loop waits for: a message for the shell, or a signal for the terminal.
enum Input {
    Msg(Msg),
    Signal(i32),
    /// A key, mouse or signal waits in the user's lane: look there.
    Wake,
}

/// What to show first.
pub enum Start {
    /// One release, already read and parsed; `message` goes on the status line.
    One { library: Library, message: Option<String> },
    /// The list over files still to parse.
    List { paths: Vec<PathBuf>, max_mib: u64 },
    /// The list over what a network source delivers, as it arrives.
    Remote {
        rx: mpsc::Receiver<crate::library::remote::Incoming>,
        max_mib: u64,
    },
}

/// Carries out the shell's commands.
struct Io {
    dir: Option<PathBuf>,
    tmux: bool,
    mouse: bool,
    max_mib: u64,
    tx: mpsc::Sender<Input>,
}

impl Io {
    fn run(&mut self, command: Command, shell: &mut Shell, terminal: &mut DefaultTerminal) -> io::Result<()> {
        match command {
            Command::Copy(text) => {
                let mut out = io::stdout();
                out.write_all(osc52(&text, self.tmux).as_bytes())?;
                out.flush()?;
            }
            Command::Mouse(on) => {
                self.mouse = on;
                if on {
                    execute!(io::stdout(), EnableMouseCapture)?;
                } else {
                    execute!(io::stdout(), DisableMouseCapture)?;
                }
            }
            Command::Save => {
                if let Some(d) = &self.dir {
                    if let Err(e) = shell.list.state.save(d) {
                        self.notify(shell, format!("Could not save the marks: {e}"));
                    } else if let Some(n) = shell.list.state.notice.take() {
                        self.notify(shell, n);
                    }
                }
            }
            Command::Export { release, hash } => {
                let text = export(&release, &hash);
                self.notify(shell, text);
            }
            Command::ParseDocument {
                entry,
                origin,
                name,
                index,
            } => {
                let (tx, max_mib) = (self.tx.clone(), self.max_mib);
                std::thread::spawn(move || {
                    let (bytes, path) = match origin {
                        Origin::Path(p) => (
                            input::read_input(&p, max_mib).map_err(|e| e.to_string()),
                            p.to_string_lossy().into_owned(),
                        ),
                        Origin::Bytes(b) => (Ok(b.to_vec()), name),
                    };
                    let result = bytes.and_then(|b| {
                        match index {
                            Some(i) => release::parse_document(&b, Some(&path), i),
                            None => release::parse(&b, Some(&path)),
                        }
                        .map(Box::new)
                        .map_err(|e| format!("{e:?}"))
                    });
                    let _ = tx.send(Input::Msg(Msg::Document { entry, index, result }));
                });
            }
            Command::OpenUrl(url) => {
                if let Err(e) = open_url(&url) {
                    self.notify(shell, format!("Cannot open {url}: {e}"));
                }
            }
            Command::Suspend => suspend(terminal, self.mouse)?,
        }
        Ok(())
    }

    fn notify(&self, shell: &mut Shell, text: String) {
        let _ = shell.update(Msg::Notice(text));
    }
}

/// The release list over documents a network source delivers (EDGAR filings, feed items): it
/// opens at once, a row appears for each document announced and fills in when the document is
/// fetched and parsed (on the source's workers); a watched feed adds rows while it is open.
pub fn run_list_remote(
    rx: mpsc::Receiver<crate::library::remote::Incoming>,
    max_mib: u64,
    today: chrono::NaiveDate,
    color: bool,
) -> io::Result<Option<i32>> {
    run(Start::Remote { rx, max_mib }, today, color)
}

/// Run the interface until the user quits. Returns the signal that ended it, if one did.
pub fn run(start: Start, today: chrono::NaiveDate, color: bool) -> io::Result<Option<i32>> {
    let (dir, st) = load_state();
    let light = light_background();
    let (tx, rx) = mpsc::channel::<Input>();
    // The user's lane: keys, the mouse and signals are answered before any parsed release that
    // arrived earlier, so that a list filling with thousands of rows still answers at once.
    let (user_tx, user_rx) = mpsc::channel::<Input>();
    let user = move |tx: &mpsc::Sender<Input>, user_tx: &mpsc::Sender<Input>, input: Input| {
        user_tx.send(input).is_ok() && tx.send(Input::Wake).is_ok()
    };
    // signals first, so that none sent while the terminal is set up is lost
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT])?;
    let signal_handle = signals.handle();
    {
        let (tx, user_tx) = (tx.clone(), user_tx.clone());
        std::thread::spawn(move || {
            for s in signals.forever() {
                if !user(&tx, &user_tx, Input::Signal(s)) {
                    break;
                }
            }
        });
    }
    let result = with_terminal(|terminal| {
        let size = terminal.size()?;
        let size = (size.width, size.height);
        let mut max_mib = input::DEFAULT_MAX_MIB;
        let mut shell = match start {
            Start::One { library, message } => {
                let mut shell = Shell::single(library, st, today, color, size);
                let notice = shell.list.message.take();
                if let Some(app) = shell.app_mut() {
                    app.message = notice.or(message);
                }
                shell
            }
            Start::Remote { rx, max_mib: limit } => {
                max_mib = limit;
                let tx = tx.clone();
                // the source's messages join the one loop; the network is never waited on here
                std::thread::spawn(move || {
                    for incoming in rx {
                        if tx.send(Input::Msg(Msg::from(incoming))).is_err() {
                            break;
                        }
                    }
                });
                Shell::remote(st, today, color, light, size)
            }
            Start::List { paths, max_mib: limit } => {
                max_mib = limit;
                let shell = Shell::list(paths.clone(), st, today, color, light, size);
                let results = parallel::spawn_cancellable(paths, limit, shell.library.cancel_token());
                let tx = tx.clone();
                std::thread::spawn(move || {
                    for p in results {
                        if tx.send(Input::Msg(Msg::Parsed(Box::new(p)))).is_err() {
                            break;
                        }
                    }
                });
                shell
            }
        };
        {
            let (tx, user_tx) = (tx.clone(), user_tx.clone());
            std::thread::spawn(move || {
                while let Ok(ev) = event::read() {
                    if !user(&tx, &user_tx, Input::Msg(Msg::Event(ev))) {
                        break;
                    }
                }
            });
        }
        let mut io = Io {
            dir,
            tmux: tmux(),
            mouse: true,
            max_mib,
            tx: tx.clone(),
        };
        let mut ended = None;
        let (mut dirty, mut urgent) = (true, true);
        let mut last = Instant::now();
        loop {
            if dirty && (urgent || last.elapsed() >= FRAME) {
                shell.settle();
                terminal.draw(|f| crate::tui::ui::draw(f, &shell))?;
                last = Instant::now();
                (dirty, urgent) = (false, false);
            }
            if shell.quit {
                break;
            }
            let wait = if dirty {
                FRAME.saturating_sub(last.elapsed())
            } else {
                Duration::from_secs(3600)
            };
            let first = match user_rx.try_recv() {
                Ok(i) => i,
                Err(_) => match rx.recv_timeout(wait) {
                    Ok(i) => i,
                    Err(mpsc::RecvTimeoutError::Timeout) => continue,
                    Err(mpsc::RecvTimeoutError::Disconnected) => break,
                },
            };
            // this input and whatever else is waiting, up to a frame's time
            let batch = Instant::now();
            let mut next = Some(first);
            while let Some(input) = next.take() {
                match input {
                    Input::Wake => {}
                    Input::Msg(m) => {
                        urgent |= matches!(m, Msg::Event(_) | Msg::Document { .. });
                        for c in shell.update(m) {
                            io.run(c, &mut shell, terminal)?;
                        }
                    }
                    Input::Signal(SIGTSTP) => {
                        suspend(terminal, io.mouse)?;
                        urgent = true;
                    }
                    Input::Signal(SIGCONT) => {
                        resume(terminal, io.mouse)?;
                        urgent = true;
                    }
                    Input::Signal(s) => {
                        ended = Some(s);
                        for c in shell.update(Msg::Quit) {
                            io.run(c, &mut shell, terminal)?;
                        }
                    }
                }
                dirty = true;
                if shell.quit || urgent || batch.elapsed() >= BATCH {
                    break;
                }
                next = user_rx.try_recv().or_else(|_| rx.try_recv()).ok();
            }
        }
        shell.library.cancel();
        Ok(ended)
    });
    signal_handle.close();
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
