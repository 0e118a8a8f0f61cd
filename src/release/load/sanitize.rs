//! Make untrusted text safe to show: no escape sequences, control characters or bidi overrides
//! survive. Newlines and tabs stay; odd spaces become plain spaces.
//!
//! A stray byte never deletes text: an escape string (OSC, DCS, SOS, PM, APC) is removed whole
//! only when its terminator comes within [`STRING_REACH`] bytes, a control sequence (CSI) only
//! when its final byte comes within [`CSI_REACH`]; otherwise only the introducer goes and the
//! text after it stays.

use crate::release::model::Release;

/// The longest escape string (introducer to terminator) that is removed as one.
pub const STRING_REACH: usize = 256;
/// The longest control sequence (parameters and intermediates) that is removed as one.
pub const CSI_REACH: usize = 64;

/// Remove terminal escape sequences (ESC/CSI/OSC/DCS, 7- and 8-bit), C0/C1 controls other than
/// newline and tab, bidi controls and zero-width characters; fold carriage returns and form feeds
/// into newlines and exotic spaces into ASCII spaces. The one cleaning function: everything a
/// release carries out of the core has been through it.
pub fn sanitize(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let bytes = input.as_bytes();
    let mut i = 0;
    loop {
        // printable ASCII (most of any release) is kept as it is: copied a run at a time
        let run = bytes[i..].iter().position(|b| !matches!(b, 0x20..=0x7e)).unwrap_or(bytes.len() - i);
        out.push_str(&input[i..i + run]);
        i += run;
        let Some(c) = input[i..].chars().next() else { break };
        let next = i + c.len_utf8();
        i = match c {
            '\n' | '\t' => {
                out.push(c);
                next
            }
            '\r' => {
                if !input[next..].starts_with('\n') {
                    out.push('\n');
                }
                next
            }
            '\x0c' | '\u{2028}' | '\u{2029}' | '\u{85}' => {
                out.push('\n');
                next
            }
            '\x1b' => match input[next..].chars().next() {
                Some('[') => csi_end(input, next + 1).unwrap_or(next + 1),
                Some(']' | 'P' | 'X' | '^' | '_') => string_end(input, next + 1).unwrap_or(next + 1),
                // ESC, intermediates (0x20-0x2F), a final byte (0x30-0x7E): a two- or three-byte escape
                Some(f @ '\u{30}'..='\u{7e}') => next + f.len_utf8(),
                Some('\u{20}'..='\u{2f}') => escape_end(input, next).unwrap_or(next),
                _ => next,
            },
            '\u{9b}' => csi_end(input, next).unwrap_or(next),
            '\u{9d}' if out.ends_with("â€") => {
                // `”` read as Windows-1252 and written back as UTF-8 (the common mojibake)
                out.truncate(out.len() - "â€".len());
                out.push('”');
                next
            }
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => string_end(input, next).unwrap_or(next),
            '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
                out.push(' ');
                next
            }
            // bidi embeddings/overrides/isolates and marks, zero-width characters, BOM
            '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200b}'..='\u{200f}'
            | '\u{061c}'
            | '\u{2060}'..='\u{2064}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}' => next,
            c if c.is_control() => next,
            c => {
                out.push(c);
                next
            }
        };
    }
    out
}

