//! Plain text, as in old EDGAR exhibits: hard-wrapped at ~70 columns, paragraphs marked by a
//! first-line indent or a blank line, tables laid out with runs of spaces.

use super::{BlockKind, RawBlock};

/// One physical line with its indentation measured (tabs expanded).
struct Line {
    text: String,
    indent: usize,
    width: usize,
}

impl Line {
    fn new(raw: &str) -> Line {
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

fn expand_tabs(s: &str) -> String {
    if !s.contains('\t') {
        return s.to_string();
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
    out
}

/// Page furniture of EDGAR text: `<PAGE>` markers, "-more-", bare page numbers.
fn is_furniture(body: &str) -> bool {
    let b = body.trim();
    let lower = b.to_ascii_lowercase();
    lower.starts_with("<page>")
        || matches!(
            lower.trim_matches(|c: char| c == '-' || c == '(' || c == ')' || c == ' '),
            "more" | "###" | "# # #"
        )
        || (b.len() <= 7
            && !b.is_empty()
            && b.trim_matches(|c: char| c == '-' || c == ' ').chars().all(|c| c.is_ascii_digit())
            && b.chars().any(|c| c.is_ascii_digit()))
}

/// A line laid out as a table row: a run of 3+ spaces inside it, or dot leaders.
fn is_tabular(line: &Line) -> bool {
    let body = line.body();
    if body.contains("....") || body.contains(". . .") {
        return true;
    }
    let mut gaps = 0;
    let mut run = 0;
    let mut seen_text = false;
    for c in body.chars() {
        if c == ' ' {
            run += 1;
        } else {
            if run >= 3 && seen_text {
                gaps += 1;
            }
            run = 0;
            seen_text = true;
        }
    }
    gaps >= 1 && (gaps >= 2 || body.chars().any(|c| c.is_ascii_digit()) || line.width < 60)
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
fn wrap_width(lines: &[Line]) -> usize {
    let mut widths: Vec<usize> = lines.iter().filter(|l| l.width >= 50 && !is_tabular(l)).map(|l| l.width).collect();
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

/// Split plain text into blocks.
pub fn blocks(text: &str) -> Vec<RawBlock> {
    let lines: Vec<Line> = text.lines().map(Line::new).filter(|l| !is_furniture(l.body())).collect();
    let width = wrap_width(&lines);
    let mut out = Vec::new();
    let mut group: Vec<&Line> = Vec::new();
    for line in &lines {
        if line.body().is_empty() {
            flush_group(&group, width, &mut out);
            group.clear();
        } else {
            group.push(line);
        }
    }
    flush_group(&group, width, &mut out);
    out
}

/// Turn one blank-line-delimited group of lines into blocks.
fn flush_group(group: &[&Line], width: usize, out: &mut Vec<RawBlock>) {
    if group.is_empty() {
        return;
    }
    let tabular = group.iter().filter(|l| is_tabular(l)).count();
    if group.len() >= 2 && tabular * 2 >= group.len() {
        let text = group.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n");
        out.push(RawBlock::new(BlockKind::Lines, text));
        return;
    }
    // Join wrapped lines into units; a unit that is one short line is kept as a line.
    let short = width * 7 / 10;
    let mut units: Vec<(String, bool)> = Vec::new(); // (text, joined from several lines)
    let mut prev: Option<&Line> = None;
    for line in group {
        let join = match prev {
            Some(p) if url_broken(p.body()) => {
                !line.body().contains(' ') || line.body().split(' ').next().is_some_and(|w| w.contains(['=', '&', '/']))
            }
            Some(p) => {
                p.width >= short
                    && !is_tabular(p)
                    && !is_tabular(line)
                    && !starts_item(line.body())
                    && (line.indent <= p.indent + 1 || line.indent < 2)
                    && !p.body().ends_with(':')
            }
            None => false,
        };
        if join {
            let last = units.last_mut().expect("a previous unit exists when joining");
            // A URL broken at the end of a line ("...?p=irol-" / "eventDetails...") is one word.
            if !url_broken(&last.0) {
                last.0.push(' ');
            }
            last.0.push_str(line.body());
            last.1 = true;
        } else {
            units.push((line.body().to_string(), false));
        }
        prev = Some(line);
    }
    let single = units.len() == 1;
    let mut pending_lines: Vec<String> = Vec::new();
    let flush_lines = |pending: &mut Vec<String>, out: &mut Vec<RawBlock>| {
        match pending.len() {
            0 => {}
            1 => {
                let t = pending.remove(0);
                out.push(RawBlock::new(classify_single(&t, false), t));
            }
            _ => out.push(RawBlock::new(BlockKind::Lines, pending.join("\n"))),
        }
        pending.clear();
    };
    for (text, joined) in units {
        if single && !joined && looks_like_heading(&text) {
            out.push(RawBlock::new(BlockKind::Heading, text));
        } else if joined || text.chars().count() >= short {
            flush_lines(&mut pending_lines, out);
            let kind = if starts_item(&text) {
                BlockKind::Item
            } else {
                BlockKind::Paragraph
            };
            out.push(RawBlock::new(kind, text));
        } else if single {
            out.push(RawBlock::new(classify_single(&text, true), text));
        } else if text.ends_with(':') && pending_lines.is_empty() && looks_like_heading(&text) {
            out.push(RawBlock::new(BlockKind::Heading, text));
        } else {
            pending_lines.push(text);
        }
    }
    flush_lines(&mut pending_lines, out);
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
