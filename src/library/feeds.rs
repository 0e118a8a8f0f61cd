//! Wire feeds (RSS, Atom, JSON Feed, parsed by `feed-rs`): the items of a feed, with titles made
//! safe to show, and which of them are new since the last look.

use serde::{Deserialize, Serialize};

/// A feed named in the config file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedSource {
    pub name: String,
    pub url: String,
}

/// One item of a feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeedItem {
    pub feed: String,
    /// Stable identity: the item's id, else its link.
    pub id: String,
    pub title: String,
    /// The item's page (what the HTML loader reads).
    pub link: Option<String>,
    /// `YYYY-MM-DD`, when the feed says.
    pub published: Option<String>,
}

/// A title or name made safe and short: no control or escape bytes, one line, at most 300 characters.
pub fn clean_title(s: &str) -> String {
    let s = crate::release::load::collapse_spaces(&crate::display_safe(s));
    match s.char_indices().nth(300) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

/// Only http(s) links are followed.
fn clean_link(s: &str) -> Option<String> {
    let s = s.trim();
    (crate::library::fetch::is_url(s) && !s.bytes().any(|b| b <= b' ' || b == 0x7f)).then(|| s.to_string())
}

/// The items of a feed document, in the feed's order.
pub fn parse(feed_name: &str, bytes: &[u8]) -> Result<Vec<FeedItem>, String> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| format!("not a feed ({})", clean_title(&e.to_string())))?;
    let name = clean_title(feed_name);
    Ok(feed
        .entries
        .into_iter()
        .map(|e| {
            let link = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(e.links.first())
                .and_then(|l| clean_link(&l.href));
            let title = e.title.map(|t| clean_title(&t.content)).filter(|t| !t.is_empty());
            FeedItem {
                feed: name.clone(),
                id: if e.id.trim().is_empty() {
                    link.clone().unwrap_or_default()
                } else {
                    clean_title(&e.id)
                },
                title: title.unwrap_or_else(|| "(untitled)".into()),
                link,
                published: e.published.or(e.updated).map(|d| d.format("%Y-%m-%d").to_string()),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link><description>d</description>
<item><title>Acme Reports Results &#x1b;]0;PWNED&#x7;</title><link>https://wire.example/a.html</link><guid>a1</guid><pubDate>Tue, 05 Nov 2024 16:05:00 GMT</pubDate></item>
<item><title><![CDATA[Beta ]]>&#x202e;Corp&#x1b;[2J Update</title><link>javascript:alert(1)</link><guid>b2</guid></item>
</channel></rss>"#;

    #[test]
    fn hostile_titles_are_cleaned_and_bad_links_dropped() {
        let items = parse("Wire \x1b[31mfeed", RSS.as_bytes()).expect("parse");
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].title, "Acme Reports Results");
        assert_eq!(items[0].link.as_deref(), Some("https://wire.example/a.html"));
        assert_eq!(items[0].published.as_deref(), Some("2024-11-05"));
        assert_eq!(items[1].title, "Beta Corp Update");
        assert_eq!(items[1].link, None, "only http(s) pages are fetched");
        assert_eq!(items[0].feed, "Wire feed");
        for i in &items {
            assert!(!i.title.chars().any(char::is_control));
        }
    }

    #[test]
    fn not_a_feed() {
        assert!(parse("w", b"<html><body>hi</body></html>").is_err());
    }

    #[test]
    fn long_titles_are_cut() {
        assert_eq!(clean_title(&"x".repeat(400)).chars().count(), 301);
    }
}
