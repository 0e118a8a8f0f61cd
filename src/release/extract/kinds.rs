//! What a release is: earnings, a call notice, a dividend, an offering, M&A... Each kind is decided
//! by words in a place that speaks for the whole release: the headline, the lead (the opening
//! paragraphs of the news), the item headings of the 8-K it came in, and for a few kinds that are
//! stated in one sentence of their own (a dividend declared, an officer appointed, a Nasdaq notice,
//! an outlook), any sentence of the news. Risk factors, "About" paragraphs and safe-harbour text
//! never decide a kind: "dividend" in boilerplate does not make a dividend release.
//!
//! The main kind comes first: the one the headline names, else the lead, else the filing.

use crate::release::gate::{Gap, Gate, Spread};
use crate::release::model::{Figure, Flag, FlagKind, KindEvidence, ReleaseKind, Section, SectionKind};
use crate::release::pattern::Pattern;
use crate::release::text::{ceil_boundary, floor_boundary, sentence_around};
use std::sync::LazyLock;

/// Where a cue was found; the order is the order of authority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Zone {
    Headline,
    Lead,
    Filing,
    Body,
    Figures,
}

/// How far into the news the lead reaches, and how much of it must be read before the lead ends
/// with a section (a short "the Registrant issued the following press release:" is no lead).
const LEAD_BYTES: usize = 1200;
const LEAD_MIN: usize = 300;
const HEADLINE_BYTES: usize = 300;

struct Rule {
    kind: ReleaseKind,
    /// The zones the rule may decide in.
    zones: &'static [Zone],
    /// Words one of which each match holds (the keyword gate).
    words: &'static [&'static str],
    re: Spread,
}

macro_rules! rule {
    ($kind:expr, $zones:expr, $words:expr, $re:expr) => {
        Rule {
            kind: $kind,
            zones: $zones,
            words: $words,
            re: $re,
        }
    };
}

/// The rules' words, one family a rule.
static GATE: LazyLock<Gate> = LazyLock::new(|| Gate::new(&RULES.iter().map(|r| r.words).collect::<Vec<_>>()));

const HL: &[Zone] = &[Zone::Headline, Zone::Lead];
const HLB: &[Zone] = &[Zone::Headline, Zone::Lead, Zone::Body];
const H: &[Zone] = &[Zone::Headline];

/// What may stand between an earnings verb and the results it reports: words, figures, `&`,
/// apostrophes, commas, hyphens and white space (`[A-Za-z0-9&'’,\- ]` and `\s`).
fn not_before_results(c: char) -> bool {
    !(c.is_ascii_alphanumeric() || c.is_whitespace() || matches!(c, '&' | '\'' | '’' | ',' | '-'))
}

