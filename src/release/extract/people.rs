//! Named people. A run of capitalised words is a person only in a context that says so: a quote
//! attribution ("said Hassan Ahmed"), a title beside the name ("Jane Doe, chief financial
//! officer", "Chairman and CEO Alan J. Lacy"), an honorific, or a name line in a contact block.
//! Every later mention of a recognised full name is marked too.

use super::Claims;
use crate::release::model::{Fact, FactKind, Section, SectionKind};
use crate::release::pattern::Pattern;
use crate::release::text::floor_boundary;
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::sync::LazyLock;

const TOKEN: &str = r"(?:[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?|[A-Z](?:'|’)[A-Z][a-z]+)";

pub const TITLE_WORDS: &str = r"(?i:president|chief|ceo|cfo|coo|cto|cio|cmo|chairman|chairwoman|chair|vice|executive|senior|svp|evp|director|head|founder|co-founder|partner|managing|general\s+counsel|treasurer|secretary|controller|officer|manager|member|analyst|spokesperson|spokesman|spokeswoman|principal|lead|leader|chief|dean|professor|governor|minister|attorney|counsel)(?:(?-u:\b)|[0-9])";

/// Lower-case particles of a surname: "Steve C. de Baca", "M.J. van Ginneken".
const PARTICLE: &str = r"(?:van[ \t]der|van[ \t]den|van|von|de[ \t]la|de|der|du|da|di|del|della|dos|ten|ter|le|la)";

static NAME: LazyLock<String> = LazyLock::new(|| {
    // two or three capitalised words, maybe a middle initial, a nickname in quotes ("Edmund
    // “Ted” Doering") or a particle before the surname; or initials and a surname ("M.J. van
    // Ginneken"); one space or tab between words (a run of spaces parts table cells), never
    // across lines
    format!(
        r#"(?:{TOKEN}(?:[ \t][A-Z]\.)?(?:[ \t](?:“|"){TOKEN}(?:”|")|[ \t]\({TOKEN}\))?(?:[ \t]{PARTICLE})?(?:[ \t]{TOKEN}){{1,2}}|[A-Z]\.(?:[ \t]?[A-Z]\.)?(?:[ \t]{PARTICLE})?[ \t]{TOKEN}(?:[ \t]{TOKEN})?)(?:,?[ \t](?:Jr|Sr)\.|[ \t](?:III|II|IV)(?-u:\b))?"#
    )
});

/// What opens a name after a verb of speech or appointment, a signature or a dash: the verb, then
/// maybe title words ("said Chairman and CEO Alan J. Lacy").
const VERB_LEAD: &str = r"(?-u)(?:(?-u:\b)(?:said|says|stated|added|noted|commented|continued|explained|remarked|according\s+to|reporting\s+to|joined\s+by|led\s+by|contact|elected|appointed|named|promoted|hired|welcomes|welcomed|nominated|succeed|succeeds|succeeded|succeeding|succeeded\s+by|replace|replaces|replaced|replacing|replaced\s+by|assumed\s+by|thank|thanks|(?:Mr|Ms|Mrs|Dr)\.)|/s/|(?m:^)Name:|(?m:^)(?:—|–|-){1,2})[ \t]*";
/// One word of a title run before a name, with what follows it.
const TITLE_RUN_WORD: &str = concat!(r"(?:(?:", "{TITLE_WORDS}", r"|and|of|&|[A-Z][a-z]+(?:'|’)s),?[ \t]+)");

