//! Blocks to sections. Headings name what follows them ("About Sonus Networks", "Forward-Looking
//! Statements", "Conference Call"); where a release has no heading, a paragraph's content decides
//! (a quotation with "said", dial-in details, the safe-harbor language, a contact block).

use super::load::{BlockKind, Meta, Zone};
use super::model::{Section, SectionKind};
use super::{Block, dateline, text::floor_boundary};
use crate::release::pattern::Pattern;
use std::sync::LazyLock;

/// A date written out, for finding datelines (the fact pass does the real parsing).
static DATE_HINT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Za-z]*\.?\s+[0-9]{1,2}(?:st|nd|rd|th)?(?:,?\s+[0-9]{4})?",
    )
});

/// A ticker in parentheses: "(NYSE: SO)", "(Nasdaq: SONS)".
pub static TICKER_PAREN: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"\((?i:nasdaq|nyse|amex|otc)[A-Za-z /]{0,30}:\s?[A-Z]{1,6}(?:\.[A-Z]{1,2})?\)"));

static SAID: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)(?-u:\b)(?:said|says|stated|added|commented|noted|continued|explained|remarked|observed|according\s+to)(?-u:\b)|(?m:^)[—–]\s*[A-Z]",
    )
});

static PHONE_HINT: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?:\(?(?-u:\b)[0-9]{3}\)?[ .-]?[0-9]{3}[ .-][0-9]{4}(?-u:\b)|\+\s?[0-9]{1,3}[ .-]?\(?[0-9])"));

/// Where the headline and the dateline paragraph are (indices into the blocks).
#[derive(Debug, Clone, Copy, Default)]
pub struct Located {
    pub headline: Option<usize>,
    pub dateline: Option<usize>,
    /// The headline's text within its block (a masthead block of lines holds more than the title).
    pub headline_range: Option<(usize, usize)>,
}

fn head(text: &str, n: usize) -> &str {
    &text[..floor_boundary(text, n)]
}

/// Does this paragraph open with a dateline? Returns where the dateline's own text ends.
pub fn dateline_end(p: &str) -> Option<usize> {
    dateline::read(p).map(|f| f.end)
}

/// Lines that head a release but are not its headline.
pub(crate) fn is_masthead(t: &str) -> bool {
    let l = t.trim().to_ascii_lowercase();
    let l = l.trim_matches(|c: char| !c.is_alphanumeric());
    // A relay's "(11:00 GMT) Press Release: Acme Reports..." carries the headline.
    if dateline::relay_wrapper_end(t).is_some() {
        return false;
    }
    l.is_empty()
        || l.starts_with("exhibit")
        || l.starts_with("ex-99")
        || l.contains("for immediate release")
        || l.starts_with("news release")
        || l.starts_with("press release")
        || l == "news"
        || l == "release"
        || l.starts_with("media release")
        || l.starts_with("investor relations")
        || l.starts_with("contact")
        || l.starts_with("for release")
        || l.starts_with("embargoed")
        || l.starts_with("page ")
        || l.starts_with("financial news")
        || l.starts_with("press information")
        || l.starts_with("date:")
        || l.starts_with("rns number")
        || t.trim().starts_with('(') && t.trim().ends_with(')')
        || l.starts_with("index to exhibits")
        || l.starts_with("dated:")
        || is_filing_furniture(l)
        || l.contains('@')
        || l.chars().filter(char::is_ascii_digit).count() * 3 > l.len()
        || DATE_HINT.find(l).is_some_and(|m| m.len() + 12 >= l.len())
        || dateline::wire_name_line(t).is_some()
        || is_name_line(t.trim())
        || is_document_label(l)
}

/// Corporate suffixes that end a company's name.
const SUFFIXES: &[&str] = &[
    "inc",
    "inc.",
    "corp",
    "corp.",
    "corporation",
    "co.",
    "company",
    "ltd",
    "ltd.",
    "limited",
    "plc",
    "llc",
    "l.p.",
    "lp",
    "n.v.",
    "s.a.",
    "ag",
    "se",
    "holdings",
    "group",
    "incorporated",
];

/// A line that is only a company's name ("Caterpillar Inc.", "The Buckle, Inc."): letterhead, not a title.
pub(crate) fn is_name_line(t: &str) -> bool {
    // seven words are enough to tell (a name line has at most six)
    let words: Vec<&str> = t.split_whitespace().take(7).collect();
    (1..=6).contains(&words.len())
        && words.last().is_some_and(|w| SUFFIXES.contains(&w.to_ascii_lowercase().trim_end_matches(',')))
        && words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase() || c == '&' || c == '('))
        // "CISCO SYSTEMS TO ACQUIRE COMBINET INC." says something: a title.
        && !words.iter().any(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "to" | "acquire" | "acquires" | "announces" | "reports" | "completes" | "names" | "agrees" | "signs" | "declares" | "files"
            )
        })
}

