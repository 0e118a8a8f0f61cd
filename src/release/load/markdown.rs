//! Markdown from wire archives: optional YAML front matter (metadata, never body text), `#`
//! headings, paragraphs, lists, pipe tables, links; a trailing block of archive links after a
//! `---` rule is kept apart as trailer.

use super::{BlockKind, Meta, RawBlock, Zone, plain::looks_like_heading};
use chrono::NaiveDate;

/// Split off a leading `---` ... `---` front-matter block.
fn front_matter(text: &str) -> (Option<&str>, &str) {
    let t = text.trim_start_matches(['\u{feff}', '\n', '\r']);
    if let Some(rest) = t.strip_prefix("---") {
        let rest = rest.trim_start_matches(['\r']);
        if let Some(rest) = rest.strip_prefix('\n') {
            for (i, _) in rest.match_indices("\n---") {
                let after = &rest[i + 4..];
                if after.is_empty() || after.starts_with('\n') || after.starts_with("\r\n") {
                    return (Some(&rest[..i]), after);
                }
            }
        }
    }
    (None, text)
}

fn apply_front_matter(fm: &str, meta: &mut Meta) {
    for line in fm.lines() {
        let Some((k, v)) = line.split_once(':') else { continue };
        let v = v.trim().trim_matches(['"', '\'']).trim();
        if v.is_empty() {
            continue;
        }
        match k.trim().to_ascii_lowercase().as_str() {
            "title" | "headline" => {
                meta.title = Some(v.to_string());
                meta.front_title = true;
            }
            "company" | "issuer" | "organization" | "organisation" => meta.company = Some(v.to_string()),
            "date" | "published" | "pubdate" | "published_at" => {
                meta.date = v.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            }
            "source" | "url" | "source_url" | "link" => meta.source_url = Some(v.to_string()),
            _ => {}
        }
    }
}

