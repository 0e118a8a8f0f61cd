//! Wrapping lines to a width, measured in terminal cells (unicode-width), never bytes.

use super::panels::Lines;
use unicode_width::UnicodeWidthChar;

/// One screen row: a byte range of one line (12 bytes: a panel's lines and their bytes are
/// counted in 32 bits, see `panels`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    line: u32,
    start: u32,
    end: u32,
}

impl Row {
    fn new(line: usize, start: usize, end: usize) -> Row {
        let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        Row {
            line: n(line),
            start: n(start),
            end: n(end),
        }
    }

    /// The panel line this row shows.
    pub fn line(&self) -> usize {
        self.line as usize
    }

    /// Where the row starts in its line (bytes).
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Where the row ends in its line (bytes).
    pub fn end(&self) -> usize {
        self.end as usize
    }
}

/// Wrap at spaces; a word longer than the width is cut. Width 0 is treated as 1.
pub fn wrap(lines: &Lines, width: u16) -> Vec<Row> {
    wrap_texts(lines.iter().map(|l| l.text), width)
}

/// [`wrap`] of any lines' texts.
pub fn wrap_texts<'a>(lines: impl ExactSizeIterator<Item = &'a str>, width: u16) -> Vec<Row> {
    let width = usize::from(width.max(1));
    let mut rows = Vec::with_capacity(lines.len());
    for (i, l) in lines.enumerate() {
        wrap_line(l, width, |start, end| rows.push(Row::new(i, start, end)));
    }
    rows
}

fn wrap_line(text: &str, width: usize, mut push: impl FnMut(usize, usize)) {
    if text.is_empty() {
        push(0, 0);
        return;
    }
    let mut start = 0;
    let mut cols = 0;
    let mut last_space: Option<usize> = None; // byte index just after a space
    for (i, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if cols + w > width && i > start {
            let cut = match last_space {
                Some(s) if s > start => s,
                _ => i,
            };
            push(start, cut);
            start = cut;
            // skip the spaces the break falls on
            while text[start..].starts_with(' ') && start < i {
                start += 1;
            }
            cols = text[start..i].chars().map(|c| c.width().unwrap_or(0)).sum();
            last_space = None;
        }
        cols += w;
        if c == ' ' {
            last_space = Some(i + 1);
        }
    }
    push(start, text.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, width: u16) -> Vec<String> {
        wrap_texts([text].into_iter(), width)
            .into_iter()
            .map(|r| text[r.start()..r.end()].to_string())
            .collect()
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(rows("the quick brown fox", 10), vec!["the quick ", "brown fox"]);
        assert_eq!(rows("", 10), vec![""]);
        assert_eq!(rows("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    }

    #[test]
    fn wide_characters_count_double() {
        let r = rows("日本語のテキスト", 6);
        assert_eq!(r, vec!["日本語", "のテキ", "スト"]);
    }

    #[test]
    fn zero_width_does_not_loop() {
        assert_eq!(rows("ab", 0).len(), 2);
    }
}