/// A name after such a lead (group 1), at most eight title words between. Only compiled when
/// [`AFTER_VERB_RUN`] finds a longer run of title words (see [`names_after_verb`]).
static AFTER_VERB: LazyLock<Pattern> = LazyLock::new(|| {
    let word = TITLE_RUN_WORD.replace("{TITLE_WORDS}", TITLE_WORDS);
    Pattern::owned(format!(
        r"{VERB_LEAD}(?:(?:the[ \t]+)?(?:[A-Z](?u:[\w&.-])*[ \t]+)?{word}{{1,8}})?({name})",
        name = *NAME
    ))
});
/// As [`AFTER_VERB`] with any number of title words, the run captured (group 1, the name group
/// 2): a bounded repetition of the title words would hold eight copies of them.
static AFTER_VERB_RUN: LazyLock<Pattern> = LazyLock::new(|| {
    let word = TITLE_RUN_WORD.replace("{TITLE_WORDS}", TITLE_WORDS);
    Pattern::owned(format!(
        r"{VERB_LEAD}(?:(?:the[ \t]+)?(?:[A-Z](?u:[\w&.-])*[ \t]+)?({word}+))?({name})",
        name = *NAME
    ))
});
static TITLE_BEFORE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::owned(format!(
        r"(?-u)(?-u:\b)(?:CEO|CFO|COO|CTO|CIO|Chairman|Chairwoman|Chair|President|Founder|Director|Officer|Treasurer|Secretary|Counsel|Manager|Partner|[Mm]ember|Analyst|Governor|Minister|Commissioner),?[ \t]+({name})",
        name = *NAME
    ))
});
static NAME_THEN: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::owned(format!(
        r"(?-u)({name})(?:(,\s+(?:(?:formerly|former|currently|current|now|also|and|interim|incoming|outgoing|newly\s+appointed|who\s+is|who\s+was)\s+)?(?:[A-Z](?u:[\w&.-])*(?:'|’)s\s+|the\s+|its\s+|our\s+|[A-Z](?u:[\w&.-])*\s+)?{TITLE_WORDS})|(?:[ \t]+\((?u:[^()\n]){{1,40}}\))?\s+(?:said|says|stated|added|noted|commented|continued|explained|has\s+(?:been|returned|joined|served|resigned|retired|decided|stepped)|was\s+(?:named|appointed|elected)|will\s+(?:join|serve|become|report|announce|succeed|lead|retire|step|leave)|joins|joined|succeeds|replaces|resigned|retired|retires|resigns|stepped)(?-u:\b)|,[ \t]+[2-9][0-9],|,[ \t]+(?:age[ \t]+)?[2-9][0-9][ \t]+years[ \t]+old)",
        name = *NAME
    ))
});
/// A name alone on its line over a line that opens with a title: signature blocks and the
/// cover pages of filings ("Andrew Teno / President and Chief Executive Officer", "Jesse A.
/// Lynn, Esq. / General Counsel").
static NAME_OVER_TITLE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::owned(format!(
        r"(?-u)(?m)^[ \t]*({name})(?:,[ \t]*(?:Esq\.|Ph\.?D\.?|CPA|CFA|M\.D\.))?[ \t]*\n[ \t]*\(?{TITLE_WORDS}",
        name = *NAME
    ))
});
static CONTACT_LINE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::owned(format!(
        r"(?-u)(?m)(?:^|:\s*|,\s+|[ \t]{{2,}})({name})(?:[ \t]*$|\s*,|\s+at\s|\s+of[ \t]+[A-Z]|\s+\(|\s+\+?\d|\s+[a-z0-9._-]+@|[ \t]{{2,}})",
        name = *NAME
    ))
});

/// Names in a contact block whose line breaks were lost: a name glued to the title or label after
/// it ("Sylvia WimmerDirector Corporate Communications", "Mary Clark, Zoe Bolt, Aoife MinihanTel:"),
/// or to the organisation before it ("MC Services AGKatja Arnold (CIRO)").
static GLUED_NAME: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(concat!(
        r"(?-u)(?:[a-z]|(?-u:\b)(?:AG|SE|SA|NV|plc|LLC|Inc\.|Ltd\.?|GmbH))([A-Z][a-z]+[ \t]+[A-Z][a-z]+(?:[A-Z][a-z]+)?)(?:,|[ \t]*\(|[ \t]*$|[+0-9]|[A-Z][a-z])",
        r"|(?:^|[ \t,]|:)([A-Z][a-z]+[ \t]+[A-Z][a-z]+)(?:Director|Managing|Head|Chief|Vice|Senior|President|Manager|Partner|Tel|Phone|E-?mail|Email|Investor|Media|Corporate|Executive|Associate|Account)",
    ))
});