/// A string safe for one line of output: [`sanitize`]d, each line break or tab (with the blanks
/// around it) one space.
pub fn one_line(input: &str) -> String {
    let clean = sanitize(input);
    if !clean.contains(['\n', '\t']) {
        return clean;
    }
    clean
        .split(['\n', '\t'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// After `ESC [` (or 8-bit CSI) at `from`: parameters (0x30-0x3F) and intermediates (0x20-0x2F)
/// up to a final byte (0x40-0x7E). The end of the sequence, or None when it is not one.
fn csi_end(s: &str, from: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let high = (from + CSI_REACH).min(bytes.len());
    (from..high).find_map(|j| match bytes[j] {
        0x20..=0x3f => None,
        0x40..=0x7e => Some(Some(j + 1)),
        _ => Some(None),
    })?
}

/// After `ESC` and an intermediate at `from`: more intermediates, then a final byte (0x30-0x7E).
fn escape_end(s: &str, from: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let high = (from + 8).min(bytes.len());
    (from..high).find_map(|j| match bytes[j] {
        0x20..=0x2f => None,
        0x30..=0x7e => Some(Some(j + 1)),
        _ => Some(None),
    })?
}

/// OSC/DCS/SOS/PM/APC strings end at BEL, ST (`ESC \`) or 8-bit ST, within [`STRING_REACH`]
/// bytes. The end of the string, or None when no terminator comes in reach.
fn string_end(s: &str, from: usize) -> Option<usize> {
    let high = crate::release::text::floor_boundary(s, from + STRING_REACH);
    let body = &s[from..high];
    let (j, c) = body.char_indices().find(|(_, c)| matches!(c, '\x07' | '\u{9c}' | '\x1b'))?;
    match c {
        '\x1b' => body[j + 1..].starts_with('\\').then_some(from + j + 2),
        _ => Some(from + j + c.len_utf8()),
    }
}

// The cleaning of a whole release lives beside the cleaner (the model imports nothing of the
// loaders, which import the model).
impl Release {
    /// Pass every string of the model through the one cleaning function
    /// ([`crate::release::load::sanitize`]): nothing a release carries out of the core (headline,
    /// names, document types, notices, the file name) can drive a terminal or split a line.
    /// Strings that are spans of [`Release::text`] (already clean) keep their newlines; every other
    /// string becomes one line.
    pub fn clean_strings(&mut self) {
        fn line(s: &mut String) {
            if needs(s) {
                *s = one_line(s);
            }
        }
        fn span(s: &mut String) {
            if needs(s) {
                *s = sanitize(s);
            }
        }
        fn opt(s: &mut Option<String>) {
            if let Some(s) = s {
                line(s);
            }
        }
        fn boxed(s: &mut Option<Box<str>>) {
            if let Some(s) = s {
                if needs(s) {
                    *s = one_line(s).into_boxed_str();
                }
            }
        }
        /// Plain printable ASCII needs no cleaning; anything else goes through the cleaner.
        fn needs(s: &str) -> bool {
            s.bytes().any(|b| !(0x20..0x7f).contains(&b))
        }
        opt(&mut self.source.path);
        for d in &mut self.source.documents {
            line(&mut d.doc_type);
            opt(&mut d.filename);
            opt(&mut d.description);
        }
        opt(&mut self.headline);
        opt(&mut self.company.name);
        self.company.tickers.iter_mut().for_each(line);
        opt(&mut self.dateline.place);
        opt(&mut self.dateline.wire);
        for s in &mut self.sections {
            line(&mut s.title);
        }
        for f in &mut self.facts {
            boxed(&mut f.value);
            boxed(&mut f.detail);
        }
        for q in &mut self.quotes {
            line(&mut q.speaker);
            opt(&mut q.title);
        }
        for c in &mut self.contacts {
            line(&mut c.name);
            opt(&mut c.role);
            c.phones.iter_mut().for_each(line);
            c.emails.iter_mut().for_each(line);
        }
        for d in &mut self.deadlines {
            opt(&mut d.tz);
        }
        for f in &mut self.flags {
            span(&mut f.evidence);
        }
        for k in &mut self.kind_evidence {
            span(&mut k.evidence);
        }
        for f in &mut self.figures {
            span(&mut f.text);
            opt(&mut f.period);
            opt(&mut f.currency);
            if let Some(c) = &mut f.change {
                line(&mut c.text);
            }
        }
        if let Some(c) = &mut self.call {
            opt(&mut c.when.tz);
            c.live.phones.iter_mut().chain(c.replay.phones.iter_mut()).for_each(line);
            opt(&mut c.live.code);
            opt(&mut c.replay.code);
            opt(&mut c.webcast);
        }
        self.notices.iter_mut().for_each(line);
    }
}

#[cfg(test)]
mod tests {
    use super::{one_line, sanitize};

    #[test]
    fn strips_csi_osc_dcs() {
        assert_eq!(sanitize("a\x1b[31mred\x1b[0m b"), "ared b");
        assert_eq!(sanitize("x\x1b]52;c;ZXZpbA==\x07y"), "xy");
        assert_eq!(sanitize("x\x1b]0;title\x1b\\y"), "xy");
        assert_eq!(sanitize("x\x1bPq#0;2;0;0;0\x1b\\y"), "xy");
        assert_eq!(sanitize("x\u{9b}2Jy"), "xy");
        assert_eq!(sanitize("x\u{9d}0;t\u{9c}y"), "xy");
        assert_eq!(sanitize("x\x1bcy\x1b(By"), "xyy");
    }

    #[test]
    fn strips_controls_and_bidi() {
        assert_eq!(sanitize("a\x07b\x08c\x00d\x7f"), "abcd");
        assert_eq!(sanitize("evil\u{202e}txt.exe"), "eviltxt.exe");
        assert_eq!(sanitize("a\u{200b}b\u{feff}c"), "abc");
    }

    #[test]
    fn keeps_newlines_and_tabs_and_folds_cr() {
        assert_eq!(sanitize("a\r\nb\rc\td\x0ce"), "a\nb\nc\td\ne");
        assert_eq!(sanitize("1\u{a0}000"), "1 000");
        assert_eq!(one_line("a\nb\tc\x1b[1m"), "a b c");
        assert_eq!(one_line("Acme\n\n Acme Corp\t"), "Acme Acme Corp");
    }

    #[test]
    fn unterminated_sequences_drop_only_the_introducer() {
        assert_eq!(sanitize("a\x1b"), "a");
        assert_eq!(sanitize("a\x1b]unterminated"), "aunterminated");
        assert_eq!(sanitize("a\x1b[12;"), "a12;");
        assert_eq!(sanitize("a\x1b[12;é"), "a12;é");
        for c in ['\u{90}', '\u{98}', '\u{9d}', '\u{9e}', '\u{9f}'] {
            assert_eq!(
                sanitize(&format!("the {c}Audit Committee concluded.")),
                "the Audit Committee concluded.",
                "{c:?}"
            );
        }
        for c in ['P', 'X', '^', '_', ']'] {
            assert_eq!(
                sanitize(&format!("the \x1b{c}Audit Committee concluded.")),
                "the Audit Committee concluded.",
                "{c:?}"
            );
        }
    }

    #[test]
    fn a_terminator_out_of_reach_does_not_swallow_the_text_between() {
        let long = "x".repeat(300);
        assert_eq!(sanitize(&format!("a\u{9d}{long}\x07b")), format!("a{long}b"));
        let near = "x".repeat(200);
        assert_eq!(sanitize(&format!("a\u{9d}{near}\x07b")), "ab");
        // an endless digit run after CSI is text, not parameters
        let digits = "1".repeat(100);
        assert_eq!(sanitize(&format!("a\x1b[{digits}")), format!("a{digits}"));
    }

    #[test]
    fn printable_text_around_a_special_character_is_kept_whole() {
        let all_printable: String = (0x20u8..=0x7e).map(char::from).collect();
        assert_eq!(sanitize(&all_printable), all_printable);
        // what a character becomes does not depend on the plain text around it
        for c in [
            '\n', '\t', '\r', '\x0c', '\u{2028}', '\u{85}', '\u{a0}', '\u{3000}', '\u{202e}', '\u{200b}', '\u{feff}', '\x00', '\x07',
            '\x7f', '\u{9c}', 'é', '€', '日',
        ] {
            let alone = sanitize(&c.to_string());
            assert_eq!(
                sanitize(&format!("Acme {c}Corp.{c} ")),
                format!("Acme {alone}Corp.{alone} "),
                "{c:?}"
            );
        }
        assert_eq!(sanitize("a\r\nb"), "a\nb");
    }

    #[test]
    fn mojibake_right_quote_is_repaired() {
        assert_eq!(
            sanitize("the â€œAudit Committeeâ€\u{9d} concluded"),
            "the â€œAudit Committee” concluded"
        );
        // a lone C1 from Windows-1252 byte 0x9D goes, the text after it stays
        assert_eq!(sanitize("“Audit Committee\u{9d} concluded that"), "“Audit Committee concluded that");
    }
}