/// "1Q 2022 Earnings Release", "Quarterly Report": what the document is, not what it says.
fn is_document_label(l: &str) -> bool {
    l.split_whitespace().count() <= 5 && (l.ends_with(" release") || l.ends_with(" news") || l.ends_with(" announcement"))
}

/// Cover-page and signature language of an SEC form that wraps a press release.
fn is_filing_furniture(l: &str) -> bool {
    let l = l.to_lowercase();
    [
        "securities and exchange commission",
        "washington, d.c",
        "washington, dc",
        "exchange act of 1934",
        "registrant",
        "form 8-k",
        "form 6-k",
        "current report",
        "report of foreign",
        "pursuant to",
        "exact name of registrant",
        "commission file",
        "duly authorized",
        "signature",
        "/s/",
        "united states",
        "date of report",
        "check the appropriate box",
        "former name",
        "former address",
        "former fiscal year",
    ]
    .iter()
    .any(|w| l.contains(w))
}

/// Is the block at `i` a dateline? A place-and-date line alone ("NEW YORK, Feb. 13, 2025") is one
/// only under a wire's name line or when the place is written in capitals, as datelines are.
fn is_dateline(text: &str, blocks: &[Block], release: &[usize], at: usize) -> bool {
    let i = release[at];
    let b = blocks[i];
    if b.kind == BlockKind::Lines {
        return false;
    }
    let p = &text[b.start..b.end];
    let Some(f) = dateline::read(p) else { return false };
    if f.shape.layout != dateline::Layout::PlaceDateLine {
        return true;
    }
    let capitals = f
        .place(p)
        .and_then(|pl| pl.split_whitespace().next())
        .is_some_and(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase));
    capitals || wire_line_above(text, blocks, release, at).is_some()
}

/// The wire named on a line of its own just above the dateline block (the current PR Newswire layout).
pub fn wire_line_above(text: &str, blocks: &[Block], release: &[usize], at: usize) -> Option<&'static str> {
    release[at.saturating_sub(3)..at]
        .iter()
        .rev()
        .find_map(|&j| dateline::wire_name_line(&text[blocks[j].start..blocks[j].end]))
}

/// The indices of the release's first blocks, where the masthead and dateline stand.
pub fn head_blocks(blocks: &[Block]) -> Vec<usize> {
    (0..blocks.len()).filter(|&i| blocks[i].zone == Zone::Release).take(40).collect()
}

/// Find the headline and dateline blocks among the first blocks of the release.
pub fn locate(text: &str, blocks: &[Block], meta: &Meta) -> Located {
    let release = head_blocks(blocks);
    let dateline = (0..release.len())
        .find(|&at| is_dateline(text, blocks, &release, at))
        .map(|at| release[at]);
    // When a form's cover page and signature come first, the release starts after them.
    let before: Vec<usize> = release.iter().copied().take_while(|&i| Some(i) != dateline).collect();
    let skip = match dateline {
        Some(_) => before
            .iter()
            .rposition(|&i| is_filing_furniture(&text[blocks[i].start..blocks[i].end]))
            .map_or(0, |p| p + 1),
        None => 0,
    };
    let candidate = |&i: &usize| {
        let b = blocks[i];
        let t = &text[b.start..b.end];
        b.kind != BlockKind::Lines && !is_masthead(t) && t.len() <= 300 && !is_section_title(t)
    };
    // A release's own masthead: the first title (a sub-headline may follow). After a form's
    // cover page and signature: the title right above the dateline.
    let mut headline = if skip > 0 {
        before.iter().copied().skip(skip).rfind(candidate)
    } else {
        before.iter().copied().find(candidate)
    };
    let mut headline_range = headline.map(|i| (blocks[i].start, blocks[i].end));
    if headline.is_none() {
        // A masthead block of lines ("PRESS RELEASES" / "CISCO SYSTEMS TO ACQUIRE COMBINET INC."):
        // its last line is the title when the lines above it are masthead.
        if let Some(&i) = before
            .iter()
            .skip(skip)
            .rev()
            .find(|&&i| text[blocks[i].start..blocks[i].end].trim().contains('\n'))
        {
            let b = blocks[i];
            let t = &text[b.start..b.end];
            // a title under at most three masthead lines: five lines are enough to tell
            let lines: Vec<&str> = t.lines().take(5).collect();
            if let Some((last, rest)) = lines.split_last() {
                let title = last.trim();
                if lines.len() <= 4
                    && !rest.is_empty()
                    && rest.iter().all(|l| is_masthead(l))
                    && !is_masthead(title)
                    && !is_section_title(title)
                    && title.split_whitespace().count() >= 3
                {
                    let start = b.start + t.rfind(title).unwrap_or(0);
                    headline = Some(i);
                    headline_range = Some((start, start + title.len()));
                }
            }
        }
    }
    if headline.is_none() {
        // No dateline, or nothing before it: the title from metadata, or the first heading.
        if let Some(title) = &meta.title {
            headline = release
                .iter()
                .copied()
                .find(|&i| text[blocks[i].start..blocks[i].end].trim() == title.trim());
        }
        if headline.is_none() {
            headline = release.iter().copied().find(|&i| {
                let t = &text[blocks[i].start..blocks[i].end];
                blocks[i].kind == BlockKind::Heading && !is_masthead(t) && !is_section_title(t)
            });
        }
        headline_range = headline.map(|i| (blocks[i].start, blocks[i].end));
    }
    Located {
        headline,
        dateline,
        headline_range,
    }
}

