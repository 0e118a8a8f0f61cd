//! Contact entries from the contact blocks: one per person, with the role announced before them
//! ("Investor Relations:", "News Media Contact"), and the phones and e-mails that follow.

use crate::release::model::{Contact, Fact, FactKind, Section, SectionKind};
use regex::Regex;
use std::sync::LazyLock;

static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:external\s+)?investor\s+relations|investors?|(?:news\s+)?media(?:\s+relations)?|press|public\s+relations|corporate\s+communications|analysts?|financial\s+community|shareholders?)\b").expect("role regex")
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

pub fn find(text: &str, sections: &[Section], facts: &[Fact]) -> Vec<Contact> {
    let mut out: Vec<Contact> = Vec::new();
    for s in sections.iter().filter(|s| s.kind == SectionKind::Contacts) {
        let mut items: Vec<(usize, Item)> = Vec::new();
        for m in ROLE.find_iter(&text[s.start..s.end]) {
            items.push((s.start + m.start(), Item::Role(role_name(m.as_str()))));
        }
        let inside = facts.iter().filter(|f| f.start >= s.start && f.end <= s.end);
        let mut persons: Vec<&Fact> = Vec::new();
        for f in inside {
            match f.kind {
                FactKind::Person => {
                    // one entry per person, even when the name repeats
                    if !persons.iter().any(|p| p.value == f.value) {
                        persons.push(f);
                        items.push((f.start, Item::Person(f)));
                    }
                }
                FactKind::Phone => items.push((f.start, Item::Phone(f))),
                FactKind::Email => items.push((f.start, Item::Email(f))),
                _ => {}
            }
        }
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
        let s = vec![Section {
            kind: SectionKind::Contacts,
            title: "Contacts".into(),
            start: 0,
            end: t.len(),
        }];
        let c = find(t, &s, &facts);
        assert_eq!(c.len(), 2);
        assert_eq!((c[0].name.as_str(), c[0].role.as_deref()), ("Jane Roe", Some("Investor relations")));
        assert_eq!(c[0].phones, vec!["+19786148672"]);
        assert_eq!(c[1].role.as_deref(), Some("Media"));
        assert_eq!(c[1].emails, vec!["bpoe@acme.com"]);
    }
}
