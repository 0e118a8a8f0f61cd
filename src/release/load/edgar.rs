//! Whole EDGAR submission files: an SGML header and `<DOCUMENT>`s, each with `<TYPE>` and a
//! `<TEXT>` body that may be HTML, plain text, or uuencoded binaries (images, PDFs, XBRL zips).
//!
//! The press-release exhibits (EX-99.x, old EX-20.x) make up the release; the form itself (8-K,
//! 6-K, SC TO...) follows as the filing, so its items can be read too.

use super::{BlockKind, Loaded, RawBlock, Zone, html, plain};
use crate::release::model::DocumentInfo;
use chrono::NaiveDate;

struct Document<'a> {
    doc_type: String,
    filename: Option<String>,
    description: Option<String>,
    body: &'a str,
}

/// Find `<TAG>` ignoring ASCII case, from `from`. The tag's first byte is looked for with memchr
/// (in both cases): in a body of HTML the candidates are its many `<`s, which SIMD search skips
/// between at a fraction of the cost of a byte-by-byte loop.
fn find_tag(hay: &str, tag: &str, from: usize) -> Option<usize> {
    let bytes = hay.as_bytes();
    let t = tag.as_bytes();
    if from >= bytes.len() || t.is_empty() {
        return None;
    }
    let (lower, upper) = (t[0].to_ascii_lowercase(), t[0].to_ascii_uppercase());
    let last = bytes.len().checked_sub(t.len())?;
    let window = bytes.get(from..=last)?;
    memchr::memchr2_iter(lower, upper, window)
        .map(|p| from + p)
        .find(|&p| bytes[p..p + t.len()].eq_ignore_ascii_case(t))
}

/// The value of a one-line SGML tag such as `<TYPE>EX-99.1`.
fn header_value(head: &str, tag: &str) -> Option<String> {
    let p = find_tag(head, tag, 0)?;
    let rest = &head[p + tag.len()..];
    let line = rest.lines().next().unwrap_or("").split('<').next().unwrap_or("").trim();
    (!line.is_empty()).then(|| line.to_string())
}

fn documents(text: &str) -> Vec<Document<'_>> {
    let mut docs = Vec::new();
    let mut pos = 0;
    while let Some(start) = find_tag(text, "<DOCUMENT>", pos) {
        let content_start = start + "<DOCUMENT>".len();
        let end = find_tag(text, "</DOCUMENT>", content_start).unwrap_or(text.len());
        let doc = &text[content_start..end];
        let (head, body) = match find_tag(doc, "<TEXT>", 0) {
            Some(t) => {
                let body_start = t + "<TEXT>".len();
                let body_end = find_tag(doc, "</TEXT>", body_start).unwrap_or(doc.len());
                (&doc[..t], &doc[body_start..body_end])
            }
            None => (doc, ""),
        };
        docs.push(Document {
            doc_type: header_value(head, "<TYPE>")
                .unwrap_or_else(|| "UNKNOWN".to_string())
                .to_ascii_uppercase(),
            filename: header_value(head, "<FILENAME>"),
            description: header_value(head, "<DESCRIPTION>"),
            body,
        });
        pos = end.max(content_start);
    }
    docs
}

/// Remove uuencoded binaries (`begin 644 name` ... `end`) and binary wrappers.
fn strip_binaries(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut in_uu = false;
    for line in body.split_inclusive('\n') {
        let t = line.trim();
        if in_uu {
            if t == "end" {
                in_uu = false;
            }
            continue;
        }
        let mut parts = t.split_whitespace();
        if parts.next() == Some("begin")
            && parts
                .next()
                .is_some_and(|m| m.len() == 3 && m.bytes().all(|b| (b'0'..=b'7').contains(&b)))
        {
            in_uu = true;
            continue;
        }
        out.push_str(line);
    }
    out
}

fn is_binary_type(t: &str) -> bool {
    t == "GRAPHIC" || t == "ZIP" || t == "PDF" || t == "XML" || t == "JSON" || t == "EXCEL" || t.starts_with("EX-101")
}

fn is_release_type(t: &str) -> bool {
    t.starts_with("EX-99") || t.starts_with("EX-20")
}

