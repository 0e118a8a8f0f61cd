//! Make untrusted text safe to show: no escape sequences, control characters or bidi overrides
//! survive. Newlines and tabs stay; odd spaces become plain spaces.

/// Remove terminal escape sequences (ESC/CSI/OSC/DCS, 7- and 8-bit), C0/C1 controls other than
/// newline and tab, bidi controls and zero-width characters; fold carriage returns and form feeds
/// into newlines and exotic spaces into ASCII spaces.
pub fn sanitize(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\x0c' | '\u{2028}' | '\u{2029}' | '\u{85}' => out.push('\n'),
            '\x1b' => match chars.next() {
                Some('[') => skip_csi(&mut chars),
                Some(']') | Some('P') | Some('X') | Some('^') | Some('_') => skip_string(&mut chars),
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => out.push(' '),
            // bidi embeddings/overrides/isolates and marks, zero-width characters, BOM
            '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200b}'..='\u{200f}'
            | '\u{061c}'
            | '\u{2060}'..='\u{2064}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// After `ESC [` (or 8-bit CSI): parameters and intermediates up to a final byte 0x40..=0x7E.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            return;
        }
        if !('\u{20}'..='\u{3f}').contains(&c) {
            // malformed: stop at the first character that cannot belong to a CSI
            return;
        }
    }
}

/// OSC/DCS/SOS/PM/APC strings end at BEL, ST (ESC \) or 8-bit ST.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\x07' | '\u{9c}' => return,
            '\x1b' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn strips_csi_osc_dcs() {
        assert_eq!(sanitize("a\x1b[31mred\x1b[0m b"), "ared b");
        assert_eq!(sanitize("x\x1b]52;c;ZXZpbA==\x07y"), "xy");
        assert_eq!(sanitize("x\x1b]0;title\x1b\\y"), "xy");
        assert_eq!(sanitize("x\x1bPq#0;2;0;0;0\x1b\\y"), "xy");
        assert_eq!(sanitize("x\u{9b}2Jy"), "xy");
        assert_eq!(sanitize("x\u{9d}0;t\u{9c}y"), "xy");
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
    }

    #[test]
    fn unterminated_sequences_do_not_loop() {
        assert_eq!(sanitize("a\x1b"), "a");
        assert_eq!(sanitize("a\x1b]unterminated"), "a");
        assert_eq!(sanitize("a\x1b[12;"), "a");
    }
}
