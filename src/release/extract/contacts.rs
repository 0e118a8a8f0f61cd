//! Contact entries from the contact blocks: one per person, with the role announced before them
//! ("Investor Relations:", "News Media Contact"), and the phones and e-mails that follow.

use crate::release::model::{Contact, Fact, FactKind, Section, SectionKind};
use regex::Regex;
use std::sync::LazyLock;

static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:external\s+)?investor\s+relations|investors?|(?:news\s+)?media(?:\s+relations)?|press|public\s+relations|corporate\s+communications|analysts?|financial\s+community|shareholders?)(?-u:\b)").expect("role regex")
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
fn side_by_side(text: &str, start: usize, end: usize, facts: &[Fact]) -> Option<Vec<Contact>> {
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
                        name: f.value.clone().unwrap_or_else(|| f.text.clone()),
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
    for (ls, l) in lines.iter().skip(header + 1) {
        if l.trim().is_empty() {
            break;
        }
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
            for f in facts.iter().filter(|f| f.start >= cs && f.end <= ce) {
                let v = f.value.clone().unwrap_or_else(|| f.text.clone());
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
    Some(out.into_iter().map(|(_, c)| c).collect())
}

pub fn find(text: &str, sections: &[Section], facts: &[Fact]) -> Vec<Contact> {
    let mut out: Vec<Contact> = Vec::new();
    for s in sections.iter().filter(|s| s.kind == SectionKind::Contacts) {
        if let Some(table) = side_by_side(text, s.start, s.end, facts) {
            out.extend(table);
            continue;
        }
        let mut items: Vec<(usize, Item)> = Vec::new();
        for m in ROLE.find_iter(&text[s.start..s.end]) {
            items.push((s.start + m.start(), Item::Role(role_name(m.as_str()))));
        }
        let inside = facts.iter().filter(|f| f.start >= s.start && f.end <= s.end);
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
                FactKind::Phone => items.push((f.start, Item::Phone(f))),
                FactKind::Email => items.push((f.start, Item::Email(f))),
                _ => {}
            }
        }
        items.extend(persons.iter().map(|f| (f.start, Item::Person(f))));
        items.sort_by_key(|(p, _)| *p);
        let mut pending_role: Option<String> = None;
        let mut current: Option<Contact> = None;
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
                        out.push(c);
                    }
                    current = Some(Contact {
                        name: f.value.clone().unwrap_or_else(|| f.text.clone()),
                        role: pending_role.take(),
                        phones: Vec::new(),
                        emails: Vec::new(),
                        start: f.start,
                        end: f.end,
                    });
                }
                Item::Phone(f) | Item::Email(f) => {
                    let c = current.get_or_insert_with(|| Contact {
                        name: pending_role.clone().unwrap_or_else(|| "Contact".into()),
                        role: pending_role.take(),
                        phones: Vec::new(),
                        emails: Vec::new(),
                        start: f.start,
                        end: f.end,
                    });
                    let v = f.value.clone().unwrap_or_else(|| f.text.clone());
                    let list = if f.kind == FactKind::Phone { &mut c.phones } else { &mut c.emails };
                    if !list.contains(&v) {
                        list.push(v);
                    }
                    c.end = c.end.max(f.end);
                }
            }
        }
        if let Some(c) = current.take() {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let c = find(t, &whole(t), &facts);
        assert_eq!(c.len(), 2);
        assert_eq!((c[0].phones[0].as_str(), c[0].emails[0].as_str()), ("+16506070349", "ken@o.com"));
        assert_eq!(
            (c[1].phones[0].as_str(), c[1].role.as_deref()),
            ("+12125087935", Some("Corporate communications"))
        );
        assert_eq!(c[0].role.as_deref(), Some("Investor relations"));
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
        let c = find(t, &whole(t), &facts);
        assert_eq!(c.len(), 2);
        assert_eq!((c[0].name.as_str(), c[0].role.as_deref()), ("Jane Roe", Some("Investor relations")));
        assert_eq!(c[0].phones, vec!["+19786148672"]);
        assert_eq!(c[1].role.as_deref(), Some("Media"));
        assert_eq!(c[1].emails, vec!["bpoe@acme.com"]);
    }
}