/// A section's own title ("About Acme", "Forward-Looking Statements", "Investor Contacts"), a
/// table caption or a contact line: never a release's headline.
pub(crate) fn is_section_title(t: &str) -> bool {
    let t = t.trim();
    let words = t.split_whitespace().count();
    let short = match heading_kind(t) {
        Some(SectionKind::Call) => words <= 3,
        Some(SectionKind::About) => true,
        Some(_) => words <= 6,
        None => false,
    };
    short || has_contact_data(t) && t.len() < 200
}

/// The title of a financial statement or schedule.
fn is_statement_title(t: &str) -> bool {
    let l = t.to_lowercase();
    let has = |w: &[&str]| w.iter().any(|x| l.contains(x));
    has(&[
        "balance sheet",
        "statements of operations",
        "statement of operations",
        "statements of income",
        "statement of income",
        "statements of cash flows",
        "statement of cash flows",
        "statements of comprehensive",
        "selected financial data",
        "reconciliation of",
        "(in millions",
        "(in thousands",
        "in millions of dollars",
        "(unaudited)",
    ]) || (has(&["consolidated"]) && has(&["statement", "schedule", "results", "summary"]) && !l.trim_end().ends_with('.'))
}

fn heading_kind(t: &str) -> Option<SectionKind> {
    let l = t.to_lowercase();
    let l = l.trim().trim_end_matches(':');
    let has = |w: &[&str]| w.iter().any(|x| l.contains(x));
    if l.starts_with("about ") || l == "about" || has(&["company profile", "corporate profile", "company overview"]) {
        Some(SectionKind::About)
    } else if has(&[
        "forward-looking",
        "forward looking",
        "safe harbor",
        "safe harbour",
        "cautionary",
        "risk factors",
        "special note",
    ]) {
        Some(SectionKind::Risk)
    } else if has(&[
        "conference call",
        "webcast",
        "replay",
        "teleconference",
        "earnings call",
        "dial-in",
        "dial in",
        "to listen",
        "call information",
        "investor call",
        "live call",
    ]) {
        Some(SectionKind::Call)
    } else if has(&[
        "contact",
        "media relations",
        "investor relations",
        "for more information",
        "investor inquiries",
        "media inquiries",
    ]) || l == "media"
        || l == "investors"
    {
        Some(SectionKind::Contacts)
    } else if has(&["trademark"]) {
        Some(SectionKind::Trademarks)
    } else if is_statement_title(l) {
        Some(SectionKind::Financials)
    } else if has(&[
        "non-gaap",
        "additional information",
        "notes to editor",
        "about non",
        "legal notice",
        "disclaimer",
    ]) {
        Some(SectionKind::Other)
    } else {
        None
    }
}

/// A table of three or more columns with figures in it.
fn is_grid(t: &str) -> bool {
    let (lines, wide) = t.lines().fold((0usize, 0usize), |(n, wide), l| {
        (
            n + 1,
            wide + usize::from(l.split("  ").filter(|c| !c.trim().is_empty()).count() >= 3),
        )
    });
    lines >= 3 && wide * 2 >= lines && t.chars().any(|c| c.is_ascii_digit())
}

/// Numbers make up much of the block: a table of figures.
fn is_numeric_table(t: &str) -> bool {
    let (tokens, numeric) = if t.is_ascii() { ascii_word_counts(t) } else { word_counts(t) };
    tokens >= 6 && numeric * 10 >= tokens * 3
}

