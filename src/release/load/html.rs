//! HTML exhibits, read with a WHATWG tokenizer (html5gum) and nested as a browser nests them. Paragraphs, headings,
//! list items and table rows become separate blocks; scripts and styles are never shown.

use super::plain::{self, looks_like_heading};
use super::{BlockKind, Meta, RawBlock, collapse_spaces};
use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Emitter, ForwardingEmitter, Span, Tokenizer};
use memchr::memmem;
use std::convert::Infallible;
use std::sync::LazyLock;

/// The enum of the element names this reader knows and its lookup, from one list of both.
macro_rules! tags {
    ($($tag:ident = $name:literal,)*) => {
        /// An element's name, read once from its tag: the elements this reader knows by name, any
        /// other by a number of its own (the same for every tag of that name in a document). The
        /// nesting and the collector then compare numbers, not strings.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        enum Tag {
            $($tag,)*
            Other(u32),
        }

        impl Tag {
            /// A name the reader knows (html5gum gives names in lower case).
            fn known(name: &[u8]) -> Option<Tag> {
                Some(match name {
                    $($name => Tag::$tag,)*
                    _ => return None,
                })
            }
        }
    };
}

tags! {
    A = b"a",
    Address = b"address",
    Applet = b"applet",
    Area = b"area",
    Article = b"article",
    Aside = b"aside",
    B = b"b",
    Base = b"base",
    Basefont = b"basefont",
    Bgsound = b"bgsound",
    Big = b"big",
    Blockquote = b"blockquote",
    Body = b"body",
    Br = b"br",
    Button = b"button",
    Caption = b"caption",
    Center = b"center",
    Code = b"code",
    Col = b"col",
    Colgroup = b"colgroup",
    Dd = b"dd",
    Details = b"details",
    Dialog = b"dialog",
    Dir = b"dir",
    Div = b"div",
    Dl = b"dl",
    Dt = b"dt",
    Em = b"em",
    Embed = b"embed",
    Fieldset = b"fieldset",
    Figcaption = b"figcaption",
    Figure = b"figure",
    Font = b"font",
    Footer = b"footer",
    Form = b"form",
    Frame = b"frame",
    Frameset = b"frameset",
    H1 = b"h1",
    H2 = b"h2",
    H3 = b"h3",
    H4 = b"h4",
    H5 = b"h5",
    H6 = b"h6",
    Head = b"head",
    Header = b"header",
    Hgroup = b"hgroup",
    Hr = b"hr",
    Html = b"html",
    I = b"i",
    Iframe = b"iframe",
    Image = b"image",
    Img = b"img",
    Input = b"input",
    IxHeader = b"ix:header",
    Keygen = b"keygen",
    Li = b"li",
    Link = b"link",
    Listing = b"listing",
    Main = b"main",
    Marquee = b"marquee",
    Math = b"math",
    Menu = b"menu",
    Meta = b"meta",
    Nav = b"nav",
    Nobr = b"nobr",
    Noembed = b"noembed",
    Noframes = b"noframes",
    Noscript = b"noscript",
    Object = b"object",
    Ol = b"ol",
    Optgroup = b"optgroup",
    Option = b"option",
    P = b"p",
    Page = b"page",
    Param = b"param",
    Plaintext = b"plaintext",
    Pre = b"pre",
    Rb = b"rb",
    Rp = b"rp",
    Rt = b"rt",
    Rtc = b"rtc",
    S = b"s",
    Script = b"script",
    Search = b"search",
    Section = b"section",
    Select = b"select",
    Small = b"small",
    Source = b"source",
    Strike = b"strike",
    Strong = b"strong",
    Style = b"style",
    Summary = b"summary",
    Svg = b"svg",
    Table = b"table",
    Tbody = b"tbody",
    Td = b"td",
    Template = b"template",
    Textarea = b"textarea",
    Tfoot = b"tfoot",
    Th = b"th",
    Thead = b"thead",
    Title = b"title",
    Tr = b"tr",
    Track = b"track",
    Tt = b"tt",
    U = b"u",
    Ul = b"ul",
    Wbr = b"wbr",
    Xml = b"xml",
    Xmp = b"xmp",
}

/// The names of a document's other elements, numbered as they come.
#[derive(Default)]
struct Names(std::collections::HashMap<Box<[u8]>, u32>);

impl Names {
    fn tag(&mut self, name: &[u8]) -> Tag {
        if let Some(tag) = Tag::known(name) {
            return tag;
        }
        if let Some(&n) = self.0.get(name) {
            return Tag::Other(n);
        }
        let n = u32::try_from(self.0.len()).unwrap_or(u32::MAX);
        self.0.insert(name.into(), n);
        Tag::Other(n)
    }
}

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

fn is_block(name: Tag) -> bool {
    is_heading_tag(name)
        || matches!(
            name,
            Tag::P
                | Tag::Div
                | Tag::Li
                | Tag::Ul
                | Tag::Ol
                | Tag::Dl
                | Tag::Dt
                | Tag::Dd
                | Tag::Blockquote
                | Tag::Center
                | Tag::Section
                | Tag::Article
                | Tag::Header
                | Tag::Footer
                | Tag::Address
                | Tag::Hr
                | Tag::Body
                | Tag::Form
                | Tag::Caption
                | Tag::Figure
                | Tag::Main
                | Tag::Nav
                | Tag::Aside
                | Tag::Page
        )
}

fn is_skipped(name: Tag) -> bool {
    matches!(
        name,
        Tag::Script
            | Tag::Style
            | Tag::Head
            | Tag::Noscript
            | Tag::Template
            | Tag::Svg
            | Tag::Object
            | Tag::Iframe
            | Tag::Xml
            | Tag::Math
            | Tag::IxHeader
    )
}

/// A `style` value's white space removed and its ASCII letters lowered, into `buf`.
fn compact_style(buf: &mut Vec<u8>, style: &[u8]) {
    buf.clear();
    let mut tmp = [0u8; 4];
    for c in String::from_utf8_lossy(style).chars().filter(|c| !c.is_whitespace()) {
        buf.extend_from_slice(c.to_ascii_lowercase().encode_utf8(&mut tmp).as_bytes());
    }
}

static DISPLAY_NONE: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("display:none"));
static FONT_WEIGHT: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("font-weight:"));

const BOLD_WEIGHTS: [&[u8]; 5] = [b"bold", b"600", b"700", b"800", b"900"];

