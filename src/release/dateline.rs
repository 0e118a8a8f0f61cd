//! The catalogue of dateline shapes: how each wire service (and a company writing without one)
//! opens a release with its place, its wire mark and its date. One entry per wire and layout; the
//! first entry whose pattern matches the start of a paragraph says where the dateline ends and
//! which parts are the place, the wire and the date.
//!
//! | wire | shape |
//! | --- | --- |
//! | PR Newswire | `CITY, Feb. 13, 2025 /PRNewswire/ --`, or the wire name on its own line and `CITY, Feb. 13, 2025` on the next |
//! | Canada NewsWire (Cision) | `TORONTO, Feb. 7, 2025 /CNW/ -` |
//! | Business Wire | `CITY--(BUSINESS WIRE)--Date--`, en/em dashes, `Regulatory News:` after it |
//! | GlobeNewswire | `CITY, Sept. 17, 2025 (GLOBE NEWSWIRE) --` |
//! | ACCESS Newswire / ACCESSWIRE | `CITY, ST / ACCESS Newswire / February 12, 2025 /` |
//! | Newsfile | `CITY--(Newsfile Corp. - February 7, 2025) -` |
//! | Marketwire(d) | `CITY--(Marketwire - August 23, 2010) -` |
//! | NewMediaWire | `CITY - (NewMediaWire) - Date -`, `CITY - Date (NEWMEDIAWIRE) -` |
//! | News Direct, EQS | `--News Direct--`, `CITY, Date (EQS-Newswire) -` |
//! | no wire | `CITY, Date --`, `City (Date) --`, `CITY--Date--`, `CITY, Date...`, `CITY – ` |
//!
//! Masthead lines outside the dateline carry the date when the dateline has none: an EDGAR
//! exhibit's "For Immediate Release: November 22, 2024", an RNS header ("RNS Number : 1234A" /
//! issuer / "13 February 2025"), a Dow Jones relay's time stamp; a relay's "(11:00 GMT) Press
//! Release:" wrapper is not part of the headline.

use crate::release::pattern::Pattern;
use std::sync::{LazyLock, OnceLock};

/// A month name, abbreviated or not, any case ("Sept.", "FEBRUARY").
const MONTH: &str = r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

/// A written date as datelines give it: "Feb. 13, 2025", "April  01, 2024", "3 November 2025",
/// "Monday, March 3, 2025", and the year-less "July 22" of older PR Newswire datelines.
static DATE: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?:(?i:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:{MONTH}\s*[0-9]{{1,2}}(?:st|nd|rd|th)?(?:\s*,\s*|\s+)[0-9]{{4}}|[0-9]{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+[0-9]{{4}}|{MONTH}\s*[0-9]{{1,2}}(?:st|nd|rd|th)?)(?-u:\b)"
    )
});

/// A place: capitalised words, commas between ("HOFFMAN ESTATES, Ill.", "NEW YORK ,",
/// "Amsterdam, the Netherlands", "WINSTON-SALEM, N.C.", "MONTRÉAL, Québec"), no digits.
/// The count of words is checked in code ([`plausible_place`]): a bounded repetition would hold
/// one copy of the word's Unicode classes per count in the compiled automaton.
const PLACE: &str = r"(?P<place>\p{Lu}[\p{L}.'’&]*(?:(?:\s*,\s*|[ \t]+|-)[\p{L}][\p{L}.'’&]*)*?)";

/// A dash between parts: double hyphen, en or em dash, or a spaced hyphen.
const DASH: &str = r"\s*(?:--|—|–|-)\s*";

/// A dash that ends a dateline with no wire mark: a lone hyphen needs a space after it
/// ("WINSTON-SALEM" is a place, not a dateline), an ellipsis counts ("2000...ROCK OF AGES").
const BARE_DASH: &str = r"\s*(?:--|—|–|-\s|\.\.\.|…)\s*";

/// How a wire lays out its dateline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `CITY, Date /WIRE/ --` (PR Newswire, Canada NewsWire).
    Slash,
    /// `CITY / WIRE / Date /` (ACCESS Newswire).
    SlashThenDate,
    /// `CITY, Date (WIRE) --` (GlobeNewswire, NewMediaWire, EQS).
    ParenAfterDate,
    /// `CITY--(WIRE)--Date--` or `CITY--(WIRE)--` (Business Wire, NewMediaWire).
    ParenBeforeDate,
    /// `CITY--(WIRE - Date) -` (Newsfile, Marketwire).
    ParenWithDate,
    /// `--WIRE--` with no place (News Direct).
    DashedName,
    /// `CITY, Date` alone on its line, the wire named on a line of its own above it.
    PlaceDateLine,
    /// `CITY, Date --`, `City (Date) --`, `CITY--Date--`: no wire.
    PlaceDate,
    /// `CITY --`, `City, State--`: no wire, no date.
    PlaceOnly,
}

