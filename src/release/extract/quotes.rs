//! Quotations and who said them. The speaker is a recognised person next to an attribution verb
//! ("said Hassan Ahmed, president and CEO"), or a surname already introduced ("Lacy said"); a
//! quotation with no attribution continues the previous speaker.

use crate::release::model::{Fact, FactKind, Quote, Section, SectionKind};
use crate::release::text::floor_boundary;
use regex::Regex;
use std::sync::LazyLock;

static VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:said|says|stated|states|added|adds|commented|comments|noted|notes|continued|continues|explained|remarked|observed|according\s+to)\b").expect("verb regex")
});

/// Byte ranges inside quotation marks.
fn quoted_ranges(p: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in p.char_indices() {
        match c {
            '“' => open = Some(i),
            '”' => {
                if let Some(s) = open.take() {
                    out.push((s, i + c.len_utf8()));
                }
            }
            '"' => match open.take() {
                Some(s) => out.push((s, i + 1)),
                None => open = Some(i),
            },
            _ => {}
        }
    }
    out
}

fn paragraphs(text: &str, s: &Section) -> Vec<(usize, usize)> {
    let body = &text[s.start..s.end];
    let mut out = Vec::new();
    let mut pos = 0;
    for part in body.split("\n\n") {
        out.push((s.start + pos, s.start + pos + part.len()));
        pos += part.len() + 2;
    }
    out
}

/// Title written before the name: "said Chairman and CEO Alan J. Lacy".
fn title_before(text: &str, verb_end: usize, name_start: usize) -> Option<String> {
    if name_start <= verb_end || name_start - verb_end > 80 {
        return None;
    }
    let t = text[verb_end..name_start].trim().trim_end_matches(',').trim();
    (!t.is_empty() && t.chars().next().is_some_and(char::is_uppercase)).then(|| t.to_string())
}

pub fn find(text: &str, sections: &[Section], facts: &[Fact]) -> Vec<Quote> {
    let people: Vec<&Fact> = facts.iter().filter(|f| f.kind == FactKind::Person).collect();
    let mut out: Vec<Quote> = Vec::new();
    for s in sections.iter().filter(|s| s.kind == SectionKind::Quote) {
        for (ps, pe) in paragraphs(text, s) {
            let p = &text[ps..pe];
            let ranges = quoted_ranges(p);
            if ranges.is_empty() {
                continue;
            }
            let outside = |off: usize| !ranges.iter().any(|(a, b)| *a <= off && off < *b);
            let verbs: Vec<(usize, usize)> = VERB
                .find_iter(p)
                .filter(|m| outside(m.start()))
                .map(|m| (m.start(), m.end()))
                .collect();
            // A recognised person outside the quotation, closest to an attribution verb.
            let mut best: Option<(usize, &Fact, Option<String>)> = None;
            for f in people.iter().filter(|f| f.start >= ps && f.end <= pe && outside(f.start - ps)) {
                for &(vs, ve) in &verbs {
                    let (a, b) = (f.start - ps, f.end - ps);
                    let dist = if vs >= b { vs - b } else { a.saturating_sub(ve) };
                    if dist <= 90 && best.as_ref().is_none_or(|(d, _, _)| dist < *d) {
                        best = Some((dist, f, title_before(p, ve, a)));
                    }
                }
            }
            let quote = if let Some((_, f, before)) = best {
                Some(Quote {
                    speaker: f.value.clone().unwrap_or_else(|| f.text.clone()),
                    title: f.detail.clone().or(before),
                    start: ps,
                    end: pe,
                })
            } else {
                // "Lacy said": a surname of someone already named.
                let by_surname = verbs.iter().find_map(|&(vs, ve)| {
                    let window = &p[floor_boundary(p, vs.saturating_sub(40))..floor_boundary(p, (ve + 40).min(p.len()))];
                    people.iter().find(|f| {
                        let name = f.value.as_deref().unwrap_or(&f.text);
                        let surname = name.rsplit(' ').next().unwrap_or(name);
                        surname.len() > 2 && window.split(|c: char| !c.is_alphanumeric()).any(|w| w == surname)
                    })
                });
                match by_surname {
                    Some(f) => Some(Quote {
                        speaker: f.value.clone().unwrap_or_default(),
                        title: f.detail.clone(),
                        start: ps,
                        end: pe,
                    }),
                    None => out.last().map(|q| Quote {
                        speaker: q.speaker.clone(),
                        title: q.title.clone(),
                        start: ps,
                        end: pe,
                    }),
                }
            };
            if let Some(q) = quote {
                out.push(q);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_ranges_curly_and_straight() {
        let p = "\u{201c}A\u{201d} said x \"B\"";
        assert_eq!(quoted_ranges(p).len(), 2);
    }

    #[test]
    fn title_before_name() {
        let p = "said Chairman and CEO Alan J. Lacy.";
        assert_eq!(title_before(p, 4, p.find("Alan").unwrap()).as_deref(), Some("Chairman and CEO"));
    }
}
