//! What changed between two releases of the same issuer: the key figures side by side with the
//! change, and the status update's sentences added, removed and changed (a word diff).
//!
//! The figures are the model's (`Release::figures`: metric, value, basis, period, outlook), set
//! beside each other by metric, basis (GAAP or adjusted), outlook or result, and the kind of
//! period (a quarter, a full year); the first figure of a key in a release is its figure, the
//! prose before the tables, as releases lead with the company's own numbers. Only when a release
//! has no figures do both sides fall back to the money and percent facts of the prose, each named
//! by the financial metric its clause speaks of ([`fact_figures`]). One pairing serves both.

use crate::release::model::{FactKind, SectionKind};
use crate::release::{Release, text};
use regex::Regex;
use serde::Serialize;
use similar::{ChangeTag, DiffTag, TextDiff};
use std::sync::LazyLock;

/// One metric in both releases (or in one of them).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FigureChange {
    pub metric: String,
    /// `money` or `percent`.
    pub kind: &'static str,
    /// The kind of period: `quarter`, `half year`, `nine months`, `full year`, or empty when the
    /// release does not say.
    pub period: &'static str,
    /// `gaap`, `adjusted`, or empty (figures read from the facts).
    pub basis: &'static str,
    /// An outlook figure, not a result.
    pub guidance: bool,
    pub old: Option<String>,
    pub new: Option<String>,
    /// "+347.3%" for money, "+1.2 pp" for percents; absent when a side is missing.
    pub change: Option<String>,
    /// The periods as each release names them ("fiscal 2024 first quarter").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_period: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_period: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum SentenceChange {
    Added {
        text: String,
    },
    Removed {
        text: String,
    },
    /// A sentence reworded; `diff` marks removed words `[-so-]` and added ones `{+so+}`.
    Changed {
        old: String,
        new: String,
        diff: String,
    },
}

#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub old: Side,
    pub new: Side,
    /// `figures` (the model's) or `facts` (money and percent facts by sentence, when a release
    /// has no figures).
    pub figures_from: &'static str,
    pub figures: Vec<FigureChange>,
    pub sentences: Vec<SentenceChange>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Side {
    pub name: String,
    pub company: Option<String>,
    pub date: Option<String>,
    pub headline: Option<String>,
}

/// Metric phrases, longest first within a family; the name on the right is what is shown.
const METRICS: &[(&str, &str)] = &[
    ("diluted earnings per share", "diluted EPS"),
    ("earnings per diluted share", "diluted EPS"),
    ("per diluted share", "diluted EPS"),
    ("diluted eps", "diluted EPS"),
    ("earnings per share", "EPS"),
    ("per share", "EPS"),
    ("free cash flow", "free cash flow"),
    ("operating cash flow", "operating cash flow"),
    ("cash flow from operations", "operating cash flow"),
    ("cash flow", "cash flow"),
    ("gross margin", "gross margin"),
    ("operating margin", "operating margin"),
    ("operating income", "operating income"),
    ("net income", "net income"),
    ("net quarterly profit", "net income"),
    ("net profit", "net income"),
    ("net loss", "net loss"),
    ("earnings", "earnings"),
    ("total revenues", "revenue"),
    ("total revenue", "revenue"),
    ("revenues", "revenue"),
    ("revenue", "revenue"),
    ("net sales", "revenue"),
    ("sales", "revenue"),
    ("dividend", "dividend"),
    ("backlog", "backlog"),
    ("ebitda", "EBITDA"),
];

static METRIC_RE: LazyLock<Regex> = LazyLock::new(|| {
    let alts: Vec<String> = METRICS.iter().map(|(p, _)| regex::escape(p).replace(' ', r"[ \n]+")).collect();
    Regex::new(&format!(r"(?i-u)\b(?:{})\b", alts.join("|"))).expect("metrics")
});

fn metric_name(found: &str) -> &'static str {
    let norm = crate::release::load::collapse_spaces(&found.to_ascii_lowercase());
    METRICS.iter().find(|(p, _)| *p == norm).map_or("", |(_, n)| n)
}

/// Words between a metric and its figure that make the figure a change, not a level
/// ("revenues were up 3%", "lowered by $0.02").
static CHANGE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)\b(?:up|down|increase[ds]?|decrease[ds]?|rose|rise[sn]?|fell|fall|grew|grow[sn]?|growth|declined?|declines|lowered|raised|reduced|gain(?:ed|s)?|by|unchanged)\b")
        .expect("change words")
});