/// One entry of the catalogue.
#[derive(Debug)]
pub struct Shape {
    /// The wire, as a reader knows it (None: the company's own release).
    pub wire: Option<&'static str>,
    pub layout: Layout,
    /// The wire's mark as the dateline writes it.
    mark: &'static str,
}

/// The catalogue, most specific first.
pub static SHAPES: &[Shape] = &[
    Shape {
        wire: Some("PR Newswire"),
        layout: Layout::Slash,
        mark: r"(?i:PR\s?Newswire)(?:-[A-Za-z]+)*(?:[ \t]+[A-Z][A-Za-z]+)?",
    },
    Shape {
        wire: Some("Canada NewsWire"),
        layout: Layout::Slash,
        mark: r"CNW(?:[ \t]+Telbec)?|(?i:Canada\s+NewsWire)",
    },
    Shape {
        wire: Some("ACCESS Newswire"),
        layout: Layout::SlashThenDate,
        mark: r"(?i:ACCESS\s*Newswire|ACCESSWIRE)",
    },
    Shape {
        wire: Some("Business Wire"),
        layout: Layout::ParenBeforeDate,
        mark: r"(?i:BUSINESS\s+WIRE)",
    },
    Shape {
        wire: Some("GlobeNewswire"),
        layout: Layout::ParenAfterDate,
        mark: r"(?i:GLOBE\s*NEWSWIRE)(?:\s+via\s+COMTEX)?",
    },
    Shape {
        wire: Some("NewMediaWire"),
        layout: Layout::ParenAfterDate,
        mark: r"(?i:NEWMEDIAWIRE)",
    },
    Shape {
        wire: Some("NewMediaWire"),
        layout: Layout::ParenBeforeDate,
        mark: r"(?i:NEWMEDIAWIRE)",
    },
    Shape {
        wire: Some("EQS Newswire"),
        layout: Layout::ParenAfterDate,
        mark: r"(?i:EQS[- ]Newswire)",
    },
    Shape {
        wire: Some("ACCESS Newswire"),
        layout: Layout::ParenAfterDate,
        mark: r"(?i:ACCESSWIRE)",
    },
    Shape {
        wire: Some("Newsfile"),
        layout: Layout::ParenWithDate,
        mark: r"(?i:Newsfile)(?:\s+Corp\.?)?",
    },
    Shape {
        wire: Some("Marketwire"),
        layout: Layout::ParenWithDate,
        mark: r"(?i:Marketwired?)",
    },
    Shape {
        wire: Some("News Direct"),
        layout: Layout::DashedName,
        mark: r"(?i:News\s+Direct)",
    },
    Shape {
        wire: None,
        layout: Layout::PlaceDateLine,
        mark: "",
    },
    Shape {
        wire: None,
        layout: Layout::PlaceDate,
        mark: "",
    },
    Shape {
        wire: None,
        layout: Layout::PlaceOnly,
        mark: "",
    },
];

/// A label that can stand between the dateline and the story ("Regulatory News:").
const LABEL: &str = r"(?:(?i:regulatory\s+news|regulated\s+information|inside\s+information|press\s+release)\s*:\s*)?";

