//! Plain text, as in old EDGAR exhibits: hard-wrapped at ~70 columns, paragraphs marked by a
//! first-line indent or a blank line, tables laid out with runs of spaces.

use super::{BlockKind, RawBlock};

use std::borrow::Cow;

/// One physical line with its indentation measured (tabs expanded). Borrowed from the text: lines
/// are measured as they are read, never stored all at once (a file of millions of short lines
/// would otherwise cost many times its size).
struct Line<'a> {
    text: Cow<'a, str>,
    indent: usize,
    width: usize,
}

impl<'a> Line<'a> {
    fn new(raw: &'a str) -> Line<'a> {
        let text = expand_tabs(raw.trim_end());
        let trimmed = text.trim_start();
        let indent = text.len() - trimmed.len();
        let width = text.chars().count();
        Line { text, indent, width }
    }
    fn body(&self) -> &str {
        self.text.trim_start()
    }
}

/// The lines of `text` that are not page furniture.
fn lines_of(text: &str) -> impl Iterator<Item = Line<'_>> {
    text.lines().map(Line::new).filter(|l| !is_furniture(l.body()))
}

fn expand_tabs(s: &str) -> Cow<'_, str> {
    if !s.contains('\t') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut col = 0;
    for c in s.chars() {
        if c == '\t' {
            let n = 8 - col % 8;
            out.extend(std::iter::repeat_n(' ', n));
            col += n;
        } else {
            out.push(c);
            col += 1;
        }
    }
    Cow::Owned(out)
}

/// Page furniture of EDGAR text: `<PAGE>` markers, "-more-", bare page numbers.
fn is_furniture(body: &str) -> bool {
    let b = body.trim();
    let bare = b.trim_matches(|c: char| c == '-' || c == '(' || c == ')' || c == ' ');
    b.as_bytes().get(..6).is_some_and(|p| p.eq_ignore_ascii_case(b"<page>"))
        || bare.eq_ignore_ascii_case("more")
        || matches!(bare, "###" | "# # #")
        || (b.len() <= 7
            && !b.is_empty()
            && b.trim_matches(|c: char| c == '-' || c == ' ').chars().all(|c| c.is_ascii_digit())
            && b.chars().any(|c| c.is_ascii_digit()))
}

/// A line of a table: dot leaders ("Revenue ........ 12", "Net income . . . 4"), or text parted by
/// runs of three or more spaces twice, or once with a digit on the line or on a short line.
fn is_tabular(line: &Line) -> bool {
    let body = line.body();
    // leaders are looked for at the line's dots only
    if memchr::memchr_iter(b'.', body.as_bytes()).any(|at| body[at..].starts_with("....") || body[at..].starts_with(". . .")) {
        return true;
    }
    // by bytes: a space is one byte, and the bytes of any other character are not spaces
    let mut gaps = 0;
    let mut run = 0;
    let mut seen_text = false;
    for &b in body.as_bytes() {
        if b == b' ' {
            run += 1;
        } else {
            if run >= 3 && seen_text {
                gaps += 1;
            }
            run = 0;
            seen_text = true;
        }
    }
    gaps >= 1 && (gaps >= 2 || body.bytes().any(|b| b.is_ascii_digit()) || line.width < 60)
}

fn starts_item(body: &str) -> bool {
    let mut chars = body.chars();
    match chars.next() {
        Some('•' | '·' | '●' | '▪' | '■' | '◦' | '*' | '-' | '–' | 'o') => chars.next() == Some(' '),
        Some('(') => {
            let inner: String = body[1..].chars().take_while(|c| *c != ')').collect();
            inner.len() <= 3 && !inner.is_empty() && inner.chars().all(|c| c.is_ascii_alphanumeric())
        }
        Some(c) if c.is_ascii_digit() => {
            let digits = body.chars().take_while(char::is_ascii_digit).count();
            digits <= 2 && body[digits..].starts_with(". ")
        }
        _ => false,
    }
}