/// Words before a figure that make it the prior period's ("compared with $125.0 million").
static PRIOR_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)\b(?:compar(?:ed|e|es)|versus|vs\.|from|year-ago|a year ago|prior[- ]year|last year)\b").expect("prior words")
});

/// The period a sentence speaks of, nearest before the figure.
static PERIOD_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)\b(?:(full[- ]year|fiscal year|for the year|annual|twelve months|year[- ]end|for the full)|(quarter(?:ly)?|q[1-4]|three months))\b")
        .expect("period words")
});

/// Words that make a sentence an outlook rather than a result.
static GUIDANCE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)\b(?:expects?|expected|outlook|guidance|anticipates?|forecasts?|targets?|projects?)\b").expect("guidance words")
});

/// One figure of a release, as a comparison sets it beside the other release's.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub metric: String,
    pub kind: FactKind,
    /// The kind of period ([`period_kind`]), or empty when the release does not say.
    pub period: &'static str,
    /// `gaap`, `adjusted`, or empty when not known.
    pub basis: &'static str,
    pub guidance: bool,
    /// The period in the release's words, when it names one.
    pub period_text: Option<String>,
    pub text: String,
    /// The amount (a range's middle).
    pub value: f64,
}

/// The kind of period a release names ("fiscal 2011 first quarter ended December 25, 2010" is a
/// quarter, "fiscal year 2014" and a bare "2004" a full year): what two releases of different
/// years have in common. Empty when the words say none of these.
pub fn period_kind(p: &str) -> &'static str {
    static KIND: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i-u)\b(?:(quarter(?:ly)?|q[1-4]|three[- ]months?|13[- ]weeks?)|(half[- ]year|first[- ]half|second[- ]half|h[12]|six[- ]months?|26[- ]weeks?)|(nine[- ]months?|39[- ]weeks?)|(full[- ]year|fiscal[- ]year|year|annual|twelve[- ]months?|12[- ]months?|52[- ]weeks?|53[- ]weeks?))\b",
        )
        .expect("period kinds")
    });
    static YEAR_ONLY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i-u)^\s*(?:fiscal\s+|fy\s*)?(?:19|20)[0-9]{2}\s*$").expect("bare year"));
    match KIND.captures(p) {
        Some(c) if c.get(1).is_some() => "quarter",
        Some(c) if c.get(2).is_some() => "half year",
        Some(c) if c.get(3).is_some() => "nine months",
        Some(_) => "full year",
        None if YEAR_ONLY.is_match(p) => "full year",
        None => "",
    }
}

/// The model's figures of a release, as compared: the prose's before the tables', first
/// mention first. A range stands for its middle.
pub fn model_figures(r: &Release) -> Vec<Figure> {
    let mut all: Vec<&crate::release::model::Figure> = r.figures.iter().collect();
    all.sort_by_key(|f| f.source == crate::release::model::FigureSource::Table);
    all.into_iter()
        .filter_map(|f| {
            let value = f.value.or_else(|| Some((f.low? + f.high?) / 2.0))?;
            Some(Figure {
                metric: f.metric.label().to_string(),
                kind: if f.metric.is_percent() {
                    FactKind::Percent
                } else {
                    FactKind::Money
                },
                period: f.period.as_deref().map_or("", period_kind),
                basis: match f.basis {
                    crate::release::model::Basis::Gaap => "gaap",
                    crate::release::model::Basis::Adjusted => "adjusted",
                },
                guidance: f.guidance,
                period_text: f.period.as_deref().map(crate::display_safe),
                text: crate::display_safe(&f.value_label()),
                value,
            })
        })
        .collect()
}

