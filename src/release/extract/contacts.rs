//! Contact entries from the contact blocks: one per person, with the role announced before them
//! ("Investor Relations:", "News Media Contact"), and the phones and e-mails that follow.

use crate::release::gate::{Gap, Spread};
use crate::release::model::{Contact, Fact, FactKind, Section, SectionKind};
use crate::release::pattern::Pattern;
use crate::release::text::floor_boundary;
use std::sync::LazyLock;

static ROLE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)(?-u:\b)(?:(?:external\s+)?investor\s+relations|investors?|(?:news\s+)?media(?:\s+relations)?|press|public\s+relations|corporate\s+communications|analysts?|financial\s+community|shareholders?)(?-u:\b)",
    )
});

fn role_name(s: &str) -> String {
    let l = s.to_ascii_lowercase();
    if l.contains("investor") || l.contains("analyst") || l.contains("shareholder") || l.contains("financial") {
        "Investor relations".into()
    } else if l.contains("communications") || l.contains("public") {
        "Corporate communications".into()
    } else {
        "Media".into()
    }
}

enum Item<'a> {
    Role(String),
    Person(&'a Fact),
    Phone(&'a Fact),
    Email(&'a Fact),
}

/// Byte ranges of the cells of a line laid out with runs of two or more spaces.
fn cells(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut spaces = 0;
    for (i, c) in line.char_indices() {
        if c == ' ' || c == '\t' {
            spaces += 1;
            if spaces >= 2 || c == '\t' {
                if let Some(s) = start.take() {
                    out.push((s, i + 1 - spaces));
                }
            }
        } else {
            if start.is_none() {
                start = Some(i);
            }
            spaces = 0;
        }
    }
    if let Some(s) = start {
        out.push((s, line.trim_end().len().max(s)));
    }
    out
}

/// Contacts laid out side by side ("Ken Bond  Deborah Hellinger" over their phones): each column
/// is one person. Columns are matched from the right, since a label cell ("Contact:") may lead
/// the first row only.
/// Returns the entries and where the table ends.
fn side_by_side(text: &str, start: usize, end: usize, facts: &[Fact]) -> Option<(Vec<Contact>, usize)> {
    let body = &text[start..end];
    let mut line_start = start;
    let mut lines: Vec<(usize, &str)> = Vec::new();
    for l in body.split('\n') {
        lines.push((line_start, l));
        line_start += l.len() + 1;
    }
    // column (from the right) of a byte offset, with the line it sits in
    let locate = |pos: usize| -> Option<(usize, usize)> {
        let (li, (ls, l)) = lines.iter().enumerate().rev().find(|(_, (ls, _))| *ls <= pos)?;
        let c = cells(l);
        let idx = c.iter().position(|(a, b)| ls + a <= pos && pos < ls + b.max(&(a + 1)))?;
        Some((li, c.len() - 1 - idx))
    };
    let persons: Vec<&Fact> = facts
        .iter()
        .filter(|f| f.kind == FactKind::Person && f.start >= start && f.end <= end)
        .collect();
    let header = persons.iter().filter_map(|f| locate(f.start).map(|(li, _)| li)).find(|li| {
        let mut cols: Vec<usize> = persons
            .iter()
            .filter_map(|f| locate(f.start))
            .filter(|(l, _)| l == li)
            .map(|(_, c)| c)
            .collect();
        cols.sort_unstable();
        cols.dedup();
        cols.len() >= 2
    })?;
    let mut out: Vec<(usize, Contact)> = persons
        .iter()
        .filter_map(|f| {
            let (li, col) = locate(f.start)?;
            (li == header).then(|| {
                (
                    col,
                    Contact {
                        name: f.value.as_deref().unwrap_or(f.text(text)).to_string(),
                        role: None,
                        phones: vec![],
                        emails: vec![],
                        start: f.start,
                        end: f.end,
                    },
                )
            })
        })
        .collect();
    // the roles may head the columns on the line above the names ("Investor Relations:   Media:")
    if let Some((_, above)) = header.checked_sub(1).and_then(|h| lines.get(h)) {
        let c = cells(above);
        if c.len() == out.len() {
            for (idx, (a, b)) in c.iter().enumerate() {
                let col = c.len() - 1 - idx;
                if let (Some((_, contact)), Some(m)) = (out.iter_mut().find(|(cc, _)| *cc == col), ROLE.find(&above[*a..*b])) {
                    contact.role = Some(role_name(m.as_str()));
                }
            }
        }
    }
    let mut table_end = lines.get(header).map_or(end, |(ls, l)| ls + l.len());
    for (ls, l) in lines.iter().skip(header + 1) {
        if l.trim().is_empty() {
            break;
        }
        table_end = ls + l.len();
        let c = cells(l);
        for (idx, (a, b)) in c.iter().enumerate() {
            let col = c.len() - 1 - idx;
            let Some((_, contact)) = out.iter_mut().find(|(cc, _)| *cc == col) else {
                continue;
            };
            let (cs, ce) = (ls + a, ls + b);
            if contact.role.is_none() {
                if let Some(m) = ROLE.find(&l[*a..*b]) {
                    contact.role = Some(role_name(m.as_str()));
                }
            }
            for f in facts.iter().filter(|f| f.start >= cs && f.end <= ce && !is_fax(text, f)) {
                let v = f.value.as_deref().unwrap_or(f.text(text)).to_string();
                match f.kind {
                    FactKind::Phone if !contact.phones.contains(&v) => contact.phones.push(v),
                    FactKind::Email if !contact.emails.contains(&v) => contact.emails.push(v),
                    _ => {}
                }
                contact.end = contact.end.max(ce);
            }
        }
    }
    out.sort_by_key(|(_, c)| c.start);
    Some((out.into_iter().map(|(_, c)| c).collect(), table_end))
}

/// A fax number's label right before it on its line: "Fax: ", "F: ", "facsimile (", "Telefax".
fn is_fax(text: &str, f: &Fact) -> bool {
    if f.detail.as_deref() == Some("fax") {
        return true;
    }
    let from = floor_boundary(text, f.start.saturating_sub(24));
    let before = &text[from..f.start];
    let before = before.rsplit('\n').next().unwrap_or(before);
    // the words since the previous number or e-mail on the line
    let tail = before
        .rsplit(|c: char| c.is_ascii_digit() || c == '@' || c == ',' || c == ';' || c == '|')
        .next()
        .unwrap_or(before);
    let label = tail
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '.' | '(' | '-' | '+' | '#'))
        .to_ascii_lowercase();
    let last = label.rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
    matches!(last, "fax" | "facsimile" | "telefax" | "telecopier" | "telecopy" | "f")
}