fn looks_html(body: &str) -> bool {
    let head: String = body.chars().take(8192).collect::<String>().to_ascii_lowercase();
    ["<html", "<body", "<p>", "<p ", "<div", "<table", "<br", "<font"]
        .iter()
        .filter(|t| head.contains(*t))
        .count()
        >= 1
}

fn read_body(doc: &Document<'_>) -> Vec<RawBlock> {
    if is_binary_type(&doc.doc_type) {
        return Vec::new();
    }
    let body = strip_binaries(doc.body);
    let lower_head: String = body.chars().take(200).collect::<String>().to_ascii_lowercase();
    if lower_head.contains("<pdf>") {
        return Vec::new();
    }
    let mut meta = super::Meta::default();
    if looks_html(&body) {
        html::blocks(&body, &mut meta)
    } else {
        plain::blocks(&body)
    }
}

fn word_count(blocks: &[RawBlock]) -> usize {
    blocks
        .iter()
        .map(|b| b.text.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count())
        .sum()
}

fn header_date(head: &str, tag: &str) -> Option<NaiveDate> {
    let p = head.find(tag)?;
    let digits: String = head[p + tag.len()..].chars().skip_while(|c| !c.is_ascii_digit()).take(8).collect();
    NaiveDate::parse_from_str(&digits, "%Y%m%d").ok()
}

