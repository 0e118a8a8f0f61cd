//! The panels: the release's sections grouped as a reader wants them, each turned into lines
//! once at load. Source lines remember where they stand in `Release::text`, so facts can be
//! highlighted by their byte spans.

use crate::release::{DeadlineKind, FactKind, Release, SectionKind};
use std::sync::Arc;

/// The text of a line: a slice of a shared buffer (the release's text, shared by every panel,
/// or the line's own), so a release of millions of lines costs no allocation and no copy per line.
#[derive(Clone)]
pub struct LineText {
    buf: Arc<str>,
    start: u32,
    end: u32,
}

impl LineText {
    /// `buf[start..end]`, shared; a line beyond 4 GiB gets its own copy.
    fn slice(buf: &Arc<str>, start: usize, end: usize) -> LineText {
        match (u32::try_from(start), u32::try_from(end)) {
            (Ok(s), Ok(e)) => LineText {
                buf: Arc::clone(buf),
                start: s,
                end: e,
            },
            _ => LineText::from(&buf[start..end]),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.buf[self.start as usize..self.end as usize]
    }
}

impl std::ops::Deref for LineText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for LineText {
    fn from(s: &str) -> LineText {
        LineText::from(s.to_string())
    }
}

impl From<String> for LineText {
    fn from(s: String) -> LineText {
        let end = u32::try_from(s.len()).unwrap_or(u32::MAX);
        let buf: Arc<str> = Arc::from(s);
        LineText { buf, start: 0, end }
    }
}

impl PartialEq for LineText {
    fn eq(&self, other: &LineText) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for LineText {}

impl std::fmt::Debug for LineText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelKind {
    Status,
    Quotes,
    Call,
    Risk,
    Contacts,
    About,
    Other,
    All,
}

impl PanelKind {
    pub const ALL: [PanelKind; 8] = [
        PanelKind::Status,
        PanelKind::Quotes,
        PanelKind::Call,
        PanelKind::Risk,
        PanelKind::Contacts,
        PanelKind::About,
        PanelKind::Other,
        PanelKind::All,
    ];

    pub fn title(self) -> &'static str {
        match self {
            PanelKind::Status => "Status update",
            PanelKind::Quotes => "Quotes",
            PanelKind::Call => "Call & replay",
            PanelKind::Risk => "Risk factors",
            PanelKind::Contacts => "Contacts",
            PanelKind::About => "About",
            PanelKind::Other => "Other",
            PanelKind::All => "All",
        }
    }

    fn sections(self) -> &'static [SectionKind] {
        match self {
            PanelKind::Status => &[SectionKind::Status],
            PanelKind::Quotes => &[SectionKind::Quote],
            PanelKind::Call => &[SectionKind::Call],
            PanelKind::Risk => &[SectionKind::Risk],
            PanelKind::Contacts => &[SectionKind::Contacts],
            PanelKind::About => &[SectionKind::About],
            PanelKind::Other => &[
                SectionKind::Trademarks,
                SectionKind::Financials,
                SectionKind::Other,
                SectionKind::Filing,
            ],
            PanelKind::All => &[],
        }
    }
}

/// How a line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineStyle {
    Body,
    /// A heading inside the text, or a quote's speaker.
    Title,
    /// A line of a structured card (call details, contact table).
    Card,
    /// The header row of a card or table.
    CardHead,
    /// A note about the input ("No text in this release").
    Notice,
    Rule,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    pub text: LineText,
    /// Byte offset of `text` in `Release::text`, for lines copied from the release.
    pub origin: Option<usize>,
    pub style: LineStyle,
}

