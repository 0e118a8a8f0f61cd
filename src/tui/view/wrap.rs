//! Wrapping lines to a width, measured in terminal cells (unicode-width), never bytes.

use super::panels::DocLine;
use unicode_width::UnicodeWidthChar;

/// One screen row: a byte range of one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub start: usize,
    pub end: usize,
}

/// Wrap at spaces; a word longer than the width is cut. Width 0 is treated as 1.
pub fn wrap(lines: &[DocLine], width: u16) -> Vec<Row> {
    let width = usize::from(width.max(1));
    let mut rows = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        wrap_line(&l.text, width, |start, end| rows.push(Row { line: i, start, end }));
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
    use crate::tui::view::panels::LineStyle;

    fn rows(text: &str, width: u16) -> Vec<String> {
        let l = vec![DocLine {
            text: text.into(),
            origin: None,
            style: LineStyle::Body,
        }];
        wrap(&l, width).into_iter().map(|r| text[r.start..r.end].to_string()).collect()
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
