//! The release list, batch JSON Lines and the iCalendar export.

mod common;

use chrono::NaiveDate;
use irview::library::state::{State, content_hash};
use irview::tui::action::Action;
use irview::tui::browser::{Browser, ListEffect};
use irview::tui::keymap::Mode;
use std::path::PathBuf;
use std::process::Command;

fn release(date: &str, company: &str, extra: &str) -> String {
    format!(
        "{company} Reports Results\n\nACME, Ohio--(BUSINESS WIRE)--{date}--{company} Inc. (NYSE: {}) reported results. {extra}\n",
        &company[..3].to_uppercase()
    )
}

fn browser_with(items: &[(&str, &str, &str)]) -> (Browser, Vec<String>) {
    let paths: Vec<PathBuf> = (0..items.len()).map(|i| PathBuf::from(format!("r{i}.txt"))).collect();
    let today = NaiveDate::from_ymd_opt(2024, 6, 1).expect("date");
    let mut b = Browser::new(paths, State::default(), today, false);
    let mut hashes = Vec::new();
    // results arrive out of order, as from the worker threads
    for i in (0..items.len()).rev() {
        let (date, company, extra) = items[i];
        let text = release(date, company, extra);
        let r = irview::release::parse(text.as_bytes(), None).expect("parse");
        let h = content_hash(text.as_bytes());
        hashes.push(h.clone());
        b.arrive(i, Ok((r, h)));
    }
    hashes.reverse();
    (b, hashes)
}

#[test]
fn rows_sort_filter_and_mark() {
    let (mut b, hashes) = browser_with(&[
        ("May 5, 2024", "Acme", "The replay is available through June 30, 2024."),
        ("March 1, 2024", "Zeta", "Existing financial statements should not be relied upon."),
        ("July 9, 2024", "Beta", ""),
    ]);
    let companies = |b: &Browser| b.order.iter().map(|&i| b.rows[i].company.clone()).collect::<Vec<_>>();
    assert_eq!(b.selected, 0, "untouched, the selection stays on the newest release as rows arrive");
    assert_eq!(companies(&b), vec!["Beta Inc.", "Acme Inc.", "Zeta Inc."], "newest first");
    b.update(Action::Sort);
    assert_eq!(companies(&b), vec!["Acme Inc.", "Beta Inc.", "Zeta Inc."]);
    b.update(Action::Sort);
    assert_eq!(companies(&b)[0], "Zeta Inc.", "most red flags first");
    b.update(Action::Sort);
    assert_eq!(companies(&b)[0], "Acme Inc.", "most open deadlines first");
    assert_eq!(b.rows[0].open_deadlines, 1);
    // filter: fuzzy over company, ticker, headline
    b.update(Action::Search);
    assert_eq!(b.mode, Mode::Filter);
    for c in "zta".chars() {
        b.update(Action::SearchChar(c));
    }
    assert_eq!(companies(&b), vec!["Zeta Inc."]);
    b.update(Action::Escape);
    assert_eq!(b.order.len(), 3);
    // marks
    b.update(Action::Top);
    let row = b.selected_row().expect("a row");
    assert_eq!(b.update(Action::Mark), Some(ListEffect::Save));
    assert!(b.state.reviewed.contains(&hashes[row]));
    assert!(b.is_reviewed(&b.rows[row].clone()));
    assert_ne!(b.selected_row(), Some(row), "a mark moves on to the next release");
    b.update(Action::Up(1));
    assert_eq!(b.update(Action::Mark), Some(ListEffect::Save));
    assert!(!b.is_reviewed(&b.rows[row].clone()));
    assert_eq!(b.selected_row(), Some(row), "unmarking stays");
    // open and neighbours for ) and (
    assert_eq!(b.update(Action::Select), Some(ListEffect::Open(row, None)));
    let next = b.neighbour(row, true).expect("a next release");
    assert_ne!(next, row);
    assert_eq!(b.neighbour(next, false), Some(row));
}

#[test]
fn timeline_lists_upcoming_first_then_the_past() {
    let (mut b, _) = browser_with(&[
        ("May 5, 2024", "Acme", "The replay is available through June 30, 2024."),
        (
            "March 1, 2024",
            "Zeta",
            "The conference call will be held on March 2, 2024 at 10:00 am ET.",
        ),
        ("May 20, 2024", "Beta", "The compliance deadline is no later than June 10, 2024."),
    ]);
    let dates: Vec<String> = b.timeline.iter().map(|t| t.date.to_string()).collect();
    assert_eq!(dates, vec!["2024-06-10", "2024-06-30", "2024-03-02"]);
    b.update(Action::Timeline);
    assert_eq!(b.mode, Mode::Timeline);
    match b.update(Action::Select) {
        Some(ListEffect::Open(row, Some(_))) => assert_eq!(b.rows[row].company, "Beta Inc."),
        other => panic!("{other:?}"),
    }
}