/// Read a submission into `loaded`; `pick` shows one document alone.
pub fn read(text: &str, pick: Option<usize>, loaded: &mut Loaded) {
    let header_end = find_tag(text, "<DOCUMENT>", 0).unwrap_or(0);
    let head = &text[..header_end];
    loaded.meta.filed = header_date(head, "FILED AS OF DATE:").or_else(|| header_date(head, "CONFORMED PERIOD OF REPORT:"));
    loaded.meta.filer = head
        .lines()
        .find_map(|l| l.trim().strip_prefix("COMPANY CONFORMED NAME:"))
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty());

    let docs = documents(text);
    let bodies: Vec<Vec<RawBlock>> = docs.iter().map(read_body).collect();
    let has_text: Vec<bool> = bodies.iter().map(|b| word_count(b) >= 5).collect();

    let release_idx: Vec<usize> = match pick {
        Some(i) if i < docs.len() => vec![i],
        _ => (0..docs.len())
            .filter(|&i| is_release_type(&docs[i].doc_type) && has_text[i])
            .collect(),
    };
    let exhibits_without_text: Vec<&str> = (0..docs.len())
        .filter(|&i| is_release_type(&docs[i].doc_type) && !has_text[i])
        .map(|i| docs[i].doc_type.as_str())
        .collect();
    let main = (0..docs.len()).find(|&i| !is_binary_type(&docs[i].doc_type));

    let (release, filing): (Vec<usize>, Option<usize>) = if pick.is_some() {
        (release_idx, None)
    } else if !release_idx.is_empty() {
        (release_idx.clone(), main.filter(|m| !release_idx.contains(m) && has_text[*m]))
    } else if !exhibits_without_text.is_empty() {
        loaded.notices.push(format!(
            "No text in this release: {} holds only images or binary data. The filing itself is shown below.",
            exhibits_without_text.join(", ")
        ));
        (Vec::new(), main.filter(|m| has_text[*m]))
    } else {
        (main.filter(|m| has_text[*m]).into_iter().collect(), None)
    };

    let mut bodies = bodies;
    for &i in &release {
        loaded.blocks.append(&mut bodies[i]);
    }
    if let Some(f) = filing {
        for mut b in std::mem::take(&mut bodies[f]) {
            b.zone = Zone::Filing;
            loaded.blocks.push(b);
        }
    }
    if docs.is_empty() {
        // A fragment without <DOCUMENT>s: read what is there as plain text.
        loaded.blocks = plain::blocks(text);
    }
    loaded.documents = docs
        .iter()
        .enumerate()
        .map(|(i, d)| DocumentInfo {
            index: i,
            doc_type: d.doc_type.clone(),
            filename: d.filename.clone(),
            description: d.description.clone(),
            shown: release.contains(&i) || filing == Some(i),
            has_text: has_text[i],
        })
        .collect();
    if loaded.blocks.iter().all(|b| b.kind != BlockKind::Paragraph) && loaded.notices.is_empty() && !loaded.blocks.is_empty() {
        loaded
            .notices
            .push("This submission holds no running text, only tables or lists.".to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::release::model::{Encoding, Format};

    fn load(text: &str) -> Loaded {
        let mut l = Loaded {
            format: Format::EdgarSubmission,
            encoding: Encoding::Utf8,
            blocks: vec![],
            meta: Default::default(),
            documents: vec![],
            notices: vec![],
        };
        read(text, None, &mut l);
        l
    }

    const SUB: &str = "<SEC-DOCUMENT>x\n<SEC-HEADER>\nFILED AS OF DATE:\t\t20040722\nCOMPANY CONFORMED NAME:\t\tACME CORP\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\nItem 12. Results of Operations and Financial Condition of the company.\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-99.1\n<FILENAME>ex.htm\n<TEXT>\n<html><p>Acme reports record results for the quarter.</p></html>\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>GRAPHIC\n<TEXT>\nbegin 644 logo.jpg\nM_]C_X``02D9)1@`!\n`\nend\n</TEXT>\n</DOCUMENT>\n";

    #[test]
    fn exhibit_first_then_filing() {
        let l = load(SUB);
        assert_eq!(l.meta.filed, NaiveDate::from_ymd_opt(2004, 7, 22));
        assert_eq!(l.meta.filer.as_deref(), Some("ACME CORP"));
        assert_eq!(l.documents.len(), 3);
        assert_eq!(l.blocks[0].zone, Zone::Release);
        assert!(l.blocks[0].text.contains("record results"));
        assert_eq!(l.blocks.last().map(|b| b.zone), Some(Zone::Filing));
        assert!(!l.documents[2].has_text);
    }

    #[test]
    fn image_only_exhibit_gives_notice() {
        let sub = "<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nItem 5.02 Departure of Directors or Certain Officers of the company.\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\n<html><body><img src=\"a.jpg\"></body></html>\n</TEXT>\n</DOCUMENT>\n";
        let l = load(sub);
        assert!(l.notices[0].contains("No text in this release"), "{:?}", l.notices);
        assert!(l.blocks.iter().all(|b| b.zone == Zone::Filing));
    }

    #[test]
    fn no_exhibit_means_the_form_is_the_release() {
        let l = load(
            "<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nItem 5. Other events. The company announced a new majority holder today.\n</TEXT>\n</DOCUMENT>",
        );
        assert!(l.blocks.iter().all(|b| b.zone == Zone::Release));
        assert!(!l.blocks.is_empty());
    }

    #[test]
    fn tags_are_found_in_any_case_and_only_whole() {
        let hay = "<TEXT>\n<p>a < b</p><text>x</Text>\n</TEXT";
        assert_eq!(find_tag(hay, "<TEXT>", 0), Some(0));
        assert_eq!(find_tag(hay, "<TEXT>", 1), Some(19));
        assert_eq!(find_tag(hay, "</TEXT>", 0), Some(26));
        // "</TEXT" without its ">" at the very end is no tag; nor is a search from past the end
        assert_eq!(find_tag(hay, "</TEXT>", 27), None);
        assert_eq!(find_tag(hay, "<TEXT>", hay.len()), None);
        assert_eq!(find_tag("<TEX", "<TEXT>", 0), None);
        assert_eq!(find_tag("", "<TEXT>", 0), None);
        // a tag name glued to more letters still starts with the tag: the SGML reading of EDGAR
        assert_eq!(find_tag("x<DOCUMENT>", "<DOC", 0), Some(1));
        assert_eq!(find_tag("<Type>EX-99.1", "type>", 0), Some(1));
    }

    #[test]
    fn unterminated_tags_do_not_panic() {
        let l = load("<DOCUMENT><TYPE>EX-99<TEXT>dangling text with several words in it");
        assert_eq!(l.documents.len(), 1);
        let l = load("<DOCUMENT>");
        assert_eq!(l.documents.len(), 1);
    }
}