/// Whether a compacted style hides the element (`display:none`) and whether it sets a bold weight.
fn compact_style_flags(compact: &[u8]) -> (bool, bool) {
    let hidden = DISPLAY_NONE.find(compact).is_some();
    let bold = FONT_WEIGHT.find_iter(compact).any(|at| {
        let value = &compact[at + b"font-weight:".len()..];
        BOLD_WEIGHTS.iter().any(|w| value.starts_with(w))
    });
    (hidden, bold)
}

fn is_css_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// Whether `word` (lower case, no white space in it) ends right before `end`, white space between
/// its letters and ASCII case ignored. Read straight back first: a byte that differs from the
/// word's is the answer, unless it is white space, which only the slower reading skips.
fn word_before(s: &[u8], end: usize, word: &[u8]) -> bool {
    for (i, &w) in word.iter().rev().enumerate() {
        match end.checked_sub(i + 1).map(|at| s[at]) {
            Some(b) if b.to_ascii_lowercase() == w => {}
            Some(b) if is_css_space(b) => return word_before_spaced(s, end, word),
            _ => return false,
        }
    }
    true
}

/// [`word_before`] with white space skipped before each letter.
fn word_before_spaced(s: &[u8], mut end: usize, word: &[u8]) -> bool {
    for &w in word.iter().rev() {
        while end > 0 && is_css_space(s[end - 1]) {
            end -= 1;
        }
        if end == 0 || s[end - 1].to_ascii_lowercase() != w {
            return false;
        }
        end -= 1;
    }
    true
}

/// Whether `word` (lower case, no white space in it) starts at `start`, white space between its
/// letters and ASCII case ignored; read straight on first, as [`word_before`] reads back.
fn word_after(s: &[u8], start: usize, word: &[u8]) -> bool {
    for (i, &w) in word.iter().enumerate() {
        match s.get(start + i) {
            Some(&b) if b.to_ascii_lowercase() == w => {}
            Some(&b) if is_css_space(b) => return word_after_spaced(s, start, word),
            _ => return false,
        }
    }
    true
}

/// [`word_after`] with white space skipped before each letter.
fn word_after_spaced(s: &[u8], mut start: usize, word: &[u8]) -> bool {
    for &w in word {
        while start < s.len() && is_css_space(s[start]) {
            start += 1;
        }
        if start == s.len() || s[start].to_ascii_lowercase() != w {
            return false;
        }
        start += 1;
    }
    true
}

/// What a `style` value says: hidden (`display: none`) and bold (a bold `font-weight`), white
/// space and case ignored throughout (`DISPLAY : NONE` hides). Only the colons are visited.
fn style_flags(style: &[u8], buf: &mut Vec<u8>) -> (bool, bool) {
    if !style.is_ascii() {
        compact_style(buf, style);
        return compact_style_flags(buf);
    }
    let (mut hidden, mut bold) = (false, false);
    for colon in memchr::memchr_iter(b':', style) {
        // the property's last letter tells which of the two it can be: most are neither
        let Some(&last) = style[..colon].iter().rev().find(|&&b| !is_css_space(b)) else {
            continue;
        };
        match last.to_ascii_lowercase() {
            b'y' => hidden = hidden || (word_before(style, colon, b"display") && word_after(style, colon + 1, b"none")),
            b't' => {
                bold = bold || (word_before(style, colon, b"font-weight") && BOLD_WEIGHTS.iter().any(|w| word_after(style, colon + 1, w)));
            }
            _ => {}
        }
    }
    (hidden, bold)
}