/// The width text was wrapped at: a high percentile of the lengths of prose lines.
fn wrap_width<'a>(lines: impl Iterator<Item = Line<'a>>) -> usize {
    let mut widths: Vec<usize> = lines.filter(|l| l.width >= 50 && !is_tabular(l)).map(|l| l.width).collect();
    if widths.len() < 3 {
        return 72;
    }
    widths.sort_unstable();
    widths[widths.len() * 9 / 10].clamp(40, 200)
}

/// A line that ends inside a URL ("http://x.test/page?p=irol-").
fn url_broken(line: &str) -> bool {
    let tail = line.rsplit(' ').next().unwrap_or("");
    (tail.contains("://") || tail.starts_with("www.")) && tail.ends_with(['-', '/', '?', '=', '&', '_', '.'])
}

/// Split plain text into blocks. Two passes over the text (the wrap width, then the groups of
/// lines between blank lines); nothing per line is kept beyond the line being read.
pub fn blocks(text: &str) -> Vec<RawBlock> {
    let width = wrap_width(lines_of(text));
    let mut out = Vec::new();
    // the group being gathered, as a byte range of `text`
    let mut group: Option<(usize, usize)> = None;
    let mut at = 0;
    for raw in text.split_inclusive('\n') {
        let start = at;
        at += raw.len();
        let line = Line::new(raw.strip_suffix('\n').map_or(raw, |l| l.strip_suffix('\r').unwrap_or(l)));
        if is_furniture(line.body()) {
            continue;
        }
        if line.body().is_empty() {
            if let Some((s, e)) = group.take() {
                flush_group(&text[s..e], width, &mut out);
            }
        } else {
            group = Some((group.map_or(start, |g| g.0), at));
        }
    }
    if let Some((s, e)) = group {
        flush_group(&text[s..e], width, &mut out);
    }
    out
}

/// Short lines waiting to become one block: one line alone is classified, several keep their breaks.
#[derive(Default)]
struct Pending {
    text: String,
    count: usize,
}

impl Pending {
    fn push(&mut self, line: &str) {
        if self.count > 0 {
            self.text.push('\n');
        }
        self.text.push_str(line);
        self.count += 1;
    }

    fn flush(&mut self, out: &mut Vec<RawBlock>) {
        let text = std::mem::take(&mut self.text);
        match std::mem::take(&mut self.count) {
            0 => {}
            1 => out.push(RawBlock::new(classify_single(&text, false), text)),
            _ => out.push(RawBlock::new(BlockKind::Lines, text)),
        }
    }
}

