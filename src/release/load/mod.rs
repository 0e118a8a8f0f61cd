//! Loading: bytes -> decoded text -> format -> plain blocks.
//!
//! Every format reader produces the same thing: a list of [`RawBlock`]s (headings, paragraphs,
//! line-kept blocks such as tables and addresses, list items), plus whatever metadata the format
//! carries. Nothing here knows about sections or facts.

mod decode;
mod edgar;
mod html;
mod markdown;
mod plain;
mod sanitize;

pub use decode::{DecodeError, decode};
pub use sanitize::{one_line, sanitize};

use crate::release::model::{DocumentInfo, Encoding, Format};
use chrono::NaiveDate;

/// What a block is, as far as layout goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A short title line.
    Heading,
    /// Running prose, unwrapped to one line.
    Paragraph,
    /// Lines that keep their breaks: tables, addresses, contact blocks.
    Lines,
    /// One item of a bulleted or numbered list.
    Item,
}

/// Which part of the input a block belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// The press release itself.
    Release,
    /// The filing that wraps it (the 8-K body of a submission).
    Filing,
    /// Archive furniture after the release (source links of a wire archive).
    Trailer,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawBlock {
    pub kind: BlockKind,
    pub text: String,
    pub zone: Zone,
}

impl RawBlock {
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Self {
        RawBlock {
            kind,
            text: text.into(),
            zone: Zone::Release,
        }
    }
}

/// Metadata a format can carry besides its body.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub source_url: Option<String>,
    /// EDGAR "FILED AS OF DATE".
    pub filed: Option<NaiveDate>,
    /// EDGAR "COMPANY CONFORMED NAME".
    pub filer: Option<String>,
    /// The issuer named by the front matter (`company:`, `issuer:`).
    pub company: Option<String>,
    /// The title comes from front matter (sure), not from a first heading or an HTML `<title>`.
    pub front_title: bool,
}

/// A loaded document, before segmentation.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub format: Format,
    pub encoding: Encoding,
    pub blocks: Vec<RawBlock>,
    pub meta: Meta,
    pub documents: Vec<DocumentInfo>,
    pub notices: Vec<String>,
}

/// Decode and read bytes in whatever format they are in.
pub fn load(bytes: &[u8], path_hint: Option<&str>) -> Result<Loaded, DecodeError> {
    let (text, encoding) = decode(bytes)?;
    Ok(load_text(&text, encoding, path_hint, None))
}

/// As [`load`], taking the bytes: UTF-8 input becomes the text without a copy.
pub fn load_owned(bytes: Vec<u8>, path_hint: Option<&str>) -> Result<Loaded, DecodeError> {
    let (text, encoding) = decode::decode_owned(bytes)?;
    Ok(load_text(&text, encoding, path_hint, None))
}

/// Read already-decoded text. `document` picks one document of an EDGAR submission by index.
pub fn load_text(text: &str, encoding: Encoding, path_hint: Option<&str>, document: Option<usize>) -> Loaded {
    let format = detect(text, path_hint);
    let mut loaded = Loaded {
        format,
        encoding,
        blocks: Vec::new(),
        meta: Meta::default(),
        documents: Vec::new(),
        notices: Vec::new(),
    };
    match format {
        Format::EdgarSubmission => edgar::read(text, document, &mut loaded),
        Format::Html => loaded.blocks = html::blocks(text, &mut loaded.meta),
        Format::Markdown => loaded.blocks = markdown::blocks(text, &mut loaded.meta),
        Format::Text => loaded.blocks = plain::blocks(text),
    }
    for b in &mut loaded.blocks {
        let clean = sanitize(&b.text);
        b.text = tidy_lines(&clean, b.kind);
    }
    loaded.blocks.shrink_to_fit();
    loaded.blocks.retain(|b| !b.text.trim().is_empty());
    if loaded.blocks.iter().all(|b| b.zone != Zone::Release) && loaded.notices.is_empty() {
        loaded.notices.push("No text in this release.".to_string());
    }
    loaded
}

/// Trim trailing blanks of each line, drop blank lines inside a block; a paragraph is one line.
/// Two passes over the block's lines (the common indent, then the copy); no list of lines is kept.
fn tidy_lines(s: &str, kind: BlockKind) -> String {
    match kind {
        BlockKind::Lines => {
            let lines = || s.lines().map(str::trim_end).filter(|l| !l.trim().is_empty());
            let indent = lines()
                .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
                .min()
                .unwrap_or(0);
            let mut out = String::with_capacity(s.len());
            for l in lines() {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&l[indent..]);
            }
            out
        }
        _ => collapse_spaces(s),
    }
}