/// What the collector needs to know of an element, worked out once from its start tag.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Style {
    hidden: bool,
    bold: bool,
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
        // ASCII text splits by bytes, as by characters, but for the vertical tab (white space to
        // `char::is_whitespace`, not to `u8::is_ascii_whitespace`)
        let n = if t.is_ascii() && !t.as_bytes().contains(&b'\x0b') {
            self.push_words(t.split_ascii_whitespace(), starts_space, str::len)
        } else {
            self.push_words(t.split_whitespace(), starts_space, |w| w.chars().count())
        };
        if n == 0 {
            if !t.is_empty() && !self.cur.is_empty() && !self.cur.ends_with(' ') {
                self.cur.push(' ');
            }
            return;
        }
        if ends_space {
            self.cur.push(' ');
        }
        self.all_chars += n;
        if self.bold > 0 {
            self.bold_chars += n;
        }
    }

    /// Words of a text, one space between them (and before the first where the text starts
    /// with white space after a word): how many characters they hold, `count` counting them.
    fn push_words<'t>(&mut self, words: impl Iterator<Item = &'t str>, starts_space: bool, count: fn(&str) -> usize) -> usize {
        let mut n = 0;
        for (i, w) in words.enumerate() {
            if i > 0 || (starts_space && !self.cur.is_empty() && !self.cur.ends_with(' ')) {
                self.cur.push(' ');
            }
            self.cur.push_str(w);
            n += count(w);
        }
        n
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
        if let Some(cell) = self.open_cell_text() {
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

    /// The text of the table cell that encloses what is read now. Content of a table outside
    /// its cells is shown before the table, so it goes to the cell the table itself is in.
    fn open_cell_text(&mut self) -> Option<&mut String> {
        self.tables.iter_mut().rev().find(|t| t.in_cell).and_then(|t| t.cells.last_mut())
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

    fn open(&mut self, name: Tag, style: Style) {
        if name == Tag::Title {
            self.in_title = true;
            return;
        }
        if is_skipped(name) || style.hidden {
            self.skip += 1;
            return;
        }
        if self.skip > 0 {
            return;
        }
        if style.bold {
            self.bold += 1;
        }
        match name {
            Tag::Br => self.line_break(),
            Tag::Pre => {
                self.flush();
                self.pre += 1;
            }
            // No flush: text misplaced in the table before its first cell is shown before the
            // table, in the block that was open; the first cell or row ends that block.
            Tag::Table => self.tables.push(Table::default()),
            Tag::Tr => {
                self.close_row();
            }
            Tag::Td | Tag::Th => self.open_cell(),
            n if is_block(n) => {
                self.flush();
                if is_heading_tag(n) {
                    self.heading += 1;
                }
                if n == Tag::Li {
                    self.item += 1;
                }
            }
            _ => {}
        }
    }

    fn close(&mut self, name: Tag, style: Style) {
        if name == Tag::Title {
            self.in_title = false;
            return;
        }
        if is_skipped(name) || style.hidden {
            self.skip = self.skip.saturating_sub(1);
            return;
        }
        if self.skip > 0 {
            return;
        }
        match name {
            Tag::Pre => {
                self.pre = self.pre.saturating_sub(1);
                if self.pre == 0 {
                    let text = std::mem::take(&mut self.pre_text);
                    for b in plain::blocks(&text) {
                        self.push_out(b);
                    }
                }
            }
            Tag::Table => self.close_table(),
            Tag::Tr => self.close_row(),
            Tag::Td | Tag::Th => self.close_cell(),
            n if is_block(n) => {
                self.flush();
                if is_heading_tag(n) {
                    self.heading = self.heading.saturating_sub(1);
                }
                if n == Tag::Li {
                    self.item = self.item.saturating_sub(1);
                }
            }
            _ => {}
        }
        if style.bold {
            self.bold = self.bold.saturating_sub(1);
        }
    }
}

/// Join table cells into one line; currency signs and parentheses stick to their numbers.
fn join_cells(cells: &[String]) -> String {
    let mut line = String::new();
    let mut glue_next = false;
    for c in cells {
        let c = if c.contains('\n') {
            std::borrow::Cow::Owned(c.replace('\n', " "))
        } else {
            std::borrow::Cow::Borrowed(c.as_str())
        };
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

// The element nesting. html5gum tokenizes (WHATWG, character references included); the start
// and end tags are nested here the way an HTML tree builder nests them, as far as blocks, hidden
// and bold text go: implied end tags (`<p>` ends an open paragraph, `<li>` the previous item,
// `<td>` the previous cell), void elements, end tags that close what they enclose, stray end
// tags ignored, and formatting elements (`<b>`, `<font>`...) that outlive a block end and are
// reopened in the next block. Every element closed is reported to the collector, in document order.

/// Elements with no content and no end tag.
fn is_void(name: Tag) -> bool {
    matches!(
        name,
        Tag::Area
            | Tag::Base
            | Tag::Basefont
            | Tag::Bgsound
            | Tag::Br
            | Tag::Col
            | Tag::Embed
            | Tag::Frame
            | Tag::Hr
            | Tag::Img
            | Tag::Image
            | Tag::Input
            | Tag::Keygen
            | Tag::Link
            | Tag::Meta
            | Tag::Param
            | Tag::Source
            | Tag::Track
            | Tag::Wbr
    )
}

/// Formatting elements: an end tag of a block does not end them, they reopen in the next one.
fn is_formatting(name: Tag) -> bool {
    matches!(
        name,
        Tag::A
            | Tag::B
            | Tag::Big
            | Tag::Code
            | Tag::Em
            | Tag::Font
            | Tag::I
            | Tag::Nobr
            | Tag::S
            | Tag::Small
            | Tag::Strike
            | Tag::Strong
            | Tag::Tt
            | Tag::U
    )
}

/// Elements that stop an end tag of another name from closing anything above them.
fn is_special(name: Tag) -> bool {
    is_block(name)
        || is_void(name)
        || matches!(
            name,
            Tag::Applet
                | Tag::Button
                | Tag::Colgroup
                | Tag::Details
                | Tag::Dialog
                | Tag::Dir
                | Tag::Fieldset
                | Tag::Figcaption
                | Tag::Frameset
                | Tag::Head
                | Tag::Hgroup
                | Tag::Html
                | Tag::Iframe
                | Tag::Listing
                | Tag::Marquee
                | Tag::Menu
                | Tag::Noembed
                | Tag::Noframes
                | Tag::Noscript
                | Tag::Object
                | Tag::Plaintext
                | Tag::Pre
                | Tag::Script
                | Tag::Search
                | Tag::Select
                | Tag::Style
                | Tag::Summary
                | Tag::Table
                | Tag::Tbody
                | Tag::Td
                | Tag::Template
                | Tag::Textarea
                | Tag::Tfoot
                | Tag::Th
                | Tag::Thead
                | Tag::Title
                | Tag::Tr
                | Tag::Xmp
        )
}

/// Start tags that end an open paragraph.
fn closes_p(name: Tag) -> bool {
    is_heading_tag(name)
        || matches!(
            name,
            Tag::Address
                | Tag::Article
                | Tag::Aside
                | Tag::Blockquote
                | Tag::Center
                | Tag::Details
                | Tag::Dialog
                | Tag::Dir
                | Tag::Div
                | Tag::Dl
                | Tag::Fieldset
                | Tag::Figcaption
                | Tag::Figure
                | Tag::Footer
                | Tag::Header
                | Tag::Hgroup
                | Tag::Main
                | Tag::Menu
                | Tag::Nav
                | Tag::Ol
                | Tag::P
                | Tag::Search
                | Tag::Section
                | Tag::Summary
                | Tag::Ul
                | Tag::Pre
                | Tag::Listing
                | Tag::Form
                | Tag::Li
                | Tag::Dd
                | Tag::Dt
                | Tag::Plaintext
                | Tag::Table
                | Tag::Hr
                | Tag::Xmp
        )
}

/// Elements that bound the scope an end tag looks in.
fn bounds_scope(name: Tag) -> bool {
    matches!(
        name,
        Tag::Applet | Tag::Caption | Tag::Html | Tag::Table | Tag::Td | Tag::Th | Tag::Marquee | Tag::Object | Tag::Template
    )
}

/// Elements whose formatting is not carried into them (markers of the formatting list).
fn is_marker(name: Tag) -> bool {
    matches!(
        name,
        Tag::Applet | Tag::Caption | Tag::Marquee | Tag::Object | Tag::Template | Tag::Td | Tag::Th
    )
}

/// Elements allowed in `<head>`; any other start tag ends it.
fn in_head(name: Tag) -> bool {
    matches!(
        name,
        Tag::Base
            | Tag::Basefont
            | Tag::Bgsound
            | Tag::Link
            | Tag::Meta
            | Tag::Title
            | Tag::Noscript
            | Tag::Noframes
            | Tag::Style
            | Tag::Script
            | Tag::Template
    )
}

fn is_heading_tag(name: Tag) -> bool {
    matches!(name, Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6)
}

/// Ends that an end tag or a new block implies (`</div>` ends an open `<p>` or `<li>` inside it).
fn implied_end(name: Tag) -> bool {
    matches!(
        name,
        Tag::Dd | Tag::Dt | Tag::Li | Tag::Optgroup | Tag::Option | Tag::P | Tag::Rb | Tag::Rp | Tag::Rt | Tag::Rtc
    )
}

/// Open elements beyond this depth are not nested further (their start tags are dropped): the
/// scope walks stay short on hostile input, and no release nests this deep.
const MAX_DEPTH: usize = 1024;

/// Identical formatting elements kept open for reopening (the HTML standard's "Noah's Ark" rule).
const MAX_SAME_FORMATTING: usize = 3;

struct OpenEl {
    id: u32,
    tag: Tag,
    style: Style,
}

/// An entry of the list of active formatting elements: a marker, or an element to reopen.
#[derive(Clone, Copy)]
enum Active {
    Marker,
    El { id: u32, tag: Tag, style: Style, open: bool },
}

#[derive(Default)]
struct Nest {
    c: Collector,
    stack: Vec<OpenEl>,
    names: Names,
    active: Vec<Active>,
    next_id: u32,
    /// How many of the open elements are `p`, `li`, `dd`/`dt`, headings, tables: the scope walks
    /// run only when one is open, so deep nesting stays linear.
    open_p: usize,
    open_li: usize,
    open_dd: usize,
    open_h: usize,
    open_table: usize,
    head_open: bool,
    body_started: bool,
    /// Whether the document type (or its absence) asks for quirks mode: a table does not end a paragraph.
    quirks: bool,
    /// Whether anything but a comment or white space has come (a document type is read only before).
    started: bool,
    /// A newline right after `<pre>` is not content.
    after_pre: bool,
    // the start tag being read
    tag: Option<Tag>,
    /// Whether the start tag has had a `style`, and what its first one says (hidden, bold).
    has_style: bool,
    style_flags: (bool, bool),
    hidden_attr: bool,
    attr: Attr,
    end_tag: bool,
    style_buf: Vec<u8>,
}

#[derive(Default, Clone, Copy, PartialEq, Eq)]
enum Attr {
    #[default]
    Other,
    Style,
}

impl Nest {
    fn name(&self, i: usize) -> Tag {
        self.stack[i].tag
    }

    fn top(&self) -> Option<Tag> {
        self.stack.last().map(|e| e.tag)
    }

    fn count(&mut self, name: Tag, up: bool) {
        let n = match name {
            Tag::P => &mut self.open_p,
            Tag::Li => &mut self.open_li,
            Tag::Dd | Tag::Dt => &mut self.open_dd,
            Tag::Table => &mut self.open_table,
            n if is_heading_tag(n) => &mut self.open_h,
            _ => return,
        };
        if up {
            *n += 1;
        } else {
            *n = n.saturating_sub(1);
        }
    }

    /// Open an element (`None` past [`MAX_DEPTH`]).
    fn push(&mut self, name: Tag, style: Style) -> Option<u32> {
        if self.stack.len() >= MAX_DEPTH {
            return None;
        }
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        self.stack.push(OpenEl { id, tag: name, style });
        self.count(name, true);
        self.c.open(name, style);
        if is_marker(name) {
            self.active.push(Active::Marker);
        }
        Some(id)
    }

    /// Open a formatting element and put it on the list of those to reopen.
    fn push_formatting(&mut self, name: Tag, style: Style) {
        self.reconstruct();
        let Some(id) = self.push(name, style) else { return };
        let same = |a: &Active| matches!(a, Active::El { tag, style: s, .. } if *tag == name && *s == style);
        let since_marker = self.active.iter().rposition(|a| matches!(a, Active::Marker)).map_or(0, |m| m + 1);
        let mut alike = self.active[since_marker..].iter().filter(|a| same(a)).count();
        while alike >= MAX_SAME_FORMATTING {
            if let Some(i) = self.active[since_marker..].iter().position(same) {
                self.active.remove(since_marker + i);
            }
            alike -= 1;
        }
        self.active.push(Active::El {
            id,
            tag: name,
            style,
            open: true,
        });
    }

    /// Close the current element.
    fn pop(&mut self) {
        let Some(el) = self.stack.pop() else { return };
        self.closed(el.tag, el.id, el.style);
    }

    fn closed(&mut self, name: Tag, id: u32, style: Style) {
        self.count(name, false);
        if is_formatting(name) {
            for a in self.active.iter_mut().rev() {
                if let Active::El { id: i, open, .. } = a
                    && *i == id
                {
                    *open = false;
                    break;
                }
            }
        }
        if is_marker(name) {
            self.clear_to_marker();
        }
        self.c.close(name, style);
    }

    fn clear_to_marker(&mut self) {
        while let Some(a) = self.active.pop() {
            if matches!(a, Active::Marker) {
                break;
            }
        }
    }

    /// Close elements up to and including the last one `pick` takes.
    fn pop_until(&mut self, pick: impl Fn(Tag) -> bool) {
        while let Some(top) = self.top() {
            let done = pick(top);
            self.pop();
            if done {
                break;
            }
        }
    }

    /// Close elements until the current one is one `keep` takes (or none is open).
    fn pop_to(&mut self, keep: impl Fn(Tag) -> bool) {
        while let Some(top) = self.top() {
            if keep(top) {
                break;
            }
            self.pop();
        }
    }

    /// Close the elements whose end is implied, down to one of the name `except`.
    fn implied_ends(&mut self, except: Option<Tag>) {
        while let Some(top) = self.top() {
            if !implied_end(top) || Some(top) == except {
                break;
            }
            self.pop();
        }
    }

    /// Whether an element `pick` takes is open with no scope bound above it.
    fn in_scope(&self, pick: impl Fn(Tag) -> bool, extra: &[Tag]) -> bool {
        for i in (0..self.stack.len()).rev() {
            let n = self.name(i);
            if pick(n) {
                return true;
            }
            if bounds_scope(n) || extra.contains(&n) {
                return false;
            }
        }
        false
    }

    fn in_table_scope(&self, name: Tag) -> bool {
        self.in_table_scope_any(&[name])
    }

    /// Whether an element of one of these names is open in table scope: one walk for all.
    fn in_table_scope_any(&self, names: &[Tag]) -> bool {
        for i in (0..self.stack.len()).rev() {
            let n = self.name(i);
            if names.contains(&n) {
                return true;
            }
            if matches!(n, Tag::Table | Tag::Template | Tag::Html) {
                return false;
            }
        }
        false
    }

    fn close_p(&mut self) {
        if self.open_p > 0 && self.in_scope(|n| n == Tag::P, &[Tag::Button]) {
            self.implied_ends(Some(Tag::P));
            self.pop_until(|n| n == Tag::P);
        }
    }

    fn close_head(&mut self) {
        if self.head_open {
            self.head_open = false;
            self.pop_until(|n| n == Tag::Head);
        }
    }

    /// Reopen the formatting elements a block end closed, before new content.
    fn reconstruct(&mut self) {
        let Some(last) = self.active.last() else { return };
        if matches!(last, Active::Marker | Active::El { open: true, .. }) {
            return;
        }
        let mut from = self.active.len() - 1;
        while from > 0 && matches!(self.active[from - 1], Active::El { open: false, .. }) {
            from -= 1;
        }
        for i in from..self.active.len() {
            let Active::El { tag, style, .. } = self.active[i] else {
                continue;
            };
            let Some(id) = self.push(tag, style) else { return };
            self.active[i] = Active::El {
                id,
                tag,
                style,
                open: true,
            };
        }
    }

    /// The last formatting element of this name since the last marker.
    fn active_index(&self, name: Tag) -> Option<usize> {
        for (i, a) in self.active.iter().enumerate().rev() {
            match a {
                Active::Marker => return None,
                Active::El { tag, .. } if *tag == name => return Some(i),
                Active::El { .. } => {}
            }
        }
        None
    }

    /// An end tag of a formatting element: it closes that element, and the elements opened
    /// inside it unless a block is among them (the block stays open, without the formatting).
    fn end_formatting(&mut self, name: Tag) {
        let Some(ai) = self.active_index(name) else {
            self.end_other(name);
            return;
        };
        let Active::El { id, open, .. } = self.active[ai] else { return };
        if !open {
            self.active.remove(ai);
            return;
        }
        let Some(si) = self.stack.iter().rposition(|e| e.id == id) else {
            self.active.remove(ai);
            return;
        };
        if !self.in_scope(|n| n == name, &[]) {
            return;
        }
        let block_above = (si + 1..self.stack.len()).any(|i| is_special(self.name(i)));
        self.active.remove(ai);
        if !block_above {
            while self.stack.len() > si {
                self.pop();
            }
            return;
        }
        let el = self.stack.remove(si);
        self.closed(name, el.id, el.style);
    }

    /// Any other end tag: it closes the open element of its name unless a block stands between.
    fn end_other(&mut self, name: Tag) {
        for i in (0..self.stack.len()).rev() {
            let n = self.name(i);
            if n == name {
                self.implied_ends(Some(name));
                while self.stack.len() > i {
                    self.pop();
                }
                return;
            }
            if is_special(n) {
                return;
            }
        }
    }

    fn start_tag(&mut self, name: Tag, style: Style) {
        if name == Tag::Html || name == Tag::Body || name == Tag::Frameset {
            self.close_head();
            self.body_started = true;
            return;
        }
        if name == Tag::Head {
            if !self.body_started && !self.head_open {
                self.head_open = true;
                self.push(name, style);
            }
            return;
        }
        if self.head_open && !in_head(name) {
            self.close_head();
        }
        if !in_head(name) {
            self.body_started = true;
        }
        if self.open_table > 0 && self.table_start(name, style) {
            return;
        }
        match name {
            Tag::Li | Tag::Dd | Tag::Dt => {
                let same = |n: Tag| {
                    if name == Tag::Li {
                        n == Tag::Li
                    } else {
                        n == Tag::Dd || n == Tag::Dt
                    }
                };
                let open = if name == Tag::Li { self.open_li } else { self.open_dd };
                if open > 0 {
                    for i in (0..self.stack.len()).rev() {
                        let n = self.name(i);
                        if same(n) {
                            self.implied_ends(Some(n));
                            self.pop_until(same);
                            break;
                        }
                        if is_special(n) && !matches!(n, Tag::Address | Tag::Div | Tag::P) {
                            break;
                        }
                    }
                }
                self.close_p();
                self.push(name, style);
            }
            n if is_heading_tag(n) => {
                self.close_p();
                if self.top().is_some_and(is_heading_tag) {
                    self.pop();
                }
                self.push(name, style);
            }
            Tag::Pre | Tag::Listing => {
                self.close_p();
                self.after_pre = self.push(name, style).is_some();
            }
            Tag::Table => {
                if !self.quirks {
                    self.close_p();
                }
                self.push(name, style);
            }
            Tag::Tr | Tag::Td | Tag::Th | Tag::Tbody | Tag::Thead | Tag::Tfoot | Tag::Caption | Tag::Colgroup | Tag::Col => {}
            Tag::A => {
                if self.active_index(Tag::A).is_some() {
                    self.end_formatting(Tag::A);
                    if let Some(ai) = self.active_index(Tag::A) {
                        self.active.remove(ai);
                    }
                }
                self.push_formatting(name, style);
            }
            n if is_formatting(n) => self.push_formatting(name, style),
            n if closes_p(n) => {
                self.close_p();
                if self.push(name, style).is_some() && is_void(name) {
                    self.pop();
                }
            }
            _ => {
                self.reconstruct();
                if self.push(name, style).is_some() && is_void(name) {
                    self.pop();
                }
            }
        }
    }

    /// A start tag while a table is open; true when it was handled here.
    fn table_start(&mut self, name: Tag, style: Style) -> bool {
        let table_ctx = |n: Tag| matches!(n, Tag::Table | Tag::Template | Tag::Html);
        let body_ctx = |n: Tag| matches!(n, Tag::Tbody | Tag::Thead | Tag::Tfoot | Tag::Template | Tag::Html) || n == Tag::Table;
        match name {
            Tag::Caption | Tag::Colgroup | Tag::Col | Tag::Tbody | Tag::Thead | Tag::Tfoot => {
                if !self.in_table_scope(Tag::Table) {
                    return true;
                }
                self.close_cell();
                if matches!(name, Tag::Caption | Tag::Colgroup | Tag::Col) {
                    self.pop_to(table_ctx);
                } else {
                    self.pop_to(body_ctx);
                    if matches!(self.top(), Some(Tag::Tbody | Tag::Thead | Tag::Tfoot)) {
                        self.pop();
                    }
                }
                if self.push(name, style).is_some() && name == Tag::Col {
                    self.pop();
                }
                true
            }
            Tag::Tr => {
                if !self.in_table_scope(Tag::Table) {
                    return true;
                }
                self.close_cell();
                if self.in_table_scope(Tag::Tr) {
                    self.pop_until(|n| n == Tag::Tr);
                }
                self.pop_to(body_ctx);
                self.push(name, style);
                true
            }
            Tag::Td | Tag::Th => {
                if !self.in_table_scope(Tag::Table) {
                    return true;
                }
                self.close_cell();
                if !self.in_table_scope(Tag::Tr) {
                    self.pop_to(body_ctx);
                    self.push(Tag::Tr, Style::default());
                }
                self.pop_to(|n| matches!(n, Tag::Tr | Tag::Template | Tag::Html));
                self.push(name, style);
                true
            }
            Tag::Table => {
                if self.in_table_scope_any(&[Tag::Td, Tag::Th, Tag::Caption]) {
                    return false;
                }
                if self.in_table_scope(Tag::Table) {
                    self.pop_until(|n| n == Tag::Table);
                }
                if !self.quirks {
                    self.close_p();
                }
                self.push(name, style);
                true
            }
            _ => false,
        }
    }

    fn close_cell(&mut self) {
        if self.in_table_scope_any(&[Tag::Td, Tag::Th]) {
            self.implied_ends(None);
            self.pop_until(|n| n == Tag::Td || n == Tag::Th);
        }
    }

    fn end_tag(&mut self, name: Tag) {
        match name {
            Tag::Html | Tag::Body => {
                self.close_head();
            }
            Tag::Head => self.close_head(),
            Tag::Br => {
                self.close_head();
                self.start_tag(Tag::Br, Style::default());
            }
            _ if self.head_open => {}
            Tag::P => {
                if self.open_p > 0 && self.in_scope(|n| n == Tag::P, &[Tag::Button]) {
                    self.close_p();
                } else {
                    self.reconstruct();
                    if self.push(Tag::P, Style::default()).is_some() {
                        self.pop();
                    }
                }
            }
            Tag::Li => {
                if self.open_li > 0 && self.in_scope(|n| n == Tag::Li, &[Tag::Ol, Tag::Ul]) {
                    self.implied_ends(Some(Tag::Li));
                    self.pop_until(|n| n == Tag::Li);
                }
            }
            Tag::Dd | Tag::Dt => {
                if self.open_dd > 0 && self.in_scope(|n| n == name, &[]) {
                    self.implied_ends(Some(name));
                    self.pop_until(|n| n == name);
                }
            }
            n if is_heading_tag(n) => {
                if self.open_h > 0 && self.in_scope(is_heading_tag, &[]) {
                    self.implied_ends(None);
                    self.pop_until(is_heading_tag);
                }
            }
            Tag::Td | Tag::Th | Tag::Tr | Tag::Table | Tag::Tbody | Tag::Thead | Tag::Tfoot | Tag::Caption => {
                if self.open_table > 0 && self.in_table_scope(name) {
                    self.implied_ends(None);
                    self.pop_until(|n| n == name);
                }
            }
            n if is_formatting(n) => self.end_formatting(name),
            n if is_special(n) && !bounds_scope(n) && !is_void(n) && n != Tag::Title => {
                if self.in_scope(|x| x == name, &[]) {
                    self.implied_ends(Some(name));
                    self.pop_until(|x| x == name);
                }
            }
            _ => self.end_other(name),
        }
    }

    fn text(&mut self, mut t: &str) {
        if std::mem::take(&mut self.after_pre) {
            t = t.strip_prefix('\n').unwrap_or(t);
        }
        if t.is_empty() {
            return;
        }
        let blank = t.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'));
        if !blank {
            self.start();
        }
        if self.head_open {
            if blank {
                return;
            }
            self.close_head();
        }
        if !blank {
            self.body_started = true;
        }
        if blank && matches!(self.top(), Some(Tag::Table | Tag::Tbody | Tag::Thead | Tag::Tfoot | Tag::Tr)) {
            // white space between rows and cells is no text
            return;
        }
        self.reconstruct();
        self.c.push_text(t);
    }

    /// The first start or end tag or text: without a document type before it, quirks mode.
    fn start(&mut self) {
        if !self.started {
            self.started = true;
            self.quirks = true;
        }
    }

    /// A start tag read to its end: its name was kept in `tag`, its attributes read into flags.
    fn finish_start_tag(&mut self) {
        self.start();
        self.after_pre = false;
        let tag = self.tag.take().unwrap_or_else(|| self.names.tag(b""));
        let style = Style {
            hidden: self.hidden_attr || self.style_flags.0,
            bold: matches!(tag, Tag::B | Tag::Strong) || self.style_flags.1,
        };
        self.start_tag(tag, style);
        self.forget_attributes();
    }

    /// An end tag: its name comes whole, so it is not copied. Attributes an end tag carries
    /// (the tokenizer reports them before it) say nothing, and do not reach the next start tag.
    fn finish_end_tag(&mut self, name: Tag) {
        self.start();
        self.after_pre = false;
        self.end_tag(name);
        self.forget_attributes();
    }

    /// What the attributes of the tag just read said, so that none of it reaches the next tag.
    fn forget_attributes(&mut self) {
        self.hidden_attr = false;
        self.has_style = false;
        self.style_flags = (false, false);
    }

    fn event(&mut self, ev: CallbackEvent<'_>) {
        match ev {
            CallbackEvent::OpenStartTag { name } => {
                self.end_tag = false;
                self.tag = Some(self.names.tag(name));
                self.attr = Attr::Other;
            }
            CallbackEvent::AttributeName { name } => {
                self.attr = Attr::Other;
                if !self.end_tag {
                    match name {
                        b"style" if !self.has_style => {
                            self.has_style = true;
                            self.attr = Attr::Style;
                        }
                        b"hidden" => self.hidden_attr = true,
                        _ => {}
                    }
                }
            }
            CallbackEvent::AttributeValue { value } => {
                if self.attr == Attr::Style {
                    self.style_flags = style_flags(value, &mut self.style_buf);
                }
            }
            CallbackEvent::CloseStartTag { .. } => self.finish_start_tag(),
            CallbackEvent::EndTag { name } => {
                self.end_tag = true;
                let tag = self.names.tag(name);
                self.finish_end_tag(tag);
            }
            CallbackEvent::String { value } => self.text(&lossy(value)),
            CallbackEvent::Comment { .. } => self.after_pre = false,
            CallbackEvent::Doctype {
                name,
                public_identifier,
                system_identifier,
                force_quirks,
            } => {
                if !self.started {
                    self.started = true;
                    self.quirks = force_quirks || quirky_doctype(name, public_identifier, system_identifier.is_some());
                }
            }
            CallbackEvent::Error(_) => {}
        }
    }
}

/// The tokenizer's bytes as text: borrowed where they are UTF-8 (checked by the fast validator;
/// `from_utf8_lossy` walks them in chunks), else with replacement characters.
fn lossy(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    std::str::from_utf8(bytes).map_or_else(|_| String::from_utf8_lossy(bytes), std::borrow::Cow::Borrowed)
}

/// Public identifiers of old document types that put a browser in quirks mode (lower case prefixes).
const QUIRKY_PUBLIC: [&str; 18] = [
    "-//advasoft ltd//",
    "-//as//",
    "-//ietf//",
    "-//metrius//",
    "-//microsoft//",
    "-//netscape comm. corp.//",
    "-//o'reilly and associates//",
    "-//softquad",
    "-//spyglass//",
    "-//sq//",
    "-//sun microsystems corp.//",
    "-//w3c//dtd html 3",
    "-//w3c//dtd html 4.0 frameset//",
    "-//w3c//dtd html 4.0 transitional//",
    "-//w3c//dtd html experimental",
    "-//w3c//dtd w3 html//",
    "-//w3o//",
    "-//webtechs//",
];

/// Whether a document type puts a browser in quirks mode (the HTML standard's list, by prefix).
fn quirky_doctype(name: &[u8], public: Option<&[u8]>, has_system: bool) -> bool {
    if name != b"html" {
        return true;
    }
    let Some(public) = public else { return false };
    let public = String::from_utf8_lossy(public).to_ascii_lowercase();
    public == "html"
        || public == "-/w3c/dtd html 4.0 transitional/en"
        || QUIRKY_PUBLIC.iter().any(|p| public.starts_with(p))
        || (!has_system
            && (public.starts_with("-//w3c//dtd html 4.01 frameset//") || public.starts_with("-//w3c//dtd html 4.01 transitional//")))
}

/// The tokenizer's emitter, with parse errors off (they are not used, and checking costs time).
struct Quiet<E>(E);

impl<E: Emitter> ForwardingEmitter for Quiet<E> {
    type Token = E::Token;

    fn inner(&mut self) -> &mut impl Emitter<Token = Self::Token> {
        &mut self.0
    }

    fn should_emit_errors(&mut self) -> bool {
        false
    }
}

/// Read an HTML document into blocks.
pub fn blocks(text: &str, meta: &mut Meta) -> Vec<RawBlock> {
    let mut nest = Nest::default();
    {
        let mut emitter = CallbackEmitter::new(|ev: CallbackEvent<'_>, _: Span<()>| -> Option<Infallible> {
            nest.event(ev);
            None
        });
        emitter.naively_switch_states(true);
        let tokenizer = Tokenizer::new_with_emitter(text, Quiet(emitter));
        let _ = tokenizer.finish();
    }
    while !nest.stack.is_empty() {
        nest.pop();
    }
    let mut c = nest.c;
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

    use BlockKind::{Heading, Item, Lines, Paragraph};

    fn texts(html: &str) -> Vec<String> {
        read(html).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn a_new_block_ends_an_open_paragraph() {
        assert_eq!(
            read("<p>One more thing.<p>Second one here.<div>Third one here.</div>tail words."),
            vec![
                (Paragraph, "One more thing.".into()),
                (Paragraph, "Second one here.".into()),
                (Paragraph, "Third one here.".into()),
                (Paragraph, "tail words.".into()),
            ]
        );
    }

    #[test]
    fn inline_tags_do_not_split_a_paragraph() {
        let b = read("<p>Revenue <span class=x>rose</span> <a href='#'>5%</a> in <i>Q3</i><img src=x.gif>, <font size=2>up</font>.</p>");
        assert_eq!(b, vec![(Paragraph, "Revenue rose 5% in Q3, up.".into())]);
        // a stray end tag of an inline element ends nothing
        assert_eq!(texts("<p>Net income </span>grew.</p>"), vec!["Net income grew."]);
    }

    #[test]
    fn list_items_without_end_tags() {
        assert_eq!(
            read("<ul><li>one<li>two<ol><li>two.a</ol></ul><p>after all."),
            vec![
                (Item, "one".into()),
                (Item, "two".into()),
                (Item, "two.a".into()),
                (Paragraph, "after all.".into()),
            ]
        );
    }

    #[test]
    fn hidden_text_stays_hidden() {
        let b = texts(concat!(
            "<div style='DISPLAY : None'>secret <p>more secret</p><table><tr><td>cell secret</td></tr></table></div>",
            "<p hidden>also secret</p>",
            "<p>shown <span style=\"display:none\">inline secret</span>text</p>",
            "<p>unclosed <span style='display: none'>secret to the end of the paragraph</p>",
            "<p style='display:block'>visible too</p>",
        ));
        assert_eq!(b, vec!["shown text", "unclosed", "visible too"]);
    }

    #[test]
    fn head_script_style_and_noscript_are_not_text() {
        let mut meta = Meta::default();
        let b = blocks(
            "<html><head><title>Acme &amp; Co</title><meta charset=utf-8><style>p { color: red }</style><p>Body text.</p>\
             <script>if (a < b) { document.write('<p>written</p>') }</script><noscript>Enable scripts</noscript><p>More text.</p>",
            &mut meta,
        );
        let b: Vec<String> = b.into_iter().map(|b| b.text).collect();
        assert_eq!(b, vec!["Body text.", "More text."]);
        assert_eq!(meta.title.as_deref(), Some("Acme & Co"));
    }

    #[test]
    fn bold_reopens_in_the_next_block_until_its_end_tag() {
        // `<b>` left open across a paragraph end carries into the next paragraph, as in a browser
        assert_eq!(
            read("<p><b>About Acme</p><p>Contacts</p>"),
            vec![(Heading, "About Acme".into()), (Heading, "Contacts".into())]
        );
        // closed, it does not
        assert_eq!(
            read("<p><b>About Acme</b></p><p>Contacts</p>"),
            vec![(Heading, "About Acme".into()), (Paragraph, "Contacts".into())]
        );
        // nor into the next table cell
        assert_eq!(
            read("<table><tr><td><b>Revenue</td></tr></table><p>Contacts</p>")[1],
            (Paragraph, "Contacts".into())
        );
    }

    #[test]
    fn attributes_of_an_end_tag_hide_nothing() {
        // a `style` or `hidden` on an end tag is no attribute of anything: the next element shows
        assert_eq!(
            texts(r#"<p>Revenue</p style="display:none"><p>Contacts</p><b>x</b hidden><p>Media</p>"#),
            vec!["Revenue", "Contacts", "x", "Media"]
        );
    }

    #[test]
    fn a_formatting_end_tag_inside_a_block_keeps_the_block() {
        assert_eq!(
            read("<b><p>Headline</b> and the rest of it</p>"),
            vec![(Paragraph, "Headline and the rest of it".into())]
        );
    }

    #[test]
    fn bold_by_style_on_any_element() {
        let b = read("<div style='font-weight : BOLD'>Financial Highlights</div><div style='font-weight:400'>Financial Highlights</div>");
        assert_eq!(
            b,
            vec![(Heading, "Financial Highlights".into()), (Paragraph, "Financial Highlights".into())]
        );
    }

    #[test]
    fn table_cells_and_rows_without_end_tags() {
        assert_eq!(
            read("<table><tr><td>Revenue<td>$<td>10<tr><td>Cost<td>5</table><p>After the table."),
            vec![(Lines, "Revenue  $10\nCost  5".into()), (Paragraph, "After the table.".into())]
        );
        // cells straight under the table get their row
        assert_eq!(read("<table><td>A<td>1</table>"), vec![(Paragraph, "A  1".into())]);
    }

    #[test]
    fn table_tags_outside_a_table_are_ignored() {
        assert_eq!(texts("<p>one <td>two</td> three</tr></p>"), vec!["one two three"]);
    }

    #[test]
    fn text_between_rows_comes_before_the_table() {
        assert_eq!(
            texts("<table><tr><td>Revenue</td><td>5</td></tr>Note<tr><td>Cost</td><td>3</td></tr></table>"),
            vec!["Note", "Revenue  5\nCost  3"]
        );
    }

    #[test]
    fn nested_table_goes_into_its_cell() {
        let b = texts("<table><tr><td>Outer</td><td><table><tr><td>a</td><td>b</td></tr></table></td></tr><tr><td>Next</td></tr></table>");
        assert_eq!(b, vec!["Outer  a  b\nNext"]);
    }

    #[test]
    fn edgar_font_and_div_soup() {
        let b = read(concat!(
            "<DIV><FONT SIZE=2><P ALIGN=CENTER><B>ACME CORP REPORTS RESULTS</B></P>",
            "<P>Acme Corp. today reported revenue of $5 million, up 10 percent.</FONT></DIV>",
            "<DIV STYLE=\"margin-top:12pt\"><FONT STYLE=\"font-family:Times;font-size:10pt\">Contact: Jane Doe<BR>(555) 555-1212</FONT></DIV>",
        ));
        assert_eq!(
            b,
            vec![
                (Heading, "ACME CORP REPORTS RESULTS".into()),
                (Paragraph, "Acme Corp. today reported revenue of $5 million, up 10 percent.".into()),
                (Lines, "Contact: Jane Doe\n(555) 555-1212".into()),
            ]
        );
    }

    #[test]
    fn pre_keeps_its_lines_and_drops_the_first_newline() {
        let b = read("<pre>\nQuarter     Revenue\nQ1          10\nQ2          12\n</pre><p>After the table.</p>");
        assert_eq!(b[0], (Lines, "Quarter     Revenue\nQ1          10\nQ2          12".into()));
        assert_eq!(b[1], (Paragraph, "After the table.".into()));
    }

    #[test]
    fn styles_are_read_with_space_and_case_ignored() {
        let mut buf = Vec::new();
        assert_eq!(style_flags(b"color:red; font-weight: BOLD", &mut buf), (false, true));
        assert_eq!(style_flags(b"Display : none", &mut buf), (true, false));
        assert_eq!(style_flags(b"font-weight:700;display:none", &mut buf), (true, true));
        assert_eq!(style_flags("font-weight:\u{a0}bold".as_bytes(), &mut buf), (false, true));
        // near misses
        assert_eq!(style_flags(b"font-weight:normal; display:inline", &mut buf), (false, false));
        assert_eq!(style_flags(b"font-size:700%", &mut buf), (false, false));
        assert_eq!(style_flags(b"font-weight:400", &mut buf), (false, false));
        assert_eq!(style_flags(b"", &mut buf), (false, false));
    }

    /// Reading a word straight first answers as reading it with white space skipped throughout.
    #[test]
    fn words_read_straight_or_spaced_alike() {
        let styles: [&[u8]; 8] = [
            b"display:none",
            b"Display : None",
            b"d isplay:n one",
            b"font-weight:\tBOLD;height:2px",
            b"line-height:1;font- weight :600",
            b"xdisplay:nonex",
            b" : ",
            b"",
        ];
        for s in styles {
            for word in [&b"display"[..], b"none", b"font-weight", b"bold", b"600", b"x"] {
                for at in 0..=s.len() {
                    assert_eq!(word_before(s, at, word), word_before_spaced(s, at, word), "{s:?} {word:?} {at}");
                    assert_eq!(word_after(s, at, word), word_after_spaced(s, at, word), "{s:?} {word:?} {at}");
                }
            }
        }
    }

    #[test]
    fn many_open_formatting_elements_stay_linear() {
        let html = "<p>".to_string() + &"<b>".repeat(50_000) + &"X</p><p>Y</p>".repeat(2_000);
        let b = read(&html);
        assert_eq!(b.len(), 4_000);
        assert!(b.iter().all(|(k, _)| *k == Heading), "still bold");
    }

    #[test]
    fn deeply_nested_html_does_not_overflow() {
        let html = "<div>".repeat(100_000) + "deep text" + &"</div>".repeat(100_000);
        let b = read(&html);
        assert_eq!(b.last().map(|x| x.1.as_str()), Some("deep text"));
    }

    #[test]
    fn tag_names_are_numbered_once_per_name() {
        let mut names = Names::default();
        assert_eq!(names.tag(b"p"), Tag::P);
        assert_eq!(names.tag(b"ix:header"), Tag::IxHeader);
        let a = names.tag(b"ix:nonnumeric");
        let b = names.tag(b"ix:nonfraction");
        assert!(matches!(a, Tag::Other(_)) && a != b);
        assert_eq!(names.tag(b"ix:nonnumeric"), a);
        // a name is known only as html5gum spells it (lower case); "" is a name like any other
        assert!(matches!(names.tag(b"P"), Tag::Other(_)));
        assert_eq!(names.tag(b""), names.tag(b""));
    }

    #[test]
    fn an_end_tag_of_another_element_closes_only_its_own() {
        // `</x-note>` closes the `<x-note>` inside the paragraph, not the paragraph; `</x-other>` nothing
        let b = read("<p>One <x-note>two</x-note> three</x-other> four</p><p>Five</p>");
        assert_eq!(
            b,
            vec![
                (BlockKind::Paragraph, "One two three four".to_string()),
                (BlockKind::Paragraph, "Five".to_string())
            ]
        );
    }
}
