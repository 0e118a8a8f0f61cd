//! Key figures from prose: "Third quarter revenue increased 6% to $412 million", "net income of
//! $1.2 billion, or $0.52 per diluted share", "expects revenue of $2.70 to $2.94 billion".
//!
//! In a sentence each amount belongs to the metric named last before it ("net income of $53
//! million, or $0.24 per share": the amount per share is the EPS of that income). Amounts after a
//! comparison ("compared with $309 million", "from $7.79 million") are the prior period's and are
//! no figure; "to $4.90 million" after "from" is the current one again. An amount right after
//! "including" is a component, "an increase of $41 million" a change. A percentage is a figure
//! only for a margin; after "up", "increased" and the like it is the change of the figure beside it.
//! The period is the one the sentence names, else the one its paragraph named last, else the
//! release's own (from the headline and lead); "the quarter" is the release's quarter.
//!
//! Money comes from the money facts; the few shapes they leave out ("$.16", "27 cents a share",
//! "CDN$7 billion") are read here. Tables are read in [`super::tables`].

use super::tables;
use crate::release::gate::Gate;
use crate::release::model::{Basis, Change, Fact, FactKind, Figure, FigureSource, Metric, Section, SectionKind};
use crate::release::pattern::Pattern;
use crate::release::text::{ceil_boundary, floor_boundary, rfind_short, sentence_around};
use std::sync::LazyLock;

/// What a phrase of a sentence names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Revenue,
    NetIncome,
    /// "earnings", "profit": net income for an amount, EPS for an amount per share.
    Earnings,
    Eps,
    OperatingIncome,
    OperatingMargin,
    GrossMargin,
    Ebitda,
    FreeCashFlow,
    Dividend,
    Offering,
    OfferingPrice,
    Deal,
    Buyback,
    /// A metric that is none of ours ("cost of sales", "cash flow from operations"): amounts after it are not figures.
    Unrelated,
}

/// A cue's phrase, whole words in any ASCII case, compiled on first use.
macro_rules! cue {
    ($phrase:expr) => {
        Pattern::new(concat!(r"(?i-u)(?-u:\b)(?:", $phrase, r")(?-u:\b)"))
    };
}

/// The metric phrases, in the order they claim a sentence's words. Each comes with the words one
/// of which its every match holds: only the cues a sentence can name are compiled and searched.
static CUES: [(Cue, &[&str], Pattern); 15] = [
    (
        Cue::Eps,
        &["share", "eps"],
        cue!(
            r"(?:diluted\s+)?(?:earnings|income|profit|loss|net\s+income|net\s+loss|net\s+earnings)(?:\s+\(loss\))?\s+per\s+(?:diluted\s+|basic\s+|common\s+)*share|EPS"
        ),
    ),
    (Cue::OperatingMargin, &["margin"], cue!(r"operating\s+(?:profit\s+)?margins?")),
    (Cue::GrossMargin, &["margin"], cue!(r"gross\s+(?:profit\s+)?margins?(?:\s+rate)?")),
    (
        Cue::OperatingIncome,
        &["operati"],
        cue!(r"operating\s+(?:income|profit|loss|earnings)|(?:income|loss)\s+from\s+operations"),
    ),
    (Cue::Ebitda, &["ebitda"], cue!(r"(?:adjusted\s+)?EBITDA")),
    (Cue::FreeCashFlow, &["free"], cue!(r"free\s+cash\s+flows?")),
    (
        Cue::Unrelated,
        &[
            "cost",
            "cash",
            "expense",
            "profit",
            "backlog",
            "debt",
            "charge",
            "tax",
            "market",
            "salary",
            "capital",
            "inventor",
            "orders",
            "bookings",
            "liquidity",
        ],
        cue!(
            r"cost\s+of\s+(?:goods\s+)?(?:sales|revenues?|goods\s+sold)|(?:operating\s+)?cash\s+flows?(?:\s+from\s+operations)?|cash\s+and\s+(?:cash\s+)?equivalents|expenses?|gross\s+profit|backlog|debt|charges?|tax(?:es)?|market\s+cap(?:italization)?|salary|capital\s+expenditures|inventor(?:y|ies)|orders|bookings|liquidity"
        ),
    ),
    (
        Cue::NetIncome,
        &["net"],
        cue!(
            r"net\s+(?:quarterly\s+)?(?:income|profit|loss|earnings)(?:\s+attributable\s+to\s+[A-Z][A-Za-z0-9.&\-]*(?:\s+[A-Z][A-Za-z0-9.&\-]*){0,3})?"
        ),
    ),
    (
        Cue::Revenue,
        &["revenue", "sales"],
        cue!(r"(?:net\s+)?revenues?|net\s+sales|sales\s+and\s+revenues|(?:total\s+)?sales"),
    ),
    (
        Cue::Earnings,
        &["earn", "profit", "loss"],
        cue!(r"earnings|earned|profit|net\s+loss"),
    ),
    (Cue::Dividend, &["dividend"], cue!(r"dividends?")),
    (
        Cue::OfferingPrice,
        &["offering", "priced"],
        cue!(r"(?:public\s+)?offering\s+price|priced\s+at"),
    ),
    (
        Cue::Offering,
        &["proceeds", "offering", "placement"],
        cue!(
            r"gross\s+proceeds|(?:public|private|underwritten|registered\s+direct|secondary|follow-on|notes)\s+offering|private\s+placement"
        ),
    ),
    (
        Cue::Deal,
        &["value", "purchase", "consideration", "investment", "acquisition", "acquire"],
        cue!(
            r"(?:indicated|aggregate|enterprise|equity|transaction|deal|total)\s+value|valued\s+at|(?:total\s+|aggregate\s+)?purchase\s+price|aggregate\s+consideration|(?:equity|strategic)\s+investment|acquisition\s+for|acquire\s+[A-Z][A-Za-z0-9.&\- ]{0,40}\s+for|merger\s+consideration"
        ),
    ),
    (
        Cue::Buyback,
        &["repurchase", "buyback", "buy-back"],
        cue!(r"(?:stock\s+|share\s+)?(?:repurchase|buyback|buy-back)(?:\s+(?:program|authori[sz]ation|plan))?"),
    ),
];