/// Of the first 400 words, how many there are and how many are numeric (at most one letter, and a digit).
fn word_counts(t: &str) -> (usize, usize) {
    let (mut tokens, mut numeric) = (0usize, 0usize);
    for w in t.split_whitespace().take(400) {
        tokens += 1;
        let letters = if w.is_ascii() {
            w.bytes().filter(u8::is_ascii_alphabetic).count()
        } else {
            w.chars().filter(|c| c.is_alphabetic()).count()
        };
        if letters <= 1 && w.bytes().any(|b| b.is_ascii_digit()) {
            numeric += 1;
        }
    }
    (tokens, numeric)
}

/// [`word_counts`] of an ASCII text in one pass over its bytes, no word cut out.
fn ascii_word_counts(t: &str) -> (usize, usize) {
    let (mut tokens, mut numeric) = (0usize, 0usize);
    let (mut letters, mut digit, mut in_word) = (0usize, false, false);
    for &b in t.as_bytes() {
        // char::is_whitespace on ASCII: space, tab, line feed, vertical tab, form feed, return
        if matches!(b, b' ' | b'\t'..=b'\r') {
            if in_word {
                tokens += 1;
                numeric += usize::from(letters <= 1 && digit);
                (letters, digit, in_word) = (0, false, false);
                if tokens == 400 {
                    return (tokens, numeric);
                }
            }
            continue;
        }
        in_word = true;
        letters += usize::from(b.is_ascii_alphabetic());
        digit |= b.is_ascii_digit();
    }
    if in_word {
        tokens += 1;
        numeric += usize::from(letters <= 1 && digit);
    }
    (tokens, numeric)
}

fn has_contact_data(t: &str) -> bool {
    let h = head(t, 3000);
    h.contains('@') || PHONE_HINT.is_match(h) && t.lines().count() <= 20
}

/// A label line of a contact block: "Contact:", "Caterpillar investor relations contact:",
/// "Press Contacts:" within the first words (60 characters) of a line; or a block that opens
/// with "Contact " ("Contacts Investors: ...").
fn contact_label(t: &str) -> bool {
    let opens = |l: &str| {
        l.get(..7).is_some_and(|w| w.eq_ignore_ascii_case("contact")) && {
            let rest = &l[7..];
            rest.strip_prefix(['s', 'S']).unwrap_or(rest).starts_with([' ', '\t'])
        }
    };
    if opens(t) {
        return true;
    }
    t.split('\n').any(|line| {
        let head = &line[..line.find(':').unwrap_or(line.len())];
        let lower = head.to_ascii_lowercase();
        lower.match_indices("contact").any(|(i, _)| {
            let bounded = !lower[..i].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_');
            let rest = &lower[i + 7..];
            let rest = rest.strip_prefix('s').unwrap_or(rest);
            // the label ends the line's head: nothing but blanks before its colon
            bounded && head.len() < line.len() && rest.trim_matches([' ', '\t']).is_empty() && head[..i].chars().count() <= 60
        })
    })
}

/// Labelled phone and e-mail in one block ("Tel.: +49 89 41 31 38-29E-mail: investors@...").
static PHONE_LABEL: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"(?i)(?:tel|phone|telephone|mobile|direct)\.?[ \t]*:"));
static EMAIL_LABEL: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"(?i)e-?mail[ \t]*:"));

/// A short block of contact data, even where its digits would make it look like a table:
/// lines with an e-mail address ("Rhona Hamilton / Apple / (408) 974-6439 / hamilton@apple.com"),
/// or a short paragraph or lines under a contact label.
fn is_contact_block(t: &str, kind: BlockKind) -> bool {
    if t.len() > 600 || !has_contact_data(t) {
        return false;
    }
    let lines = t.lines().count();
    contact_label(t) && (kind == BlockKind::Lines || t.len() < 300)
        || kind == BlockKind::Lines && lines <= 12 && t.contains('@')
        || t.len() < 400 && PHONE_LABEL.is_match(t) && EMAIL_LABEL.is_match(t)
}

/// Characters inside quotation marks.
fn quote_len(t: &str) -> usize {
    let mut inside = false;
    let mut n = 0;
    for c in t.chars() {
        match c {
            '“' => inside = true,
            '”' => inside = false,
            '"' => inside = !inside,
            _ if inside => n += 1,
            _ => {}
        }
    }
    n
}

/// An attribution verb within reach of a quotation mark.
fn attributed_quote(t: &str) -> bool {
    let h = head(t, 4000);
    quote_len(h) >= 25
        && SAID.find_iter(h).any(|m| {
            let a = floor_boundary(h, m.start().saturating_sub(120));
            let b = floor_boundary(h, (m.end() + 120).min(h.len()));
            h[a..b].contains(['“', '”', '"'])
        })
}

