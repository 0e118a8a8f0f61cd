//! The top of a release: headline, dateline (place, wire, date) and the issuing company, and the
//! reference date that dates without a year are read against.

use super::Claims;
use super::dates;
use crate::release::load::{Meta, Zone};
use crate::release::model::{Company, Dateline, Section, SectionKind};
use crate::release::segment::{self, WIRE};
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

/// The place: up to the first dash, parenthesis, slash or the date.
fn place_of(prefix: &str) -> Option<String> {
    let mut cut = prefix.len();
    for sep in ["--", "\u{2014}", "\u{2013}", " - ", "(", "/"] {
        if let Some(p) = prefix.find(sep) {
            cut = cut.min(p);
        }
    }
    if let Some(m) = dates_hint(prefix) {
        cut = cut.min(m);
    }
    let place = prefix[..cut].trim().trim_end_matches([',', '-', ' ']).trim();
    (place.chars().any(char::is_uppercase) && place.len() <= 80).then(|| place.to_string())
}

fn dates_hint(s: &str) -> Option<usize> {
    let mut f = Vec::new();
    dates::scan(s, NaiveDate::from_ymd_opt(2000, 1, 1), &mut Claims::default(), &mut f);
    f.iter().map(|f| f.start).min()
}

/// The subject of the first sentence, up to the ticker or the verb.
fn company_of(after: &str) -> Option<String> {
    let head = &after[..floor_boundary(after, 240)];
    let mut cut = head.len();
    for m in [
        " (",
        ", a ",
        ", an ",
        ", the ",
        " today",
        " announced",
        " reported",
        " said",
        ", which",
        ", one of",
        " has ",
        " will ",
        " is ",
        ", through",
        ", together",
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

/// The headline block's text, joined with the next block when the title runs over a line break
/// ("2006 Southern Company earnings bolstered by" / "strong economy, customer growth").
fn headline_text(text: &str, blocks: &[Block], i: usize, dateline: Option<usize>) -> String {
    let first = text[blocks[i].start..blocks[i].end].replace('\n', " ");
    let Some(next) = blocks
        .get(i + 1)
        .filter(|n| Some(i + 1) != dateline && n.zone == Zone::Release && n.end - n.start < 150)
    else {
        return first;
    };
    let second = &text[next.start..next.end];
    let last_word = first.rsplit(' ').next().unwrap_or("").to_lowercase();
    if CONTINUES.contains(&last_word.as_str()) || second.starts_with(|c: char| c.is_lowercase()) {
        format!("{first} {}", second.replace('\n', " "))
    } else {
        first
    }
}

/// The words just before the first ticker: "Southern Company (NYSE: SO)".
fn company_before_ticker(text: &str) -> Option<String> {
    let m = crate::release::segment::TICKER_PAREN.find(text)?;
    let before = text[..m.start()].trim_end();
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

pub fn read(text: &str, blocks: &[Block], sections: &[Section], meta: &Meta) -> Header {
    let located = segment::locate(text, blocks, meta);
    let fallback_ref = meta.date.or(meta.filed);
    let mut header = Header {
        headline: located
            .headline
            .map(|i| headline_text(text, blocks, i, located.dateline))
            .or_else(|| meta.title.clone()),
        dateline: Dateline::default(),
        company: Company::default(),
        reference_date: None,
        dateline_span: None,
    };
    let mut company_text: Option<&str> = None;
    if let Some(i) = located.dateline {
        let b = blocks[i];
        let p = &text[b.start..b.end];
        if let Some(end) = segment::dateline_end(p) {
            let prefix = &p[..end];
            header.dateline.place = place_of(prefix);
            header.dateline.wire = WIRE
                .captures(prefix)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str().split_whitespace().collect::<Vec<_>>().join(" "));
            // A dateline without a date ("ATLANTA - ...") takes a date line of the masthead.
            let date = first_date(prefix, fallback_ref).or_else(|| {
                blocks[..i]
                    .iter()
                    .rev()
                    .filter(|m| m.zone == Zone::Release && m.end - m.start < 40)
                    .find_map(|m| first_date(&text[m.start..m.end], fallback_ref))
            });
            header.dateline.date = date;
            header.reference_date = date;
            header.dateline_span = Some((b.start, b.start + prefix.trim_end().len()));
            let after = &p[end..];
            company_text = if after.trim().len() > 20 {
                Some(after)
            } else {
                // "--News Direct--" on its own: the story starts in the next block.
                blocks.get(i + 1).filter(|n| n.zone == Zone::Release).map(|n| &text[n.start..n.end])
            };
        }
    } else {
        company_text = sections
            .iter()
            .find(|s| s.kind == SectionKind::Status)
            .map(|s| &text[s.start..s.end]);
    }
    if header.reference_date.is_none() {
        header.reference_date = fallback_ref.or_else(|| {
            let release_end = blocks.iter().filter(|b| b.zone == Zone::Release).map(|b| b.end).max().unwrap_or(0);
            first_date(&text[..floor_boundary(text, release_end.min(4000))], None)
        });
    }
    // Without a dateline the first paragraph is often a form's cover page: the filer's name is surer.
    let filer = || meta.filer.as_deref().map(title_case);
    header.company.name = if located.dateline.is_some() {
        company_text.and_then(company_of).or_else(filer)
    } else {
        filer().or_else(|| company_text.and_then(company_of))
    }
    .or_else(|| {
        let end = blocks.iter().filter(|b| b.zone == Zone::Release).map(|b| b.end).max().unwrap_or(0);
        company_before_ticker(&text[..end])
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
    use super::*;

    #[test]
    fn places_and_companies() {
        assert_eq!(
            place_of("CHELMSFORD, Mass.--(BUSINESS WIRE)--March 29, 2004--").as_deref(),
            Some("CHELMSFORD, Mass.")
        );
        assert_eq!(
            place_of("HOFFMAN ESTATES, Ill., July 22 /PRNewswire-FirstCall/ -- ").as_deref(),
            Some("HOFFMAN ESTATES, Ill.")
        );
        assert_eq!(place_of("ATLANTA, Jan. 25, 2005 \u{2013} ").as_deref(), Some("ATLANTA"));
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
            headline_text(&t, &b, 0, Some(2)),
            "2006 Southern Company earnings bolstered by strong economy, customer growth"
        );
        let (t, b) = blocks_of(&[
            "Apple Reports First Quarter Results",
            "Record Mac Sales Drive Revenue",
            "CUPERTINO--...",
        ]);
        assert_eq!(headline_text(&t, &b, 0, Some(2)), "Apple Reports First Quarter Results");
        assert_eq!(company_of("Apple-Registered Trademark- today").as_deref(), Some("Apple"));
    }
}
