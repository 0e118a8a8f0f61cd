//! Organisations: names ending in a corporate suffix ("Ernst and Young LLP", "NeXT Software
//! Inc."), regulators, exchanges and auditors by name, and counterparties named after "with",
//! "from" or "to" that the release capitalises every time it uses them.

use crate::release::model::{Fact, FactKind};
use crate::release::text::char_before;
use regex::Regex;
use std::sync::LazyLock;

const WORD: &str = r"(?:[A-Z][A-Za-z0-9'’.-]*|&|and|of|for|de|du)";

static SUFFIXED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b[A-Z][A-Za-z0-9'’.-]*(?:,?[ \t]+{WORD}){{0,5}},?[ \t]+(?:Inc\.|Corp\.|Co\.|Ltd\.|L\.L\.C\.|N\.V\.|S\.A\.|L\.P\.|(?:Inc|Incorporated|Corp|Corporation|Company|LLP|LLC|Ltd|Limited|plc|PLC|AG|GmbH|LP|Group|Holdings|Partners|Bancorp|Trust)\b)"
    ))
    .expect("org regex")
});

static KNOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\b(?:Securities\s+and\s+Exchange\s+Commission|Internal\s+Revenue\s+Service|Food\s+and\s+Drug\s+Administration|Federal\s+Trade\s+Commission",
        r"|Department\s+of\s+Justice|Public\s+Company\s+Accounting\s+Oversight\s+Board|Financial\s+Industry\s+Regulatory\s+Authority|European\s+Commission",
        r"|Federal\s+Reserve(?:\s+Board)?|Federal\s+Communications\s+Commission|Nasdaq\s+Listing\s+Qualifications\s+(?:Panel|Department)",
        r"|(?:The\s+)?Nasdaq\s+Stock\s+Market(?:\s+LLC)?|New\s+York\s+Stock\s+Exchange|NYSE\s+American|Nasdaq|NASDAQ|NYSE|SEC|FDA|FTC|FINRA|PCAOB|IRS",
        r"|Ernst\s+(?:and|&)\s+Young(?:\s+LLP)?|Deloitte(?:\s+(?:&|and)\s+Touche)?(?:\s+LLP)?|KPMG(?:\s+LLP)?|PricewaterhouseCoopers(?:\s+LLP)?|PwC",
        r"|Arthur\s+Andersen(?:\s+LLP)?|Grant\s+Thornton(?:\s+LLP)?|BDO(?:\s+USA)?(?:\s+LLP)?|Marcum(?:\s+LLP)?|RSM(?:\s+US)?(?:\s+LLP)?)\b",
    ))
    .expect("known org regex")
});

static COUNTERPARTY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:with|from|to|by|and)\s+([A-Z][a-z]*[A-Z]?[a-z]+(?:-[A-Z][a-z]+)?)\b").expect("counterparty regex"));

const NOT_ORG: &[&str] = &[
    "The",
    "This",
    "That",
    "Our",
    "We",
    "It",
    "Its",
    "Company",
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
    "Board",
    "Directors",
    "Investor",
    "Investors",
    "Relations",
    "Media",
    "Chief",
    "Executive",
    "Officer",
    "President",
    "Chairman",
    "Management",
    "Form",
    "Item",
    "Rule",
    "Section",
    "America",
    "Europe",
    "Asia",
    "Africa",
    "Canada",
    "China",
    "India",
    "Japan",
    "Mexico",
    "Israel",
    "Singapore",
    "California",
    "Texas",
    "Florida",
    "Illinois",
    "Georgia",
    "Massachusetts",
    "Virginia",
    "Washington",
    "Nebraska",
    "Street",
    "Eastern",
    "Pacific",
    "Central",
    "Mountain",
    "Quarter",
    "Year",
    "Fiscal",
    "Annual",
    "Report",
    "Reports",
    "Exhibit",
    "Note",
    "Notes",
    "Table",
    "Total",
    "Net",
    "Domestic",
    "International",
    "Mr",
    "Ms",
    "Dr",
    "Safe",
    "Harbor",
    "GAAP",
    "Non",
    "Internet",
    "Web",
    "Email",
    "Phone",
    "Time",
    "Standard",
    "Daylight",
];

pub fn scan(text: &str, facts: &mut Vec<Fact>) {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let push = |s: usize, e: usize, facts: &mut Vec<Fact>, spans: &mut Vec<(usize, usize)>| {
        if !spans.iter().any(|(a, b)| *a < e && s < *b) {
            spans.push((s, e));
            let name = text[s..e].split_whitespace().collect::<Vec<_>>().join(" ");
            facts.push(Fact::new(FactKind::Org, text, s, e, Some(name)));
        }
    };
    for m in KNOWN.find_iter(text) {
        push(m.start(), m.end(), facts, &mut spans);
    }
    for m in SUFFIXED.find_iter(text) {
        let s = m.as_str();
        let first = s.split_whitespace().next().unwrap_or("").trim_end_matches(',');
        if NOT_ORG.contains(&first) || s.contains('\n') {
            continue;
        }
        if char_before(text, m.start()).is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        push(m.start(), m.end(), facts, &mut spans);
    }
    // Counterparties: introduced after "with"/"from"/"to", named at least twice, never lower case.
    let mut seen: Vec<&str> = Vec::new();
    for c in COUNTERPARTY.captures_iter(text) {
        let w = c.get(1).expect("group").as_str();
        if seen.contains(&w) || w.len() < 4 || NOT_ORG.contains(&w) {
            continue;
        }
        seen.push(w);
        let plain_word = !w.chars().skip(1).any(char::is_uppercase) && !w.contains('-');
        if plain_word && text.contains(&w.to_lowercase()) {
            continue;
        }
        let occurrences: Vec<(usize, usize)> = text
            .match_indices(w)
            .map(|(p, _)| (p, p + w.len()))
            .filter(|&(p, e)| {
                !char_before(text, p).is_some_and(char::is_alphanumeric) && !text[e..].starts_with(|ch: char| ch.is_alphanumeric())
            })
            .collect();
        if occurrences.len() >= 2 {
            for (s, e) in occurrences {
                push(s, e, facts, &mut spans);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orgs(t: &str) -> Vec<String> {
        let mut f = Vec::new();
        scan(t, &mut f);
        f.sort_by_key(|f| f.start);
        f.into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn suffixes_and_known_names() {
        assert_eq!(orgs("auditor, Ernst and Young LLP, was"), vec!["Ernst and Young LLP"]);
        assert_eq!(orgs("to acquire NeXT Software Inc. for"), vec!["NeXT Software Inc."]);
        assert_eq!(
            orgs("filed with the Securities and Exchange Commission."),
            vec!["Securities and Exchange Commission"]
        );
        assert_eq!(
            orgs("The Nasdaq Stock Market LLC (\u{201c}Nasdaq\u{201d})")[0],
            "The Nasdaq Stock Market LLC"
        );
    }

    #[test]
    fn counterparties_named_twice() {
        let t =
            "alliance with Citigroup, stores from Kmart and Wal-Mart. Later, Kmart and Wal-Mart and Citigroup again; with Citigroup too.";
        let o = orgs(t);
        for n in ["Citigroup", "Kmart", "Wal-Mart"] {
            assert!(o.iter().any(|x| x == n), "{n} missing from {o:?}");
        }
        assert!(orgs("sold to Canada and to Canada").is_empty());
    }
}
