//! The shell without a terminal: messages in, commands out, as the event loop drives it.

use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use irview::library::parallel::Parsed;
use irview::library::state::{State, content_hash};
use irview::library::store::{Library, Origin};
use irview::tui::shell::{Command, Msg, Screen, Shell};
use std::path::PathBuf;
use std::sync::Arc;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 6, 1).expect("date")
}

fn key(c: char) -> Msg {
    let mods = if c.is_ascii_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    Msg::Event(Event::Key(KeyEvent::new(KeyCode::Char(c), mods)))
}

fn code(k: KeyCode) -> Msg {
    Msg::Event(Event::Key(KeyEvent::new(k, KeyModifiers::NONE)))
}

fn text(i: usize) -> String {
    format!(
        "Acme {i} Reports\n\nACME, Ohio--(BUSINESS WIRE)--May {}, 2024--Acme Corp. (NYSE: ACM) reported results.\n",
        i + 1
    )
}

fn parsed(i: usize) -> Msg {
    let t = text(i);
    Msg::Parsed(Box::new(Parsed {
        index: i,
        path: PathBuf::from(format!("r{i}.txt")),
        hash: Some(content_hash(t.as_bytes())),
        result: Ok(irview::release::parse(t.as_bytes(), None).expect("parse")),
    }))
}

fn list(n: usize) -> Shell {
    let paths: Vec<PathBuf> = (0..n).map(|i| PathBuf::from(format!("r{i}.txt"))).collect();
    Shell::list(paths, State::default(), today(), false, false, (100, 30))
}

fn shown(shell: &Shell) -> Option<usize> {
    match &shell.screen {
        Screen::Viewer { entry, .. } => Some(*entry),
        Screen::List => None,
    }
}

#[test]
fn a_row_still_loading_opens_when_it_arrives_and_the_list_keeps_answering() {
    let mut shell = list(3);
    shell.update(parsed(0));
    shell.settle();
    // rows 1 and 2 are still loading; the newest-first order puts the loaded one first
    shell.update(key('j'));
    shell.update(code(KeyCode::Enter));
    assert_eq!(shown(&shell), None, "nothing to show yet");
    assert!(shell.waiting.is_some());
    assert!(shell.list.message.as_deref().is_some_and(|m| m.starts_with("Loading")));
    // keys still work meanwhile: moving cancels the wait, Enter asks again
    shell.update(key('k'));
    assert!(shell.waiting.is_none());
    shell.update(key('j'));
    shell.update(code(KeyCode::Enter));
    let waiting = shell.waiting.expect("waiting").0;
    shell.update(parsed(waiting));
    assert_eq!(shown(&shell), Some(waiting), "opens on arrival");
    // the viewer shares the library's parsed release: no copy, no second parse
    let (release, _) = shell.library.release(waiting).expect("ready");
    assert!(Arc::ptr_eq(&release, &shell.app().expect("viewer").release));
    // Esc returns to the list and remembers the place
    let commands = shell.update(code(KeyCode::Esc));
    assert!(matches!(commands.as_slice(), [Command::Save]));
    assert_eq!(shown(&shell), None);
    // q quits whatever is loading
    shell.update(key('q'));
    assert!(shell.quit);
}

#[test]
fn esc_stops_waiting_and_quit_works_while_waiting() {
    let mut shell = list(2);
    shell.update(code(KeyCode::Enter));
    assert!(shell.waiting.is_some());
    shell.update(code(KeyCode::Esc));
    assert!(shell.waiting.is_none());
    assert_eq!(shell.list.message.as_deref(), Some("Stopped waiting"));
    shell.update(code(KeyCode::Enter));
    shell.update(key('q'));
    assert!(shell.quit);
    // a signal ends it the same way
    let mut shell = list(1);
    shell.update(Msg::Quit);
    assert!(shell.quit);
}