/// The organisation named last before `pos` inside `[from, pos)`: the name of a contact block
/// that gives no person ("Contact: Food Concepts, Inc / 954.420.0882").
fn org_before(facts: &[Fact], from: usize, pos: usize) -> Option<&Fact> {
    facts
        .iter()
        .rev()
        .find(|f| f.kind == FactKind::Org && f.start >= from && f.end <= pos)
}

/// Contacts of the release: the contact blocks, then agents named in prose ("questions may be
/// directed to the information agent ... at (866) 207-3626"). `company` names an entry that has
/// numbers but neither a person nor an organisation.
pub fn find(text: &str, sections: &[Section], facts: &[Fact], company: Option<&str>) -> Vec<Contact> {
    let mut out = in_blocks(text, sections, facts, company);
    for c in in_prose(text, sections, facts) {
        let known = out
            .iter()
            .any(|o| c.phones.iter().any(|p| o.phones.contains(p)) || c.emails.iter().any(|e| o.emails.contains(e)));
        if !known {
            out.push(c);
        }
    }
    out.sort_by_key(|c| c.start);
    out
}

fn in_blocks(text: &str, sections: &[Section], facts: &[Fact], company: Option<&str>) -> Vec<Contact> {
    let mut out: Vec<Contact> = Vec::new();
    for s in sections.iter().filter(|s| s.kind == SectionKind::Contacts) {
        // a table of contacts side by side, then maybe more entries below it
        let mut from = s.start;
        if let Some((table, table_end)) = side_by_side(text, s.start, s.end, facts) {
            out.extend(table);
            from = table_end;
        }
        let mut items: Vec<(usize, Item)> = Vec::new();
        for m in ROLE.find_iter(&text[from..s.end]) {
            items.push((from + m.start(), Item::Role(role_name(m.as_str()))));
        }
        let inside = facts.iter().filter(|f| f.start >= from && f.end <= s.end);
        let mut persons: Vec<&Fact> = Vec::new();
        for f in inside {
            match f.kind {
                FactKind::Person => {
                    // One entry per person; a name given twice ("Kirin Smith, President  Robert
                    // Banks, CEO" over two columns, then each again over their details) opens
                    // its entry at the last mention.
                    if let Some(i) = persons.iter().position(|p| p.value == f.value) {
                        persons.remove(i);
                    }
                    persons.push(f);
                }
                FactKind::Phone if !is_fax(text, f) => items.push((f.start, Item::Phone(f))),
                FactKind::Email => items.push((f.start, Item::Email(f))),
                _ => {}
            }
        }
        items.extend(persons.iter().map(|f| (f.start, Item::Person(f))));
        items.sort_by_key(|(p, _)| *p);
        let mut pending_role: Option<String> = None;
        let mut current: Option<Contact> = None;
        // where the entry being read began: an organisation after it names a nameless entry
        let mut entry_from = from;
        let mut group: Vec<Contact> = Vec::new();
        for (pos, item) in items {
            match item {
                Item::Role(r) => {
                    // A role right after a name on the same line is that person's role.
                    if let Some(c) = current.as_mut().filter(|c| {
                        c.role.is_none()
                            && c.phones.is_empty()
                            && c.emails.is_empty()
                            && !text[c.end..pos].contains('\n')
                            && pos - c.end < 40
                    }) {
                        c.role = Some(r);
                    } else {
                        pending_role = Some(r);
                    }
                }
                Item::Person(f) => {
                    if let Some(c) = current.take() {
                        entry_from = c.end;
                        // "Mary Clark, Zoe Bolt, Aoife Minihan / Tel: ...": names listed together
                        // share the details that follow them
                        let gap = text[c.end..f.start].trim();
                        if c.phones.is_empty() && c.emails.is_empty() && matches!(gap, "," | "and" | "&" | ", and") {
                            group.push(c);
                        } else {
                            out.append(&mut group);
                            out.push(c);
                        }
                    }
                    current = Some(Contact {
                        name: f.value.as_deref().unwrap_or(f.text(text)).to_string(),
                        role: pending_role.take(),
                        phones: Vec::new(),
                        emails: Vec::new(),
                        start: f.start,
                        end: f.end,
                    });
                }
                Item::Phone(f) | Item::Email(f) => {
                    let c = current.get_or_insert_with(|| Contact {
                        name: org_before(facts, entry_from, f.start)
                            .and_then(|o| o.value.as_deref().map(str::to_string))
                            .or_else(|| pending_role.clone())
                            .or_else(|| company.map(str::to_string))
                            .unwrap_or_else(|| "Contact".into()),
                        role: pending_role.take(),
                        phones: Vec::new(),
                        emails: Vec::new(),
                        start: f.start,
                        end: f.end,
                    });
                    let v = f.value.as_deref().unwrap_or(f.text(text)).to_string();
                    let list = if f.kind == FactKind::Phone { &mut c.phones } else { &mut c.emails };
                    if !list.contains(&v) {
                        list.push(v.clone());
                    }
                    c.end = c.end.max(f.end);
                    for g in group.iter_mut() {
                        let list = if f.kind == FactKind::Phone { &mut g.phones } else { &mut g.emails };
                        if !list.contains(&v) {
                            list.push(v.clone());
                        }
                    }
                }
            }
        }
        out.append(&mut group);
        if let Some(c) = current.take() {
            out.push(c);
        }
    }
    out
}