fn pattern(shape: &Shape) -> Vec<String> {
    let date = DATE.as_str();
    let m = shape.mark;
    // A wire's mark is sure enough to find its dateline after a title run into the same paragraph
    // ("Exhibit 99.1 Same Store Revenues Up 11.3% ATLANTA, July 29 /PRNewswire-FirstCall/ --");
    // the title's length (at most [`MAX_PRE`]) is checked in code.
    let lead = if m.is_empty() {
        r"^[\s*_]*"
    } else {
        r"^(?:(?P<pre>[^\n]*?[a-z0-9%.;:!?)\]”\x22])\s+)??[\s*_]*"
    };
    match shape.layout {
        Layout::Slash => vec![format!(
            r"{lead}{PLACE}\s*,\s*(?:(?P<date>{date})\s*)?/\s*(?P<wire>{m})\s*/(?:{DASH})?"
        )],
        Layout::SlashThenDate => vec![format!(r"{lead}{PLACE}\s*/\s*(?P<wire>{m})\s*/\s*(?P<date>{date})\s*(?:/\s*)?")],
        Layout::ParenAfterDate => vec![format!(
            r"{lead}{PLACE}(?:\s*,\s*|{DASH})(?P<date>{date})\s*(?:{DASH})?\(\s*(?P<wire>{m})\s*\)(?:{DASH})?"
        )],
        Layout::ParenBeforeDate => vec![format!(
            r"{lead}{PLACE}(?:{DASH})?\(\s*(?P<wire>{m})\s*\){DASH}(?:(?P<date>{date}){DASH})?{LABEL}"
        )],
        Layout::ParenWithDate => vec![format!(
            r"{lead}{PLACE}(?:{DASH})?\(\s*(?P<wire>{m})\s*(?:{DASH}|,\s*)(?P<date>{date})\s*\)(?:{DASH})?"
        )],
        Layout::DashedName => vec![format!(r"{lead}(?:{PLACE})?{DASH}(?P<wire>{m}){DASH}")],
        Layout::PlaceDateLine => vec![format!(r"{lead}{PLACE}\s*,\s*(?P<date>{date})\s*(?:{DASH})?$")],
        // "PALO ALTO, Calif., Jan. 19, 2005  Agilent ...": two blanks where a dash was lost.
        Layout::PlaceDate => vec![format!(
            r"{lead}{PLACE}(?:\s*,\s*|{BARE_DASH}|\s*\(\s*)(?P<date>{date})(?:\s*\)?(?:{BARE_DASH}|\s*/\s*)|(?P<blanks>[ \t]{{2,}}))"
        )],
        Layout::PlaceOnly => vec![
            // "ATLANTA - Southern Company today...": an upper-case place, the date given apart.
            r"^[\s*_]*(?P<place>[A-Z][A-Z.'’ -]{2,40}[A-Z.](?:,\s*[A-Z][A-Za-z.]{1,15}(?:\s[A-Z][a-z.]+)?)?)\s*(?:--|—|–|-\s)\s*"
                .to_string(),
            // "Jersey City, New Jersey-- Food Concepts...": capitalised words, a comma, a long dash.
            r"^[\s*_]*(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,3},\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)\s*(?:--|—|–)\s*".to_string(),
            // "Amsterdam, the Netherlands – Royal Philips...": a place with a comma, then a long dash.
            r"^[\s*_]*(?P<place>[A-Z][A-Za-z.'’ ]{2,30},\s*[A-Za-z.'’ ]{2,30})\s[—–]\s".to_string(),
        ],
    }
}

/// The longest title a dateline may follow in its paragraph.
const MAX_PRE: usize = 200;

/// Words one of which a paragraph's head must hold (lower-cased) before a shape's patterns are
/// tried: a wire's mark, or for the shapes without a wire a digit of the date or a dash. A
/// shape's patterns are compiled the first time its words are seen, so a process compiles only
/// the shapes its releases can have.
fn gate(shape: &Shape) -> &'static [&'static str] {
    match (shape.wire, shape.layout) {
        (Some("PR Newswire"), _) => &["newswire"],
        (Some("Canada NewsWire"), _) => &["cnw", "newswire"],
        (Some("ACCESS Newswire"), _) => &["access"],
        (Some("Business Wire"), _) => &["business"],
        (Some("GlobeNewswire"), _) => &["globe"],
        (Some("NewMediaWire"), _) => &["newmediawire"],
        (Some("EQS Newswire"), _) => &["eqs"],
        (Some("Newsfile"), _) => &["newsfile"],
        (Some("Marketwire"), _) => &["marketwire"],
        (Some("News Direct"), _) => &["news"],
        (Some(_), _) => &[""],
        (None, Layout::PlaceOnly) => &["-", "—", "–"],
        (None, _) => &["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
    }
}

/// Each shape's patterns, compiled on first use.
/// Each shape's patterns, compiled on first use: for any text, and for ASCII text.
static COMPILED: LazyLock<Vec<[OnceLock<Vec<Pattern>>; 2]>> =
    LazyLock::new(|| SHAPES.iter().map(|_| [OnceLock::new(), OnceLock::new()]).collect());

/// The pattern for ASCII text: on ASCII text a letter class matches what its ASCII part does,
/// and the automaton of `[A-Za-z]` is a fraction of that of `\p{L}`.
fn ascii_variant(p: &str) -> String {
    p.replace(r"[\p{L}]", "[A-Za-z]")
        .replace(r"\p{Lu}", "[A-Z]")
        .replace(r"\p{L}", "A-Za-z")
}

fn patterns_of(i: usize, ascii: bool) -> &'static [Pattern] {
    COMPILED[i][usize::from(ascii)].get_or_init(|| {
        pattern(&SHAPES[i])
            .iter()
            .map(|p| if ascii { ascii_variant(p) } else { p.clone() })
            .map(|p| Pattern::owned(&p))
            .collect()
    })
}

/// A dateline read from the start of a paragraph. Ranges are byte offsets into that paragraph.
#[derive(Debug, Clone)]
pub struct Found {
    pub shape: &'static Shape,
    /// Where the dateline starts (after a title run into the same paragraph).
    pub start: usize,
    /// Where the dateline (and its trailing dashes) ends: the story starts here.
    pub end: usize,
    pub place: Option<(usize, usize)>,
    pub wire: Option<(usize, usize)>,
    pub date: Option<(usize, usize)>,
}

