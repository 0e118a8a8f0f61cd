//! HTML exhibits, read with a real HTML parser (html5ever via `scraper`). Paragraphs, headings,
//! list items and table rows become separate blocks; scripts and styles are never shown.

use super::plain::{self, looks_like_heading};
use super::{BlockKind, Meta, RawBlock, collapse_spaces};
use ego_tree::iter::Edge;
use scraper::{Html, Node, node::Element};

/// Words in one table cell above which the table is a layout table holding prose.
const PROSE_CELL_WORDS: usize = 30;

#[derive(Default)]
struct Table {
    rows: Vec<String>,
    cells: Vec<String>,
    in_cell: bool,
}

#[derive(Default)]
struct Collector {
    out: Vec<RawBlock>,
    cur: String,
    lines: Vec<String>,
    bold_chars: usize,
    all_chars: usize,
    heading: usize,
    item: usize,
    bold: usize,
    skip: usize,
    pre: usize,
    pre_text: String,
    tables: Vec<Table>,
    title: Option<String>,
    in_title: bool,
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "center"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "address"
            | "hr"
            | "body"
            | "form"
            | "caption"
            | "figure"
            | "main"
            | "nav"
            | "aside"
            | "page"
    )
}

fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "head" | "noscript" | "template" | "svg" | "object" | "iframe" | "xml" | "math" | "ix:header"
    )
}

/// Whether an element's `style`, without its whitespace and in lower case, holds any of `needles`.
/// The compacted text is written into one buffer per thread: no allocation per element.
fn style_has(el: &Element, needles: &[&str]) -> bool {
    thread_local! {
        static STYLE: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    let Some(style) = el.attr("style") else { return false };
    STYLE.with_borrow_mut(|buf| {
        buf.clear();
        buf.extend(style.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_lowercase()));
        needles.iter().any(|n| buf.contains(n))
    })
}

fn is_hidden(el: &Element) -> bool {
    style_has(el, &["display:none"]) || el.attr("hidden").is_some()
}

fn is_bold(el: &Element) -> bool {
    matches!(el.name(), "b" | "strong")
        || style_has(
            el,
            &[
                "font-weight:bold",
                "font-weight:700",
                "font-weight:800",
                "font-weight:900",
                "font-weight:600",
            ],
        )
}

impl Collector {
    fn push_text(&mut self, t: &str) {
        if self.in_title {
            let title = self.title.get_or_insert_with(String::new);
            title.push_str(t);
            return;
        }
        if self.skip > 0 {
            return;
        }
        if self.pre > 0 {
            self.pre_text.push_str(t);
            return;
        }
        let starts_space = t.starts_with(|c: char| c.is_whitespace());
        let ends_space = t.ends_with(|c: char| c.is_whitespace());
        let words = collapse_spaces(t);
        if words.is_empty() {
            if !t.is_empty() && !self.cur.is_empty() && !self.cur.ends_with(' ') {
                self.cur.push(' ');
            }
            return;
        }
        if starts_space && !self.cur.is_empty() && !self.cur.ends_with(' ') {
            self.cur.push(' ');
        }
        self.cur.push_str(&words);
        if ends_space {
            self.cur.push(' ');
        }
        let n = words.chars().filter(|c| !c.is_whitespace()).count();
        self.all_chars += n;
        if self.bold > 0 {
            self.bold_chars += n;
        }
    }

    /// A `<br>`: end the current line, stay in the block.
    fn line_break(&mut self) {
        let line = self.cur.trim().to_string();
        self.cur.clear();
        if !line.is_empty() {
            self.lines.push(line);
        }
    }

    /// End the current block.
    fn flush(&mut self) {
        self.line_break();
        let lines = std::mem::take(&mut self.lines);
        let bold = self.all_chars > 0 && self.bold_chars * 10 >= self.all_chars * 9;
        self.bold_chars = 0;
        self.all_chars = 0;
        if lines.is_empty() {
            return;
        }
        if let Some(table) = self.tables.last_mut().filter(|t| t.in_cell) {
            let cell = table.cells.last_mut().expect("a cell is open");
            for l in lines {
                if !cell.is_empty() {
                    cell.push('\n');
                }
                cell.push_str(&l);
            }
            return;
        }
        self.emit(lines, bold);
    }