/// The money and percent facts of the prose named by a metric, first mention first: what is
/// compared when a release has no figures of the model.
pub fn fact_figures(r: &Release) -> Vec<Figure> {
    let prose = |at: usize| {
        r.sections
            .iter()
            .filter(|s| s.start <= at && at < s.end)
            .all(|s| !matches!(s.kind, SectionKind::Financials | SectionKind::Risk))
    };
    let in_status = |at: usize| {
        r.sections
            .iter()
            .any(|s| s.kind == SectionKind::Status && s.start <= at && at < s.end)
    };
    // the status update speaks of the whole company; a headline or subhead may lead with a segment
    let mut facts: Vec<&crate::release::model::Fact> = r
        .facts
        .iter()
        .filter(|f| matches!(f.kind, FactKind::Money | FactKind::Percent))
        .collect();
    facts.sort_by_key(|f| !in_status(f.start));
    let mut out: Vec<Figure> = Vec::new();
    let mut prev: Option<(usize, String)> = None; // end of the previous figure-like fact, and its metric
    for f in facts {
        let (s, e) = text::sentence_around(&r.text, f.start, f.end);
        if GUIDANCE_RE.is_match(r.text.get(s..e).unwrap_or("")) {
            prev = None;
            continue;
        }
        let prev_end = prev.as_ref().map_or(0, |p| p.0);
        let from = s.max(prev_end.min(f.start));
        let inherited = prev.take().filter(|p| p.0 >= s && p.0 <= f.start).map(|p| p.1);
        prev = Some((f.end, String::new()));
        if !prose(f.start) {
            continue;
        }
        let Some(value) = number(f) else { continue };
        let before = r.text.get(from..f.start).unwrap_or("");
        let after = r.text.get(f.end..e.min(f.end + 40)).unwrap_or("");
        // the metric named right after the figure ("$6.43 per diluted share"), else the last one
        // the clause names before it, else the previous figure's when only a connector stands
        // between them ("up 3% to $11.3 billion")
        let after_metric = METRIC_RE.find(after).filter(|m| m.start() <= 2);
        let before_metric = METRIC_RE.find_iter(before).last();
        let (name, between) = match (after_metric, before_metric) {
            (Some(m), _) => (metric_name(m.as_str()).to_string(), ""),
            (None, Some(m)) => (metric_name(m.as_str()).to_string(), &before[m.end()..]),
            (None, None) => {
                let connector = before.trim().trim_matches(',').trim();
                match inherited {
                    Some(m) if !m.is_empty() && matches!(connector, "to" | "or" | "of" | "at" | "") => {
                        (m.trim_end_matches(" change").to_string(), "")
                    }
                    _ => continue,
                }
            }
        };
        if name.is_empty() {
            continue;
        }
        if PRIOR_RE.is_match(before) {
            continue;
        }
        let name = if CHANGE_RE.is_match(between) {
            format!("{name} change")
        } else {
            name
        };
        if let Some(p) = prev.as_mut() {
            p.1 = name.clone();
        }
        let head = r.text.get(s..f.start).unwrap_or("");
        let period = match PERIOD_RE.captures_iter(head).last() {
            Some(c) if c.get(1).is_some() => "full year",
            Some(_) => "quarter",
            None => "",
        };
        out.push(Figure {
            metric: name,
            kind: f.kind,
            period,
            basis: "",
            guidance: false,
            period_text: None,
            text: crate::display_safe(f.text(&r.text)),
            value,
        });
    }
    out
}

/// The number a money or percent fact stands for (`USD 26740000000`, `38.5%`).
fn number(f: &crate::release::model::Fact) -> Option<f64> {
    let v = f.value.as_deref()?;
    let digits = v.rsplit(' ').next()?.trim_end_matches('%');
    digits.replace(',', "").parse().ok()
}

fn change(kind: FactKind, old: f64, new: f64) -> Option<String> {
    match kind {
        FactKind::Percent => Some(format!("{:+.1} pp", new - old)),
        _ if old != 0.0 => Some(format!("{:+.1}%", (new - old) / old.abs() * 100.0)),
        _ => None,
    }
}

/// The sentences of the status update (the whole text when there is none).
pub fn status_sentences(r: &Release) -> Vec<String> {
    let mut spans: Vec<(usize, usize)> = r
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Status)
        .map(|s| (s.start, s.end))
        .collect();
    if spans.is_empty() {
        spans.push((0, r.text.len()));
    }
    let mut out = Vec::new();
    for (start, end) in spans {
        let mut p = start;
        while p < end {
            let (s, e) = text::sentence_around(&r.text, p, p);
            let e = e.min(end).max(p + 1);
            let e = text::ceil_boundary(&r.text, e);
            let sentence = crate::release::load::collapse_spaces(r.text.get(s.max(start)..e).unwrap_or(""));
            if sentence.chars().any(char::is_alphanumeric) {
                out.push(sentence);
            }
            p = e;
            while p < end && r.text.as_bytes()[p].is_ascii_whitespace() {
                p += 1;
            }
        }
    }
    out
}