/// Prose that sends the reader to someone for documents or answers: an agent of an offer or a
/// restructuring ("information agent", "claims agent"), "may be obtained from", "questions ...
/// may be directed to" ([`QUESTIONS_TO`]), "may call".
static AGENT_CUE: Pattern = Pattern::new(concat!(
    r"(?i)(?-u:\b)(?:(?:information|claims|solicitation|tender|exchange|subscription|noticing|paying|transfer|proxy|balloting|voting|settlement)\s+agent",
    r"|(?:may|can|will)\s+be\s+obtained(?:\s+free\s+of\s+charge)?(?:,\s+when\s+available,)?\s+(?:from|by\s+contacting)",
    r"|(?:may|should|can)\s+(?:call|contact|e-?mail|write\s+to)|by\s+(?:calling|contacting))(?-u:\b)",
    // the contact tail of PR Newswire releases run into the text: "/CONTACT: Gilbert L. Danielson, ..., +1-678-402-3334/"
    r"|/CONTACT:",
));
/// "Questions ... may be directed to": at most 100 characters of the sentence between, counted in
/// code (as `[^.\n]{0,100}?` would be, but without its automaton).
static QUESTIONS_TO: Spread = Spread::lazy(
    r"(?i)(?-u:\b)(?:questions|requests|inquiries|enquiries)(?-u:\b)",
    Gap::sentence(100),
    r"(?i)(?-u:\b)(?:directed|made|addressed|sent|submitted)\s+to(?-u:\b)",
);

