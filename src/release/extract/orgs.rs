//! Organisations: names ending in a corporate suffix ("Ernst and Young LLP", "NeXT Software
//! Inc."), regulators, exchanges and auditors by name, and counterparties named after "with",
//! "from" or "to" that the release capitalises every time it uses them.

use super::Claims;
use crate::release::model::{Fact, FactKind};
use crate::release::pattern::Pattern;
use crate::release::text::char_before;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

const WORD: &str = r"(?:[A-Z](?:[A-Za-z0-9'.-]|’)*|&|and|of|for|de|du)";

// One space or tab between words: a run of spaces parts table cells ("Nevada      Food Concepts").
static SUFFIXED: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::owned(format!(
        r"(?-u)(?-u:\b)[A-Z](?:[A-Za-z0-9'.-]|’)*(?:,?[ \t]{WORD}){{0,5}},?[ \t](?:Inc\.|Corp\.|Co\.|Ltd\.|L\.L\.C\.|N\.V\.|S\.A\.|L\.P\.|S\.p\.A\.|(?:Inc|Incorporated|Corp|Corporation|Company|LLP|LLC|Ltd|Limited|plc|PLC|AG|SE|GmbH|LP|Group|Holdings|Partners|Bancorp|Trust)(?:(?-u:\b)|[A-Z][a-z]))"
    ))
});

/// Institutions by the shape of their names: "University of Oxford", "University Hospital
/// Heidelberg", "Israeli Ministry of Health", "United States Bankruptcy Court for the Southern
/// District of Texas", "Canada Pension Plan Investment Board".
static INSTITUTION: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(concat!(
        r"(?-u)(?-u:\b)(?:[A-Z](?:[A-Za-z'-]|’)+[ ]){0,4}(?:(?:University(?:[ ]Hospital)?|Hospital)(?:[ ][A-Z][a-z]+(?-u:\b))?",
        r"|(?:Ministry|Court|Investment[ ]Board|Agency|Authority|Institute|Foundation|Administration|Bank|Commission|Tribunal)(?-u:\b))",
        r"(?:[ ](?:of|for)(?:[ ]the)?(?:[ ][A-Z](?:[A-Za-z'-]|’)+){1,4}){0,2}",
    ))
});