/// A corporate suffix right after a name: "LifeSci Advisors, LLC" and "Beyond Cancer, Ltd." name
/// firms, not people.
static FIRM_AFTER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?-u)\A,?[ \t]+(?:Inc|Corp|Co|Ltd|LLC|LLP|L\.L\.C|L\.P|LP|plc|PLC|AG|SE|N\.V|S\.A|GmbH|Limited|Corporation|Company|Incorporated)(?:\.|(?-u:\b))",
    )
});

/// Words that never stand in a person's name.
const NOT_NAME: &[&str] = &[
    "Inc",
    "Corp",
    "Corporation",
    "Company",
    "Group",
    "Networks",
    "Network",
    "Relations",
    "Investor",
    "Investors",
    "Media",
    "Contact",
    "Contacts",
    "Press",
    "News",
    "Board",
    "Directors",
    "The",
    "This",
    "That",
    "These",
    "Annual",
    "Report",
    "Securities",
    "Exchange",
    "Commission",
    "Nasdaq",
    "Stock",
    "Market",
    "Fiscal",
    "Quarter",
    "Year",
    "Financial",
    "Chief",
    "Executive",
    "Officer",
    "President",
    "Vice",
    "Senior",
    "Director",
    "Chairman",
    "Street",
    "Avenue",
    "Road",
    "Drive",
    "Suite",
    "Floor",
    "University",
    "Bank",
    "Capital",
    "Partners",
    "Holdings",
    "Fund",
    "Eastern",
    "Pacific",
    "Central",
    "Standard",
    "Time",
    "North",
    "South",
    "East",
    "West",
    "New",
    "Global",
    "International",
    "Technologies",
    "Technology",
    "Systems",
    "Services",
    "Solutions",
    "Software",
    "Computer",
    "Communications",
    "Corporate",
    "Advisory",
    "Email",
    "Phone",
    "Tel",
    "Fax",
    "Office",
    "Website",
    "Web",
    "Our",
    "We",
    "In",
    "For",
    "As",
    "At",
    "If",
    "Its",
    "Their",
    "Officers",
    "Management",
    "Team",
    "Department",
    "Division",
    "Inquiries",
    "Information",
    "Operating",
    "Technology",
    "Research",
    "Development",
    "Marketing",
    "Sales",
    "Business",
    "Products",
    "Product",
    "General",
    "Counsel",
    "Group",
    "Association",
    "Council",
    "Agency",
    "Foundation",
    "Institute",
    "Trust",
    "Energy",
    "Power",
    "Electric",
    "Health",
    "Medical",
    "Pharma",
    "Biopharma",
    "Therapeutics",
    "Airlines",
    "Estates",
    "Hills",
    "Beach",
    "City",
    "County",
    "State",
    "United",
    "States",
    "America",
    "American",
    "Americas",
    "Europe",
    "Asia",
    "Source",
    "Release",
    "Conference",
    "Call",
    "Webcast",
    "Replay",
    "Dial",
    "Toll",
    "Free",
    "Live",
    "Participant",
    "Statements",
    "Forward",
    "Looking",
    "Safe",
    "Harbor",
    "Apple",
    "Oracle",
    "Sonus",
    "Sears",
    "Southern",
    "Nephros",
    "Aemetis",
    "Ltd",
    "LLC",
    "LLP",
    "Llc",
    "Plc",
    "Co",
    "Mac",
    "Macintosh",
    "Power",
    "Operations",
    "Not",
    "Applicable",
    "None",
    "Box",
    "Professor",
    "Prof",
];

/// Honorifics and academic titles before a name: not part of it ("Professor Andreas Pahl").
const HONORIFICS: &[&str] = &["Mr. ", "Ms. ", "Mrs. ", "Dr. ", "Prof. ", "Professor ", "Sir ", "Dame "];

/// Where a name starts once an honorific before it is left out.
fn past_honorific(text: &str, s: usize, e: usize) -> usize {
    HONORIFICS.iter().find(|h| text[s..e].starts_with(**h)).map_or(s, |h| s + h.len())
}