static RULES: [Rule; 23] = [
    rule!(
        ReleaseKind::Earnings,
        HL,
        &["report", "announce", "post", "deliver"],
        // "reported fourth quarter and full year 2024 results", "announces record net income":
        // up to 60 characters of words, figures and punctuation before the results
        Spread::greedy(
            r"(?i)(?-u:\b)(?:reports?|reported|announces?|announced|posts?|posted|delivers?|delivered)(?:\s+today)?(?:\s+that)?(?-u:\b)",
            Gap::of(61, not_before_results),
            r"(?i)\s(?:(?:financial|operating|quarterly|annual|full[- ]year|year[- ]end|(?:first|second|third|fourth)[- ]quarter|fiscal(?:\s+year)?|interim|Q[1-4]|[0-9]{4})\s+(?:[A-Za-z0-9\- ]{0,30}\s)?results|earnings|net\s+(?:income|loss|profit|sales|revenues?)|(?:total\s+)?revenues?|sales\s+and\s+revenues)(?-u:\b)"
        )
    ),
    // "2006 Southern Company earnings bolstered by ...", "Third Quarter Results"
    rule!(
        ReleaseKind::Earnings,
        H,
        &["earnings", "results", "income"],
        Spread::one(
            r"(?i)(?-u:\b)(?:earnings|(?:quarter|quarterly|year|fiscal|annual)\s+(?:financial\s+)?results|financial\s+results|net\s+income)(?-u:\b)"
        )
    ),
    // "Aemetis to Review Third Quarter 2024 Financial Results on November 12", "to Host Q2 2025 Earnings Call"
    rule!(
        ReleaseKind::CallNotice,
        H,
        &[
            "host", "hold", "webcast", "review", "report", "announce", "release", "discuss", "issue"
        ],
        Spread::greedy(
            r"(?i)(?-u:\b)(?:to|will)\s+(?:host|hold|webcast|review|report|announce|release|discuss|issue)(?-u:\b)",
            Gap::line(100),
            r"(?i)(?-u:\b)(?:call|webcast|webinar|results|earnings)(?-u:\b)"
        )
    ),
    rule!(
        ReleaseKind::CallNotice,
        H,
        &["conference", "earnings", "webcast", "webinar", "investor"],
        Spread::one(r"(?i)(?-u:\b)(?:conference\s+call|earnings\s+call|webcast|webinar|investor\s+call)(?-u:\b)")
    ),
    // "will issue its second quarter 2025 financial results on Tuesday, August 19, 2025"
    rule!(
        ReleaseKind::CallNotice,
        HLB,
        &["announce", "report", "release", "issue", "publish"],
        Spread::greedy2(
            r"(?i)(?-u:\b)will\s+(?:announce|report|release|issue|publish)\s+(?:its\s+)?",
            Gap::sentence(60),
            r"(?i)(?-u:\b)(?:results|earnings)(?-u:\b)",
            Gap::sentence(40),
            r"(?i)(?-u:\b)(?:on|before|after)\s+(?:[A-Z][a-z]+day|[A-Z][a-z]+\.?\s+[0-9])"
        )
    ),
    rule!(
        ReleaseKind::Dividend,
        H,
        &["dividend"],
        Spread::one(r"(?i)(?-u:\b)dividends?(?-u:\b)")
    ),
    // "The Board of Directors declared a quarterly cash dividend of $0.12 per share"
    rule!(
        ReleaseKind::Dividend,
        HLB,
        &["dividend"],
        Spread::one(
            r"(?i)(?-u:\b)(?:declared|declares|approved|approves|raised|raises|increased|increases|announced|announces)\s+(?:[a-z\- ]{0,40}\s)?dividends?(?-u:\b)"
        )
    ),
    rule!(
        ReleaseKind::Offering,
        HL,
        &["offering", "placement", "pricing"],
        Spread::one(
            r"(?i)(?-u:\b)(?:(?:public|private|underwritten|registered\s+direct|secondary|follow-on|initial\s+public|at-the-market|notes|bought\s+deal)\s+offering|private\s+placement|pricing\s+of\s+(?:its\s+)?(?:an?\s+)?(?:upsized\s+)?\$)"
        )
    ),
    rule!(
        ReleaseKind::MAndA,
        H,
        &["acqui", "merge", "tender", "investment", "divest", "purchase"],
        Spread::one(
            r"(?i)(?-u:\b)(?:acquires?|acquired|acquisition|to\s+acquire|merger|merge|to\s+be\s+acquired|tender\s+offer|equity\s+investment|strategic\s+investment|divest(?:s|iture)?|to\s+purchase)(?-u:\b)"
        )
    ),
    rule!(
        ReleaseKind::MAndA,
        &[Zone::Lead],
        &["acqui", "purchase", "merge", "sale", "divest", "definitive", "tender"],
        Spread::one(
            r"(?i)(?-u:\b)(?:(?:agreed|agreement|intention|plans?)\s+to\s+(?:acquire|purchase|merge|be\s+acquired)|(?:has|have)\s+acquired\s+(?:the\s+)?[A-Z]|completed?\s+(?:the|its)\s+(?:acquisition|merger|sale|divestiture)|definitive\s+(?:merger\s+)?agreement|merger\s+agreement|tender\s+offer)"
        )
    ),
    rule!(
        ReleaseKind::ListingNotice,
        HLB,
        &[
            "compliance",
            "minimum",
            "listing",
            "deficiency",
            "delinquency",
            "nasdaq",
            "nyse",
            "york"
        ],
        Spread::one(
            r"(?i)(?-u:\b)(?:regain\s+compliance|minimum\s+bid\s+price|continued\s+listing|listing\s+rule\s+[0-9]|deficiency\s+(?:letter|notice)|delinquency\s+notification|notice\s+of\s+delisting|delisting\s+notice|(?:notification|notice|letter)\s+from\s+(?:the\s+)?(?:nasdaq|nyse|new\s+york\s+stock\s+exchange))"
        )
    ),
    rule!(
        ReleaseKind::FilingDelay,
        HLB,
        &["delay", "file", "filing", "12b-25", "10-k", "10-q"],
        Spread::one(
            r"(?i)(?-u:\b)(?:delay(?:s|ed)?\s+(?:in\s+)?(?:the\s+)?(?:its\s+)?(?:filing|annual\s+report|quarterly\s+report)|(?:unable|not\s+be\s+able)\s+to\s+(?:timely\s+)?file|will\s+not\s+(?:timely\s+)?file|late\s+filing|form\s+12b-25|NT\s+10-[KQ]|extension\s+of\s+time\s+to\s+file)"
        )
    ),
    rule!(
        ReleaseKind::Restatement,
        HLB,
        &["restat", "non-reliance", "relied"],
        Spread::one(
            r"(?i)(?-u:\b)(?:restatement|restate|restated|restating|non-reliance|should\s+(?:no\s+longer|not)\s+be\s+relied\s+upon)(?-u:\b)"
        )
    ),
    rule!(
        ReleaseKind::LitigationNotice,
        HL,
        &[
            "class",
            "derivative",
            "lawsuit",
            "litigation",
            "settlement",
            "complaint",
            "suit",
            "verdict"
        ],
        Spread::one(
            r"(?i)(?-u:\b)(?:class\s+action|derivative\s+(?:action|suit|lawsuit|complaint)|lawsuits?|securities\s+litigation|settlement\s+of\s+(?:the\s+)?[A-Za-z ]{0,40}(?:action|suit|litigation|claims)|(?:filed|files)\s+(?:a\s+)?(?:complaint|suit)|jury\s+verdict)(?-u:\b)"
        )
    ),
    rule!(
        ReleaseKind::Buyback,
        HL,
        &["repurchase", "buyback", "buy-back", "dutch"],
        Spread::one(
            r"(?i)(?-u:\b)(?:(?:stock|share)\s+)?(?:repurchase|buyback|buy-back)\s+(?:program|authori[sz]ation|plan)|authori[sz]ed\s+(?:the\s+)?(?:repurchase|buyback)|(?:intent|plans?|intends?)\s+to\s+repurchase|repurchase\s+(?:of\s+)?up\s+to|dutch\s+auction|accelerated\s+share\s+repurchase"
        )
    ),
    rule!(
        ReleaseKind::HoldingsNotice,
        HL,
        &["majority", "controlling", "beneficial", "13d", "13g", "holding", "voting"],
        Spread::one(
            r"(?i)(?-u:\b)(?:majority\s+(?:interest|shareholder|stockholder|stake|owner)|controlling\s+(?:interest|stake)|beneficial\s+owner(?:ship)?|schedule\s+13[DG]|major\s+(?:share)?holdings?|total\s+voting\s+rights|notification\s+of\s+(?:major\s+)?holdings?)(?-u:\b)"
        )
    ),
    rule!(
        ReleaseKind::ShareholderMeeting,
        H,
        &["meeting"],
        Spread::one(
            r"(?i)(?-u:\b)(?:(?:annual|special|extraordinary)\s+(?:general\s+)?meeting\s+of\s+(?:share|stock)holders|(?:annual|special)\s+(?:share|stock)holders'?\s+meeting|annual\s+general\s+meeting)(?-u:\b)"
        )
    ),
    // "will hold its annual meeting of stockholders", "results of the special meeting"
    rule!(
        ReleaseKind::ShareholderMeeting,
        &[Zone::Lead],
        &["meeting"],
        Spread::one(
            r"(?i)(?-u:\b)(?:will\s+hold|to\s+hold|held|convened?|results\s+of)\s+(?:its\s+|the\s+|an?\s+)?(?:[0-9]{4}\s+)?(?:annual|special|extraordinary)\s+(?:general\s+)?(?:meeting|(?:share|stock)holders'?\s+meeting)"
        )
    ),
    // "Looking ahead to the fourth quarter of fiscal 2004, we expect revenue of about $2.1 billion"
    rule!(
        ReleaseKind::Guidance,
        HLB,
        &[
            "outlook",
            "guidance",
            "expect",
            "anticipate",
            "project",
            "forecast",
            "aim",
            "target",
            "looking"
        ],
        Spread::greedy(
            r"(?i)(?-u:\b)(?:outlook|guidance|expects?|anticipates?|projects?|forecasts?|aims?\s+to|targets?|looking\s+ahead)(?-u:\b)",
            Gap::sentence(120),
            r"(?i)(?-u:\b)(?:revenues?|sales|earnings|EPS|per\s+share|margins?|EBITDA|EBITA|income|cash\s+flow|growth)(?-u:\b)"
        )
    ),
    rule!(
        ReleaseKind::BusinessUpdate,
        HL,
        &["update", "present", "clinical", "approval", "clearance"],
        Spread::one(
            r"(?i)(?-u:\b)(?:(?:corporate|business|operational|company|strategic|shareholder)\s+update|presents?\s+(?:its\s+)?(?:plan|strategy|strategic)|to\s+present\s+(?:new\s+)?(?:clinical|preclinical|data)|clinical\s+(?:data|trial)|(?:approval|clearance)\s+(?:by|from)\s+the)(?-u:\b)"
        )
    ),
    rule!(
        ReleaseKind::ExecutiveChange,
        HLB,
        &[
            "appoint", "name", "elect", "promot", "hire", "resign", "retire", "step", "succe", "join"
        ],
        Spread::greedy(
            r"(?i)(?-u:\b)(?:appoint(?:s|ed|ment)?|names|named|elects?|elected|promot(?:es|ed)|hires?|hired|resign(?:s|ed|ation)?|retire(?:s|d|ment)?|steps?\s+down|succeed(?:s|ed)?|successor|join(?:s|ed)?\s+(?:as|the\s+board))(?-u:\b)",
            Gap::sentence_with_initials(100),
            r"(?i)(?-u:\b)(?:chief|CEO|CFO|COO|CTO|CIO|president|chairman|chair|chairwoman|director|directors|officer|executive\s+committee|general\s+counsel|treasurer)(?-u:\b)"
        )
    ),
    rule!(
        ReleaseKind::ExecutiveChange,
        HLB,
        &["chief", "ceo", "cfo", "president", "director"],
        Spread::greedy(
            r"(?i)(?-u:\b)(?:chief\s+[a-z ]{0,30}officer|CEO|CFO|president|director)(?-u:\b)",
            Gap::sentence(60),
            r"(?i)(?-u:\b)(?:resign(?:s|ed)?|retire(?:s|d)?|steps?\s+down|departs?|succeed(?:s|ed)?)(?-u:\b)"
        )
    ),
    // generic news words count only when nothing else is named (see below)
    rule!(
        ReleaseKind::BusinessUpdate,
        H,
        &[
            "launch",
            "partnership",
            "collaboration",
            "contract",
            "unveil",
            "introduce",
            "expand",
            "open",
            "milestone",
            "approval",
            "agreement"
        ],
        Spread::one(
            r"(?i)(?-u:\b)(?:launch(?:es|ed)?|partnership|collaboration|contract|unveils?|introduces?|expands?|opens?|milestone|approval|agreement)(?-u:\b)"
        )
    ),
];

