//! Organisations: names ending in a corporate suffix ("Ernst and Young LLP", "NeXT Software
//! Inc."), regulators, exchanges and auditors by name, and counterparties named after "with",
//! "from" or "to" that the release capitalises every time it uses them.

use super::Claims;
use crate::release::model::{Fact, FactKind};
use crate::release::text::char_before;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

const WORD: &str = r"(?:[A-Z][A-Za-z0-9'’.-]*|&|and|of|for|de|du)";

static SUFFIXED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)[A-Z][A-Za-z0-9'’.-]*(?:,?[ \t]+{WORD}){{0,5}},?[ \t]+(?:Inc\.|Corp\.|Co\.|Ltd\.|L\.L\.C\.|N\.V\.|S\.A\.|L\.P\.|(?:Inc|Incorporated|Corp|Corporation|Company|LLP|LLC|Ltd|Limited|plc|PLC|AG|GmbH|LP|Group|Holdings|Partners|Bancorp|Trust)(?-u:\b))"
    ))
    .expect("org regex")
});

static KNOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?-u:\b)(?:Securities\s+and\s+Exchange\s+Commission|Internal\s+Revenue\s+Service|Food\s+and\s+Drug\s+Administration|Federal\s+Trade\s+Commission",
        r"|Department\s+of\s+Justice|Public\s+Company\s+Accounting\s+Oversight\s+Board|Financial\s+Industry\s+Regulatory\s+Authority|European\s+Commission",
        r"|Federal\s+Reserve(?:\s+Board)?|Federal\s+Communications\s+Commission|Nasdaq\s+Listing\s+Qualifications\s+(?:Panel|Department)",
        r"|(?:The\s+)?Nasdaq\s+Stock\s+Market(?:\s+LLC)?|New\s+York\s+Stock\s+Exchange|NYSE\s+American|Nasdaq|NASDAQ|NYSE|SEC|FDA|FTC|FINRA|PCAOB|IRS",
        r"|Ernst\s+(?:and|&)\s+Young(?:\s+LLP)?|Deloitte(?:\s+(?:&|and)\s+Touche)?(?:\s+LLP)?|KPMG(?:\s+LLP)?|PricewaterhouseCoopers(?:\s+LLP)?|PwC",
        r"|Arthur\s+Andersen(?:\s+LLP)?|Grant\s+Thornton(?:\s+LLP)?|BDO(?:\s+USA)?(?:\s+LLP)?|Marcum(?:\s+LLP)?|RSM(?:\s+US)?(?:\s+LLP)?)(?-u:\b)",
    ))
    .expect("known org regex")
});

static COUNTERPARTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:with|from|to|by|and)\s+([A-Z][a-z]*[A-Z]?[a-z]+(?:-[A-Z][a-z]+)?)(?-u:\b)").expect("counterparty regex")
});

const NOT_ORG: &[&str] = &[
    "The",
    "This",
    "That",
    "Our",
    "We",
    "It",
    "Its",
    "Company",
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

static WORD_TOKEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)[A-Za-z][A-Za-z-]*(?-u:\b)").expect("word regex"));

pub fn scan(text: &str, facts: &mut Vec<Fact>) {
    let mut taken = Claims::default();
    let mut push = |s: usize, e: usize, facts: &mut Vec<Fact>| {
        if taken.claim(s, e) {
            let name = text[s..e].split_whitespace().collect::<Vec<_>>().join(" ");
            facts.push(Fact::new(FactKind::Org, text, s, e, Some(name)));
        }
    };
    for m in KNOWN.find_iter(text) {
        push(m.start(), m.end(), facts);
    }
    for m in SUFFIXED.find_iter(text) {
        let s = m.as_str();
        let first = s.split_whitespace().next().unwrap_or("").trim_end_matches(',');
        if NOT_ORG.contains(&first) || super::CALENDAR_WORDS.contains(&first) || s.contains('\n') {
            continue;
        }
        if char_before(text, m.start()).is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        push(m.start(), m.end(), facts);
    }
    // Counterparties: introduced after "with"/"from"/"to", named at least twice, never in lower
    // case. One pass collects the candidates, one pass over all words counts them.
    let mut candidates: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    for c in COUNTERPARTY.captures_iter(text) {
        let w = c.get(1).expect("group").as_str();
        if w.len() >= 4 && !NOT_ORG.contains(&w) && !super::CALENDAR_WORDS.contains(&w) && candidates.len() < 2000 {
            candidates.entry(w).or_default();
        }
    }
    if candidates.is_empty() {
        return;
    }
    let mut lower_words: HashSet<&str> = HashSet::new();
    if candidates.len() * text.len() < 4_000_000 {
        // few candidates in a short text: search each one
        let bounded =
            |s: usize, e: usize| !char_before(text, s).is_some_and(char::is_alphanumeric) && !text[e..].starts_with(char::is_alphanumeric);
        for (w, v) in candidates.iter_mut() {
            v.extend(
                text.match_indices(*w)
                    .map(|(p, _)| (p, p + w.len()))
                    .filter(|&(s, e)| bounded(s, e)),
            );
            let lower = w.to_lowercase();
            if text.match_indices(lower.as_str()).any(|(p, _)| bounded(p, p + lower.len())) {
                lower_words.insert(w);
            }
        }
    } else {
        for m in WORD_TOKEN.find_iter(text) {
            let w = m.as_str();
            if let Some(v) = candidates.get_mut(w) {
                v.push((m.start(), m.end()));
            } else if w.starts_with(|c: char| c.is_ascii_lowercase()) {
                lower_words.insert(w);
            }
        }
    }
    let mut names: Vec<(&str, Vec<(usize, usize)>)> = candidates
        .into_iter()
        .filter(|(w, occ)| {
            let camel_or_hyphen = w.chars().skip(1).any(char::is_uppercase) || w.contains('-');
            occ.len() >= 2 && (camel_or_hyphen || !lower_words.contains(w) && !lower_words.contains(w.to_lowercase().as_str()))
        })
        .collect();
    names.sort_by_key(|(_, occ)| occ[0].0);
    for (_, occ) in names {
        for (s, e) in occ {
            push(s, e, facts);
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
