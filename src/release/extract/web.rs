//! E-mail addresses and URLs. Trailing punctuation is never part of a URL; a closing parenthesis
//! only when the URL opened one.

use super::Claims;
use crate::release::model::{Fact, FactKind};
use crate::release::pattern::Pattern;
use crate::release::text::char_before;
use std::sync::LazyLock;

static EMAIL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?-u)[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}",
    )
});
static URL: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r#"(?i)(?:https?://|www\.)[^\s<>"'\[\]{}|\\^`“”‘’]+"#));
/// The host of a URL: a dotted name ending in letters, or an IPv4 address, or "localhost".
static HOST: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i-u)^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}|[0-9]{1,3}(?:\.[0-9]{1,3}){3}|localhost)(?::[0-9]{1,5})?$",
    )
});
static BARE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?-u:\b)[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|gov|edu|io|co|biz|info|us|uk|ca|de|nl|fr|sg|cn|jp)(?:\.[a-z]{2})?(?-u:\b)(?:/[^\s<>()\[\]]*)?",
    )
});

/// Cut trailing punctuation, and a `)` that closes nothing inside the URL.
fn trim_url(s: &str) -> &str {
    let mut s = s;
    loop {
        let before = s.len();
        s = s.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '"', '*']);
        if s.ends_with(')') && s.matches('(').count() < s.matches(')').count() {
            s = &s[..s.len() - 1];
        }
        if s.len() == before {
            return s;
        }
    }
}

/// An e-mail address whose local part has no empty piece ("a..bc@", ".abc@" are none), cut where
/// flattened text glued the next word to its domain ("investors@hdpharma.comGregor").
fn email_span(text: &str, start: usize, s: &str) -> Option<usize> {
    let (local, domain) = s.split_once('@')?;
    if local.contains("..") || matches!(char_before(text, start), Some('.' | '@')) {
        return None;
    }
    let last = domain.rfind('.')? + 1;
    let tld = &domain[last..];
    let hump = tld
        .char_indices()
        .skip(1)
        .find(|&(i, c)| c.is_ascii_uppercase() && tld[..i].bytes().all(|b| b.is_ascii_lowercase()));
    let tld_len = hump.map_or(tld.len(), |(i, _)| i);
    (tld_len >= 2).then(|| local.len() + 1 + last + tld_len)
}

/// Is the host part of a URL a host ("http://#", "http://362", "http://word-word." are not)?
fn has_host(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    HOST.is_match(host)
}

pub fn scan(text: &str, claims: &mut Claims, facts: &mut Vec<Fact>) {
    for m in EMAIL.find_iter(text) {
        let s = m.as_str().trim_end_matches(['.', '-']);
        let Some(len) = email_span(text, m.start(), s) else { continue };
        let s = &s[..len];
        let (start, end) = (m.start(), m.start() + s.len());
        if claims.claim(start, end) {
            facts.push(Fact::new(FactKind::Email, text, start, end, Some(s.to_lowercase())));
        }
    }
    for m in URL.find_iter(text) {
        if m.as_str().to_ascii_lowercase().starts_with("www") && matches!(char_before(text, m.start()), Some('.' | '/' | '@')) {
            continue;
        }
        let s = trim_url(m.as_str());
        let (start, end) = (m.start(), m.start() + s.len());
        if s.len() > 4 && has_host(s) && claims.claim(start, end) {
            facts.push(Fact::new(FactKind::Url, text, start, end, Some(normalise(s))));
        }
    }
    for m in BARE.find_iter(text) {
        if matches!(char_before(text, m.start()), Some('.' | '/' | '@' | '-')) || m.as_str().starts_with("www.") {
            continue;
        }
        let s = trim_url(m.as_str());
        let (start, end) = (m.start(), m.start() + s.len());
        if claims.claim(start, end) {
            facts.push(Fact::new(FactKind::Url, text, start, end, Some(normalise(s))));
        }
    }
}

fn normalise(url: &str) -> String {
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        url.to_string()
    } else {
        format!("http://{url}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(t: &str) -> Vec<(FactKind, String)> {
        let mut c = Claims::default();
        let mut f = Vec::new();
        scan(t, &mut c, &mut f);
        f.into_iter().map(|f| (f.kind, f.text(t).to_string())).collect()
    }

    #[test]
    fn urls_lose_trailing_punctuation() {
        assert_eq!(
            found("visit http://www.sonusnet.com."),
            vec![(FactKind::Url, "http://www.sonusnet.com".into())]
        );
        assert_eq!(found("(www.apple.com/pr)"), vec![(FactKind::Url, "www.apple.com/pr".into())]);
        assert_eq!(
            found("see https://en.test/a_(b) now"),
            vec![(FactKind::Url, "https://en.test/a_(b)".into())]
        );
        assert_eq!(
            found("http://phx.corporate-ir.net/phoenix.zhtml?p=irol-eventDetails&c=63737&eventID=919413."),
            vec![(
                FactKind::Url,
                "http://phx.corporate-ir.net/phoenix.zhtml?p=irol-eventDetails&c=63737&eventID=919413".into()
            )]
        );
    }

    #[test]
    fn url_glued_to_a_word() {
        assert_eq!(
            found("Company Websitehttps://iondigitalcorp.com"),
            vec![(FactKind::Url, "https://iondigitalcorp.com".into())]
        );
    }

    #[test]
    fn glued_email_ends_at_its_domain() {
        let t = "E-mail: investors@hdpharma.comGregor-Mendel-Str. 22";
        assert!(found(t).contains(&(FactKind::Email, "investors@hdpharma.com".into())));
        // near-misses: a capitalised domain and one in capitals stay whole
        assert_eq!(found("Jane@Acme.Com")[0].1, "Jane@Acme.Com");
        assert_eq!(found("INFO@ACME.COM")[0].1, "INFO@ACME.COM");
    }

    #[test]
    fn emails_are_not_urls() {
        assert_eq!(
            found("jphilbrook@sonusnet.com."),
            vec![(FactKind::Email, "jphilbrook@sonusnet.com".into())]
        );
        assert_eq!(
            found("Email: info@skylineccg.com "),
            vec![(FactKind::Email, "info@skylineccg.com".into())]
        );
    }

    #[test]
    fn not_addresses() {
        assert!(found("Both a..bc@outlook.com and .abc@hotmail.com are not").is_empty());
        assert!(found("http://# is invalid").is_empty());
        assert!(found("http://362").is_empty());
        assert!(found("http://dafdafdasf-dajfdlkajfkla-fdafd.").is_empty());
        assert_eq!(
            found("see http://10.0.0.1:8080/x"),
            vec![(FactKind::Url, "http://10.0.0.1:8080/x".into())]
        );
    }

    #[test]
    fn email_glued_to_the_next_word() {
        assert_eq!(
            found("investors@hdpharma.comGregor Smith"),
            vec![(FactKind::Email, "investors@hdpharma.com".into())]
        );
        assert_eq!(found("ir@Example.COM"), vec![(FactKind::Email, "ir@Example.COM".into())]);
    }

    #[test]
    fn bare_domains() {
        assert_eq!(found("abc.def.ghi.com.sa"), vec![(FactKind::Url, "abc.def.ghi.com.sa".into())]);
        assert_eq!(found("visit nephros.com today"), vec![(FactKind::Url, "nephros.com".into())]);
        assert!(found("version 1.2 of the e.g. plan").is_empty());
    }
}
