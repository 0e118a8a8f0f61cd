//! Key sequences through the same action path as the real event loop.

mod common;

use common::screen::{key, keys, screen, seed_app, send};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use irview::tui::app::{Effect, Focus};
use irview::tui::keymap::Mode;

#[test]
fn panels_by_number_and_tab() {
    let mut app = seed_app(100, 30);
    keys(&mut app, "3");
    assert_eq!(app.panel, 2);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.panel, 3);
    send(&mut app, Event::Key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)));
    send(&mut app, Event::Key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)));
    assert_eq!(app.panel, 1);
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::BackTab);
    assert_eq!(app.panel, 7, "Shift-Tab wraps to All");
}

#[test]
fn scrolling_is_clamped() {
    let mut app = seed_app(100, 30);
    keys(&mut app, "8G");
    let bottom = app.scroll[7];
    assert!(bottom > 0);
    keys(&mut app, "jjj");
    assert_eq!(app.scroll[7], bottom, "cannot scroll past the end");
    keys(&mut app, "g");
    assert_eq!(app.scroll[7], 0);
    key(&mut app, KeyCode::PageDown);
    assert!(app.scroll[7] > 0);
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::PageUp);
    key(&mut app, KeyCode::PageUp);
    assert_eq!(app.scroll[7], 0);
}

#[test]
fn search_is_incremental_smart_case_and_survives_resize() {
    let mut app = seed_app(100, 30);
    keys(&mut app, "8/sonus");
    assert_eq!(app.mode, Mode::Search);
    let lower = app.search.hits.len();
    assert!(lower > 10);
    key(&mut app, KeyCode::Enter);
    keys(&mut app, "/Sonus");
    key(&mut app, KeyCode::Enter);
    assert!(app.search.hits.len() <= lower, "an upper-case letter makes it case-sensitive");
    let n = app.search.hits.len();
    keys(&mut app, "nnn");
    assert_eq!(app.search.current, Some(3));
    keys(&mut app, "N");
    assert_eq!(app.search.current, Some(2));
    send(&mut app, Event::Resize(60, 20));
    send(&mut app, Event::Resize(140, 45));
    assert_eq!(app.search.hits.len(), n);
    assert_eq!(app.search.current, Some(2));
    assert!(screen(&app).contains(&format!("3/{n}")));
    key(&mut app, KeyCode::Esc);
    assert!(app.search.query.is_empty());
    assert!(!app.quit, "Esc never quits");
}

#[test]
fn next_fact_and_facts_pane_jump() {
    let mut app = seed_app(120, 40);
    keys(&mut app, "3]");
    let first = app.selected.expect("a fact is selected");
    keys(&mut app, "]");
    let second = app.selected.expect("still selected");
    assert!(second.0 > first.0);
    keys(&mut app, "[");
    assert_eq!(app.selected, Some(first));
    // facts pane: the second entry is the telephone replay deadline; Enter shows it
    keys(&mut app, "1fj");
    assert_eq!(app.focus, Focus::Facts);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Focus::Reading);
    let (s, e) = app.selected.expect("deadline selected");
    assert!(app.release.text[s..e].contains("April 12, 2004"));
    assert!(screen(&app).contains("available through April 12, 2004"));
}

#[test]
fn yank_copies_the_dial_in_block_or_the_fact() {
    let mut app = seed_app(100, 30);
    keys(&mut app, "3");
    let effect = app.update(irview::tui::action::Action::Yank);
    match effect {
        Some(Effect::Copy(t)) => assert!(t.contains("+1-888-326-7098") && t.contains("21190372"), "{t}"),
        other => panic!("no copy: {other:?}"),
    }
    assert!(app.message.as_deref().is_some_and(|m| m.starts_with("Copied")));
    keys(&mut app, "]");
    match app.update(irview::tui::action::Action::Yank) {
        Some(Effect::Copy(t)) => assert!(!t.is_empty()),
        other => panic!("no copy: {other:?}"),
    }
}

#[test]
fn help_overlay_opens_and_closes_and_esc_never_quits() {
    let mut app = seed_app(100, 30);
    key(&mut app, KeyCode::Char('?'));
    assert_eq!(app.mode, Mode::Help);
    keys(&mut app, "j");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode, Mode::Normal);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    assert!(!app.quit);
    keys(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn ctrl_c_quits() {
    let mut app = seed_app(100, 30);
    send(&mut app, Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)));
    assert!(app.quit);
}