/// An employer after a role: "executive vice president and CIO at Berry Global", "Chief
/// Digital Officer at Emerson Electric".
static EMPLOYER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?-u)(?i:officer|president|ceo|cfo|coo|cio|cto|director|partner|chairman|head|counsel|manager|founder)[ \t]+at[ \t]+((?:[A-Z](?:[A-Za-z0-9&'.-]|’)*[ \t]?){1,4})",
    )
});

/// Words that lead a match but are not part of the name: section titles and labels before it
/// ("About Ball Corporation", "Contact Heidelberg Pharma AG", "SOURCE Sears, Roebuck and Co.").
const LEAD: &[&str] = &[
    "About",
    "ABOUT",
    "Contact",
    "Contacts",
    "CONTACT",
    "SOURCE",
    "Source",
    "Acquire",
    "AND",
    "And",
    "and",
    "Registrant",
    "By",
    "BY",
    "Of",
    "From",
    "With",
    "To",
];

/// Title words: a match that holds one names a person's employer after it ("Warnock, Chairman and
/// CEO, Adobe Systems, Inc.").
const TITLE: &[&str] = &[
    "Chairman",
    "Chairwoman",
    "CEO",
    "CFO",
    "COO",
    "President",
    "Officer",
    "Director",
    "Chief",
    "Executive",
    "Vice",
];

/// The name inside a suffixed match: leading labels, places before a dash and people with their
/// titles left out. `None` when nothing but the suffix is left.
fn trim_name(m: &str, places: bool) -> Option<(usize, &str)> {
    let mut start = 0;
    // "Jersey City, New Jersey-- Food Concepts, Inc.": a dateline before the name
    if let Some(p) = m.rfind("--").or_else(|| m.rfind('—')) {
        start = p + m[p..].chars().next().map_or(1, char::len_utf8);
        if m[p..].starts_with("--") {
            start = p + 2;
        }
    }
    // a person and title before the employer
    let mut at = start;
    for (i, w) in m[start..].split_inclusive([' ', '\t']).scan(start, |pos, w| {
        let s = *pos;
        *pos += w.len();
        Some((s, w))
    }) {
        let bare = w.trim().trim_end_matches(',');
        if TITLE.contains(&bare) && w.trim_end().ends_with(',') {
            at = i + w.len();
        }
    }
    start = at;
    loop {
        let rest = m[start..].trim_start();
        start = m.len() - rest.len();
        let first = rest.split([' ', '\t']).next().unwrap_or("");
        let bare = first.trim_end_matches(',');
        let lead =
            LEAD.contains(&bare) || places && NOT_ORG.contains(&bare) || super::CALENDAR_WORDS.contains(&bare) || bare.ends_with("-based");
        if !lead || first.len() == rest.len() {
            break;
        }
        start += first.len();
    }
    let name = m[start..].trim();
    let words = name.split_whitespace().count();
    (words >= 2 && name.starts_with(|c: char| c.is_ascii_uppercase())).then(|| (m.len() - m[start..].trim_start().len(), name))
}

static KNOWN: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(concat!(
        r"(?-u)(?-u:\b)(?:Securities\s+and\s+Exchange\s+Commission|Internal\s+Revenue\s+Service|Food\s+and\s+Drug\s+Administration|Federal\s+Trade\s+Commission",
        r"|Department\s+of\s+Justice|Public\s+Company\s+Accounting\s+Oversight\s+Board|Financial\s+Industry\s+Regulatory\s+Authority|European\s+Commission",
        r"|Federal\s+Reserve(?:\s+Board)?|Federal\s+Communications\s+Commission|Nasdaq\s+Listing\s+Qualifications\s+(?:Panel|Department)",
        r"|(?:The\s+)?Nasdaq\s+Stock\s+Market(?:\s+LLC)?|New\s+York\s+Stock\s+Exchange|NYSE\s+American|Nasdaq|NASDAQ|NYSE|SEC|FDA|FTC|FINRA|PCAOB|IRS",
        r"|Ernst\s+(?:and|&)\s+Young(?:\s+LLP)?|Deloitte(?:\s+(?:&|and)\s+Touche)?(?:\s+LLP)?|KPMG(?:\s+LLP)?|PricewaterhouseCoopers(?:\s+LLP)?|PwC",
        r"|Arthur\s+Andersen(?:\s+LLP)?|Grant\s+Thornton(?:\s+LLP)?|BDO(?:\s+USA)?(?:\s+LLP)?|Marcum(?:\s+LLP)?|RSM(?:\s+US)?(?:\s+LLP)?)(?-u:\b)",
    ))
});

/// Banks, law firms and agents that releases name in prose without a suffix ("Morgan Stanley
/// and Jefferies are acting as joint book-running managers"), with the suffix when one follows.
static WELL_KNOWN: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(concat!(
        r"(?-u)(?-u:\b)(?:Goldman[ ]Sachs|Morgan[ ]Stanley|J\.P\.[ ]Morgan|BofA[ ]Securities|Citigroup|Jefferies|Barclays|Credit[ ]Suisse|UBS[ ]Investment[ ]Bank",
        r"|Deutsche[ ]Bank(?:[ ]Securities)?|Wells[ ]Fargo[ ]Securities|RBC[ ]Capital[ ]Markets|BMO[ ]Capital[ ]Markets|TD[ ]Cowen|TD[ ]Securities|Evercore|Lazard",
        r"|Piper[ ]Sandler|Raymond[ ]James|Stifel|Cantor[ ]Fitzgerald|Leerink[ ]Partners|Guggenheim[ ]Securities|Moelis|Houlihan[ ]Lokey|PJT[ ]Partners|Oppenheimer[ ]&[ ]Co",
        r"|Kirkland[ ]&[ ]Ellis|Skadden|Latham[ ]&[ ]Watkins|Sullivan[ ]&[ ]Cromwell|Wachtell,[ ]Lipton|Davis[ ]Polk|Cravath|Simpson[ ]Thacher|Weil,[ ]Gotshal",
        r"|Kroll(?:[ ]Restructuring[ ]Administration)?|Epiq|Stretto|Computershare|Broadridge|D\.F\.[ ]King|Georgeson|Innisfree|Okapi[ ]Partners|Morrow[ ]Sodali|Alliance[ ]Advisors)(?-u:\b)",
        r"(?:,?[ ](?:&[ ]Co\.|Inc\.|Ltd\.|L\.P\.|(?:LLC|LLP|plc|AG|Securities|Capital[ ]Markets|&[ ]Company)(?-u:\b)))*",
    ))
});

