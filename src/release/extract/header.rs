//! The top of a release: headline, dateline (place, wire, date) and the issuing company, and the
//! reference date that dates without a year are read against.

use super::Claims;
use super::dates;
use crate::release::dateline::{self, Layout};
use crate::release::load::{Meta, Zone};
use crate::release::model::{Company, Dateline, Section, SectionKind};
use crate::release::segment;
use crate::release::text::sentence_around;
use crate::release::{Block, text::floor_boundary};
use chrono::NaiveDate;

pub struct Header {
    pub headline: Option<String>,
    pub dateline: Dateline,
    pub company: Company,
    pub reference_date: Option<NaiveDate>,
    pub dateline_span: Option<(usize, usize)>,
}

fn first_date(text: &str, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    let mut facts = Vec::new();
    dates::scan(text, reference, &mut Claims::default(), &mut facts);
    facts.iter().min_by_key(|f| f.start).and_then(|f| f.as_date())
}

/// The subject of the first sentence, up to the ticker or the verb.
fn company_of(after: &str) -> Option<String> {
    let after = after.trim_start();
    let head = &after[..floor_boundary(after, 240)];
    // The name never runs over a line break.
    let head = head.split('\n').next().unwrap_or(head);
    let mut cut = head.len();
    for m in [
        " (",
        ", a ",
        ", an ",
        ", the ",
        " today",
        " announced",
        " announces",
        " reported",
        " reports",
        " said",
        ", which",
        ", one of",
        " has ",
        " have ",
        " will ",
        " is ",
        ", through",
        ", together",
        " and its ",
        " and certain of its",
        " on behalf of",
        "'s ",
        "’s ",
        "‘s ",
    ] {
        if let Some(p) = head.find(m) {
            cut = cut.min(p);
        }
    }
    let name = head[..cut]
        .trim()
        .trim_end_matches([',', ';', ' '])
        .trim_end_matches(['®', '™'])
        .trim();
    let name = name
        .trim_end_matches("(R)")
        .trim_end_matches("(TM)")
        .trim_end_matches("-Registered Trademark-")
        .trim();
    let name = name.strip_prefix("The ").unwrap_or(name);
    let name = name.strip_suffix(" Board of Directors").unwrap_or(name).trim();
    let words = name.split_whitespace().count();
    let ok = (1..=8).contains(&words)
        && name.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !name.to_ascii_lowercase().starts_with("the company");
    ok.then(|| name.to_string())
}

/// Words that open a sentence but never a company's name.
const NOT_A_NAME_START: &[&str] = &[
    "On",
    "In",
    "As",
    "For",
    "At",
    "Today",
    "We",
    "Our",
    "This",
    "Why",
    "Why:",
    "If",
    "Investors",
    "Shareholders",
    "Notice",
    "Attention",
    "Following",
    "During",
    "After",
    "Under",
];

/// A company's name is not a place, a date or a label: "CITY, Feb. 13, 2025", "Regulatory News:",
/// "NEW YORK" (the dateline's place) are what a lead's first words can be when the dateline was
/// not recognised.
fn plausible_company(name: &str, place: Option<&str>) -> bool {
    let n = name.trim();
    let first = n.split_whitespace().next().unwrap_or("");
    !n.is_empty()
        && !n.ends_with(':')
        && !n.contains(": ")
        && !NOT_A_NAME_START.contains(&first)
        && place.is_none_or(|p| !n.eq_ignore_ascii_case(p) && !p.eq_ignore_ascii_case(first.trim_end_matches(',')))
        && dateline::read(n).is_none()
        && !n.split([',', '/']).any(|part| dateline::masthead_date(part.trim()).is_some())
        && dateline::wire_name_line(n).is_none()
        && !n.contains('@')
        && !n.contains("://")
        && !n.to_ascii_lowercase().contains("www.")
        // A wire service is not the issuer ("PRISM MediaWire", "PR Newswire").
        && !n.split_whitespace().last().is_some_and(|w| w.to_ascii_lowercase().ends_with("wire"))
        && n.chars().filter(char::is_ascii_digit).count() * 3 <= n.len()
}