/// Collapse every run of white space (Unicode's, as [`str::split_whitespace`]) into one space and
/// trim. Words are copied a run of bytes at a time: only a byte outside ASCII is decoded.
pub fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let bytes = s.as_bytes();
    let (mut i, mut word) = (0, 0);
    fn push(out: &mut String, w: &str) {
        if !w.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    while i < bytes.len() {
        // a run of visible ASCII at once; then the one byte after it
        i += bytes[i..].iter().position(|b| !matches!(b, 0x21..=0x7e)).unwrap_or(bytes.len() - i);
        let Some(&b) = bytes.get(i) else { break };
        // char::is_whitespace on ASCII: space, tab, line feed, vertical tab, form feed, return
        let (width, space) = if b < 0x80 {
            (1, matches!(b, b' ' | b'\t'..=b'\r'))
        } else {
            let c = s[i..].chars().next().unwrap_or('\0');
            (c.len_utf8(), c.is_whitespace())
        };
        if space {
            push(&mut out, &s[word..i]);
            word = i + width;
        }
        i += width;
    }
    push(&mut out, &s[word..]);
    out
}

/// Decide the format from content first, the file extension second.
pub fn detect(text: &str, path_hint: Option<&str>) -> Format {
    // the first 4,096 characters, borrowed
    let head = text.char_indices().nth(4096).map_or(text, |(i, _)| &text[..i]);
    let upper = head.to_ascii_uppercase();
    if upper.contains("<SEC-DOCUMENT>")
        || upper.contains("<IMS-DOCUMENT>")
        || upper.contains("-----BEGIN PRIVACY-ENHANCED MESSAGE-----")
        || (upper.contains("<DOCUMENT>") && upper.contains("<TYPE>"))
    {
        return Format::EdgarSubmission;
    }
    let lower = head.to_ascii_lowercase();
    let html_tags = [
        "<html",
        "<body",
        "<p>",
        "<p ",
        "<div",
        "<table",
        "<br",
        "<font",
        "<!doctype html",
        "<span",
    ];
    let tag_hits = html_tags.iter().filter(|t| lower.contains(*t)).count();
    if lower.trim_start().starts_with("<!doctype html") || lower.contains("<html") || tag_hits >= 2 {
        return Format::Html;
    }
    let ext = path_hint
        .and_then(|p| p.rsplit('.').next())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    if matches!(ext.as_str(), "htm" | "html" | "xhtml") && tag_hits >= 1 {
        return Format::Html;
    }
    let trimmed = text.trim_start();
    if matches!(ext.as_str(), "md" | "markdown")
        || trimmed.starts_with("---\n") && trimmed[4..].contains("\n---")
        || trimmed.starts_with("# ")
    {
        return Format::Markdown;
    }
    Format::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_formats_by_content() {
        assert_eq!(detect("<SEC-DOCUMENT>x\n<DOCUMENT>\n<TYPE>8-K", None), Format::EdgarSubmission);
        assert_eq!(
            detect("<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT><html>", Some("a.htm")),
            Format::EdgarSubmission
        );
        assert_eq!(detect("<html><body><p>Hi</p></body></html>", Some("x.txt")), Format::Html);
        assert_eq!(detect("# Title\n\nBody", None), Format::Markdown);
        assert_eq!(detect("---\ntitle: x\n---\nBody", None), Format::Markdown);
        assert_eq!(detect("Exhibit 99.1\n\n  Title\n", None), Format::Text);
        assert_eq!(detect("Profits rose 5% <p>", Some("x.txt")), Format::Text);
    }

    #[test]
    fn spaces_collapse_as_split_whitespace_does() {
        let reference = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let spaces = [
            " ", "\t", "\n", "\r", "\x0b", "\x0c", "\u{85}", "\u{a0}", "\u{1680}", "\u{2002}", "\u{200a}", "\u{2028}", "\u{2029}",
            "\u{202f}", "\u{205f}", "\u{3000}",
        ];
        // near misses: zero-width space, word joiner, BOM and controls are not white space
        let words = ["", "Acme", "é", "€5", "a\u{200b}b", "\u{2060}", "\u{feff}x", "\x1f", "\x7f", "日本"];
        for sp in spaces {
            for w in words {
                for t in [
                    format!("{w}{sp}{w}"),
                    format!("{sp}{w}{sp}{sp}{w}{sp}"),
                    format!("{w}{sp} {w}\n{sp}"),
                    format!("{sp}{sp}"),
                ] {
                    assert_eq!(collapse_spaces(&t), reference(&t), "{t:?}");
                }
            }
        }
        assert_eq!(collapse_spaces("  Acme\u{a0}\u{a0}Corp.\n\treports  "), "Acme Corp. reports");
        assert_eq!(collapse_spaces("a\u{200b} b"), "a\u{200b} b");
    }

    #[test]
    fn lines_blocks_lose_common_indent() {
        assert_eq!(tidy_lines("    a  \n      b\n\n    c", BlockKind::Lines), "a\n  b\nc");
        assert_eq!(tidy_lines("  a \n b ", BlockKind::Paragraph), "a b");
    }
}
