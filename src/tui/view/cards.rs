//! The card that opens the Status panel: what kind of release it is, then, by kind, what a reader
//! acts on: an earnings release's figures (metric, period, value, change; the outlook beside), a
//! dividend's amount and dates, an offering's size, price and closing, a deal's consideration and
//! closing, a listing notice's rule and compliance deadline. Built once from the parsed release;
//! plain strings, no terminal calls.

use crate::release::{Basis, DeadlineKind, Fact, FactKind, Figure, Metric, Release, ReleaseKind};
use regex::Regex;
use std::sync::LazyLock;

/// A row of a card: a label and its value, or a table row of cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardRow {
    /// "Kind     earnings · dividend"
    Field(&'static str, String),
    /// The header of the figures table.
    Head(Vec<String>),
    /// A row of the figures table: metric, value, change, period.
    Cells(Vec<String>),
}

/// "$412.0 million", "$0.52", "38.5%", "€45 million".
pub fn amount(metric: Metric, value: f64, currency: Option<&str>) -> String {
    if metric.is_percent() {
        return format!("{}%", trim(value, 1));
    }
    let sign = match currency {
        Some("USD") | None => "$",
        Some("EUR") => "€",
        Some("GBP") => "£",
        Some("JPY") => "¥",
        Some(other) => return format!("{other} {}", scaled(value)),
    };
    if metric.is_per_share() || value.abs() < 1_000.0 {
        let v = format!("{:.2}", value.abs());
        return format!("{}{sign}{v}", if value < 0.0 { "-" } else { "" });
    }
    let s = scaled(value.abs());
    format!("{}{sign}{s}", if value < 0.0 { "-" } else { "" })
}

/// "412.0 million", "1.2 billion", "25,000".
fn scaled(v: f64) -> String {
    let (div, word) = match v.abs() {
        a if a >= 1e12 => (1e12, " trillion"),
        a if a >= 1e9 => (1e9, " billion"),
        a if a >= 1e6 => (1e6, " million"),
        _ => (1.0, ""),
    };
    if word.is_empty() {
        return group(v);
    }
    format!("{}{word}", trim(v / div, 2))
}