/// One pass over a sentence tells which cues it can hold.
static CUE_GATE: LazyLock<Gate> = LazyLock::new(|| Gate::new(&CUES.iter().map(|(_, words, _)| *words).collect::<Vec<_>>()));

/// Words that make the amounts after them the prior period's.
static COMPARATIVE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i-u)(?-u:\b)(?:compared\s+(?:with|to)|compare\s+to|comparison\s+with|versus|vs\.?|from|prior[- ]year|year[- ]ago|a\s+year\s+(?:ago|earlier)|last\s+year|previous\s+year|same\s+period|prior\s+period|(?:in|for)\s+the\s+(?:prior|previous|comparable))(?-u:\b)",
    )
});
/// Words that make the amounts after them adjusted (non-GAAP) ones.
static ADJUSTED: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i-u)(?:non-gaap|(?-u:\b)adjusted|(?-u:\b)excluding|(?-u:\b)excludes|(?-u:\b)before\s+(?:special|one-time|unusual|non-recurring)|(?-u:\b)pro\s+forma|(?-u:\b)core\s+(?:earnings|eps)|(?-u:\b)underlying)",
    )
});
static GAAP: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"(?i-u)(?:^|(?u:[^-A-Za-z]))(?:GAAP|as\s+reported|reported)\s*$"));
static GUIDANCE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i-u)(?-u:\b)(?:expects?|anticipates?|projects|forecasts?|outlook|guidance|looking\s+ahead|reaffirm(?:s|ed)?|raises\s+(?:its\s+)?(?:full[- ]year\s+)?(?:guidance|outlook)|sees|targets)(?-u:\b)",
    )
});
/// An amount right after these words is a part of another ("including $0.03 per share of ...").
static COMPONENT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i-u)(?-u:\b)(?:including|includes|included|excluding|less|net\s+of|plus|of\s+which|related\s+to)\s+(?:approximately\s+|about\s+)?$",
    )
});
/// An amount or percentage right after these words is a change.
static CHANGE_BEFORE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i-u)(?-u:\b)(?:(?:increase|decrease|decline|rise|gain|improvement|reduction|growth|drop)\s+of|up|down|by|increased|decreased|rose|fell|grew|declined|gained|jumped|improved|dropped|climbed|slipped)\s+(?:approximately\s+|about\s+|nearly\s+)?$",
    )
});
static NEGATIVE_CHANGE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i-u)(?-u:\b)(?:decrease|decline|reduction|drop|down|decreased|fell|declined|dropped|slipped|lower)"));
static PER_SHARE_AFTER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i-u)^\)?\s*(?:per|a|for\s+each)\s+(?:diluted\s+|basic\s+|common\s+|fully\s+diluted\s+|ordinary\s+)*(?:share|ADS)")
});
static RANGE_JOIN: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"(?i-u)^\s*(?:to|-|–|—|and|through)\s*$"));
/// Amounts the money facts leave out.
static EXTRA_MONEY: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i-u)(?:(?-u:\b)(CDN|CAD|AUD|NZD|NZ|US)\$\s?([0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?:\s?(million|billion|thousand)(?-u:\b))?|\$(\.[0-9]{1,4})(?-u:\b)|(?-u:\b)([0-9]{1,3}(?:\.[0-9]+)?)\s+cents(?-u:\b))",
    )
});

const ORD: &str = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)";
const YEAR: &str = r"(?:19|20)[0-9]{2}";
const DATE: &str = r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+[0-9]{1,2},?\s+(?:19|20)[0-9]{2})";
const WEEKS: &str = r"(?:thirteen|fourteen|twelve|twenty-six|thirty-nine|fifty-two|fifty-three|13|14|12|26|39|52|53)";

/// Periods as a sentence names them; specific forms first.
static PERIOD: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::owned(format!(
        r"(?i-u)(?-u:\b)(?:(?:fiscal\s+(?:year\s+)?)?{YEAR}\s+{ORD}[- ](?:fiscal\s+)?quarter(?:\s+ended\s+{DATE})?|(?:fiscal\s+(?:year\s+)?)?{YEAR}\s+Q[1-4]|{ORD}[- ](?:fiscal\s+)?quarter(?:\s+(?:of\s+)?(?:fiscal\s+(?:year\s+)?)?{YEAR})?(?:\s+ended\s+{DATE})?|Q[1-4](?:\s?(?:FY\s?)?'?(?:{YEAR}|[0-9]{{2}}))?|{WEEKS}[- ]weeks?(?:\s+fiscal)?(?:\s+(?:quarter|period|year))?(?:\s+ended\s+{DATE})?|(?:three|six|nine|twelve)\s+months\s+ended\s+{DATE}|(?:first|last)\s+(?:three|six|nine)\s+months(?:\s+of\s+(?:fiscal\s+)?{YEAR})?|(?:first|second)\s+half(?:\s+(?:of\s+)?(?:fiscal\s+)?{YEAR})?|full[- ]year(?:\s+(?:fiscal\s+)?{YEAR})?|{YEAR}\s+full[- ]year|fiscal\s+(?:year\s+)?{YEAR}|FY\s?'?(?:{YEAR}|[0-9]{{2}})|(?:fiscal\s+)?(?:quarter|year)\s+ended\s+{DATE}|(?:the|this)\s+(?:fiscal\s+)?(?:quarter|year)(?:\s+ended\s+{DATE})?|(?:fiscal\s+)?quarter|(?:in|for)\s+{YEAR}|{YEAR}\s+(?:sales|revenues?|earnings))(?-u:\b)"
    ))
});
static PRIOR_PERIOD: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i-u)(?:year[- ]ago|prior[- ]year|prior|previous|last|same|comparable|year-earlier)\s+(?:fiscal\s+)?(?:[0-9a-z\-]+\s+)?$",
    )
});
static YEAR_IN: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"(?-u)(?-u:\b)((?:19|20)[0-9]{2})(?-u:\b)"));

