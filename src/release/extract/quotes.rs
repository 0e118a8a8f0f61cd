//! Quotations and who said them. The speaker is a recognised person next to an attribution verb
//! ("said Hassan Ahmed, president and CEO"), or a surname already introduced ("Lacy said"); a
//! quotation with no attribution continues the previous speaker.

use crate::release::model::{Fact, FactKind, Quote, Section, SectionKind};
use crate::release::pattern::Pattern;
use crate::release::text::floor_boundary;
use std::sync::LazyLock;

static VERB: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?-u)(?-u:\b)(?:said|says|stated|states|added|adds|commented|comments|noted|notes|continued|continues|explained|remarked|observed|according\s+to)(?-u:\b)|(?m:^)(?:—|–)",
    )
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

/// Who is speaking near a verb: a recognised person within reach, or a surname already named.
fn speaker_near<'f>(
    text: &str,
    p: &str,
    ps: usize,
    people: &[&'f Fact],
    verb: (usize, usize),
    outside: &dyn Fn(usize) -> bool,
) -> Option<(&'f Fact, Option<String>)> {
    let (vs, ve) = verb;
    // a surname right beside the verb ("Listwin said", "said Listwin") beats a full name further off
    let before = p[..vs].trim_end().rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let after = p[ve..].trim_start().split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if let Some(f) = people.iter().find(|f| {
        let name = f.value.as_deref().unwrap_or(f.text(text));
        let surname = name.rsplit(' ').next().unwrap_or(name);
        surname.len() > 2 && (surname == before || surname == after) && name != before && name != after
    }) {
        return Some((*f, None));
    }
    let mut best: Option<(usize, &Fact, Option<String>)> = None;
    for f in people
        .iter()
        .filter(|f| f.start >= ps && f.end <= ps + p.len() && outside(f.start - ps))
    {
        let (a, b) = (f.start - ps, f.end - ps);
        let dist = if vs >= b { vs - b } else { a.saturating_sub(ve) };
        if dist <= 90 && best.as_ref().is_none_or(|(d, _, _)| dist < *d) {
            best = Some((dist, f, title_before(p, ve, a)));
        }
    }
    if let Some((_, f, t)) = best {
        return Some((f, t));
    }
    let window = &p[floor_boundary(p, vs.saturating_sub(40))..floor_boundary(p, (ve + 40).min(p.len()))];
    // one mention per distinct name is enough to recognise a surname
    let mut seen: Vec<&str> = Vec::new();
    people
        .iter()
        .filter(|f| {
            let n = f.value.as_deref().unwrap_or(f.text(text));
            !seen.contains(&n) && {
                seen.push(n);
                true
            }
        })
        .take(200)
        .find(|f| {
            let name = f.value.as_deref().unwrap_or(f.text(text));
            let surname = name.rsplit(' ').next().unwrap_or(name);
            surname.len() > 2 && window.split(|c: char| !c.is_alphanumeric()).any(|w| w == surname)
        })
        .map(|f| (*f, None))
}

/// A title given with another form of the same name ("Steve Jobs, Chairman and CEO" for a quote
/// by "Steven P. Jobs").
fn title_by_surname(text: &str, f: &Fact, people: &[&Fact]) -> Option<String> {
    let surname = |x: &Fact| {
        x.value
            .as_deref()
            .unwrap_or(x.text(text))
            .rsplit(' ')
            .next()
            .unwrap_or("")
            .to_string()
    };
    let s = surname(f);
    people
        .iter()
        .find(|p| p.detail.is_some() && surname(p) == s)
        .and_then(|p| p.detail.as_deref().map(str::to_string))
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
            // Attributions: (offset, speaker, title).
            let attributions: Vec<(usize, String, Option<String>)> = VERB
                .find_iter(p)
                .filter(|m| outside(m.start()))
                .filter_map(|m| {
                    let (f, before) = speaker_near(text, p, ps, &people, (m.start(), m.end()), &outside)?;
                    Some((
                        m.start(),
                        f.value.as_deref().unwrap_or(f.text(text)).to_string(),
                        f.detail
                            .as_deref()
                            .map(str::to_string)
                            .or(before)
                            .or_else(|| title_by_surname(text, f, &people)),
                    ))
                })
                .collect();
            if attributions.is_empty() {
                // An unattributed quotation continues the previous speaker.
                if let Some(q) = out.last() {
                    let q = Quote {
                        speaker: q.speaker.clone(),
                        title: q.title.clone(),
                        start: ps,
                        end: pe,
                    };
                    out.push(q);
                }
                continue;
            }
            // Each quotation goes to the nearest attribution; neighbours with one speaker merge.
            let mut spans: Vec<Quote> = Vec::new();
            for &(a, b) in &ranges {
                let Some((pos, speaker, title)) = attributions
                    .iter()
                    .min_by_key(|(pos, _, _)| if *pos >= b { pos - b } else { a.saturating_sub(*pos) })
                else {
                    continue;
                };
                let (start, end) = (ps + a.min(*pos), ps + b.max(*pos));
                match spans.last_mut() {
                    Some(last) if last.speaker == *speaker => last.end = last.end.max(end),
                    _ => spans.push(Quote {
                        speaker: speaker.clone(),
                        title: title.clone(),
                        start,
                        end,
                    }),
                }
            }
            if spans.len() == 1 {
                spans[0].start = ps;
                spans[0].end = pe;
            }
            out.extend(spans);
        }
    }
    for q in lead_ins(text, &people) {
        if !out.iter().any(|o| o.start < q.end && q.start < o.end) {
            out.push(q);
        }
    }
    out.sort_by_key(|q| q.start);
    out
}

