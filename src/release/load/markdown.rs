//! Markdown from wire archives: optional YAML front matter (metadata, never body text), `#`
//! headings, paragraphs, lists, pipe tables, links; a trailing block of archive links after a
//! `---` rule is kept apart as trailer.

use super::{BlockKind, Meta, RawBlock, Zone, plain::looks_like_heading};
use chrono::NaiveDate;

/// Split off a leading `---` ... `---` front-matter block. Only YAML makes front matter: every
/// line between the rules is a `key: value` line, a list item, an indented continuation or a
/// comment, and at least one is a key. A release that merely opens with a `---` rule keeps all
/// its text.
fn front_matter(text: &str) -> (Option<&str>, &str) {
    let t = text.trim_start_matches(['\u{feff}', '\n', '\r']);
    if let Some(rest) = t.strip_prefix("---") {
        let rest = rest.trim_start_matches(['\r']);
        if let Some(rest) = rest.strip_prefix('\n') {
            for (i, _) in rest.match_indices("\n---") {
                let after = &rest[i + 4..];
                if after.is_empty() || after.starts_with('\n') || after.starts_with("\r\n") {
                    let block = &rest[..i];
                    return if is_yaml(block) { (Some(block), after) } else { (None, text) };
                }
            }
        }
    }
    (None, text)
}

/// A YAML key line: "title: ...", "published_at: ...", "tags:".
fn is_yaml_key(line: &str) -> bool {
    let Some((k, _)) = line.split_once(':') else { return false };
    !k.is_empty()
        && k.len() <= 40
        && k.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && k.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ' '))
        && !k.ends_with(' ')
}

fn is_yaml(block: &str) -> bool {
    let mut keys = 0;
    for line in block.lines().map(|l| l.trim_end_matches('\r')).filter(|l| !l.trim().is_empty()) {
        if is_yaml_key(line) {
            keys += 1;
        } else if !(line.starts_with([' ', '\t', '#']) || line.starts_with("- ")) {
            return false;
        }
    }
    keys > 0
}

/// The real target of a tracking redirect: a link through a wire's click counter carries it in a
/// query parameter (`u=`, `url=`, `target=`, `dest=`, `redirect=`), percent-encoded.
pub(crate) fn untrack(url: &str) -> std::borrow::Cow<'_, str> {
    let Some((_, query)) = url.split_once('?') else {
        return url.into();
    };
    for pair in query.split('&') {
        let Some((k, v)) = pair.split_once('=') else { continue };
        if !matches!(
            k.to_ascii_lowercase().as_str(),
            "u" | "url" | "target" | "dest" | "destination" | "redirect" | "redirect_url"
        ) {
            continue;
        }
        let decoded = percent_decode(v);
        let lower = decoded.to_ascii_lowercase();
        if (lower.starts_with("https://") || lower.starts_with("http://")) && !decoded.chars().any(|c| c.is_control() || c.is_whitespace())
        {
            return decoded.into();
        }
    }
    url.into()
}

fn percent_decode(v: &str) -> String {
    let b = v.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Emphasis markers go: `*Investors who purchased*`, `_Note_`, `***x***`. A run of `*` or `_`
/// that opens (followed by a non-space, not preceded by a letter or digit) pairs with the next run
/// of the same character that closes; unpaired marks ("EBITDA*", "snake_case", "5 * 3") stay, and
/// link targets and bare URLs are left as they are.
fn strip_emphasis(s: &str) -> String {
    // no delimiter, nothing to take out
    if !s.bytes().any(|b| b == b'*' || b == b'_') {
        return s.to_string();
    }
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|c| c.1);
    // Runs of delimiters: (first char index, length, char, can open, can close).
    let mut runs: Vec<(usize, usize, char, bool, bool)> = Vec::new();
    let mut i = 0;
    let mut in_url = false;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() || matches!(c, ')' | ']' | '>') {
            in_url = false;
        } else if !in_url && (s[chars[i].0..].starts_with("http://") || s[chars[i].0..].starts_with("https://")) {
            in_url = true;
        }
        if c == '\\' {
            i += 2;
            continue;
        }
        if in_url || !matches!(c, '*' | '_') {
            i += 1;
            continue;
        }
        let mut j = i;
        while at(j) == Some(c) {
            j += 1;
        }
        let before = if i == 0 { None } else { at(i - 1) };
        let after = at(j);
        let word = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
        let space = |x: Option<char>| x.is_none_or(char::is_whitespace);
        let open = !space(after) && !word(before);
        let close = !space(before) && !word(after);
        // Underscores inside a word are part of it.
        if !(c == '_' && word(before) && word(after)) {
            runs.push((i, j - i, c, open, close));
        }
        i = j;
    }
    let mut drop = vec![false; n];
    let mut k = 0;
    while k < runs.len() {
        let (start, len, c, open, _) = runs[k];
        if open {
            if let Some(m) = (k + 1..runs.len()).find(|&m| runs[m].2 == c && runs[m].4 && runs[m].1 == len) {
                for d in drop.iter_mut().skip(start).take(len) {
                    *d = true;
                }
                let (cs, cl, ..) = runs[m];
                for d in drop.iter_mut().skip(cs).take(cl) {
                    *d = true;
                }
                k = m + 1;
                continue;
            }
        }
        k += 1;
    }
    chars.iter().zip(drop).filter(|(_, d)| !d).map(|((_, c), _)| *c).collect()
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