impl Found {
    pub fn place<'a>(&self, p: &'a str) -> Option<&'a str> {
        self.place
            .map(|(a, b)| p[a..b].trim().trim_end_matches([',', '-', ' ']).trim())
            .filter(|s| !s.is_empty())
    }

    pub fn date<'a>(&self, p: &'a str) -> Option<&'a str> {
        self.date.map(|(a, b)| &p[a..b])
    }

    /// The wire as written ("PRNewswire-FirstCall", "BUSINESS WIRE"), white space collapsed.
    pub fn wire(&self, p: &str) -> Option<String> {
        self.wire.map(|(a, b)| p[a..b].split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// A place is a few words of a name: not a sentence ("The company said"), not a number.
fn plausible_place(place: &str) -> bool {
    let words = place.split_whitespace().count();
    (1..=8).contains(&words)
        && place.chars().count() <= 60
        && !place.chars().any(|c| c.is_ascii_digit())
        && !matches!(
            place.split_whitespace().next().unwrap_or(""),
            "The" | "On" | "In" | "As" | "For" | "We" | "Our" | "This" | "Today" | "At"
        )
}

/// Does this paragraph open with a dateline? The first shape of the catalogue that fits.
pub fn read(p: &str) -> Option<Found> {
    let head = &p[..crate::release::text::floor_boundary(p, 320)];
    let lower = head.to_lowercase();
    let shapes = SHAPES
        .iter()
        .enumerate()
        .filter(|(_, shape)| gate(shape).iter().any(|w| lower.contains(w)));
    let ascii = head.is_ascii();
    for (shape, re) in shapes.flat_map(|(i, shape)| patterns_of(i, ascii).iter().map(move |re| (shape, re))) {
        // A place and a date alone: only as a whole (short) paragraph.
        if shape.layout == Layout::PlaceDateLine && p.trim_end().len() > 90 {
            continue;
        }
        let Some(c) = re.captures(if shape.layout == Layout::PlaceDateLine {
            p.trim_end()
        } else {
            head
        }) else {
            continue;
        };
        let range = |name: &str| c.name(name).map(|m| (m.start(), m.end()));
        let mut place = range("place");
        let mut start = 0;
        if let (Some(pre), Some((a, b))) = (c.name("pre"), place) {
            // After a run-in title the place is the capitals: "... Acquisitions ATLANTA, July 29".
            let text = &p[a..b];
            let caps = text.match_indices(|c: char| c.is_uppercase()).map(|(i, _)| i).find(|&i| {
                (i == 0 || text[..i].ends_with(' '))
                    && text[i..]
                        .split([' ', ','])
                        .next()
                        .is_some_and(|w| w.len() >= 2 && !w.chars().any(char::is_lowercase))
            });
            let Some(i) = caps else { continue };
            if pre.as_str().chars().count() > MAX_PRE + 1 {
                continue;
            }
            place = Some((a + i, b));
            start = a + i;
        }
        let found = Found {
            shape,
            start,
            end: c.get(0).map_or(0, |m| m.end()),
            place,
            wire: range("wire"),
            date: range("date"),
        };
        if found.place(p).is_some_and(|pl| !plausible_place(pl)) {
            continue;
        }
        // Without a wire mark, a story must follow (or, for a place-and-date line, nothing at all).
        let rest = p[found.end..].trim_start();
        if matches!(shape.layout, Layout::PlaceDate | Layout::PlaceOnly)
            && !rest.starts_with(|c: char| c.is_alphanumeric() || c == '"' || c == '“')
        {
            continue;
        }
        // Blanks alone end a dateline only before a name: a table's "Revenue, Jan. 19, 2005   1,234" is none.
        if c.name("blanks").is_some() && !rest.starts_with(char::is_uppercase) {
            continue;
        }
        return Some(found);
    }
    None
}

/// A line that is only a wire's name ("PR Newswire", "Business Wire"): the masthead of the
/// current PR Newswire layout, where the dateline follows on its own line.
pub fn wire_name_line(t: &str) -> Option<&'static str> {
    static NAME: LazyLock<Pattern> = LazyLock::new(|| {
        Pattern::new(
            r"^(?i:(PR\s?Newswire)|(Business\s*Wire)|(Globe\s*Newswire)|(ACCESS\s*Newswire|ACCESSWIRE)|(Newsfile(?:\s+Corp\.?)?)|(Canada\s+NewsWire|CNW)|(NewMediaWire)|(News\s+Direct))$",
        )
    });
    const NAMES: [&str; 8] = [
        "PR Newswire",
        "Business Wire",
        "GlobeNewswire",
        "ACCESS Newswire",
        "Newsfile",
        "Canada NewsWire",
        "NewMediaWire",
        "News Direct",
    ];
    let c = NAME.captures(t.trim().trim_matches(['*', '_', ' ']))?;
    (1..=NAMES.len()).find(|&i| c.get(i).is_some()).map(|i| NAMES[i - 1])
}

/// Masthead lines that give the release's date: "For Immediate Release: November 22, 2024",
/// "Date: January 26, 1998", a line that is only a date ("February 12, 2025"), a relay's stamp
/// ("Feb 13, 2025 06:00 ET (11:00 GMT)"), an RNS header's date line ("13 February 2025").
/// Returns the byte range of the date within the line.
pub fn masthead_date(line: &str) -> Option<(usize, usize)> {
    static LABELLED: LazyLock<Pattern> = LazyLock::new(|| {
        Pattern::owned(format!(
            r"^[\s*_]*(?:(?i:for\s+immediate\s+release|for\s+release|release\s+date|date|dated|embargoed\s+until)\s*(?::|--|-|–|—)?\s*)?(?P<date>{})",
            DATE.as_str()
        ))
    });
    static STAMP_TAIL: LazyLock<Pattern> = LazyLock::new(|| {
        Pattern::new(
            r"^[\s,*_]*(?:[0-9]{1,2}:[0-9]{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,4})?\s*)?(?:\([0-9]{1,2}:[0-9]{2}\s*[A-Z]{2,4}\)\s*)?[*_]*$",
        )
    });
    let c = LABELLED.captures(line)?;
    let d = c.name("date")?;
    let labelled = d.start() > 0 && line[..d.start()].chars().any(char::is_alphabetic);
    let rest = &line[d.end()..];
    // A labelled date may have more on its line ("web: www.buckle.com"); a bare date may not.
    (labelled || STAMP_TAIL.is_match(rest)).then_some((d.start(), d.end()))
}

/// A Dow Jones relay's wrapper before the headline: "(11:00 GMT) Press Release: ". Returns
/// where the headline proper starts.
pub fn relay_wrapper_end(t: &str) -> Option<usize> {
    static WRAP: LazyLock<Pattern> =
        LazyLock::new(|| Pattern::new(r"^[\s*_]*(?:\([0-9]{1,2}:[0-9]{2}\s*[A-Z]{2,4}\)\s*)?(?i:press\s+release)\s*:\s*"));
    let m = WRAP.find(t)?;
    // "Press Release: Acme Reports Results": a title must follow.
    (t[m.end()..].split_whitespace().count() >= 3).then_some(m.end())
}

/// An RNS header ("RNS Number : 1234A" then the issuer's name on the next line).
pub fn rns_issuer<'a>(lines: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut lines = lines.into_iter();
    lines.by_ref().find(|l| {
        let l = l.trim().to_ascii_lowercase();
        l.starts_with("rns number") || l.starts_with("rns number:")
    })?;
    let name = lines.next()?.trim();
    (!name.is_empty() && name.len() <= 80 && name.chars().next().is_some_and(char::is_uppercase) && masthead_date(name).is_none())
        .then(|| name.to_string())
}