/// Turn one blank-line-delimited group of lines (a slice of the text) into blocks.
fn flush_group(group: &str, width: usize, out: &mut Vec<RawBlock>) {
    let (count, tabular) = lines_of(group).fold((0, 0), |(n, t), l| (n + 1, t + usize::from(is_tabular(&l))));
    if count == 0 {
        return;
    }
    if count >= 2 && tabular * 2 >= count {
        let mut text = String::with_capacity(group.len());
        for (i, l) in lines_of(group).enumerate() {
            if i > 0 {
                text.push('\n');
            }
            text.push_str(&l.text);
        }
        out.push(RawBlock::new(BlockKind::Lines, text));
        return;
    }
    // Join wrapped lines into units; a unit that is one short line is kept as a line. The first
    // unit waits until a second one shows whether it stands alone.
    let short = width * 7 / 10;
    let mut pending = Pending::default();
    let mut held: Option<(String, bool)> = None;
    let mut units = 0;
    let mut unit: Option<(String, bool)> = None; // (text, joined from several lines)
    let mut prev: Option<Line> = None;
    // whether the previous line is tabular, once asked: each line is measured once as the line
    // read and then as the one before
    let mut prev_tabular: Option<bool> = None;
    let mut finish = |u: (String, bool), pending: &mut Pending, out: &mut Vec<RawBlock>| {
        units += 1;
        if units == 1 {
            held = Some(u);
        } else {
            if let Some(h) = held.take() {
                emit(h, false, short, pending, out);
            }
            emit(u, false, short, pending, out);
        }
    };
    for line in lines_of(group) {
        let mut tabular: Option<bool> = None;
        let join = match (&prev, &unit) {
            (Some(p), Some(_)) if url_broken(p.body()) => {
                !line.body().contains(' ') || line.body().split(' ').next().is_some_and(|w| w.contains(['=', '&', '/']))
            }
            (Some(p), Some(_)) => {
                p.width >= short
                    && !*prev_tabular.get_or_insert_with(|| is_tabular(p))
                    && !*tabular.get_or_insert_with(|| is_tabular(&line))
                    && !starts_item(line.body())
                    && (line.indent <= p.indent + 1 || line.indent < 2)
                    && !p.body().ends_with(':')
            }
            _ => false,
        };
        match unit.as_mut() {
            Some(last) if join => {
                // A URL broken at the end of a line ("...?p=irol-" / "eventDetails...") is one word.
                if !url_broken(&last.0) {
                    last.0.push(' ');
                }
                last.0.push_str(line.body());
                last.1 = true;
            }
            _ => {
                if let Some(u) = unit.take() {
                    finish(u, &mut pending, out);
                }
                unit = Some((line.body().to_string(), false));
            }
        }
        prev = Some(line);
        prev_tabular = tabular;
    }
    if let Some(u) = unit.take() {
        finish(u, &mut pending, out);
    }
    if let Some(h) = held.take() {
        // the group is one unit
        emit(h, true, short, &mut pending, out);
    }
    pending.flush(out);
}

/// Place one unit of a group: a heading, a paragraph or item, or a short line to keep.
fn emit((text, joined): (String, bool), single: bool, short: usize, pending: &mut Pending, out: &mut Vec<RawBlock>) {
    if single && !joined && looks_like_heading(&text) {
        out.push(RawBlock::new(BlockKind::Heading, text));
    } else if joined || text.chars().count() >= short {
        pending.flush(out);
        let kind = if starts_item(&text) {
            BlockKind::Item
        } else {
            BlockKind::Paragraph
        };
        out.push(RawBlock::new(kind, text));
    } else if single {
        out.push(RawBlock::new(classify_single(&text, true), text));
    } else if text.ends_with(':') && pending.count == 0 && looks_like_heading(&text) {
        out.push(RawBlock::new(BlockKind::Heading, text));
    } else {
        pending.push(&text);
    }
}

fn classify_single(text: &str, alone: bool) -> BlockKind {
    if starts_item(text) {
        BlockKind::Item
    } else if (alone || text.ends_with(':')) && looks_like_heading(text) {
        BlockKind::Heading
    } else {
        BlockKind::Paragraph
    }
}