/// Kinds decided by a sentence with these words are ruled out.
static DENIAL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)(?-u:\b)(?:never|not|no|may|might|could|would|intends?|forward-looking|ability\s+to|there\s+can\s+be)(?-u:\b)")
});

/// 8-K item headings ("Item 5.02 Departure of Directors or Certain Officers").
static ITEM: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"(?im)^item\s+([0-9])\.([0-9]{2})(?-u:\b)"));

/// Where an item heading that starts its title at `from` ends: its line, at most 120 characters.
fn item_end(text: &str, from: usize) -> usize {
    Gap::line(120).limit(text, from)
}

fn item_kind(major: &str, minor: &str) -> Option<ReleaseKind> {
    Some(match (major, minor) {
        ("1", "01") | ("2", "01") => ReleaseKind::MAndA,
        ("2", "02") => ReleaseKind::Earnings,
        ("3", "01") => ReleaseKind::ListingNotice,
        ("4", "02") => ReleaseKind::Restatement,
        ("5", "02") => ReleaseKind::ExecutiveChange,
        ("5", "07") => ReleaseKind::ShareholderMeeting,
        _ => return None,
    })
}

/// A cue: where, at which offset, the kind, its span, and whether it is a generic news word.
type Cue = (Zone, usize, ReleaseKind, usize, usize, bool);

