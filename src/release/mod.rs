//! The domain core: bytes in, a [`Release`] out. No terminal code lives below this module.

pub mod ascii_cut;
pub mod dateline;
pub mod extract;
pub mod gate;
pub mod load;
pub mod model;
pub mod pattern;
pub mod segment;
pub mod serial_nfa;
pub mod stress;
pub mod text;

pub use load::DecodeError;
pub use load::{one_line, sanitize};
pub use model::*;

use load::{BlockKind, Loaded, Zone};

/// A block of the normalised text: where it stands and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub zone: Zone,
    pub start: usize,
    pub end: usize,
}

/// Parse bytes into a release. `path` is used for the file extension hint and the model's source.
pub fn parse(bytes: &[u8], path: Option<&str>) -> Result<Release, DecodeError> {
    let loaded = load::load(bytes, path)?;
    Ok(build(loaded, path, bytes.len()))
}

/// As [`parse`], taking the bytes (no copy of UTF-8 input is made; the peak memory is lower).
pub fn parse_owned(bytes: Vec<u8>, path: Option<&str>) -> Result<Release, DecodeError> {
    let size = bytes.len();
    let loaded = load::load_owned(bytes, path)?;
    Ok(build(loaded, path, size))
}

/// Parse one document of an EDGAR submission on its own (the viewer's document switcher).
pub fn parse_document(bytes: &[u8], path: Option<&str>, document: usize) -> Result<Release, DecodeError> {
    let (text, encoding) = load::decode(bytes)?;
    let mut loaded = load::load_text(&text, encoding, path, Some(document));
    let all = load::load_text(&text, encoding, path, None);
    loaded.documents = all.documents;
    for d in &mut loaded.documents {
        d.shown = d.index == document;
    }
    Ok(build(loaded, path, bytes.len()))
}

/// Join blocks into the normalised text, then segment and extract.
pub fn build(mut loaded: Loaded, path: Option<&str>, size: usize) -> Release {
    let (text, blocks) = assemble(std::mem::take(&mut loaded.blocks));
    // the headline and dateline blocks, found once: the sections and the header both start from them
    let (sections, located) = {
        let _ascii = pattern::AsciiText::new(&text);
        let located = segment::locate(&text, &blocks, &loaded.meta);
        (segment::sections(&text, &blocks, &located), located)
    };
    let mut release = Release {
        source: Source {
            path: path.map(str::to_string),
            format: loaded.format,
            encoding: loaded.encoding,
            bytes: size,
            documents: loaded.documents,
        },
        text,
        headline: None,
        company: Company::default(),
        dateline: Dateline::default(),
        sections,
        facts: Vec::new(),
        quotes: Vec::new(),
        contacts: Vec::new(),
        deadlines: Vec::new(),
        flags: Vec::new(),
        kinds: Vec::new(),
        kind_evidence: Vec::new(),
        figures: Vec::new(),
        call: None,
        notices: loaded.notices,
    };
    extract::run(&mut release, &blocks, &loaded.meta, &located);
    release.clean_strings();
    release
}

/// Blocks are separated by a blank line; lines inside a block by one newline.
fn assemble(raw: Vec<load::RawBlock>) -> (String, Vec<Block>) {
    let total: usize = raw.iter().map(|b| b.text.len() + 2).sum();
    let mut text = String::with_capacity(total);
    let mut blocks = Vec::with_capacity(raw.len());
    for b in raw {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&b.text);
        blocks.push(Block {
            kind: b.kind,
            zone: b.zone,
            start,
            end: text.len(),
        });
    }
    (text, blocks)
}
