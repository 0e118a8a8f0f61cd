//! Facts, quotes, contacts, deadlines and red flags, found in the normalised text.
//!
//! One file per family of facts. Passes run in an order that lets the unambiguous claim their
//! characters first: SEC identifiers and forms, then URLs and e-mails, phones, access codes,
//! dates and times, money and percentages. A later pass skips what an earlier one claimed, so
//! "Form 10-K" is never a phone and an access code is never a phone number.

mod call;
mod claims;
mod codes;
mod contacts;
mod dates;
mod deadlines;
mod figures;
mod flags;
mod header;
mod identifiers;
mod kinds;
mod money;
mod orgs;
mod people;
mod periods;
mod phones;
mod quotes;
mod tables;
mod tickers;
mod web;

pub use claims::Claims;

/// Month and weekday names: never part of a person's or an organisation's name.
pub const CALENDAR_WORDS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

use super::Block;
use super::load::{Meta, Zone};
use super::model::{Fact, FactKind, Release};

impl Fact {
    pub fn new(kind: FactKind, text: &str, start: usize, end: usize, value: Option<String>) -> Fact {
        debug_assert!(text.get(start..end).is_some(), "a fact is a span of the text");
        Fact {
            kind,
            value: value.map(String::into_boxed_str),
            start,
            end,
            detail: None,
        }
    }

    /// The value of a date fact, typed (the JSON keeps the "YYYY-MM-DD" string).
    pub fn as_date(&self) -> Option<chrono::NaiveDate> {
        (self.kind == FactKind::Date)
            .then(|| chrono::NaiveDate::parse_from_str(self.value.as_deref()?, "%Y-%m-%d").ok())
            .flatten()
    }

    /// The value of a time fact, typed (the JSON keeps the "HH:MM" string).
    pub fn as_time(&self) -> Option<chrono::NaiveTime> {
        (self.kind == FactKind::Time)
            .then(|| chrono::NaiveTime::parse_from_str(self.value.as_deref()?, "%H:%M").ok())
            .flatten()
    }
}

/// Order facts by span, keeping the order of the passes among facts of one span (a stable sort),
/// without the scratch copy of the facts a stable sort takes: the positions are sorted, then the
/// facts moved into place.
fn sort_by_span(facts: &mut [Fact]) {
    let Ok(n) = u32::try_from(facts.len()) else {
        facts.sort_by_key(|f| (f.start, f.end));
        return;
    };
    let mut order: Vec<u32> = (0..n).collect();
    order.sort_unstable_by_key(|&i| (facts[i as usize].start, facts[i as usize].end, i));
    // order[k] is the fact that belongs at k: follow each cycle of the permutation
    for i in 0..facts.len() {
        let mut at = i;
        while order[at] as usize != i {
            let from = order[at] as usize;
            facts.swap(at, from);
            order[at] = at as u32;
            at = from;
        }
        order[at] = at as u32;
    }
}