/// A headline about results that are not (yet) given.
static UPDATE_ON: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i)(?-u:\b)(?:update|status|delay(?:s|ed)?|timing|date|restate(?:s|d|ment)?|postpone[sd]?)(?-u:\b)"));

/// Future tense: the results are to come.
static FUTURE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)(?-u:\b)(?:(?:will|to)\s+(?:issue|report|release|announce|host|hold|discuss|review|publish)|scheduled)(?-u:\b)")
});
/// Indices into [`RULES`] of the rules other rules consult.
const EARNINGS_HEADLINE: usize = 1;
const CALL_NOTICE_HEADLINE: usize = 2;
const HOLDINGS: usize = 15;
const GENERIC_NEWS: usize = 22;

fn zones_of(text: &str, sections: &[Section], headline: Option<&str>) -> Vec<(Zone, usize, usize)> {
    let mut z = Vec::new();
    // a release the segmenter could not split is all lead; a headline that is no section is found in the text
    if !sections
        .iter()
        .any(|s| matches!(s.kind, SectionKind::Status | SectionKind::Headline))
    {
        let end = floor_boundary(text, LEAD_BYTES.min(text.len()));
        z.push((Zone::Lead, 0, end));
        z.push((Zone::Body, end, text.len()));
    }
    if !sections.iter().any(|s| s.kind == SectionKind::Headline) {
        if let Some(at) = headline.filter(|h| !h.trim().is_empty()).and_then(|h| text.find(h)) {
            z.push((Zone::Headline, at, at + headline.map_or(0, str::len)));
        }
    }
    let mut lead_read = 0;
    for s in sections {
        match s.kind {
            SectionKind::Headline => {
                // a long headline block runs into bullets and tables: only its opening lines speak for the release
                let end = floor_boundary(text, s.end.min(s.start + HEADLINE_BYTES));
                z.push((Zone::Headline, s.start, end));
                if end < s.end {
                    z.push((Zone::Body, end, s.end));
                }
            }
            SectionKind::Status if lead_read < LEAD_MIN => {
                let end = floor_boundary(text, s.end.min(s.start + LEAD_BYTES - lead_read));
                lead_read += end - s.start;
                z.push((Zone::Lead, s.start, end));
                if end < s.end {
                    z.push((Zone::Body, end, s.end));
                }
            }
            SectionKind::Status | SectionKind::Quote | SectionKind::Call | SectionKind::Other => z.push((Zone::Body, s.start, s.end)),
            SectionKind::Filing => z.push((Zone::Filing, s.start, s.end)),
            _ => {}
        }
    }
    z
}