/// Every agent cue in `text`, in order, not overlapping: the leftmost of the two patterns'
/// matches each time (they never start at the same place: their first words differ).
fn agent_cues(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let cue_at = |at: usize| AGENT_CUE.find_at(text, at).map(|m| (m.start(), m.end()));
    // each pattern's next match at or after `at`, searched again only once `at` passes its start
    let (mut cue, mut questions) = (cue_at(0), QUESTIONS_TO.find_at(text, 0));
    let mut at = 0;
    std::iter::from_fn(move || {
        if cue.is_some_and(|(s, _)| s < at) {
            cue = cue_at(at);
        }
        if questions.is_some_and(|(s, _)| s < at) {
            questions = QUESTIONS_TO.find_at(text, at);
        }
        let (s, e) = match (cue, questions) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b)?,
        };
        at = e.max(s + 1);
        Some((s, e))
    })
}

/// The name given after an agent's role: "the Company's claims agent Kroll, toll-free at".
static AGENT_NAME: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i:agent|advisor|adviser),?[ \t]+([A-Z][A-Za-z0-9.&'’-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][A-Za-z0-9.&'’-]*){0,4})")
});

/// Does this entry stand for a person (its name is a person fact)?
fn person_led(facts: &[Fact], c: &Contact) -> bool {
    facts
        .iter()
        .any(|f| f.kind == FactKind::Person && f.start == c.start && f.end == c.end)
}

/// How far past its cue an agent's numbers may stand, within the paragraph.
const AGENT_REACH: usize = 600;