/// Inline Markdown to plain text: links keep text and target (the real one behind a tracking
/// redirect), images and links with no text go, emphasis marks go.
fn inline(s: &str) -> String {
    let s = strip_emphasis(s);
    let s = s.as_str();
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
                    let url = untrack(url.split_whitespace().next().unwrap_or(""));
                    let url = url.as_ref();
                    if label.is_empty() {
                        // "[](https://.../Logo.html)": nothing to read.
                    } else if label == url {
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
    let mut s = out;
    if !s.contains('\\') {
        return s;
    }
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
                .map(|l| {
                    l.trim()
                        .trim_matches('|')
                        .split('|')
                        .map(|c| inline(c.trim()))
                        .collect::<Vec<_>>()
                        .join("  ")
                })
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
    fn a_leading_rule_is_not_front_matter() {
        let mut m = Meta::default();
        let b = blocks(
            "---\n\nAcme Reports Results\n\nNEW YORK -- Acme said.\n\n---\n\nMore text here.\n",
            &mut m,
        );
        assert!(m.title.is_none());
        let all: Vec<&str> = b.iter().map(|x| x.text.as_str()).collect();
        assert!(all.contains(&"Acme Reports Results"), "{all:?}");
        assert!(all.contains(&"More text here."), "{all:?}");
        // YAML with lists and continuations is front matter.
        let mut m = Meta::default();
        let b = blocks("---\ntitle: T\ntags:\n  - a\n- b\n---\nBody.\n", &mut m);
        assert_eq!(m.title.as_deref(), Some("T"));
        assert_eq!(b.len(), 1);
        // A sentence with a colon is not a YAML key.
        assert!(!is_yaml("Note: this is a sentence, not metadata.\nAnd so is this."));
    }

    #[test]
    fn emphasis_markers_go() {
        assert_eq!(inline("*Investors who purchased* shares"), "Investors who purchased shares");
        assert_eq!(inline("**Bold** and ***both*** and _under_"), "Bold and both and under");
        assert_eq!(inline("a *[link](https://a.test/x_y_z)* here"), "a link: https://a.test/x_y_z here");
        // Unpaired marks and marks inside words stay.
        assert_eq!(inline("Adjusted EBITDA* rose"), "Adjusted EBITDA* rose");
        assert_eq!(inline("file snake_case_name and 5 * 3"), "file snake_case_name and 5 * 3");
        assert_eq!(inline("see https://x.test/a_b_c and *this*"), "see https://x.test/a_b_c and this");
    }

    #[test]
    fn empty_links_vanish_and_redirects_show_their_target() {
        assert_eq!(inline("[](https://mma.prnewswire.com/media/1/Acme_Logo.html) Acme"), " Acme");
        assert_eq!(
            inline("[acme.com](https://c212.net/c/link/?t=0&l=en&o=1&h=2&u=https%3A%2F%2Fwww.acme.com%2Finvestors&a=acme.com)"),
            "acme.com: https://www.acme.com/investors"
        );
        assert_eq!(
            untrack("https://cts.businesswire.com/ct/CT?id=smartlink&url=http%3A%2F%2Fwww.acme.com&esheet=1"),
            "http://www.acme.com"
        );
        // A query parameter that is no URL, or a control byte in it, leaves the link as it is.
        assert_eq!(untrack("https://a.test/?u=johndoe"), "https://a.test/?u=johndoe");
        assert_eq!(
            untrack("https://a.test/?u=https%3A%2F%2Fb.test%0A"),
            "https://a.test/?u=https%3A%2F%2Fb.test%0A"
        );
        assert_eq!(percent_decode("%E2%82%AC%2"), "€%2");
    }

    #[test]
    fn unclosed_brackets_are_kept() {
        assert_eq!(inline("a [b c"), "a [b c");
        assert_eq!(inline("[x](y"), "[x](y");
    }
}