/// What the kinds are read from besides the text: the headline, the red flags, the figures, and
/// the span of the call's live dial-in when the release announces a call with one.
pub struct Inputs<'a> {
    pub headline: Option<&'a str>,
    pub flags: &'a [Flag],
    pub figures: &'a [Figure],
    pub call_dial_in: Option<(usize, usize)>,
}

pub fn find(text: &str, sections: &[Section], inputs: &Inputs) -> (Vec<ReleaseKind>, Vec<KindEvidence>) {
    let Inputs {
        headline,
        flags,
        figures,
        call_dial_in,
    } = *inputs;
    let mut cues: Vec<Cue> = Vec::new();
    for (zone, a, b) in zones_of(text, sections, headline) {
        // 8-K item headings decide in the filing, and where an 8-K body was read as the news
        for c in ITEM.captures_iter(&text[a..b]).filter(|_| zone != Zone::Filing) {
            let (Some(all), Some(major), Some(minor)) = (c.get(0), c.get(1), c.get(2)) else {
                continue;
            };
            let end = item_end(&text[a..b], all.end());
            let title = text[a + minor.end()..a + end].trim_start().to_ascii_lowercase();
            if let Some(k) = item_kind(major.as_str(), minor.as_str()).filter(|_| !title.starts_with("of ") && !title.is_empty()) {
                cues.push((Zone::Filing, a + all.start(), k, a + all.start(), a + end, false));
            }
        }
        if zone == Zone::Filing {
            for c in ITEM.captures_iter(&text[a..b]) {
                let (Some(all), Some(major), Some(minor)) = (c.get(0), c.get(1), c.get(2)) else {
                    continue;
                };
                let end = item_end(&text[a..b], all.end());
                let after = text[a + end..b].trim_start().to_ascii_lowercase();
                let title = text[a + minor.end()..a + end].trim_start().to_ascii_lowercase();
                if after.starts_with("none") || after.starts_with("not applicable") || title.starts_with("of ") || title.is_empty() {
                    continue;
                }
                if let Some(k) = item_kind(major.as_str(), minor.as_str()) {
                    cues.push((zone, a + all.start(), k, a + all.start(), a + end, false));
                }
            }
            continue;
        }
        // a headline may run over a line break: read it as one line (same byte offsets)
        let joined = if zone == Zone::Headline {
            text[a..b].replace('\n', " ")
        } else {
            String::new()
        };
        let hay = if zone == Zone::Headline { joined.as_str() } else { &text[a..b] };
        let present = GATE.present(hay);
        for (ri, r) in RULES
            .iter()
            .enumerate()
            .filter(|&(ri, r)| r.zones.contains(&zone) && present.has(ri))
        {
            for (ms, me) in r.re.find_iter(hay) {
                let (s, e) = (a + ms, a + me);
                let (ss, se) = sentence_around(text, s, e);
                let sentence = if zone == Zone::Headline { hay } else { &text[ss..se] };
                // "to report results on" is a notice, not the results
                let before = text[ceil_boundary(text, ss.max(s.saturating_sub(5)))..s].to_ascii_lowercase();
                if r.kind == ReleaseKind::Earnings && (before.ends_with("to ") || before.ends_with("will ") || FUTURE.is_match(sentence)) {
                    continue;
                }
                if r.kind == ReleaseKind::Earnings && zone == Zone::Headline && RULES[CALL_NOTICE_HEADLINE].re.is_match(sentence) {
                    continue;
                }
                if zone != Zone::Headline && DENIAL.is_match(&text[ss..s]) && r.kind != ReleaseKind::Guidance {
                    continue;
                }
                if r.kind == ReleaseKind::Guidance && sentence.to_ascii_lowercase().contains("forward-looking") {
                    continue;
                }
                // "has acquired a majority interest" is a holding, not a merger
                if r.kind == ReleaseKind::MAndA && RULES[HOLDINGS].re.is_match(sentence) {
                    continue;
                }
                // "a non-controlling interest" is an investment, not a holding to report
                if r.kind == ReleaseKind::HoldingsNotice && before.ends_with("non-") {
                    continue;
                }
                // "Provides Update on Status of Its Financial Results" is about the results, not them
                if ri == EARNINGS_HEADLINE && UPDATE_ON.is_match(sentence) {
                    continue;
                }
                cues.push((zone, s, r.kind, s, e, ri == GENERIC_NEWS));
                break;
            }
        }
    }
    for f in flags
        .iter()
        .filter(|f| matches!(f.section, SectionKind::Status | SectionKind::Headline | SectionKind::Quote))
    {
        let k = match f.kind {
            FlagKind::LateFiling => ReleaseKind::FilingDelay,
            FlagKind::Restatement | FlagKind::NonReliance => ReleaseKind::Restatement,
            FlagKind::Delisting => ReleaseKind::ListingNotice,
            _ => continue,
        };
        cues.push((Zone::Body, f.start, k, f.start, f.end, false));
    }
    if let Some((s, e)) = call_dial_in {
        cues.push((Zone::Figures, s, ReleaseKind::CallNotice, s, e, false));
    }
    if let Some(g) = figures.iter().find(|g| g.guidance) {
        cues.push((Zone::Figures, g.start, ReleaseKind::Guidance, g.start, g.end, false));
    }
    cues.sort_by_key(|c| (c.0, c.1));
    let named_other = cues
        .iter()
        .any(|c| c.2 != ReleaseKind::BusinessUpdate && c.2 != ReleaseKind::Guidance);
    let mut kinds: Vec<ReleaseKind> = Vec::new();
    let mut evidence: Vec<KindEvidence> = Vec::new();
    for &(_, _, kind, s, e, generic) in &cues {
        if kinds.contains(&kind) {
            continue;
        }
        // a generic news word ("launches", "agreement") only makes a business update on its own
        if generic && named_other {
            continue;
        }
        kinds.push(kind);
        evidence.push(KindEvidence {
            kind,
            evidence: text[s..e].to_string(),
            start: s,
            end: e,
        });
    }
    if kinds.is_empty() {
        kinds.push(ReleaseKind::Other);
    }
    (kinds, evidence)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A release of a headline and a body; the body's first paragraph is the lead.
    fn kinds_of(headline: &str, body: &str) -> Vec<ReleaseKind> {
        let text = format!("{headline}\n\n{body}");
        let sections = vec![
            Section {
                kind: SectionKind::Headline,
                title: String::new(),
                start: 0,
                end: headline.len(),
            },
            Section {
                kind: SectionKind::Status,
                title: String::new(),
                start: headline.len() + 2,
                end: text.len(),
            },
        ];
        let inputs = Inputs {
            headline: None,
            flags: &[],
            figures: &[],
            call_dial_in: None,
        };
        find(&text, &sections, &inputs).0
    }

    use ReleaseKind::*;

    /// The earnings lead rule against the one pattern it stands for (its gap counted in code),
    /// on real lead sentences and near misses.
    #[test]
    fn earnings_lead_spread_matches_as_its_pattern() {
        let re = regex::Regex::new(
            r"(?i)(?-u:\b)(?:reports?|reported|announces?|announced|posts?|posted|delivers?|delivered)(?:\s+today)?(?:\s+that)?\s+(?:[A-Za-z0-9&'’,\- ]{0,60}\s)?(?:(?:financial|operating|quarterly|annual|full[- ]year|year[- ]end|(?:first|second|third|fourth)[- ]quarter|fiscal(?:\s+year)?|interim|Q[1-4]|[0-9]{4})\s+(?:[A-Za-z0-9\- ]{0,30}\s)?results|earnings|net\s+(?:income|loss|profit|sales|revenues?)|(?:total\s+)?revenues?|sales\s+and\s+revenues)(?-u:\b)",
        )
        .unwrap();
        let hays = [
            "Acme Corp. (NASDAQ: ACME) today reported financial results for the fourth quarter and full year 2024.",
            "Caterpillar Reports First-Quarter 2022 Results. Sales rose.",
            "Sears, Roebuck and Co. today reported net income of $53 million for the quarter.",
            "Nephros, Inc. announced today its financial results for the three months ended March 31, 2025.",
            "Southern Company today reported third quarter 2006 earnings of $743 million.",
            "Apple announced that Q3 revenues rose 12%. It also posted record revenues.",
            "Globex reports today that its fiscal year 2025 operating results beat guidance.",
            "Initech delivered strong fourth quarter earnings and total revenues of $1.2 billion.",
            "Hooli Inc. (\"Hooli\" or the \"Company\"), a leader in search, today announced results.",
            // near misses: no results named, too far, or the verb inside a word
            "The company announced a new product line and expanded its partnership with a supplier.",
            "Acme reported that the long-awaited and much-discussed merger with Initech, Globex and Hooli had closed; earnings.",
            "Analysts said the company reportedly financial results were strong.",
            "It reports. Earnings follow.",
        ];
        for hay in hays {
            let want: Vec<(usize, usize)> = re.find_iter(hay).map(|m| (m.start(), m.end())).collect();
            let got: Vec<(usize, usize)> = RULES[0].re.find_iter(hay).collect();
            assert_eq!(got, want, "{hay:?}");
        }
        let found = hays.iter().filter(|h| re.is_match(h)).count();
        assert_eq!(found, 8, "the real leads match, the near misses do not");
    }

    #[test]
    fn earnings_from_headline_or_lead() {
        assert_eq!(
            kinds_of("Apple Reports Third Quarter Results", "Apple today announced results."),
            vec![Earnings]
        );
        assert_eq!(
            kinds_of("Caterpillar Inc.", "Caterpillar Reports First-Quarter 2022 Results. Sales rose.")[0],
            Earnings
        );
        assert_eq!(
            kinds_of(
                "Sears",
                "Sears, Roebuck and Co. today reported net income of $53 million for the quarter."
            )[0],
            Earnings
        );
        // a future report is a call notice
        assert_eq!(
            kinds_of(
                "Aemetis to Review Third Quarter 2024 Financial Results on November 12, 2024",
                "Aemetis will host a call."
            ),
            vec![CallNotice]
        );
        // results of a tender offer are not earnings
        assert_eq!(
            kinds_of(
                "Icahn Announces Results of Tender Offer for Shares of CVR",
                "The tender offer expired."
            ),
            vec![MAndA]
        );
    }

    #[test]
    fn dividend_needs_a_declaration_not_boilerplate() {
        assert_eq!(
            kinds_of(
                "Ball Declares Quarterly Dividend And Elects New Officer",
                "The Board also elected Ted Doering to serve as Chief Information Officer."
            ),
            vec![Dividend, ExecutiveChange]
        );
        assert_eq!(
            kinds_of(
                "Acme Reports Q3 Results",
                "Acme reported revenue of $5 million. The Board declared a quarterly cash dividend of $0.12 per share."
            ),
            vec![Earnings, Dividend]
        );
        // never declared, or may declare: not a dividend release
        assert!(
            !kinds_of(
                "Acme Opens Plant",
                "Acme has never declared or paid cash dividends. It may declare dividends later."
            )
            .contains(&Dividend)
        );
    }

    #[test]
    fn deals_offerings_buybacks_holdings() {
        assert_eq!(kinds_of("Apple Computer, Inc. Agrees to Acquire NeXT Software Inc.", "x")[0], MAndA);
        assert_eq!(
            kinds_of("Veritone Announces Pricing of $25 Million Public Offering", "x")[0],
            Offering
        );
        assert_eq!(
            kinds_of("Northern Trust Announces New Stock Repurchase Authorization", "x"),
            vec![Buyback]
        );
        assert_eq!(
            kinds_of(
                "Former Name",
                "Food Concepts Announces New Majority Shareholder. Bishop Management, Inc. has acquired a majority interest in Food Concepts and is currently looking for acquisitions."
            ),
            vec![HoldingsNotice]
        );
        // a product offering is not a securities offering
        assert!(!kinds_of("Acme Expands Its Cloud Offering", "x").contains(&Offering));
    }

    #[test]
    fn notices_delays_and_other() {
        assert_eq!(kinds_of("MNDR Delinquency Notification Letter from Nasdaq", "x")[0], ListingNotice);
        assert_eq!(
            kinds_of("I-ON Digital Corp. Announces Delay in Annual Report Filing", "x"),
            vec![FilingDelay]
        );
        assert_eq!(
            kinds_of("Apple Reaches Settlement of Shareholder Derivative Action", "x"),
            vec![LitigationNotice]
        );
        assert_eq!(
            kinds_of(
                "Mawson Shares Corporate Update",
                "Mawson presented a plan to regain compliance with Nasdaq's continued listing standards."
            ),
            vec![BusinessUpdate, ListingNotice]
        );
        // CEO pay is no executive change
        assert_eq!(
            kinds_of(
                "Apple Board of Directors Announces CEO Compensation",
                "The Board voted to grant the CEO stock options."
            ),
            vec![Other]
        );
        // a generic news word does not add a business update to a named kind
        assert_eq!(
            kinds_of(
                "Blackstone Completes Equity Investment in Rogers in Partnership with Investors",
                "x"
            ),
            vec![MAndA]
        );
    }

    #[test]
    fn item_headings_buybacks_and_unsplit_releases() {
        // an 8-K body read as the news still names its items
        assert!(
            kinds_of(
                "Item 2.02 Results of Operations and Financial Condition.",
                "The information in this Item 2.02 of Form 8-K is furnished."
            )
            .contains(&Earnings)
        );
        assert!(
            kinds_of(
                "Agilent Technologies Announces Intent to Repurchase up to $2.7 Billion of Its Common Stock",
                "x"
            )
            .contains(&Buyback)
        );
        // a release the segmenter could not split is read whole
        let text = "Qualcomm Declares Quarterly Cash Dividend\n\nThe Board declared a quarterly cash dividend of $0.42 per share.";
        let inputs = Inputs {
            headline: Some("Qualcomm Declares Quarterly Cash Dividend"),
            flags: &[],
            figures: &[],
            call_dial_in: None,
        };
        assert_eq!(find(text, &[], &inputs).0, vec![Dividend]);
    }

    #[test]
    fn rule_indices_point_at_their_rules() {
        assert_eq!(RULES[EARNINGS_HEADLINE].kind, Earnings);
        assert_eq!(RULES[CALL_NOTICE_HEADLINE].kind, CallNotice);
        assert_eq!(RULES[HOLDINGS].kind, HoldingsNotice);
        assert_eq!(RULES[GENERIC_NEWS].kind, BusinessUpdate);
    }

    #[test]
    fn results_not_given_and_minority_stakes() {
        assert!(
            !kinds_of(
                "Sonus Networks Provides Update on Status of Its Financial Results",
                "Sonus will delay the filing of its Form 10-K."
            )
            .contains(&Earnings)
        );
        assert!(
            !kinds_of(
                "Blackstone Completes Investment",
                "Blackstone has acquired a non-controlling interest in a subsidiary of Rogers."
            )
            .contains(&HoldingsNotice)
        );
    }

    #[test]
    fn guidance_in_the_news_not_in_safe_harbour() {
        assert!(kinds_of("Apple Reports Results", "Looking ahead, we expect revenue of about $2.1 billion.").contains(&Guidance));
        assert!(
            !kinds_of(
                "Apple Reports Results",
                "These forward-looking statements include that we expect revenue to grow."
            )
            .contains(&Guidance)
        );
    }
}