/// Quotations introduced by a line that names the speaker and ends with a colon, wherever they
/// stand: "Roy Jakobs, CEO of Royal Philips:" over "“Philips operates ...”". The quotation runs
/// on through the paragraphs that open with a quotation mark.
fn lead_ins(text: &str, people: &[&Fact]) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    for f in people {
        let line_start = text[..f.start].rfind('\n').map_or(0, |p| p + 1);
        if !text[line_start..f.start].trim().is_empty() {
            continue;
        }
        let line_end = text[f.end..].find('\n').map_or(text.len(), |p| f.end + p);
        let rest = text[f.end..line_end].trim_end();
        if line_end - f.end > 160 || !rest.ends_with(':') {
            continue;
        }
        let after = text[line_end..].trim_start();
        if !after.starts_with(['“', '"']) {
            continue;
        }
        let title = rest
            .trim_end_matches(':')
            .trim()
            .strip_prefix(',')
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .or_else(|| f.detail.as_deref().map(str::to_string));
        // the quotation's paragraphs
        let mut end = text.len() - after.len();
        loop {
            let para_end = text[end..].find("\n\n").map_or(text.len(), |p| end + p);
            end = para_end;
            let next = text[end..].trim_start();
            if next.is_empty() || !next.starts_with(['“', '"']) {
                break;
            }
            end = text.len() - next.len();
        }
        out.push(Quote {
            speaker: f.value.as_deref().unwrap_or(f.text(text)).to_string(),
            title,
            start: f.start,
            end,
        });
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

    fn person(text: &str, name: &str, title: Option<&str>) -> Fact {
        let p = text.find(name).unwrap();
        let mut f = Fact::new(FactKind::Person, text, p, p + name.len(), Some(name.into()));
        f.detail = title.map(Box::from);
        f
    }

    fn quote_section(text: &str) -> Vec<Section> {
        vec![Section {
            kind: SectionKind::Quote,
            title: String::new(),
            start: 0,
            end: text.len(),
        }]
    }

    #[test]
    fn surname_beside_the_verb() {
        let t = "The unit is headed by Vice President Don Listwin.\n\n\"The products round out our line,\" Listwin said. Tom Williams, President and CEO of Combinet, said, \"With remote users, we gain.\"";
        let facts = vec![
            person(t, "Don Listwin", Some("Vice President")),
            person(t, "Tom Williams", Some("President and CEO of Combinet")),
        ];
        let q = find(t, &quote_section(t), &facts);
        assert_eq!(q.len(), 2);
        assert_eq!(
            (q[0].speaker.as_str(), q[0].title.as_deref()),
            ("Don Listwin", Some("Vice President"))
        );
        assert_eq!(q[1].speaker, "Tom Williams");
    }

    #[test]
    fn speaker_line_with_a_colon() {
        let t = "Changes follow.\n\nRoy Jakobs, CEO of Royal Philips:\n“Philips operates in attractive markets.\n\n“We will grow.”\n\nAbout Royal Philips";
        let facts = vec![person(t, "Roy Jakobs", None)];
        let q = find(t, &[], &facts);
        assert_eq!(q.len(), 1);
        assert_eq!(
            (q[0].speaker.as_str(), q[0].title.as_deref()),
            ("Roy Jakobs", Some("CEO of Royal Philips"))
        );
        assert!(t[q[0].start..q[0].end].ends_with("We will grow.”"));
        // near-miss: a name line with a colon over plain text is no quotation
        let t = "Roy Jakobs, CEO:\nTel. +31 20 59 77055";
        assert!(find(t, &[], &[person(t, "Roy Jakobs", None)]).is_empty());
    }

    #[test]
    fn title_before_name() {
        let p = "said Chairman and CEO Alan J. Lacy.";
        assert_eq!(title_before(p, 4, p.find("Alan").unwrap()).as_deref(), Some("Chairman and CEO"));
    }
}