#[cfg(test)]
mod tests {

    /// The ASCII variant holds no Unicode letter class, and reads ASCII datelines alike.
    #[test]
    fn ascii_variants_have_no_unicode_letter_classes() {
        for shape in SHAPES {
            for p in pattern(shape) {
                let a = ascii_variant(&p);
                assert!(!a.contains(r"\p{"), "{a}");
                Pattern::owned(&a);
            }
        }
        // a non-ASCII paragraph is read by the Unicode patterns
        check(
            "MONTRÉAL, Québec, Feb. 7, 2025 /CNW/ - Acme Inc.",
            Some("Canada NewsWire"),
            Some("MONTRÉAL, Québec"),
            Some("Feb. 7, 2025"),
            "Acme",
        );
    }

    use super::*;

    /// (paragraph, wire, place, date text, where the story starts)
    fn check(p: &str, wire: Option<&str>, place: Option<&str>, date: Option<&str>, story: &str) {
        let f = read(p).unwrap_or_else(|| panic!("no dateline in {p:?}"));
        assert_eq!(f.shape.wire, wire, "wire of {p:?}");
        assert_eq!(f.place(p), place, "place of {p:?}");
        assert_eq!(f.date(p).map(str::trim), date, "date of {p:?}");
        assert!(p[f.end..].starts_with(story), "{p:?}: story starts at {:?}", &p[f.end..]);
    }

