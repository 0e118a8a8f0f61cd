//! Whole screens at 80×24 and 120×40, snapshotted with insta: every panel, the help overlay, a
//! search with matches, the facts pane, and the too-small message.

mod common;

use common::screen::{draw, key, keys, screen, seed_app};
use crossterm::event::KeyCode;
use insta::assert_snapshot;

#[test]
fn every_panel_at_two_sizes() {
    for (w, h) in [(80, 24), (120, 40)] {
        for p in 1..=8u8 {
            let mut app = seed_app(w, h);
            keys(&mut app, &p.to_string());
            assert_snapshot!(format!("panel{p}_{w}x{h}"), screen(&app));
        }
    }
}

#[test]
fn help_overlay() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = seed_app(w, h);
        key(&mut app, KeyCode::Char('?'));
        assert_snapshot!(format!("help_{w}x{h}"), screen(&app));
    }
}

#[test]
fn search_with_matches() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = seed_app(w, h);
        keys(&mut app, "8/nasdaq");
        key(&mut app, KeyCode::Enter);
        keys(&mut app, "n");
        let s = screen(&app);
        assert!(s.contains("/nasdaq  2/"), "{s}");
        assert_snapshot!(format!("search_{w}x{h}"), s);
    }
}

#[test]
fn facts_pane_focused_on_a_narrow_terminal() {
    let mut app = seed_app(80, 24);
    keys(&mut app, "f");
    assert_snapshot!("facts_80x24", screen(&app));
}

#[test]
fn too_small() {
    for (w, h) in [(20, 5), (39, 24), (1, 1)] {
        let app = seed_app(w, h);
        let s = screen(&app);
        if w > 10 {
            assert!(s.contains("Terminal too"), "{s}");
        }
        assert_snapshot!(format!("too_small_{w}x{h}"), s);
    }
}

#[test]
fn monochrome_marks_facts_with_attributes() {
    use ratatui::style::Modifier;
    let app = seed_app(120, 40);
    let t = draw(&app);
    let buf = t.backend().buffer();
    // "Ernst and Young LLP" is an org: underlined in the monochrome theme, no colour anywhere.
    let mut underlined = 0;
    for cell in buf.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "colour used in monochrome");
        if cell.modifier.contains(Modifier::UNDERLINED) {
            underlined += 1;
        }
    }
    assert!(underlined > 20, "facts are not marked: {underlined}");
}

#[test]
fn colour_theme_colours_facts_by_kind() {
    let r = irview::release::parse(irview::BUNDLED.as_bytes(), None).expect("seed");
    let mut app = irview::tui::app::App::new(r, "seed", common::screen::today(), true);
    common::screen::send(&mut app, crossterm::event::Event::Resize(120, 40));
    let t = draw(&app);
    let buf = t.backend().buffer();
    let colours: std::collections::HashSet<_> = buf.content().iter().map(|c| c.fg).collect();
    assert!(colours.len() >= 5, "expected several fact colours, got {colours:?}");
}

/// The Status panel opens with a card by kind: each kind's card at two sizes.
#[test]
fn status_cards_at_two_sizes() {
    for card in ["earnings", "dividend", "offering", "deal", "listing"] {
        let path = format!("{}/tests/fixtures/cards/{card}.txt", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).expect("fixture");
        let r = irview::release::parse(&bytes, Some(&format!("{card}.txt"))).expect("parse");
        for (w, h) in [(80, 24), (120, 40)] {
            let mut app = irview::tui::app::App::new(r.clone(), format!("{card}.txt"), common::screen::today(), false);
            common::screen::send(&mut app, crossterm::event::Event::Resize(w, h));
            let s = screen(&app);
            assert!(s.contains("Kind "), "{card} at {w}x{h}: no card\n{s}");
            assert_snapshot!(format!("card_{card}_{w}x{h}"), s);
        }
    }
}