fn title_case(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let lower = w.to_lowercase();
            if matches!(lower.as_str(), "of" | "and" | "the" | "for") {
                lower
            } else if matches!(
                lower.as_str(),
                "inc" | "corp" | "co" | "ltd" | "llc" | "plc" | "lp" | "nv" | "sa" | "ag"
            ) {
                let mut c = lower.chars();
                c.next()
                    .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default()
            } else if w.len() <= 3 && w.chars().all(|c| c.is_ascii_uppercase() || c == '&') {
                w.to_string()
            } else {
                let mut c = lower.chars();
                c.next()
                    .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words a title cannot end on: the next line continues it.
const CONTINUES: &[&str] = &[
    "by", "of", "to", "and", "for", "with", "in", "on", "at", "from", "the", "a", "an", "as", "its", "their",
];

/// Verbs a title cannot end on: the next line names their object ("Rock of Ages Acquires" /
/// "American Monument Corporation").
const TRANSITIVE: &[&str] = &[
    "acquires",
    "acquire",
    "announces",
    "announce",
    "reports",
    "names",
    "appoints",
    "completes",
    "declares",
    "signs",
    "receives",
    "launches",
    "elects",
    "agrees",
    "enters",
    "expands",
    "files",
    "sells",
    "buys",
    "welcomes",
    "promotes",
    "adds",
    "joins",
];

/// The headline's text, joined with the next block when the title runs over a line break
/// ("2006 Southern Company earnings bolstered by" / "strong economy, customer growth"). A relay's
/// "(11:00 GMT) Press Release:" wrapper goes.
fn headline_text(text: &str, blocks: &[Block], i: usize, range: (usize, usize), dateline: Option<usize>) -> String {
    let raw = &text[range.0..range.1];
    let raw = &raw[dateline::relay_wrapper_end(raw).unwrap_or(0)..];
    let first = raw.replace('\n', " ");
    let Some(next) = blocks
        .get(i + 1)
        .filter(|n| Some(i + 1) != dateline && n.zone == Zone::Release && n.end - n.start < 150)
    else {
        return first;
    };
    let second = &text[next.start..next.end];
    let last_word = first.rsplit(' ').next().unwrap_or("").to_lowercase();
    let unfinished = CONTINUES.contains(&last_word.as_str()) || TRANSITIVE.contains(&last_word.as_str());
    let title_like = segment::is_name_line(second.trim()) || !segment::is_masthead(second);
    if (unfinished || second.starts_with(|c: char| c.is_lowercase())) && title_like && dateline::read(second).is_none() {
        format!("{first} {}", second.replace('\n', " "))
    } else {
        first
    }
}

/// The words just before the first ticker: "Southern Company (NYSE: SO)".
fn company_before_ticker(text: &str) -> Option<String> {
    let m = crate::release::segment::TICKER_PAREN.find(text)?;
    let before = text[..m.start()].trim_end();
    let before = before.rsplit('\n').next().unwrap_or(before);
    let words: Vec<&str> = before
        .rsplit(' ')
        .take_while(|w| !w.ends_with("-based") && (w.starts_with(|c: char| c.is_uppercase()) || matches!(*w, "&" | "of" | "and")))
        .take(5)
        .collect();
    let name = words.into_iter().rev().collect::<Vec<_>>().join(" ");
    let name = name
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches([',', '.'])
        .to_string();
    (!name.is_empty() && name.chars().next().is_some_and(char::is_uppercase)).then_some(name)
}

/// The date a filing says its press release was issued: a sentence "On DATE, ... issued (released,
/// published, disseminated) ... press release". A release to come ("will issue a press release")
/// or a date elsewhere in the sentence than its opening is none.
fn issued_on(block: &str, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    let lower = block.to_ascii_lowercase();
    lower.match_indices("press release").find_map(|(at, _)| {
        let (ss, _) = sentence_around(block, at, at + "press release".len());
        let before = &lower[ss..at];
        // "On" opens the sentence, or follows an item's title in capitals run into it
        // ("RESULTS OF OPERATIONS AND FINANCIAL CONDITION On April 27, 2005, ...").
        let lead = before
            .match_indices("on ")
            .map(|(i, _)| i)
            .find(|&i| !block[ss..ss + i].chars().any(char::is_lowercase) && (i == 0 || before[..i].ends_with([' ', '\n'])))?;
        let words = || before.split(|c: char| !c.is_ascii_alphabetic());
        let past = words().any(|w| matches!(w, "issued" | "released" | "published" | "disseminated" | "distributed"));
        if !past || words().any(|w| matches!(w, "will" | "intends" | "plans" | "expects")) {
            return None;
        }
        let from = ss + lead + 3;
        let opening = &block[from..floor_boundary(block, (from + 40).min(at))];
        let mut facts = Vec::new();
        dates::scan(opening, reference, &mut Claims::default(), &mut facts);
        facts.iter().filter(|f| f.start == 0).find_map(|f| f.as_date())
    })
}

/// The date of a date's text ("Feb. 13, 2025", "April  01, 2024"), read against `reference`.
fn parse_date(d: &str, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    let d = d.split_whitespace().collect::<Vec<_>>().join(" ").replace(" ,", ",");
    first_date(&d, reference)
}

/// The release's date from masthead lines above block `before` ("For Immediate Release:
/// November 22, 2024", "Date: January 26, 1998", an RNS or relay date line), nearest first.
fn masthead_date(text: &str, blocks: &[Block], head: &[usize], before: usize, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    head.iter().filter(|&&j| j < before).rev().find_map(|&j| {
        text[blocks[j].start..blocks[j].end]
            .lines()
            .rev()
            .find_map(|l| dateline::masthead_date(l).and_then(|(a, b)| parse_date(&l[a..b], reference)))
    })
}

pub fn read(text: &str, blocks: &[Block], sections: &[Section], meta: &Meta, located: &segment::Located) -> Header {
    let head = segment::head_blocks(blocks);
    let fallback_ref = meta.date.or(meta.filed);
    let front_title = meta.title.clone().filter(|_| meta.front_title);
    let mut header = Header {
        headline: front_title
            .or_else(|| {
                let i = located.headline?;
                Some(headline_text(text, blocks, i, located.headline_range?, located.dateline))
            })
            .or_else(|| meta.title.clone()),
        dateline: Dateline::default(),
        company: Company::default(),
        reference_date: None,
        dateline_span: None,
    };
    let mut company_text: Option<&str> = None;
    // An RNS header names the issuer on the line after "RNS Number :".
    let rns = head.iter().take(8).find_map(|&j| {
        let t = &text[blocks[j].start..blocks[j].end];
        dateline::rns_issuer(t.lines())
    });
    if let Some(i) = located.dateline {
        let b = blocks[i];
        let p = &text[b.start..b.end];
        if let Some(f) = dateline::read(p) {
            header.dateline.place = f.place(p).map(str::to_string);
            header.dateline.wire = f.wire(p).or_else(|| {
                let at = head.iter().position(|&j| j == i)?;
                (f.shape.layout == Layout::PlaceDateLine)
                    .then(|| segment::wire_line_above(text, blocks, &head, at))
                    .flatten()
                    .map(str::to_string)
            });
            // A dateline without a date ("ATLANTA - ...") takes a date line of the masthead.
            // A year-less dateline ("ATLANTA, July 29 /PRNewswire-FirstCall/") takes the year of
            // the filing or, without one, of the first full date the release gives.
            let year_ref = fallback_ref.or_else(|| {
                let end = blocks.iter().filter(|b| b.zone == Zone::Release).map(|b| b.end).max().unwrap_or(0);
                first_date(&text[..floor_boundary(text, end.min(4000))], None)
            });
            let date = f
                .date(p)
                .and_then(|d| parse_date(d, year_ref))
                .or_else(|| masthead_date(text, blocks, &head, i, fallback_ref));
            header.dateline.date = date;
            header.reference_date = date;
            header.dateline_span = Some((b.start + f.start, b.start + p[..f.end].trim_end().len()));
            let after = &p[f.end..];
            company_text = if after.trim().len() > 20 {
                Some(after)
            } else {
                // "--News Direct--" or "CITY, Feb. 13, 2025" on its own: the story starts in the next block.
                blocks.get(i + 1).filter(|n| n.zone == Zone::Release).map(|n| &text[n.start..n.end])
            };
        }
    } else {
        company_text = sections
            .iter()
            .find(|s| s.kind == SectionKind::Status)
            .map(|s| &text[s.start..s.end]);
        // No dateline: a masthead date line above the headline (an RNS header, a relay's stamp).
        if let Some(h) = located.headline {
            let date = masthead_date(text, blocks, &head, h, fallback_ref);
            header.dateline.date = date;
            header.reference_date = date;
        }
        if rns.is_some() {
            header.dateline.wire = Some("RNS".to_string());
        }
    }
    // A release with no date of its own is dated by the filing that carries it: "On November
    // 14, 2005, Agilent Technologies, Inc. issued its press release announcing...".
    if header.dateline.date.is_none() {
        if let Some(d) = blocks.iter().find_map(|b| issued_on(&text[b.start..b.end], fallback_ref)) {
            header.dateline.date = Some(d);
            header.reference_date = Some(d);
        }
    }
    if header.reference_date.is_none() {
        header.reference_date = fallback_ref.or_else(|| {
            let release_end = blocks.iter().filter(|b| b.zone == Zone::Release).map(|b| b.end).max().unwrap_or(0);
            first_date(&text[..floor_boundary(text, release_end.min(4000))], None)
        });
    }
    let place = header.dateline.place.clone();
    let plausible = |n: &String| plausible_company(n, place.as_deref());
    let lead = || company_text.and_then(company_of).filter(plausible);
    // Without a dateline the first paragraph is often a form's cover page: the filer's name is surer.
    let filer = || meta.filer.as_deref().map(title_case);
    let front = || meta.company.clone().or_else(|| rns.clone());
    // The lead's short name ("Apple") is the filer's legal name cut short ("Apple Computer Inc").
    let lead = || {
        let name = lead().map(|n| {
            if n.chars().any(char::is_lowercase) || n.len() <= 5 {
                n
            } else {
                title_case(&n)
            }
        })?;
        Some(match filer() {
            Some(f) if f.len() > name.len() && f.to_lowercase().starts_with(&format!("{} ", name.to_lowercase())) => f,
            _ => name,
        })
    };
    header.company.name = if located.dateline.is_some() {
        lead().or_else(front).or_else(filer)
    } else {
        front().or_else(filer).or_else(lead)
    }
    .or_else(|| {
        let end = blocks.iter().filter(|b| b.zone == Zone::Release).map(|b| b.end).max().unwrap_or(0);
        company_before_ticker(&text[..end]).filter(plausible)
    });
    if header.headline.is_none() {
        // No headline markup: the first sentence of the news stands in for one.
        header.headline = sections.iter().find(|s| s.kind == SectionKind::Status).map(|s| {
            let from = header
                .dateline_span
                .filter(|d| d.0 >= s.start && d.1 <= s.end)
                .map_or(s.start, |d| d.1);
            let body = text[from..s.end].trim_start();
            let (a, b) = crate::release::text::sentence_around(body, 0, 0);
            let sentence = body[a..b].trim();
            if sentence.chars().count() > 140 {
                sentence.chars().take(139).collect::<String>() + "…"
            } else {
                sentence.to_string()
            }
        });
    }
    header
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_filing_dates_the_release_it_issued() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(
            issued_on(
                "On November 14, 2005, Agilent Technologies, Inc. (the \"Company\") issued its press release announcing results. A copy is attached.",
                None
            ),
            d(2005, 11, 14)
        );
        assert_eq!(
            issued_on(
                "ITEM 2.02. RESULTS OF OPERATIONS AND FINANCIAL CONDITION On April 27, 2005, Aaron Rents, Inc. issued a press release to announce its results.",
                None
            ),
            d(2005, 4, 27)
        );
        assert_eq!(
            issued_on("On April 27, 2005, Aaron Rents, Inc. released a press release.", None),
            d(2005, 4, 27)
        );
        // near misses: a release to come, a date that is not the sentence's opening, no release
        assert_eq!(issued_on("On May 1, 2024, the Company will issue a press release.", None), None);
        assert_eq!(issued_on("The Company issued a press release on May 1, 2024.", None), None);
        assert_eq!(issued_on("On May 1, 2024, the Company entered into an agreement.", None), None);
        assert_eq!(
            issued_on(
                "Results were strong. Acme said that on May 1, 2024 it issued a press release.",
                None
            ),
            None
        );
    }

    use super::*;

    #[test]
    fn places_and_companies() {
        assert_eq!(
            company_of("Sonus Networks (Nasdaq: SONS), a leading").as_deref(),
            Some("Sonus Networks")
        );
        assert_eq!(
            company_of("Sears, Roebuck and Co. (NYSE: S) today reported").as_deref(),
            Some("Sears, Roebuck and Co.")
        );
        assert_eq!(company_of("Apple\u{ae} today announced").as_deref(), Some("Apple"));
        assert_eq!(company_of("the company said").as_deref(), None);
        assert_eq!(title_case("SEARS ROEBUCK & CO"), "Sears Roebuck & Co");
        assert_eq!(title_case("ROCK OF AGES CORP"), "Rock of Ages Corp");
        assert_eq!(
            company_before_ticker("growth, Atlanta-based Southern Company (NYSE: SO) is").as_deref(),
            Some("Southern Company")
        );
        assert_eq!(company_before_ticker("no ticker here"), None);
        assert!(!plausible_company("PRISM MediaWire", None));
        assert!(!plausible_company("To view the full press release, visit https://ibn.fm/x", None));
        assert!(!plausible_company("NEW YORK, Feb. 13, 2025", None));
        assert!(!plausible_company("Regulatory News:", None));
        assert!(!plausible_company("NEW YORK", Some("NEW YORK")));
        assert!(plausible_company("Acme Corporation", Some("NEW YORK")));
    }

    #[test]
    fn headlines_run_over_a_line_break_only_when_unfinished() {
        use crate::release::load::BlockKind;
        let blocks_of = |parts: &[&str]| {
            let mut text = String::new();
            let mut blocks = Vec::new();
            for p in parts {
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                let start = text.len();
                text.push_str(p);
                blocks.push(Block {
                    kind: BlockKind::Heading,
                    zone: Zone::Release,
                    start,
                    end: text.len(),
                });
            }
            (text, blocks)
        };
        let (t, b) = blocks_of(&[
            "2006 Southern Company earnings bolstered by",
            "strong economy, customer growth",
            "ATLANTA – ...",
        ]);
        assert_eq!(
            headline_text(&t, &b, 0, (b[0].start, b[0].end), Some(2)),
            "2006 Southern Company earnings bolstered by strong economy, customer growth"
        );
        let (t, b) = blocks_of(&[
            "Apple Reports First Quarter Results",
            "Record Mac Sales Drive Revenue",
            "CUPERTINO--...",
        ]);
        assert_eq!(
            headline_text(&t, &b, 0, (b[0].start, b[0].end), Some(2)),
            "Apple Reports First Quarter Results"
        );
        assert_eq!(company_of("Apple-Registered Trademark- today").as_deref(), Some("Apple"));
    }
}

#[cfg(test)]
mod whole_releases {
    //! The header read from whole releases, one per wire layout.
    use crate::release::{Release, parse};

    fn md(s: &str) -> Release {
        parse(s.as_bytes(), Some("release.md")).expect("parse")
    }

    fn txt(s: &str) -> Release {
        parse(s.as_bytes(), Some("release.txt")).expect("parse")
    }

    #[test]
    fn pr_newswire_current_layout() {
        let r = md(
            "# Acme Declares Quarterly Dividend\n\nPR Newswire\n\nNEW YORK, Feb. 13, 2025\n\nAcme Corporation (NYSE: ACME), a maker of widgets, today declared a dividend of $0.25 per share.\n\nAbout Acme\n\nAcme Corporation is a leading maker of widgets.\n",
        );
        assert_eq!(r.company.name.as_deref(), Some("Acme Corporation"));
        assert_eq!(r.dateline.date.map(|d| d.to_string()).as_deref(), Some("2025-02-13"));
        assert_eq!(r.dateline.place.as_deref(), Some("NEW YORK"));
        assert_eq!(r.dateline.wire.as_deref(), Some("PR Newswire"));
        assert_eq!(r.headline.as_deref(), Some("Acme Declares Quarterly Dividend"));
    }

    #[test]
    fn business_wire_regulatory_news() {
        let r = md(
            "# Acme SA: Annual Results 2024\n\nPARIS--(BUSINESS WIRE)--Regulatory News:\n\nAcme SA (Euronext Paris: ACME), the European leader in widgets, today reported its annual results.\n",
        );
        assert_eq!(r.company.name.as_deref(), Some("Acme SA"));
        assert_eq!(r.dateline.place.as_deref(), Some("PARIS"));
        assert_eq!(r.headline.as_deref(), Some("Acme SA: Annual Results 2024"));
    }

    #[test]
    fn newsfile_cnw_and_access_newswire_give_dates() {
        for (p, date) in [
            (
                "Vancouver, British Columbia--(Newsfile Corp. - February 7, 2025) - Acme Gold Corp. (TSXV: ACG) is pleased to announce results.",
                "2025-02-07",
            ),
            (
                "TORONTO, Feb. 7, 2025 /CNW/ - Acme Gold Corp. (TSX: ACG) today announced results.",
                "2025-02-07",
            ),
            (
                "AUSTIN, TX / ACCESS Newswire / February 12, 2025 / Acme Inc. (NASDAQ: ACME) today announced results.",
                "2025-02-12",
            ),
        ] {
            let r = txt(&format!("Acme Announces Results\n\n{p}\n"));
            assert_eq!(r.dateline.date.map(|d| d.to_string()).as_deref(), Some(date), "{p}");
            assert!(
                r.company.name.as_deref().is_some_and(|c| c.starts_with("Acme")),
                "{p}: {:?}",
                r.company.name
            );
        }
    }

    #[test]
    fn dow_jones_relay_wrapper() {
        let r = txt(
            "(11:00 GMT) Press Release: Acme Reports Fourth Quarter Results\n\nNEW YORK, Feb. 13, 2025 /PRNewswire/ -- Acme Corporation (NYSE: ACME) today reported results.\n",
        );
        assert_eq!(r.headline.as_deref(), Some("Acme Reports Fourth Quarter Results"));
        assert_eq!(r.company.name.as_deref(), Some("Acme Corporation"));
        assert_eq!(r.dateline.date.map(|d| d.to_string()).as_deref(), Some("2025-02-13"));
    }

    #[test]
    fn edgar_exhibit_for_immediate_release() {
        let r = txt(
            "Exhibit 99.1\n\nFor Immediate Release: November 22, 2024\n\nACME, INC. REPORTS THIRD QUARTER NET INCOME\n\nKEARNEY, NE -- (BUSINESS WIRE) -- Acme, Inc. (NYSE: ACM) announced today that net income rose.\n",
        );
        assert_eq!(r.dateline.date.map(|d| d.to_string()).as_deref(), Some("2024-11-22"));
        assert_eq!(r.company.name.as_deref(), Some("Acme, Inc."));
        assert_eq!(r.headline.as_deref(), Some("ACME, INC. REPORTS THIRD QUARTER NET INCOME"));
    }

    #[test]
    fn rns_header() {
        let r = txt(
            "RNS Number : 1234A\nAcme Holdings PLC\n13 February 2025\n\nAcme Holdings Announces Final Results\n\nAcme Holdings PLC (LSE: ACME) announces its final results for the year.\n",
        );
        assert_eq!(r.company.name.as_deref(), Some("Acme Holdings PLC"));
        assert_eq!(r.dateline.date.map(|d| d.to_string()).as_deref(), Some("2025-02-13"));
        assert_eq!(r.headline.as_deref(), Some("Acme Holdings Announces Final Results"));
    }

    #[test]
    fn front_matter_title_and_company() {
        let r = md("---\ntitle: Acme Beats Estimates\ncompany: Acme Corp.\n---\n\nAbout Acme\n\nAcme is a maker of widgets.\n");
        assert_eq!(r.headline.as_deref(), Some("Acme Beats Estimates"));
        assert_eq!(r.company.name.as_deref(), Some("Acme Corp."));
    }
}