    #[test]
    fn place_and_date_then_two_blanks() {
        check(
            "PALO ALTO, Calif., Jan. 19, 2005  Agilent Technologies Inc. (NYSE: A) today announced",
            None,
            Some("PALO ALTO, Calif."),
            Some("Jan. 19, 2005"),
            "Agilent",
        );
        // one blank is the sentence going on; blanks before a number are a table's columns
        assert!(read("ATLANTA, May 5, 2024 Acme said its revenue rose.").is_none());
        assert!(read("Revenue, Jan. 19, 2005   1,234   1,100").is_none());
    }

    #[test]
    fn pr_newswire_old_layout() {
        check(
            "HOFFMAN ESTATES, Ill., July 22 /PRNewswire-FirstCall/ -- Sears, Roebuck",
            Some("PR Newswire"),
            Some("HOFFMAN ESTATES, Ill."),
            Some("July 22"),
            "Sears",
        );
        check(
            "NEW YORK , Feb. 3, 2025 /PRNewswire/ -- Why: Rosen Law Firm",
            Some("PR Newswire"),
            Some("NEW YORK"),
            Some("Feb. 3, 2025"),
            "Why:",
        );
        check(
            "WESTMINSTER, Colo., July 30, 2025 /PRNewswire/ — Ball Corporation",
            Some("PR Newswire"),
            Some("WESTMINSTER, Colo."),
            Some("July 30, 2025"),
            "Ball",
        );
        check(
            "SEATTLE,  Jan. 4 /PRNewswire-FirstCall/ -- Getty Images,  Inc. (NYSE:GYI)",
            Some("PR Newswire"),
            Some("SEATTLE"),
            Some("Jan. 4"),
            "Getty",
        );
        check(
            "BROOKLYN, N.Y., Feb. 19, 2026 /PRNewswire/ -- Etsy, Inc. (NYSE: ETSY)",
            Some("PR Newswire"),
            Some("BROOKLYN, N.Y."),
            Some("Feb. 19, 2026"),
            "Etsy",
        );
    }

    #[test]
    fn wire_dateline_after_a_run_in_title() {
        let p =
            "Exhibit 99.1 Same Store Revenues Up 11.3%; Announces More Acquisitions ATLANTA, July 29 /PRNewswire-FirstCall/ -- Aaron Rents";
        let f = read(p).expect("dateline");
        assert_eq!(f.place(p), Some("ATLANTA"));
        assert_eq!(f.date(p), Some("July 29"));
        assert!(p[f.end..].starts_with("Aaron"));
        assert!(p[f.start..].starts_with("ATLANTA"));
        // Without a wire mark a dateline must open its paragraph.
        assert!(read("Revenue rose 5% in the quarter ATLANTA, July 29, 2003 -- a record").is_none());
    }

    #[test]
    fn pr_newswire_new_layout() {
        assert_eq!(wire_name_line("PR Newswire"), Some("PR Newswire"));
        assert_eq!(wire_name_line("**PR Newswire**"), Some("PR Newswire"));
        check("NEW YORK, Feb. 13, 2025", None, Some("NEW YORK"), Some("Feb. 13, 2025"), "");
        check(
            "WARNERTOWN, Australia, Aug. 17, 2026",
            None,
            Some("WARNERTOWN, Australia"),
            Some("Aug. 17, 2026"),
            "",
        );
        // A sentence that names the wire is not the wire's masthead line.
        assert_eq!(wire_name_line("Acme said in a PR Newswire release"), None);
        // A long paragraph ending in a date is no place-and-date line.
        assert!(read("The board met in New York and London, and will meet again on Feb. 13, 2025").is_none());
    }

    #[test]
    fn canada_newswire() {
        check(
            "TORONTO, Feb. 7, 2025 /CNW/ - Acme Gold Corp. (TSX: ACG)",
            Some("Canada NewsWire"),
            Some("TORONTO"),
            Some("Feb. 7, 2025"),
            "Acme",
        );
        check(
            "TORONTO , Aug. 1, 2023 /CNW/ - Grey Wolf Animal Health Corp. (TSXV: WOLF )",
            Some("Canada NewsWire"),
            Some("TORONTO"),
            Some("Aug. 1, 2023"),
            "Grey",
        );
        check(
            "ABU DHABI, UAE, June 12, 2026 /CNW/ -- Binance Exchange",
            Some("Canada NewsWire"),
            Some("ABU DHABI, UAE"),
            Some("June 12, 2026"),
            "Binance",
        );
        check(
            "LONGUEUIL, QC, Feb. 22, 2024 /CNW Telbec/ - The Government",
            Some("Canada NewsWire"),
            Some("LONGUEUIL, QC"),
            Some("Feb. 22, 2024"),
            "The",
        );
    }