fn plausible(name: &str) -> bool {
    let tokens: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    tokens.len() >= 2
        && tokens
            .iter()
            .all(|t| !NOT_NAME.contains(&t.trim_end_matches('.')) && !super::CALENDAR_WORDS.contains(&t.trim_end_matches('.')))
}

/// Strip an honorific; collapse white space.
fn clean(name: &str) -> String {
    let n = name.split_whitespace().collect::<Vec<_>>().join(" ");
    for h in HONORIFICS {
        if let Some(r) = n.strip_prefix(h) {
            return r.to_string();
        }
    }
    n
}

/// The title that follows "Name, ": up to the end of the clause.
pub fn title_after(text: &str, end: usize) -> Option<String> {
    let rest = &text[end..floor_boundary(text, end + 160)];
    // "Jane Roe, Chief Financial Officer", "appointed Jane Roe as Chief Financial Officer"
    let rest = rest.strip_prefix(',').or_else(|| rest.strip_prefix(" as "))?.trim_start();
    let mut cut = rest.len();
    for stop in [
        "\n",
        ".\"",
        ".”",
        ". ",
        "\"",
        "“",
        "”",
        ";",
        " said",
        " says",
        " added",
        " stated",
        " commented",
        ")",
        " and a ",
        ", effective",
        " effective ",
        " to ",
        " of the Company",
        " who ",
        ", has ",
        ", have ",
        ", will ",
        ", was ",
        ", is ",
        ", effective",
    ] {
        if let Some(p) = rest.find(stop) {
            cut = cut.min(p);
        }
    }
    // a title glued to the next line by a lost line break: "Chief Executive OfficerDate and time"
    if let Some(m) = GLUE.find(&rest[..cut]) {
        cut = m.start() + 3;
    }
    let t = rest[..cut].trim().trim_end_matches([',', '.']).trim();
    let title_re = &*TITLE_ANYWHERE;
    (!t.is_empty() && t.len() <= 120 && title_re.is_match(t)).then(|| t.to_string())
}

/// The title on the line under a name line ("Andrew Teno\nPresident and Chief Executive Officer").
fn title_below(text: &str, end: usize) -> Option<String> {
    let rest = &text[end..floor_boundary(text, end + 160)];
    let (own, below) = rest.split_once('\n')?;
    if own.trim().len() > 12 {
        return None;
    }
    let line = below.lines().next()?.trim().trim_matches(['(', ')']).trim();
    (!line.is_empty() && line.len() <= 100 && TITLE_START.is_match(line)).then(|| line.to_string())
}

static TITLE_START: LazyLock<Pattern> = LazyLock::new(|| Pattern::owned(format!(r"(?-u)\A{TITLE_WORDS}")));

/// Title words right before a name: "Chairman, President and CEO David M. Ratcliffe said".
static TITLE_TAIL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::owned(format!(
        r"(?-u)(?:(?:{TITLE_WORDS}|(?i:general|deputy|assistant|associate|group|global|board)(?-u:\b))(?:,?[ \t]+(?:and|of|&)[ \t]+|,[ \t]*|[ \t]+))+\z"
    ))
});

/// The title written before the name, on its line, when it holds a role word ("Chief", "CEO").
fn title_ahead(text: &str, start: usize) -> Option<String> {
    let from = floor_boundary(text, start.saturating_sub(100));
    let before = &text[from..start];
    let before = before.rsplit('\n').next().unwrap_or(before);
    let m = TITLE_TAIL.find(before)?;
    let t = m.as_str().trim().trim_end_matches(',').trim();
    // one generic word ("Senior", "Lead") is no title
    (t.len() >= 3 && ROLE_WORD.is_match(t)).then(|| t.to_string())
}

static ROLE_WORD: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i-u)(?-u:\b)(?:president|chief|ceo|cfo|coo|cto|cio|chairman|chairwoman|chair|director|founder|partner|manager|member|officer|counsel|treasurer|secretary|head|governor|minister)(?-u:\b)",
    )
});

