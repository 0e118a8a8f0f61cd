//! The facts pane: deadlines as a timeline, then red flags with their evidence, then facts grouped
//! by kind. Each entry knows where in the text it points.

use crate::release::{FactKind, Release, SectionKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// A group title ("DEADLINES"); not selectable.
    Header,
    Deadline(usize),
    Flag(usize),
    Fact(FactKind),
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: EntryKind,
    pub text: String,
    /// Byte offset in `Release::text` that Enter jumps to.
    pub target: Option<usize>,
    /// Byte span highlighted as the selection.
    pub span: Option<(usize, usize)>,
}

impl Entry {
    pub fn selectable(&self) -> bool {
        self.kind != EntryKind::Header
    }
}

fn header(text: &str) -> Entry {
    Entry {
        kind: EntryKind::Header,
        text: text.to_string(),
        target: None,
        span: None,
    }
}

/// When a date is against today ("in 3d", "2y ago"): shared with the release list.
pub use crate::library::row::relative;

pub fn build(r: &Release) -> Vec<Entry> {
    let mut out = Vec::new();
    if !r.deadlines.is_empty() {
        out.push(header("DEADLINES"));
        for (i, d) in r.deadlines.iter().enumerate() {
            out.push(Entry {
                kind: EntryKind::Deadline(i),
                text: format!("{}  {}", d.when(), d.what.label()),
                target: Some(d.start),
                span: Some((d.start, d.end)),
            });
        }
    }
    if !r.flags.is_empty() {
        out.push(header("RED FLAGS"));
        for (i, f) in r.flags.iter().enumerate() {
            let boiler = if f.section == SectionKind::Risk { " (boilerplate)" } else { "" };
            out.push(Entry {
                kind: EntryKind::Flag(i),
                text: format!("{}{boiler}: {}", f.kind.label(), f.evidence),
                target: Some(f.start),
                span: Some((f.start, f.end)),
            });
        }
    }
    for kind in FactKind::ALL {
        let mut first = true;
        // a set, not a list: a release of 100,000 amounts must not cost n² comparisons
        let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for f in r.facts.iter().filter(|f| f.kind == kind) {
            if !seen.insert(f.text(&r.text)) {
                continue;
            }
            if first {
                out.push(header(&kind.label().to_uppercase()));
                first = false;
            }
            let detail = match (&f.detail, kind) {
                (Some(d), FactKind::Person) => format!(" \u{2014} {d}"),
                (Some(d), FactKind::Time) if !f.text(&r.text).contains(&**d) => format!(" ({d})"),
                _ => String::new(),
            };
            let value = match (&f.value, kind) {
                (Some(v), FactKind::Phone | FactKind::Fax | FactKind::Date | FactKind::Ticker) if **v != *f.text(&r.text) => {
                    format!("  [{v}]")
                }
                _ => String::new(),
            };
            out.push(Entry {
                kind: EntryKind::Fact(kind),
                text: format!("{}{detail}{value}", f.text(&r.text).replace('\n', " ")),
                target: Some(f.start),
                span: Some((f.start, f.end)),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn relative_days() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).expect("date");
        assert_eq!(relative(d(2024, 1, 4), d(2024, 1, 1)), "in 3d");
        assert_eq!(relative(d(2024, 1, 1), d(2024, 1, 1)), "today");
        assert_eq!(relative(d(2023, 12, 30), d(2024, 1, 1)), "2d ago");
        assert_eq!(relative(d(2023, 12, 31), d(2024, 1, 1)), "yesterday");
        assert_eq!(relative(d(2024, 2, 15), d(2024, 1, 1)), "in 6w");
        assert_eq!(relative(d(2024, 9, 1), d(2024, 1, 1)), "in 8mo");
        assert_eq!(relative(d(2004, 4, 12), d(2026, 11, 25)), "22y ago");
        for days in -40_000..40_000 {
            let r = relative(d(2024, 1, 1) + chrono::Duration::days(days), d(2024, 1, 1));
            assert!(r.chars().count() <= 9, "{r}");
        }
    }

    #[test]
    fn seed_entries_start_with_the_timeline() {
        let r = crate::release::parse(crate::BUNDLED.as_bytes(), None).expect("seed");
        let e = build(&r);
        assert_eq!(e[0].text, "DEADLINES");
        assert!(e[1].text.starts_with("2004-03-29 08:30 ET  Conference call"));
        assert!(e.iter().any(|x| x.text == "RED FLAGS"));
    }
}