/// Short, no sentence end, starts with a capital or digit.
pub fn looks_like_heading(text: &str) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    let first = t.chars().next().unwrap_or(' ');
    (1..=16).contains(&words)
        && t.chars().count() <= 120
        && (first.is_uppercase() || first.is_ascii_digit() || first == '"' || first == '“')
        && !t.ends_with('.')
        && !t.ends_with(',')
        && !t.ends_with(';')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(BlockKind, String)> {
        blocks(text).into_iter().map(|b| (b.kind, b.text)).collect()
    }

    #[test]
    fn joins_hard_wrapped_paragraphs_split_by_indent() {
        let text = "    First paragraph starts here and is wrapped at about seventy\ncolumns, like an old exhibit is wrapped.\n    Second paragraph starts with an indent and runs on to the next\nline too.\n";
        let b = kinds(text);
        assert_eq!(b.len(), 2, "{b:?}");
        assert!(b[0].1.starts_with("First paragraph") && b[0].1.ends_with("wrapped."));
        assert!(b[1].1.starts_with("Second"));
    }

    #[test]
    fn keeps_contact_blocks_line_by_line() {
        let text = "    CONTACT: Sonus Networks, Inc.\n             Investor Relations:\n             Jocelyn Philbrook, 978-614-8672\n             jphilbrook@sonusnet.com\n";
        let b = kinds(text);
        assert_eq!(b.len(), 1, "{b:?}");
        assert_eq!(b[0].0, BlockKind::Lines);
        assert_eq!(b[0].1.lines().count(), 4);
    }

    #[test]
    fn keeps_tables() {
        let text = "                         Quarter      Year\nRevenue              $  1,234   $  5,678\nNet income               (12)        34\n";
        let b = kinds(text);
        assert_eq!(b[0].0, BlockKind::Lines);
        assert_eq!(b[0].1.lines().count(), 3);
    }

    /// Tabular lines: dot leaders of either kind, gaps with figures, short labelled rows; not prose,
    /// an ellipsis, a spaced ellipsis of two dots or one gap in a long line without a figure.
    #[test]
    fn tabular_lines() {
        let tabular = |t: &str| is_tabular(&Line::new(t));
        for yes in [
            "Revenue ............ $12",
            "Net income . . . . 4",
            "x .. . . .",
            "Revenue      $  1,234",
            "Name      Title",
            "   Quarter      Year      Total of the year, as the company reports it each time",
        ] {
            assert!(tabular(yes), "{yes:?}");
        }
        for no in [
            "The company reported revenue of $12 million... up from last year.",
            "A pause . . and then",
            "Sonus Networks, Inc. today announced that it will delay the filing of its Form 10-K",
            "A long line of prose with one gap     in it and no figure anywhere in the whole line at all",
            "",
            "      indented prose",
        ] {
            assert!(!tabular(no), "{no:?}");
        }
    }

    /// Page furniture in any case: page markers, "more" marks, end marks, bare page numbers; not a
    /// line that only starts so, nor a tabular gap of non-ASCII text.
    #[test]
    fn furniture_lines() {
        for yes in [
            "<PAGE>", "<page> 3", "  -more-", "- MORE -", "(More)", "###", "# # #", "12", "- 3 -",
        ] {
            assert!(is_furniture(yes), "{yes:?}");
        }
        for no in ["More than 100 employees", "<PAGES>", "Page 3", "## Results", "12 months", "Revenue"] {
            assert!(!is_furniture(no), "{no:?}");
        }
        assert!(is_tabular(&Line::new("Umsatz      € 1.234")));
        assert!(!is_tabular(&Line::new(
            "Ümsätze ohne Lücke und ohne Zahl in einer langen Zeile mit Text"
        )));
    }

    #[test]
    fn heading_alone() {
        let b = kinds("    Company Conference Call, Webcast and Replay Information\n\n    Body text.");
        assert_eq!(b[0].0, BlockKind::Heading);
    }

    #[test]
    fn urls_broken_across_lines_are_joined() {
        let b = kinds(
            "    Listen at\nhttp://phx.corporate-ir.net/phoenix.zhtml?p=irol-\neventDetails&c=63737&eventID=919413. Software is\nneeded.",
        );
        assert!(b.iter().any(|x| x.1.contains("?p=irol-eventDetails&c=63737")), "{b:?}");
        let b = kinds("go to\nhttp://phx.corporate-ir.net/phoenix.zhtml?\n           p=irol-eventDetails&c=1. Then");
        assert!(b.iter().any(|x| x.1.contains("zhtml?p=irol-eventDetails")), "{b:?}");
    }

    #[test]
    fn page_furniture_is_dropped() {
        let b = kinds("Text one.\n<PAGE>   2\n\n-more-\n\n- 3 -\n\nText two.");
        assert_eq!(b.len(), 2, "{b:?}");
    }
}