#[test]
fn mouse_clicks_tabs_and_toggles_capture() {
    let mut app = seed_app(120, 40);
    let tab = app.areas().tabs[4];
    send(
        &mut app,
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: tab.x + 1,
            row: tab.y,
            modifiers: KeyModifiers::NONE,
        }),
    );
    assert_eq!(app.panel, 4);
    keys(&mut app, "8");
    send(
        &mut app,
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: 5,
            row: 10,
            modifiers: KeyModifiers::NONE,
        }),
    );
    assert_eq!(app.scroll[7], 3);
    assert_eq!(app.update(irview::tui::action::Action::ToggleMouse), Some(Effect::Mouse(false)));
    assert_eq!(app.update(irview::tui::action::Action::ToggleMouse), Some(Effect::Mouse(true)));
}

#[test]
fn legend_toggles() {
    let mut app = seed_app(120, 40);
    keys(&mut app, "l");
    assert!(screen(&app).contains("date time money percent phone fax code url email ticker person period form org"));
    keys(&mut app, "l");
    assert!(!app.legend);
}

#[test]
fn rapid_resizes_while_scrolling_never_panic() {
    let mut app = seed_app(100, 30);
    keys(&mut app, "8");
    for i in 0..200u16 {
        send(&mut app, Event::Resize(1 + (i * 7) % 150, 1 + (i * 3) % 60));
        keys(&mut app, if i % 2 == 0 { "jjG" } else { "kg" });
        let _ = screen(&app);
    }
}

#[test]
fn documents_of_a_single_release() {
    let mut app = seed_app(100, 30);
    keys(&mut app, "d");
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.message.as_deref().is_some_and(|m| m.contains("single document")));
}

#[test]
fn documents_of_a_submission_list_and_open() {
    let sub = "<SEC-DOCUMENT>x\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nItem 2.02 Results of Operations. The registrant issued the release attached as Exhibit 99.1 today.\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\nAcme Reports Results\n\nACME, Ohio--(BUSINESS WIRE)--May 5, 2024--Acme Corp. (NYSE: ACM) reported record revenue for the quarter.\n</TEXT>\n</DOCUMENT>\n";
    let r = irview::release::parse(sub.as_bytes(), Some("sub.txt")).expect("parse");
    assert_eq!(r.source.documents.len(), 2);
    let mut app = irview::tui::app::App::new(r, "sub.txt", common::screen::today(), false);
    send(&mut app, Event::Resize(100, 30));
    keys(&mut app, "d");
    assert_eq!(app.mode, Mode::Documents);
    assert!(screen(&app).contains("EX-99.1"));
    // row 0 is the whole release, the 8-K is row 1
    key(&mut app, KeyCode::Up);
    assert_eq!(app.update(irview::tui::action::Action::Select), Some(Effect::OpenDocument(None)));
    keys(&mut app, "d");
    key(&mut app, KeyCode::Down);
    let effect = app.update(irview::tui::action::Action::Select);
    assert_eq!(effect, Some(Effect::OpenDocument(Some(0))));
    // the terminal loop then parses that document alone, as here
    let only = irview::release::parse_document(sub.as_bytes(), Some("sub.txt"), 0).expect("document");
    assert!(only.text.starts_with("Item 2.02"));
    assert!(only.source.documents[0].shown && !only.source.documents[1].shown);
}

#[test]
fn wide_and_ambiguous_characters_keep_alignment() {
    use unicode_width::UnicodeWidthStr;
    let text = "Acme\u{ae} Announces \u{2122} Results \u{2014} \u{201c}Big\u{201d}\n\nTOKYO--(BUSINESS WIRE)--May 5, 2024--\u{682a}\u{5f0f}\u{4f1a}\u{793e}\u{30a2}\u{30af}\u{30e1} (NYSE: ACM) \u{1f680}\u{1f680} reported \u{2022} record revenue \u{65e5}\u{672c}\u{8a9e}\u{306e}\u{30c6}\u{30ad}\u{30b9}\u{30c8} ".repeat(3)
        + "\n\nCONTACT: \u{5c71}\u{7530}\u{592a}\u{90ce}, 555-555-1212\njane@acme.test\n";
    let r = irview::release::parse(text.as_bytes(), None).expect("parse");
    let mut app = irview::tui::app::App::new(r, "wide", common::screen::today(), false);
    for (w, h) in [(80, 24), (120, 40), (41, 12)] {
        send(&mut app, Event::Resize(w, h));
        for k in ["1", "5", "8"] {
            keys(&mut app, k);
            for line in screen(&app).lines() {
                assert!(line.width() <= usize::from(w), "line wider than the terminal ({w}): {line}");
            }
        }
    }
}