#[test]
fn list_screen_draws_at_once_and_fills_in() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let paths: Vec<PathBuf> = (0..1000).map(|i| PathBuf::from(format!("release-{i:04}.txt"))).collect();
    let t = std::time::Instant::now();
    let mut b = Browser::new(paths, State::default(), common::screen::today(), false);
    b.update(Action::Resize(120, 40));
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    term.draw(|f| irview::tui::ui::list::render(f, &b)).expect("draw");
    assert!(t.elapsed().as_millis() < 1000, "first frame of 1000 rows took {:?}", t.elapsed());
    let screen = format!("{}", term.backend());
    assert!(screen.contains("parsing 0/1000"), "{screen}");
    assert!(screen.contains("release-0000.txt (loading"));
    b.arrive(0, Err("no such file".into()));
    term.draw(|f| irview::tui::ui::list::render(f, &b)).expect("draw");
    assert!(format!("{}", term.backend()).contains("release-0000.txt: no such"));
}

fn corpus_or_tmp() -> PathBuf {
    if let Some(d) = common::corpus_dir() {
        return d;
    }
    let dir = std::env::temp_dir().join(format!("irview-list-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(
        dir.join("a.txt"),
        release("May 5, 2024", "Acme", "The replay is available through June 30, 2024."),
    )
    .expect("write");
    std::fs::write(dir.join("b.txt"), irview::BUNDLED).expect("write");
    dir
}

#[test]
fn json_lines_for_a_folder_in_stable_order() {
    let dir = corpus_or_tmp();
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_irview"))
            .arg("--json")
            .arg(&dir)
            .output()
            .expect("run")
    };
    let a = run();
    assert!(
        a.status.success() || a.status.code() == Some(2),
        "{}",
        String::from_utf8_lossy(&a.stderr)
    );
    let lines: Vec<serde_json::Value> = a
        .stdout
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).expect("one JSON object per line"))
        .collect();
    assert!(lines.len() >= 2);
    let paths: Vec<String> = lines
        .iter()
        .map(|v| v["source"]["path"].as_str().unwrap_or("").to_string())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "JSON Lines come in path order");
    assert_eq!(run().stdout, a.stdout, "the same output every run");
}

#[test]
fn ics_parses_with_an_independent_parser() {
    let dir = corpus_or_tmp();
    let out = Command::new(env!("CARGO_BIN_EXE_irview"))
        .arg("--ics")
        .arg(&dir)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout.clone()).expect("utf-8");
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let cal = parser.next().expect("a calendar").expect("a valid calendar");
    assert!(!cal.events.is_empty());
    for ev in &cal.events {
        let prop = |name: &str| ev.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone());
        assert!(prop("UID").is_some_and(|u| u.ends_with("@irview")));
        assert!(prop("DTSTAMP").is_some());
        assert!(prop("DTSTART").is_some());
        assert!(prop("SUMMARY").is_some());
    }
    let uids: std::collections::HashSet<String> = cal
        .events
        .iter()
        .filter_map(|e| e.properties.iter().find(|p| p.name == "UID").and_then(|p| p.value.clone()))
        .collect();
    assert_eq!(uids.len(), cal.events.len(), "UIDs are unique");
    let again = Command::new(env!("CARGO_BIN_EXE_irview"))
        .arg("--ics")
        .arg(&dir)
        .output()
        .expect("run");
    assert_eq!(again.stdout, out.stdout, "stable across runs");
}

/// The filter over the corpus: a company's name keeps that company's releases only (not every
/// headline whose letters happen to come in order), and a red flag's name finds its releases.
#[test]
fn filter_over_the_corpus_is_tight_and_matches_flags() {
    let files = common::corpus_files();
    if files.is_empty() {
        return;
    }
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
    let mut b = Browser::new(files.clone(), State::default(), today, false);
    let mut late = 0;
    for (i, p) in files.iter().enumerate() {
        let bytes = std::fs::read(p).expect("read");
        match irview::release::parse(&bytes, Some(&p.to_string_lossy())) {
            Ok(r) => {
                late += usize::from(r.flags.iter().any(|f| f.kind == irview::release::FlagKind::LateFiling));
                b.receive(i, Ok((&r, &content_hash(&bytes))));
            }
            Err(_) => b.receive(i, Err("not text")),
        }
    }
    b.settle();
    let filter = |b: &mut Browser, q: &str| {
        b.update(Action::Search);
        for c in q.chars() {
            b.update(Action::SearchChar(c));
        }
        let kept: Vec<String> = b.order.iter().map(|&i| b.rows[i].path.to_string_lossy().into_owned()).collect();
        b.update(Action::Escape);
        kept
    };
    let oracle = filter(&mut b, "oracle");
    assert!(!oracle.is_empty());
    assert!(oracle.iter().all(|p| p.contains("oracle")), "{oracle:#?}");
    let flagged = filter(&mut b, "late filing");
    assert_eq!(flagged.len(), late, "{flagged:#?}");
    assert!(late > 0);
}