static COUNTERPARTY: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?-u)(?-u:\b)(?:with|from|to|by|and)\s+([A-Z][a-z]*[A-Z]?[a-z]+(?:-[A-Z][a-z]+)?)(?-u:\b)"));

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

static WORD_TOKEN: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"(?-u)(?-u:\b)[A-Za-z][A-Za-z-]*(?-u:\b)"));

pub fn scan(text: &str, facts: &mut Vec<Fact>) {
    // words of people's names are never a counterparty ("Troy", "Rohrbaugh")
    let person_words: HashSet<String> = facts
        .iter()
        .filter(|f| f.kind == FactKind::Person)
        .flat_map(|f| f.text(text).split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect();
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
        let mut s = m.as_str();
        // a suffix glued to the next word by a lost line break: "MC Services AGKatja"
        if s.ends_with(|c: char| c.is_ascii_lowercase()) && s[..s.len() - 1].ends_with(|c: char| c.is_ascii_uppercase()) {
            s = &s[..s.len() - 2];
        }
        if s.contains('\n') || char_before(text, m.start()).is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        let Some((mut off, mut name)) = trim_name(s, true) else { continue };
        // "John Smith of Acme Corp.": a person and "of" before the firm
        if let Some(p) = facts
            .iter()
            .filter(|f| f.kind == FactKind::Person && f.start >= m.start() + off && f.end < m.start() + off + name.len())
            .map(|f| f.end)
            .max()
        {
            let rest = &s[p - m.start()..];
            let trimmed = rest.trim_start_matches([',', ' ', '\t']);
            let trimmed = trimmed.strip_prefix("of ").unwrap_or(trimmed).trim_start();
            let Some((o, n)) = trim_name(trimmed, true) else { continue };
            off = s.len() - trimmed.len() + o;
            name = n;
        }
        push(m.start() + off, m.start() + off + name.len(), facts);
    }
    for m in INSTITUTION.find_iter(text) {
        let Some((off, name)) = trim_name(m.as_str(), false) else {
            continue;
        };
        // "Board of Directors"-like bodies of the company itself are no institution
        if name
            .split_whitespace()
            .all(|w| NOT_ORG.contains(&w) || w == "of" || w == "the" || w == "for")
        {
            continue;
        }
        push(m.start() + off, m.start() + off + name.len(), facts);
    }
    // after the suffixed names, so "Broadridge Corporate Issuer Solutions, LLC" stays whole
    for m in WELL_KNOWN.find_iter(text) {
        push(m.start(), m.end(), facts);
    }
    for c in EMPLOYER.captures_iter(text) {
        let g = c.get(1).expect("group");
        let name = g.as_str();
        let name = name[..name.find(". ").unwrap_or(name.len())]
            .trim_end()
            .trim_end_matches(['.', ',']);
        if name.is_empty() || NOT_ORG.contains(&name) || name.split_whitespace().any(|w| super::CALENDAR_WORDS.contains(&w)) {
            continue;
        }
        push(g.start(), g.start() + name.len(), facts);
    }
    // Counterparties: introduced after "with"/"from"/"to", named at least twice, never in lower
    // case. One pass collects the candidates, one pass over all words counts them.
    let mut candidates: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    for c in COUNTERPARTY.captures_iter(text) {
        let w = c.get(1).expect("group").as_str();
        if w.len() >= 4
            && !NOT_ORG.contains(&w)
            && !super::CALENDAR_WORDS.contains(&w)
            && !person_words.contains(w)
            && candidates.len() < 2000
        {
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
        // (memmem finds what `str::match_indices` finds, left to right and not overlapping, faster)
        for (w, v) in candidates.iter_mut() {
            v.extend(
                memchr::memmem::find_iter(text.as_bytes(), w.as_bytes())
                    .map(|p| (p, p + w.len()))
                    .filter(|&(s, e)| bounded(s, e)),
            );
            let lower = w.to_lowercase();
            if memchr::memmem::find_iter(text.as_bytes(), lower.as_bytes()).any(|p| bounded(p, p + lower.len())) {
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
        f.into_iter().map(|f| f.text(t).to_string()).collect()
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
    fn institutions_by_shape() {
        assert_eq!(
            orgs("We partnered with the University of Oxford to develop"),
            vec!["University of Oxford"]
        );
        assert_eq!(
            orgs("Approval by the Israeli Ministry of Health to Conduct"),
            vec!["Israeli Ministry of Health"]
        );
        assert_eq!(
            orgs("filed for chapter 11 relief in the United States Bankruptcy Court for the Southern District of Texas to facilitate"),
            vec!["United States Bankruptcy Court for the Southern District of Texas"]
        );
        assert_eq!(
            orgs("at the University Hospital Heidelberg and"),
            vec!["University Hospital Heidelberg"]
        );
        assert_eq!(
            orgs("with Canada Pension Plan Investment Board and"),
            vec!["Canada Pension Plan Investment Board"]
        );
        // near-misses: the company's own board, a form's column heading, a bare word
        assert!(orgs("approved by the Board of Directors").is_empty());
        assert!(orgs("(Commission File Number)").is_empty());
        assert!(orgs("the Bank said").is_empty());
    }

    #[test]
    fn names_inside_longer_matches() {
        assert_eq!(orgs("About Ball Corporation"), vec!["Ball Corporation"]);
        assert_eq!(
            orgs("Jersey City, New Jersey-- Food Concepts, Inc., (OTC BB: JAVA)"),
            vec!["Food Concepts, Inc."]
        );
        assert_eq!(orgs("Nevada             Food Concepts, Inc."), vec!["Food Concepts, Inc."]);
        assert_eq!(
            orgs("said John Warnock, Chairman and CEO, Adobe Systems, Inc. today"),
            vec!["Adobe Systems, Inc."]
        );
        assert_eq!(orgs("IR/PR-Support MC Services AGKatja Arnold"), vec!["PR-Support MC Services AG"]);
        assert_eq!(
            orgs(
                "most recently serving as executive vice president and CIO at Berry Global. Before joining Berry, Ted was Chief Digital Officer at Emerson Electric and"
            ),
            vec!["Berry Global", "Emerson Electric"]
        );
        assert_eq!(
            orgs("Underwriters: Goldman Sachs & Co. LLC and Jefferies LLC are"),
            vec!["Goldman Sachs & Co. LLC", "Jefferies LLC"]
        );
        assert_eq!(orgs("advised by Kirkland & Ellis LLP."), vec!["Kirkland & Ellis LLP"]);
    }

    #[test]
    fn banks_and_agents_without_a_suffix() {
        assert_eq!(
            orgs("Morgan Stanley and Jefferies are acting as joint book-running managers."),
            vec!["Morgan Stanley", "Jefferies"]
        );
        assert_eq!(
            orgs("claims agent, Kroll Restructuring Administration LLC, at"),
            vec!["Kroll Restructuring Administration LLC"]
        );
        assert_eq!(orgs("listed on the Nasdaq Stock Market"), vec!["Nasdaq Stock Market"]);
        assert_eq!(orgs("D.F. King & Co., Inc. acted as"), vec!["D.F. King & Co., Inc."]);
        assert_eq!(
            orgs("Broadridge Corporate Issuer Solutions, LLC is"),
            vec!["Broadridge Corporate Issuer Solutions, LLC"]
        );
        // near-miss: a person named Morgan
        assert!(orgs("said Morgan Freeman").is_empty());
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