/// Content cues for one block, strongest first.
fn content_kind(t: &str, kind: BlockKind) -> Option<SectionKind> {
    let l = head(t, 1500).to_lowercase();
    let starts = |w: &[&str]| w.iter().any(|x| l.starts_with(x));
    if starts(&[
        "contact:",
        "contacts:",
        "/contact:",
        "media contact",
        "investor contact",
        "investor relations contact",
        "press contact",
        "press information contact",
        "[press information",
        "source:",
        "source ",
        "for further information",
        "for more information, contact",
        "for more information contact",
        "media inquiries",
        "investor inquiries",
        "investors:",
        "media:",
    ]) && has_contact_data(t)
    {
        return Some(SectionKind::Contacts);
    }
    if is_contact_block(t, kind) {
        return Some(SectionKind::Contacts);
    }
    if l.contains("forward-looking statement")
        || l.contains("forward looking statement")
        || l.contains("safe harbor")
        || l.contains("private securities litigation reform act")
        || l.contains("cautionary statement")
        || (l.contains("risks and uncertainties") && (l.contains("actual results") || l.contains("differ materially")))
    {
        return Some(SectionKind::Risk);
    }
    if l.contains("trademark")
        && (l.contains("registered") || l.contains("are trademarks") || l.contains("is a trademark") || l.contains("property of their"))
    {
        return Some(SectionKind::Trademarks);
    }
    // A statement's title opens its block; a long paragraph that mentions "consolidated financial
    // statements" in its first sentence is prose.
    let title_reach = if kind == BlockKind::Paragraph && t.len() > 200 { 60 } else { 160 };
    if is_statement_title(head(t, title_reach)) {
        return Some(SectionKind::Financials);
    }
    if kind == BlockKind::Lines || t.len() > 400 {
        if is_numeric_table(t) {
            return Some(SectionKind::Financials);
        }
        if kind == BlockKind::Lines && has_contact_data(t) && t.lines().count() <= 16 {
            return Some(SectionKind::Contacts);
        }
        if kind == BlockKind::Lines && is_grid(t) {
            return Some(SectionKind::Financials);
        }
    }
    if attributed_quote(t) {
        return Some(SectionKind::Quote);
    }
    if starts(&["about "]) && l.len() > 120 {
        return Some(SectionKind::About);
    }
    if t.len() < 250
        && (t.contains(':') || t.chars().any(|c| c.is_ascii_digit()))
        && starts(&[
            "date:",
            "time:",
            "webcast url",
            "webcast:",
            "dial",
            "toll-free",
            "toll free",
            "domestic",
            "international",
            "live participant",
            "participant",
            "passcode",
            "conference id",
            "replay",
            "access code",
            "us/canada",
            "u.s./canada",
            "u.s. and canada",
            "audio",
        ])
    {
        return Some(SectionKind::Call);
    }
    if [
        "conference call",
        "webcast",
        "replay",
        "dial-in",
        "dial in",
        "dialing",
        "teleconference",
        "passcode",
        "access code",
        "conference id",
        "listen to the call",
        "live stream",
        "streaming",
        "audio archive",
        "archived",
    ]
    .iter()
    .any(|w| l.contains(w))
    {
        return Some(SectionKind::Call);
    }
    None
}

/// Company-profile wording.
fn looks_like_boilerplate(t: &str) -> bool {
    let l = head(t, 600).to_lowercase();
    [
        "headquartered",
        "founded in",
        "leader in",
        "is a leading",
        "for more information",
        "visit ",
        "www.",
        "employees",
    ]
    .iter()
    .any(|w| l.contains(w))
}

fn looks_like_about(t: &str) -> bool {
    let l = head(t, 400).to_lowercase();
    [
        " is a leading",
        " is a global",
        " is the world",
        " is the premier",
        " is an ",
        " is a ",
    ]
    .iter()
    .any(|w| l.contains(w))
        && [
            "founded in",
            "headquartered",
            "based in",
            "-based ",
            "provider of",
            "for more information",
            "additional information",
            "(nyse:",
            "(nasdaq:",
        ]
        .iter()
        .any(|w| l.contains(w))
}

/// The first word of the issuer's name, read after the dateline ("Apple" in "Apple® today...").
fn company_word(text: &str, blocks: &[Block], dateline: Option<usize>) -> Option<String> {
    let b = blocks.get(dateline?)?;
    let p = &text[b.start..b.end];
    let rest = &p[dateline_end(p)?..];
    let w: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '-').collect();
    (w.len() >= 3 && w.chars().next().is_some_and(char::is_uppercase)).then_some(w)
}

/// Section state while walking the blocks in order.
struct Walk {
    /// The kind the last heading announced.
    context: Option<SectionKind>,
    /// Past the news: About, risk, contacts or trademarks have begun.
    boiler: bool,
    prev: SectionKind,
}