/// An amount in a sentence.
#[derive(Debug, Clone)]
struct Amount {
    start: usize,
    end: usize,
    value: f64,
    currency: Option<String>,
    percent: bool,
    /// Written with a scale word ("$2.94 billion").
    scaled: bool,
}

fn amounts(text: &str, facts: &[Fact], from: usize, to: usize) -> Vec<Amount> {
    let mut out: Vec<Amount> = Vec::new();
    // facts are sorted by start: only the sentence's slice is read
    let first = facts.partition_point(|f| f.start < from);
    let last = facts.partition_point(|f| f.start < to).max(first);
    for f in facts[first..last].iter().filter(|f| f.end <= to) {
        let Some(v) = f.value.as_deref() else { continue };
        match f.kind {
            FactKind::Money => {
                let (cur, num) = v.split_once(' ').unwrap_or(("USD", v));
                if let Ok(value) = num.parse::<f64>() {
                    let l = f.text(text).to_ascii_lowercase();
                    let scaled = ["thousand", "million", "billion", "trillion", "mln", "bn", "mm"]
                        .iter()
                        .any(|w| rfind_short(&l, w).is_some())
                        || f.text(text).trim_end().ends_with(['M', 'B', 'K']);
                    out.push(Amount {
                        start: f.start,
                        end: f.end,
                        value,
                        currency: Some(cur.to_string()),
                        percent: false,
                        scaled,
                    });
                }
            }
            FactKind::Percent => {
                if let Ok(value) = v.trim_end_matches('%').parse::<f64>() {
                    out.push(Amount {
                        start: f.start,
                        end: f.end,
                        value,
                        currency: None,
                        percent: true,
                        scaled: false,
                    });
                }
            }
            _ => {}
        }
    }
    for c in EXTRA_MONEY.captures_iter(&text[from..to]) {
        let all = c.get(0).expect("match");
        let (s, e) = (from + all.start(), from + all.end());
        if out.iter().any(|a| a.start < e && s < a.end) {
            continue;
        }
        let (value, currency, scaled) = if let Some(n) = c.get(2) {
            let scale = match c.get(3).map(|m| m.as_str().to_ascii_lowercase()) {
                Some(w) if w == "thousand" => 1e3,
                Some(w) if w == "million" => 1e6,
                Some(w) if w == "billion" => 1e9,
                _ => 1.0,
            };
            let cur = match c[1].to_ascii_uppercase().as_str() {
                "CDN" | "CAD" => "CAD",
                "AUD" => "AUD",
                "NZD" | "NZ" => "NZD",
                _ => "USD",
            };
            (
                n.as_str().replace(',', "").parse::<f64>().unwrap_or(0.0) * scale,
                cur,
                c.get(3).is_some(),
            )
        } else if let Some(n) = c.get(4) {
            (format!("0{}", n.as_str()).parse::<f64>().unwrap_or(0.0), "USD", false)
        } else if let Some(n) = c.get(5) {
            (n.as_str().parse::<f64>().unwrap_or(0.0) / 100.0, "USD", false)
        } else {
            continue;
        };
        out.push(Amount {
            start: s,
            end: e,
            value,
            currency: Some(currency.to_string()),
            percent: false,
            scaled,
        });
    }
    out.sort_by_key(|a| a.start);
    out
}

/// Metric phrases of `text[from..to]`, longest first where they overlap.
fn cues(text: &str, from: usize, to: usize) -> Vec<(usize, usize, Cue)> {
    let part = &text[from..to];
    let present = CUE_GATE.present(part);
    let mut all: Vec<(usize, usize, Cue)> = Vec::new();
    for (i, (cue, _, re)) in CUES.iter().enumerate() {
        if !present.has(i) {
            continue;
        }
        for m in re.find_iter(part) {
            let (s, e) = (from + m.start(), from + m.end());
            if !all.iter().any(|&(a, b, _)| a < e && s < b) {
                all.push((s, e, *cue));
            }
        }
    }
    all.sort_by_key(|c| c.0);
    // "Software and Cloud revenues", "Online sales": a segment's revenue is not the company's.
    all.retain(|&(s, _, cue)| cue != Cue::Revenue || !segment_before(text, from, s));
    all
}

/// Whether the word right before a revenue phrase names a segment or product line ("Software
/// and Cloud revenues", "Online sales", "comparable store sales"): a segment's revenue is not the
/// company's.
fn segment_before(text: &str, from: usize, at: usize) -> bool {
    let before = &text[ceil_boundary(text, from.max(at.saturating_sub(40)))..at];
    let Some(word) = before.split_whitespace().last() else {
        return false;
    };
    if before.trim_end().ends_with(',') || word.ends_with("'s") || word.ends_with("’s") {
        return false;
    }
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_lowercase();
    const SEGMENT: &[&str] = &[
        "product",
        "products",
        "services",
        "service",
        "subscription",
        "subscriptions",
        "license",
        "licenses",
        "licensing",
        "cloud",
        "software",
        "hardware",
        "online",
        "store",
        "comparable",
        "segment",
        "international",
        "domestic",
        "retail",
        "wholesale",
        "advertising",
        "royalty",
        "recurring",
        "support",
        "system",
        "systems",
        "merchandise",
        "digital",
        "e-commerce",
        "contract",
        "grant",
        "collaboration",
        "interest",
        "fee",
        "fees",
        "rental",
        "other",
        "same-store",
        "organic",
        "division",
        "category",
        "iphone",
        "mac",
        "ipad",
    ];
    if SEGMENT.contains(&w.as_str()) {
        return true;
    }
    const NEUTRAL: &[&str] = &[
        "total",
        "net",
        "gaap",
        "non-gaap",
        "record",
        "quarterly",
        "annual",
        "company",
        "consolidated",
        "group",
        "reported",
    ];
    let ordinal = ["first", "second", "third", "fourth", "fiscal", "full", "q1", "q2", "q3", "q4", "fy"]
        .iter()
        .any(|o| w.starts_with(o));
    // a capitalised word inside the sentence names a line of business ("Cloud", "PaaS")
    let inside = before.trim_end().len() > word.len();
    word.chars().next().is_some_and(char::is_uppercase)
        && inside
        && !NEUTRAL.contains(&w.as_str())
        && !ordinal
        && !w.chars().all(|c| c.is_ascii_digit())
        && !word.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
}