/// Inline Markdown to plain text: links keep text and target, images go, emphasis marks go.
fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('[') {
        let image = p > 0 && rest[..p].ends_with('!');
        out.push_str(&rest[..if image { p - 1 } else { p }]);
        let after = &rest[p + 1..];
        let parsed = after.find("](").and_then(|close| {
            let label = &after[..close];
            let tail = &after[close + 2..];
            tail.find(')').map(|end| (label, &tail[..end], &tail[end + 1..]))
        });
        match parsed {
            Some((label, url, tail)) if !label.contains('[') => {
                if !image {
                    let label = label.trim();
                    let url = url.split_whitespace().next().unwrap_or("");
                    if label.is_empty() || label == url {
                        out.push_str(url);
                    } else if url.is_empty() {
                        out.push_str(label);
                    } else {
                        out.push_str(label);
                        out.push_str(": ");
                        out.push_str(url);
                    }
                }
                rest = tail;
            }
            _ => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    let mut s = out.replace("**", "").replace("__", "");
    for esc in ["\\*", "\\_", "\\#", "\\[", "\\]", "\\(", "\\)", "\\-", "\\.", "\\!", "\\$"] {
        if s.contains(esc) {
            s = s.replace(esc, &esc[1..]);
        }
    }
    s
}

fn is_rule(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && (t.chars().all(|c| c == '-') || t.chars().all(|c| c == '*') || t.chars().all(|c| c == '_'))
}

fn list_item(line: &str) -> Option<&str> {
    let t = line.trim_start();
    for m in ["- ", "* ", "+ ", "• ", "● "] {
        if let Some(r) = t.strip_prefix(m) {
            return Some(r);
        }
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) && t[digits..].starts_with(". ") {
        return Some(&t[digits + 2..]);
    }
    None
}

/// A line made only of links (archive furniture).
fn only_links(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.contains("](") && inline(t).len() < t.len() && !t.contains(". ")
}

pub fn blocks(text: &str, meta: &mut Meta) -> Vec<RawBlock> {
    let (fm, body) = front_matter(text);
    if let Some(fm) = fm {
        apply_front_matter(fm, meta);
    }
    let lines: Vec<&str> = body.lines().collect();
    // Where the trailer starts: the last rule after which every line is links or blank.
    let trailer_at = lines
        .iter()
        .rposition(|l| is_rule(l))
        .filter(|&i| lines[i + 1..].iter().all(|l| only_links(l)) && i > 0);
    let mut out = Vec::new();
    let mut para: Vec<String> = Vec::new();
    let flush = |para: &mut Vec<String>, out: &mut Vec<RawBlock>| {
        if para.is_empty() {
            return;
        }
        let table = para.iter().all(|l| l.trim_start().starts_with('|'));
        if table {
            let rows: Vec<String> = para
                .iter()
                .filter(|l| !l.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')))
                .map(|l| l.trim().trim_matches('|').split('|').map(str::trim).collect::<Vec<_>>().join("  "))
                .collect();
            out.push(RawBlock::new(BlockKind::Lines, rows.join("\n")));
        } else if para.len() == 1 {
            let t = para[0].clone();
            let kind = if looks_like_heading(&t) && t.split_whitespace().count() <= 8 {
                BlockKind::Heading
            } else {
                BlockKind::Paragraph
            };
            out.push(RawBlock::new(kind, t));
        } else if para.iter().all(|l| l.split_whitespace().count() > 12) {
            out.push(RawBlock::new(BlockKind::Paragraph, para.join(" ")));
        } else {
            out.push(RawBlock::new(BlockKind::Lines, para.join("\n")));
        }
        para.clear();
    };
    for (i, raw) in lines.iter().enumerate() {
        if trailer_at.is_some_and(|t| i >= t) {
            break;
        }
        let line = raw.trim_end();
        if line.trim().is_empty() {
            flush(&mut para, &mut out);
            continue;
        }
        if let Some(h) = line.trim_start().strip_prefix('#') {
            flush(&mut para, &mut out);
            let h = inline(h.trim_start_matches('#').trim());
            if meta.title.is_none() && out.is_empty() {
                meta.title = Some(h.clone());
            }
            out.push(RawBlock::new(BlockKind::Heading, h));
            continue;
        }
        if is_rule(line) {
            flush(&mut para, &mut out);
            continue;
        }
        if let Some(item) = list_item(line) {
            flush(&mut para, &mut out);
            out.push(RawBlock::new(BlockKind::Item, inline(item)));
            continue;
        }
        para.push(if line.trim_start().starts_with('|') {
            line.to_string()
        } else {
            inline(line.trim())
        });
    }
    flush(&mut para, &mut out);
    if let Some(t) = trailer_at {
        let links: Vec<String> = lines[t + 1..]
            .iter()
            .map(|l| inline(l.trim()))
            .filter(|l| !l.trim().is_empty())
            .collect();
        if !links.is_empty() {
            out.push(RawBlock {
                kind: BlockKind::Lines,
                text: links.join("\n"),
                zone: Zone::Trailer,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_metadata_not_body() {
        let mut m = Meta::default();
        let b = blocks(
            "---\ntitle: \"Acme Beats\"\ndate: 2024-11-06T10:00:00Z\nsource: https://x.test/a\n---\n\nBody text here.\n",
            &mut m,
        );
        assert_eq!(m.title.as_deref(), Some("Acme Beats"));
        assert_eq!(m.date, NaiveDate::from_ymd_opt(2024, 11, 6));
        assert_eq!(m.source_url.as_deref(), Some("https://x.test/a"));
        assert_eq!(b.len(), 1);
        assert!(!b[0].text.contains("title"));
    }

    #[test]
    fn links_images_and_trailer() {
        let mut m = Meta::default();
        let b = blocks(
            "# Title\n\nSee [our site](https://a.test) now ![logo](x.png).\n\n---\n\n[Source](https://s.test)\n\n![QR](q.webp)\n",
            &mut m,
        );
        assert_eq!(b[0].kind, BlockKind::Heading);
        assert_eq!(b[1].text, "See our site: https://a.test now .");
        assert_eq!(b.last().map(|x| x.zone), Some(Zone::Trailer));
    }

    #[test]
    fn unclosed_brackets_are_kept() {
        assert_eq!(inline("a [b c"), "a [b c");
        assert_eq!(inline("[x](y"), "[x](y");
    }
}