    #[test]
    fn business_wire() {
        check(
            "CHELMSFORD, Mass.--(BUSINESS WIRE)--March 29, 2004--Sonus Networks",
            Some("Business Wire"),
            Some("CHELMSFORD, Mass."),
            Some("March 29, 2004"),
            "Sonus",
        );
        check(
            "KEARNEY, NE -- (BUSINESS WIRE) -- The Buckle, Inc. (NYSE: BKE)",
            Some("Business Wire"),
            Some("KEARNEY, NE"),
            None,
            "The Buckle",
        );
        check(
            "NEW YORK–(BUSINESS WIRE)–Blackstone (NYSE: BX) has",
            Some("Business Wire"),
            Some("NEW YORK"),
            None,
            "Blackstone",
        );
        check(
            "PARIS--(BUSINESS WIRE)--Regulatory News:\nAcme SA (Paris:ACME)",
            Some("Business Wire"),
            Some("PARIS"),
            None,
            "Acme",
        );
        check(
            "PARIS—(BUSINESS WIRE)—Feb. 13, 2025—Regulatory News: Acme SA",
            Some("Business Wire"),
            Some("PARIS"),
            Some("Feb. 13, 2025"),
            "Acme",
        );
        // A date that opens the lead sentence is the story's, not the dateline's.
        check(
            "CHICAGO–(BUSINESS WIRE)–On July 22, 2025, the Board of Directors",
            Some("Business Wire"),
            Some("CHICAGO"),
            None,
            "On July 22",
        );
    }

    #[test]
    fn globe_newswire() {
        check(
            "MIDLAND, Pa., Sept. 17, 2025 (GLOBE NEWSWIRE) — Mawson Infrastructure",
            Some("GlobeNewswire"),
            Some("MIDLAND, Pa."),
            Some("Sept. 17, 2025"),
            "Mawson",
        );
        check(
            "HOUSTON, April  01, 2024  (GLOBE NEWSWIRE) -- Kayne Anderson",
            Some("GlobeNewswire"),
            Some("HOUSTON"),
            Some("April  01, 2024"),
            "Kayne",
        );
        check(
            "DUBAI, United Arab Emirates, Aug.  10, 2026  (GLOBE NEWSWIRE) -- Pepeto",
            Some("GlobeNewswire"),
            Some("DUBAI, United Arab Emirates"),
            Some("Aug.  10, 2026"),
            "Pepeto",
        );
        check(
            "Salt Lake City, UT, June 30, 2026 (GLOBE NEWSWIRE) -- Children's",
            Some("GlobeNewswire"),
            Some("Salt Lake City, UT"),
            Some("June 30, 2026"),
            "Children",
        );
    }

    #[test]
    fn access_newswire() {
        check(
            "VANCOUVER, BC / ACCESS Newswire / July 7, 2026 / Kalo Gold Corp .",
            Some("ACCESS Newswire"),
            Some("VANCOUVER, BC"),
            Some("July 7, 2026"),
            "Kalo",
        );
        check(
            "WATERLOO, ON / ACCESS Newswire / May 6, 2026 /QNX, a division",
            Some("ACCESS Newswire"),
            Some("WATERLOO, ON"),
            Some("May 6, 2026"),
            "QNX",
        );
        check(
            "AUSTIN, TX / ACCESSWIRE / December 5, 2023 / Acme",
            Some("ACCESS Newswire"),
            Some("AUSTIN, TX"),
            Some("December 5, 2023"),
            "Acme",
        );
        check(
            "NEW YORK CITY, NY / ACCESS Newswire / September 16, 2026 / , the nonprofit",
            Some("ACCESS Newswire"),
            Some("NEW YORK CITY, NY"),
            Some("September 16, 2026"),
            ",",
        );
    }

    #[test]
    fn newsfile_and_marketwire() {
        check(
            "Vancouver, British Columbia--(Newsfile Corp. - September 11, 2026) - Scottie Resources",
            Some("Newsfile"),
            Some("Vancouver, British Columbia"),
            Some("September 11, 2026"),
            "Scottie",
        );
        check(
            "San Antonio, Texas--(Newsfile Corp. - September 24, 2025) - HIVE Digital",
            Some("Newsfile"),
            Some("San Antonio, Texas"),
            Some("September 24, 2025"),
            "HIVE",
        );
        check(
            "REDWOOD SHORES, CA--(Marketwire - Jun 1, 2011) - \"With today's",
            Some("Marketwire"),
            Some("REDWOOD SHORES, CA"),
            Some("Jun 1, 2011"),
            "\"With",
        );
        check(
            "BOSTON, MA--(Marketwire - Apr 13, 2011) - Lexalytics, Inc.",
            Some("Marketwire"),
            Some("BOSTON, MA"),
            Some("Apr 13, 2011"),
            "Lexalytics",
        );
    }