fn cue_metric(cue: Cue, per_share: bool, percent: bool) -> Option<Metric> {
    if percent {
        return match cue {
            Cue::GrossMargin => Some(Metric::GrossMargin),
            Cue::OperatingMargin => Some(Metric::OperatingMargin),
            _ => None,
        };
    }
    if per_share {
        return match cue {
            Cue::Eps | Cue::Earnings | Cue::NetIncome => Some(Metric::Eps),
            Cue::Dividend => Some(Metric::DividendPerShare),
            Cue::OfferingPrice | Cue::Offering => Some(Metric::OfferingPrice),
            _ => None,
        };
    }
    match cue {
        Cue::Revenue => Some(Metric::Revenue),
        Cue::NetIncome | Cue::Earnings => Some(Metric::NetIncome),
        Cue::Eps => Some(Metric::Eps),
        Cue::OperatingIncome => Some(Metric::OperatingIncome),
        Cue::Ebitda => Some(Metric::AdjustedEbitda),
        Cue::FreeCashFlow => Some(Metric::FreeCashFlow),
        Cue::Offering => Some(Metric::OfferingSize),
        Cue::OfferingPrice => Some(Metric::OfferingPrice),
        Cue::Deal => Some(Metric::DealValue),
        Cue::Buyback => Some(Metric::BuybackSize),
        _ => None,
    }
}