/// Agents named in prose, outside the contact blocks and the call details: each organisation
/// named after the cue opens an entry and keeps the phones and e-mails that follow it; numbers
/// before any such name go to the organisation named just before the cue or after the agent's
/// role ("D.F. King & Co., Inc. acted as information agent ... at (866) 207-3626").
fn in_prose(text: &str, sections: &[Section], facts: &[Fact]) -> Vec<Contact> {
    let skip = |pos: usize| {
        sections
            .iter()
            .any(|s| matches!(s.kind, SectionKind::Contacts | SectionKind::Call) && s.start <= pos && pos < s.end)
    };
    let mut out: Vec<Contact> = Vec::new();
    let mut done = 0;
    for (cue_start, cue_end) in agent_cues(text) {
        if cue_start < done || skip(cue_start) {
            continue;
        }
        let para_start = text[..cue_start].rfind("\n\n").map_or(0, |p| p + 2);
        let reach = floor_boundary(text, (cue_end + AGENT_REACH).min(text.len()));
        let end = text[cue_end..reach].find("\n\n").map_or(reach, |p| cue_end + p);
        let inside = |f: &&Fact| f.start >= cue_end && f.end <= end;
        let data: Vec<&Fact> = facts
            .iter()
            .filter(inside)
            .filter(|f| f.kind == FactKind::Email || f.kind == FactKind::Phone && !is_fax(text, f))
            .collect();
        let Some(first) = data.first() else { continue };
        let role = text[cue_start..cue_end].to_ascii_lowercase();
        let role = role.ends_with("agent").then(|| {
            let mut r = role.split_whitespace().collect::<Vec<_>>().join(" ");
            r[..1].make_ascii_uppercase();
            r
        });
        let named = |name: String, start: usize, end: usize| Contact {
            name,
            role: role.clone(),
            phones: Vec::new(),
            emails: Vec::new(),
            start,
            end,
        };
        // the name for numbers that come before any organisation after the cue
        let lead = AGENT_NAME
            .captures(&text[cue_start..first.start])
            .and_then(|c| c.get(1))
            .map(|m| {
                named(
                    m.as_str().trim_end_matches([',', '.']).to_string(),
                    cue_start + m.start(),
                    cue_start + m.end(),
                )
            })
            .or_else(|| {
                let from = floor_boundary(text, cue_start.saturating_sub(160)).max(para_start);
                org_before(facts, from, cue_start).map(|o| named(o.value.as_deref().unwrap_or(o.text(text)).to_string(), o.start, o.end))
            });
        let mut current = lead;
        let mut entries: Vec<Contact> = Vec::new();
        let orgs = facts
            .iter()
            .filter(inside)
            .filter(|f| matches!(f.kind, FactKind::Org | FactKind::Person) && f.start < data[data.len() - 1].start);
        let mut items: Vec<&Fact> = orgs.chain(data.iter().copied()).collect();
        items.sort_by_key(|f| f.start);
        for f in items {
            let v = f.value.as_deref().unwrap_or(f.text(text)).to_string();
            match f.kind {
                FactKind::Org | FactKind::Person => {
                    // an organisation inside the previous one's span is the same name; one right
                    // after a person, before any number, is that person's employer
                    let employer = f.kind == FactKind::Org
                        && current.as_ref().is_some_and(|c| {
                            c.phones.is_empty() && c.emails.is_empty() && f.start >= c.end && f.start - c.end < 120 && person_led(facts, c)
                        });
                    if employer || current.as_ref().is_some_and(|c| c.start <= f.start && f.end <= c.end) {
                        continue;
                    }
                    if let Some(c) = current.take() {
                        entries.push(c);
                    }
                    current = Some(named(v, f.start, f.end));
                }
                _ => {
                    let Some(c) = current.as_mut() else { continue };
                    let list = if f.kind == FactKind::Phone { &mut c.phones } else { &mut c.emails };
                    if !list.contains(&v) {
                        list.push(v);
                    }
                    c.end = c.end.max(f.end);
                }
            }
        }
        entries.extend(current);
        done = end;
        out.extend(entries.into_iter().filter(|c| !c.phones.is_empty() || !c.emails.is_empty()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The two cue patterns together find what the one bounded pattern they replace finds.
    #[test]
    fn agent_cues_as_the_bounded_pattern() {
        let bounded = regex::Regex::new(concat!(
            r"(?i)(?-u:\b)(?:(?:information|claims|solicitation|tender|exchange|subscription|noticing|paying|transfer|proxy|balloting|voting|settlement)\s+agent",
            r"|(?:may|can|will)\s+be\s+obtained(?:\s+free\s+of\s+charge)?(?:,\s+when\s+available,)?\s+(?:from|by\s+contacting)",
            r"|(?:questions|requests|inquiries|enquiries)(?-u:\b)[^.\n]{0,100}?(?-u:\b)(?:directed|made|addressed|sent|submitted)\s+to",
            r"|(?:may|should|can)\s+(?:call|contact|e-?mail|write\s+to)|by\s+(?:calling|contacting))(?-u:\b)",
            r"|/CONTACT:",
        ))
        .unwrap();
        let long = "x".repeat(101);
        let hays = [
            "Questions regarding the offer may be directed to D.F. King, the information agent, or you may call us.".to_string(),
            "Requests for documents should be sent to the Company. Inquiries. Directed to nobody.".to_string(),
            format!("Questions {long} directed to the agent; questions about it were directed to Kroll."),
            "questions\ndirected to, Enquiries may be made to us by calling 555; copies can be obtained free of charge from the SEC"
                .to_string(),
            "/CONTACT: Jane Doe, requests made to, questionsdirected to".to_string(),
            String::new(),
        ];
        for hay in &hays {
            let want: Vec<(usize, usize)> = bounded.find_iter(hay).map(|m| (m.start(), m.end())).collect();
            assert_eq!(agent_cues(hay).collect::<Vec<_>>(), want, "{hay:?}");
            assert!(!want.is_empty() || hay.is_empty(), "{hay:?} holds a cue");
        }
    }

    #[test]
    fn side_by_side_contacts() {
        let t = "Contact:  Ken Bond  Deb Hell\nOracle Investor Relations  Oracle Corporate Communications\n1.650.607.0349  1.212.508.7935\nken@o.com  deb@o.com";
        let facts = vec![
            fact(t, FactKind::Person, "Ken Bond", "Ken Bond"),
            fact(t, FactKind::Person, "Deb Hell", "Deb Hell"),
            fact(t, FactKind::Phone, "1.650.607.0349", "+16506070349"),
            fact(t, FactKind::Phone, "1.212.508.7935", "+12125087935"),
            fact(t, FactKind::Email, "ken@o.com", "ken@o.com"),
            fact(t, FactKind::Email, "deb@o.com", "deb@o.com"),
        ];
        let c = find(t, &whole(t), &facts, None);
        assert_eq!(c.len(), 2);
        assert_eq!((c[0].phones[0].as_str(), c[0].emails[0].as_str()), ("+16506070349", "ken@o.com"));
        assert_eq!(
            (c[1].phones[0].as_str(), c[1].role.as_deref()),
            ("+12125087935", Some("Corporate communications"))
        );
        assert_eq!(c[0].role.as_deref(), Some("Investor relations"));
    }

    #[test]
    fn roles_over_side_by_side_columns_and_an_entry_below() {
        let t = "For additional information, contact:\n\nInvestor Relations:                    Media:\nPeter White                            Sara Black\n+1 416-555-0101                        +1 416-555-0202\nir@acme.com                            media@acme.com\n\nName: Tom Green\nEmail: tgreen@acme.com\nPhone: +1 416 555 0303";
        let facts = vec![
            fact(t, FactKind::Person, "Peter White", "Peter White"),
            fact(t, FactKind::Person, "Sara Black", "Sara Black"),
            fact(t, FactKind::Phone, "+1 416-555-0101", "+14165550101"),
            fact(t, FactKind::Phone, "+1 416-555-0202", "+14165550202"),
            fact(t, FactKind::Email, "ir@acme.com", "ir@acme.com"),
            fact(t, FactKind::Email, "media@acme.com", "media@acme.com"),
            fact(t, FactKind::Person, "Tom Green", "Tom Green"),
            fact(t, FactKind::Email, "tgreen@acme.com", "tgreen@acme.com"),
            fact(t, FactKind::Phone, "+1 416 555 0303", "+14165550303"),
        ];
        let c = find(t, &whole(t), &facts, None);
        assert_eq!(c.len(), 3);
        assert_eq!(
            (c[0].name.as_str(), c[0].role.as_deref()),
            ("Peter White", Some("Investor relations"))
        );
        assert_eq!((c[1].name.as_str(), c[1].role.as_deref()), ("Sara Black", Some("Media")));
        assert_eq!(
            (c[2].name.as_str(), c[2].phones[0].as_str(), c[2].emails[0].as_str()),
            ("Tom Green", "+14165550303", "tgreen@acme.com")
        );
    }

    #[test]
    fn pr_newswire_contact_tail() {
        let t = "/CONTACT: For Further Information: Investor Relations, John Smith of Acme Corp., +1-212-555-1212, or jsmith@acme.com; or Media, Mary Jones, +1-212-555-1313, Fax: +1-212-555-1399, mjones@acme.com/";
        let facts = vec![
            fact(t, FactKind::Person, "John Smith", "John Smith"),
            fact(t, FactKind::Org, "Acme Corp.", "Acme Corp."),
            fact(t, FactKind::Phone, "+1-212-555-1212", "+12125551212"),
            fact(t, FactKind::Email, "jsmith@acme.com", "jsmith@acme.com"),
            fact(t, FactKind::Person, "Mary Jones", "Mary Jones"),
            fact(t, FactKind::Phone, "+1-212-555-1313", "+12125551313"),
            fact(t, FactKind::Phone, "+1-212-555-1399", "+12125551399"),
            fact(t, FactKind::Email, "mjones@acme.com", "mjones@acme.com"),
        ];
        let c = find(t, &whole(t), &facts, None);
        assert_eq!(c.len(), 2);
        assert_eq!(
            (c[0].name.as_str(), c[0].role.as_deref()),
            ("John Smith", Some("Investor relations"))
        );
        assert_eq!(c[0].phones, vec!["+12125551212"]);
        // the fax stays out
        assert_eq!(
            (c[1].role.as_deref(), c[1].phones.clone()),
            (Some("Media"), vec!["+12125551313".to_string()])
        );
    }

    #[test]
    fn fax_is_not_a_contact_phone() {
        let t = "Contact:    Food Concepts, Inc\n            954.420.0882, Fax: 954.420.0811";
        let facts = vec![
            fact(t, FactKind::Org, "Food Concepts, Inc", "Food Concepts, Inc"),
            fact(t, FactKind::Phone, "954.420.0882", "+19544200882"),
            fact(t, FactKind::Phone, "954.420.0811", "+19544200811"),
        ];
        let c = find(t, &whole(t), &facts, None);
        assert_eq!(c.len(), 1);
        // no person: the organisation of the block names the entry
        assert_eq!(c[0].name, "Food Concepts, Inc");
        assert_eq!(c[0].phones, vec!["+19544200882"]);
        for (label, fax) in [
            ("T: 555-555-1212 F: ", true),
            ("Facsimile (", true),
            ("Tel. +49 6221 1234 / Telefax +", true),
            ("Phone: ", false),
            ("Office ", false),
        ] {
            let t = format!("{label}555-555-0000");
            let f = fact(&t, FactKind::Phone, "555-555-0000", "+15555550000");
            assert_eq!(is_fax(&t, &f), fax, "{label}");
        }
    }

    #[test]
    fn names_listed_together_share_details() {
        let t = "Optimum Strategic Communications\nMary Clark, Zoe Bolt, Aoife Minihan\nTel: +44 20 3882 9621\nE-mail: hp@optimumcomms.com\n\nJane Roe\n+1 555 555 1212";
        let facts = vec![
            fact(t, FactKind::Person, "Mary Clark", "Mary Clark"),
            fact(t, FactKind::Person, "Zoe Bolt", "Zoe Bolt"),
            fact(t, FactKind::Person, "Aoife Minihan", "Aoife Minihan"),
            fact(t, FactKind::Phone, "+44 20 3882 9621", "+442038829621"),
            fact(t, FactKind::Email, "hp@optimumcomms.com", "hp@optimumcomms.com"),
            fact(t, FactKind::Person, "Jane Roe", "Jane Roe"),
            fact(t, FactKind::Phone, "+1 555 555 1212", "+15555551212"),
        ];
        let c = find(t, &whole(t), &facts, None);
        assert_eq!(c.len(), 4);
        assert!(
            c[..3]
                .iter()
                .all(|c| c.phones == ["+442038829621"] && c.emails == ["hp@optimumcomms.com"])
        );
        // the next entry keeps its own number only
        assert_eq!((c[3].name.as_str(), c[3].phones.len()), ("Jane Roe", 1));
    }

    #[test]
    fn nameless_entry_takes_the_issuer() {
        let t = "Registrant's telephone number, including area code: (954) 420-0882";
        let facts = vec![fact(t, FactKind::Phone, "(954) 420-0882", "+19544200882")];
        assert_eq!(
            find(t, &whole(t), &facts, Some("Food Concepts, Inc."))[0].name,
            "Food Concepts, Inc."
        );
    }

    #[test]
    fn agents_in_prose() {
        let none: Vec<Section> = Vec::new();
        // agent named before its role, numbers in the next sentence
        let t = "D.F. King & Co., Inc. acted as information agent for the Offer. Any questions regarding the Offer may be directed to the information agent toll free at (866) 207-3626 or via email at CVREnergy@dfking.com";
        let facts = vec![
            fact(t, FactKind::Org, "D.F. King & Co., Inc.", "D.F. King & Co., Inc."),
            fact(t, FactKind::Phone, "(866) 207-3626", "+18662073626"),
            fact(t, FactKind::Email, "CVREnergy@dfking.com", "cvrenergy@dfking.com"),
        ];
        let c = find(t, &none, &facts, None);
        assert_eq!(c.len(), 1);
        assert_eq!(
            (c[0].name.as_str(), c[0].role.as_deref()),
            ("D.F. King & Co., Inc.", Some("Information agent"))
        );
        assert_eq!((c[0].phones.len(), c[0].emails.len()), (1, 1));
        // agent named after its role, no organisation fact
        let t = "Stakeholders with questions may call the Company's claims agent Kroll, toll-free at (877) 307-2977 (U.S. and Canada) or (646) 290-6127 (International), or email at dgateam@ra.kroll.com.";
        let facts = vec![
            fact(t, FactKind::Phone, "(877) 307-2977", "+18773072977"),
            fact(t, FactKind::Phone, "(646) 290-6127", "+16462906127"),
            fact(t, FactKind::Email, "dgateam@ra.kroll.com", "dgateam@ra.kroll.com"),
        ];
        let c = find(t, &none, &facts, None);
        assert_eq!((c[0].name.as_str(), c[0].phones.len()), ("Kroll", 2));
        // two underwriters in one sentence: each keeps its own numbers
        let t = "Copies may be obtained from Goldman Sachs & Co. LLC, Attention: Prospectus Department, telephone: 1-866-471-2526, or by emailing prospectus-ny@ny.email.gs.com; or J.P. Morgan Securities LLC, by telephone at 1-866-803-9204.";
        let facts = vec![
            fact(t, FactKind::Org, "Goldman Sachs & Co. LLC", "Goldman Sachs & Co. LLC"),
            fact(t, FactKind::Phone, "1-866-471-2526", "+18664712526"),
            fact(t, FactKind::Email, "prospectus-ny@ny.email.gs.com", "prospectus-ny@ny.email.gs.com"),
            fact(t, FactKind::Org, "J.P. Morgan Securities LLC", "J.P. Morgan Securities LLC"),
            fact(t, FactKind::Phone, "1-866-803-9204", "+18668039204"),
        ];
        let c = find(t, &none, &facts, None);
        assert_eq!(c.len(), 2);
        assert_eq!((c[0].phones.len(), c[0].emails.len()), (1, 1));
        assert_eq!(
            (c[1].name.as_str(), c[1].phones[0].as_str()),
            ("J.P. Morgan Securities LLC", "+18668039204")
        );
    }

    #[test]
    fn pr_newswire_tail_run_into_the_text() {
        let none: Vec<Section> = Vec::new();
        let t = "SOURCE Aaron Rents, Inc. -0- 07/29/2003 /CONTACT: Gilbert L. Danielson, Executive Vice President, Chief Financial Officer of Aaron Rents, Inc., +1-678-402-3334/ /Web site: http://www.aaronrents.com /";
        let second = t.rfind("Aaron Rents, Inc.").unwrap();
        let facts = vec![
            fact(t, FactKind::Org, "Aaron Rents, Inc.", "Aaron Rents, Inc."),
            fact(t, FactKind::Person, "Gilbert L. Danielson", "Gilbert L. Danielson"),
            Fact::new(FactKind::Org, t, second, second + 17, Some("Aaron Rents, Inc.".into())),
            fact(t, FactKind::Phone, "+1-678-402-3334", "+16784023334"),
        ];
        let c = find(t, &none, &facts, None);
        assert_eq!(c.len(), 1);
        assert_eq!(
            (c[0].name.as_str(), c[0].phones[0].as_str()),
            ("Gilbert L. Danielson", "+16784023334")
        );
    }

    #[test]
    fn prose_without_an_agent_is_no_contact() {
        let none: Vec<Section> = Vec::new();
        // numbers without a cue, and a cue without numbers
        let t = "Revenue was $1.2 million; the store at 555-555-1212 opened. The prospectus may be obtained from the SEC website at www.sec.gov.";
        let facts = vec![fact(t, FactKind::Phone, "555-555-1212", "+15555551212")];
        assert!(find(t, &none, &facts, None).is_empty());
    }

    /// The whole text as one contacts section.
    fn whole(t: &str) -> Vec<Section> {
        vec![Section {
            kind: SectionKind::Contacts,
            title: "Contacts".into(),
            start: 0,
            end: t.len(),
        }]
    }

    fn fact(text: &str, kind: FactKind, needle: &str, value: &str) -> Fact {
        let p = text.find(needle).unwrap();
        Fact::new(kind, text, p, p + needle.len(), Some(value.into()))
    }

    #[test]
    fn role_person_phone_email() {
        let t = "CONTACT: Acme\nInvestor Relations:\nJane Roe, 978-614-8672\njroe@acme.com\nor\nMedia Relations:\nBob Poe, 978-614-8579\nbpoe@acme.com";
        let facts = vec![
            fact(t, FactKind::Person, "Jane Roe", "Jane Roe"),
            fact(t, FactKind::Phone, "978-614-8672", "+19786148672"),
            fact(t, FactKind::Email, "jroe@acme.com", "jroe@acme.com"),
            fact(t, FactKind::Person, "Bob Poe", "Bob Poe"),
            fact(t, FactKind::Phone, "978-614-8579", "+19786148579"),
            fact(t, FactKind::Email, "bpoe@acme.com", "bpoe@acme.com"),
        ];
        let c = find(t, &whole(t), &facts, None);
        assert_eq!(c.len(), 2);
        assert_eq!((c[0].name.as_str(), c[0].role.as_deref()), ("Jane Roe", Some("Investor relations")));
        assert_eq!(c[0].phones, vec!["+19786148672"]);
        assert_eq!(c[1].role.as_deref(), Some("Media"));
        assert_eq!(c[1].emails, vec!["bpoe@acme.com"]);
    }
}