impl Walk {
    fn news_or_other(&self) -> SectionKind {
        if self.boiler { SectionKind::Other } else { SectionKind::Status }
    }

    fn heading(&mut self, t: &str, kind: BlockKind) -> (SectionKind, Option<String>) {
        let title = Some(t.trim_end_matches(':').to_string());
        match heading_kind(t) {
            Some(k) => {
                self.context = Some(k);
                self.boiler |= matches!(
                    k,
                    SectionKind::About | SectionKind::Risk | SectionKind::Contacts | SectionKind::Trademarks
                );
                (k, title)
            }
            // Short lines under a contact or call heading: names, labels, numbers.
            None if matches!(self.context, Some(SectionKind::Contacts | SectionKind::Call)) && t.len() < 200 => {
                (self.context.unwrap_or(SectionKind::Other), None)
            }
            None => {
                // A plain heading inside the news ("Domestic") keeps the news going; after the
                // boilerplate it starts "Other".
                let k = match content_kind(t, kind) {
                    Some(c @ (SectionKind::Call | SectionKind::Financials | SectionKind::Contacts)) => c,
                    _ => self.news_or_other(),
                };
                self.context = Some(k);
                (k, title)
            }
        }
    }

    /// `late`: among the last blocks of the release, where the boilerplate stands.
    /// `past_lead`: a few blocks past the dateline, where a profile paragraph can no longer be the lead.
    fn body(&mut self, t: &str, kind: BlockKind, company: Option<&str>, late: bool, past_lead: bool) -> SectionKind {
        let cue = content_kind(t, kind);
        // asked only where a guard below needs it: a block's words are counted once at most
        let prose = || kind == BlockKind::Paragraph && !is_numeric_table(t);
        let k = match (cue, self.context) {
            (Some(SectionKind::Quote), Some(c @ (SectionKind::Call | SectionKind::About | SectionKind::Risk))) => c,
            (
                Some(SectionKind::Call),
                Some(c @ (SectionKind::About | SectionKind::Risk | SectionKind::Financials | SectionKind::Contacts)),
            ) => c,
            (Some(c), _) => c,
            (None, ctx)
                if t.len() > 100
                    && (self.boiler || late && looks_like_boilerplate(t))
                    && prose()
                    && ctx != Some(SectionKind::Risk)
                    && company.is_some_and(|w| t.starts_with(w)) =>
            {
                SectionKind::About
            }
            (None, _) if looks_like_about(t) && (late || self.boiler || past_lead) => SectionKind::About,
            (None, Some(SectionKind::Financials)) if prose() => self.news_or_other(),
            (None, Some(c)) => c,
            (None, None) if matches!(self.prev, SectionKind::Call | SectionKind::Contacts) && t.len() < 250 => self.prev,
            (None, None) => self.news_or_other(),
        };
        self.boiler |= matches!(
            k,
            SectionKind::Risk | SectionKind::Contacts | SectionKind::About | SectionKind::Trademarks
        );
        // A strong cue that is not the heading's kind ends the heading's run.
        if cue.is_some() && self.context.is_some() && cue != self.context && !matches!(cue, Some(SectionKind::Quote | SectionKind::Call)) {
            self.context = cue;
        }
        k
    }
}