    fn emit(&mut self, lines: Vec<String>, bold: bool) {
        if lines.len() == 1 {
            let text = lines.into_iter().next().unwrap_or_default();
            let kind = if self.item > 0 {
                BlockKind::Item
            } else if (self.heading > 0 || bold) && looks_like_heading(&text) {
                BlockKind::Heading
            } else {
                BlockKind::Paragraph
            };
            self.out.push(RawBlock::new(kind, text));
        } else if lines.iter().all(|l| l.split_whitespace().count() > 12) {
            for l in lines {
                self.out.push(RawBlock::new(BlockKind::Paragraph, l));
            }
        } else {
            self.out.push(RawBlock::new(BlockKind::Lines, lines.join("\n")));
        }
    }

    fn open_cell(&mut self) {
        self.flush();
        if let Some(t) = self.tables.last_mut() {
            t.cells.push(String::new());
            t.in_cell = true;
        }
    }

    fn close_cell(&mut self) {
        self.flush();
        if let Some(t) = self.tables.last_mut() {
            t.in_cell = false;
        }
    }

    fn close_row(&mut self) {
        self.close_cell();
        let Some(t) = self.tables.last_mut() else { return };
        let cells: Vec<String> = std::mem::take(&mut t.cells).into_iter().filter(|c| !c.trim().is_empty()).collect();
        if cells.is_empty() {
            return;
        }
        let prose = cells.iter().any(|c| c.split_whitespace().count() > PROSE_CELL_WORDS);
        if prose {
            let rows = std::mem::take(&mut t.rows);
            self.emit_table(rows);
            for c in cells {
                let lines: Vec<String> = c.lines().map(str::to_string).collect();
                self.emit(lines, false);
            }
        } else {
            let line = join_cells(&cells);
            self.tables.last_mut().expect("table open").rows.push(line);
        }
    }

    fn close_table(&mut self) {
        self.close_row();
        if let Some(t) = self.tables.pop() {
            self.emit_table(t.rows);
        }
    }

    fn emit_table(&mut self, rows: Vec<String>) {
        match rows.len() {
            0 => {}
            1 => {
                let text = rows.into_iter().next().unwrap_or_default();
                let kind = if looks_like_heading(&text) && !text.contains("  ") {
                    BlockKind::Heading
                } else {
                    BlockKind::Paragraph
                };
                self.push_out(RawBlock::new(kind, text));
            }
            _ => self.push_out(RawBlock::new(BlockKind::Lines, rows.join("\n"))),
        }
    }

    /// Emit into the enclosing table cell when nested, else into the output.
    fn push_out(&mut self, block: RawBlock) {
        if let Some(t) = self.tables.last_mut().filter(|t| t.in_cell) {
            let cell = t.cells.last_mut().expect("a cell is open");
            if !cell.is_empty() {
                cell.push('\n');
            }
            cell.push_str(&block.text);
        } else {
            self.out.push(block);
        }
    }

    fn open(&mut self, el: &Element) {
        let name = el.name();
        if name == "title" {
            self.in_title = true;
            return;
        }
        if is_skipped(name) || is_hidden(el) {
            self.skip += 1;
            return;
        }
        if self.skip > 0 {
            return;
        }
        if is_bold(el) {
            self.bold += 1;
        }
        match name {
            "br" => self.line_break(),
            "pre" => {
                self.flush();
                self.pre += 1;
            }
            "table" => {
                self.flush();
                self.tables.push(Table::default());
            }
            "tr" => {
                self.close_row();
            }
            "td" | "th" => self.open_cell(),
            n if is_block(n) => {
                self.flush();
                if n.starts_with('h') && n.len() == 2 {
                    self.heading += 1;
                }
                if n == "li" {
                    self.item += 1;
                }
            }
            _ => {}
        }
    }

    fn close(&mut self, el: &Element) {
        let name = el.name();
        if name == "title" {
            self.in_title = false;
            return;
        }
        if is_skipped(name) || is_hidden(el) {
            self.skip = self.skip.saturating_sub(1);
            return;
        }
        if self.skip > 0 {
            return;
        }
        match name {
            "pre" => {
                self.pre = self.pre.saturating_sub(1);
                if self.pre == 0 {
                    let text = std::mem::take(&mut self.pre_text);
                    for b in plain::blocks(&text) {
                        self.push_out(b);
                    }
                }
            }
            "table" => self.close_table(),
            "tr" => self.close_row(),
            "td" | "th" => self.close_cell(),
            n if is_block(n) => {
                self.flush();
                if n.starts_with('h') && n.len() == 2 {
                    self.heading = self.heading.saturating_sub(1);
                }
                if n == "li" {
                    self.item = self.item.saturating_sub(1);
                }
            }
            _ => {}
        }
        if is_bold(el) {
            self.bold = self.bold.saturating_sub(1);
        }
    }
}