/// Word diff of two sentences: `[-removed-]` and `{+added+}`.
pub fn word_diff(old: &str, new: &str) -> String {
    let diff = TextDiff::from_words(old, new);
    let mut out = String::new();
    for c in diff.iter_all_changes() {
        match c.tag() {
            ChangeTag::Equal => out.push_str(c.value()),
            ChangeTag::Delete => {
                out.push_str("[-");
                out.push_str(c.value());
                out.push_str("-]");
            }
            ChangeTag::Insert => {
                out.push_str("{+");
                out.push_str(c.value());
                out.push_str("+}");
            }
        }
    }
    out.replace("-][-", "").replace("+}{+", "")
}

/// Sentences added, removed and changed from `old` to `new`.
pub fn sentence_changes(old: &[String], new: &[String]) -> Vec<SentenceChange> {
    let o: Vec<&str> = old.iter().map(String::as_str).collect();
    let n: Vec<&str> = new.iter().map(String::as_str).collect();
    let diff = TextDiff::from_slices(&o, &n);
    let mut out = Vec::new();
    for op in diff.ops() {
        let (tag, or, nr) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {}
            DiffTag::Delete => out.extend(o[or].iter().map(|s| SentenceChange::Removed { text: s.to_string() })),
            DiffTag::Insert => out.extend(n[nr].iter().map(|s| SentenceChange::Added { text: s.to_string() })),
            DiffTag::Replace => {
                let (os, ns) = (&o[or], &n[nr]);
                for i in 0..os.len().max(ns.len()) {
                    match (os.get(i), ns.get(i)) {
                        (Some(a), Some(b)) if similar::TextDiff::from_words(*a, *b).ratio() >= 0.5 => out.push(SentenceChange::Changed {
                            old: a.to_string(),
                            new: b.to_string(),
                            diff: word_diff(a, b),
                        }),
                        (a, b) => {
                            if let Some(a) = a {
                                out.push(SentenceChange::Removed { text: a.to_string() });
                            }
                            if let Some(b) = b {
                                out.push(SentenceChange::Added { text: b.to_string() });
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

fn side(name: &str, r: &Release) -> Side {
    Side {
        name: crate::display_safe(name),
        company: r.company.name.clone(),
        date: r.dateline.date.map(|d| d.to_string()),
        headline: r.headline.clone(),
    }
}

/// The figures that stand for a release in a comparison: the first of each metric, basis,
/// outlook and period kind (later ones are a segment's or a restatement of the first).
fn firsts(all: Vec<Figure>) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    for f in all {
        if !out
            .iter()
            .any(|o| o.metric == f.metric && o.kind == f.kind && o.basis == f.basis && o.guidance == f.guidance && o.period == f.period)
        {
            out.push(f);
        }
    }
    out
}

/// The old figure that matches `f` among those not `used` yet: same metric, kind, basis,
/// outlook and period kind; else the same where one side does not say its period.
fn counterpart(f: &Figure, others: &[Figure], used: &[bool]) -> Option<usize> {
    // amounts a hundred times apart are not the same figure ($1.94 a share, $1.59 billion)
    let comparable = |o: &Figure| {
        f.kind == FactKind::Percent || o.value != 0.0 && (f.value / o.value).abs() < 100.0 && (o.value / f.value).abs() < 100.0
    };
    let same = |(i, o): &(usize, &Figure)| {
        !used[*i] && o.metric == f.metric && o.kind == f.kind && o.basis == f.basis && o.guidance == f.guidance && comparable(o)
    };
    let candidates = || others.iter().enumerate().filter(same);
    candidates()
        .find(|(_, o)| o.period == f.period)
        .or_else(|| candidates().find(|(_, o)| o.period.is_empty() || f.period.is_empty()))
        .map(|(i, _)| i)
}

/// Set the figures of two releases side by side: the new release's in its order, each with its
/// old counterpart and the change, then the old ones the new release does not repeat.
pub fn pair_figures(old: Vec<Figure>, new: Vec<Figure>) -> Vec<FigureChange> {
    let (old, new) = (firsts(old), firsts(new));
    let mut used = vec![false; old.len()];
    let row = |f: &Figure, prior: Option<&Figure>, newer: Option<&Figure>| FigureChange {
        metric: f.metric.clone(),
        kind: f.kind.label(),
        period: f.period,
        basis: f.basis,
        guidance: f.guidance,
        old: prior.map(|p| p.text.clone()),
        new: newer.map(|n| n.text.clone()),
        change: prior.zip(newer).and_then(|(p, n)| change(f.kind, p.value, n.value)),
        old_period: prior.and_then(|p| p.period_text.clone()),
        new_period: newer.and_then(|n| n.period_text.clone()),
    };
    let mut rows = Vec::new();
    for f in &new {
        let prior = counterpart(f, &old, &used).map(|i| {
            used[i] = true;
            &old[i]
        });
        rows.push(row(f, prior, Some(f)));
    }
    for (f, _) in old.iter().zip(&used).filter(|(_, u)| !**u) {
        rows.push(row(f, Some(f), None));
    }
    rows
}

/// Compare two releases.
pub fn compare(old_name: &str, old: &Release, new_name: &str, new: &Release) -> Comparison {
    let (mo, mn) = (model_figures(old), model_figures(new));
    let (figures_from, figures) = if mo.is_empty() || mn.is_empty() {
        ("facts", pair_figures(fact_figures(old), fact_figures(new)))
    } else {
        ("figures", pair_figures(mo, mn))
    };
    Comparison {
        old: side(old_name, old),
        new: side(new_name, new),
        figures_from,
        figures,
        sentences: sentence_changes(&status_sentences(old), &status_sentences(new)),
    }
}

/// The comparison as plain text.
pub fn to_text(c: &Comparison) -> String {
    let mut out = String::new();
    let line = |s: &Side| {
        format!(
            "{}  {}  {}",
            s.date.as_deref().unwrap_or("-"),
            s.company.as_deref().unwrap_or("-"),
            s.headline.as_deref().unwrap_or(&s.name)
        )
    };
    out.push_str(&format!("OLD  {}\nNEW  {}\n\nFIGURES\n", line(&c.old), line(&c.new)));
    if c.figures_from == "facts" {
        out.push_str("  (a release has no key figures: money and percent amounts of the prose by metric)\n");
    }
    if c.figures.is_empty() {
        out.push_str("  (no figures named by a metric)\n");
    }
    // "revenue (quarter)", "operating income (full year, adjusted)", "revenue (quarter, outlook)"
    let label = |f: &FigureChange| {
        let mut notes: Vec<&str> = Vec::new();
        if !f.period.is_empty() {
            notes.push(f.period);
        }
        if f.basis == "adjusted" && !f.metric.starts_with("adjusted") {
            notes.push("adjusted");
        }
        if f.guidance {
            notes.push("outlook");
        }
        if notes.is_empty() {
            f.metric.clone()
        } else {
            format!("{} ({})", f.metric, notes.join(", "))
        }
    };
    let w = c.figures.iter().map(|f| label(f).len()).max().unwrap_or(10);
    let ow = c.figures.iter().map(|f| f.old.as_deref().map_or(1, str::len)).max().unwrap_or(1);
    let nw = c.figures.iter().map(|f| f.new.as_deref().map_or(1, str::len)).max().unwrap_or(1);
    for f in &c.figures {
        let label = label(f);
        out.push_str(&format!(
            "  {label:<w$}  {:>ow$}  {:>nw$}  {}\n",
            f.old.as_deref().unwrap_or("-"),
            f.new.as_deref().unwrap_or("-"),
            f.change.as_deref().unwrap_or("")
        ));
    }
    out.push_str("\nSTATUS UPDATE\n");
    if c.sentences.is_empty() {
        out.push_str("  (no sentence changed)\n");
    }
    for s in &c.sentences {
        match s {
            SentenceChange::Added { text } => out.push_str(&format!("  + {text}\n")),
            SentenceChange::Removed { text } => out.push_str(&format!("  - {text}\n")),
            SentenceChange::Changed { diff, .. } => out.push_str(&format!("  ~ {diff}\n")),
        }
    }
    crate::release::load::sanitize(&out)
}

/// An issuer's name reduced for matching: lower case, letters and digits, without the legal form.
fn issuer_key(name: &str) -> String {
    const FORMS: &[&str] = &[
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "company",
        "ltd",
        "limited",
        "plc",
        "llc",
        "lp",
        "nv",
        "sa",
        "ag",
        "the",
    ];
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !FORMS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A release's kind as far as comparing goes: results or anything else.
fn results_kind(headline: &str) -> bool {
    static RESULTS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i-u)\b(?:results|earnings|quarter|fiscal|revenues?|sales)\b").expect("results words"));
    RESULTS.is_match(headline)
}

/// The row of the same issuer's previous release: the newest one dated before `current`, of the
/// same kind (results or not) when there is one. A release without a date is taken as the newest.
pub fn prior(rows: &[crate::library::row::Row], current: usize) -> Option<usize> {
    let cur = rows.get(current)?;
    let key = issuer_key(&cur.company);
    let date = cur.date.unwrap_or(chrono::NaiveDate::MAX);
    if key.is_empty() {
        return None;
    }
    let candidates: Vec<usize> = (0..rows.len())
        .filter(|&i| i != current && rows[i].error.is_none() && !rows[i].loading)
        .filter(|&i| issuer_key(&rows[i].company) == key && rows[i].date.is_some_and(|d| d < date))
        .collect();
    let newest = |c: &mut dyn Iterator<Item = usize>| c.max_by_key(|&i| rows[i].date);
    let kind = results_kind(&cur.headline);
    newest(&mut candidates.iter().copied().filter(|&i| results_kind(&rows[i].headline) == kind))
        .or_else(|| newest(&mut candidates.iter().copied()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(s: &str) -> Release {
        crate::release::parse(s.as_bytes(), Some("x.txt")).expect("parse")
    }

    #[test]
    fn figures_are_named_by_the_metric_of_their_clause() {
        let r = rel(
            "Acme Reports Results\n\nCLEVELAND--(BUSINESS WIRE)--May 5, 2024--Acme Corp. (NYSE: ACM) posted revenue of $2.5 billion and net income of $300 million, or $1.20 per diluted share. Gross margin was 41.5 percent. The company employs 1,200 people in 15 countries.\n",
        );
        let f = fact_figures(&r);
        let names: Vec<&str> = f.iter().map(|x| x.metric.as_str()).collect();
        assert_eq!(names, vec!["revenue", "net income", "diluted EPS", "gross margin"], "{f:?}");
        assert_eq!(f[0].value, 2_500_000_000.0);
    }

    #[test]
    fn changes_prior_periods_and_periods_are_told_apart() {
        let r = rel(
            "Acme Reports Results\n\nCLEVELAND--(BUSINESS WIRE)--May 5, 2024--Acme Corp. said fourth quarter revenues were up 3% to $11.3 billion, compared with $10.9 billion a year ago. For the full year, net income was $4.1 billion.\n",
        );
        let f = fact_figures(&r);
        let got: Vec<(&str, &str, &str)> = f.iter().map(|x| (x.metric.as_str(), x.text.as_str(), x.period)).collect();
        assert_eq!(
            got,
            vec![
                ("revenue change", "3%", "quarter"),
                ("revenue", "$11.3 billion", "quarter"),
                ("net income", "$4.1 billion", "full year")
            ],
            "{f:?}"
        );
    }

    #[test]
    fn a_figure_without_a_metric_is_not_a_figure() {
        // "15 percent of its employees" names no financial metric
        let r = rel("Acme Update\n\nCLEVELAND--(BUSINESS WIRE)--May 5, 2024--Acme Corp. said 15 percent of its employees will move.\n");
        assert!(fact_figures(&r).is_empty(), "{:?}", fact_figures(&r));
    }

    #[test]
    fn changes_in_percent_and_points() {
        assert_eq!(change(FactKind::Money, 100.0, 150.0).as_deref(), Some("+50.0%"));
        assert_eq!(change(FactKind::Percent, 38.5, 45.9).as_deref(), Some("+7.4 pp"));
        assert_eq!(change(FactKind::Money, 0.0, 5.0), None);
    }

    #[test]
    fn sentences_added_removed_changed() {
        let old = vec![
            "Revenue rose 5 percent.".to_string(),
            "The CEO retired.".to_string(),
            "Same here.".to_string(),
        ];
        let new = vec![
            "Revenue rose 9 percent.".to_string(),
            "Same here.".to_string(),
            "A dividend was declared.".to_string(),
        ];
        let ch = sentence_changes(&old, &new);
        assert!(
            ch.iter()
                .any(|c| matches!(c, SentenceChange::Changed { diff, .. } if diff.contains("[-5-]{+9+}"))),
            "{ch:?}"
        );
        assert!(ch.contains(&SentenceChange::Removed {
            text: "The CEO retired.".into()
        }));
        assert!(ch.contains(&SentenceChange::Added {
            text: "A dividend was declared.".into()
        }));
        assert!(
            !ch.iter()
                .any(|c| matches!(c, SentenceChange::Added { text } if text == "Same here."))
        );
    }

    fn row(company: &str, date: &str, headline: &str) -> crate::library::row::Row {
        let mut r = crate::library::row::Row::pending(std::path::PathBuf::from("x"));
        r.loading = false;
        r.company = company.into();
        r.headline = headline.into();
        r.date = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
        r
    }

    #[test]
    fn prior_is_the_same_issuers_previous_release_of_the_same_kind() {
        let rows = vec![
            row("Apple Inc.", "2024-02-01", "Apple reports first quarter results"),
            row("Apple", "2023-11-02", "Apple reports fourth quarter results"),
            row("APPLE INC", "2023-12-10", "Apple names a new director"),
            row("Apple Hospitality REIT", "2024-01-15", "Apple Hospitality reports results"),
            row("Apple Inc.", "2024-05-02", "Apple reports second quarter results"),
        ];
        assert_eq!(prior(&rows, 0), Some(1), "results before results, though a director note is newer");
        assert_eq!(prior(&rows, 2), Some(1), "no earlier release of its kind: the newest earlier one");
        assert_eq!(prior(&rows, 1), None, "nothing earlier");
        assert_eq!(prior(&rows, 3), None, "another issuer with a similar name is not the same");
        assert_eq!(prior(&rows, 4), Some(0));
        let mut undated = rows.clone();
        undated[4].date = None;
        assert_eq!(prior(&undated, 4), Some(0), "an undated release is the newest");
    }

    #[test]
    fn text_output_has_no_control_bytes() {
        let a = rel("Acme\n\nCLEVELAND--(BUSINESS WIRE)--May 5, 2024--Acme Corp. posted revenue of $2 billion.\n");
        let b = rel("Acme\n\nCLEVELAND--(BUSINESS WIRE)--May 5, 2025--Acme Corp. posted revenue of $3 billion \x1b]0;x\x07.\n");
        let t = to_text(&compare("a", &a, "b", &b));
        assert!(t.lines().any(|l| l.trim_start().starts_with("revenue ")), "{t}");
        assert!(t.contains("+50.0%"), "{t}");
        assert!(!t.chars().any(|c| c.is_control() && c != '\n'));
    }

    #[test]
    fn period_kinds_of_the_words_releases_use() {
        for (words, kind) in [
            ("fiscal 2011 first quarter ended december 25, 2010", "quarter"),
            ("Q4 fiscal 2014", "quarter"),
            ("three months ended December 30, 2023", "quarter"),
            ("fourth quarter", "quarter"),
            ("fiscal year 2014", "full year"),
            ("full year 2006", "full year"),
            ("twelve months ended December 31", "full year"),
            ("2004", "full year"),
            ("fiscal 2022", "full year"),
            ("first half of 2024", "half year"),
            ("six months ended June 30, 2024", "half year"),
            ("nine months ended September 30", "nine months"),
        ] {
            assert_eq!(period_kind(words), kind, "{words}");
        }
        // a quarter's number or a month alone says no period kind; "yearly" is not "year"
        assert_eq!(period_kind("December 2024"), "");
        assert_eq!(period_kind("yearly"), "");
        assert_eq!(period_kind(""), "");
    }

    fn acme(date: &str, body: &str) -> Release {
        rel(&format!(
            "Acme Reports Results\n\nCLEVELAND--(BUSINESS WIRE)--{date}--Acme Corp. (NYSE: ACM) {body}\n"
        ))
    }

    #[test]
    fn the_models_figures_side_by_side_by_metric_basis_and_period() {
        let old = acme(
            "May 5, 2023",
            "reported first quarter revenue of $2.0 billion and net income of $300 million, or $1.20 per diluted share. Gross margin was 41.5 percent. Adjusted net income was $350 million.",
        );
        let new = acme(
            "May 5, 2024",
            "reported first quarter revenue of $2.5 billion and net income of $270 million, or $1.10 per diluted share. Gross margin was 43.0 percent. Adjusted net income was $420 million.",
        );
        assert!(!old.figures.is_empty() && !new.figures.is_empty(), "{:?}", old.figures);
        let c = compare("old", &old, "new", &new);
        assert_eq!(c.figures_from, "figures");
        let find = |metric: &str, basis: &str| {
            c.figures
                .iter()
                .find(|f| f.metric == metric && f.basis == basis)
                .unwrap_or_else(|| panic!("no {metric} ({basis}) in {:#?}", c.figures))
        };
        let rev = find("revenue", "gaap");
        assert_eq!((rev.old.as_deref(), rev.new.as_deref()), (Some("$2 billion"), Some("$2.5 billion")));
        assert_eq!(rev.change.as_deref(), Some("+25.0%"));
        assert_eq!(rev.period, "quarter");
        assert_eq!(find("net income", "gaap").change.as_deref(), Some("-10.0%"));
        assert_eq!(
            find("net income", "adjusted").change.as_deref(),
            Some("+20.0%"),
            "adjusted beside adjusted"
        );
        assert_eq!(find("gross margin", "gaap").change.as_deref(), Some("+1.5 pp"));
        let t = to_text(&c);
        assert!(t.contains("net income (quarter, adjusted)"), "{t}");
    }

    fn fig(metric: &str, period: &'static str, value: f64) -> Figure {
        Figure {
            metric: metric.into(),
            kind: FactKind::Money,
            period,
            basis: "gaap",
            guidance: false,
            period_text: None,
            text: format!("${value}"),
            value,
        }
    }

    #[test]
    fn pairing_takes_the_first_of_a_key_and_keeps_outlook_apart() {
        let mut outlook = fig("revenue", "quarter", 30.0);
        outlook.guidance = true;
        // the second revenue of a quarter is a segment's: not paired with the other's second one
        let old = vec![
            fig("revenue", "quarter", 10.0),
            fig("revenue", "quarter", 1.0),
            fig("revenue", "full year", 40.0),
        ];
        let new = vec![
            fig("revenue", "quarter", 12.0),
            fig("revenue", "quarter", 2.0),
            outlook,
            fig("EPS", "", 0.5),
        ];
        let rows = pair_figures(old, new);
        // metric, period, outlook, old, new, as one line each
        let got: Vec<String> = rows
            .iter()
            .map(|r| format!("{} {} {} {:?} {:?}", r.metric, r.period, r.guidance, r.old, r.new))
            .collect();
        assert_eq!(
            got,
            vec![
                r#"revenue quarter false Some("$10") Some("$12")"#,
                r#"revenue quarter true None Some("$30")"#,
                r#"EPS  false None Some("$0.5")"#,
                r#"revenue full year false Some("$40") None"#,
            ]
        );
        assert_eq!(rows[0].change.as_deref(), Some("+20.0%"));
        // a side that does not say its period pairs with one that does; a hundredfold apart does not
        let rows = pair_figures(vec![fig("EPS", "quarter", 0.4)], vec![fig("EPS", "", 0.5)]);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].change.as_deref(), Some("+25.0%"));
        let rows = pair_figures(vec![fig("net income", "quarter", 1.94)], vec![fig("net income", "quarter", 1.59e9)]);
        assert_eq!(rows.len(), 2, "{rows:?}");
    }

    #[test]
    fn without_figures_both_sides_fall_back_to_the_facts() {
        // a backlog is no figure of the model; the facts by sentence still name it
        let old = acme("May 5, 2023", "said its backlog was $5 billion.");
        let new = acme(
            "May 5, 2024",
            "said its backlog was $6 billion and reported first quarter revenue of $2.5 billion.",
        );
        assert!(old.figures.is_empty(), "{:?}", old.figures);
        let c = compare("old", &old, "new", &new);
        assert_eq!(c.figures_from, "facts");
        let backlog = c.figures.iter().find(|f| f.metric == "backlog").expect("backlog");
        assert_eq!(backlog.change.as_deref(), Some("+20.0%"));
        assert!(to_text(&c).contains("a release has no key figures"));
    }
}