static HONORIFIC_SURNAME: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?-u)(?-u:\b)(?:Mr|Ms|Mrs|Dr)\.?[ \t]([A-Z](?:[A-Za-z'-]|’)+)(?-u:\b)"));

/// Two words run together: three lower-case letters, then a capital word.
static GLUE: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"(?-u)[a-z]{3}[A-Z][a-z]"));

static TITLE_ANYWHERE: LazyLock<Pattern> = LazyLock::new(|| Pattern::owned(format!(r"(?-u)(?-u:\b){TITLE_WORDS}")));

/// Every name (group 1) the pattern finds. The search resumes right after each name, so the
/// separator that ends one name can open the next ("..., Edgar P. McDougal, ...").
fn names_in(re: &Pattern, text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let Some(c) = re.captures_at(text, at) else { break };
        let Some(m) = c.get(1) else { break };
        out.push((m.start(), m.end()));
        at = m.end().max(c.get(0).map_or(0, |all| all.start() + 1));
        while !text.is_char_boundary(at) {
            at += 1;
        }
    }
    out
}

/// [`names_in`] of [`AFTER_VERB`], searched with [`AFTER_VERB_RUN`]. Where the run of title
/// words has at most eight words, the unbounded pattern's match is the bounded one's (the same
/// leftmost start and, trying more words first, the same path); each word ends in blanks, so
/// a run with at most eight stretches of blanks has at most eight words. A longer run is read
/// with [`AFTER_VERB`] itself.
fn names_after_verb(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let Some(c) = AFTER_VERB_RUN.captures_at(text, at) else { break };
        let blank_runs = c.get(1).map_or(0, |run| {
            let b = run.as_str().as_bytes();
            (0..b.len())
                .filter(|&i| matches!(b[i], b' ' | b'\t') && (i == 0 || !matches!(b[i - 1], b' ' | b'\t')))
                .count()
        });
        let spans = if blank_runs > 8 {
            AFTER_VERB
                .captures_at(text, at)
                .and_then(|c| Some((c.get(0)?.start(), c.get(1)?.range())))
        } else {
            c.get(0).zip(c.get(2)).map(|(all, name)| (all.start(), name.range()))
        };
        let Some((start, name)) = spans else { break };
        out.push((name.start, name.end));
        at = name.end.max(start + 1);
        while !text.is_char_boundary(at) {
            at += 1;
        }
    }
    out
}