/// Join table cells into one line; currency signs and parentheses stick to their numbers.
fn join_cells(cells: &[String]) -> String {
    let mut line = String::new();
    let mut glue_next = false;
    for c in cells {
        let c = c.replace('\n', " ");
        let c = c.trim();
        let sticks_left = matches!(c, ")" | "%" | ")%" | "%)" | "pts" | "bps");
        if !line.is_empty() && !glue_next && !sticks_left {
            line.push_str("  ");
        }
        line.push_str(c);
        glue_next = matches!(c, "$" | "(" | "($" | "$(" | "€" | "£" | "¥" | "US$");
    }
    line
}

/// Read an HTML document into blocks.
pub fn blocks(text: &str, meta: &mut Meta) -> Vec<RawBlock> {
    let doc = Html::parse_document(text);
    let mut c = Collector::default();
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) => c.push_text(t),
                Node::Element(el) => c.open(el),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    c.close(el);
                }
            }
        }
    }
    while !c.tables.is_empty() {
        c.close_table();
    }
    c.flush();
    if let Some(t) = c.title.take().map(|t| collapse_spaces(&t)).filter(|t| !t.is_empty()) {
        meta.title.get_or_insert(t);
    }
    c.out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(html: &str) -> Vec<(BlockKind, String)> {
        blocks(html, &mut Meta::default()).into_iter().map(|b| (b.kind, b.text)).collect()
    }

    #[test]
    fn paragraphs_headings_and_items() {
        let b = read(
            "<html><head><title>T</title><style>p{}</style><script>alert(1)</script></head><body><h1>Big News</h1><p>First   para\n text.</p><ul><li>one</li><li>two</li></ul></body></html>",
        );
        assert_eq!(
            b,
            vec![
                (BlockKind::Heading, "Big News".into()),
                (BlockKind::Paragraph, "First para text.".into()),
                (BlockKind::Item, "one".into()),
                (BlockKind::Item, "two".into()),
            ]
        );
    }

    #[test]
    fn bold_paragraph_is_a_heading() {
        let b = read("<p><b>About Acme</b></p><p style='x'><span style='font-weight: 700'>Forward-Looking Statements</span></p>");
        assert!(b.iter().all(|(k, _)| *k == BlockKind::Heading), "{b:?}");
    }

    #[test]
    fn table_rows_are_lines_with_glued_currency() {
        let b =
            read("<table><tr><td>Revenue</td><td>$</td><td>1,234</td><td>(5</td><td>)</td></tr><tr><td>Cost</td><td>9</td></tr></table>");
        assert_eq!(b, vec![(BlockKind::Lines, "Revenue  $1,234  (5)\nCost  9".into())]);
    }

    #[test]
    fn layout_table_with_prose_gives_paragraphs() {
        let prose = "word ".repeat(40);
        let b = read(&format!("<table><tr><td><p>{prose}</p><p>{prose}</p></td></tr></table>"));
        assert_eq!(b.len(), 2, "{b:?}");
        assert!(b.iter().all(|(k, _)| *k == BlockKind::Paragraph));
    }

    #[test]
    fn br_keeps_lines() {
        let b = read("<p>Jane Doe<br>Acme Inc.<br>(555) 555-1212</p>");
        assert_eq!(b, vec![(BlockKind::Lines, "Jane Doe\nAcme Inc.\n(555) 555-1212".into())]);
    }

    #[test]
    fn entities_and_windows_1252_references() {
        let b = read("<p>Apple&#146;s &#147;record&#148; &amp; more&nbsp;here</p>");
        assert_eq!(b[0].1, "Apple\u{2019}s \u{201c}record\u{201d} & more here");
    }

    #[test]
    fn deeply_nested_html_does_not_overflow() {
        let html = "<div>".repeat(100_000) + "deep text" + &"</div>".repeat(100_000);
        let b = read(&html);
        assert_eq!(b.last().map(|x| x.1.as_str()), Some("deep text"));
    }
}
