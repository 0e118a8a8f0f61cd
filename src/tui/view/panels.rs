//! The panels: the release's sections grouped as a reader wants them, each turned into lines
//! once at load. Source lines remember where they stand in `Release::text`, so facts can be
//! highlighted by their byte spans.

use crate::release::{DeadlineKind, FactKind, Release, SectionKind};
use std::sync::Arc;

/// Offsets of a line are kept in 32 bits: the viewer shows a text's first 4 GiB.
const REACH: usize = u32::MAX as usize;

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

/// One line of a panel, as drawn: a slice of the release's text (tabs shown as spaces) or of a
/// line the viewer made (a card, a title).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocLine<'a> {
    pub text: &'a str,
    /// Byte offset of `text` in `Release::text`, for lines of the release.
    pub origin: Option<usize>,
    pub style: LineStyle,
}

/// The release's text as the viewer shows it (a tab as a space, of the same byte length, so
/// offsets still point into the release's text), and where each of its lines starts: 4 bytes a
/// line, once for every panel.
#[derive(Debug)]
pub struct Shared {
    text: Box<str>,
    line_starts: Vec<u32>,
}

impl Shared {
    fn new(text: &str) -> Shared {
        let text: Box<str> = if text.contains('\t') {
            text.replace('\t', " ").into_boxed_str()
        } else {
            text.into()
        };
        let shown = &text[..crate::release::text::floor_boundary(&text, REACH)];
        let mut line_starts = Vec::with_capacity(shown.bytes().filter(|&b| b == b'\n').count() + 1);
        line_starts.push(0);
        line_starts.extend(shown.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| (i + 1) as u32));
        Shared { text, line_starts }
    }

    /// The line holding byte `at`.
    fn line_of(&self, at: usize) -> usize {
        self.line_starts.partition_point(|&s| s as usize <= at).saturating_sub(1)
    }

    /// Byte range of line `g`, without its newline.
    fn line(&self, g: usize) -> (usize, usize) {
        let start = self.line_starts[g] as usize;
        let end = self.line_starts.get(g + 1).map_or(self.text.len().min(REACH), |&n| n as usize - 1);
        (start, end)
    }
}

/// A run of a panel's lines: the lines of a span of the release's text, or made lines.
#[derive(Debug, Clone, Copy)]
struct Run {
    /// The panel's index of the run's first line.
    at: usize,
    count: usize,
    what: RunKind,
}

#[derive(Debug, Clone, Copy)]
enum RunKind {
    /// `text[start..end]`, from its line `first` on; headings styled as titles when `titles`.
    Source {
        start: usize,
        end: usize,
        first: usize,
        titles: bool,
    },
    /// Made lines `first..first + count` of the panel's own.
    Own { first: usize },
}

/// The lines of a panel: runs of the release's lines (shared by every panel, nothing copied and
/// nothing kept per line) and the panel's own lines (cards, titles, notices).
#[derive(Debug, Clone)]
pub struct Lines {
    shared: Arc<Shared>,
    own: Vec<Owned>,
    runs: Vec<Run>,
    len: usize,
}