/// The list as a table: header, marks, columns, the selected row.
#[test]
fn list_table_screen() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let (mut b, _) = browser_with(&[
        ("May 5, 2024", "Acme", "The replay is available through June 30, 2024."),
        ("March 1, 2024", "Zeta", "Existing financial statements should not be relied upon."),
        ("July 9, 2024", "Beta", ""),
    ]);
    b.update(Action::Resize(120, 12));
    b.update(Action::Down(1));
    b.update(Action::Mark);
    let mut term = Terminal::new(TestBackend::new(120, 12)).expect("terminal");
    term.draw(|f| irview::tui::ui::list::render(f, &b)).expect("draw");
    insta::assert_snapshot!("list_table_120x12", term.backend());
}

#[test]
fn a_damaged_state_file_is_named_on_the_list_screen() {
    let dir = std::env::temp_dir().join(format!("irview-list-state-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(
        dir.join("state.json"),
        br#"{"reviewed":["a"],"positions":{"x":{"panel":0,"line":-1}}}"#,
    )
    .expect("write");
    let (st, _) = State::load(&dir);
    let today = NaiveDate::from_ymd_opt(2024, 6, 1).expect("date");
    let b = Browser::new(vec![PathBuf::from("r.txt")], st, today, false);
    assert!(
        b.message.as_deref().is_some_and(|m| m.contains("state.json.bad-")),
        "{:?}",
        b.message
    );
    assert!(b.state.reviewed.contains("a"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn triage_calls_today_hide_reviewed_and_kinds_in_the_filter() {
    // today is 2024-06-01 in browser_with
    let (mut b, _) = browser_with(&[
        (
            "June 1, 2024",
            "Acme",
            "Acme will host a conference call today, June 1, 2024, at 8:30 a.m. Eastern Time. Dial 1-888-555-0142, passcode 7734219.",
        ),
        ("May 28, 2024", "Zeta", "Existing financial statements should not be relied upon."),
        (
            "May 30, 2024",
            "Beta",
            "The Board declared a quarterly cash dividend of $0.35 per share, payable June 20, 2024.",
        ),
    ]);
    let companies = |b: &Browser| b.order.iter().map(|&i| b.rows[i].company.clone()).collect::<Vec<_>>();
    let acme = b.rows.iter().position(|r| r.company == "Acme Inc.").expect("acme");
    assert_eq!(b.rows[acme].next_label(b.today), "call today 08:30 ET");
    b.update(Action::CallsToday);
    assert_eq!(companies(&b), vec!["Acme Inc."], "only the release with a call today");
    b.update(Action::CallsToday);
    assert_eq!(b.order.len(), 3);
    // the filter matches red flags and kinds
    b.update(Action::Search);
    for c in "non-reliance".chars() {
        b.update(Action::SearchChar(c));
    }
    assert_eq!(companies(&b), vec!["Zeta Inc."]);
    b.update(Action::Escape);
    // hide reviewed: a mark takes the row out and the next one takes its place
    b.update(Action::HideReviewed);
    b.update(Action::Top);
    let first = b.selected_row().expect("row");
    b.update(Action::Mark);
    assert_eq!(b.order.len(), 2, "the reviewed release left the list");
    assert!(!b.order.contains(&first));
    assert_eq!(b.selected, 0, "the next release is selected");
    b.update(Action::HideReviewed);
    assert_eq!(b.order.len(), 3);
}

#[test]
fn the_call_event_carries_the_dial_in_code_and_webcast() {
    let r = irview::release::parse(irview::BUNDLED.as_bytes(), None).expect("seed");
    let cal = irview::library::ics::calendar([(&r, "h")]);
    // unfold the lines as a calendar reader does
    let cal = cal.replace("\r\n ", "");
    let call = cal
        .split("BEGIN:VEVENT")
        .find(|e| e.contains("conference call"))
        .expect("the call's event");
    assert!(call.contains("Dial-in: +18883267098"), "{call}");
    assert!(call.contains("Webcast: http://www.sonusnet.com"), "{call}");
    assert!(call.contains("code 21190372"), "the replay's code: {call}");
    assert!(call.contains("URL:http://www.sonusnet.com"), "{call}");
    let replay = cal
        .split("BEGIN:VEVENT")
        .find(|e| e.contains("playback"))
        .expect("the replay's event");
    assert!(!replay.contains("Dial-in"), "only the call's event carries the dial-in");
}