pub fn scan(text: &str, sections: &[Section], facts: &mut Vec<Fact>) {
    let mut found: Vec<(usize, usize, String, Option<String>)> = Vec::new();
    let mut taken = Claims::default();
    let mut add = |s: usize, e: usize, found: &mut Vec<(usize, usize, String, Option<String>)>| {
        let s = past_honorific(text, s, e);
        let name = &text[s..e];
        if plausible(name) && !FIRM_AFTER.is_match(&text[e..]) && taken.claim(s, e) {
            let title = title_after(text, e)
                .or_else(|| title_below(text, e))
                .or_else(|| title_ahead(text, s));
            found.push((s, e, clean(name), title));
        }
    };
    for (s, e) in names_after_verb(text) {
        add(s, e, &mut found);
    }
    for re in [&*TITLE_BEFORE, &*NAME_THEN, &*NAME_OVER_TITLE] {
        for (s, e) in names_in(re, text) {
            add(s, e, &mut found);
        }
    }
    for s in sections.iter().filter(|s| s.kind == SectionKind::Contacts && s.end <= text.len()) {
        let body = &text[s.start..s.end];
        for (a, b) in names_in(&CONTACT_LINE, body) {
            add(s.start + a, s.start + b, &mut found);
        }
        for c in GLUED_NAME.captures_iter(body) {
            if let Some(m) = c.get(1).or_else(|| c.get(2)) {
                add(s.start + m.start(), s.start + m.end(), &mut found);
            }
        }
    }
    // Later mentions of the same full names.
    let names: Vec<(String, Option<String>)> = {
        let mut v: Vec<(String, Option<String>)> = Vec::new();
        for f in &found {
            match v.iter_mut().find(|(n, _)| *n == f.2) {
                Some(e) => {
                    if e.1.is_none() {
                        e.1 = f.3.clone();
                    }
                }
                None => v.push((f.2.clone(), f.3.clone())),
            }
        }
        v
    };
    // one pass over the text for every occurrence of every name; the longest names claim their
    // places first ("Jane A. Doe" before "Jane"), each name's occurrences in order
    let mut alternatives: Vec<&str> = names.iter().map(|(n, _)| n.as_str()).take(500).collect();
    alternatives.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let automaton = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&alternatives);
    if let Ok(automaton) = automaton {
        let mut hits: Vec<(usize, usize)> = automaton
            .find_overlapping_iter(text)
            .map(|m| (m.pattern().as_usize(), m.start()))
            .collect();
        hits.sort_unstable();
        for (i, p) in hits {
            let name = alternatives[i];
            let e = p + name.len();
            let bounded = !text[..p].ends_with(|c: char| c.is_alphanumeric()) && !text[e..].starts_with(|c: char| c.is_alphanumeric());
            if bounded && taken.claim(p, e) {
                found.push((p, e, name.to_string(), None));
            }
        }
    }
    // "Mr. Roe", "Ms. Roe": an honorific and the surname of a name already recognised
    let surnames: Vec<(&str, &str)> = names
        .iter()
        .filter_map(|(n, _)| n.rsplit(' ').next().filter(|s| s.len() > 2).map(|s| (s, n.as_str())))
        .collect();
    if !surnames.is_empty() {
        for m in HONORIFIC_SURNAME.captures_iter(text) {
            let g = m.get(1).expect("surname");
            if let Some((_, full)) = surnames.iter().find(|(s, _)| *s == g.as_str()) {
                if taken.claim(g.start(), g.end()) {
                    found.push((g.start(), g.end(), full.to_string(), None));
                }
            }
        }
    }
    for (s, e, name, title) in found {
        let title = title.or_else(|| names.iter().find(|(n, _)| *n == name).and_then(|(_, t)| t.clone()));
        let mut f = Fact::new(FactKind::Person, text, s, e, Some(name));
        f.detail = title.map(String::into_boxed_str);
        facts.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(t: &str) -> Vec<(String, Option<String>)> {
        let mut f = Vec::new();
        scan(t, &[], &mut f);
        f.sort_by_key(|f| f.start);
        f.into_iter()
            .map(|f| (f.value.map(String::from).unwrap_or_default(), f.detail.map(String::from)))
            .collect()
    }

    /// The unbounded search finds what the bounded pattern finds, a run of more than eight title
    /// words included.
    #[test]
    fn names_after_verb_as_the_bounded_pattern() {
        let texts = [
            "\"We grew,\" said Hassan Ahmed, president and CEO. \"Again,\" said Chairman and CEO Alan J. Lacy.",
            "said Senior Vice President and Chief Financial Officer of Acme Jane Doe today",
            // nine title words: the bounded pattern cannot take them all
            "said Chief Executive Officer and President and Managing Director and Chief Operating Officer Jane Doe",
            "named the Executive Vice President, General Counsel and Secretary Robert J. Smith. /s/ Mary Roe",
            "— John Smith\n–– Ann Lee, CFO",
            "said no one in particular",
        ];
        for t in texts {
            assert_eq!(names_after_verb(t), names_in(&AFTER_VERB, t), "{t:?}");
        }
        assert_eq!(names_after_verb(texts[2]).len(), 1);
    }

    #[test]
    fn attribution_and_titles() {
        let p = people("\"We grew,\" said Hassan Ahmed, president and CEO, Sonus Networks. \"Again.\"");
        assert_eq!(p, vec![("Hassan Ahmed".into(), Some("president and CEO, Sonus Networks".into()))]);
        assert_eq!(people("\"Weak June,\" said Chairman and CEO Alan J. Lacy.")[0].0, "Alan J. Lacy");
        assert_eq!(
            people("Avie Tevanian, formerly NeXT's Vice President of engineering")[0].0,
            "Avie Tevanian"
        );
        assert_eq!(
            people("reporting to Ellen Hancock, Apple's executive vice president")[0].0,
            "Ellen Hancock"
        );
        assert_eq!(people("Rick LeFaivre has returned to the company")[0].0, "Rick LeFaivre");
        assert_eq!(people("Mr. Gilbert F. Amelio spoke")[0].0, "Gilbert F. Amelio");
    }

    #[test]
    fn titles_before_names_and_departures() {
        assert_eq!(
            people("has elected William P. (Bill) Sullivan as")[0].0,
            "William P. (Bill) Sullivan"
        );
        let first = |t: &str| people(t).last().map(|p| p.0.clone()).unwrap_or_default();
        assert_eq!(
            first("Access Business Unit, headed by Vice President and General Manager Don Listwin."),
            "Don Listwin"
        );
        assert_eq!(first("said Apple Board member Ed Woolard."), "Ed Woolard");
        assert_eq!(first("growth,\u{201d} said Oracle CEO, Safra Catz. \u{201c}These"), "Safra Catz");
        assert_eq!(
            first("announced that Mark Gherardi has resigned from his position"),
            "Mark Gherardi"
        );
        assert_eq!(
            first("duties have been assumed by Jerry Parrott, 51 years old, who"),
            "Jerry Parrott"
        );
        assert_eq!(
            people("Jeff DiLullo will succeed Vitor Rocha, who has decided to leave").len(),
            2,
            "successor and predecessor"
        );
        assert_eq!(
            first("Effective February 6, 2023, Steve C. de Baca (American, 1968) has been appointed as"),
            "Steve C. de Baca"
        );
        assert_eq!(
            first("The Board also elected Edmund \u{201c}Ted\u{201d} Doering to serve as"),
            "Edmund \u{201c}Ted\u{201d} Doering"
        );
    }

    #[test]
    fn signatures_and_cover_pages() {
        assert_eq!(people("By: /s/ Larry R. Carter\n")[0].0, "Larry R. Carter");
        assert_eq!(people("/s/ M.J. van Ginneken\n(Chief Legal Officer)")[0].0, "M.J. van Ginneken");
        assert_eq!(
            people("Name: Ted Papapostolou\nTitle: Chief Financial Officer")[0].0,
            "Ted Papapostolou"
        );
        assert_eq!(
            people("(CUSIP Number)\n\nAndrew Teno\nPresident and Chief Executive Officer\nIcahn Enterprises L.P."),
            vec![("Andrew Teno".into(), Some("President and Chief Executive Officer".into()))]
        );
        assert_eq!(people("Copies to:\n\nJesse A. Lynn, Esq.\nGeneral Counsel\n")[0].0, "Jesse A. Lynn");
        // near-misses: a place over a title line, a firm over an address
        assert!(people("New York\nPresident Street").is_empty());
        assert!(people("Koninklijke Philips N.V.\nAmstelplein 2").is_empty());
        assert!(people("Sunny Isles Beach\nDirector of Sales").is_empty());
    }

    #[test]
    fn later_mentions_are_marked() {
        let p = people("said Jane Doe, CFO. Later Jane Doe left.");
        assert_eq!(p.len(), 2);
        assert_eq!(p[1].1.as_deref(), Some("CFO"));
    }

    fn contact_people(t: &str) -> Vec<String> {
        let sections = vec![Section {
            kind: SectionKind::Contacts,
            title: "Contacts".into(),
            start: 0,
            end: t.len(),
        }];
        let mut f = Vec::new();
        scan(t, &sections, &mut f);
        f.sort_by_key(|f| f.start);
        f.into_iter().filter_map(|f| f.value.map(String::from)).collect()
    }

    #[test]
    fn contact_block_names() {
        assert_eq!(
            contact_people(
                "CONTACTS:\n\nCorey Davis, PhD\n\nLifeSci Advisors, LLC\n\nMatt Johnson, Head of Corporate Development\n\nBeyond Cancer, Ltd."
            ),
            vec!["Corey Davis", "Matt Johnson"]
        );
        // lines run together
        assert_eq!(
            contact_people("Contact Heidelberg Pharma AG Sylvia WimmerDirector Corporate CommunicationsTel.: +49 89 41 31 38-29"),
            vec!["Sylvia Wimmer"]
        );
        assert_eq!(
            contact_people("IR/PR-Support MC Services AGKatja Arnold (CIRO)Managing Director & PartnerTel.: +49 89 210 228-40"),
            vec!["Katja Arnold"]
        );
        assert_eq!(
            contact_people("Support Optimum Strategic CommunicationsMary Clark, Zoe Bolt, Aoife MinihanTel: +44 20 3882 9621"),
            vec!["Mary Clark", "Zoe Bolt", "Aoife Minihan"]
        );
        assert_eq!(contact_people("orPCG AdvisoryKevin McGrath+1-646-418-7002"), vec!["Kevin McGrath"]);
        // near-miss: a firm glued to a label is not a person
        assert!(contact_people("Investor RelationsTel: +1 555 555 1212").is_empty());
    }

    #[test]
    fn title_ahead_of_the_name() {
        assert_eq!(
            people("Chairman, President and CEO David M. Ratcliffe said the 2006 results")[0]
                .1
                .as_deref(),
            Some("Chairman, President and CEO")
        );
        assert_eq!(
            people("headed by Vice President and General Manager Don Listwin.")[0].1.as_deref(),
            Some("Vice President and General Manager")
        );
        assert_eq!(
            people("Marianne Lake, current CEO of CCB, has decided")[0].1.as_deref(),
            Some("current CEO of CCB")
        );
        // near-miss: a generic word before the name is no title
        assert_eq!(people("the board and Jane Doe said")[0].1, None);
        assert_eq!(title_ahead("Senior Jane", 7), None);
        assert_eq!(title_ahead("said Apple Board member Ed", 24).as_deref(), Some("Board member"));
        assert_eq!(title_ahead("General Manager Don", 16).as_deref(), Some("General Manager"));
    }

    #[test]
    fn appointments_and_surname_mentions() {
        let p = people(
            "the board appointed Jane Roe as Chief Financial Officer, effective March 1. Ms. Roe succeeds Robert Brown, who will retire. Mr. Brown joined in 1990.",
        );
        assert_eq!(p[0], ("Jane Roe".into(), Some("Chief Financial Officer".into())));
        assert_eq!(p[1], ("Jane Roe".into(), Some("Chief Financial Officer".into())));
        assert_eq!(p[2].0, "Robert Brown");
        assert_eq!(p[3].0, "Robert Brown");
        // near-misses: company names, places and an honorific before an unknown surname
        assert!(people("Morgan Stanley and Johnson Controls met in New York. Mr. Smith spoke.").is_empty());
        assert_eq!(
            contact_people("Investor Relations, John Smith of Acme Corp., +1-212-555-1212"),
            vec!["John Smith"]
        );
    }

    #[test]
    fn honorifics_and_table_cells() {
        assert_eq!(
            people("Professor Andreas Pahl, Chief Executive Officer of Heidelberg Pharma, will")[0].0,
            "Andreas Pahl"
        );
        assert_eq!(
            people("Speaker: Professor Andreas Pahl, Chief Executive OfficerDate and time: Wednesday")[0]
                .1
                .as_deref(),
            Some("Chief Executive Officer")
        );
        assert!(people("Partner  Program  Cash Collected  Remaining Milestone Potential").is_empty());
        assert!(contact_people("P.O. Box 1480 Kearney, NE 68848-1480").is_empty());
        assert!(contact_people("Registrant's telephone number: (408) 996-1010\n\nNot Applicable\n").is_empty());
    }

    #[test]
    fn not_people() {
        assert!(people("Sonus Networks said revenue rose").is_empty());
        assert!(people("said The Company, Inc.").is_empty());
        assert!(people("Investor Relations, Chief").is_empty());
        assert!(people("March Madness said").is_empty());
    }
}