/// A number with at most `places` decimals, trailing zeros dropped: 12.50 -> "12.5".
fn trim(v: f64, places: usize) -> String {
    let s = format!("{v:.places$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// 25000 -> "25,000".
fn group(v: f64) -> String {
    let n = v.round() as i64;
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// A figure's value: "$412 million", or a range "$2.70 – $2.94".
pub fn figure_value(f: &Figure) -> String {
    let cur = f.currency.as_deref();
    match (f.value, f.low, f.high) {
        (Some(v), _, _) => amount(f.metric, v, cur),
        (None, Some(lo), Some(hi)) => format!("{} – {}", amount(f.metric, lo, cur), amount(f.metric, hi, cur)),
        (None, Some(v), None) | (None, None, Some(v)) => amount(f.metric, v, cur),
        _ => f.text.clone(),
    }
}

fn metric_label(f: &Figure) -> String {
    let adjusted = f.basis == Basis::Adjusted && !matches!(f.metric, Metric::AdjustedEps | Metric::AdjustedEbitda);
    format!("{}{}", if adjusted { "adjusted " } else { "" }, f.metric.label())
}

/// The figures table: actual figures first (one per metric and period, prose before tables), then
/// the outlook.
fn figure_rows(r: &Release, metrics: &[Metric]) -> Vec<CardRow> {
    let mut seen = std::collections::HashSet::new();
    let wanted = |f: &&Figure| metrics.is_empty() || metrics.contains(&f.metric);
    let mut figures: Vec<&Figure> = r.figures.iter().filter(wanted).collect();
    // prose figures are what the release leads with; tables repeat them
    figures.sort_by_key(|f| (f.guidance, f.source != crate::release::FigureSource::Prose, f.start));
    let mut rows = Vec::new();
    for f in figures {
        // one row per metric: the release's own lead figure (prose first), not every segment's
        let key = (f.metric, f.basis == Basis::Adjusted, f.guidance);
        if !seen.insert(key) {
            continue;
        }
        let change = f
            .change
            .as_ref()
            .map(|c| format!("{}{}%", if c.percent > 0.0 { "+" } else { "" }, trim(c.percent, 1)))
            .unwrap_or_default();
        let label = if f.guidance {
            format!("{} (outlook)", metric_label(f))
        } else {
            metric_label(f)
        };
        rows.push(CardRow::Cells(vec![
            label,
            figure_value(f),
            change,
            f.period.as_deref().map(short_period).unwrap_or_default(),
        ]));
        if rows.len() >= 12 {
            break;
        }
    }
    if rows.is_empty() {
        return rows;
    }
    let mut out = vec![CardRow::Head(vec![
        "Metric".into(),
        "Value".into(),
        "Change".into(),
        "Period".into(),
    ])];
    out.extend(rows);
    out
}

/// The sentence around a byte offset (bounded).
fn sentence(text: &str, at: usize) -> &str {
    let at = at.min(text.len());
    let mut a = at.saturating_sub(300);
    while !text.is_char_boundary(a) {
        a += 1;
    }
    let mut b = (at + 300).min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    let before = &text[a..at];
    let start = before.rfind(". ").or_else(|| before.rfind('\n')).map_or(a, |p| a + p + 1);
    let after = &text[at..b];
    let end = after.find(". ").or_else(|| after.find("\n\n")).map_or(b, |p| at + p + 1);
    &text[start..end]
}

/// The date a phrase introduces: of the date facts that follow one of `words` (lower case) within
/// a few words, the nearest ("payable September 16", "of record as of September 2").
fn date_said(r: &Release, words: &[&str]) -> Option<String> {
    r.facts
        .iter()
        .filter(|f| f.kind == FactKind::Date)
        .filter_map(|f: &Fact| {
            let mut a = f.start.saturating_sub(60);
            while !r.text.is_char_boundary(a) {
                a += 1;
            }
            let before = r.text[a..f.start].to_lowercase();
            // the phrase and the date stand in one sentence
            let before = before.rsplit_once(". ").map_or(before.as_str(), |(_, b)| b).to_string();
            let gap = words
                .iter()
                .filter_map(|w| before.rfind(w).map(|p| before.len() - p - w.len()))
                .min()?;
            Some((gap, f.value.as_deref().unwrap_or(f.text(&r.text)).to_string()))
        })
        .min_by_key(|(gap, _)| *gap)
        .map(|(_, d)| d)
}

/// A period short enough for a table column: "fiscal 2024 first quarter ended December 30, 2023"
/// reads "fiscal 2024 first quarter"; a period that is only "ended ..." keeps it.
fn short_period(p: &str) -> String {
    let cut = p
        .find(" ended ")
        .filter(|&i| p[..i].chars().any(|c| c.is_ascii_digit()) || p[..i].contains("quarter") || p[..i].contains("fiscal"));
    let p = cut.map_or(p, |i| &p[..i]);
    if p.chars().count() > 30 {
        p.chars().take(29).chain(['…']).collect()
    } else {
        p.to_string()
    }
}

/// The period a phrase introduces: "expected to close in the third quarter of 2025".
fn period_said(r: &Release, words: &[&str]) -> Option<String> {
    r.facts.iter().filter(|f| f.kind == FactKind::Period).find_map(|f| {
        let mut a = f.start.saturating_sub(40);
        while !r.text.is_char_boundary(a) {
            a += 1;
        }
        let before = r.text[a..f.start].to_lowercase();
        words.iter().any(|w| before.contains(w)).then(|| f.text(&r.text).to_string())
    })
}

fn deadline_of(r: &Release, kind: DeadlineKind) -> Option<String> {
    r.deadlines
        .iter()
        .find(|d| d.what == kind)
        .map(|d| d.date.format("%Y-%m-%d").to_string())
}

fn figure_of(r: &Release, metric: Metric) -> Option<String> {
    r.figures.iter().find(|f| f.metric == metric && !f.guidance).map(figure_value)
}

/// Exchanges and regulators are named beside deals and offerings but are neither party nor bank.
fn is_market_or_regulator(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    [
        "nyse",
        "nasdaq",
        "tsx",
        "stock exchange",
        "stock market",
        "securities and exchange commission",
        "sec",
        "finra",
        "otc",
    ]
    .iter()
    .any(|w| n == *w || n.starts_with(&format!("{w} ")) || n.ends_with(&format!(" {w}")))
}

/// Organisations named in sentences that say one of `words`: underwriters, advisers, parties; the
/// issuer itself only when `issuer` is true.
fn orgs_said(r: &Release, words: &[&str], issuer: bool, max: usize) -> Option<String> {
    let company = r.company.name.as_deref().unwrap_or("").to_lowercase();
    let is_issuer = |n: &str| {
        let n = n.to_lowercase();
        !company.is_empty() && (company.contains(&n) || n.contains(&company))
    };
    let mut names: Vec<&str> = Vec::new();
    if issuer && !company.is_empty() {
        names.extend(r.company.name.as_deref());
    }
    for f in r.facts.iter().filter(|f| f.kind == FactKind::Org) {
        if is_market_or_regulator(f.text(&r.text)) || (!issuer && is_issuer(f.text(&r.text))) {
            continue;
        }
        let s = sentence(&r.text, f.start).to_lowercase();
        let lower = f.text(&r.text).to_lowercase();
        // one name once: "Summit Valve" and "Summit Valve Company" are one party
        let known = names.iter().any(|n| {
            let n = n.to_lowercase();
            n.contains(&lower) || lower.contains(&n)
        });
        if words.iter().any(|w| s.contains(w)) && !known && !(issuer && is_issuer(f.text(&r.text))) {
            names.push(f.text(&r.text));
        }
        if names.len() == max {
            break;
        }
    }
    (!names.is_empty()).then(|| names.join(", "))
}

/// A listing rule as a notice cites it: "Listing Rule 5550(a)(2)", "Section 1003(a)(i)".
static RULE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:Nasdaq\s+)?Listing\s+Rules?|Rule|Section)\s+[0-9]{3,4}(?:\([a-zA-Z0-9]{1,4}\)){1,4}").expect("rule regex")
});