impl Lines {
    fn new(shared: &Arc<Shared>) -> Lines {
        Lines {
            shared: Arc::clone(shared),
            own: Vec::new(),
            runs: Vec::new(),
            len: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Line `i`; panics past the end, as indexing does.
    pub fn get(&self, i: usize) -> DocLine<'_> {
        assert!(i < self.len, "line {i} of {}", self.len);
        let run = self.runs[self.runs.partition_point(|r| r.at <= i) - 1];
        let j = i - run.at;
        match run.what {
            RunKind::Own { first } => {
                let l = &self.own[first + j];
                DocLine {
                    text: &l.text,
                    origin: None,
                    style: l.style,
                }
            }
            RunKind::Source { start, end, first, titles } => {
                let (ls, le) = self.shared.line(first + j);
                let (s, e) = (ls.max(start), le.min(end));
                let text = &self.shared.text[s..e.max(s)];
                let style = if titles && is_heading_line(text) {
                    LineStyle::Title
                } else {
                    LineStyle::Body
                };
                DocLine {
                    text,
                    origin: Some(s),
                    style,
                }
            }
        }
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = DocLine<'_>> + ExactSizeIterator + '_ {
        (0..self.len).map(|i| self.get(i))
    }

    fn push_run(&mut self, count: usize, what: RunKind) {
        if count == 0 {
            return;
        }
        self.runs.push(Run { at: self.len, count, what });
        self.len += count;
    }

    fn push_own(&mut self, text: &str, style: LineStyle) {
        let first = self.own.len();
        self.own.push(Owned::synthetic(text, style));
        match self.runs.last_mut() {
            Some(r) if matches!(r.what, RunKind::Own { first: f } if f + r.count == first) => {
                r.count += 1;
                self.len += 1;
            }
            _ => self.push_run(1, RunKind::Own { first }),
        }
    }

    /// Put made lines (a card) above the lines already there.
    fn prepend(&mut self, lines: &[Owned]) {
        if lines.is_empty() {
            return;
        }
        let first = self.own.len();
        self.own.extend(lines.iter().cloned());
        let n = lines.len();
        for r in &mut self.runs {
            r.at += n;
        }
        self.runs.insert(
            0,
            Run {
                at: 0,
                count: n,
                what: RunKind::Own { first },
            },
        );
        self.len += n;
    }

    /// Push the lines of `text[start..end]`.
    fn push_source(&mut self, start: usize, end: usize, titles: bool) {
        let end = end.min(self.shared.text.len()).min(REACH);
        let start = start.min(end);
        let count = self.shared.text.as_bytes()[start..end].iter().filter(|&&b| b == b'\n').count() + 1;
        let first = self.shared.line_of(start);
        self.push_run(count, RunKind::Source { start, end, first, titles });
    }
}

/// A line the viewer makes (a card's row, a title), before it joins a panel's lines.
#[derive(Debug, Clone)]
struct Owned {
    text: String,
    style: LineStyle,
}

impl Owned {
    fn synthetic(text: impl Into<String>, style: LineStyle) -> Owned {
        Owned { text: text.into(), style }
    }
}

#[derive(Debug, Clone)]
pub struct Panel {
    pub kind: PanelKind,
    pub lines: Lines,
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

fn source_panel(r: &Release, shared: &Arc<Shared>, kind: PanelKind) -> (Lines, Vec<(usize, usize)>) {
    let mut lines = Lines::new(shared);
    let mut ranges = Vec::new();
    let wanted = kind.sections();
    for s in r.sections.iter().filter(|s| kind == PanelKind::All || wanted.contains(&s.kind)) {
        if kind == PanelKind::All && s.kind == SectionKind::Dateline {
            continue;
        }
        if !lines.is_empty() {
            lines.push_own("", LineStyle::Body);
        }
        if kind != PanelKind::All && s.title != s.kind.label() && !r.text[s.start..s.end].starts_with(&s.title) {
            lines.push_own(&s.title, LineStyle::Title);
        }
        lines.push_source(s.start, s.end, true);
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
fn call_card(r: &Release, ranges: &[(usize, usize)]) -> Vec<Owned> {
    let Some(call) = &r.call else { return Vec::new() };
    let inside = |o: usize| ranges.iter().any(|(s, e)| *s <= o && o < *e);
    // a number as the release writes it, where it can be found
    let written = |e164: &String| {
        r.facts
            .iter()
            .filter(|f| f.kind == FactKind::Phone && f.value.as_deref() == Some(e164.as_str()))
            .min_by_key(|f| !inside(f.start))
            .map_or_else(|| e164.clone(), |f| f.text(&r.text).to_string())
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
    let mut out: Vec<Owned> = rows
        .into_iter()
        .map(|(k, v)| Owned::synthetic(format!("{} {v}", pad(k, 8)), LineStyle::Card))
        .collect();
    out.push(Owned::synthetic("", LineStyle::Rule));
    out
}

/// The Status panel's card (see `cards`): fields as "Label    value", the figures as a table.
fn status_card(r: &Release) -> Vec<Owned> {
    use super::cards::CardRow;
    let rows = super::cards::status_card(r);
    if rows.is_empty() {
        return Vec::new();
    }
    let width = |i: usize| {
        rows.iter()
            .filter_map(|row| match row {
                CardRow::Head(c) | CardRow::Cells(c) => c.get(i).map(|x| unicode_width::UnicodeWidthStr::width(x.as_str())),
                CardRow::Field(..) => None,
            })
            .max()
            .unwrap_or(0)
    };
    let w = [width(0), width(1), width(2)];
    let table = |c: &[String]| {
        let cell = |i: usize| c.get(i).map_or("", String::as_str);
        format!(
            "{}  {}  {}  {}",
            pad(cell(0), w[0]),
            pad(cell(1), w[1]),
            pad(cell(2), w[2]),
            cell(3)
        )
        .trim_end()
        .to_string()
    };
    let mut out: Vec<Owned> = rows
        .iter()
        .map(|row| match row {
            CardRow::Field(k, v) => Owned::synthetic(format!("{} {v}", pad(k, 9)), LineStyle::Card),
            CardRow::Head(c) => Owned::synthetic(table(c), LineStyle::CardHead),
            CardRow::Cells(c) => Owned::synthetic(table(c), LineStyle::Card),
        })
        .collect();
    out.push(Owned::synthetic("", LineStyle::Rule));
    out
}

/// The contact table: role, name, phone, e-mail.
fn contact_table(r: &Release) -> Vec<Owned> {
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
    let mut out = vec![Owned::synthetic(fmt(head), LineStyle::CardHead)];
    for row in &rows {
        out.push(Owned::synthetic(fmt([&row[0], &row[1], &row[2], &row[3]]), LineStyle::Card));
    }
    out.push(Owned::synthetic("", LineStyle::Rule));
    out
}

fn quotes_panel(r: &Release, shared: &Arc<Shared>) -> (Lines, Vec<(usize, usize)>, usize) {
    if r.quotes.is_empty() {
        let (l, ranges) = source_panel(r, shared, PanelKind::Quotes);
        let n = paragraphs(&r.text, &ranges);
        return (l, ranges, n);
    }
    let mut lines = Lines::new(shared);
    let mut ranges = Vec::new();
    for q in &r.quotes {
        if !lines.is_empty() {
            lines.push_own("", LineStyle::Body);
        }
        let title = q.title.as_deref().map(|t| format!(" \u{2014} {t}")).unwrap_or_default();
        lines.push_own(&format!("{}{title}", q.speaker), LineStyle::Title);
        lines.push_source(q.start, q.end, false);
        ranges.push((q.start, q.end));
    }
    (lines, ranges, r.quotes.len())
}

/// Build every panel of a release.
pub fn build(r: &Release) -> Vec<Panel> {
    // one copy of the text and its lines, shared by every panel
    let shared = Arc::new(Shared::new(&r.text));
    let mut notices: Vec<Owned> = r.notices.iter().map(|n| Owned::synthetic(n.clone(), LineStyle::Notice)).collect();
    if r.text.len() > REACH {
        notices.push(Owned::synthetic(
            "The viewer shows the first 4 GiB of this text.",
            LineStyle::Notice,
        ));
    }
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
                PanelKind::Call => lines.prepend(&call_card(r, &ranges)),
                PanelKind::Contacts => {
                    if !r.contacts.is_empty() {
                        count = r.contacts.len();
                    }
                    lines.prepend(&contact_table(r));
                }
                PanelKind::Status => {
                    let mut card = status_card(r);
                    if !notices.is_empty() {
                        card.extend(notices.iter().cloned());
                        card.push(Owned::synthetic("", LineStyle::Body));
                        count = count.max(1);
                    }
                    lines.prepend(&card);
                }
                PanelKind::All if !notices.is_empty() => {
                    let mut n = notices.clone();
                    n.push(Owned::synthetic("", LineStyle::Body));
                    lines.prepend(&n);
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
            call.lines.get(0).text.starts_with("When     2004-03-29 08:30 ET"),
            "{:?}",
            call.lines.get(0)
        );
        assert!(
            call.lines.iter().any(|l| l.text == "Codes    21190372 (replay)"),
            "{:?}",
            call.lines.iter().collect::<Vec<_>>()
        );
        assert!(call.lines.iter().any(|l| l.text == "Replay # +1-402-977-9140, +1-800-633-8284"));
        assert!(call.lines.iter().any(|l| l.text == "Replay   until 2004-04-12"));
        let contacts = &panels[4];
        assert!(contacts.lines.get(0).text.starts_with("Role"));
        assert!(contacts.lines.get(1).text.contains("Jocelyn Philbrook"));
        assert!(panels[1].lines.get(0).text.starts_with("Hassan Ahmed \u{2014} president and CEO"));
    }

    #[test]
    fn source_lines_point_into_the_text() {
        let r = seed();
        for p in build(&r) {
            for l in p.lines.iter().filter(|l| l.origin.is_some()) {
                let o = l.origin.unwrap_or(0);
                assert_eq!(&r.text[o..o + l.text.len()], l.text);
            }
        }
    }
}