impl DocLine {
    fn synthetic(text: impl Into<String>, style: LineStyle) -> DocLine {
        DocLine {
            text: LineText::from(text.into()),
            origin: None,
            style,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Panel {
    pub kind: PanelKind,
    pub lines: Vec<DocLine>,
    /// How many items the panel holds (paragraphs, quotes, contacts).
    pub count: usize,
    /// Byte ranges of the release text shown in this panel.
    pub ranges: Vec<(usize, usize)>,
}

impl Panel {
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Does this panel show the release text at `offset`?
    pub fn shows(&self, offset: usize) -> bool {
        self.ranges.iter().any(|(s, e)| *s <= offset && offset < *e)
    }
}

/// Push the lines of `text[start..end]`, tabs made spaces (same byte length). A line without a
/// tab is a slice of the shared text, not a copy.
fn push_source(lines: &mut Vec<DocLine>, text: &Arc<str>, start: usize, end: usize, title_lines: bool) {
    let mut pos = start;
    lines.reserve(text[start..end].bytes().filter(|&b| b == b'\n').count() + 1);
    for line in text[start..end].split('\n') {
        let style = if title_lines && is_heading_line(line) {
            LineStyle::Title
        } else {
            LineStyle::Body
        };
        let shown = if line.contains('\t') {
            LineText::from(line.replace('\t', " "))
        } else {
            LineText::slice(text, pos, pos + line.len())
        };
        lines.push(DocLine {
            text: shown,
            origin: Some(pos),
            style,
        });
        pos += line.len() + 1;
    }
}

fn is_heading_line(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && t.len() < 80
        && !t.ends_with('.')
        && !t.ends_with(',')
        && t.split_whitespace().count() <= 10
        && t.chars().next().is_some_and(char::is_uppercase)
}

fn paragraphs(text: &str, ranges: &[(usize, usize)]) -> usize {
    ranges
        .iter()
        .map(|(s, e)| text[*s..*e].split("\n\n").filter(|p| !p.trim().is_empty()).count())
        .sum()
}

fn source_panel(r: &Release, shared: &Arc<str>, kind: PanelKind) -> (Vec<DocLine>, Vec<(usize, usize)>) {
    let mut lines = Vec::new();
    let mut ranges = Vec::new();
    let wanted = kind.sections();
    for s in r.sections.iter().filter(|s| kind == PanelKind::All || wanted.contains(&s.kind)) {
        if kind == PanelKind::All && s.kind == SectionKind::Dateline {
            continue;
        }
        if !lines.is_empty() {
            lines.push(DocLine::synthetic("", LineStyle::Body));
        }
        if kind != PanelKind::All && s.title != s.kind.label() && !r.text[s.start..s.end].starts_with(&s.title) {
            lines.push(DocLine::synthetic(s.title.clone(), LineStyle::Title));
        }
        push_source(&mut lines, shared, s.start, s.end, true);
        ranges.push((s.start, s.end));
    }
    (lines, ranges)
}

fn pad(s: &str, w: usize) -> String {
    let n = unicode_width::UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(w.saturating_sub(n)))
}

/// The call card, from the release's call: when, the live dial-in, the replay's numbers, which
/// code is which, the webcast and the replay windows.
fn call_card(r: &Release, ranges: &[(usize, usize)]) -> Vec<DocLine> {
    let Some(call) = &r.call else { return Vec::new() };
    let inside = |o: usize| ranges.iter().any(|(s, e)| *s <= o && o < *e);
    // a number as the release writes it, where it can be found
    let written = |e164: &String| {
        r.facts
            .iter()
            .filter(|f| f.kind == FactKind::Phone && f.value.as_ref() == Some(e164))
            .min_by_key(|f| !inside(f.start))
            .map_or_else(|| e164.clone(), |f| f.text.clone())
    };
    let mut rows: Vec<(&str, String)> = Vec::new();
    if let Some(when) = call.when.label() {
        rows.push(("When", when));
    }
    let join = |phones: &[String]| phones.iter().map(written).collect::<Vec<_>>().join(", ");
    if !call.live.phones.is_empty() {
        rows.push(("Dial-in", join(&call.live.phones)));
    }
    if !call.replay.phones.is_empty() {
        rows.push(("Replay #", join(&call.replay.phones)));
    }
    let codes: Vec<String> = [(&call.live.code, "live"), (&call.replay.code, "replay")]
        .iter()
        .filter_map(|(c, which)| c.as_ref().map(|c| format!("{c} ({which})")))
        .collect();
    if !codes.is_empty() {
        rows.push(("Codes", codes.join(", ")));
    }
    if let Some(w) = &call.webcast {
        rows.push(("Webcast", w.clone()));
    }
    match (&call.replay.from, &call.replay.until) {
        (Some(f), Some(u)) => rows.push(("Replay", format!("from {f} until {u}"))),
        (None, Some(u)) => rows.push(("Replay", format!("until {u}"))),
        (Some(f), None) => rows.push(("Replay", format!("from {f}"))),
        (None, None) => {}
    }
    for d in r.deadlines.iter().filter(|d| d.what == DeadlineKind::WebcastReplay) {
        rows.push(("Replay", format!("{} {}", d.what.label().to_lowercase(), d.date)));
    }
    if rows.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<DocLine> = rows
        .into_iter()
        .map(|(k, v)| DocLine::synthetic(format!("{} {v}", pad(k, 8)), LineStyle::Card))
        .collect();
    out.push(DocLine::synthetic("", LineStyle::Rule));
    out
}

/// The contact table: role, name, phone, e-mail.
fn contact_table(r: &Release) -> Vec<DocLine> {
    if r.contacts.is_empty() {
        return Vec::new();
    }
    let rows: Vec<[String; 4]> = r
        .contacts
        .iter()
        .map(|c| {
            [
                c.role.clone().unwrap_or_default(),
                c.name.clone(),
                c.phones.join(", "),
                c.emails.join(", "),
            ]
        })
        .collect();
    let head = ["Role", "Name", "Phone", "Email"];
    let width = |i: usize| {
        rows.iter()
            .map(|r| unicode_width::UnicodeWidthStr::width(r[i].as_str()))
            .chain([head[i].len()])
            .max()
            .unwrap_or(0)
    };
    let w = [width(0), width(1), width(2)];
    let fmt = |c: [&str; 4]| {
        format!("{}  {}  {}  {}", pad(c[0], w[0]), pad(c[1], w[1]), pad(c[2], w[2]), c[3])
            .trim_end()
            .to_string()
    };
    let mut out = vec![DocLine::synthetic(fmt(head), LineStyle::CardHead)];
    for row in &rows {
        out.push(DocLine::synthetic(fmt([&row[0], &row[1], &row[2], &row[3]]), LineStyle::Card));
    }
    out.push(DocLine::synthetic("", LineStyle::Rule));
    out
}

fn quotes_panel(r: &Release, shared: &Arc<str>) -> (Vec<DocLine>, Vec<(usize, usize)>, usize) {
    if r.quotes.is_empty() {
        let (l, ranges) = source_panel(r, shared, PanelKind::Quotes);
        let n = paragraphs(&r.text, &ranges);
        return (l, ranges, n);
    }
    let mut lines = Vec::new();
    let mut ranges = Vec::new();
    for q in &r.quotes {
        if !lines.is_empty() {
            lines.push(DocLine::synthetic("", LineStyle::Body));
        }
        let title = q.title.as_deref().map(|t| format!(" \u{2014} {t}")).unwrap_or_default();
        lines.push(DocLine::synthetic(format!("{}{title}", q.speaker), LineStyle::Title));
        push_source(&mut lines, shared, q.start, q.end, false);
        ranges.push((q.start, q.end));
    }
    (lines, ranges, r.quotes.len())
}

/// Build every panel of a release.
pub fn build(r: &Release) -> Vec<Panel> {
    // one copy of the text, shared by the lines of every panel
    let shared: Arc<str> = Arc::from(r.text.as_str());
    let notices: Vec<DocLine> = r.notices.iter().map(|n| DocLine::synthetic(n.clone(), LineStyle::Notice)).collect();
    PanelKind::ALL
        .iter()
        .map(|&kind| {
            let (mut lines, ranges, mut count) = match kind {
                PanelKind::Quotes => quotes_panel(r, &shared),
                _ => {
                    let (l, ranges) = source_panel(r, &shared, kind);
                    let n = paragraphs(&r.text, &ranges);
                    (l, ranges, n)
                }
            };
            match kind {
                PanelKind::Call => {
                    let mut card = call_card(r, &ranges);
                    card.append(&mut lines);
                    lines = card;
                }
                PanelKind::Contacts => {
                    let mut table = contact_table(r);
                    if !r.contacts.is_empty() {
                        count = r.contacts.len();
                    }
                    table.append(&mut lines);
                    lines = table;
                }
                PanelKind::Status | PanelKind::All if !notices.is_empty() => {
                    let mut n = notices.clone();
                    n.push(DocLine::synthetic("", LineStyle::Body));
                    n.append(&mut lines);
                    lines = n;
                    count = count.max(1);
                }
                _ => {}
            }
            Panel {
                kind,
                lines,
                count,
                ranges,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> Release {
        crate::release::parse(crate::BUNDLED.as_bytes(), None).expect("seed parses")
    }

    #[test]
    fn seed_panels_are_filled() {
        let panels = build(&seed());
        for p in &panels {
            assert!(!p.is_empty(), "{:?} is empty", p.kind);
        }
        let call = &panels[2];
        assert!(
            call.lines[0].text.starts_with("When     2004-03-29 08:30 ET"),
            "{:?}",
            call.lines[0]
        );
        assert!(
            call.lines.iter().any(|l| l.text.as_str() == "Codes    21190372 (replay)"),
            "{:?}",
            call.lines
        );
        assert!(
            call.lines
                .iter()
                .any(|l| l.text.as_str() == "Replay # +1-402-977-9140, +1-800-633-8284")
        );
        assert!(call.lines.iter().any(|l| l.text.as_str() == "Replay   until 2004-04-12"));
        let contacts = &panels[4];
        assert!(contacts.lines[0].text.starts_with("Role"));
        assert!(contacts.lines[1].text.contains("Jocelyn Philbrook"));
        assert!(panels[1].lines[0].text.starts_with("Hassan Ahmed \u{2014} president and CEO"));
    }

    #[test]
    fn source_lines_point_into_the_text() {
        let r = seed();
        for p in build(&r) {
            for l in p.lines.iter().filter(|l| l.origin.is_some()) {
                let o = l.origin.unwrap_or(0);
                assert_eq!(&r.text[o..o + l.text.len()], l.text.as_str());
            }
        }
    }
}