/// The card's rows for a release; empty when there is nothing to say beyond the text.
pub fn status_card(r: &Release) -> Vec<CardRow> {
    let mut rows = Vec::new();
    if !r.kinds.is_empty() {
        let kinds: Vec<&str> = r.kinds.iter().map(|k| k.label()).collect();
        rows.push(CardRow::Field("Kind", kinds.join(" · ")));
    }
    let field = |rows: &mut Vec<CardRow>, label: &'static str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            rows.push(CardRow::Field(label, v));
        }
    };
    for kind in &r.kinds {
        match kind {
            ReleaseKind::Dividend => {
                field(&mut rows, "Dividend", figure_of(r, Metric::DividendPerShare));
                field(&mut rows, "Ex-date", date_said(r, &["ex-dividend", "ex dividend", "ex-date"]));
                field(
                    &mut rows,
                    "Record",
                    deadline_of(r, DeadlineKind::RecordDate).or_else(|| date_said(r, &["of record", "record date"])),
                );
                field(
                    &mut rows,
                    "Payable",
                    deadline_of(r, DeadlineKind::PaymentDate).or_else(|| date_said(r, &["payable", "to be paid", "payment date"])),
                );
            }
            ReleaseKind::Offering => {
                field(&mut rows, "Size", figure_of(r, Metric::OfferingSize));
                field(&mut rows, "Price", figure_of(r, Metric::OfferingPrice));
                field(
                    &mut rows,
                    "Banks",
                    orgs_said(
                        r,
                        &["underwrit", "book-running", "bookrunn", "placement agent", "sales agent"],
                        false,
                        4,
                    ),
                );
                field(
                    &mut rows,
                    "Closing",
                    date_said(r, &["expected to close", "expected to be completed", "closing of the offering"]),
                );
            }
            ReleaseKind::MAndA => {
                field(&mut rows, "Value", figure_of(r, Metric::DealValue));
                field(
                    &mut rows,
                    "Parties",
                    orgs_said(
                        r,
                        &["acqui", "merger", "merge with", "to buy", "agreement to", "investment in"],
                        true,
                        4,
                    ),
                );
                let closing = ["expected to close", "expected to be completed", "completed on", "closed on"];
                field(&mut rows, "Closing", date_said(r, &closing).or_else(|| period_said(r, &closing)));
            }
            ReleaseKind::Buyback => field(&mut rows, "Buyback", figure_of(r, Metric::BuybackSize)),
            ReleaseKind::ListingNotice => {
                field(
                    &mut rows,
                    "Rule",
                    RULE.find(&r.text)
                        .map(|m| m.as_str().split_whitespace().collect::<Vec<_>>().join(" ")),
                );
                field(
                    &mut rows,
                    "Regain by",
                    r.deadlines
                        .iter()
                        .find(|d| sentence(&r.text, d.start).to_lowercase().contains("compliance"))
                        .map(|d| d.date.format("%Y-%m-%d").to_string()),
                );
            }
            _ => {}
        }
    }
    let earnings = r.kinds.iter().any(|k| matches!(k, ReleaseKind::Earnings | ReleaseKind::Guidance));
    if earnings {
        rows.extend(figure_rows(
            r,
            &[
                Metric::Revenue,
                Metric::NetIncome,
                Metric::Eps,
                Metric::AdjustedEps,
                Metric::OperatingIncome,
                Metric::AdjustedEbitda,
                Metric::GrossMargin,
                Metric::OperatingMargin,
                Metric::FreeCashFlow,
            ],
        ));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_a_person_writes_them() {
        assert_eq!(amount(Metric::Revenue, 412_000_000.0, Some("USD")), "$412 million");
        assert_eq!(amount(Metric::Revenue, 1_234_500_000.0, Some("USD")), "$1.23 billion");
        assert_eq!(amount(Metric::Eps, 0.52, Some("USD")), "$0.52");
        assert_eq!(amount(Metric::Eps, -0.05, Some("USD")), "-$0.05");
        assert_eq!(amount(Metric::GrossMargin, 38.5, None), "38.5%");
        assert_eq!(amount(Metric::DealValue, 45_000_000.0, Some("EUR")), "€45 million");
        assert_eq!(amount(Metric::DealValue, 7e9, Some("CAD")), "CAD 7 billion");
        assert_eq!(amount(Metric::BuybackSize, 25_000.0, Some("USD")), "$25,000");
    }

    #[test]
    fn periods_fit_a_column() {
        assert_eq!(
            short_period("fiscal 2024 first quarter ended december 30, 2023"),
            "fiscal 2024 first quarter"
        );
        assert_eq!(
            short_period("three months ended december 30, 2023"),
            "three months ended december 3…"
        );
        assert_eq!(short_period("fourth quarter 2024"), "fourth quarter 2024");
    }

    fn release(text: &str) -> Release {
        crate::release::parse(text.as_bytes(), Some("t.txt")).expect("parse")
    }

    #[test]
    fn dates_are_the_ones_their_phrase_introduces() {
        let r = release(
            "Acme Declares Dividend\n\nACME, Ohio, July 30, 2025 /PRNewswire/ -- Acme Corp. (NYSE: ACM) today declared a cash dividend of 20 cents per share, payable September 16, 2025, to shareholders of record as of September 2, 2025.\n",
        );
        assert_eq!(date_said(&r, &["of record"]).as_deref(), Some("2025-09-02"));
        assert_eq!(date_said(&r, &["payable"]).as_deref(), Some("2025-09-16"));
        assert_eq!(date_said(&r, &["ex-dividend"]), None, "no phrase, no date");
    }

    #[test]
    fn listing_rules_as_notices_cite_them() {
        for (text, want) in [
            (
                "not in compliance with Nasdaq Listing Rule 5550(a)(2) for",
                "Nasdaq Listing Rule 5550(a)(2)",
            ),
            ("under Listing Rule 5810(c)(3)(A), the Company", "Listing Rule 5810(c)(3)(A)"),
            ("Section 1003(a)(iii) of the NYSE American Company Guide", "Section 1003(a)(iii)"),
        ] {
            assert_eq!(RULE.find(text).map(|m| m.as_str()), Some(want), "{text}");
        }
        // a rule number needs its bracketed parts: "Rule 10b5-1" and "Rule 144" are other rules
        assert_eq!(RULE.find("a Rule 10b5-1 trading plan"), None);
        assert_eq!(RULE.find("under Rule 144 of the Securities Act"), None);
    }
}