#[test]
fn position_is_remembered_by_line_across_widths() {
    let mut app = seed_app(120, 40);
    keys(&mut app, "8");
    key(&mut app, KeyCode::PageDown);
    keys(&mut app, "jjj");
    let pos = app.where_am_i();
    assert_eq!(pos.panel, 7);
    let mut again = seed_app(70, 20);
    again.restore(pos);
    assert_eq!(again.panel, 7);
    assert_eq!(again.where_am_i().line, pos.line, "same line at the top, whatever the width");
}

#[test]
fn list_keys_only_act_when_opened_from_the_list() {
    let mut app = seed_app(100, 30);
    key(&mut app, KeyCode::Backspace);
    assert!(app.message.as_deref().is_some_and(|m| m.contains("several files")));
    app.from_list = true;
    key(&mut app, KeyCode::Backspace);
    assert_eq!(app.update(irview::tui::action::Action::Back), Some(Effect::Back));
    assert_eq!(app.update(irview::tui::action::Action::NextRelease), Some(Effect::Step(true)));
    assert_eq!(app.update(irview::tui::action::Action::PrevRelease), Some(Effect::Step(false)));
    // Esc with nothing to clear goes back to the list, never quits
    assert_eq!(app.update(irview::tui::action::Action::Escape), Some(Effect::Back));
    assert!(!app.quit);
    assert_eq!(app.update(irview::tui::action::Action::Export), Some(Effect::Export));
}

#[test]
fn config_highlights_and_light_theme() {
    let mut app = seed_app(120, 40);
    let file = irview::tui::config::ConfigFile {
        theme: irview::tui::config::ThemeChoice::Light,
        highlights: vec![irview::tui::config::HighlightRule {
            pattern: "(?i)nasdaq".into(),
            style: "bold red on yellow".into(),
        }],
        ..Default::default()
    };
    let json = serde_json::to_string(&file).expect("json");
    let p = std::env::temp_dir().join(format!("irview-cfg-{}.json", std::process::id()));
    std::fs::write(&p, json).expect("write");
    let (config, warn) = irview::tui::config::load(&p);
    assert!(warn.is_none());
    app.configure(&config);
    assert!(app.light);
    keys(&mut app, "8");
    let t = common::screen::draw(&app);
    let yellow_bg = t
        .backend()
        .buffer()
        .content()
        .iter()
        .filter(|c| c.bg == ratatui::style::Color::Yellow)
        .count();
    assert!(yellow_bg >= 6, "custom highlight not drawn: {yellow_bg}");
}

#[test]
fn fact_keys_on_a_one_cell_terminal() {
    let doc = "<p><b>About Acme</b></p><table><tr><td>$</td><td>1</td></tr></table>Dial-in: +1-888-326-7098 access code 21190372 http://x.test/a?b=(c). ";
    let r = irview::release::parse(doc.as_bytes(), None).expect("parse");
    let mut app = irview::tui::app::App::new(r, "tiny", common::screen::today(), true);
    send(&mut app, Event::Resize(1, 1));
    keys(&mut app, "[3]");
    let _ = screen(&app);
}

fn app_of(text: &str, w: u16, h: u16) -> irview::tui::app::App {
    let r = irview::release::parse(text.as_bytes(), Some("t.txt")).expect("parse");
    let mut app = irview::tui::app::App::new(r, "t.txt", common::screen::today(), false);
    send(&mut app, Event::Resize(w, h));
    app
}

