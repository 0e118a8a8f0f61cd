//! A readable plain-text digest of a release: what `--summary` prints, and what irview prints
//! when standard output is not a terminal.

use crate::release::{Basis, FactKind, Metric, Release, SectionKind};
use std::fmt::Write;

fn one_line(s: &str, max: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > max {
        s.chars().take(max.saturating_sub(1)).collect::<String>() + "…"
    } else {
        s
    }
}

/// The header row of `--summary DIR`.
pub const ROW_HEADER: &str = "date\tcompany\ttickers\tkinds\tflags\theadline\tfile";

/// One tab-separated row of `--summary DIR` (the columns of [`ROW_HEADER`]). Every field is one
/// line without tabs, so a name with a newline or a tab cannot split the row; an empty field is "-".
pub fn row(r: &Release, path: &std::path::Path) -> String {
    let field = |s: &str| if s.is_empty() { "-".to_string() } else { crate::display_safe(s) };
    [
        field(&r.dateline.date.map(|d| d.to_string()).unwrap_or_default()),
        field(r.company.name.as_deref().unwrap_or("")),
        field(&r.company.tickers.join(",")),
        field(&r.kinds.iter().map(|k| k.label()).collect::<Vec<_>>().join(",")),
        field(&r.flags.iter().map(|f| f.kind.label()).collect::<Vec<_>>().join(",")),
        field(r.headline.as_deref().unwrap_or("")),
        field(&path.to_string_lossy()),
    ]
    .join("\t")
}

pub fn summary(r: &Release) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{}", r.headline.as_deref().unwrap_or("(no headline)"));
    let company = r.company.name.as_deref().unwrap_or("(company unknown)");
    let tickers = if r.company.tickers.is_empty() {
        String::new()
    } else {
        format!(" [{}]", r.company.tickers.join(", "))
    };
    let _ = writeln!(o, "{company}{tickers}");
    let d = &r.dateline;
    let date = d.date.map(|x| x.to_string());
    let parts: Vec<&str> = [d.place.as_deref(), d.wire.as_deref(), date.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !parts.is_empty() {
        let _ = writeln!(o, "{}", parts.join(" | "));
    }
    let _ = writeln!(
        o,
        "Source: {} ({}, {})",
        r.source.path.as_deref().unwrap_or("-"),
        r.source.format.label(),
        r.source.encoding.label()
    );
    for n in &r.notices {
        let _ = writeln!(o, "Note: {n}");
    }
    kinds_line(&mut o, r);
    let _ = writeln!(o);
    figures_block(&mut o, r);
    call_block(&mut o, r);
    if !r.flags.is_empty() {
        let _ = writeln!(o, "RED FLAGS");
        for f in &r.flags {
            let where_ = if f.section == SectionKind::Risk {
                " (in risk boilerplate)"
            } else {
                ""
            };
            let _ = writeln!(o, "  {}{}: {}", f.kind.label(), where_, one_line(&f.evidence, 160));
        }
        let _ = writeln!(o);
    }
    if !r.deadlines.is_empty() {
        let _ = writeln!(o, "DEADLINES");
        for d in &r.deadlines {
            let _ = writeln!(o, "  {}  {}", d.when(), d.what.label());
        }
        let _ = writeln!(o);
    }
    if !r.quotes.is_empty() {
        let _ = writeln!(o, "QUOTES");
        for q in &r.quotes {
            let title = q.title.as_deref().map(|t| format!(", {t}")).unwrap_or_default();
            let _ = writeln!(o, "  {}{}: {}", q.speaker, title, one_line(&r.text[q.start..q.end], 140));
        }
        let _ = writeln!(o);
    }
    if !r.contacts.is_empty() {
        let _ = writeln!(o, "CONTACTS");
        for c in &r.contacts {
            let role = c.role.as_deref().map(|x| format!(" ({x})")).unwrap_or_default();
            let _ = writeln!(o, "  {}{}  {}  {}", c.name, role, c.phones.join(", "), c.emails.join(", "));
        }
        let _ = writeln!(o);
    }
    let _ = writeln!(o, "SECTIONS");
    for s in &r.sections {
        let _ = writeln!(o, "  {:<13} {}", s.kind.label(), one_line(&r.text[s.start..s.end], 90));
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "FACTS");
    for kind in FactKind::ALL {
        let mut values: Vec<String> = Vec::new();
        for f in r.facts.iter().filter(|f| f.kind == kind) {
            let v = one_line(f.text(&r.text), 60);
            if !values.contains(&v) {
                values.push(v);
            }
        }
        if !values.is_empty() {
            let _ = writeln!(o, "  {:<8} {}", kind.label(), values.join("; "));
        }
    }
    o
}

/// "Kind: earnings, guidance" (main kind first).
fn kinds_line(o: &mut String, r: &Release) {
    if !r.kinds.is_empty() {
        let names: Vec<&str> = r.kinds.iter().map(|k| k.label()).collect();
        let _ = writeln!(o, "Kind: {}", names.join(", "));
    }
}

/// The key figures: metric, period, value, basis, change; outlook figures marked.
fn figures_block(o: &mut String, r: &Release) {
    if r.figures.is_empty() {
        return;
    }
    let _ = writeln!(o, "FIGURES");
    for f in &r.figures {
        let basis = if f.basis == Basis::Adjusted && f.metric != Metric::AdjustedEps {
            " (adjusted)"
        } else {
            ""
        };
        let outlook = if f.guidance { " [outlook]" } else { "" };
        let change = f.change.as_ref().map(|c| format!("  {:+}%", c.percent)).unwrap_or_default();
        let _ = writeln!(
            o,
            "  {:<17} {:<28} {}{basis}{outlook}{change}",
            f.metric.label(),
            one_line(f.period.as_deref().unwrap_or("-"), 28),
            f.value_label()
        );
    }
    let _ = writeln!(o);
}

/// The call card: when, live dial-in and code, replay numbers, code and window, webcast.
fn call_block(o: &mut String, r: &Release) {
    let Some(c) = &r.call else { return };
    let _ = writeln!(o, "CALL");
    if let Some(when) = c.when.label() {
        let _ = writeln!(o, "  When     {when}");
    }
    let code = |c: &Option<String>| c.as_deref().map(|c| format!("  code {c}")).unwrap_or_default();
    if !c.live.phones.is_empty() || c.live.code.is_some() {
        let _ = writeln!(o, "  Live     {}{}", c.live.phones.join(", "), code(&c.live.code));
    }
    if !c.replay.phones.is_empty() || c.replay.code.is_some() || c.replay.until.is_some() {
        let from = c.replay.from.map(|d| format!("  from {d}")).unwrap_or_default();
        let until = c.replay.until.map(|d| format!("  until {d}")).unwrap_or_default();
        let _ = writeln!(o, "  Replay   {}{}{from}{until}", c.replay.phones.join(", "), code(&c.replay.code));
    }
    if let Some(w) = &c.webcast {
        let _ = writeln!(o, "  Webcast  {w}");
    }
    let _ = writeln!(o);
}
