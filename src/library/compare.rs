//! What changed between two releases of the same issuer: the headline figures side by side with
//! the change, and the status update's sentences added, removed and changed (a word diff).
//!
//! Figures are the money and percent facts of the prose (not the tables), each named by the
//! financial metric that its clause speaks of ("revenue of $26.74 billion", "gross margin was
//! 38.5 percent", "$6.43 per diluted share"); the first mention of a metric in a release is its
//! figure, as releases lead with the current period.

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
    /// `quarter`, `full year`, or empty when the sentence does not say.
    pub period: &'static str,
    pub old: Option<String>,
    pub new: Option<String>,
    /// "+347.3%" for money, "+1.2 pp" for percents; absent when a side is missing.
    pub change: Option<String>,
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

/// One figure of a release.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub metric: String,
    pub kind: FactKind,
    /// "quarter", "full year", or empty when the sentence does not say.
    pub period: &'static str,
    pub text: String,
    pub value: f64,
}

/// The figures of a release, first mention first.
pub fn figures(r: &Release) -> Vec<Figure> {
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
        if out.iter().any(|x| x.metric == name && x.kind == f.kind && x.period == period) {
            continue;
        }
        out.push(Figure {
            metric: name,
            kind: f.kind,
            period,
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

/// The old figure that matches `f`: same metric, kind and period; else same metric and kind
/// where one side does not say its period.
fn counterpart<'a>(f: &Figure, others: &'a [Figure]) -> Option<&'a Figure> {
    // amounts a hundred times apart are not the same figure ($1.94 a share, $1.59 billion)
    let comparable = |o: &Figure| {
        f.kind == FactKind::Percent || o.value != 0.0 && (f.value / o.value).abs() < 100.0 && (o.value / f.value).abs() < 100.0
    };
    let same = |o: &&Figure| o.metric == f.metric && o.kind == f.kind && comparable(o);
    others
        .iter()
        .filter(same)
        .find(|o| o.period == f.period)
        .or_else(|| others.iter().filter(same).find(|o| o.period.is_empty() || f.period.is_empty()))
}

/// Compare two releases.
pub fn compare(old_name: &str, old: &Release, new_name: &str, new: &Release) -> Comparison {
    let (fo, fnew) = (figures(old), figures(new));
    let mut rows: Vec<FigureChange> = Vec::new();
    let mut used: Vec<usize> = Vec::new();
    for f in &fnew {
        let prior = counterpart(f, &fo).filter(|p| {
            let i = fo.iter().position(|x| std::ptr::eq(x, *p)).unwrap_or(usize::MAX);
            !used.contains(&i) && {
                used.push(i);
                true
            }
        });
        rows.push(FigureChange {
            metric: f.metric.clone(),
            kind: f.kind.label(),
            period: f.period,
            old: prior.map(|p| p.text.clone()),
            new: Some(f.text.clone()),
            change: prior.and_then(|p| change(f.kind, p.value, f.value)),
        });
    }
    for (i, f) in fo.iter().enumerate() {
        if !used.contains(&i) {
            rows.push(FigureChange {
                metric: f.metric.clone(),
                kind: f.kind.label(),
                period: f.period,
                old: Some(f.text.clone()),
                new: None,
                change: None,
            });
        }
    }
    Comparison {
        old: side(old_name, old),
        new: side(new_name, new),
        figures: rows,
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
    if c.figures.is_empty() {
        out.push_str("  (no figures named by a metric)\n");
    }
    let label = |f: &FigureChange| {
        if f.period.is_empty() {
            format!("{} ({})", f.metric, f.kind)
        } else {
            format!("{} ({}, {})", f.metric, f.kind, f.period)
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
        let f = figures(&r);
        let names: Vec<&str> = f.iter().map(|x| x.metric.as_str()).collect();
        assert_eq!(names, vec!["revenue", "net income", "diluted EPS", "gross margin"], "{f:?}");
        assert_eq!(f[0].value, 2_500_000_000.0);
    }

    #[test]
    fn changes_prior_periods_and_periods_are_told_apart() {
        let r = rel(
            "Acme Reports Results\n\nCLEVELAND--(BUSINESS WIRE)--May 5, 2024--Acme Corp. said fourth quarter revenues were up 3% to $11.3 billion, compared with $10.9 billion a year ago. For the full year, net income was $4.1 billion.\n",
        );
        let f = figures(&r);
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
        assert!(figures(&r).is_empty(), "{:?}", figures(&r));
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
        assert!(t.contains("revenue (money)"), "{t}");
        assert!(t.contains("+50.0%"), "{t}");
        assert!(!t.chars().any(|c| c.is_control() && c != '\n'));
    }
}