#[test]
fn rows_arriving_are_sorted_once_per_frame() {
    let mut shell = list(5);
    for i in [3, 0, 4, 1, 2] {
        shell.update(parsed(i));
    }
    shell.settle();
    let dates: Vec<String> = shell
        .list
        .order
        .iter()
        .map(|&i| shell.list.rows[i].date.map(|d| d.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(dates, ["2024-05-05", "2024-05-04", "2024-05-03", "2024-05-02", "2024-05-01"]);
}

#[test]
fn one_release_opens_in_the_viewer_and_steps_are_refused() {
    let bytes = irview::BUNDLED.as_bytes();
    let release = irview::release::parse(bytes, Some(irview::BUNDLED_NAME)).expect("parse");
    let library = Library::of_release(irview::BUNDLED_NAME, Origin::Bytes(bytes.into()), content_hash(bytes), release);
    let mut shell = Shell::single(library, State::default(), today(), false, (100, 30));
    assert_eq!(shown(&shell), Some(0));
    shell.update(key(')'));
    assert!(
        shell
            .app()
            .and_then(|a| a.message.as_deref())
            .is_some_and(|m| m.contains("several files"))
    );
    shell.update(code(KeyCode::Esc));
    assert_eq!(shown(&shell), Some(0), "no list to return to");
    // Ctrl-Z asks the terminal side to suspend
    let z = Msg::Event(Event::Key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL)));
    assert!(matches!(shell.update(z).as_slice(), [Command::Suspend]));
    let commands = shell.update(key('q'));
    assert!(shell.quit);
    assert!(matches!(commands.as_slice(), [Command::Save]), "the place is remembered");
}

fn announced(i: usize) -> Msg {
    Msg::Announced {
        label: format!("8-K 2024-05-0{} Acme Corp.", i + 1),
        date: NaiveDate::from_ymd_opt(2024, 5, u32::try_from(i).expect("small") + 1),
    }
}

fn failed(i: usize, why: &str) -> Msg {
    Msg::Parsed(Box::new(Parsed {
        index: i,
        path: PathBuf::from(format!("8-K {i}")),
        hash: None,
        result: Err(why.into()),
    }))
}

fn remote() -> Shell {
    Shell::remote(State::default(), today(), false, false, (100, 30))
}

#[test]
fn a_network_list_opens_empty_and_fills_in_as_documents_arrive() {
    let mut shell = remote();
    assert!(shell.list.rows.is_empty() && shell.library.is_empty());
    // the source announces three filings: three rows at once, each still fetching
    for i in 0..3 {
        assert!(shell.update(announced(i)).is_empty());
    }
    shell.settle();
    assert_eq!(shell.list.rows.len(), 3);
    assert_eq!(shell.library.len(), 3);
    assert!(shell.list.rows.iter().all(|r| r.loading));
    assert_eq!(shell.list.rows[1].origin.as_deref(), Some("8-K 2024-05-02 Acme Corp."));
    assert!(shell.busy());
    // documents arrive out of order: the last first
    shell.update(parsed(2));
    shell.settle();
    assert!(!shell.list.rows[2].loading && shell.list.rows[2].company.contains("Acme"));
    assert!(shell.list.rows[0].loading && shell.list.rows[1].loading);
    // a row still fetching opens as "loading", the list keeps answering, and it opens on arrival
    let at = shell.list.order.iter().position(|&i| i == 0).expect("row 0 listed");
    shell.update(key('g'));
    for _ in 0..at {
        shell.update(key('j'));
    }
    shell.update(code(KeyCode::Enter));
    assert_eq!(shell.waiting.map(|w| w.0), Some(0));
    assert!(
        shell
            .list
            .message
            .as_deref()
            .is_some_and(|m| m.starts_with("Loading 8-K 2024-05-01"))
    );
    assert_eq!(shown(&shell), None);
    // an error for another row shows in that row, and the wait goes on
    shell.update(failed(1, "not found (404): https://www.sec.gov/Archives/x.txt"));
    assert!(shell.list.rows[1].error.as_deref().is_some_and(|e| e.contains("404")));
    assert_eq!(shown(&shell), None);
    shell.update(parsed(0));
    assert_eq!(shown(&shell), Some(0), "opens when its document is in");
    assert_eq!(shell.app().expect("viewer").name, "8-K 2024-05-01 Acme Corp.");
    shell.update(code(KeyCode::Esc));
    assert!(!shell.busy());
    // a note of the source goes to the status line
    shell.update(Msg::from(irview::library::remote::Incoming::Note("Wire: offline".into())));
    assert_eq!(shell.list.message.as_deref(), Some("Wire: offline"));
    // a later look at the feed adds an item while the list is open
    shell.update(announced(3));
    shell.settle();
    assert_eq!(shell.list.rows.len(), 4);
    assert!(shell.list.order.contains(&3), "the new row is listed");
    assert!(shell.list.rows[3].loading && shell.busy());
    shell.update(parsed(3));
    shell.settle();
    assert!(!shell.list.rows[3].loading && !shell.busy());
    assert_eq!(shell.list.parsed, 4);
}