/// Assign a section kind to every block and merge runs into sections; `located` is what
/// [`locate`] found in the same text and blocks.
pub fn sections(text: &str, blocks: &[Block], located: &Located) -> Vec<Section> {
    let company = company_word(text, blocks, located.dateline);
    let release_blocks = blocks.iter().filter(|b| b.zone == Zone::Release).count();
    let release_end = blocks.iter().filter(|b| b.zone == Zone::Release).map(|b| b.end).max().unwrap_or(0);
    let mut walk = Walk {
        context: None,
        boiler: false,
        prev: SectionKind::Other,
    };
    // runs of blocks of one kind merge into one section as they are read
    let mut out: Vec<Section> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        let t = &text[b.start..b.end];
        let after_headline = located.headline.is_some_and(|h| i > h);
        let masthead = located.dateline.is_some_and(|d| i < d) || located.dateline.is_none() && located.headline.is_some_and(|h| i < h);
        let (kind, title) = match b.zone {
            Zone::Filing => (SectionKind::Filing, None),
            Zone::Trailer => (SectionKind::Other, Some("Source links".to_string())),
            Zone::Release if Some(i) == located.headline => (SectionKind::Headline, None),
            Zone::Release if Some(i) == located.dateline => {
                walk.context = None;
                (SectionKind::Status, None)
            }
            Zone::Release if masthead => {
                // Contact headers, "Exhibit 99.1", the date line; after the headline, sub-headlines.
                let contact = has_contact_data(t) || heading_kind(t) == Some(SectionKind::Contacts);
                let k = if contact || walk.prev == SectionKind::Contacts && t.len() < 200 && !after_headline {
                    SectionKind::Contacts
                } else if after_headline && t.len() < 400 {
                    SectionKind::Headline
                } else {
                    SectionKind::Other
                };
                (k, None)
            }
            Zone::Release => {
                let heading_like = b.kind == BlockKind::Heading
                    || (b.kind != BlockKind::Lines && t.len() < 90 && heading_kind(t).is_some() && !t.ends_with('.'));
                if heading_like {
                    walk.heading(t, b.kind)
                } else {
                    let late = located.dateline.is_none_or(|d| i > d + 2) && (i + 10 >= release_blocks || b.start * 4 >= release_end * 3);
                    let past_lead = located.dateline.is_none_or(|d| i > d + 2);
                    (walk.body(t, b.kind, company.as_deref(), late, past_lead), None)
                }
            }
        };
        walk.prev = kind;
        match out.last_mut() {
            Some(last) if last.kind == kind && title.is_none() => last.end = b.end,
            _ => out.push(Section {
                kind,
                title: title.unwrap_or_else(|| kind.label().to_string()),
                start: b.start,
                end: b.end,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn ascii_word_counts_are_the_words_counts() {
        use super::{ascii_word_counts, word_counts};
        let many = "12 a ".repeat(300);
        for t in [
            "Revenue  $ 1,234   $ 1,100\nNet income 12 (3)",
            "",
            "   ",
            "a1 b2 ab3 x 4 \t\x0b\x0c5\r\n6",
            "no numbers here at all",
            "2024 2023 2022 2021 2020 2019",
            many.as_str(),
        ] {
            assert_eq!(ascii_word_counts(t), word_counts(t), "{t:?}");
        }
        assert_eq!(ascii_word_counts(&many), (400, 200));
    }

    #[test]
    fn contact_labels_and_near_misses() {
        for t in [
            "Contact:\nJane Doe",
            "Caterpillar investor relations contact: Jane",
            "  Press Contacts :",
            "Contacts Investors: Jane",
            "CONTACT\tJane",
            "Acme Corp.\nMedia contact: Jane",
        ] {
            assert!(contact_label(t), "{t:?}");
        }
        for t in [
            "Please contact us for details: Jane",
            "recontact: x",
            "Contacting the company",
            "contact",
            "A very long line of text that goes on and on for more than sixty characters contact: x",
        ] {
            assert!(!contact_label(t), "{t:?}");
        }
    }

    use super::*;

    #[test]
    fn datelines_by_wire() {
        for p in [
            "CHELMSFORD, Mass.--(BUSINESS WIRE)--March 29, 2004--Sonus Networks",
            "HOFFMAN ESTATES, Ill., July 22 /PRNewswire-FirstCall/ -- Sears, Roebuck",
            "NEW YORK, Nov. 16, 2017 (GLOBE NEWSWIRE) -- Acme",
            "DALLAS--(Marketwire - August 23, 2010) - Acme",
            "AUSTIN, TX / ACCESSWIRE / December 5, 2023 / Acme",
            "ARLINGTON, Va., July 30, 2003\u{2014}Acme Corp. today",
            "CUPERTINO, Calif.--December 20, 1996--Apple Computer, Inc. today",
            "SINGAPORE - (NewMediaWire) - September 20, 2024 - Mobile-health",
        ] {
            let end = dateline_end(p).unwrap_or_else(|| panic!("no dateline in {p}"));
            assert!(p[end..].starts_with(|c: char| c.is_alphabetic()), "{p}: {}", &p[end..]);
        }
    }

    #[test]
    fn letterhead_is_not_a_title() {
        assert!(is_name_line("Caterpillar Inc."));
        assert!(is_name_line("The Buckle, Inc."));
        assert!(is_masthead("PR Newswire"));
        assert!(is_masthead("1Q 2022 Earnings Release"));
        assert!(!is_name_line("CISCO SYSTEMS TO ACQUIRE COMBINET INC."));
        assert!(!is_masthead("Caterpillar Reports First-Quarter 2022 Results"));
        assert!(!is_masthead("(11:00 GMT) Press Release: Acme Reports Fourth Quarter Results"));
        assert!(is_section_title("About Acme Corporation"));
        assert!(is_section_title("Investor Contacts"));
        assert!(is_section_title("Condensed Consolidated Balance Sheets"));
        assert!(is_section_title("Jane Doe, (555) 555-1212, jane@acme.test"));
        assert!(!is_section_title("Acme to Host Conference Call to Discuss Third Quarter Results"));
        assert!(!is_section_title("Acme Launches Contactless Payments in Europe and Asia"));
    }

    #[test]
    fn not_datelines() {
        assert!(dateline_end("The company said on March 3, 2004 that revenue rose -- a lot.").is_none());
        assert!(dateline_end("Revenue rose in the quarter.").is_none());
    }

    #[test]
    fn heading_kinds() {
        assert_eq!(heading_kind("About Sonus Networks"), Some(SectionKind::About));
        assert_eq!(
            heading_kind("Company Conference Call, Webcast and Replay Information"),
            Some(SectionKind::Call)
        );
        assert_eq!(heading_kind("FORWARD-LOOKING STATEMENTS"), Some(SectionKind::Risk));
        assert_eq!(heading_kind("Investor Relations Contacts:"), Some(SectionKind::Contacts));
        assert_eq!(heading_kind("Domestic"), None);
    }

    #[test]
    fn content_cues() {
        assert_eq!(
            content_kind(
                "\"We are pleased,\" said Jane Doe, CEO of Acme, \"with results.\"",
                BlockKind::Paragraph
            ),
            Some(SectionKind::Quote)
        );
        assert_eq!(
            content_kind(
                "This release contains forward-looking statements that involve risks.",
                BlockKind::Paragraph
            ),
            Some(SectionKind::Risk)
        );
        assert_eq!(
            content_kind("The replay will be available through April 12.", BlockKind::Paragraph),
            Some(SectionKind::Call)
        );
        assert_eq!(
            content_kind("CONTACT: Acme\nJane Doe, 555-555-1212", BlockKind::Lines),
            Some(SectionKind::Contacts)
        );
        assert_eq!(content_kind("Revenue rose.", BlockKind::Paragraph), None);
        assert_eq!(
            content_kind("Condensed Consolidated Statements of Operations (Unaudited)", BlockKind::Heading),
            Some(SectionKind::Financials)
        );
        let prose = "G Mining Ventures Corp. (TSX: GMIN) announced plans to restate its 2024 consolidated financial statements and \
                     Management Discussion and Analysis due to two non-cash accounting adjustments totaling approximately $32 million \
                     related to IAS 21 foreign exchange treatment.";
        assert_ne!(content_kind(prose, BlockKind::Paragraph), Some(SectionKind::Financials));
    }

    #[test]
    fn contact_blocks_beat_tables() {
        // name, company, phone, e-mail lines: digits enough to look like a table
        let apple = "Rhona Hamilton\nApple\n(408) 974-6439\nhamilton@apple.com\n\nKatie Cotton\nApple\n(408) 974-7269\nkatiec@apple.com";
        assert_eq!(content_kind(apple, BlockKind::Lines), Some(SectionKind::Contacts));
        let philips = "Derya Guzel\nPhilips Investor Relations\nTel.: +31 20 59 77055\nE-mail: derya.guzel@philips.com";
        assert_eq!(content_kind(philips, BlockKind::Lines), Some(SectionKind::Contacts));
        let dated = "Date:       January 26, 1998\nContact:    Food Concepts, Inc\n            954.420.0882, Fax: 954.420.0811";
        assert_eq!(content_kind(dated, BlockKind::Lines), Some(SectionKind::Contacts));
        let cat = "Caterpillar investor relations contact: Ryan Fiedler, +1 224-551-4074 or Fiedler_Ryan_S@cat.com";
        assert_eq!(content_kind(cat, BlockKind::Paragraph), Some(SectionKind::Contacts));
        // lines run together by a lost layout
        let glued = "IR/PR-Support MC Services AGKatja Arnold (CIRO)Managing Director & PartnerTel.: +49 89 210 228-40E-mail: katja.arnold@mc-services.eu";
        assert_eq!(content_kind(glued, BlockKind::Paragraph), Some(SectionKind::Contacts));
        let unlabelled = "Contact Heidelberg Pharma AG Sylvia WimmerDirector Corporate CommunicationsTel.: +49 89 41 31 38-29";
        assert_eq!(content_kind(unlabelled, BlockKind::Paragraph), Some(SectionKind::Contacts));
        // near-misses: a table of figures, a long paragraph that mentions contacting someone
        let table = "Revenue   2024   2023\nProducts  1,234  1,100\nServices    456    400";
        assert_ne!(content_kind(table, BlockKind::Lines), Some(SectionKind::Contacts));
        let prose =
            "Customers who wish to make contact: please see our website, where 1,200 stores are listed; call 555-555-1212 for hours. "
                .repeat(4);
        assert_ne!(content_kind(&prose, BlockKind::Paragraph), Some(SectionKind::Contacts));
    }
}