    #[test]
    fn newmediawire_news_direct() {
        check(
            "SINGAPORE - (NewMediaWire) - September 20, 2024 - Mobile-health",
            Some("NewMediaWire"),
            Some("SINGAPORE"),
            Some("September 20, 2024"),
            "Mobile",
        );
        check(
            "LADENBURG, Germany - November 3, 2025 (NEWMEDIAWIRE) - Heidelberg Pharma AG",
            Some("NewMediaWire"),
            Some("LADENBURG, Germany"),
            Some("November 3, 2025"),
            "Heidelberg",
        );
        check("--News Direct--", Some("News Direct"), None, None, "");
    }

    #[test]
    fn company_releases_without_a_wire() {
        check(
            "ARLINGTON, Va., July 30, 2003\u{2014}Acme Corp. today",
            None,
            Some("ARLINGTON, Va."),
            Some("July 30, 2003"),
            "Acme",
        );
        check(
            "CUPERTINO, Calif.--December 20, 1996--Apple Computer, Inc. today",
            None,
            Some("CUPERTINO, Calif."),
            Some("December 20, 1996"),
            "Apple",
        );
        check(
            "San Jose, CA (August 10, 1995) -- Cisco Systems Inc. today",
            None,
            Some("San Jose, CA"),
            Some("August 10, 1995"),
            "Cisco",
        );
        check(
            "CONCORD, NEW HAMPSHIRE, September 26, 2000...ROCK OF AGES CORPORATION",
            None,
            Some("CONCORD, NEW HAMPSHIRE"),
            Some("September 26, 2000"),
            "ROCK",
        );
        check("ATLANTA – Southern Company today", None, Some("ATLANTA"), None, "Southern");
        check(
            "CUPERTINO, CALIFORNIA — Apple® today announced",
            None,
            Some("CUPERTINO, CALIFORNIA"),
            None,
            "Apple",
        );
        check(
            "Jersey City, New Jersey-- Food Concepts, Inc., (OTC BB: JAVA), announces",
            None,
            Some("Jersey City, New Jersey"),
            None,
            "Food",
        );
        check(
            "Amsterdam, the Netherlands – Royal Philips (NYSE: PHG)",
            None,
            Some("Amsterdam, the Netherlands"),
            None,
            "Royal",
        );
    }

    #[test]
    fn near_misses_are_not_datelines() {
        for p in [
            "The company said on March 3, 2004 that revenue rose -- a lot.",
            "Revenue rose in the quarter.",
            "On July 22, 2025, the Board of Directors approved a buyback.",
            "WINSTON-SALEM is where the company has its head office.",
            "In 2024 -- a record year -- revenue rose.",
            "For the quarter ended March 31, 2025 - revenue rose",
        ] {
            assert!(read(p).is_none(), "{p:?} read as a dateline: {:?}", read(p).map(|f| f.end));
        }
    }

    #[test]
    fn masthead_dates() {
        let d = |l: &str| masthead_date(l).map(|(a, b)| l[a..b].to_string());
        assert_eq!(
            d("For Immediate Release: November 22, 2024  web: www.buckle.com").as_deref(),
            Some("November 22, 2024")
        );
        assert_eq!(
            d("FOR IMMEDIATE RELEASE -- February 12, 2025").as_deref(),
            Some("February 12, 2025")
        );
        assert_eq!(d("Date:       January 26, 1998").as_deref(), Some("January 26, 1998"));
        assert_eq!(d("April 28, 2022").as_deref(), Some("April 28, 2022"));
        assert_eq!(d("13 February 2025").as_deref(), Some("13 February 2025"));
        assert_eq!(d("Feb 13, 2025 06:00 ET (11:00 GMT)").as_deref(), Some("Feb 13, 2025"));
        // A date inside a sentence, or a date of something else, is not the release's date.
        assert_eq!(d("May 5, 2025 is the record date for the dividend"), None);
        assert_eq!(d("Date of report (Date of earliest event reported) January 26, 1998"), None);
    }

    #[test]
    fn relay_wrappers_and_rns() {
        let t = "(11:00 GMT) Press Release: Acme Reports Fourth Quarter Results";
        assert_eq!(relay_wrapper_end(t).map(|e| &t[e..]), Some("Acme Reports Fourth Quarter Results"));
        assert_eq!(relay_wrapper_end("Press Release"), None);
        assert_eq!(relay_wrapper_end("Press release: see below"), None);
        assert_eq!(
            rns_issuer(["RNS Number : 1234A", "Acme Holdings PLC", "13 February 2025"]).as_deref(),
            Some("Acme Holdings PLC")
        );
        assert_eq!(rns_issuer(["Acme Holdings PLC", "13 February 2025"]), None);
    }
}