#[test]
fn search_covers_the_whole_release_and_n_moves_between_panels() {
    let mut app = seed_app(100, 30);
    // "Ernst" is in the status update; "replay" only in the call panel
    keys(&mut app, "1/replay");
    assert_eq!(app.panel, 2, "typing a query with no match here opens the first panel that has one");
    assert!(!app.search.hits.is_empty());
    key(&mut app, KeyCode::Enter);
    keys(&mut app, "1");
    keys(&mut app, "/sonus");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.panel, 0);
    let here = app.search.hits.len();
    assert!(app.search.elsewhere > 0, "matches in other panels are counted");
    assert!(app.search.counter().contains("in other panels"), "{}", app.search.counter());
    assert!(screen(&app).contains("in other panels"));
    for _ in 0..here {
        keys(&mut app, "n");
    }
    assert_ne!(
        app.panel, 0,
        "past the last match of the panel, n goes on to the next panel with matches"
    );
    assert_eq!(app.search.current, Some(0));
    keys(&mut app, "N");
    assert_eq!(app.panel, 0, "N goes back");
    assert_eq!(app.search.current, Some(here - 1));
}

#[test]
fn escape_closes_the_legend_first() {
    let mut app = seed_app(100, 30);
    keys(&mut app, "/sonus");
    key(&mut app, KeyCode::Enter);
    keys(&mut app, "l");
    assert!(app.legend);
    key(&mut app, KeyCode::Esc);
    assert!(!app.legend, "Esc closes the legend");
    assert!(!app.search.query.is_empty(), "and only the legend");
    key(&mut app, KeyCode::Esc);
    assert!(app.search.query.is_empty());
}

#[test]
fn tab_skips_empty_panels() {
    let mut app = app_of(
        "Acme Reports Results\n\nACME, Ohio--(BUSINESS WIRE)--May 5, 2024--Acme Corp. (NYSE: ACM) reported record revenue.\n",
        100,
        30,
    );
    let full: Vec<usize> = (0..app.panels.len()).filter(|&p| !app.panels[p].is_empty()).collect();
    assert!(full.len() < app.panels.len(), "some panels are empty");
    for _ in 0..app.panels.len() * 2 {
        key(&mut app, KeyCode::Tab);
        let p = app.panel;
        assert!(
            !app.panels[p].is_empty() || p == app.panels.len() - 1,
            "Tab stopped on empty panel {p}"
        );
    }
    keys(&mut app, "2");
    assert_eq!(app.panel, 1, "a number key still opens an empty panel");
}

#[test]
fn o_opens_the_selected_url_only_when_it_is_http() {
    let mut app = seed_app(100, 30);
    keys(&mut app, "3");
    // the call panel has one URL: o opens it without selecting
    let effect = app.update(irview::tui::action::Action::OpenUrl);
    assert_eq!(effect, Some(Effect::OpenUrl("http://www.sonusnet.com".into())), "{:?}", app.message);
    assert_eq!(
        irview::tui::app::openable("www.acme.com/ir"),
        Some("https://www.acme.com/ir".into())
    );
    assert_eq!(irview::tui::app::openable("javascript:alert(1)"), None);
    assert_eq!(irview::tui::app::openable("file:///etc/passwd"), None);
    assert_eq!(irview::tui::app::openable("http://a b"), None, "one argument, no spaces");
    let mut plain = app_of(
        "Acme Reports Results\n\nACME, Ohio--(BUSINESS WIRE)--May 5, 2024--Acme Corp. said so.\n",
        100,
        30,
    );
    assert_eq!(plain.update(irview::tui::action::Action::OpenUrl), None);
    assert!(plain.message.as_deref().is_some_and(|m| m.contains("No URL")));
}

#[test]
fn header_counts_badges_that_do_not_fit() {
    let app = seed_app(80, 24);
    let top = screen(&app).lines().next().unwrap_or("").to_string();
    assert!(top.contains("+3"), "{top}");
    assert!(!top.contains("[DELISTI"), "no badge is cut: {top}");
    let wide = seed_app(200, 30);
    assert!(!screen(&wide).lines().next().unwrap_or("").contains('+'));
}

#[test]
fn c_asks_for_the_compare_screen_only_from_the_list() {
    let mut app = seed_app(100, 30);
    let ev = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::NONE));
    let a = irview::tui::terminal::action_for(&ev, &app).expect("c is bound");
    assert_eq!(app.update(a), None, "a single release has nothing to compare with");
    assert!(app.message.as_deref().unwrap_or("").contains("compare"));
    app.from_list = true;
    assert_eq!(app.update(a), Some(Effect::Compare));
}
