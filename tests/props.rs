//! Property tests: whatever the bytes, loading, extracting and drawing never panic, and every
//! span lies on character boundaries inside the text.

mod common;

use common::screen::{screen, send};
use crossterm::event::Event;
use irview::tui::app::App;
use proptest::prelude::*;

/// Fragments that exercise every extractor and format reader, glued in random order.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("CHELMSFORD, Mass.--(BUSINESS WIRE)--March 29, 2004--".to_string()),
        Just("Sonus Networks (Nasdaq: SONS) said \"hello,\" said Jane Doe, CEO. ".to_string()),
        Just("Dial-in: +1-888-326-7098 access code 21190372 http://x.test/a?b=(c). ".to_string()),
        Just("$(0.05) per share, $300 million, 5.5%, Form 10-K/A, Rule 12b-25 ".to_string()),
        Just("fiscal year ended December 31, 2003; Q3 FY24; at 8:30 am Eastern today ".to_string()),
        Just("<p><b>About Acme</b></p><table><tr><td>$</td><td>1</td></tr></table>".to_string()),
        Just("<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\n".to_string()),
        Just("</TEXT>\n</DOCUMENT>\n".to_string()),
        Just("---\ntitle: x\n---\n# Head\n[a](b) ".to_string()),
        Just("\n\n    ".to_string()),
        Just("\u{1b}[31m\u{1b}]0;t\u{7}\u{202e}\u{0}\u{85}".to_string()),
        Just("CONTACT: Jane Doe, 978-614-8672\njane@x.test\n".to_string()),
        Just("restatement should not be relied upon delisting going concern ".to_string()),
        "[ -~]{0,40}",
        "\\PC{0,20}",
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..30).prop_map(|v| v.concat())
}

fn check_spans(r: &irview::release::Release) {
    let t = &r.text;
    let ok = |s: usize, e: usize| s <= e && e <= t.len() && t.is_char_boundary(s) && t.is_char_boundary(e);
    assert!(r.sections.iter().all(|s| ok(s.start, s.end)));
    assert!(r.facts.iter().all(|f| ok(f.start, f.end)));
    let json = serde_json::to_value(r).expect("json");
    let texts = json["facts"].as_array().into_iter().flatten().map(|j| j["text"].as_str());
    assert!(r.facts.iter().zip(texts).all(|(f, j)| j == Some(&t[f.start..f.end])));
    assert!(r.quotes.iter().all(|q| ok(q.start, q.end)));
    assert!(r.contacts.iter().all(|c| ok(c.start, c.end)));
    assert!(r.deadlines.iter().all(|d| ok(d.start, d.end)));
    assert!(r.flags.iter().all(|f| ok(f.start, f.end)));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(600), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        if let Ok(r) = irview::release::parse(&bytes, None) {
            check_spans(&r);
        }
    }

    #[test]
    fn structured_text_parses_and_draws(doc in document(), w in 1u16..160, h in 1u16..60, keys in "[jkgG123456788nN\\]\\[f/a ]{0,12}") {
        let r = match irview::release::parse(doc.as_bytes(), Some("p.txt")) {
            Ok(r) => r,
            // a short text that is mostly NULs and controls may fairly be called binary
            Err(e) => {
                prop_assert!(doc.contains('\0'), "refused as {e:?} without a NUL byte: {doc:?}");
                return Ok(());
            }
        };
        check_spans(&r);
        serde_json::to_string(&r).expect("json");
        let mut app = App::new(r, "p", common::screen::today(), true);
        send(&mut app, Event::Resize(w, h));
        common::screen::keys(&mut app, &keys);
        let _ = screen(&app);
    }
}