/// A period as written, tidied: "First-quarter 2022" -> "first quarter 2022", "q4 fy14" -> "Q4 FY14".
fn tidy_period(p: &str) -> String {
    let l = p.split_whitespace().collect::<Vec<_>>().join(" ").to_ascii_lowercase();
    let l = l.strip_prefix("in ").or_else(|| l.strip_prefix("for ")).unwrap_or(&l);
    let l = l.replace("-quarter", " quarter").replace("full-year", "full year");
    let l = ["sales", "revenues", "revenue", "earnings"]
        .iter()
        .find_map(|w| l.strip_suffix(&format!(" {w}")).map(str::to_string))
        .unwrap_or(l);
    l.split(' ')
        .map(|w| {
            if (w.starts_with('q') && w.len() == 2) || w.starts_with("fy") {
                w.to_ascii_uppercase()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The year a period is of, leaving out the end date ("first quarter ended December 30, 2023" is of no year).
fn period_year(p: &str) -> Option<i32> {
    let head = p.split(" ended ").next().unwrap_or(p);
    YEAR_IN.captures(head).and_then(|c| c[1].parse().ok())
}

fn is_generic_quarter(p: &str) -> bool {
    matches!(
        p,
        "the quarter" | "this quarter" | "quarter" | "fiscal quarter" | "the fiscal quarter" | "this fiscal quarter"
    )
}

fn is_generic_year(p: &str) -> bool {
    matches!(p, "the year" | "this year" | "full year" | "the fiscal year" | "this fiscal year")
}

/// The release's own period: the first quarter and the first year named in the headline and lead.
#[derive(Debug, Default, Clone)]
pub struct MainPeriod {
    pub quarter: Option<String>,
    pub year: Option<i32>,
}

fn main_period(text: &str, sections: &[Section]) -> MainPeriod {
    let mut m = MainPeriod::default();
    let mut budget = 1600usize;
    for s in sections
        .iter()
        .filter(|s| matches!(s.kind, SectionKind::Headline | SectionKind::Status) && s.start < text.len())
    {
        if budget == 0 {
            break;
        }
        let end = floor_boundary(text, s.end.min(s.start + budget).min(text.len()));
        budget = budget.saturating_sub(end - s.start);
        for p in PERIOD.find_iter(&text[s.start..end]) {
            if text[s.start + p.end()..].starts_with('-') {
                continue;
            }
            let before = &text[ceil_boundary(text, (s.start + p.start()).saturating_sub(30))..s.start + p.start()];
            if PRIOR_PERIOD.is_match(before) {
                continue;
            }
            let t = tidy_period(p.as_str());
            if is_generic_quarter(&t) || is_generic_year(&t) {
                continue;
            }
            if m.quarter.is_none() && (t.contains("quarter") || t.contains('Q') || t.contains("week")) {
                m.quarter = Some(t.clone());
            }
            if m.year.is_none() {
                m.year = period_year(&t);
            }
        }
    }
    m
}

/// Resolve "the quarter" and "the year" against the release's own period.
fn resolve(p: String, main: &MainPeriod) -> String {
    if is_generic_quarter(&p) {
        return main.quarter.clone().unwrap_or(p);
    }
    if is_generic_year(&p) {
        return match main.year {
            Some(y) => format!("full year {y}"),
            None => "full year".into(),
        };
    }
    if p.starts_with('Q') && p.len() == 2 {
        if let Some(y) = main.year {
            return format!("{p} fiscal {y}");
        }
    }
    p
}

/// Sentences of the prose the figures come from: (paragraph start, sentence start, sentence end),
/// one at a time (a text of a million short lines holds no list of them).
fn prose_sentences<'a>(text: &'a str, sections: &'a [Section]) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
    // a release the segmenter could not split is read whole
    let whole = (0, text.len());
    let split = sections
        .iter()
        .any(|s| matches!(s.kind, SectionKind::Status | SectionKind::Headline));
    let spans = sections
        .iter()
        .filter(move |s| {
            split
                && matches!(
                    s.kind,
                    SectionKind::Headline | SectionKind::Status | SectionKind::Quote | SectionKind::About | SectionKind::Other
                )
        })
        .map(|s| (s.start, s.end))
        .chain((!split).then_some(whole));
    spans.flat_map(move |(s_start, s_end)| {
        let s_end = s_end.min(text.len());
        let mut paragraph = s_start;
        let mut i = s_start;
        std::iter::from_fn(move || {
            if i >= s_end {
                return None;
            }
            let (ss, se) = sentence_around(text, i, i);
            let (ss, se) = (ss.max(s_start), se.min(s_end).max(i + 1));
            let se = ceil_boundary(text, se);
            if text[s_start..ss].ends_with("\n\n") || ss == s_start {
                paragraph = ss;
            }
            i = se;
            while i < s_end && text.as_bytes()[i].is_ascii_whitespace() {
                i += 1;
            }
            Some((paragraph, ss, se))
        })
    })
}

pub fn find(text: &str, sections: &[Section], facts: &[Fact]) -> Vec<Figure> {
    let main = main_period(text, sections);
    let mut figures: Vec<Figure> = Vec::new();
    let mut last_period: Option<(usize, String)> = None;
    for (paragraph, ss, se) in prose_sentences(text, sections) {
        if last_period.as_ref().is_some_and(|(p, _)| *p != paragraph) {
            last_period = None;
        }
        let found = sentence_figures(text, facts, ss, se, &main, last_period.as_ref().map(|p| p.1.as_str()));
        if let Some(p) = sentence_period(text, ss, se, main.year) {
            last_period = Some((paragraph, p));
        }
        for f in found {
            push(&mut figures, f);
        }
    }
    for f in tables::find(text, sections, &main) {
        push(&mut figures, f);
    }
    // A prior year's figure is no key figure of this release.
    if let Some(y) = main.year {
        figures.retain(|f| f.period.as_deref().and_then(period_year).is_none_or(|py| py >= y || f.guidance));
    }
    figures
}

fn push(figures: &mut Vec<Figure>, f: Figure) {
    let same = |g: &Figure| {
        g.metric == f.metric
            && g.guidance == f.guidance
            && g.value
                .zip(f.value)
                .is_some_and(|(a, b)| (a - b).abs() <= 0.005 * a.abs().max(1e-9))
            && g.low == f.low
            && g.high == f.high
    };
    if !figures.iter().any(same) {
        figures.push(f);
    }
}

/// The first period a sentence names that is not a comparison's, not a generic "the quarter", nor of a
/// year before the release's.
fn sentence_period(text: &str, ss: usize, se: usize, year: Option<i32>) -> Option<String> {
    periods_in(text, ss, se)
        .into_iter()
        .find(|p| {
            !p.2 && !is_generic_quarter(&p.3) && !is_generic_year(&p.3) && period_year(&p.3).is_none_or(|py| year.is_none_or(|y| py >= y))
        })
        .map(|p| p.3)
}

/// Periods of `text[ss..se]`: start, end, whether a comparison's, tidied text. "the year-ago
/// quarter" is no "the year".
fn periods_in(text: &str, ss: usize, se: usize) -> Vec<(usize, usize, bool, String)> {
    PERIOD
        .find_iter(&text[ss..se])
        .filter(|m| !text[ss + m.end()..].starts_with('-'))
        .map(|m| {
            let (s, e) = (ss + m.start(), ss + m.end());
            let before = &text[ceil_boundary(text, ss.max(s.saturating_sub(30)))..s];
            (s, e, PRIOR_PERIOD.is_match(before), tidy_period(m.as_str()))
        })
        .filter(|p| !p.3.is_empty())
        .collect()
}

/// Where a sentence turns to the prior period ("compared with", "from $7.79 million") and where
/// it turns back ("to $4.90 million", "while").
struct Turns {
    comparisons: Vec<usize>,
    resets: Vec<usize>,
}

impl Turns {
    fn of(text: &str, ss: usize, se: usize, amounts: &[Amount]) -> Turns {
        let amount_within = |from: usize, reach: usize| amounts.iter().any(|a| a.start >= from && a.start <= from + reach);
        let comparisons = COMPARATIVE
            .find_iter(&text[ss..se])
            .filter(|m| {
                let w = m.as_str().to_ascii_lowercase();
                if w != "from" {
                    return true;
                }
                let after = text[ss + m.end()..se].trim_start().to_ascii_lowercase();
                !after.starts_with("operations") && !after.starts_with("continuing") && amount_within(ss + m.end(), 30)
            })
            .map(|m| ss + m.start())
            .collect();
        let mut resets: Vec<usize> = amounts
            .iter()
            .filter(|a| {
                let before = text[ceil_boundary(text, ss.max(a.start.saturating_sub(40)))..a.start].to_ascii_lowercase();
                let Some(p) = rfind_short(&before, " to ") else { return false };
                let word = before[..p].trim_end().rsplit(' ').next().unwrap_or("");
                before[p + 4..].trim().len() <= 14 && word != "compared" && word != "compare" && word != "relative"
            })
            .map(|a| a.start)
            .collect();
        let lower = text[ss..se].to_ascii_lowercase();
        resets.extend(lower.match_indices(" while ").map(|(i, _)| ss + i));
        resets.extend(lower.match_indices("; ").map(|(i, _)| ss + i));
        resets.sort_unstable();
        Turns { comparisons, resets }
    }

    /// Whether `pos` stands in a comparison.
    fn prior(&self, pos: usize) -> bool {
        let c = self.comparisons.iter().filter(|&&c| c < pos).max();
        let r = self.resets.iter().filter(|&&r| r <= pos).max();
        c.is_some_and(|c| r.is_none_or(|r| r < c))
    }
}

fn sentence_figures(text: &str, facts: &[Fact], ss: usize, se: usize, main: &MainPeriod, paragraph_period: Option<&str>) -> Vec<Figure> {
    let amounts = amounts(text, facts, ss, se);
    if amounts.is_empty() {
        return Vec::new();
    }
    let cues = cues(text, ss, se);
    let turns = Turns::of(text, ss, se, &amounts);
    let periods: Vec<(usize, usize, bool, String)> = periods_in(text, ss, se)
        .into_iter()
        .map(|(s, e, prior, t)| (s, e, prior || turns.prior(s), t))
        .collect();
    let mut component_at: Option<usize> = None;
    let sentence = &text[ss..se];
    let guidance_sentence = GUIDANCE.is_match(sentence) && !sentence.to_ascii_lowercase().contains("forward-looking");
    let mut out: Vec<Figure> = Vec::new();
    let mut changes: Vec<(usize, Change)> = Vec::new();
    let mut skip_next = false;
    for (i, a) in amounts.iter().enumerate() {
        if skip_next {
            skip_next = false;
            continue;
        }
        let before = &text[ceil_boundary(text, ss.max(a.start.saturating_sub(40)))..a.start];
        if COMPONENT.is_match(before) {
            component_at = Some(a.start);
            // "including $0.03 to $0.05 per share": both ends are the component's
            skip_next = amounts.get(i + 1).is_some_and(|b| RANGE_JOIN.is_match(&text[a.end..b.start]));
            continue;
        }
        if CHANGE_BEFORE.is_match(before) || a.percent && followed_by_change(text, a.end, se) {
            if a.percent {
                let negative = NEGATIVE_CHANGE.is_match(before)
                    || text[a.end..floor_boundary(text, se.min(a.end + 20))]
                        .to_ascii_lowercase()
                        .contains("decrease");
                changes.push((
                    a.start,
                    Change {
                        percent: if negative { -a.value } else { a.value },
                        text: text[ceil_boundary(text, a.start.saturating_sub(before.len().min(20)))..a.end]
                            .trim()
                            .to_string(),
                    },
                ));
            }
            continue;
        }
        // the governing phrase: the last before the amount, else one right after it ("$25 Million Public Offering")
        // (the words explaining a component amount name no metric of their own)
        let cue = cues
            .iter()
            .rev()
            .filter(|c| !(c.2 == Cue::Unrelated && component_at.is_some_and(|p| c.0 > p)))
            .find(|c| c.1 <= a.start)
            .copied()
            .or_else(|| {
                cues.iter()
                    .find(|c| {
                        matches!(c.2, Cue::Offering | Cue::Deal | Cue::Buyback | Cue::Dividend)
                            && c.0 >= a.end
                            && c.0 - a.end <= 24
                            && !amounts.iter().any(|b| b.start > a.end && b.start < c.0)
                    })
                    .copied()
            });
        let Some((cs, ce, cue)) = cue else { continue };
        if turns.prior(a.start) {
            continue;
        }
        let lead = &text[ceil_boundary(text, ss.max(a.start.saturating_sub(20)))..a.start];
        let after = &text[a.end..se];
        let per_share = PER_SHARE_AFTER.is_match(after) || text[a.start..a.end].to_ascii_lowercase().contains("cent");
        let Some(mut metric) = cue_metric(cue, per_share, a.percent) else {
            continue;
        };
        // a big amount named by an EPS phrase is not an EPS
        if metric == Metric::Eps && !per_share && a.scaled {
            continue;
        }
        if metric.is_per_share() && a.scaled {
            continue;
        }
        // basis: what the words just before the phrase say, else any adjusting word in the clause
        let near = &text[ceil_boundary(text, ss.max(cs.saturating_sub(25)))..cs];
        let adjusted = if ADJUSTED.is_match(near) || ADJUSTED.is_match(&text[cs..ce]) {
            true
        } else if GAAP.is_match(near) {
            false
        } else {
            ADJUSTED.is_match(&text[ss..a.start])
        };
        if adjusted && metric == Metric::Eps {
            metric = Metric::AdjustedEps;
        }
        // a range: "$2.70 to $2.94 billion", "between $0.00 and $0.10"
        let mut value = Some(a.value);
        let (mut low, mut high) = (None, None);
        let mut end = a.end;
        if let Some(b) = amounts.get(i + 1) {
            if b.percent == a.percent
                && RANGE_JOIN.is_match(&text[a.end..b.start])
                && !lead.to_ascii_lowercase().trim_end().ends_with("from")
            {
                // "$(0.5) and $0.5 million": the scale word of the high end is the low end's too
                // (unless the money pass already lent it: then both ends are of one size)
                let scale = if b.scaled && !a.scaled && a.value.abs() * 1000.0 < b.value.abs() {
                    scale_of_written(&text[b.start..b.end], b.value)
                } else {
                    1.0
                };
                low = Some(a.value * scale);
                high = Some(b.value);
                value = None;
                end = b.end;
                skip_next = true;
            }
        }
        let negative_word = text[cs..ce].to_ascii_lowercase().contains("loss");
        if negative_word && !metric.is_percent() {
            value = value.map(|v| -v.abs());
            low = low.map(|v| -v.abs());
            high = high.map(|v| -v.abs());
        }
        // the period: the last before the amount in the sentence, else the first after it
        let before_amount = |p: &&(usize, usize, bool, String)| !p.2 && p.1 <= a.start && component_at.is_none_or(|c| p.0 < c);
        // "for the second quarter this year": the specific period over the generic one
        let period = periods
            .iter()
            .rev()
            .filter(before_amount)
            .find(|p| !is_generic_quarter(&p.3) && !is_generic_year(&p.3))
            .or_else(|| periods.iter().rev().find(before_amount))
            .or_else(|| {
                periods
                    .iter()
                    .find(|p| !p.2 && p.0 >= end && !COMPARATIVE.is_match(&text[end..p.0]))
            })
            .map(|p| p.3.clone())
            .or_else(|| paragraph_period.map(str::to_string))
            .or_else(|| main.quarter.clone())
            .or_else(|| main.year.map(|y| y.to_string()));
        let start = cs.min(a.start);
        out.push(Figure {
            metric,
            value,
            low,
            high,
            currency: if a.percent { None } else { a.currency.clone() },
            // "the quarter" is the quarter its paragraph named, else the release's
            period: period.map(|p| match paragraph_period {
                Some(pp) if is_generic_quarter(&p) && pp.contains("quarter") => pp.to_string(),
                _ => resolve(p, main),
            }),
            basis: if adjusted { Basis::Adjusted } else { Basis::Gaap },
            guidance: guidance_sentence
                && !matches!(
                    metric,
                    Metric::OfferingSize | Metric::OfferingPrice | Metric::DealValue | Metric::BuybackSize | Metric::DividendPerShare
                ),
            change: None,
            source: FigureSource::Prose,
            text: text[start..end].to_string(),
            start,
            end,
        });
    }
    // each change goes to the nearest figure of the sentence
    for (at, c) in changes {
        if let Some(f) = out
            .iter_mut()
            .filter(|f| f.change.is_none())
            .min_by_key(|f| f.end.abs_diff(at).min(f.start.abs_diff(at)))
        {
            f.change = Some(c);
        }
    }
    out
}

/// The scale an amount was written with: "$0.5 million" is 500000, so 1e6.
fn scale_of_written(written: &str, value: f64) -> f64 {
    let digits: String = written
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    match digits.parse::<f64>() {
        Ok(n) if n > 0.0 => {
            let ratio = (value / n).abs();
            if ratio >= 1.0 { 10f64.powf(ratio.log10().round()) } else { 1.0 }
        }
        _ => 1.0,
    }
}

fn followed_by_change(text: &str, end: usize, se: usize) -> bool {
    let after = text[end..floor_boundary(text, se.min(end + 30))].trim_start().to_ascii_lowercase();
    [
        "increase",
        "decrease",
        "growth",
        "higher",
        "lower",
        "improvement",
        "decline",
        "year-over-year",
        "year over year",
        "from ",
    ]
    .iter()
    .any(|w| after.starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::release::extract::{Claims, money};

    fn figures_of(text: &str) -> Vec<Figure> {
        let mut c = Claims::default();
        let mut facts = Vec::new();
        money::scan(text, &mut c, &mut facts);
        facts.sort_by_key(|f| f.start);
        let sections = vec![Section {
            kind: SectionKind::Status,
            title: String::new(),
            start: 0,
            end: text.len(),
        }];
        find(text, &sections, &facts)
    }

    /// Every cue's phrases pass its keyword gate (a gate that missed one would lose the cue).
    #[test]
    fn cue_gates_let_every_phrase_through() {
        let phrases = [
            (Cue::Eps, "Diluted earnings per share"),
            (Cue::Eps, "EPS"),
            (Cue::OperatingMargin, "Operating profit margin"),
            (Cue::GrossMargin, "gross margin rate"),
            (Cue::OperatingIncome, "Operating income"),
            (Cue::OperatingIncome, "loss from operations"),
            (Cue::Ebitda, "Adjusted EBITDA"),
            (Cue::FreeCashFlow, "free cash flow"),
            (Cue::Unrelated, "cost of goods sold"),
            (Cue::Unrelated, "Cash and cash equivalents"),
            (Cue::Unrelated, "capital expenditures"),
            (Cue::Unrelated, "inventories"),
            (Cue::NetIncome, "Net income attributable to Acme Corp"),
            (Cue::Revenue, "Total sales"),
            (Cue::Revenue, "Revenues"),
            (Cue::Earnings, "earned"),
            (Cue::Earnings, "net loss"),
            (Cue::Dividend, "Dividends"),
            (Cue::OfferingPrice, "priced at"),
            (Cue::Offering, "registered direct offering"),
            (Cue::Offering, "Private Placement"),
            (Cue::Deal, "valued at"),
            (Cue::Deal, "acquire Foo Holdings for"),
            (Cue::Deal, "merger consideration"),
            (Cue::Buyback, "share buy-back program"),
        ];
        for (cue, phrase) in phrases {
            let i = CUES.iter().position(|(c, _, _)| *c == cue).expect("cue");
            assert!(CUES[i].2.is_match(phrase), "{cue:?} does not match {phrase:?}");
            assert!(CUE_GATE.present(phrase).has(i), "{cue:?} gate stops {phrase:?}");
        }
        // a sentence naming no metric opens no gate
        let none = "The company will host a conference call at 5 p.m. to discuss the quarter";
        assert!(!CUE_GATE.present(none).any());
    }

    fn one(text: &str, metric: Metric) -> Figure {
        figures_of(text)
            .into_iter()
            .find(|f| f.metric == metric)
            .unwrap_or_else(|| panic!("no {metric:?} in {text:?}"))
    }

    #[test]
    fn revenue_with_change_and_period() {
        let f = one("Third quarter revenue increased 6% to $412 million.", Metric::Revenue);
        assert_eq!(f.value, Some(412e6));
        assert_eq!(f.period.as_deref(), Some("third quarter"));
        assert_eq!(f.change.as_ref().map(|c| c.percent), Some(6.0));
        assert!(!f.guidance);
        let f = one(
            "Net sales for the 13-week fiscal quarter ended November 2, 2024 decreased 3.2 percent to $293.6 million from net sales of $303.5 million for the prior year.",
            Metric::Revenue,
        );
        assert_eq!(f.value, Some(293.6e6));
        assert_eq!(f.change.as_ref().map(|c| c.percent), Some(-3.2));
        assert!(f.period.as_deref().is_some_and(|p| p.contains("13-week")));
    }

    #[test]
    fn net_income_and_eps_of_one_sentence() {
        let fs = figures_of("The company reported net income of $1.2 billion, or $0.52 per diluted share, for the fourth quarter of 2024.");
        let ni = fs.iter().find(|f| f.metric == Metric::NetIncome).expect("net income");
        assert_eq!(ni.value, Some(1.2e9));
        assert_eq!(ni.period.as_deref(), Some("fourth quarter of 2024"));
        let eps = fs.iter().find(|f| f.metric == Metric::Eps).expect("eps");
        assert_eq!(eps.value, Some(0.52));
        // cents and a bare "$.16"
        let fs = figures_of("Southern Company today reported fourth quarter earnings of $204.5 million, or 27 cents a share.");
        assert!(fs.iter().any(|f| f.metric == Metric::Eps && f.value == Some(0.27)));
        assert!(fs.iter().any(|f| f.metric == Metric::NetIncome && f.value == Some(204.5e6)));
        let f = one(
            "Excluding this charge, net profit would have been $67 million, or $.17 per diluted share.",
            Metric::AdjustedEps,
        );
        assert_eq!(f.value, Some(0.17));
    }

    #[test]
    fn prior_period_comparatives_are_not_figures() {
        let fs = figures_of(
            "Sears today reported net income of $53 million, or $0.24 per share, for the second quarter ended July 3, 2004, compared with net income of $309 million, or $1.04 per share in the second quarter of 2003.",
        );
        let values: Vec<f64> = fs.iter().filter_map(|f| f.value).collect();
        assert!(values.contains(&53e6) && values.contains(&0.24));
        assert!(!values.contains(&309e6) && !values.contains(&1.04), "{fs:?}");
        let f = one(
            "Net loss attributable to ABVC narrowed from $7.79 million in 2023 to $4.90 million in 2024.",
            Metric::NetIncome,
        );
        assert_eq!(f.value, Some(-4.9e6));
        assert_eq!(f.period.as_deref(), Some("2024"));
    }

    #[test]
    fn guidance_ranges() {
        let f = one(
            "For fiscal 2025 the company expects revenue of $2.70 to $2.94 billion.",
            Metric::Revenue,
        );
        assert!(f.guidance);
        assert_eq!((f.low, f.high, f.value), (Some(2.70e9), Some(2.94e9), None));
        assert_eq!(f.period.as_deref(), Some("fiscal 2025"));
        let f = one(
            "The company anticipates third quarter earnings per share to be between $0.00 and $0.10, including $0.03 to $0.05 per share of negative carrying cost.",
            Metric::Eps,
        );
        assert_eq!((f.low, f.high), (Some(0.0), Some(0.10)));
        assert_eq!(figures_of("The company anticipates third quarter earnings per share to be between $0.00 and $0.10, including $0.03 to $0.05 per share of cost.").len(), 1);
    }

    #[test]
    fn margins_adjusted_and_deals() {
        assert_eq!(
            one("Gross margin was 38.5 percent compared to 40.9 percent.", Metric::GrossMargin).value,
            Some(38.5)
        );
        let f = one(
            "Q4 GAAP earnings per share was $1.16 while non-GAAP earnings per share was $1.54.",
            Metric::AdjustedEps,
        );
        assert_eq!(f.value, Some(1.54));
        assert_eq!(
            one(
                "Q4 GAAP earnings per share was $1.16 while non-GAAP earnings per share was $1.54.",
                Metric::Eps
            )
            .value,
            Some(1.16)
        );
        assert_eq!(
            one(
                "Apple announced its intention to purchase NeXT in a friendly acquisition for $400 million.",
                Metric::DealValue
            )
            .value,
            Some(400e6)
        );
        assert_eq!(
            one("Blackstone Completes CDN$7 Billion Equity Investment in Rogers", Metric::DealValue).value,
            Some(7e9)
        );
        assert_eq!(
            one(
                "authorizing the repurchase of up to $2.5 billion of its shares",
                Metric::BuybackSize
            )
            .value,
            Some(2.5e9)
        );
        assert_eq!(
            one("Veritone Announces Pricing of $25 Million Public Offering", Metric::OfferingSize).value,
            Some(25e6)
        );
        assert_eq!(
            one("at a public offering price of $2.63 per share.", Metric::OfferingPrice).value,
            Some(2.63)
        );
        assert_eq!(
            one(
                "declared a cash dividend of 20 cents per share, payable September 16",
                Metric::DividendPerShare
            )
            .value,
            Some(0.20)
        );
    }

    #[test]
    fn range_ends_share_the_scale_word_and_periods_prefer_the_specific() {
        let f = one(
            "The Company continues to expect Adjusted EBITDA for the year ended December 31, 2024 between $(0.5) and $0.5 million.",
            Metric::AdjustedEbitda,
        );
        assert_eq!((f.low, f.high), (Some(-0.5e6), Some(0.5e6)));
        assert_eq!(f.period.as_deref(), Some("the year ended december 31, 2024"));
        let f = one(
            "Net earnings for the second quarter this year increased 31% to $8.8 million versus $6.7 million.",
            Metric::NetIncome,
        );
        assert_eq!(f.value, Some(8.8e6));
        assert_eq!(f.period.as_deref(), Some("second quarter"));
        // "the quarter" is the quarter the paragraph named
        let fs = figures_of(
            "Acme reported orders for the fourth fiscal quarter ended Oct. 31, 2005. Revenues during the quarter were $1.41 billion.",
        );
        let r = fs.iter().find(|f| f.metric == Metric::Revenue).expect("revenue");
        assert!(r.period.as_deref().is_some_and(|p| p.starts_with("fourth fiscal quarter")), "{r:?}");
    }

    #[test]
    fn near_misses() {
        // a share count is not money, nor a deal value
        assert!(figures_of("Cisco will exchange 2.5 billion shares of stock in the acquisition for all shares.").is_empty());
        // a segment's revenue is not the company's
        assert!(
            figures_of("Software and Cloud revenues were up 4% to $8.9 billion.")
                .iter()
                .all(|f| f.metric != Metric::Revenue)
        );
        // a change amount is not the figure
        let fs = figures_of("Operating profit was $1.855 billion, an increase of $41 million, or 2%, compared with $1.814 billion.");
        assert_eq!(fs.iter().filter(|f| f.metric == Metric::OperatingIncome).count(), 1, "{fs:?}");
        // cost of sales is no revenue
        assert!(figures_of("Cost of sales was $1.4 million.").is_empty());
    }
}