/// Run every pass over a release whose text and sections are set (`located`: the headline and
/// dateline blocks the sections were made from).
pub fn run(release: &mut Release, blocks: &[Block], meta: &Meta, located: &crate::release::segment::Located) {
    let full = release.text.as_str();
    let _ascii = crate::release::pattern::AsciiText::new(full);
    // The wrapping filing's own numbers (the registrant's telephone, the dates it is signed and filed, par
    // values) are facts too; names and periods come from the release alone.
    let release_end = blocks.iter().filter(|b| b.zone == Zone::Release).map(|b| b.end).max().unwrap_or(0);
    // An exhibit with no text (images only): the filing is all there is to read.
    let release_end = if release_end == 0 { full.len() } else { release_end };
    let filing_end = blocks
        .iter()
        .filter(|b| b.zone != Zone::Trailer)
        .map(|b| b.end)
        .max()
        .unwrap_or(0)
        .max(release_end);
    let text = &full[..release_end];
    let numbers = &full[..filing_end];
    let mut claims = Claims::default();
    let mut facts: Vec<Fact> = Vec::new();

    identifiers::scan(numbers, &mut claims, &mut facts);
    web::scan(numbers, &mut claims, &mut facts);
    phones::scan(numbers, &mut claims, &mut facts);
    codes::scan(numbers, &mut claims, &mut facts);

    let head = header::read(full, blocks, &release.sections, meta, located);
    let reference = head.reference_date;
    dates::scan(numbers, reference, &mut claims, &mut facts);
    dates::scan_times(numbers, &mut claims, &mut facts);
    money::scan(numbers, &mut claims, &mut facts);
    periods::scan(text, &mut facts);
    tickers::scan(text, &mut facts);
    tickers::scan_cover(full, &mut facts);
    // People are named in the filing too: its signatures and cover page ("By: /s/ Reid R. Broda").
    people::scan(full, &release.sections, &mut facts);
    orgs::scan(text, &mut facts);
    sort_by_span(&mut facts);

    release.headline = head.headline;
    release.dateline = head.dateline;
    release.company = head.company;
    let mut tickers: Vec<String> = Vec::new();
    for f in facts.iter().filter(|f| f.kind == FactKind::Ticker) {
        if let Some(v) = &f.value {
            if !tickers.iter().any(|t| **t == **v) {
                tickers.push(v.to_string());
            }
        }
    }
    release.company.tickers = tickers;
    if let Some(span) = head.dateline_span {
        release.sections.push(crate::release::Section {
            kind: crate::release::SectionKind::Dateline,
            title: "Dateline".into(),
            start: span.0,
            end: span.1,
        });
        release.sections.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    }

    release.quotes = quotes::find(full, &release.sections, &facts);
    release.contacts = contacts::find(full, &release.sections, &facts, release.company.name.as_deref());
    release.deadlines = deadlines::find(full, &release.sections, &facts, reference);
    release.flags = flags::find(full, &release.sections);
    release.figures = figures::find(text, &release.sections, &facts);
    release.call = call::find(text, &release.sections, &facts, &release.deadlines, reference);
    // a call with a live dial-in announced: the sentence of its first number
    // (or, with no number, the sentence that sets the call's date and time)
    let call_dial_in = release.call.as_ref().and_then(|c| {
        let phone = c.live.phones.first().and_then(|p| {
            let f = facts
                .iter()
                .find(|f| f.kind == FactKind::Phone && f.value.as_deref() == Some(p.as_str()))?;
            Some(crate::release::text::sentence_around(full, f.start, f.end))
        });
        let when = c.when.date.and_then(|_| {
            let d = release
                .deadlines
                .iter()
                .find(|d| d.what == crate::release::DeadlineKind::ConferenceCall)?;
            Some((d.start, d.end))
        });
        phone.or(when)
    });
    let inputs = kinds::Inputs {
        headline: release.headline.as_deref(),
        flags: &release.flags,
        figures: &release.figures,
        call_dial_in,
    };
    let (kinds, kind_evidence) = kinds::find(full, &release.sections, &inputs);
    release.kinds = kinds;
    release.kind_evidence = kind_evidence;
    release.facts = facts;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_sorted_by_span_keep_the_passes_order_on_ties() {
        let text = "call 555-0100 on May 5 at 555-0100";
        let spans = [
            (25, 33, FactKind::Phone),
            (5, 13, FactKind::Phone),
            (17, 22, FactKind::Date),
            (5, 13, FactKind::Code),
            (0, 4, FactKind::Org),
        ];
        let mut facts: Vec<Fact> = spans.iter().map(|&(s, e, k)| Fact::new(k, text, s, e, None)).collect();
        let mut want = facts.clone();
        want.sort_by_key(|f| (f.start, f.end));
        sort_by_span(&mut facts);
        let got: Vec<_> = facts.iter().map(|f| (f.start, f.end, f.kind)).collect();
        let want: Vec<_> = want.iter().map(|f| (f.start, f.end, f.kind)).collect();
        assert_eq!(got, want);
        // the phone found first stays before the code of the same span
        assert_eq!(got[1].2, FactKind::Phone);
        assert_eq!(got[2].2, FactKind::Code);
    }

    #[test]
    fn sorting_by_span_follows_long_cycles() {
        let text = "x".repeat(100);
        let mut facts: Vec<Fact> = (0..50)
            .map(|i| Fact::new(FactKind::Code, &text, (i * 7) % 50, (i * 7) % 50 + 1, None))
            .collect();
        sort_by_span(&mut facts);
        assert!(facts.windows(2).all(|w| w[0].start < w[1].start));
        assert_eq!(facts.len(), 50);
    }
}
