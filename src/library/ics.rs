//! Deadlines as an RFC 5545 calendar: one VEVENT per deadline. A time with a zone word becomes an
//! exact instant ("8:30 am Eastern" is 08:30 America/New_York on that date, written in UTC); a
//! deadline without a time is an all-day event. UIDs are stable across runs.

use crate::release::{Deadline, DeadlineKind, Release};
use chrono::{NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use sha2::{Digest, Sha256};

/// The IANA zone a release's zone word stands for.
pub fn zone(tz: &str) -> Option<Tz> {
    let z = match tz.to_ascii_uppercase().as_str() {
        "ET" | "EST" | "EDT" => chrono_tz::America::New_York,
        "CT" | "CST" | "CDT" => chrono_tz::America::Chicago,
        "MT" | "MST" | "MDT" => chrono_tz::America::Denver,
        "PT" | "PST" | "PDT" => chrono_tz::America::Los_Angeles,
        "AT" | "AST" | "ADT" => chrono_tz::America::Halifax,
        "GMT" | "UTC" => chrono_tz::UTC,
        "BST" => chrono_tz::Europe::London,
        "CET" | "CEST" => chrono_tz::Europe::Paris,
        "HKT" => chrono_tz::Asia::Hong_Kong,
        "SGT" => chrono_tz::Asia::Singapore,
        "JST" => chrono_tz::Asia::Tokyo,
        "AEST" | "AEDT" => chrono_tz::Australia::Sydney,
        _ => return None,
    };
    Some(z)
}

/// Escape a TEXT value (RFC 5545 3.3.11).
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Fold a content line at 75 octets, never inside a character.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

fn uid(release_hash: &str, d: &Deadline) -> String {
    let time = d.time.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
    let key = format!("{release_hash}|{}|{time}|{}", d.date, d.what.label());
    let h = Sha256::digest(key.as_bytes());
    let hex: String = h.iter().take(12).map(|b| format!("{b:02x}")).collect();
    format!("{hex}@irview")
}

fn event(release: &Release, release_hash: &str, d: &Deadline, out: &mut String) {
    let date = d.date;
    let company = release.company.name.as_deref().unwrap_or("Release");
    fold("BEGIN:VEVENT", out);
    fold(&format!("UID:{}", uid(release_hash, d)), out);
    // DTSTAMP is required; the release date keeps the output the same from run to run.
    let stamp = release.dateline.date.unwrap_or(date);
    fold(&format!("DTSTAMP:{}T000000Z", stamp.format("%Y%m%d")), out);
    match d.time {
        Some(t) => {
            let local = NaiveDateTime::new(date, t);
            match d
                .tz
                .as_deref()
                .and_then(zone)
                .and_then(|z| z.from_local_datetime(&local).earliest())
            {
                Some(at) => fold(&format!("DTSTART:{}", at.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ")), out),
                // no known zone: a floating local time
                None => fold(&format!("DTSTART:{}", local.format("%Y%m%dT%H%M%S")), out),
            }
            fold("DURATION:PT1H", out);
        }
        None => {
            fold(&format!("DTSTART;VALUE=DATE:{}", date.format("%Y%m%d")), out);
            let next = date.succ_opt().unwrap_or(date);
            fold(&format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")), out);
        }
    }
    fold(&format!("SUMMARY:{}", text(&format!("{company}: {}", d.what.label()))), out);
    let sentence = release
        .text
        .get(d.start..d.end)
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    fold(&format!("DESCRIPTION:{}", text(&describe(release, d, sentence))), out);
    if let Some(url) = release
        .call
        .as_ref()
        .and_then(|c| c.webcast.as_deref())
        .filter(|_| d.what == DeadlineKind::ConferenceCall)
    {
        fold(&format!("URL:{}", text(url)), out);
    }
    fold("END:VEVENT", out);
}

/// What an event says: the release's sentence, and for the call what a reader acts on (the live
/// dial-in, its code, the webcast; the replay's number and code).
fn describe(release: &Release, d: &Deadline, sentence: String) -> String {
    let Some(call) = release.call.as_ref().filter(|_| d.what == DeadlineKind::ConferenceCall) else {
        return sentence;
    };
    let mut lines = vec![sentence, String::new()];
    if !call.live.phones.is_empty() {
        lines.push(format!("Dial-in: {}", call.live.phones.join(" / ")));
    }
    if let Some(code) = &call.live.code {
        lines.push(format!("Code: {code}"));
    }
    if let Some(url) = &call.webcast {
        lines.push(format!("Webcast: {url}"));
    }
    if !call.replay.phones.is_empty() || call.replay.code.is_some() {
        let code = call.replay.code.as_deref().map(|c| format!(", code {c}")).unwrap_or_default();
        lines.push(format!("Replay: {}{code}", call.replay.phones.join(" / ")));
    }
    lines.join("\n")
}

/// A calendar holding the deadlines of the given releases (with their content hashes).
pub fn calendar<'a>(releases: impl IntoIterator<Item = (&'a Release, &'a str)>) -> String {
    let mut out = String::new();
    fold("BEGIN:VCALENDAR", &mut out);
    fold("VERSION:2.0", &mut out);
    fold("PRODID:-//irview//irview deadlines//EN", &mut out);
    fold("CALSCALE:GREGORIAN", &mut out);
    for (r, hash) in releases {
        for d in &r.deadlines {
            event(r, hash, d, &mut out);
        }
    }
    fold("END:VCALENDAR", &mut out);
    out
}

/// The stem of an export's file name: the release file's stem without what a file name should not
/// hold (separators, controls, `<>:"|?*`), at most 200 bytes; "irview" when nothing is left.
pub fn export_stem(path: Option<&str>) -> String {
    let stem = path
        .and_then(|p| std::path::Path::new(p).file_stem())
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut out = String::new();
    for c in crate::display_safe(&stem).chars() {
        if matches!(c, '/' | '\\' | '<' | '>' | ':' | '"' | '|' | '?' | '*') {
            continue;
        }
        if out.len() + c.len_utf8() > 200 {
            break;
        }
        out.push(c);
    }
    let out = out.trim_matches([' ', '.']).to_string();
    if out.is_empty() { "irview".into() } else { out }
}

/// Write `contents` in `dir` as `<stem><suffix>`, else `<stem>-2<suffix>`, `-3`...: another file is
/// never replaced; a file that already holds exactly `contents` is reused. Returns the path and
/// whether the first name was taken by a different file.
pub fn write_unique(dir: &std::path::Path, stem: &str, suffix: &str, contents: &[u8]) -> std::io::Result<(std::path::PathBuf, bool)> {
    for n in 1..1000 {
        let name = if n == 1 {
            format!("{stem}{suffix}")
        } else {
            format!("{stem}-{n}{suffix}")
        };
        let path = dir.join(name);
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(_) => {
                // the name is ours: fill it atomically
                if let Err(e) = crate::library::state::write_atomic(&path, contents) {
                    let _ = std::fs::remove_file(&path);
                    return Err(e);
                }
                return Ok((path, n > 1));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                if std::fs::read(&path).is_ok_and(|old| old == contents) {
                    return Ok((path, n > 1));
                }
            }
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("too many exports of this name"))
}

/// Export a release's deadlines to `<release>-deadlines.ics` in the first folder of `dirs` that
/// takes it, never over another file. The message says where it went (and that a name was taken).
pub fn export(release: &Release, hash: &str, dirs: &[std::path::PathBuf]) -> String {
    let cal = calendar([(release, hash)]);
    let stem = format!("{}-deadlines", export_stem(release.source.path.as_deref()));
    let mut last = String::from("no folder to write to");
    for dir in dirs {
        match write_unique(dir, &stem, ".ics", cal.as_bytes()) {
            Ok((path, renamed)) => {
                let shown = crate::display_safe(&path.to_string_lossy());
                return if renamed {
                    format!("Deadlines exported to {shown} ({stem}.ics is another release's)")
                } else {
                    format!("Deadlines exported to {shown}")
                };
            }
            Err(e) => last = e.to_string(),
        }
    }
    format!("Could not write the calendar file: {}", crate::display_safe(&last))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed_calendar() -> String {
        let r = crate::release::parse(crate::BUNDLED.as_bytes(), None).expect("seed");
        calendar([(&r, "seedhash")])
    }

    #[test]
    fn eastern_time_is_new_york_time() {
        let cal = seed_calendar();
        // 08:30 EST on 2004-03-29 (before DST began on April 4) is 13:30 UTC
        assert!(cal.contains("DTSTART:20040329T133000Z"), "{cal}");
        assert!(cal.contains("DTSTART;VALUE=DATE:20040412\r\nDTEND;VALUE=DATE:20040413"));
        assert_eq!(cal.matches("BEGIN:VEVENT").count(), 3);
        assert!(cal.lines().all(|l| l.len() <= 76));
    }

    #[test]
    fn uids_are_stable() {
        assert_eq!(seed_calendar(), seed_calendar());
    }

    #[test]
    fn exports_never_replace_another_file() {
        let dir = std::env::temp_dir().join(format!("irview-export-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("dir");
        let text = "ACME, Ohio--(BUSINESS WIRE)--May 5, 2024--Acme Corp. will hold its call on May 9, 2024.";
        let a = crate::release::parse(text.as_bytes(), Some("one/ex99-1.htm")).expect("a");
        let b = crate::release::parse(text.replace("May 9", "May 10").as_bytes(), Some("two/ex99-1.htm")).expect("b");
        let first = export(&a, "a", std::slice::from_ref(&dir));
        assert!(first.ends_with("ex99-1-deadlines.ics"), "{first}");
        let second = export(&b, "b", std::slice::from_ref(&dir));
        assert!(
            second.contains("ex99-1-deadlines-2.ics") && second.contains("another release"),
            "{second}"
        );
        // the same export again is the same file, not a third one
        assert_eq!(export(&a, "a", std::slice::from_ref(&dir)), first);
        assert!(
            std::fs::read_to_string(dir.join("ex99-1-deadlines.ics"))
                .expect("a")
                .contains("20240509")
        );
        // standard input, and a 240-byte name
        assert_eq!(export_stem(Some("<stdin>")), "stdin");
        let long = format!("{}.htm", "x".repeat(240));
        let c = crate::release::parse(text.as_bytes(), Some(&long)).expect("c");
        let msg = export(&c, "c", std::slice::from_ref(&dir));
        assert!(msg.starts_with("Deadlines exported to"), "{msg}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(text("a,b;c\\d\ne\x1b"), "a\\,b\\;c\\\\d\\ne");
    }
}
